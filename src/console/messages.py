"""App-wide Textual messages: small dataclasses that flow up to the app and its screens.

Widget-specific messages live inside their widget (``QueuePane.ClaimRequested`` and so on);
these are the ones several parts share. High-rate refresh messages use ``can_replace`` so a
burst of queue changes repaints once (as toolong coalesces its pending lines).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from relay import protocol


@dataclass
class FrameArrived(Message):
    """The relay sent a frame (already decoded and validated)."""

    frame: protocol.Frame


@dataclass
class ConnectionChanged(Message):
    """The connection to the relay came up or went down."""

    connected: bool
    reason: str
    retry_in: float | None = None


@dataclass
class LoginFailed(Message):
    """The relay refused the login, the session ended, or the server could not be reached.

    ``code`` is ``auth_failed``, ``session_ended``, ``unreachable``, ``protocol``, or the
    relay's own refusal code (``throttled``, ``totp_required``, ``totp_invalid``,
    ``totp_not_enrolled``).
    """

    code: str
    detail: str


@dataclass
class DeliveryChanged(Message):
    """A line left the outbox for the socket (``sent``)."""

    cid: str
    delivery: str


@dataclass
class QueueChanged(Message):
    """The queue changed; many in a row are painted once."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, QueueChanged)


@dataclass
class ChatsChanged(Message):
    """The list of chats, or a count or flag in it, changed; coalesced like QueueChanged."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ChatsChanged)


@dataclass
class InsertIntoComposer(Message):
    """Put text into the active chat's composer as a draft (never sent by itself).

    ``referral`` is the directory id when the text is a referral, so the close dialog can
    preselect it.
    """

    text: str
    referral: str | None = None
