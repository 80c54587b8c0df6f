"""Patterns whose alternatives were meant to hold spaces (found with blind set 14).

The pattern syntax splits a term on spaces first, so ``"slut på ~ mig själv|livet|mitt liv"``
was the words ``mig``, ``själv|livet|mitt`` and ``liv`` in a row: "göra slut på livet" never
matched it. Such terms are now one term per wording. Staff see the difference in the reasons:
the words that triggered a verdict. Wordings of our own.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat, rules_engine

WHOLE_PHRASE_IN_REASONS = [
    ("sv", "self", "jag tänker göra slut på livet ikväll", "göra slut på livet"),
    ("nb", "self", "han truet meg i går og sa at han kommer hjem i morgen", "kommer hjem i morgen"),
    ("en", "relative", "my uncle told me he'll jump off the roof of his building",
     "jump off the roof"),
    # alts14: the rest of the terms with a space inside an alternative, read one by one
    ("sv", "self", "det finns ingen mening med livet längre, jag är så trött",
     "ingen mening med livet"),
    ("sv", "self", "jag skriver bara för att säga att det här blir sista gången ni hör av mig",
     "sista gången ni hör"),
    ("sv", "self", "vaknade i morse och var faktiskt besviken att jag vaknade alls",
     "besviken att jag vaknade"),
    ("nb", "self", "jeg har bestemt meg for å gjøre slutt på livet før jul",
     "gjøre slutt på livet"),
    ("nb", "self", "hvor mange sovetabletter holder egentlig", "hvor mange sovetabletter holder"),
    ("nb", "relative", "søsteren min har slettet kontoene sine og gitt bort katten",
     "slettet kontoene"),
    ("en", "relative", "she keeps saying she will sleep out in the snow tonight",
     "sleep out in the snow"),
    ("en", "relative", "my brother fell off his bike and his arm is bleeding heavily",
     "bleeding heavily"),
    ("sv", "self", "undrar om mamma ens skulle märka det om jag försvann",
     "märka det om jag försvann"),
]


@pytest.mark.parametrize(("lang", "role", "text", "words"), WHOLE_PHRASE_IN_REASONS)
def test_a_term_with_several_words_in_an_alternative_matches_them(
    directory: Directory, lang: str, role: str, text: str, words: str
) -> None:
    urgent, reasons = rules_engine(directory).urgency(chat(lang, role, text))
    assert urgent and any(f'"{words}"' in reason for reason in reasons), (text, reasons)


def test_killing_me_as_a_figure_of_speech_stays_no_threat(directory: Directory) -> None:
    """Counter-example: "kill|killing ~ me|...|the kids" had only ever matched "… kids"; read
    whole, "this job is killing me" would be a threat, so the term keeps to the children."""
    engine = rules_engine(directory)
    assert engine.urgency(chat("en", "self", "my boss is killing me with overtime")) == (False, [])
    urgent, reasons = engine.urgency(
        chat("en", "relative", "he is drunk and screaming he will kill the kids tonight")
    )
    assert urgent and reasons[0].startswith("violence:"), reasons


EVERYDAY_KEPT_AS_BEFORE_ALTS14 = [
    # "worry ~ anymore|any more" only ever matched "any more"; alone it is a verdict
    ("en", "self", "you dont need to worry anymore about the boiler, the plumber came"),
    # "asleep|passed out|lying ~ on the floor" only ever matched "passed out"
    ("en", "relative", "my toddler fell asleep on the floor of the playroom again"),
    ("en", "relative", "my nephew is lying on the floor building lego"),
    # "finally ~ rest" reads whole now; a rest after work stays a rest
    ("en", "self", "the project is done and i can finally rest this weekend"),
]


@pytest.mark.parametrize(("lang", "role", "text"), EVERYDAY_KEPT_AS_BEFORE_ALTS14)
def test_everyday_wordings_near_a_split_alternative_stay_calm(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    assert engine.urgency(chat(lang, role, text)) == (False, []), text


def test_tidying_up_for_those_left_behind_stays_a_farewell(engine: SuggestionEngine) -> None:
    """Counter-example: the Norwegian idiom "ha det ~ i orden|ryddig|ordentlig" only ever
    matched "i orden"; read whole, it would silence "ha det ryddig for de som blir igjen"."""
    urgent, _ = engine.urgency(
        chat("nb", "self", "jeg vil ha det ryddig for dem som blir igjen etter meg")
    )
    assert urgent
