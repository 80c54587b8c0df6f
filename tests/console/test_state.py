"""The console's state rules without a socket or a screen: merge, dedupe, unread, outbox."""

from __future__ import annotations

import string

from console import i18n
from console.state import FAILED, PENDING, ROOM, STORED, ConsoleState
from relay import protocol


def _conversation(last_seq: int = 0, messages: list[dict[str, object]] | None = None,
                  **fields: object) -> protocol.ConversationInfo:
    base: dict[str, object] = dict(
        id=5, alias="Besökare 5", lang="sv", role="self", state="active", staff="anna",
        staff_name="Anna", urgent=False, reasons=[], created_at=100.0, last_seq=last_seq,
        readonly=False, messages=messages or [])
    base.update(fields)
    return protocol.ConversationInfo(**base)  # type: ignore[arg-type]


def _line(seq: int, text: str, kind: str = "visitor", cid: str | None = None
          ) -> dict[str, object]:
    return {"seq": seq, "kind": kind, "author": None, "text": text, "ts": 100.0 + seq,
            "cid": cid}


def test_lines_are_deduplicated_by_seq_and_kept_in_order() -> None:
    """A line that arrives twice (live and again through sync) is shown once, in seq order."""
    state = ConsoleState(clock=lambda: 200.0)
    state.apply(_conversation(2, [_line(1, "a"), _line(2, "b")]))
    state.apply(protocol.StaffLine(5, 4, "visitor", None, "d", 104.0))
    state.apply(protocol.StaffLine(5, 3, "visitor", None, "c", 103.0))
    state.apply(protocol.StaffLine(5, 3, "visitor", None, "c", 103.0))
    chat = state.chats[5]
    assert [line.text for line in chat.lines] == ["a", "b", "c", "d"]


def test_reconnect_asks_for_missed_lines_after_the_last_seen_seq() -> None:
    """An empty conversation frame with a higher last_seq produces a sync from our last seq."""
    state = ConsoleState()
    state.apply(_conversation(2, [_line(1, "a"), _line(2, "b")]))
    update = state.apply(_conversation(5))
    assert update.send == [protocol.Sync(5, 2)]
    assert state.apply(_conversation(2)).send == []


def test_own_line_pending_then_stored_once_even_if_it_comes_back_first() -> None:
    """Our line is pending until acked; if sync returns it before the ack, no duplicate."""
    state = ConsoleState(clock=lambda: 150.0)
    state.user, state.name = "anna", "Anna"
    state.apply(_conversation(1, [_line(1, "hej")]))
    line, _ = state.add_own_line(5, "staff", "svar")
    assert line.delivery == PENDING and line.cid
    state.apply(protocol.StaffLine(5, 2, "staff", "Anna", "svar", 151.0, line.cid))
    state.apply(protocol.StaffAck(line.cid, 5, 2, 151.0))
    chat = state.chats[5]
    assert [(ln.text, ln.seq) for ln in chat.lines] == [("hej", 1), ("svar", 2)]
    assert chat.lines[-1].delivery == STORED


def test_refused_line_is_marked_failed() -> None:
    """An error naming our cid marks that line as not sent."""
    state = ConsoleState()
    state.apply(_conversation(1, [_line(1, "hej")]))
    line, _ = state.add_own_line(5, "staff", "svar")
    assert line.cid is not None
    state.apply(protocol.Error("ended", "This conversation has ended.", line.cid))
    assert line.delivery == FAILED


def test_background_chats_count_unread_and_activating_clears() -> None:
    """Visitor lines in a chat that is not active mark it unread until it is opened."""
    state = ConsoleState()
    state.apply(_conversation(1, [_line(1, "a")]))
    state.activate(ROOM)
    state.apply(protocol.StaffLine(5, 2, "visitor", None, "b", 102.0))
    assert state.chats[5].unread == 1
    state.activate(5)
    assert state.chats[5].unread == 0


def test_queue_follows_relay_order_and_reports_new_visitors() -> None:
    """Queued entries go where the relay's index says; only new ones raise an alert."""
    state = ConsoleState()
    entry: protocol.QueueEntry = {"conversation": 1, "alias": "B1", "since": 1.0, "lang": "sv",
                                  "role": None, "preview": "hej", "urgent": False, "reasons": []}
    assert [w.alias for w in state.apply(protocol.Queued(entry, 0)).new_waiting] == ["B1"]
    urgent = entry | {"conversation": 2, "alias": "B2", "urgent": True}
    state.apply(protocol.Queued(urgent, 0))
    assert [w.alias for w in state.queue] == ["B2", "B1"]
    assert state.apply(protocol.Queued(entry | {"urgent": True}, 1)).new_waiting == []
    state.apply(protocol.Dequeued(2, "claimed"))
    assert [w.alias for w in state.queue] == ["B1"]


def test_visitor_leaving_keeps_the_chat_with_a_notice() -> None:
    """When the visitor ends the chat it stays open for the outcome, marked as ended."""
    state = ConsoleState()
    state.apply(_conversation(1, [_line(1, "a")]))
    update = state.apply(protocol.StaffEnded(5, "visitor"))
    chat = state.chats[5]
    assert chat.ended and chat.lines[-1].text == "line.ended.visitor"
    assert update.notices and update.notices[0][0] == "notice.visitor_left"
    state.apply(protocol.StaffEnded(5, "staff"))
    assert 5 not in state.chats


def test_every_text_exists_in_all_three_languages() -> None:
    """No UI text is missing a Swedish, English or Norwegian version."""
    for key, texts in i18n.CATALOG.items():
        assert len(texts) == 3 and all(t.strip() for t in texts), key
        names = [{field for _, field, _, _ in string.Formatter().parse(text) if field}
                 for text in texts]
        assert names[0] == names[1] == names[2], f"{key}: placeholders differ"
