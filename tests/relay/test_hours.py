"""Opening hours: weekly schedule, exception dates, last-entry cut-off and daylight saving."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from relay.hours import OpeningHours

STHLM = ZoneInfo("Europe/Stockholm")


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=STHLM)


def test_default_is_weekdays_noon_to_two_in_stockholm() -> None:
    """The built-in default opens weekdays 12-14 Stockholm time and is closed at weekends."""
    hours = OpeningHours()
    assert hours.state(at(2026, 11, 23, 12, 30)).open  # Monday
    assert not hours.state(at(2026, 11, 23, 11, 59)).open
    assert not hours.state(at(2026, 11, 28, 12, 30)).open  # Saturday
    assert hours.next_open(at(2026, 11, 27, 15, 0)) == at(2026, 11, 30, 12, 0)  # Fri -> Mon


def test_last_entry_cutoff_closes_for_new_chats_before_closing_time() -> None:
    """Within the last-entry minutes the chat reports 'cutoff' and the next opening."""
    hours = OpeningHours(last_entry=timedelta(minutes=10))
    state = hours.state(at(2026, 11, 23, 13, 55))
    assert not state.open and state.reason == "cutoff"
    assert state.next_open == at(2026, 11, 24, 12, 0)
    assert hours.state(at(2026, 11, 23, 13, 49)).open


def test_holiday_exception_closes_a_weekday_and_special_hours_open_a_weekend() -> None:
    """An exception date with no hours is a holiday; one with hours replaces the schedule."""
    hours = OpeningHours(exceptions={date(2026, 12, 24): (),
                                     date(2026, 12, 26): ((time(10), time(11)),)})
    state = hours.state(at(2026, 12, 24, 12, 30))  # Thursday, Christmas Eve
    assert not state.open and state.reason == "holiday"
    assert state.next_open == at(2026, 12, 25, 12, 0)
    assert hours.state(at(2026, 12, 26, 10, 30)).open  # Saturday with special hours


def test_daylight_saving_change_keeps_local_opening_times() -> None:
    """Across the spring and autumn clock changes the chat opens at 12:00 local time."""
    hours = OpeningHours(weekly={d: ((time(12), time(14)),) for d in range(7)})
    # Sunday 29 March 2026: clocks go forward at 02:00 -> opening is 12:00 CEST (UTC+2).
    spring = hours.next_open(at(2026, 3, 29, 1, 30))
    assert spring == at(2026, 3, 29, 12, 0)
    assert spring.utcoffset() == timedelta(hours=2)
    # Sunday 25 October 2026: clocks go back -> 12:00 CET (UTC+1).
    autumn = hours.next_open(at(2026, 10, 25, 1, 30))
    assert autumn is not None
    assert autumn.utcoffset() == timedelta(hours=1)
    utc_noon_after = datetime(2026, 10, 25, 11, 30, tzinfo=ZoneInfo("UTC"))  # 12:30 CET
    assert hours.state(utc_noon_after).open


def test_always_open_has_no_next_opening() -> None:
    """A relay configured always open is open at any moment."""
    hours = OpeningHours(always_open=True)
    assert hours.state(at(2026, 11, 29, 3, 0)).open
    assert hours.next_open(at(2026, 11, 29, 3, 0)) is None
