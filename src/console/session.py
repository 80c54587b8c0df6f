"""The one thing screens call to act: claim, send, note, transfer, close, follow, ask for help.

``ConsoleSession`` joins the state (what we know) and the client (the connection), like elia's
``ChatsManager``: screens never build frames or touch the socket themselves. Each method
returns the ``Update`` its local change made, so the screen can repaint at once (a line shows
as pending the moment Enter is pressed, before the relay has seen it).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from console.client import RelayClient
from console.questions import question_of
from console.state import ROOM, SENT, ChatKey, ConsoleState, Line, Update
from relay import protocol

TYPING_REPEAT_S = 3.0
"""While staff keep typing, tell the visitor again at most this often."""


class ConsoleSession:
    """Actions on the relay, on behalf of the logged-in staff member."""

    def __init__(self, state: ConsoleState, client: RelayClient | None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.state = state
        self.client = client
        self.clock = clock
        self._typing_sent: dict[ChatKey, float] = {}

    @property
    def connected(self) -> bool:
        return self.client is not None and self.client.connected

    def send(self, frame: protocol.Frame) -> bool:
        return self.client.send(frame) if self.client is not None else False

    # -- conversations ---------------------------------------------------------------------------

    def claim(self, conversation: int | None = None) -> bool:
        """Claim the next visitor in queue order, or a chosen one (then shown at once)."""
        sent = self.send(protocol.Claim(conversation))
        self.state.claim_pending = self.state.claim_pending or sent
        return sent

    def send_line(self, key: ChatKey, text: str) -> tuple[Line, Update] | None:
        """Write a line in a chat: reply, note (note mode), whisper (followed chat) or room."""
        chat = self.state.chat(key)
        text = text.strip()
        if chat is None or not text:
            return None
        text = text[:protocol.MAX_TEXT_CHARS]
        if chat.is_room:
            kind = "room"
        elif chat.readonly:
            kind = "whisper"
        elif chat.note_mode:
            kind = "note"
        else:
            kind = "staff"
        line, update = self.state.add_own_line(key, kind, text)
        assert line.cid is not None
        frame: protocol.Frame
        question = question_of(key)
        if question is not None:  # an answer (or note) the visitor reads with their code
            frame = protocol.QuestionAnswer(question, text, line.cid, note=kind == "note")
        elif kind == "room":
            frame = protocol.RoomSend(text, line.cid)
        elif kind == "whisper":
            frame = protocol.Whisper(int(key), text, line.cid)
        elif kind == "note":
            frame = protocol.Note(int(key), text, line.cid)
        else:
            frame = protocol.StaffSend(int(key), text, line.cid)
            self.typing_stopped(key)
        self.send(frame)
        return line, update

    def send_network(self, room: str, text: str) -> bool:
        """Write a line in a topic room of the professionals' network: shown at once as
        pending, stored when the relay's copy comes back. Not kept for a reconnect (the relay
        cannot tell a resent network line from a new one): offline, it fails at once."""
        text = text.strip()[:protocol.MAX_TEXT_CHARS]
        network = self.state.network
        entry = network.add_own(room, self.state.name or "", self.state.organisation or "",
                                text) if text else None
        if entry is None or entry.cid is None:
            return False
        if not self.connected or not self.send(protocol.NetworkSend(room, text, entry.cid)):
            network.failed(entry.cid)
            return False
        return True

    def delivered(self, cid: str, delivery: str) -> Update:
        """The client wrote a line to the socket."""
        return self.state.set_delivery(cid, delivery) if delivery == SENT else Update()

    def apply(self, frame: protocol.Frame) -> Update:
        """A frame from the relay: into the state, acknowledged lines out of the outbox.

        Frames the state asks to send (``update.send``: syncs after a reconnect) are left to
        the caller, which sends them once the screen has been painted.
        """
        update = self.state.apply(frame)
        if self.client is not None:
            if isinstance(frame, protocol.StaffAck | protocol.QuestionAck):
                self.client.acknowledged(frame.cid)
            elif isinstance(frame, protocol.RoomLine) and frame.cid:
                self.client.acknowledged(frame.cid)
            elif isinstance(frame, protocol.Error) and frame.cid:
                self.client.acknowledged(frame.cid)
        return update

    def typing_activity(self, key: ChatKey) -> None:
        """Staff typed in a reply: tell the visitor, at most every few seconds."""
        chat = self.state.chat(key)
        if chat is None or chat.is_room or chat.readonly or chat.note_mode or chat.ended \
                or question_of(key) is not None:  # nobody reads a question live
            return
        now = self.clock()
        if now - self._typing_sent.get(key, -TYPING_REPEAT_S) >= TYPING_REPEAT_S:
            if self.send(protocol.StaffTyping(int(key), True)):
                self._typing_sent[key] = now

    def typing_stopped(self, key: ChatKey | None) -> None:
        if key is not None and self._typing_sent.pop(key, None) is not None:
            self.send(protocol.StaffTyping(int(key), False))

    def transfer(self, key: ChatKey, to: str | None, note: str) -> bool:
        self.typing_stopped(key)
        return self.send(protocol.Transfer(int(key), to, note.strip()[:protocol.MAX_TEXT_CHARS]))

    def close(self, key: ChatKey, role: str | None, tags: list[str],
              referrals: list[str], triage: str | None = None) -> bool:
        question = question_of(key)
        if question is not None:  # a question: the triage verdict is for live chats only
            return self.send(protocol.QuestionClose(question, role, tags,  # type: ignore[arg-type]
                                                    referrals))
        self.typing_stopped(key)
        return self.send(protocol.Close(int(key), role, tags, referrals,  # type: ignore[arg-type]
                                        triage))  # type: ignore[arg-type]

    def mark(self, conversation: int, urgent: bool) -> bool:
        """Staff's own verdict on a queued or held chat (the relay keeps and audits it)."""
        return self.send(protocol.Mark(conversation, urgent))

    def open_question(self, question: int) -> bool:
        """Open a question from the inbox; its thread becomes the active chat when it comes."""
        self.state.opening = question
        return self.send(protocol.QuestionOpen(question))

    def follow(self, key: ChatKey, follow: bool) -> bool:
        frame = protocol.View(int(key)) if follow else protocol.Unview(int(key))
        sent = self.send(frame)
        chat = self.state.chat(key)
        if sent and chat is not None and not follow:
            chat.following = False
            chat.lines.clear()
            chat.by_seq.clear()
            chat.by_cid.clear()
            chat.last_seq = 0
            chat.version += 1
        return sent

    def block(self, key: ChatKey) -> bool:
        """End an abusive chat for good (the relay audits it)."""
        self.typing_stopped(key)
        return self.send(protocol.Block(int(key)))

    def ask_for_help(self, key: ChatKey) -> bool:
        return self.send(protocol.HelpRequest(int(key)))

    def owns(self, key: ChatKey | None) -> bool:
        chat = self.state.chat(key)
        return chat is not None and not chat.is_room and not chat.readonly

    @staticmethod
    def is_room(key: ChatKey | None) -> bool:
        return key == ROOM
