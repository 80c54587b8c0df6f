"""lotsen.example.toml documents every option and loads; LOTSEN_* overrides; config show/check."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from datetime import date, time
from pathlib import Path

import pytest

from lotsen.cli.config import FIELD_OF, NOT_IN_FILE, effective_toml
from relay.config import (
    _KNOWN,
    ENV_KEYS,
    ENV_OVERRIDES,
    ConfigError,
    RelayConfig,
    config_from_env,
    load_config,
)
from relay.protocol import DEFAULT_EMERGENCY
from tests.ops.conftest import Cli

EXAMPLE = Path(__file__).resolve().parents[2] / "lotsen.example.toml"
# Owned by other files: the console's settings (docs/console.md) and [[emergency]] entries.
ELSEWHERE = {"console", "emergency"}


def _comparable(cfg: RelayConfig) -> dict[str, object]:
    data = {f.name: getattr(cfg, f.name) for f in dataclasses.fields(cfg)}
    data.pop("source")
    # "saturday = []" and no saturday at all both mean closed on Saturdays.
    data["hours"] = dataclasses.replace(cfg.hours, weekly={
        day: spans for day, spans in cfg.hours.weekly.items() if spans})
    return data


def test_example_loads_and_shows_the_defaults() -> None:
    """The example loads, and apart from the values it marks as examples it equals the defaults."""
    cfg = load_config(EXAMPLE)
    defaults = RelayConfig()
    assert cfg.hours.exceptions, "the example shows holidays"
    assert cfg.emergency == DEFAULT_EMERGENCY
    assert _comparable(dataclasses.replace(cfg, hours=dataclasses.replace(
        cfg.hours, exceptions={}))) == _comparable(defaults)


def test_example_mentions_every_option_and_variable() -> None:
    """Every key the loader knows, and every LOTSEN_* variable, appears in the example."""
    text = EXAMPLE.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    for section, keys in _KNOWN.items():
        if section in ELSEWHERE:
            continue
        for key in keys:
            present = key in data.get(section, {})
            commented = re.search(rf"^# {re.escape(key)} = ", text, flags=re.M)
            assert present or commented, f"[{section}] {key} is not in lotsen.example.toml"
    for name in ENV_OVERRIDES:
        assert name in text, f"{name} is not listed in lotsen.example.toml"
    assert "[[emergency]]" in text


def test_config_show_covers_every_field_and_loads_back(tmp_path: Path, cli: Cli) -> None:
    """``lotsen config show`` prints every setting as TOML that loads to the same config."""
    # Tables of their own, printed whole; org is a view (RelayConfig.for_organisation).
    fields = {f.name for f in dataclasses.fields(RelayConfig)} - {
        "source", "hours", "emergency", "organisations", "org", "organisation", "network"}
    shown = {FIELD_OF.get((s, k), k) for s, keys in _KNOWN.items() for k in keys} | set(
        NOT_IN_FILE)
    assert fields <= shown, f"config show does not print {sorted(fields - shown)}"

    cfg = load_config(EXAMPLE)
    result = cli("config", "show", "--config", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert result.output == effective_toml(cfg)
    again = tmp_path / "effective.toml"
    again.write_text(result.output, encoding="utf-8")
    assert _comparable(load_config(again)) == _comparable(cfg)


def test_environment_overrides_the_file() -> None:
    """LOTSEN_* variables replace the file's values; empty ones are ignored."""
    cfg = config_from_env(load_config(EXAMPLE), {
        "LOTSEN_HOST": "0.0.0.0", "LOTSEN_PORT": "9100", "LOTSEN_DB": "/var/lib/lotsen/x.db",
        "LOTSEN_ALLOWED_ORIGINS": "https://www.example.se, https://kommun.example.no",
        "LOTSEN_RETENTION_DAYS": "3", "LOTSEN_DEFAULT_LANGUAGE": "nb",
        "LOTSEN_TIMEZONE": "Europe/Oslo", "LOTSEN_ALWAYS_OPEN": "true",
        "LOTSEN_REFERRAL_DIRECTORY": "/etc/lotsen/referrals.toml", "LOTSEN_OTHER": "x",
    })
    assert (cfg.host, cfg.port, str(cfg.database)) == ("0.0.0.0", 9100, "/var/lib/lotsen/x.db")
    assert cfg.allowed_origins == ("https://www.example.se", "https://kommun.example.no")
    assert (cfg.retention_days, cfg.default_language) == (3, "nb")
    assert cfg.hours.timezone.key == "Europe/Oslo" and cfg.hours.always_open is True
    assert cfg.hours.weekly == load_config(EXAMPLE).hours.weekly  # the rest of [hours] stays
    assert str(cfg.referral_directory) == "/etc/lotsen/referrals.toml"
    assert config_from_env(RelayConfig(), {"LOTSEN_PORT": " "}).port == RelayConfig().port


@pytest.mark.parametrize(("name", "value", "says"), [
    ("LOTSEN_PORT", "eighty", "port number"),
    ("LOTSEN_PORT", "70000", "port number"),
    ("LOTSEN_ALLOWED_ORIGINS", "https://www.example.se/chat", "no path"),
    ("LOTSEN_RETENTION_DAYS", "0", "at least 1"),
    ("LOTSEN_DEFAULT_LANGUAGE", "de", '"sv", "en" or "nb"'),
    ("LOTSEN_TIMEZONE", "Europe/Atlantis", "time zone"),
    ("LOTSEN_ALWAYS_OPEN", "maybe", "true or false"),
])
def test_bad_environment_values_name_the_variable(name: str, value: str, says: str) -> None:
    """A bad LOTSEN_* value is refused with the variable's name and what is wanted."""
    with pytest.raises(ConfigError) as error:
        config_from_env(RelayConfig(), {name: value})
    assert str(error.value).startswith(f"{name}={value!r}") and says in str(error.value)


def test_cli_reports_environment_and_file_errors(tmp_path: Path, cli: Cli,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands stop with one line naming the variable, or the file and line, of a mistake."""
    monkeypatch.setenv("LOTSEN_RETENTION_DAYS", "forever")
    result = cli("config", "show")
    assert result.exit_code == 2 and "LOTSEN_RETENTION_DAYS='forever'" in result.output
    broken = tmp_path / "lotsen.toml"
    broken.write_text('[server]\nport = 8765\n\n[hours]\nmonday = ["14:00-12:00"]\n')
    result = cli("config", "check", broken)
    assert result.exit_code == 2 and f"{broken}:5: hours.monday" in result.output
    assert "Traceback" not in result.output


def test_every_option_of_the_file_has_a_variable() -> None:
    """Each key of the file but the three tables is LOTSEN_<SECTION>_<KEY>, short names
    included."""
    options = {(section, key) for section, keys in _KNOWN.items() for key in keys}
    assert set(ENV_KEYS.values()) == options - {("hours", "special"), ("console", "canned"),
                                                 ("network", "room")}
    assert all(name == f"LOTSEN_{section}_{key}".upper()
               for name, (section, key) in ENV_KEYS.items())
    assert {tuple(option.split(".")) for option in ENV_OVERRIDES.values()} <= set(
        ENV_KEYS.values())


def test_long_variables_override_single_options_of_any_type(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Numbers, yes/no, lists without brackets, dates and opening hours each change one option."""
    monkeypatch.chdir(tmp_path)
    file = load_config(EXAMPLE)
    cfg = config_from_env(file, {
        "LOTSEN_LIMITS_MAX_VISITORS": "500",
        "LOTSEN_LIMITS_VISITOR_RATE": "0.5",
        "LOTSEN_CHAT_SESSION_HOURS": "8",  # a whole number where a float is wanted
        "LOTSEN_LOG_JSON": "yes",
        "LOTSEN_LOG_LEVEL": "WARNING",
        "LOTSEN_AUTH_REQUIRE_TOTP": '"all"',  # a TOML string is one too
        "LOTSEN_SERVER_HOST": "1234",  # text where text is wanted, though it reads as a number
        "LOTSEN_SERVER_ALLOWED_ORIGINS": "https://www.example.se, https://kommun.example.no",
        "LOTSEN_HOURS_CLOSED_DATES": "2027-01-06,2027-06-25",
        "LOTSEN_HOURS_MONDAY": "09:00-11:00, 13:00-15:00",
        "LOTSEN_HOURS_SATURDAY": '["10:00-12:00"]',
        "LOTSEN_REFERRALS_DIRECTORY": "referrals.toml",
        "LOTSEN_CHAT_SHOUTING": "x",  # unknown names are ignored
    })
    assert (cfg.max_visitors, cfg.visitor_rate, cfg.session_hours) == (500, 0.5, 8.0)
    assert (cfg.log_json, cfg.log_level, cfg.require_totp) == (True, "warning", "all")
    assert cfg.host == "1234"
    assert cfg.allowed_origins == ("https://www.example.se", "https://kommun.example.no")
    hours = cfg.hours
    assert hours.weekly[0] == ((time(9), time(11)), (time(13), time(15)))
    assert hours.weekly[5] == ((time(10), time(12)),)
    # Each variable changes its one option: the other days and the special day stay.
    assert {day: hours.weekly[day] for day in (1, 2, 3, 4, 6)} == {
        day: file.hours.weekly[day] for day in (1, 2, 3, 4, 6)}
    assert {day for day, spans in hours.exceptions.items() if not spans} == {
        date(2027, 1, 6), date(2027, 6, 25)}
    assert hours.exceptions[date(2026, 12, 23)] == ((time(10), time(12)),)
    assert cfg.referral_directory == tmp_path / "referrals.toml"
    assert cfg.source == file.source
    changed = {"max_visitors", "visitor_rate", "session_hours", "log_json", "log_level",
               "require_totp", "host", "allowed_origins", "hours", "referral_directory"}
    assert {k: v for k, v in _comparable(cfg).items() if k not in changed} == {
        k: v for k, v in _comparable(file).items() if k not in changed}


def test_long_variables_keep_the_rest_of_a_files_hours() -> None:
    """A variable for one key of [hours] leaves the file's week and exception days alone."""
    file = load_config(EXAMPLE)
    cfg = config_from_env(file, {"LOTSEN_HOURS_TIMEZONE": "Europe/Oslo",
                                 "LOTSEN_HOURS_ALWAYS_OPEN": "on"})
    assert cfg.hours.timezone.key == "Europe/Oslo" and cfg.hours.always_open is True
    assert (cfg.hours.weekly, cfg.hours.exceptions) == (file.hours.weekly, file.hours.exceptions)


@pytest.mark.parametrize(("name", "value", "says"), [
    ("LOTSEN_LIMITS_MAX_VISITORS", "lots", "must be a whole number, not 'lots'"),
    ("LOTSEN_LIMITS_VISITOR_RATE", "0", "must be greater than 0"),
    ("LOTSEN_CHAT_MAX_TEXT_CHARS", "5000", "between 1 and 4000"),
    ("LOTSEN_HOURS_MONDAY", "14:00-12:00", "ends before it starts"),
    ("LOTSEN_HOURS_CLOSED_DATES", "2026-12-24, 2026-12-32", "not a date"),
    ("LOTSEN_HOURS_ALWAYS_OPEN", "maybe", "must be true or false"),
    ("LOTSEN_LOG_LEVEL", "loud", '"debug", "info", "warning" or "error"'),
    ("LOTSEN_SERVER_ALLOWED_ORIGINS", "https://www.example.se/chat", "no path"),
])
def test_bad_long_variables_are_refused_by_the_files_rules(name: str, value: str,
                                                          says: str) -> None:
    """A bad LOTSEN_<SECTION>_<KEY> fails the file's own check, named by variable and value."""
    with pytest.raises(ConfigError) as error:
        config_from_env(RelayConfig(), {name: value})
    message = str(error.value)
    assert message.startswith(f"{name}={value!r}: ") and says in message, message


def test_bad_long_variable_messages_read_whole() -> None:
    """The whole message of a wrong type, and of a rule that needs a second, unset variable."""
    with pytest.raises(ConfigError) as error:
        config_from_env(RelayConfig(), {"LOTSEN_LIMITS_MAX_VISITORS": "lots"})
    assert str(error.value) == ("LOTSEN_LIMITS_MAX_VISITORS='lots': must be a whole number, "
                                "not 'lots'")
    with pytest.raises(ConfigError) as error:
        config_from_env(RelayConfig(), {"LOTSEN_SERVER_CERTFILE": "/etc/lotsen/cert.pem"})
    assert str(error.value) == ("LOTSEN_SERVER_KEYFILE (not set): TLS needs both certfile and "
                                "keyfile")


def test_short_names_win_over_long_ones() -> None:
    """A short name and the long name of one option: the short one is used, the long not read."""
    both = {"LOTSEN_PORT": "9100", "LOTSEN_SERVER_PORT": "9200"}
    assert config_from_env(RelayConfig(), both).port == 9100
    assert config_from_env(RelayConfig(), {"LOTSEN_SERVER_PORT": "9200"}).port == 9200
    shadowed_bad = {"LOTSEN_TIMEZONE": "Europe/Oslo", "LOTSEN_HOURS_TIMEZONE": "Mars/Olympus"}
    assert config_from_env(RelayConfig(), shadowed_bad).hours.timezone.key == "Europe/Oslo"


def test_log_table_in_the_file(tmp_path: Path) -> None:
    """[log] sets the level (any case) and the format; a wrong level names file and line."""
    good = tmp_path / "good.toml"
    good.write_text('[log]\nlevel = "Debug"\njson = true\n', encoding="utf-8")
    assert (load_config(good).log_level, load_config(good).log_json) == ("debug", True)
    assert (RelayConfig().log_level, RelayConfig().log_json) == ("info", False)
    bad = tmp_path / "bad.toml"
    bad.write_text('[log]\njson = false\nlevel = "loud"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"^{re.escape(str(bad))}:3: log.level: must be"):
        load_config(bad)


def test_config_check_and_show_apply_the_environment(cli: Cli,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """``config show`` prints the values after the variables; ``config check`` checks them too
    and warns about a mistyped or shadowed name."""
    monkeypatch.setenv("LOTSEN_LIMITS_MAX_VISITORS", "500")
    monkeypatch.setenv("LOTSEN_LOG_LEVEL", "error")
    monkeypatch.setenv("LOTSEN_LIMITS_MAX_VISITOR", "5")
    monkeypatch.setenv("LOTSEN_PORT", "9100")
    monkeypatch.setenv("LOTSEN_SERVER_PORT", "9200")
    shown = cli("config", "show", "--config", EXAMPLE)
    assert shown.exit_code == 0, shown.output
    assert "max_visitors = 500\n" in shown.output and 'level = "error"\n' in shown.output
    assert "port = 9100\n" in shown.output
    checked = cli("config", "check", EXAMPLE)
    assert checked.exit_code == 0, checked.output
    assert ("warning: LOTSEN_LIMITS_MAX_VISITOR is not a Lotsen option and is ignored — did you "
            "mean LOTSEN_LIMITS_MAX_VISITORS?") in checked.output
    assert "LOTSEN_SERVER_PORT is ignored: LOTSEN_PORT sets the same option" in checked.output
    assert "listens on 127.0.0.1:9100" in checked.output
    assert "logs at level error" in checked.output
    monkeypatch.setenv("LOTSEN_LIMITS_MAX_VISITORS", "lots")
    refused = cli("config", "check", EXAMPLE)
    assert refused.exit_code == 2
    assert "LOTSEN_LIMITS_MAX_VISITORS='lots': must be a whole number" in refused.output
