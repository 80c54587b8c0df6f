"""Another's life ended by their own hand, told in English (probing after blind set 34).

"he talks about ending his life" was calm while "my son talks about killing himself" and the
Swedish and Norwegian forms ("han pratar om att ta sitt liv") were urgent: "ending/end his,
her, their (own) life" is now a phrase that shows suicidal thoughts on its own, as the first
person "ending my life" already was. Fiction and a death chosen long ago stay calm.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

URGENT = [
    ("en", "relative", "my son talks about ending his life"),
    ("en", "relative", "she keeps saying she wants to end her own life"),
    ("en", "relative", "my brother texted me he is going to end his life tonight"),
    ("en", "unknown", "they talk about ending their life all the time, what do i do"),
]

CALM = [
    ("en", "self", "the movie is about a man ending his life, for my film class essay"),
    ("en", "relative", "my grandad chose to end his life in dignity in switzerland in 2015"),
]


@pytest.mark.parametrize(("lang", "role", "text"), URGENT)
def test_another_ending_their_life_is_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_fiction_and_a_death_long_ago_stay_calm(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)
