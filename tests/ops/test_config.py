"""lotsen.example.toml documents every option and loads; LOTSEN_* overrides; config show/check."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path

import pytest

from relay.cli.config import FIELD_OF, NOT_IN_FILE, effective_toml
from relay.config import (
    _KNOWN,
    DEFAULT_EMERGENCY,
    ENV_OVERRIDES,
    ConfigError,
    RelayConfig,
    config_from_env,
    load_config,
)
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
    fields = {f.name for f in dataclasses.fields(RelayConfig)} - {"source", "hours", "emergency"}
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
