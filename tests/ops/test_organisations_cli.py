"""``lotsen org`` and ``--org`` on staff, stats, report, export, audit and purge, on SQLite
and on PostgreSQL (the ``database`` fixture, tests/postgres.py)."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import time
from pathlib import Path

import pytest

from relay.organisations import Organisation
from relay.storage import ConversationRecord, Database, Line, PostgresURL, open_storage
from tests.ops.conftest import Cli
from tests.postgres import BACKENDS, backend_database

PASSWORD = "correct horse battery staple\n"


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    return backend_database(request, tmp_path)


def _relay(tmp_path: Path, cli: Cli, database: Database) -> tuple[Path, str]:
    """A config with organisations kommun-a (retention 10 days) and kommun-b (40 days), and
    the database as ``--db`` takes it."""
    config = tmp_path / "lotsen.toml"
    db = database.url if isinstance(database, PostgresURL) else str(database)
    assert cli("org", "add", "kommun-a", "--name", "Kommun A", "--origin",
               "https://kommun-a.se", "-c", config).exit_code == 0
    assert cli("org", "add", "kommun-b", "--name", "Kommun B", "-c", config).exit_code == 0
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('name = "Kommun A"', 'name = "Kommun A"\nretention_days = 10')
                      .replace('name = "Kommun B"', 'name = "Kommun B"\nretention_days = 40'),
                      encoding="utf-8")
    return config, db


async def _chats(db: Database, org: str, ids: list[int], closed_days_ago: float) -> None:
    storage = open_storage(db, org=org)
    await storage.open()
    try:
        now = time.time()
        for conversation in ids:
            started = now - closed_days_ago * 86400 - 600
            await storage.create_conversation(ConversationRecord(
                id=conversation, token_hash=f"t{conversation}", alias=f"Besökare {conversation}",
                lang="sv", role="self", state="queued", created_at=started))
            await storage.append_line(Line(conversation, 1, "visitor", None, f"rad {org}",
                                           started))
            await storage.update_conversation(conversation, state="closed",
                                              closed_at=started + 300, closed_by="visitor")
    finally:
        await storage.close()


def test_org_add_list_show_keep_organisations_in_the_config_file(tmp_path: Path, cli: Cli,
                                                                database: Database) -> None:
    """org add appends a checked [[organisation]] table; a second with the same id is
    refused, naming the option, not a line; list and show read them back with their counts."""
    config, db = _relay(tmp_path, cli, database)
    lines = len(config.read_text(encoding="utf-8").splitlines())
    again = cli("org", "add", "kommun-b", "--name", "B igen", "-c", config)
    assert again.exit_code == 2 and "is the id of an earlier organisation" in again.output
    # The problem is in the table the command would have written: no line of a draft that
    # was never written (the file has `lines` lines) is named.
    assert "organisation kommun-b was not added, nothing changed: id:" in again.output
    assert f"{config}:{lines + 1}" not in again.output and f"{config}:{lines + 3}" not in \
        again.output and "B igen" not in config.read_text(encoding="utf-8")
    bad_origin = cli("org", "add", "kommun-c", "--name", "C", "--origin", "kommun-c.se", "-c",
                     config)
    assert bad_origin.exit_code == 2 and "was not added" in bad_origin.output
    assert "kommun-c" not in config.read_text(encoding="utf-8")
    bad = cli("org", "add", "Kommun C", "--name", "C", "-c", config)
    assert bad.exit_code == 2 and "an organisation id uses only" in bad.output
    assert cli("staff", "add", "anna", "--org", "kommun-a", "--password-stdin", "-c", config,
               "--db", db, input=PASSWORD).exit_code == 0
    listed = cli("org", "list", "-c", config, "--db", db)
    assert listed.exit_code == 0
    row_a = next(line for line in listed.output.splitlines() if "kommun-a" in line)
    assert "Kommun A" in row_a and "10 days" in row_a
    shown = cli("org", "show", "kommun-a", "-c", config, "--db", db)
    assert "origins:            https://kommun-a.se" in shown.output
    assert "staff accounts:     1" in shown.output and "retention:          10 days" in shown.output
    missing = cli("org", "show", "kommun-x", "-c", config, "--db", db)
    assert missing.exit_code == 2 and "kommun-a, kommun-b" in missing.output


def test_staff_belong_to_one_organisation(tmp_path: Path, cli: Cli, database: Database) -> None:
    """staff add --org puts the account in that organisation only; a login name is unique on
    the relay; with several organisations --org is required."""
    config, db = _relay(tmp_path, cli, database)
    added = cli("staff", "add", "anna", "--org", "kommun-a", "--password-stdin", "-c", config,
                "--db", db, input=PASSWORD)
    assert added.exit_code == 0 and "of organisation kommun-a" in added.output
    assert "anna" in cli("staff", "list", "--org", "kommun-a", "-c", config, "--db", db).output
    assert "anna" not in cli("staff", "list", "--org", "kommun-b", "-c", config,
                             "--db", db).output
    twice = cli("staff", "add", "anna", "--org", "kommun-b", "--password-stdin", "-c", config,
                "--db", db, input=PASSWORD)
    assert twice.exit_code == 2 and "already exists" in twice.output
    which = cli("staff", "list", "-c", config, "--db", db)
    assert which.exit_code == 2 and "pass --org" in which.output
    other = cli("staff", "disable", "anna", "--org", "kommun-b", "-c", config, "--db", db)
    assert other.exit_code == 2 and "in organisation kommun-b" in other.output


def test_stats_report_export_and_audit_read_one_organisation(
        tmp_path: Path, cli: Cli, database: Database) -> None:
    """Each organisation's figures, transcripts and audit entries are its own, and its
    report and statistics say whose they are; --all-organisations adds them up."""
    config, db = _relay(tmp_path, cli, database)
    asyncio.run(_chats(database, "kommun-a", [1, 2, 3], closed_days_ago=1))
    asyncio.run(_chats(database, "kommun-b", [4], closed_days_ago=1))
    since = time.strftime("%Y-%m-%d", time.localtime(time.time() - 5 * 86400))
    figures = {}
    for org in ("kommun-a", "kommun-b"):
        result = cli("stats", "--org", org, "--since", since, "--format", "json", "-c", config,
                     "--db", db)
        assert result.exit_code == 0, result.output
        figures[org] = json.loads(result.output)
    assert figures["kommun-a"]["totals"]["conversations"] == 3
    assert figures["kommun-b"]["totals"]["conversations"] == 1
    shown = cli("org", "show", "kommun-b", "-c", config, "--db", db).output
    assert "conversations:      1" in shown and "staff accounts:     0" in shown
    # The relay's administrator may see the network-wide total on the server.
    total = cli("stats", "--all-organisations", "--since", since, "--format", "json", "-c",
                config, "--db", db)
    assert json.loads(total.output)["totals"]["conversations"] == 4
    both = cli("stats", "--all-organisations", "--org", "kommun-a", "-c", config, "--db", db)
    assert both.exit_code == 2 and "not both" in both.output
    report = tmp_path / "b.html"
    made = cli("report", "--org", "kommun-b", "--since", since, "-o", report, "-c", config,
               "--db", db)
    assert made.exit_code == 0, made.output
    assert "<title>Lotsen – Kommun B: " in report.read_text(encoding="utf-8")
    table = cli("stats", "--org", "kommun-a", "--since", since, "-c", config, "--db", db)
    assert "Kommun A · " in table.output.splitlines()[0]
    # A's conversation named with B's organisation does not exist for B.
    refused = cli("export", "1", "--org", "kommun-b", "-o", "-", "-c", config, "--db", db)
    assert refused.exit_code == 2 and "no conversation 1" in refused.output
    assert "rad kommun-a" not in refused.output
    exported = cli("export", "1", "--org", "kommun-a", "-o", "-", "-c", config, "--db", db)
    assert exported.exit_code == 0 and "rad kommun-a" in exported.output
    audit_a = cli("audit", "--org", "kommun-a", "--format", "json", "-c", config, "--db", db)
    audit_b = cli("audit", "--org", "kommun-b", "--format", "json", "-c", config, "--db", db)
    assert [row["action"] for row in json.loads(audit_a.output)] == ["export"]
    assert json.loads(audit_b.output) == []
    unknown = cli("stats", "--org", "kommun-x", "-c", config, "--db", db)
    assert unknown.exit_code == 2 and "no such organisation" in unknown.output


def test_purge_applies_each_organisations_own_retention(
        tmp_path: Path, cli: Cli, database: Database) -> None:
    """Chats closed 20 days ago: A keeps 10 days (purged), B keeps 40 (kept)."""
    config, db = _relay(tmp_path, cli, database)
    asyncio.run(_chats(database, "kommun-a", [1], closed_days_ago=20))
    asyncio.run(_chats(database, "kommun-b", [2], closed_days_ago=20))
    result = cli("purge", "-c", config, "--db", db)
    assert result.exit_code == 0, result.output

    async def texts() -> tuple[list[str], list[str]]:
        storage = open_storage(database, org="kommun-a")
        await storage.open()
        try:
            a = [line.text for line in await storage.lines_after(1, 0)]
            b = [line.text for line in await storage.scoped("kommun-b").lines_after(2, 0)]
            return a, b
        finally:
            await storage.close()

    assert asyncio.run(texts()) == ([], ["rad kommun-b"])


def test_config_show_prints_organisations_that_load_back(tmp_path: Path, cli: Cli) -> None:
    """``config show`` spells out every organisation; the output loads to the same ones."""
    from relay.config import load_config

    config = tmp_path / "lotsen.toml"
    config.write_text(
        '[[organisation]]\nid = "kommun-a"\nname = "Kommun A"\norigins = ["https://a.se"]\n'
        '[organisation.hours]\ntuesday = ["10:00-12:00"]\nclosed_dates = ["2026-12-24"]\n'
        '[organisation.canned]\nhej = "Hej!"\n\n[[organisation]]\nid = "kommun-b"\n'
        'name = "Kommun B"\n', encoding="utf-8")
    shown = cli("config", "show", "-c", config)
    assert shown.exit_code == 0, shown.output
    again = tmp_path / "shown.toml"
    again.write_text(shown.output, encoding="utf-8")
    def same(path: Path) -> list[Organisation]:  # "tuesday = []" and no tuesday are alike
        return [dataclasses.replace(org, hours=dataclasses.replace(org.hours, weekly={
            day: spans for day, spans in org.hours.weekly.items() if spans}))
            for org in load_config(path).organisations]

    assert same(again) == same(config) and len(same(config)) == 2
    checked = cli("config", "check", config)
    assert "organisations: kommun-a (Kommun A), kommun-b (Kommun B)" in checked.output


def test_org_show_and_config_show_spell_out_cover_agreements(tmp_path: Path, cli: Cli,
                                                             database: Database) -> None:
    """An agreement both sides make shows in org show on both sides (who covers whom, when,
    in which time zone) and in config check; config show writes both tables so that the
    output loads back with the same agreement."""
    from relay.config import load_config

    config = tmp_path / "lotsen.toml"
    config.write_text(
        '[[organisation]]\nid = "kommun-a"\nname = "Kommun A"\n'
        '[[organisation.cover]]\noffer_to = "kommun-b"\nthursday = ["17:00-21:00"]\n\n'
        '[[organisation]]\nid = "kommun-b"\nname = "Kommun B"\n'
        '[[organisation.cover]]\naccept_from = "kommun-a"\nthursday = ["17:00-21:00"]\n',
        encoding="utf-8")
    db = database.url if isinstance(database, PostgresURL) else str(database)
    shown_a = cli("org", "show", "kommun-a", "-c", config, "--db", db)
    assert shown_a.exit_code == 0, shown_a.output
    assert ("covered by:         kommun-b, thursday 17:00-21:00 (Europe/Stockholm)"
            in shown_a.output), shown_a.output
    shown_b = cli("org", "show", "kommun-b", "-c", config, "--db", db)
    assert "covers:             kommun-a, thursday 17:00-21:00" in shown_b.output
    checked = cli("config", "check", config)
    assert "cover: kommun-b answers kommun-a's visitors thursday 17:00-21:00" in checked.output
    effective = cli("config", "show", "-c", config)
    again = tmp_path / "shown.toml"
    again.write_text(effective.output, encoding="utf-8")
    assert load_config(again).served().cover == load_config(config).served().cover
