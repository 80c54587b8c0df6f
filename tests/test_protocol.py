"""The protocol module: validation of frames, and that docs/protocol.md describes every frame."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

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
