"""A year said with "i" / "in" dates a sentence to the past up to last year, by today's date,
not by a year written into the code."""

from __future__ import annotations

import datetime

from referrals.engine import _past_years
from referrals.matching import tokenize


def test_a_year_up_to_the_last_past_one_dates_the_sentence() -> None:
    tokens = tokenize("försökte ta livet av mig i 2026")
    assert _past_years(tokens, last_past_year=2026) == {len(tokens) - 1}
    assert _past_years(tokens, last_past_year=2025) == set()


def test_by_default_last_year_is_past_and_this_year_is_not() -> None:
    """Read against the clock: in 2027 "i 2026" is the past; this year may still be now."""
    this_year = datetime.date.today().year
    last = tokenize(f"tried to end my life in {this_year - 1}")
    now = tokenize(f"in {this_year} i have been drinking every day")
    assert _past_years(last) == {len(last) - 1}
    assert _past_years(now) == set()
