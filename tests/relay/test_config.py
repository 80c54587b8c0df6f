"""Config files: defaults without a file, and errors that name the file and the line."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from relay.config import ConfigError, RelayConfig, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lotsen.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_needed_defaults_are_local_and_weekday_lunch() -> None:
    """The defaults listen on loopback with the documented port and weekday 12-14 hours."""
    cfg = RelayConfig()
    assert (cfg.host, cfg.port, cfg.retention_days) == ("127.0.0.1", 8765, 30)
    assert cfg.hours.weekly[0] == ((time(12), time(14)),)
    assert any(e["phone"] == "112" for e in cfg.emergency)


def test_full_config_is_read(tmp_path: Path) -> None:
    """Every section is read: server, chat, hours with exceptions, emergency contacts."""
    cfg = load_config(write(tmp_path, """
[server]
port = 9000
allowed_origins = ["https://www.vallentuna.se"]

[chat]
retention_days = 14

[hours]
timezone = "Europe/Oslo"
monday = ["09:00-11:00", "13:00-15:00"]
closed_dates = [2026-12-24]
last_entry_minutes = 5

[hours.special]
"2026-12-27" = ["10:00-12:00"]

[[emergency]]
name = "Nødnummer"
phone = "113"
"""))
    assert cfg.port == 9000 and cfg.retention_days == 14
    assert cfg.allowed_origins == ("https://www.vallentuna.se",)
    assert cfg.hours.timezone.key == "Europe/Oslo"
    assert cfg.hours.weekly == {0: ((time(9), time(11)), (time(13), time(15)))}
    assert cfg.hours.exceptions[date(2026, 12, 24)] == ()
    assert cfg.hours.exceptions[date(2026, 12, 27)] == ((time(10), time(12)),)
    assert cfg.emergency == ({"name": "Nødnummer", "phone": "113"},)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("[server]\nport = \"eighty\"\n", 2, "server.port: must be a whole number"),
        ("[chat]\n\nretention_days = 0\n", 3, "retention_days: must be at least 1"),
        ("[hours]\ntimezone = \"Mars/Olympus\"\n", 2, "unknown time zone"),
        ("[hours]\nmonday = [\"14:00-12:00\"]\n", 2, "ends before it starts"),
        ("[server]\nport = 80\nbogus = 1\n", 3, "server.bogus: unknown key"),
        ("[server\nport = 1\n", 1, "not valid TOML"),
        ("[hours]\nfriday = [\"noon\"]\n", 2, "not a time range"),
        # A quoted date key under [hours.special]: its own line, not the table's header.
        ("[hours]\n\n[hours.special]\n\"2026-12-23\" = [\"10:00-12:00\"]\n"
         "\"2026-12-24\" = [\"10:00-25:00\"]\n", 5, "not a time range"),
        # The second [[emergency]] entry is the broken one.
        ("[[emergency]]\nname = \"SOS\"\nphone = \"112\"\n\n[[emergency]]\nname = \"x\"\n", 5,
         "needs a name and a phone or url"),
        ("[[organisation]]\nid = \"a\"\nname = \"A\"\n[[organisation.emergency]]\n"
         "name = \"SOS\"\nphone = \"112\"\n[[organisation.emergency]]\nname = \"x\"\n", 7,
         "needs a name and a phone or url"),
        ("[chat]\nretention_days = 3\n\n[srever]\nport = 1\n", 4, "unknown section"),
        # A byte-order mark (some Windows editors write one) is not a statement.
        ("\ufeff[server]\nport = \"x\"\n", 2, "server.port: must be a whole number"),
    ],
)
def test_errors_name_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    """A broken config file is refused with its path, the line number and what is wrong."""
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert words in message


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    """A config path that does not exist says so."""
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.toml")
