"""Norwegian "nå" typed without å (branch fold42).

The matcher folds å/ä/ö/æ/ø for words of three letters or more; "nå" written as "na" was
therefore never "now", so "pappa slår mamma nå" was urgent and "pappa slar mamma na" was not.
Read sets with every diacritic stripped lost 17 of 1,845 catches; "na" now counts as a
Norwegian "now" (as the dialect "no" did), which gives back four of them and the same false
alarms the unstripped text has (docs/referrals.md, "Norwegian 'nå' without å").
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

URGENT = [
    ("nb", "pappa slar mamma na. jeg er pa rommet", "violence"),
    ("nb", "broren min slar meg na, jeg er 12", "violence"),
]

CALM = [
    ("nb", "pappa slo mamma da jeg var liten. na bor vi bare to og har det rolig"),
    ("nb", "na er eksamen ferdig og jeg vil snakke om drikkingen min"),
    ("en", "na i'm fine, just wondering how to talk to my dad about his drinking"),
]


@pytest.fixture
def rules(directory: Directory) -> SuggestionEngine:
    return rules_engine(directory)


@pytest.mark.parametrize(("lang", "text", "kind"), URGENT)
def test_na_typed_for_now_is_now(
    rules: SuggestionEngine, lang: str, text: str, kind: str
) -> None:
    """"na" with a blow, a fight or an urge reads as "nå": it is going on now."""
    urgent, reasons = rules.urgency(chat_text(lang, "relative", text))
    assert urgent, text
    assert any(reason.startswith(f"{kind}: ") for reason in reasons), reasons


@pytest.mark.parametrize(("lang", "text"), CALM)
def test_na_in_calm_lines_stays_calm(engine: SuggestionEngine, lang: str, text: str) -> None:
    """A past blow, an exam over and an English "na" (nah) stay calm."""
    assert engine.urgency(chat_text(lang, None, text)) == (False, []), text
