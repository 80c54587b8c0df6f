"""The model trained on blind sets 9 S-13 as well (blind sets 14 and 15): the checks its
verdicts pass before they count.

Each behaviour in wordings of our own, with a counter-example beside it. Lines are separated
by newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import math

import pytest

from referrals import Directory, SuggestionEngine
from referrals.model import UrgencyModel, line_features

from .helpers import chat_text

# A blow named only as a habit ("when he has been drinking"), with no time, is not violence
# that is ongoing, recent or announced (the shared dev set labels it not urgent): a model
# verdict of violence backed only by an act word needs a time beside it, as the rules do.
HABIT_OF_VIOLENCE = [
    ("sv", "self", "Min sambo slår mig när han har druckit. Jag vågar inte berätta för någon"),
    ("nb", "self", "samboeren min slår meg når han har drukket. tør ikke si det til noen"),
    ("en", "self", "my boyfriend hits me when he has been drinking. i dont dare tell anyone"),
]
VIOLENCE_WITH_A_TIME = [
    ("sv", "self", "Min sambo slår mig när han har druckit. Igår också, jag har blåmärken"),
    ("nb", "self", "samboeren min slår meg når han har drukket. han kommer hjem i kveld"),
    ("en", "self", "my boyfriend hits me when he has been drinking. he hit me last night"),
]


@pytest.mark.parametrize(("lang", "role", "text"), HABIT_OF_VIOLENCE)
def test_a_habit_of_violence_with_no_time_is_not_urgent(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    assert engine.urgency(chat_text(lang, role, text)) == (False, []), text


@pytest.mark.parametrize(("lang", "role", "text"), VIOLENCE_WITH_A_TIME)
def test_violence_with_a_time_is_urgent(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert urgent and reasons[0].startswith("violence:"), (text, reasons)


# "I don't want to die, I just want the anxiety to go away": the death is denied and the
# disappearing is the anxiety's (an idiom); the wish left is the wish for relief.
RELIEF_NOT_DEATH = [
    ("sv", "self", "jag vill inte dö, jag vill bara att ångesten ska försvinna"),
    ("nb", "self", "jeg vil ikke dø, jeg vil bare at angsten skal forsvinne"),
    ("en", "self", "i dont want to die, i just want the anxiety to go away"),
]
AMBIVALENCE = [
    ("sv", "self", "jag vill inte dö men jag vill bara försvinna"),
    ("nb", "self", "jeg vil ikke dø men jeg vil bare forsvinne"),
    ("en", "self", "i dont want to die but i want to disappear"),
]


@pytest.mark.parametrize(("lang", "role", "text"), RELIEF_NOT_DEATH)
def test_a_wish_for_relief_is_no_death_wish(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    assert engine.urgency(chat_text(lang, role, text)) == (False, []), text


@pytest.mark.parametrize(("lang", "role", "text"), AMBIVALENCE)
def test_not_wanting_to_die_but_to_disappear_is_urgent(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert urgent and reasons[0].startswith("suicide:"), (text, reasons)


# From the model's any_kind cut (0.85) a class of any urgent kind backs its verdict: the kind
# model is the weaker reader. The rules learnt from blind set 14 now catch the wordings that
# showed it ("not reacting" in the cold read as third-party danger), so the mechanism is shown
# with the cut lowered, as for the sure cut in test_model.py.
ANY_KIND_WORDING = (
    "i've stopped taking my insulin properly on purpose to punish myself. i know it's "
    "dangerous and i'm going to keep doing it"
)


def test_from_the_any_kind_cut_a_class_of_another_kind_backs_the_verdict(
    directory: Directory,
) -> None:
    shipped = SuggestionEngine(directory)
    assert shipped.model is not None and shipped.model.any_kind == 0.85
    lowered = SuggestionEngine(directory, model=UrgencyModel.load())
    assert lowered.model is not None
    lowered.model.any_kind = 0.6
    verdict = lowered.model.read([line_features(ANY_KIND_WORDING)])
    assert 0.6 <= verdict.probability < 0.85
    urgent, reasons = lowered.urgency(chat_text("en", "self", ANY_KIND_WORDING))
    assert urgent, reasons
    lowered.model.any_kind = math.inf
    assert lowered.urgency(chat_text("en", "self", ANY_KIND_WORDING)) == (False, [])


def test_a_verdict_with_no_class_at_all_still_does_not_count(directory: Directory) -> None:
    """Counter-example, with the cut lowered to 0.6 so that this everyday wording (read above
    0.6, no urgent class in it) would count if the any-kind tier did not need a class."""
    engine = SuggestionEngine(directory, model=UrgencyModel.load())
    assert engine.model is not None
    engine.model.any_kind = 0.6
    text = ("min kompis skrev nyss att hon är ledsen ikväll och vill prata, hon är hemma hos sin "
            "mamma nu")
    assert engine.model.read([line_features(text)]).probability >= 0.6
    assert engine.urgency(chat_text("sv", "relative", text)) == (False, [])
