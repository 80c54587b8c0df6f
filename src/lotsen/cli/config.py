"""``lotsen config``: check a config file before the relay uses it, show the effective one."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import typer

from lotsen.cli.common import ConfigOption, DbOption, fail, load
from lotsen.cli.words import t
from relay.config import (
    _KNOWN,
    ENV_KEYS,
    ENV_OVERRIDES,
    ConfigError,
    RelayConfig,
    config_from_env,
    load_config,
    shadowed_env_names,
    unknown_env_names,
)
from relay.hours import OpeningHours
from relay.organisations import Organisation
from relay.protocol import WEEKDAYS

app = typer.Typer(help=t("help.config"),
                  no_args_is_help=True)

# File keys whose RelayConfig field has another name; every other key is its field's name.
FIELD_OF = {("limits", "handshake_timeout_s"): "handshake_timeout",
            ("referrals", "directory"): "referral_directory",
            ("log", "level"): "log_level", ("log", "json"): "log_json",
            ("queue", "snapshot_entries"): "queue_snapshot_entries",
            ("report", "min_count"): "report_min_count",
            # [questions] keys are fields of RelayConfig.questions (relay.questions).
            **{("questions", key): "questions" for key in _KNOWN["questions"]}}
# Fields the file cannot set (shown as comments by `show`).
NOT_IN_FILE = ("staff_grace_s",)


@app.command(help=t("help.config.check"))
def check(file: Path = typer.Argument(..., help=t("help.config.file"))) -> None:
    """Validate a config file and the LOTSEN_* variables set; errors name the line or variable."""
    try:
        cfg = config_from_env(load_config(file))
    except ConfigError as exc:
        fail(exc)
    warnings = [t("config.unknown_env", name=name) +
                (t("config.did_you_mean", instead=instead) if instead else "")
                for name, instead in unknown_env_names().items()]
    shadowed = shadowed_env_names()
    warnings += [t("config.shadowed", name=name, short=short)
                 for name, short in shadowed.items() if os.environ.get(name, "").strip()]
    for warning in warnings:
        typer.secho(t("warning", message=warning), fg=typer.colors.YELLOW, err=True)
    hours = cfg.hours
    typer.echo(t("config.ok", file=file))
    applied = [name for name in (*ENV_OVERRIDES, *ENV_KEYS)
               if os.environ.get(name, "").strip() and name not in shadowed]
    if applied:
        typer.echo(t("config.from_env", names=", ".join(applied)))
    typer.echo(t("config.listens", host=cfg.host, port=cfg.port, database=cfg.database))
    if hours.always_open:
        typer.echo(t("config.always_open"))
    else:
        for index, day in enumerate(WEEKDAYS):
            ranges = ", ".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in hours.weekly.get(index, ()))
            typer.echo(t("config.day", day=day, ranges=ranges or t("config.closed")))
        typer.echo(t("config.zone", zone=hours.timezone.key,
                     minutes=int(hours.last_entry.total_seconds() // 60),
                     count=len(hours.exceptions)))
    typer.echo(t("config.retention", days=cfg.retention_days, count=len(cfg.emergency)))
    asks = cfg.questions
    offered = (t("config.offered", when=asks.offer_when.replace("_", " ")) if asks.enabled
               else t("config.off"))
    typer.echo(t("config.questions", offered=offered, days=asks.retention_days,
                 max_open=asks.max_open))
    typer.echo(t("config.logs", level=cfg.log_level,
                 form="JSON" if cfg.log_json else t("config.text")))
    if cfg.organisations:
        typer.echo(t("config.organisations", orgs=", ".join(f"{org.id} ({org.name})"
                                                            for org in cfg.organisations)))
        for agreement in cfg.served().cover:
            typer.echo(t("config.cover", covering=agreement.covering,
                         covered=agreement.covered, hours=agreement.describe()))
    if cfg.network.enabled:
        members = [org.id for org in cfg.organisations if org.network]
        typer.echo(t("config.network", rooms=len(cfg.network.rooms),
                     days=cfg.network.retention_days)
                   + (t("config.network_members", orgs=", ".join(members)) if members
                      else t("config.network_nobody")))


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a TOML basic string


def effective_toml(cfg: RelayConfig) -> str:
    """The configuration as a TOML file that loads back to the same settings."""
    origin = f"{cfg.source}" if cfg.source else "no file"
    out = [f"# Effective Lotsen configuration: {origin}, then LOTSEN_* variables, then defaults."]
    for section, keys in _KNOWN.items():
        if section in ("hours", "emergency", "console", "organisation", "network"):
            continue
        out.append(f"\n[{section}]")
        for key in sorted(keys):
            value = (getattr(cfg.questions, key) if section == "questions"
                     else getattr(cfg, FIELD_OF.get((section, key), key)))
            out.append(f"# {key} is not set" if value is None else f"{key} = {_toml(value)}")
    out += _hours_toml(cfg.hours, "hours")
    for entry in cfg.emergency:
        out.append("\n[[emergency]]")
        out += [f"{key} = {_toml(value)}" for key, value in entry.items()]
    for org in cfg.organisations:
        out += _organisation_toml(org)
    out += _network_toml(cfg)
    for name in NOT_IN_FILE:
        out.append(f"\n# {name} = {_toml(getattr(cfg, name))}  (set in code, not in the file)")
    return "\n".join(out) + "\n"


def _hours_toml(hours: OpeningHours, table: str) -> list[str]:
    out = [f"\n[{table}]", f"timezone = {_toml(hours.timezone.key)}",
           f"always_open = {_toml(hours.always_open)}",
           f"last_entry_minutes = {_toml(hours.last_entry.total_seconds() / 60)}"]
    for index, day in enumerate(WEEKDAYS):
        ranges = [f"{a:%H:%M}-{b:%H:%M}" for a, b in hours.weekly.get(index, ())]
        out.append(f"{day} = {_toml(ranges)}")
    closed = sorted(date for date, spans in hours.exceptions.items() if not spans)
    out.append(f"closed_dates = {_toml([date.isoformat() for date in closed])}")
    special = sorted((date, spans) for date, spans in hours.exceptions.items() if spans)
    if special:
        out.append(f"\n[{table}.special]")
        for date, spans in special:
            out.append(f'"{date.isoformat()}" = '
                       f"{_toml([f'{a:%H:%M}-{b:%H:%M}' for a, b in spans])}")
    return out


def _organisation_toml(org: Organisation) -> list[str]:
    """One [[organisation]] with every setting spelled out (inherited ones too)."""
    out = ["\n[[organisation]]", f"id = {_toml(org.id)}", f"name = {_toml(org.name)}",
           f"origins = {_toml(org.origins)}", f"retention_days = {_toml(org.retention_days)}",
           f"default_language = {_toml(org.default_language)}",
           f"network = {_toml(org.network)}"]
    if org.referral_directory is not None:
        out.append(f"referral_directory = {_toml(org.referral_directory)}")
    out += _hours_toml(org.hours, "organisation.hours")
    for entry in org.emergency:
        out.append("\n[[organisation.emergency]]")
        out += [f"{key} = {_toml(value)}" for key, value in entry.items()]
    if org.canned:
        out.append("\n[organisation.canned]")
        out += [f"{json.dumps(c.key, ensure_ascii=False)} = {{ title = {_toml(c.title)}, "
                f"text = {_toml(c.text)} }}" for c in org.canned]
    for term in org.cover:  # cover agreements (relay/cover.py): this organisation's side
        side = "offer_to" if term.side == "offer" else "accept_from"
        out += ["\n[[organisation.cover]]", f"{side} = {_toml(term.partner)}"]
        if term.timezone is not None:
            out.append(f"timezone = {_toml(term.timezone.key)}")
        out += [f"{WEEKDAYS[day]} = {_toml([f'{a:%H:%M}-{b:%H:%M}' for a, b in spans])}"
                for day, spans in term.weekly]
    return out


@app.command(help=t("help.config.show"))
def show(db: str | None = DbOption, config: Path = ConfigOption) -> None:
    """Print the effective configuration (file, LOTSEN_* variables, defaults) as TOML."""
    typer.echo(effective_toml(load(config, db)), nl=False)


def _network_toml(cfg: RelayConfig) -> list[str]:
    """[network] and its [[network.room]] tables, each room's name in every language."""
    out = ["\n[network]", f"retention_days = {_toml(cfg.network.retention_days)}"]
    for room in cfg.network.rooms:
        out += ["\n[[network.room]]", f"id = {_toml(room.id)}",
                "name = { " + ", ".join(f"{lang} = {_toml(name)}" for lang, name in room.names)
                + " }"]
    return out
