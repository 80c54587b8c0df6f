"""Questions outside opening hours, as the console knows them: the inbox and open threads.

The inbox (``ConsoleState.inbox``) holds the relay's entries: the questions this staff member
may see, urgent first, then oldest. An opened question becomes a ``Chat`` keyed ``"q<id>"``, so
the transcript, the multi-line composer, canned replies, referral suggestions, notes and the
close dialog work on it exactly as on a chat. These handlers fold the question frames into the
state; ``console.state`` registers them (sans-I/O, like the rest of the state).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from console.i18n import t
from relay import protocol

if TYPE_CHECKING:
    from console.state import ChatKey, ConsoleState, Update

PREFIX = "q"


def question_key(question: int) -> str:
    """The chat key of an opened question: ``"q3"``."""
    return f"{PREFIX}{question}"


def question_of(key: ChatKey | None) -> int | None:
    """The question id of a chat key, or None for a conversation or the staff room."""
    if isinstance(key, str) and key.startswith(PREFIX) and key[1:].isdigit():
        return int(key[1:])
    return None


def inbox_order(entry: protocol.InboxEntry) -> tuple[bool, float, int]:
    """Urgent first, then the oldest question first (the relay's order)."""
    return (not entry["urgent"], entry["asked_at"], entry["id"])


def ordered_inbox(state: ConsoleState) -> list[protocol.InboxEntry]:
    return sorted(state.inbox.values(), key=inbox_order)


def unread_total(state: ConsoleState) -> int:
    return sum(int(e.get("unread") or 0) for e in state.inbox.values())


@dataclass(frozen=True, slots=True)
class _Ack:
    """A ``question_ack`` in the shape ``ConsoleState._ack`` folds (a chat key, not an id)."""

    conversation: str
    cid: str
    seq: int
    ts: float


def _inbox(state: ConsoleState, frame: protocol.Inbox, update: Update) -> None:
    """The inbox at login. After a reconnect, questions open here are opened again, so replies
    that came while the connection was down are shown (lines are deduplicated by seq)."""
    state.inbox = {e["id"]: e for e in frame.entries}
    update.inbox = True
    for key in state.chats:
        question = question_of(key)
        if question is not None:
            update.send.append(protocol.QuestionOpen(question))


def _entry(state: ConsoleState, frame: protocol.QuestionEntry, update: Update) -> None:
    entry = frame.entry
    question = entry["id"]
    state.inbox[question] = entry
    update.inbox = True
    chat = state.chats.get(question_key(question))
    if chat is not None and chat.urgent != entry["urgent"]:
        chat.urgent, chat.reasons = entry["urgent"], list(entry["reasons"])
        update.chat_meta.add(chat.key)
        update.chats = True


def _gone(state: ConsoleState, frame: protocol.QuestionGone, update: Update) -> None:
    state.inbox.pop(frame.question, None)
    update.inbox = True
    key = question_key(frame.question)
    chat = state.chats.get(key)
    if chat is not None and (frame.reason != "taken" or not chat.readonly):
        del state.chats[key]
        if state.active == key:
            state.active = None
        update.removed.append((key, "closed"))
        update.chats = True


def _thread(state: ConsoleState, frame: protocol.QuestionThread, update: Update) -> None:
    from console.state import Chat

    entry = frame.entry
    question = int(entry["id"])
    key = question_key(question)
    chat = state.chats.get(key)
    if chat is None:
        chat = Chat(key, t("inbox.alias", id=question), created_at=float(entry["asked_at"]))
        state.chats[key] = chat
        update.added.append(key)
    chat.lang, chat.role = entry.get("lang"), entry.get("role")
    chat.staff, chat.staff_name = entry.get("staff"), entry.get("staff_name")
    chat.urgent, chat.reasons = bool(entry.get("urgent")), list(entry.get("reasons") or [])
    chat.readonly = frame.readonly
    chat.following = frame.readonly  # a supervisor reading: the lines are shown
    chat.state = "active" if entry.get("state") == "open" else "closed"
    first: int | None = None
    for data in frame.lines:
        index = state._merge_line(chat, data)
        if index is not None:
            first = index if first is None else min(first, index)
    if first is not None:
        update.touch(key, first)
    if question in state.inbox:
        state.inbox[question] = entry
        update.inbox = True
    if state.opening == question:  # the person asked to open it: show it now
        state.opening = None
        update.show = key
    update.chats = True
    update.chat_meta.add(key)


def _line(state: ConsoleState, frame: protocol.QuestionLine, update: Update) -> None:
    key = question_key(frame.question)
    chat = state.chats.get(key)
    if chat is None:
        return
    index = state._merge_line(chat, {"seq": frame.seq, "kind": frame.kind,
                                     "author": frame.author, "text": frame.text, "ts": frame.ts,
                                     "cid": frame.cid})
    if index is None:
        return
    update.touch(key, index)
    if state.active != key and frame.kind == "visitor":
        chat.unread += 1
        update.chats = True


def _ack(state: ConsoleState, frame: protocol.QuestionAck, update: Update) -> None:
    state._ack(_Ack(question_key(frame.question), frame.cid, frame.seq, frame.ts),  # type: ignore[arg-type]
               update)


HANDLERS: dict[type, Callable[[ConsoleState, Any, Update], None]] = {
    protocol.Inbox: _inbox,
    protocol.QuestionEntry: _entry,
    protocol.QuestionGone: _gone,
    protocol.QuestionThread: _thread,
    protocol.QuestionLine: _line,
    protocol.QuestionAck: _ack,
}
