"""Cover agreements as config and as rules (relay/cover.py): both sides must agree, errors name
the lines, and a window opens and closes on local wall-clock time, daylight saving included."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from relay.config import ConfigError, load_config
from relay.cover import CoverAgreement, parse_term

STOCKHOLM = ZoneInfo("Europe/Stockholm")

CONFIG = """\
[[organisation]]
id = "a"
name = "Kommun A"
[organisation.hours]
always_open = true
[[organisation.cover]]
offer_to = "b"
thursday = ["{offer}"]

[[organisation]]
id = "b"
name = "Kommun B"
[[organisation.cover]]
accept_from = "a"
thursday = ["{accept}"]

[[organisation]]
id = "c"
name = "Kommun C"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lotsen.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _epoch(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=STOCKHOLM).timestamp()


def test_an_agreement_both_sides_make_is_loaded(tmp_path: Path) -> None:
    """A offers B Thursday evenings and B accepts the same hours: one agreement, in force
    in those hours only, and no other organisation is part of it."""
    config = load_config(_write(tmp_path, CONFIG.format(offer="17:00-21:00",
                                                         accept="17:00-21:00")))
    (agreement,) = config.served().cover
    assert (agreement.covered, agreement.covering) == ("a", "b")
    assert agreement.describe() == "thursday 17:00-21:00 (Europe/Stockholm)"
    assert agreement.in_force(_epoch("2026-12-03T17:00:00"))  # a Thursday
    assert not agreement.in_force(_epoch("2026-12-03T16:59:59"))
    assert not agreement.in_force(_epoch("2026-12-03T21:00:00"))
    assert not agreement.in_force(_epoch("2026-12-04T18:00:00"))  # Friday


def test_sides_that_disagree_are_an_error_naming_both_lines(tmp_path: Path) -> None:
    """B accepts other hours than A offers: the error names A's table and B's, and what each
    says, so ops see at once which line to change."""
    path = _write(tmp_path, CONFIG.format(offer="17:00-21:00", accept="18:00-21:00"))
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert f"{path}:6" in message and f"{path}:13" in message, message
    assert "17:00-21:00" in message and "18:00-21:00" in message, message


def test_an_offer_nobody_accepts_is_an_error(tmp_path: Path) -> None:
    """An offer without the partner's acceptance (or the reverse) never loads."""
    one_sided = CONFIG.format(offer="17:00-21:00", accept="17:00-21:00").replace(
        '[[organisation.cover]]\naccept_from = "a"\nthursday = ["17:00-21:00"]\n', "")
    path = _write(tmp_path, one_sided)
    with pytest.raises(ConfigError, match=r"lotsen.toml:6: .*no \[\[organisation.cover\]\] "
                                          r'with accept_from = "a"'):
        load_config(path)
    only_accept = CONFIG.format(offer="17:00-21:00", accept="17:00-21:00").replace(
        '[[organisation.cover]]\noffer_to = "b"\nthursday = ["17:00-21:00"]\n', "")
    with pytest.raises(ConfigError, match='offer_to = "b"'):
        load_config(_write(tmp_path, only_accept))


def test_a_bad_cover_table_names_its_key_line(tmp_path: Path) -> None:
    """A malformed range, an unknown partner or a missing side each name the line at fault."""
    path = _write(tmp_path, CONFIG.format(offer="21:00-17:00", accept="17:00-21:00"))
    with pytest.raises(ConfigError, match=r"lotsen.toml:8: .*thursday"):
        load_config(path)
    unknown = CONFIG.format(offer="17:00-21:00", accept="17:00-21:00").replace(
        'offer_to = "b"', 'offer_to = "x"')
    with pytest.raises(ConfigError, match="no organisation has that id"):
        load_config(_write(tmp_path, unknown))
    with pytest.raises(ValueError, match="offer_to"):
        parse_term({"thursday": ["17:00-21:00"]})


@pytest.mark.parametrize(("week", "thursday"), [
    ("the week summer time ends (25 October 2026)", "2026-10-29"),
    ("the week summer time starts (29 March 2026)", "2026-04-02"),
    ("a summer week", "2026-07-02"),
])
def test_the_window_follows_local_time_across_daylight_saving(week: str, thursday: str
                                                              ) -> None:
    """Thursday 17:00-21:00 in Stockholm is 17:00-21:00 on the wall clock in a daylight-saving
    week as in any other, though its UTC times move by an hour."""
    agreement = CoverAgreement("a", "b", ((3, ((time(17), time(21)),)),), STOCKHOLM)
    opens = _epoch(f"{thursday}T17:00:00")
    closes = _epoch(f"{thursday}T21:00:00")
    assert not agreement.in_force(opens - 1), week
    assert agreement.in_force(opens), week
    assert agreement.in_force(closes - 1), week
    assert not agreement.in_force(closes), week
    utc_hour = datetime.fromtimestamp(opens, tz=ZoneInfo("UTC")).hour
    assert utc_hour == (16 if thursday.startswith(("2026-10", "2026-12")) else 15), week

