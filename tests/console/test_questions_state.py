"""The console's rules for questions without a socket or a screen: inbox order and unread
counts, a thread as a chat, live lines, acknowledgements, removal, and reopening after a
reconnect."""

from __future__ import annotations

from typing import Any

from console.questions import ordered_inbox, question_key, question_of, unread_total
from console.session import ConsoleSession
from console.state import FAILED, STORED, ConsoleState
from relay import protocol


def _entry(question: int, **fields: Any) -> protocol.InboxEntry:
    base = protocol.InboxEntry(id=question, urgent=False, reasons=[], lang="sv", role=None,
                               state="open", staff=None, staff_name=None,
                               asked_at=100.0 + question, last_visitor_at=100.0, unread=1,
                               answered=False, read=False, preview="?")
    base.update(fields)  # type: ignore[typeddict-item]
    return base


def test_inbox_order_and_unread_counts() -> None:
    """Urgent first, then oldest; entries update in place and leave when gone."""
    state = ConsoleState()
    state.apply(protocol.Inbox([_entry(1), _entry(2, urgent=True, unread=3)]))
    assert [e["id"] for e in ordered_inbox(state)] == [2, 1] and unread_total(state) == 4
    update = state.apply(protocol.QuestionEntry(_entry(1, unread=0, answered=True)))
    assert update.inbox and unread_total(state) == 3
    state.apply(protocol.QuestionGone(2, "taken"))
    assert [e["id"] for e in ordered_inbox(state)] == [1]


def test_an_opened_question_is_a_chat_that_answers_are_sent_from() -> None:
    """The thread becomes chat "q1" and the active one; an answer from it is a
    question_answer frame, acknowledged by question_ack; a reply arrives live."""
    state = ConsoleState(clock=lambda: 300.0)
    session = ConsoleSession(state, None)
    state.apply(protocol.Inbox([_entry(1)]))
    state.opening = 1
    update = state.apply(protocol.QuestionThread(_entry(1, staff="anna"), [
        {"seq": 1, "kind": "visitor", "author": None, "text": "Hej?", "ts": 101.0}], False))
    assert update.show == "q1" and question_of("q1") == 1 and question_key(1) == "q1"
    chat = state.chats["q1"]
    assert [line.text for line in chat.lines] == ["Hej?"] and not chat.readonly
    sent = session.send_line("q1", "Svar\npå två rader")
    assert sent is not None
    line, _ = sent
    assert line.cid is not None
    state.apply(protocol.QuestionAck(line.cid, 1, 2, 301.0))
    assert line.seq == 2 and line.delivery == STORED
    state.apply(protocol.QuestionLine(1, 3, "visitor", None, "Tack", 302.0))
    assert [line.text for line in chat.lines] == ["Hej?", "Svar\npå två rader", "Tack"]
    update = state.apply(protocol.QuestionGone(1, "closed"))
    assert "q1" not in state.chats and update.removed == [("q1", "closed")]


def test_reconnect_reopens_open_questions() -> None:
    """A new inbox snapshot (after a reconnect) asks for the open questions' threads again."""
    state = ConsoleState()
    state.apply(protocol.QuestionThread(_entry(4, staff="anna"), [], False))
    update = state.apply(protocol.Inbox([_entry(4, staff="anna")]))
    assert update.send == [protocol.QuestionOpen(4)]


def test_an_answer_refused_because_a_colleague_decided_first_is_marked_and_explained() -> None:
    """Several relays: an answer refused ``question_closed`` (closed meanwhile on another
    relay) is marked failed, and the refusals of a lost race read in every language."""
    from console import i18n
    from console.screens.main import describe_error

    state = ConsoleState(clock=lambda: 300.0)
    session = ConsoleSession(state, None)
    state.apply(protocol.QuestionThread(_entry(1, staff="anna"), [], False))
    sent = session.send_line("q1", "Svar")
    assert sent is not None and sent[0].cid is not None
    update = state.apply(protocol.Error("question_closed", "That question is closed; the "
                                        "answer was not sent.", sent[0].cid))
    assert sent[0].delivery == FAILED and update.error is not None
    before = i18n.language()
    try:
        for lang, words in (("sv", "hann ta"), ("en", "took that question first"),
                            ("nb", "rakk å ta")):
            i18n.set_language(lang)
            assert words in describe_error(protocol.Error("question_taken", "x"))
            assert describe_error(protocol.Error("question_closed", "x")) != "x"
    finally:
        i18n.set_language(before)
