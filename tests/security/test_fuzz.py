"""Property-based protocol fuzzing against a real relay, on both endpoints.

Hypothesis sends random and mutated frames: wrong types, missing and unknown fields, huge
numbers, random JSON, text that is not JSON, deep nesting, binary frames, invalid UTF-8,
oversized frames, and lone surrogates (raw ``\\ud800`` escapes) and control characters in
every string field of every frame type. The properties: every frame the protocol refuses is
answered with an ``error`` frame or a close with a reason; the relay never fails a connection
with 1011 or logs an error; afterwards a normal visitor and staff member still chat; and the
database passes ``PRAGMA integrity_check`` with no orphan rows.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import sqlite3
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from relay import protocol
from relay.protocol import PROTOCOL_VERSION, STAFF_PATH, VISITOR_PATH, ProtocolError
from tests.support import PASSWORD, Client, RelayThread, add_staff, make_config, sqlite_file

pytestmark = pytest.mark.slow

EXAMPLES = 200

HUGE = st.sampled_from([2**53, -(2**53), 2**63, 2**64 + 1, -(2**70), 10**30, 1e308, -1e308,
                        1.5, 0, -1])
SCALARS = (st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | HUGE
           | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=40))
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)

VISITOR_FRAMES: list[dict[str, Any]] = [
    {"type": "message", "text": "Hej", "cid": "m1", "lang": "sv", "role": "self"},
    {"type": "typing", "active": True},
    {"type": "moment"},
    {"type": "leave", "reason": "ended"},
    {"type": "feedback", "answer": "yes"},
    {"type": "hello", "v": PROTOCOL_VERSION, "resume": None, "last_seq": 0},
]
STAFF_FRAMES: list[dict[str, Any]] = [
    {"type": "claim", "conversation": 1},
    {"type": "message", "conversation": 1, "text": "Hej", "cid": "s1"},
    {"type": "note", "conversation": 1, "text": "Anteckning", "cid": "s2"},
    {"type": "whisper", "conversation": 1, "text": "Viskning", "cid": "s3"},
    {"type": "typing", "conversation": 1, "active": False},
    {"type": "transfer", "conversation": 1, "to": "bo", "note": ""},
    {"type": "close", "conversation": 1, "role": "child", "tags": ["a"], "referrals": ["b"]},
    {"type": "sync", "conversation": 1, "after": 0},
    {"type": "room", "text": "Hej kollegor", "cid": "s4"},
    {"type": "view", "conversation": 1},
    {"type": "unview", "conversation": 1},
    {"type": "help", "conversation": 1},
    {"type": "block", "conversation": 1},
    {"type": "stats", "since": "2026-01-01", "until": "2026-01-31"},
    {"type": "login", "v": PROTOCOL_VERSION, "user": "anna", "password": "x"},
]
TYPE_NAMES = sorted({name for names in protocol.frame_types().values() for name in names})

# Lone surrogates (json.dumps writes them as raw \ud800 escapes), control characters, line and
# paragraph separators and format characters (bidi marks, zero width), mixed with plain text.
NASTY_CHAR = st.characters(categories=["Cs", "Cc", "Zl", "Zp", "Cf"])
NASTY = st.lists(NASTY_CHAR | st.characters(), min_size=1, max_size=12).map("".join)
SURROGATE = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)


def string_fields(cls: type[protocol.Frame]) -> list[str]:
    """The fields of a frame class that hold text: str, optional str, lists of str."""
    names = []
    for name, hint in typing.get_type_hints(cls).items():
        if name != "type" and "str" in str(hint) and "Literal" not in str(hint):
            names.append(name)
    return names


def with_text(template: dict[str, Any], name: str, text: str, cls: type[protocol.Frame]
              ) -> dict[str, Any]:
    frame = dict(template)
    hint = str(typing.get_type_hints(cls)[name])
    frame[name] = [text] if hint.startswith("list") else text
    return frame


@st.composite
def nasty_text(draw: st.DrawFn, templates: list[dict[str, Any]],
               registry: dict[str, type[protocol.Frame]]) -> dict[str, Any]:
    """A valid frame with one string field holding lone surrogates or control characters."""
    template: dict[str, Any] = draw(st.sampled_from(templates))
    cls = registry[template["type"]]
    fields = string_fields(cls)
    if not fields:
        return template
    return with_text(template, draw(st.sampled_from(fields)), draw(NASTY), cls)


@st.composite
def mutated(draw: st.DrawFn, templates: list[dict[str, Any]]) -> dict[str, Any]:
    """A valid frame with one to three fields dropped, replaced, added or retyped."""
    frame = dict(draw(st.sampled_from(templates)))
    for _ in range(draw(st.integers(1, 3))):
        operation = draw(st.sampled_from(["drop", "replace", "replace", "add", "retype"]))
        keys = sorted(frame)
        if operation == "drop" and keys:
            del frame[draw(st.sampled_from(keys))]
        elif operation == "replace" and keys:
            frame[draw(st.sampled_from(keys))] = draw(JSON)
        elif operation == "add":
            frame[draw(st.text(max_size=12))] = draw(JSON)
        else:
            frame["type"] = draw(st.sampled_from(TYPE_NAMES) | JSON)
    return frame


def invalid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def payloads(templates: list[dict[str, Any]]) -> st.SearchStrategy[tuple[str, Any]]:
    """(kind, data): kind is "text", "binary" or "bad_utf8" (bytes sent as a text frame)."""
    big = protocol.MAX_FRAME_BYTES
    registry = protocol.STAFF_TO_RELAY if templates is STAFF_FRAMES else \
        protocol.VISITOR_TO_RELAY
    return st.one_of(
        st.sampled_from(templates).map(lambda f: ("text", json.dumps(f))),  # valid: make state
        nasty_text(templates, registry).map(lambda f: ("text", json.dumps(f))),
        mutated(templates).map(lambda f: ("text", json.dumps(f, ensure_ascii=False))),
        mutated(templates).map(lambda f: ("text", json.dumps(f))),
        JSON.map(lambda v: ("text", json.dumps(v))),
        st.text(max_size=200).map(lambda t: ("text", t)),
        st.integers(1, 7000).map(lambda n: ("text", "[" * n + "]" * n)),
        st.integers(1, 5000).map(lambda n: ("text", '{"type":"message","text":"x","cid":'
                                            + '{"a":' * n + "1" + "}" * n + "}")),
        st.integers(4300, 8000).map(lambda n: ("text", '{"type":"typing","active":' + "9" * n
                                               + "}")),
        st.binary(max_size=100).map(lambda b: ("binary", b)),
        st.binary(min_size=1, max_size=60).filter(invalid_utf8).map(lambda b: ("bad_utf8", b)),
        st.integers(big + 1, big * 3).map(
            lambda n: ("text", '{"type":"room","text":"' + "x" * n + '","cid":"o"}')),
    )


def refused_by_protocol(kind: str, data: Any, registry: dict[str, type[protocol.Frame]]) -> bool:
    """The oracle: does the protocol module itself refuse this frame?"""
    if kind != "text":
        return True
    try:
        protocol.decode(data, registry)
    except ProtocolError:
        return True
    except Exception as exc:  # the codec must only ever raise ProtocolError
        raise AssertionError(f"decode raised {exc!r}") from None
    return False


class ErrorLog(logging.Handler):
    """Collects error records of the relay and the websockets library (a crash shows here)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def error_log() -> Iterator[ErrorLog]:
    handler = ErrorLog()
    loggers = [logging.getLogger(name) for name in ("lotsen", "lotsen.ws", "websockets")]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler
    for logger in loggers:
        logger.removeHandler(handler)


class Fuzzer:
    """Sends payloads on fresh connections and checks that each refused one is answered."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.session: str | None = None
        self.answers: dict[str, int] = {}
        self._sentinels = itertools.count()

    async def _answer(self, ws: ClientConnection, cid: str | None = None) -> str:
        """Wait for an error frame (with ``cid`` if given) or a close; check the close."""
        while True:
            try:
                raw = await asyncio.wait_for(ws.recv(), 10)
            except ConnectionClosed:
                assert ws.close_code != 1011, f"relay failed: {ws.close_reason}"
                assert ws.close_reason, f"close {ws.close_code} without a reason"
                return "closed"
            frame = json.loads(raw)
            if frame.get("type") == "error" and (cid is None or frame.get("cid") == cid):
                return "error"

    async def _resync(self, ws: ClientConnection, staff: bool) -> bool:
        """Send a frame that is surely refused (an empty message) and wait for its error, so
        answers to earlier valid frames cannot be mistaken for answers to the next one."""
        cid = f"sync-{next(self._sentinels)}"
        sentinel: dict[str, Any] = {"type": "message", "text": " ", "cid": cid}
        if staff:
            sentinel["conversation"] = 0
        try:
            await ws.send(json.dumps(sentinel))
        except ConnectionClosed:
            return False
        return await self._answer(ws, cid) == "error"

    async def _send(self, ws: ClientConnection, kind: str, data: Any) -> None:
        if kind == "bad_utf8":
            await ws.send(data, text=True)
        else:
            await ws.send(data)

    async def _open(self, staff: bool) -> ClientConnection:
        path = STAFF_PATH if staff else VISITOR_PATH
        return await connect(f"ws://127.0.0.1:{self.port}{path}", open_timeout=10,
                             max_size=None)

    async def _first(self, staff: bool) -> dict[str, Any]:
        if not staff:
            return {"type": "hello", "v": PROTOCOL_VERSION}
        if self.session:
            return {"type": "login", "v": PROTOCOL_VERSION, "session": self.session}
        return {"type": "login", "v": PROTOCOL_VERSION, "user": "anna", "password": PASSWORD}

    async def run(self, staff: bool, first: tuple[str, Any] | None,
                  frames: list[tuple[str, Any]]) -> None:
        registry = protocol.STAFF_TO_RELAY if staff else protocol.VISITOR_TO_RELAY
        async with await self._open(staff) as ws:
            if first is not None:  # fuzz the first frame itself
                await self._send(ws, *first)
                expected = protocol.Login if staff else protocol.Hello
                valid = not refused_by_protocol(*first, registry) and isinstance(
                    protocol.decode(first[1], registry), expected) and json.loads(
                    first[1]).get("v") == PROTOCOL_VERSION
                if not valid:
                    self._count(await self._answer(ws))
                return
            await ws.send(json.dumps(await self._first(staff)))
            if staff:
                answer = json.loads(await asyncio.wait_for(ws.recv(), 10))
                if answer.get("type") != "session":  # a fuzzed logout ended the session
                    self.session = None
                    return
                self.session = answer["token"]
            for kind, data in frames:
                try:
                    await self._send(ws, kind, data)
                except ConnectionClosed:
                    return
                if refused_by_protocol(kind, data, registry):
                    self._count(await self._answer(ws))
                if not await self._resync(ws, staff):
                    return

    def _count(self, answer: str) -> None:
        self.answers[answer] = self.answers.get(answer, 0) + 1


def assert_consistent(database: Path) -> None:
    """SQLite's own check, foreign keys, and no rows pointing at nothing."""
    with contextlib.closing(sqlite3.connect(database)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = {
            "messages": "SELECT COUNT(*) FROM messages WHERE conversation_id NOT IN "
                        "(SELECT id FROM conversations)",
            "sessions": "SELECT COUNT(*) FROM sessions WHERE staff_id NOT IN "
                        "(SELECT id FROM staff)",
            "conversations": "SELECT COUNT(*) FROM conversations WHERE staff_id IS NOT NULL AND "
                             "staff_id NOT IN (SELECT id FROM staff)",
            "audit": "SELECT COUNT(*) FROM audit WHERE conversation_id IS NOT NULL AND "
                     "conversation_id NOT IN (SELECT id FROM conversations)",
            "sequence": "SELECT COUNT(*) FROM messages WHERE seq < 1",
        }
        for name, query in orphans.items():
            assert db.execute(query).fetchone() == (0,), f"orphan or bad rows in {name}"


async def normal_chat_works(port: int) -> None:
    staff = await Client.staff(port, "sara")
    visitor = await Client.visitor(port)
    await visitor.say("Efter allt brus: hej")
    while True:
        queued = await staff.expect("queued")
        if queued["entry"]["preview"] == "Efter allt brus: hej":
            break
    conversation = queued["entry"]["conversation"]
    await staff.send({"type": "claim", "conversation": conversation})
    await staff.expect("conversation", id=conversation, readonly=False)
    await staff.send({"type": "message", "conversation": conversation, "text": "Hej!",
                      "cid": "after"})
    await visitor.expect("message", text="Hej!")
    await staff.send({"type": "close", "conversation": conversation})
    await visitor.expect("ended")
    await visitor.close()
    await staff.close()


@pytest.mark.parametrize("endpoint", ["visitor", "staff"])
def test_fuzzed_frames_are_answered_and_nothing_breaks(tmp_path: Path, endpoint: str,
                                                       error_log: ErrorLog) -> None:
    """Every refused frame gets an error frame or a close with a reason; no 1011, no error
    logged; a normal chat works afterwards; the database is consistent."""
    config = make_config(tmp_path, visitor_rate=50.0, visitor_burst=100, staff_rate=50.0,
                         staff_burst=100)
    for user, supervisor in (("anna", False), ("bo", False), ("sara", True)):
        add_staff(config.database, user, supervisor=supervisor)
    staff = endpoint == "staff"
    templates = STAFF_FRAMES if staff else VISITOR_FRAMES
    loop = asyncio.new_event_loop()
    with RelayThread(config) as relay:
        fuzzer = Fuzzer(relay.port)
        duty = loop.run_until_complete(Client.staff(relay.port, "bo"))  # keeps the chat open
        if staff:  # anna holds conversation 1, which the fuzzed staff frames act on
            loop.run_until_complete(_conversation_for(relay.port, "anna"))
        reader = loop.create_task(_consume(duty))

        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                         HealthCheck.filter_too_much])
        @given(first=st.none() | st.none() | payloads(templates),
               frames=st.lists(payloads(templates), min_size=1, max_size=5))
        def check(first: tuple[str, Any] | None, frames: list[tuple[str, Any]]) -> None:
            loop.run_until_complete(fuzzer.run(staff, first, frames))

        try:
            check()
            loop.run_until_complete(normal_chat_works(relay.port))
        finally:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                loop.run_until_complete(reader)
            loop.run_until_complete(duty.close())
            loop.close()
        assert fuzzer.answers.get("error", 0) > 0 and fuzzer.answers.get("closed", 0) > 0
    assert [r.getMessage() for r in error_log.records] == []
    assert_consistent(sqlite_file(config.database))


async def _conversation_for(port: int, user: str) -> None:
    staff = await Client.staff(port, user)
    visitor = await Client.visitor(port)
    await visitor.say("Hej, jag vill prata")
    await staff.send({"type": "claim"})
    await staff.expect("conversation", id=1)
    await staff.close()
    await visitor.close()


async def _consume(client: Client) -> None:
    with contextlib.suppress(ConnectionClosed):
        async for _ in client.ws:
            pass


def _plain_value(hint: Any) -> Any:
    """A valid value for a field of this type hint (the first option of a union)."""
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        return typing.get_args(hint)[0]
    if origin is list:
        return ["x"] if typing.get_args(hint)[0] is str else []
    if origin is dict:
        return {}
    if origin is not None:  # a union: its first option that is not None
        return _plain_value(next(a for a in typing.get_args(hint) if a is not type(None)))
    if typing.is_typeddict(hint):  # a nested payload (status's questions): each of its keys
        return {key: _plain_value(h) for key, h in typing.get_type_hints(hint).items()}
    return {str: "x", int: 1, float: 1.0, bool: True}.get(hint, "x")


def valid_frame(cls: type[protocol.Frame]) -> dict[str, Any]:
    frame: dict[str, Any] = {"type": cls.type}
    for name, hint in typing.get_type_hints(cls).items():
        if name != "type":
            frame[name] = _plain_value(hint)
    if "v" in frame:
        frame["v"] = PROTOCOL_VERSION
    return frame


ALL_STRING_FIELDS = [
    (direction, cls, name)
    for direction, registry in protocol.DIRECTIONS.items()
    for cls in registry.values()
    for name in string_fields(cls)
]


def test_every_frame_type_has_its_string_fields_fuzzed() -> None:
    """The codec test below covers a string field of every frame type that has one."""
    covered = {cls for _, cls, _ in ALL_STRING_FIELDS}
    for registry in protocol.DIRECTIONS.values():
        for cls in registry.values():
            assert cls in covered or not string_fields(cls), cls


@pytest.mark.parametrize(("direction", "cls", "name"), ALL_STRING_FIELDS,
                         ids=[f"{d}-{c.type}-{n}" for d, c, n in ALL_STRING_FIELDS])
@settings(max_examples=40, deadline=None, database=None)
@given(text=NASTY, surrogate=SURROGATE)
def test_lone_surrogates_are_refused_in_every_string_field(
        direction: str, cls: type[protocol.Frame], name: str, text: str,
        surrogate: str) -> None:
    """In every string field of every frame type (both directions of both endpoints), text
    with a lone surrogate is refused with ``bad_frame``; control and format characters are
    either taken or refused with a ProtocolError, never another exception."""
    registry = protocol.DIRECTIONS[direction]
    base = valid_frame(cls)
    assert isinstance(protocol.decode(json.dumps(base), registry), cls)
    poisoned = with_text(base, name, "Hej " + surrogate + " " + text, cls)
    with pytest.raises(ProtocolError) as refused:
        protocol.decode(json.dumps(poisoned), registry)
    assert refused.value.code == "bad_frame"
    try:
        frame = protocol.decode(json.dumps(with_text(base, name, text, cls)), registry)
    except ProtocolError:
        return
    protocol.encode(frame).encode("utf-8")  # whatever is taken can be sent on


@pytest.mark.parametrize(("direction", "cls", "name"), ALL_STRING_FIELDS,
                         ids=[f"{d}-{c.type}-{n}" for d, c, n in ALL_STRING_FIELDS])
def test_a_nul_character_is_refused_in_every_string_field(
        direction: str, cls: type[protocol.Frame], name: str) -> None:
    """In every string field of every frame type, a NUL character is refused with
    ``bad_frame`` and a message naming the field and NUL, whatever engine stores it
    (PostgreSQL cannot; SQLite could: one rule for both)."""
    registry = protocol.DIRECTIONS[direction]
    poisoned = with_text(valid_frame(cls), name, "hej \x00 nul", cls)
    with pytest.raises(ProtocolError) as refused:
        protocol.decode(json.dumps(poisoned), registry)
    assert refused.value.code == "bad_frame"
    assert "NUL" in refused.value.message and name in refused.value.message


@pytest.mark.parametrize("endpoint", ["visitor", "staff"])
def test_lone_surrogates_in_every_field_on_a_real_relay(tmp_path: Path, endpoint: str,
                                                        error_log: ErrorLog) -> None:
    """On a real relay, a lone surrogate in each string field of each frame type is answered
    with ``bad_frame`` (or a close with a reason, for a first frame), staff can still log in
    and a normal chat works; nothing is logged as an error and the database is consistent."""
    config = make_config(tmp_path, visitor_rate=50.0, visitor_burst=100, staff_rate=50.0,
                         staff_burst=100)
    for user, supervisor in (("anna", False), ("bo", False), ("sara", True)):
        add_staff(config.database, user, supervisor=supervisor)
    staff = endpoint == "staff"
    templates = STAFF_FRAMES if staff else VISITOR_FRAMES
    registry = protocol.STAFF_TO_RELAY if staff else protocol.VISITOR_TO_RELAY
    frames = [
        ("text", json.dumps(with_text(t, name, "Hej \ud800 \x1b]52;c;x\x07", registry[t["type"]])))
        for t in templates for name in string_fields(registry[t["type"]])
    ]
    loop = asyncio.new_event_loop()
    with RelayThread(config) as relay:
        fuzzer = Fuzzer(relay.port)
        duty = loop.run_until_complete(Client.staff(relay.port, "bo"))
        if staff:
            loop.run_until_complete(_conversation_for(relay.port, "anna"))
        reader = loop.create_task(_consume(duty))
        try:
            for frame in frames:
                first_type = json.loads(frame[1])["type"]
                first = frame if first_type in ("hello", "login") else None
                loop.run_until_complete(fuzzer.run(staff, first, [] if first else [frame]))
            loop.run_until_complete(normal_chat_works(relay.port))
        finally:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                loop.run_until_complete(reader)
            loop.run_until_complete(duty.close())
            loop.close()
        assert sum(fuzzer.answers.values()) == len(frames)
    assert [r.getMessage() for r in error_log.records] == []
    assert_consistent(sqlite_file(config.database))
