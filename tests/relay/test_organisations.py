"""Organisations on one relay: the config tables, the widget rule, and storage keyed by them."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date, time
from pathlib import Path

import pytest

from relay.config import ConfigError, RelayConfig, load_config
from relay.organisations import DEFAULT_ORG, Organisation, Organisations, WidgetRefusal, may_see
from relay.storage import ConversationRecord, Database, Line, RoomLine, StaffAccount, open_storage
from relay.storage.questions import QuestionRecord
from relay.storage.sqlite import SQLiteStorage, migrations

TWO = """\
[hours]
timezone = "Europe/Stockholm"
monday = ["12:00-14:00"]

[chat]
retention_days = 30

[[organisation]]
id = "kommun-a"
name = "Kommun A"
origins = ["https://kommun-a.se", "https://www.kommun-a.se"]
retention_days = 14
referral_directory = "a-services.toml"

[organisation.hours]
tuesday = ["10:00-12:00"]
closed_dates = ["2026-12-24"]

[[organisation.emergency]]
name = "Socialjouren A"
phone = "08-123 45"

[organisation.canned]
hej = "Hej! Vad vill du prata om?"
slut = { title = "Avslut", text = "Tack för att du skrev." }

[[organisation]]
id = "kommun-b"
name = "Kommun B"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lotsen.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_organisations_read_their_own_settings_and_inherit_the_rest(tmp_path: Path) -> None:
    """Each [[organisation]] has its own name, origins, hours, closed dates, contacts,
    directory, retention and canned replies; what it leaves out is the relay-wide setting."""
    cfg = load_config(_write(tmp_path, TWO))
    served = cfg.served()
    assert not served.implicit and served.ids == ("kommun-a", "kommun-b")
    a, b = served.get("kommun-a"), served.get("kommun-b")
    assert a is not None and b is not None
    assert a.name == "Kommun A" and a.origins == ("https://kommun-a.se", "https://www.kommun-a.se")
    assert a.hours.weekly == {1: ((time(10), time(12)),)}
    assert a.hours.exceptions == {date(2026, 12, 24): ()}
    assert a.emergency == ({"name": "Socialjouren A", "phone": "08-123 45"},)
    assert a.referral_directory == (tmp_path / "a-services.toml").resolve()
    assert a.retention_days == 14
    assert [(c.key, c.title) for c in a.canned] == [("hej", "hej"), ("slut", "Avslut")]
    # B wrote nothing but its name: the relay-wide settings.
    assert b.hours == cfg.hours and b.emergency == cfg.emergency
    assert b.retention_days == 30 and b.origins == () and b.canned == ()
    seen = cfg.for_organisation(a)
    assert (seen.org, seen.hours, seen.retention_days) == ("kommun-a", a.hours, 14)


def test_a_relay_without_organisations_serves_the_implicit_one() -> None:
    """No [[organisation]]: one organisation, "default", made of the relay-wide settings."""
    cfg = RelayConfig(allowed_origins=("https://kommun.se",))
    served = cfg.served()
    assert served.implicit and served.ids == (DEFAULT_ORG,)
    only = served.get(DEFAULT_ORG)
    assert only is not None and only.origins == ("https://kommun.se",)
    seen = cfg.for_organisation(only)
    assert (seen.org, seen.hours, seen.emergency, seen.retention_days) == (
        DEFAULT_ORG, cfg.hours, cfg.emergency, cfg.retention_days)


@pytest.mark.parametrize(("replace", "by", "line", "message"), [
    ('id = "kommun-b"', 'id = "Kommun B"', 28, "[[organisation]] 'Kommun B': id: an "
                                               "organisation id uses only"),
    ('id = "kommun-b"', 'id = "kommun-a"', 28, "'kommun-a' is the id of an earlier"),
    ('name = "Kommun B"', 'name = "Kommun B"\ncolour = "red"', 30, "colour: unknown key"),
    ('tuesday = ["10:00-12:00"]', 'tuesday = ["12:00-10:00"]', 16,
     "[[organisation]] 'kommun-a': hours.tuesday: '12:00-10:00' ends before it starts"),
    ('"https://www.kommun-a.se"]', '"https://www.kommun-a.se/chat"]', 11,
     "origins: must be a list of origins"),
    ("retention_days = 14", "retention_days = 0", 12, "retention_days: must be at least 1"),
    ('hej = "Hej! Vad vill du prata om?"', "hej = 3", 24, "canned.hej: must be a text"),
    ('id = "kommun-b"\n', "", 27, "[[organisation]] number 2: id: is missing"),
])
def test_organisation_errors_name_the_file_line_and_organisation(
        tmp_path: Path, replace: str, by: str, line: int, message: str) -> None:
    """A mistake inside an [[organisation]] table names the file, the line in that table
    (not the same key of another table), and which organisation."""
    assert replace in TWO
    path = _write(tmp_path, TWO.replace(replace, by, 1))
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}:{line}: "), str(caught.value)
    assert message in str(caught.value)


def _orgs() -> Organisations:
    return Organisations((
        Organisation("kommun-a", "Kommun A", origins=("https://kommun-a.se",)),
        Organisation("kommun-b", "Kommun B", origins=("https://kommun-b.se",)),
        Organisation("region", "Regionen", origins=("https://region.se", "https://kommun-a.se")),
    ), implicit=False)


def test_a_widget_opens_its_data_org_only_from_that_organisations_origins() -> None:
    """data-org names the organisation; the page's origin must be one of its own."""
    orgs = _orgs()
    a = orgs.for_widget("kommun-a", "https://kommun-a.se", "relay.se")
    assert isinstance(a, Organisation) and a.id == "kommun-a"
    assert orgs.for_widget("kommun-b", "https://kommun-a.se", "relay.se") == \
        WidgetRefusal("origin")
    assert orgs.for_widget("kommun-x", "https://kommun-a.se") == WidgetRefusal("unknown_org")
    # The relay's own pages (the demo) may open any organisation's chat.
    own = orgs.for_widget("kommun-b", "https://relay.se", "relay.se")
    assert isinstance(own, Organisation) and own.id == "kommun-b"


def test_without_data_org_the_origin_decides_only_when_it_is_unambiguous() -> None:
    """An old embed without data-org still works when exactly one organisation owns its
    origin; an origin two organisations share must say which one."""
    orgs = _orgs()
    b = orgs.for_widget(None, "https://kommun-b.se")
    assert isinstance(b, Organisation) and b.id == "kommun-b"
    assert orgs.for_widget(None, "https://kommun-a.se") == WidgetRefusal("which_org")
    assert orgs.for_widget(None, "https://elsewhere.se") == WidgetRefusal("origin")
    single = RelayConfig().served()
    assert isinstance(single.for_widget(None, None), Organisation)


def test_staff_see_only_their_own_organisation() -> None:
    """Isolation is the rule."""
    assert may_see("kommun-a", "kommun-a")
    assert not may_see("kommun-a", "kommun-b")


# -- storage ------------------------------------------------------------------------------------


# The one table shared across organisations on purpose: the professionals' network's lines,
# keyed by topic room and read only for staff of organisations that opt in (relay/network.py);
# each line still names its author's organisation.
SHARED = {"network_messages"}


def test_the_organisation_is_part_of_every_key(tmp_path: Path) -> None:
    """Every table holds the organisation (NOT NULL) and has a key (primary or unique) that
    starts with it, but the network's shared lines: proved on the schema the migrations
    build."""
    database = tmp_path / "lotsen.db"
    with contextlib.closing(sqlite3.connect(database)) as db:
        for _, script in migrations():
            db.executescript(script)
        tables = [row[0] for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert sorted(tables) == sorted([
            "staff", "sessions", "conversations", "messages", "room_messages",
            "closed_visits", "audit", "questions", "question_lines", "devices",
            "network_messages", "network_members"])
        for table in tables:
            columns = db.execute(f"PRAGMA table_info({table})").fetchall()
            assert any(c[1] == "org" and c[3] == 1 for c in columns), f"{table}.org NOT NULL"
            if table in SHARED:
                continue
            primary = [c[1] for c in sorted(columns, key=lambda c: c[5]) if c[5]]
            keys = [primary] if primary != ["id"] else []
            for index in db.execute(f"PRAGMA index_list({table})").fetchall():
                if index[2]:  # unique
                    keys.append([c[2] for c in db.execute(f"PRAGMA index_info({index[1]})")])
            org_keys = [key for key in keys if key and key[0] == "org"]
            assert org_keys, f"{table}: no key starts with org ({keys})"


async def _both(database: Database) -> tuple[SQLiteStorage, SQLiteStorage]:
    """Organisation A's storage, opened, and B's view of it (on either engine)."""
    a = open_storage(database, org="kommun-a")
    await a.open()
    return a, a.scoped("kommun-b")


async def test_one_organisations_rows_are_invisible_to_another(database: Database) -> None:
    """Everything organisation A stores, B's view cannot read, change or purge."""
    a, b = await _both(database)
    try:
        anna = await a.add_staff(StaffAccount(0, "anna", "Anna", "hash", created_at=1.0))
        await a.create_session("session-a", anna.id, 1.0, 9e9)
        await a.create_device("device-a", anna.id, 1.0, 9e9)
        await a.create_conversation(ConversationRecord(
            id=7, token_hash="token-a", alias="Besökare 1", lang="sv", role=None,
            state="queued", created_at=100.0))
        await a.append_line(Line(7, 1, "visitor", None, "hej", 100.0, "c1"))
        await a.update_conversation(7, state="closed", closed_at=200.0, closed_by="visitor")
        await a.append_room_line(RoomLine(1, "anna", "kaffe?", 100.0))
        await a.count_closed_visit("2026-03-01T20")
        await a.audit("anna", "login")
        await a.create_question(
            QuestionRecord(id=3, code_hash="code-a", key_hash="key-a", lang="sv", role=None,
                           state="open", asked_at=100.0),
            Line(3, 1, "visitor", None, "en fråga", 100.0))

        assert await b.conversation(7) is None
        assert await b.conversation_by_token("token-a") is None
        assert await b.lines_after(7, 0) == [] and await b.recent_cids(7, 10) == []
        assert await b.live_conversations() == []
        assert await b.conversations_created(0, 1e12) == []
        assert await b.staff("anna") is None and await b.list_staff() == []
        assert await b.staff_by_id(anna.id) is None
        assert await b.session("session-a", 2.0) is None
        assert await b.valid_sessions(["session-a"], 2.0) == set()
        assert await b.device_owner("device-a", 2.0) is None
        assert await b.room_lines(10) == []
        assert await b.closed_visits("2026-03-01T00", "2026-03-01T23") == []
        assert await b.audit_entries() == []
        assert await b.question(3) is None and await b.question_by_code("code-a") is None
        assert await b.question_lines(3) == [] and await b.open_questions() == []
        assert await b.questions_asked(0, 1e12) == []
        # B's writes that name A's rows change nothing of A's.
        await b.update_conversation(7, state="queued")
        assert await b.update_staff("anna", disabled=True) is False
        await b.block_conversation(7)
        await b.delete_sessions(staff_id=anna.id)
        assert (await b.purge(1e12)).conversations == 0
        assert await b.purge_questions(1e12, 1e12) == []
        assert await b.purge_audit(1e12) == 0

        record = await a.conversation(7)
        assert record is not None and record.state == "closed"
        assert not await a.is_blocked("token-a")
        assert [line.text for line in await a.lines_after(7, 0)] == ["hej"]
        assert (await a.staff("anna") or anna).disabled is False
        assert await a.session("session-a", 2.0) is not None
        assert [entry.action for entry in await a.audit_entries()] == ["login"]
        assert await a.question_by_code("code-a") is not None
        assert [line.text for line in await a.room_lines(10)] == ["kaffe?"]
    finally:
        await a.close()


async def test_ids_stay_unique_across_organisations(database: Database) -> None:
    """Conversation ids come from one relay-wide counter: another organisation's view sees
    the highest id too, and the database refuses a second chat with an id in use."""
    a, b = await _both(database)
    try:
        await a.create_conversation(ConversationRecord(
            id=41, token_hash="t", alias="x", lang=None, role=None, state="queued",
            created_at=1.0))
        assert (await b.max_ids())[0] == 41
        with pytest.raises(Exception, match="(?i)unique"):
            await b.create_conversation(ConversationRecord(
                id=41, token_hash="u", alias="y", lang=None, role=None, state="queued",
                created_at=1.0))
    finally:
        await a.close()


def test_migration_007_carries_existing_data_into_the_implicit_organisation(
        tmp_path: Path) -> None:
    """A version-6 database keeps every row, now under "default": the implicit organisation
    of a relay without [[organisation]] sees exactly what it saw, another sees none of it."""
    database = tmp_path / "v6.db"
    with contextlib.closing(sqlite3.connect(database)) as db, db:
        for number, script in migrations():
            if number <= 6:
                db.executescript(script)
        db.execute("PRAGMA user_version = 6")
        db.execute("INSERT INTO staff (id, username, display_name, password_hash, created_at) "
                   "VALUES (1, 'anna', 'Anna', 'h', 1.0)")
        db.execute("INSERT INTO sessions VALUES ('s1', 1, 1.0, 9e9)")
        db.execute("INSERT INTO conversations (id, token_hash, alias, state, staff_id, "
                   "created_at, blocked, triage_override) "
                   "VALUES (5, 't5', 'Besökare 5', 'active', 1, 10.0, 0, 'urgent')")
        db.execute("INSERT INTO messages (conversation_id, seq, kind, text, ts, cid) "
                   "VALUES (5, 1, 'visitor', 'hej', 10.0, 'c1')")
        db.execute("INSERT INTO room_messages VALUES (1, 'anna', 'kaffe?', 10.0)")
        db.execute("INSERT INTO closed_visits VALUES ('2026-03-01T20', 4)")
        db.execute("INSERT INTO audit (ts, actor, action) VALUES (10.0, 'anna', 'login')")
        db.execute("INSERT INTO questions (id, code_hash, state, asked_at) "
                   "VALUES (2, 'q2', 'open', 10.0)")
        db.execute("INSERT INTO question_lines (question_id, seq, kind, text, ts) "
                   "VALUES (2, 1, 'visitor', 'en fråga', 10.0)")

    async def read(org: str) -> tuple[object, ...]:
        storage = SQLiteStorage(database, org=org)
        await storage.open()
        try:
            record = await storage.conversation(5)
            return (record and (record.alias, record.staff, record.triage_override),
                    [line.text for line in await storage.lines_after(5, 0)],
                    await storage.session("s1", 2.0) is not None,
                    [line.text for line in await storage.room_lines(5)],
                    await storage.closed_visits("2026-03-01T00", "2026-03-01T23"),
                    [entry.action for entry in await storage.audit_entries()],
                    [line.text for line in await storage.question_lines(2)])
        finally:
            await storage.close()

    import asyncio

    assert asyncio.run(read(DEFAULT_ORG)) == (
        ("Besökare 5", "anna", "urgent"), ["hej"], True, ["kaffe?"],
        [("2026-03-01T20", 4)], ["login"], ["en fråga"])
    assert asyncio.run(read("kommun-a")) == (None, [], False, [], [], [], [])
