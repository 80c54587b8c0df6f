"""The protocol module: validation of frames, and that docs/protocol.md describes every frame."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relay import protocol as p

DOC = Path(__file__).resolve().parents[1] / "docs" / "protocol.md"


def test_every_frame_type_is_documented_in_its_direction() -> None:
    """docs/protocol.md has a heading for every frame type under the right direction."""
    text = DOC.read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.M)
    by_title = {s.splitlines()[0].strip(): s for s in sections[1:]}
    titles = {"visitor_to_relay": "Visitor → relay", "staff_to_relay": "Staff → relay",
              "relay_to_visitor": "Relay → visitor", "relay_to_staff": "Relay → staff"}
    for direction, names in p.frame_types().items():
        section = by_title[titles[direction]]
        for name in names:
            assert f"### `{name}`" in section, f"{name} ({direction}) is not documented"


def test_valid_frames_decode_to_dataclasses() -> None:
    """A well-formed frame becomes its dataclass with defaults filled in."""
    frame = p.decode('{"type":"hello","v":1,"lang":"nb"}', p.VISITOR_TO_RELAY)
    assert frame == p.Hello(v=1, lang="nb")
    close = p.decode('{"type":"close","conversation":3,"tags":["spel"]}', p.STAFF_TO_RELAY)
    assert close == p.Close(conversation=3, tags=["spel"])
    assert p.decode(p.encode(close), p.STAFF_TO_RELAY) == close


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("[]", "bad_frame"),
        ("not json", "bad_frame"),
        ('{"type":"nope"}', "unknown_type"),
        ('{"type":"hello"}', "bad_frame"),
        ('{"type":"hello","v":true}', "bad_frame"),
        ('{"type":"hello","v":1,"lang":"de"}', "bad_frame"),
        ('{"type":"hello","v":1e400}', "bad_frame"),
        ('{"type":"message","text":"   ","cid":"a"}', "bad_frame"),
        ('{"type":"message","text":"x","cid":""}', "bad_frame"),
        ('{"type":"message","text":"' + "x" * 4001 + '","cid":"a"}', "text_too_long"),
        ('{"type":"hello","v":1,"last_seq":' + "9" * 40 + "}", "bad_frame"),
        ("[" * 100_000 + "]" * 100_000, "too_large"),
    ],
)
def test_bad_frames_raise_protocol_error_with_a_code(raw: str, code: str) -> None:
    """Malformed frames become a ProtocolError with a code, never another exception."""
    with pytest.raises(p.ProtocolError) as caught:
        p.decode(raw, p.VISITOR_TO_RELAY)
    assert caught.value.code == code


def test_deeply_nested_json_within_size_is_refused_not_crashing() -> None:
    """Deep nesting that fits the size limit is refused as a bad frame, not a RecursionError."""
    raw = "[" * 8000 + "]" * 8000
    with pytest.raises(p.ProtocolError) as caught:
        p.decode(raw, p.STAFF_TO_RELAY)
    assert caught.value.code == "bad_frame"


def test_binary_frames_close_with_unsupported_data() -> None:
    """Binary frames are refused with close code 1003."""
    with pytest.raises(p.ProtocolError) as caught:
        p.decode(b'{"type":"hello","v":1}', p.VISITOR_TO_RELAY)
    assert caught.value.close_code == p.CLOSE_UNSUPPORTED


def test_the_fast_ack_encoder_writes_exactly_the_ack_frames() -> None:
    """encode_ack, used for every stored line, gives the same text as encoding the frames."""
    for cid, seq, ts in (("c1", 1, 1.5), ("ä\"<x>", 2**40, 1_770_000_000.123456)):
        assert p.encode_ack(cid, seq, ts) == p.encode(
            p.VisitorAck(cid, seq, ts))
        assert p.encode_ack(cid, seq, ts, 7) == p.encode(
            p.StaffAck(cid, 7, seq, ts))


def test_the_fast_line_encoder_writes_exactly_the_message_frames() -> None:
    """encode_line, used for every delivered line, gives the same text as the line frames."""
    for author, cid in ((None, "c1"), ("Anna <b>", None)):
        for text in ("Hej", "rad\nny \"citat\" ä \u2028"):
            assert p.encode_line(7, 3, "staff", author, text, 1.5, cid) == p.encode(
                p.StaffLine(7, 3, "staff", author, text, 1.5, cid))
            assert p.encode_line(None, 3, "visitor", author, text, 1.5, cid) == p.encode(
                p.VisitorLine(3, "visitor", author, text, 1.5, cid))


TEXT = st.text(max_size=30) | st.sampled_from(["", "ä\"<x>\\", "\ud800", "\u2028 \x00"])
ODD_NUMBERS = st.sampled_from([float("nan"), float("inf"), -float("inf"), -0.0, 5e-324, 1e300,
                               2**64, 1, True, False])
SEQ = st.integers(min_value=-(2**70), max_value=2**70) | ODD_NUMBERS
TS = st.floats(allow_nan=True, allow_infinity=True) | ODD_NUMBERS


@settings(max_examples=300, deadline=None)
@given(conversation=st.none() | st.integers(min_value=-(2**60), max_value=2**60) | st.booleans(),
       seq=SEQ, kind=TEXT, author=st.none() | TEXT, text=TEXT, ts=TS,
       cid=st.none() | TEXT)
def test_the_fast_encoders_write_what_the_encoder_writes(
        conversation: Any, seq: Any, kind: Any, author: Any, text: Any, ts: Any, cid: Any
) -> None:
    """encode_line and encode_ack write exactly what encoding the frames writes, for any values
    of the plain types and for the odd ones the fast path hands on (NaN, infinities, booleans,
    ints for floats, lone surrogates)."""
    if conversation is None:
        assert p.encode_line(None, seq, kind, author, text, ts, cid) == p.encode(
            p.VisitorLine(seq, kind, author, text, ts, cid))
    else:
        assert p.encode_line(conversation, seq, kind, author, text, ts, cid) == p.encode(
            p.StaffLine(conversation, seq, kind, author, text, ts, cid))
    if cid is not None:
        assert p.encode_ack(cid, seq, ts, conversation) == (
            p.encode(p.VisitorAck(cid, seq, ts)) if conversation is None
            else p.encode(p.StaffAck(cid, conversation, seq, ts)))


VALUE = (st.none() | st.booleans() | st.integers(min_value=-(2**60), max_value=2**60)
         | st.sampled_from([2**53, -(2**53), 2**53 - 1, 1e300]) | st.floats(allow_nan=False)
         | TEXT | st.lists(TEXT, max_size=3))
FIELD_NAMES = sorted({name for registry in (p.VISITOR_TO_RELAY, p.STAFF_TO_RELAY)
                      for cls in registry.values() for name in p._field_names(cls)})


def outcome(decode: Any) -> Any:
    try:
        return decode()
    except p.ProtocolError as exc:
        return (exc.code, exc.message, exc.close_code)


@settings(max_examples=400, deadline=None)
@given(registry=st.sampled_from([p.VISITOR_TO_RELAY, p.STAFF_TO_RELAY]), data=st.data())
def test_decoding_a_plain_frame_quickly_changes_nothing(registry: Any, data: Any) -> None:
    """from_dict's quick path for frames of plain values gives the same frame, or the same
    error, as checking every field of the frame class in order."""
    kind = data.draw(st.sampled_from(sorted(registry)))
    cls = registry[kind]
    own = sorted(p._field_names(cls))
    names = st.sampled_from(own or FIELD_NAMES) | st.sampled_from(FIELD_NAMES)
    frame = {"type": kind, **data.draw(st.dictionaries(names, VALUE, max_size=6))}
    assert outcome(lambda: p.from_dict(frame, registry)) == outcome(
        lambda: p._from_dict_checked(frame, cls, registry))


@pytest.mark.parametrize("raw", [
    '{"type":"message","text":"hej","cid":"1"}', ' {"type":"message"}', '{"a":1} ', '{"a":1}x}',
    '{"a":1}{"b":2}', '{"a":1,}', '{"a":"\\ud800"}', '{"a":NaN}', '{}', '{', '}', '{"a":{}}',
    '\ufeff{"a":1}', '{"a":[' * 5000 + ']' * 5000 + '}', '{"a":1}\n}', '{"a":"}"}',
])
def test_frames_parse_as_json_loads_parses_them(raw: str) -> None:
    """The scanner shortcut for frames that are one JSON object parses exactly what
    json.loads parses, and refuses exactly what it refuses."""
    def parse(loads: Any) -> Any:
        try:
            return loads(raw)
        except (ValueError, RecursionError) as exc:
            return type(exc)
    assert parse(p._loads) == parse(json.loads)


QUEUE_ENTRY = {"conversation": 7, "alias": "Besökare 7", "since": 1, "lang": "sv",
               "role": None, "preview": "hej", "urgent": False, "reasons": []}


def test_nested_payloads_decode_checked_and_typed() -> None:
    """A queue entry is checked key by key like a frame: ints become floats where a float is
    meant, keys added later may be absent, and keys a newer relay adds are kept."""
    raw = p.encode(p.QueueSnapshot([cast(p.QueueEntry, {**QUEUE_ENTRY, "new_key": 1})], 1))
    frame = p.decode(raw, p.RELAY_TO_STAFF)
    assert isinstance(frame, p.QueueSnapshot)
    (entry,) = frame.entries
    assert entry["since"] == 1.0 and isinstance(entry["since"], float)
    assert "gone_since" not in entry and entry.get("new_key") == 1


@pytest.mark.parametrize(("change", "message"), [
    ({"alias": None}, "field 'entry.alias' has the wrong type"),
    ({"reasons": "urgent"}, "field 'entry.reasons' must be a short list"),
    ({"conversation": None}, "field 'entry.conversation' has the wrong type"),
])
def test_a_nested_payload_of_the_wrong_shape_is_refused(change: dict[str, object],
                                                        message: str) -> None:
    """A wrong key inside a payload is named, with the path to it."""
    raw = p.encode(p.Queued(cast(p.QueueEntry, {**QUEUE_ENTRY, **change}), 0))
    with pytest.raises(p.ProtocolError, match=re.escape(message)):
        p.decode(raw, p.RELAY_TO_STAFF)


def test_a_nested_payload_without_a_required_key_is_refused() -> None:
    """The keys every relay has sent are required; the error lists the missing ones."""
    entry = {k: v for k, v in QUEUE_ENTRY.items() if k not in ("alias", "urgent")}
    raw = p.encode(p.Queued(cast(p.QueueEntry, entry), 0))
    with pytest.raises(p.ProtocolError, match="field 'entry' lacks alias, urgent"):
        p.decode(raw, p.RELAY_TO_STAFF)


def test_stats_figures_travel_as_one_typed_path() -> None:
    """Statistics -> StatsReport -> decode -> Statistics gives back the same figures."""
    from datetime import date
    from zoneinfo import ZoneInfo

    from figures.report import ReportContext
    from figures.stats import Period, compute

    period = Period(date(2026, 3, 1), date(2026, 3, 31), ZoneInfo("Europe/Stockholm"))
    figures = compute([], [("2026-03-02T10", 3)], period)
    context = ReportContext(lang="nb", retention_days=14)
    frame = p.decode(p.encode(p.StatsReport(figures.to_dict(), context.to_dict())),
                     p.RELAY_TO_STAFF)
    assert isinstance(frame, p.StatsReport) and frame.context is not None
    assert type(figures).from_dict(frame.report) == figures
    assert ReportContext.from_dict(frame.context) == context
