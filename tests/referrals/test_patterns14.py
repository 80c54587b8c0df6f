"""Patterns whose alternatives were meant to hold spaces (found with blind set 14).

The pattern syntax splits a term on spaces first, so ``"slut på ~ mig själv|livet|mitt liv"``
was the words ``mig``, ``själv|livet|mitt`` and ``liv`` in a row: "göra slut på livet" never
matched it. Such terms are now one term per wording. Staff see the difference in the reasons:
the words that triggered a verdict. Wordings of our own.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat

WHOLE_PHRASE_IN_REASONS = [
    ("sv", "self", "jag tänker göra slut på livet ikväll", "göra slut på livet"),
    ("nb", "self", "han truet meg i går og sa at han kommer hjem i morgen", "kommer hjem i morgen"),
    ("en", "relative", "my uncle told me he'll jump off the roof of his building",
     "jump off the roof"),
]


@pytest.mark.parametrize(("lang", "role", "text", "words"), WHOLE_PHRASE_IN_REASONS)
def test_a_term_with_several_words_in_an_alternative_matches_them(
    directory: Directory, lang: str, role: str, text: str, words: str
) -> None:
    urgent, reasons = SuggestionEngine(directory, model=None).urgency(chat(lang, role, text))
    assert urgent and any(f'"{words}"' in reason for reason in reasons), (text, reasons)


def test_killing_me_as_a_figure_of_speech_stays_no_threat(directory: Directory) -> None:
    """Counter-example: "kill|killing ~ me|...|the kids" had only ever matched "… kids"; read
    whole, "this job is killing me" would be a threat, so the term keeps to the children."""
    engine = SuggestionEngine(directory, model=None)
    assert engine.urgency(chat("en", "self", "my boss is killing me with overtime")) == (False, [])
    urgent, reasons = engine.urgency(
        chat("en", "relative", "he is drunk and screaming he will kill the kids tonight")
    )
    assert urgent and reasons[0].startswith("violence:"), reasons
