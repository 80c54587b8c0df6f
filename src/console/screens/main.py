"""The main screen: queue and chats on the left, the transcript and composer in the middle,
referrals on the right. The screen coordinates its panes: they post messages up, it sets
attributes down, and every action it offers has a binding, a description and a check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Label, OptionList, Static, TextArea

from console import i18n, messages
from console.i18n import t
from console.keys import translate_bindings
from console.questions import ordered_inbox, question_of, unread_total
from console.referrals import ReferralSource
from console.session import ConsoleSession
from console.settings import CannedReply, ConsoleConfig
from console.state import ROOM, Chat, ChatKey, ConsoleState, Update
from console.widgets.chats import ChatList, key_of
from console.widgets.composer import Composer
from console.widgets.divider import PaneDivider
from console.widgets.header import ChatHeader, ChatStatus
from console.widgets.inbox import InboxPane
from console.widgets.queue import QueuePane, format_wait
from console.widgets.referrals import ReferralPane
from console.widgets.transcript import TranscriptView
from relay import protocol

if TYPE_CHECKING:
    from datetime import tzinfo

TYPING_IDLE_S = 5.0
"""After this long without a keystroke, the visitor stops seeing "typing"."""


def describe_error(error: protocol.Error) -> str:
    """A refusal from the relay in the person's language (its own words as a fallback)."""
    key = f"error.{error.code}"
    if i18n.has(key):
        return t(key, message=error.message) if "{message}" in i18n.CATALOG[key][0] \
            else t(key)
    return t("notice.error", message=error.message)


def close_warning(chat: Chat) -> str:
    """What the close dialog warns about: an urgent chat, a visitor still in the chat."""
    warnings = []
    if chat.urgent:
        warnings.append(t("close.warn_urgent"))
    if not chat.ended:
        warnings.append(t("close.warn_connected", alias=chat.alias))
    return "\n".join(warnings)


class MainScreen(Screen[None]):
    """Where the work happens."""

    BINDING_GROUP_TITLE = "main"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "claim_next", "Take next", id="claim-next",
                tooltip="Answer the next visitor in the queue."),
        Binding("ctrl+g", "note_mode", "Note", id="note-mode",
                tooltip="Switch between reply and internal note."),
        Binding("ctrl+t", "transfer", "Transfer", id="transfer",
                tooltip="Hand the chat to a colleague or back to the queue."),
        Binding("ctrl+o", "close_chat", "Close", id="close-chat",
                tooltip="Close the chat and record the outcome."),
        Binding("ctrl+b", "ask_supervisor", "Ask supervisor", id="ask-supervisor", show=False,
                tooltip="Ask a supervisor to look at this chat."),
        Binding("ctrl+l", "follow", "Follow", id="follow",
                tooltip="Supervisor: follow or stop following the chat."),
        Binding("f2", "staff_room", "Staff room", id="staff-room",
                tooltip="Open the staff room."),
        Binding("alt+n", "network", "Network", id="network", show=False,
                tooltip="Open the network's topic rooms, shared with other organisations."),
        Binding("ctrl+r", "insert_referral", "Insert referral", id="insert-referral",
                tooltip="Put the highlighted referral into the reply."),
        Binding("ctrl+f", "find_referral", "Find referral", id="find-referral", show=False,
                tooltip="Search the referral directory."),
        Binding("alt+down,ctrl+pagedown", "cycle_chat(1)", "Next chat", id="next-chat",
                show=False, tooltip="Switch to the next open chat."),
        Binding("alt+up,ctrl+pageup", "cycle_chat(-1)", "Previous chat", id="previous-chat",
                show=False, tooltip="Switch to the previous open chat."),
        Binding("f3", "focus_queue", "Queue", id="focus-queue", show=False,
                tooltip="Move focus to the queue."),
        Binding("alt+i", "focus_inbox", "Inbox", id="focus-inbox", show=False,
                tooltip="Move focus to the inbox of questions asked outside opening hours."),
        Binding("escape", "focus_composer", "Write", id="focus-composer", show=False,
                tooltip="Move focus to the composer."),
        Binding("f8", "dismiss_chat", "Dismiss", id="dismiss-chat", show=False,
                tooltip="Remove an ended or watched chat from the list."),
        Binding("alt+right", "resize('left', 4)", "Wider queue", id="wider-left", show=False),
        Binding("alt+left", "resize('left', -4)", "Narrower queue", id="narrower-left",
                show=False),
        Binding("alt+shift+left", "resize('right', 4)", "Wider referrals", id="wider-right",
                show=False),
        Binding("alt+shift+right", "resize('right', -4)", "Narrower referrals",
                id="narrower-right", show=False),
        Binding("f6", "toggle_urgent", "Urgent / not urgent", id="toggle-urgent", show=False,
                tooltip="Mark the chosen queued chat, or your chat, urgent or not urgent."),
        Binding("f9", "block", "Block", id="block", show=False,
                tooltip="End an abusive chat for good."),
        Binding("f5", "statistics", "Statistics", id="statistics", show=False,
                tooltip="Supervisor: this month's anonymous figures."),
        Binding("f4", "toggle_referrals", "Referrals", id="toggle-referrals", show=False,
                tooltip="Show or hide the referral pane."),
        Binding("f1", "app.help", "Help", id="help", tooltip="Show every key."),
    ]

    def __init__(self, session: ConsoleSession, config: ConsoleConfig,
                 referrals: ReferralSource, *, clock: Callable[[], float],
                 is_connected: Callable[[], bool],
                 timezone: tzinfo | None = None, today: dt.date | None = None,
                 cursor_blink: bool = True,
                 cover_referrals: dict[str, ReferralSource] | None = None) -> None:
        super().__init__(id="main")
        self.session = session
        self.config = config
        self.referrals = referrals
        # Covered organisations' directories, for their chats (cover agreements), by id.
        self.cover_referrals = cover_referrals if cover_referrals is not None else {}
        self.clock = clock
        self.timezone = timezone
        self.today = today
        self._is_connected = is_connected
        self.cursor_blink = cursor_blink
        self._last_bindings_state: tuple[object, ...] | None = None
        self._ready = False
        self._typing_timer: Timer | None = None
        self._suggest_timer: Timer | None = None
        self._shown: ChatKey | None = None
        """The chat the panes last showed: the referral search is cleared when it changes."""
        translate_bindings(self)

    @property
    def state(self) -> ConsoleState:
        return self.session.state

    @property
    def connected(self) -> bool:
        return self._is_connected()

    @property
    def ready(self) -> bool:
        """True while the panes exist: frames that arrive before are applied once it is."""
        return self._ready and not (self._closing or self._closed or self.app._exit)

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("", id="banner")
        yield Static("", id="statusbar")
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield Label(t("queue.title"), id="queue-title", classes="pane-title")
                yield QueuePane(clock=self.clock, id="queue")
                yield Label(t("inbox.title"), id="inbox-title", classes="pane-title")
                yield InboxPane(id="inbox")
                yield Label(t("chats.title"), id="chats-title", classes="pane-title")
                yield ChatList(id="chats")
            yield PaneDivider("left", side="left", id="divider-left")
            with Vertical(id="center"):
                yield ChatHeader(id="chat-header")
                yield TranscriptView(timezone=self.timezone, id="transcript")
                yield ChatStatus(id="chat-status")
                yield Static("", id="canned-hint")
                yield Composer(id="composer")
            yield PaneDivider("right", side="right", id="divider-right")
            yield ReferralPane(self.referrals, today=self.today, id="right")
        yield Footer(compact=True)  # every key fits at 120 columns

    def on_mount(self) -> None:
        translate_bindings(self.query_one(QueuePane))
        translate_bindings(self.query_one(Composer))
        self.query_one(Composer).cursor_blink = self.cursor_blink
        self.refresh_all()
        self.set_interval(1.0, self._tick)
        self.query_one(Composer).focus()
        self._ready = True

    def on_resize(self) -> None:
        self.set_class(self.size.width < 120, "-narrow")

    # -- panes, from the state --------------------------------------------------------------

    @property
    def queue_pane(self) -> QueuePane:
        return self.query_one(QueuePane)

    @property
    def transcript(self) -> TranscriptView:
        return self.query_one(TranscriptView)

    @property
    def composer(self) -> Composer:
        return self.query_one(Composer)

    @property
    def referral_pane(self) -> ReferralPane:
        return self.query_one(ReferralPane)

    def refresh_all(self) -> None:
        self.refresh_queue()
        self.refresh_inbox()
        self.refresh_chats()
        self.show_active()
        self.refresh_status()

    def refresh_queue(self) -> None:
        pane = self.queue_pane
        pane.more = self.state.waiting_count - len(self.state.queue)
        pane.set_entries(list(self.state.queue))  # a copy: state edits its list in place
        title = t("queue.title")
        if self.state.queue:
            title += " " + t("queue.summary", count=self.state.waiting_count,
                               wait=format_wait(pane.longest_wait()))
        self.query_one("#queue-title", Label).update(title, layout=False)
        self.update_bindings()

    def refresh_inbox(self) -> None:
        """The inbox of questions asked outside opening hours, with its unread count."""
        self.query_one(InboxPane).set_entries(ordered_inbox(self.state), self.state.user)
        title = t("inbox.title")
        if unread := unread_total(self.state):
            title += " · " + t("inbox.unread", count=unread)
        self.query_one("#inbox-title", Label).update(title, layout=False)

    @on(InboxPane.OpenRequested)
    def _question_chosen(self, event: InboxPane.OpenRequested) -> None:
        if not self.session.open_question(event.question):
            self.notify(t("notice.offline"), severity="warning")

    def refresh_chats(self) -> None:
        self.query_one(ChatList).set_chats(self.state.my_chats(), self.state.room,
                                           self.state.active)

    def refresh_status(self) -> None:
        state = self.state
        who = state.name or state.user or ""
        if state.supervisor:
            who += f" ({t('status.supervisor')})"
        if state.organisation:  # a relay of several organisations: whose staff this is
            who += f", {state.organisation}"
        mark = "●" if self.connected else "○"
        status = t("status.online") if self.connected else t("status.offline")
        own = sum(1 for c in state.my_chats() if not c.readonly)
        parts = [f"{t('app.title')} · {who}", f"{mark} {status}",
                 f"{t('queue.title')} {state.waiting_count}", f"{t('chats.title')} {own}"]
        if state.network.unread:  # the professionals' network: Alt+N opens it
            parts.append(t("network.status", count=state.network.unread))
        bar = self.query_one("#statusbar", Static)
        bar.update(Text("  ·  ".join(parts)), layout=False)  # names are text, never markup
        bar.set_class(not self.connected, "-offline")

    def show_active(self) -> None:
        """Show the active chat in the transcript, header, composer and referral pane."""
        chat = self.state.active_chat()
        placeholder = t("transcript.readonly") if chat is not None and chat.readonly \
            else t("transcript.empty")
        self.transcript.show(chat, placeholder)
        self.query_one(ChatHeader).show(chat)
        self.query_one(ChatStatus).show(chat, self.clock)
        composer = self.composer
        composer.set_draft(chat.draft if chat is not None else "")
        self._composer_mode(chat)
        key = chat.key if chat is not None else None
        if key != self._shown:
            self._shown = key
            self.referral_pane.clear_search()
        self._suggest_now()
        self.update_bindings()

    def _composer_mode(self, chat: Chat | None) -> None:
        composer = self.composer
        for name in ("-note", "-whisper", "-room"):
            composer.remove_class(name)
        writable = chat is not None and not chat.ended and chat.has_transcript and not (
            chat.readonly and question_of(chat.key) is not None)  # a colleague's question
        composer.read_only = not writable
        if chat is None:
            composer.border_title = ""
        elif chat.is_room:
            composer.add_class("-room")
            composer.border_title = t("composer.room")
        elif chat.ended:
            composer.border_title = t("composer.closed")
        elif chat.readonly:
            composer.add_class("-whisper")
            composer.border_title = t("composer.whisper", staff=chat.staff_name or "?")
        elif chat.note_mode:
            composer.add_class("-note")
            composer.border_title = t("composer.note")
        elif question_of(chat.key) is not None:
            composer.border_title = t("composer.question", alias=chat.alias)
        else:
            composer.border_title = t("composer.reply", alias=chat.alias)
        composer.placeholder = t("composer.hint") if writable else ""
        composer.update_counter()

    # -- updates from the relay -------------------------------------------------------------

    def apply_update(self, update: Update) -> None:
        """Repaint what a frame (or a local action) changed."""
        state = self.state
        if update.queue:
            self.post_message(messages.QueueChanged())
        for key, reason in update.removed:
            self.transcript.forget(key)
            if reason in ("transferred", "closed"):
                self.notify(t(f"notice.{reason}", alias=self._alias(key)), markup=False)
        if update.removed and state.active is None:
            mine = state.my_chats()
            state.activate(mine[0].key if mine else None)
            self.show_active()
        for key in update.added:
            chat = state.chat(key)
            if chat is not None and not chat.readonly and (
                    state.active is None or state.active == ROOM):
                state.activate(key)
                self.show_active()
        if update.claimed is not None and state.chat(update.claimed) is not None:
            self.activate(update.claimed)  # the old chat keeps its draft in Chat.draft
        for key, first in update.lines_from.items():
            chat = state.chat(key)
            if chat is None:
                continue
            self.transcript.lines_changed(chat, first)
            if key == state.active and not chat.is_room:
                self._suggest_soon()
        if update.chats or update.added or update.removed:
            self.post_message(messages.ChatsChanged())
        if state.active in update.chat_meta:
            chat = state.active_chat()
            self._show_verdict(chat)
            self.query_one(ChatHeader).show(chat)
            self.query_one(ChatStatus).show(chat, self.clock)
            self._composer_mode(chat)
            self.update_bindings()
        if update.session or update.presence:
            self.refresh_status()
        for key, args in update.notices:
            self.notify(t(key, **args), markup=False,
                        severity="warning" if key == "notice.help_wanted" else "information")
            if key == "notice.help_wanted":
                self.app.bell()
        if update.inbox:
            self.refresh_inbox()
        if update.show is not None and state.chat(update.show) is not None:
            self.activate(update.show)
            self.composer.focus()
        if update.network:
            from console.screens.network import NetworkScreen

            NetworkScreen.deliver(self.app)
            self.refresh_status()
        if update.stats is not None:
            from console.screens.stats import StatsScreen

            StatsScreen.deliver(self.app, update.stats)
        if update.error is not None:
            self.notify(describe_error(update.error), markup=False, severity="error")

    def _alias(self, key: ChatKey) -> str:
        return self.state.alias_of(key)

    @on(messages.QueueChanged)
    def _queue_changed(self) -> None:
        self.refresh_queue()
        self.refresh_status()

    @on(messages.ChatsChanged)
    def _chats_changed(self) -> None:
        self.refresh_chats()
        self.refresh_status()

    def connection_changed(self, banner: str) -> None:
        """Show or hide the connection banner (empty: connected)."""
        bar = self.query_one("#banner", Static)
        bar.update(banner)
        bar.set_class(bool(banner), "-shown")
        self.refresh_status()
        self.update_bindings()

    def _tick(self) -> None:
        """Once a second: waits tick, stale typing flags expire."""
        if self.state.queue:
            self.queue_pane.refresh()
            self.refresh_queue()
        update = self.state.expire_typing()
        if update.chat_meta:
            self.apply_update(update)
        chat = self.state.active_chat()
        if chat is not None and not chat.is_room:
            self.query_one(ChatStatus).show(chat, self.clock)

    # -- referral suggestions ----------------------------------------------------------------

    def referrals_ready(self) -> None:
        """The directory and engine finished loading: show them."""
        pane = self.referral_pane
        pane.suggestions = None
        pane.rebuild()
        self._suggest_now()

    def referral_source(self, chat: Chat | None) -> ReferralSource:
        """The directory for a chat: a covered organisation's for its chats, else one's own."""
        if chat is not None and chat.org is not None and chat.org in self.cover_referrals:
            return self.cover_referrals[chat.org]
        return self.referrals

    def _suggest_soon(self) -> None:
        """Recompute suggestions shortly after lines arrive (a burst costs one computation)."""
        if self._suggest_timer is not None:
            self._suggest_timer.stop()
        self._suggest_timer = self.set_timer(0.3, self._suggest_now)

    def _suggest_now(self) -> None:
        self._suggest_timer = None
        chat = self.state.active_chat()
        pane = self.referral_pane
        source = self.referral_source(chat)
        if pane.source is not source:  # another organisation's chat: its local services
            pane.source, pane.suggestions = source, None
            pane.rebuild()
        pane.set_suggestions(source.suggest(chat) if chat is not None else None)
        self._show_verdict(chat)

    def _show_verdict(self, chat: Chat | None) -> None:
        """The relay's urgency verdict in the referral pane (the console computes none)."""
        if chat is None or chat.is_room:
            self.referral_pane.set_verdict(False, [], None)
        else:
            self.referral_pane.set_verdict(chat.urgent, chat.reasons, chat.marked_by)

    # -- composer ---------------------------------------------------------------------------

    @on(TextArea.Changed, "#composer")
    def _composer_changed(self) -> None:
        composer = self.composer
        chat = self.state.active_chat()
        composer.update_counter()
        self._canned_hint(composer.text)
        if chat is None or composer.text == chat.draft:
            return  # a draft was loaded, not typed
        chat.draft = composer.text
        if composer.text.strip():
            self.session.typing_activity(chat.key)
            if self._typing_timer is not None:
                self._typing_timer.stop()
            key = chat.key
            self._typing_timer = self.set_timer(TYPING_IDLE_S,
                                                lambda: self.session.typing_stopped(key))
        else:
            self.session.typing_stopped(chat.key)

    def _canned(self) -> tuple[CannedReply, ...]:
        from console.i18n import language

        return self.config.canned_replies(language(),
                                          self.state.canned_for(self.state.active_chat()))

    def _canned_hint(self, text: str) -> None:
        hint = self.query_one("#canned-hint", Static)
        if text.startswith("/") and "\n" not in text:
            prefix = text[1:].strip().casefold()
            found = [c for c in self._canned() if c.key.casefold().startswith(prefix)]
            hint.update(Text("  ".join(f"/{c.key} {c.title}" for c in found[:6]) or
                             t("canned.none", key=text)))  # what was typed is not markup
            hint.add_class("-shown")
        else:
            hint.remove_class("-shown")

    def expand_canned(self, text: str) -> bool:
        """``/key`` (or a unique prefix) becomes the canned reply, ready to edit and send."""
        prefix = text[1:].strip().casefold()
        found = [c for c in self._canned() if c.key.casefold() == prefix] or \
            [c for c in self._canned() if c.key.casefold().startswith(prefix)]
        if len(found) != 1:
            self.notify(t("canned.none", key=text.strip()), markup=False, severity="warning")
            return False
        self.insert_canned(found[0])
        return True

    def insert_canned(self, reply: CannedReply) -> None:
        chat = self.state.active_chat()
        if chat is None:
            return
        text = reply.expand(name=self.state.name, alias=chat.alias)
        composer = self.composer
        if composer.text.startswith("/"):
            composer.load_text("")
        composer.insert_text(text)

    @on(Composer.Submitted)
    def _submit(self, event: Composer.Submitted) -> None:
        chat = self.state.active_chat()
        text = event.text
        if chat is None or event.composer.read_only or not text.strip():
            return
        if text.startswith("/") and "\n" not in text.strip():
            self.expand_canned(text)
            return
        result = self.session.send_line(chat.key, text)
        if result is None:
            return
        chat.draft = ""
        self.composer.load_text("")
        _, update = result
        self.apply_update(update)

    @on(messages.InsertIntoComposer)
    def _insert(self, message: messages.InsertIntoComposer) -> None:
        chat = self.state.active_chat()
        if chat is None or self.composer.read_only:
            return
        self.composer.insert_text(message.text)
        if message.referral and message.referral not in chat.referrals:
            chat.referrals.append(message.referral)

    @on(ReferralPane.Chosen)
    def _referral_chosen(self, event: ReferralPane.Chosen) -> None:
        self._insert_referral(event.referral)

    def _insert_referral(self, referral: object) -> None:
        from console.referrals import Referral

        if not isinstance(referral, Referral):
            return
        labels = {"phone": t("referrals.phone"), "hours": t("referrals.hours")}
        self.post_message(messages.InsertIntoComposer(referral.as_text(labels), referral.id))
        today = self.today or dt.date.today()
        if referral.stale(today) and referral.review_due is not None:
            # Numbers and hours change: past its review date the entry may be wrong.
            self.notify(t("notice.referral_stale", name=referral.name,
                          date=referral.review_due.isoformat()),
                        markup=False, severity="warning", timeout=15)
        else:
            self.notify(t("notice.referral_inserted"), markup=False)

    # -- choosing chats ---------------------------------------------------------------------------

    def activate(self, key: ChatKey | None) -> None:
        previous = self.state.active
        if previous != key:
            self.session.typing_stopped(previous)
        self.state.activate(key)
        self.show_active()
        self.refresh_chats()

    @on(OptionList.OptionSelected, "#chats")
    def _chat_chosen(self, event: OptionList.OptionSelected) -> None:
        key = key_of(event.option.id)
        if key is not None:
            self.activate(key)
            self.composer.focus()

    @on(QueuePane.ClaimRequested)
    def _claim_chosen(self, event: QueuePane.ClaimRequested) -> None:
        if not self.session.claim(event.conversation):
            self.notify(t("notice.offline"), severity="warning")

    # -- actions -----------------------------------------------------------------------------

    def _bindings_state(self) -> tuple[object, ...]:
        """Everything ``check_action`` looks at: when it is unchanged, so is the footer."""
        chat = self.state.active_chat()
        return (self.connected, bool(self.state.queue), self.state.supervisor,
                None if chat is None else (chat.key, chat.readonly, chat.ended, chat.following),
                self.composer.read_only if self.is_mounted else None)

    def update_bindings(self) -> None:
        """Refresh the footer only when what is possible changed (it rebuilds every key)."""
        current = self._bindings_state()
        if current != self._last_bindings_state:
            self._last_bindings_state = current
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        chat = self.state.active_chat()
        own = chat is not None and not chat.readonly and not chat.is_room
        live = own and chat is not None and not chat.ended
        connected = self.connected
        if chat is not None and question_of(chat.key) is not None and action in (
                "transfer", "ask_supervisor", "block", "follow"):
            return None  # a question is answered later, not live: none of these apply
        if action == "claim_next":
            return True if connected and self.state.queue else None
        if action in ("note_mode", "ask_supervisor"):
            return True if live and (connected or action == "note_mode") else None
        if action == "transfer":
            return True if live and connected else None
        if action == "close_chat":
            return True if own and connected else None
        if action == "follow":
            if not self.state.supervisor:
                return False
            return True if chat is not None and chat.readonly and connected else None
        if action == "block":
            return True if chat is not None and not chat.is_room and not chat.ended and (
                own or self.state.supervisor) and connected else None
        if action == "toggle_urgent":
            return True if connected and self._urgency_target() is not None else None
        if action == "statistics":  # staff who are not supervisors are told why (F5)
            return True if connected or not self.state.supervisor else None
        if action == "insert_referral":
            return True if chat is not None and not chat.is_room and not self.composer.read_only \
                else None
        if action == "dismiss_chat":
            return True if chat is not None and not chat.is_room and (
                chat.ended or chat.readonly) else None
        return True

    def action_claim_next(self) -> None:
        if not self.session.claim(None):
            self.notify(t("notice.offline"), severity="warning")

    def action_note_mode(self) -> None:
        chat = self.state.active_chat()
        if chat is None or chat.readonly or chat.is_room:
            return
        chat.note_mode = not chat.note_mode
        if chat.note_mode:
            self.session.typing_stopped(chat.key)
        self._composer_mode(chat)
        self.composer.focus()

    def action_transfer(self) -> None:
        from console.screens.dialogs import TransferDialog, TransferResult

        chat = self.state.active_chat()
        if chat is None:
            return
        key = chat.key

        def done(result: TransferResult | None) -> None:
            if result is not None and not self.session.transfer(key, result.to, result.note):
                self.notify(t("notice.offline"), severity="warning")

        self.app.push_screen(TransferDialog(chat.alias, self.state.colleagues()), done)

    def action_close_chat(self) -> None:
        from console.screens.dialogs import CloseDialog, CloseResult

        chat = self.state.active_chat()
        if chat is None:
            return
        key, ended = chat.key, chat.ended
        suggested = self.referral_pane.suggestions
        suggested_ids = [s.referral.id for s in suggested.items] if suggested else []

        def done(result: CloseResult | None) -> None:
            if result is None:
                return
            if not self.session.close(key, result.role, result.tags, result.referrals,
                                      result.triage):
                self.notify(t("notice.offline"), severity="warning")
                return
            if ended:  # the relay already ended it; nothing more will come for it
                self.apply_update(self.state.remove_chat(key))
                self.notify(t("notice.closed", alias=chat.alias), markup=False)

        self.app.push_screen(
            CloseDialog(chat.alias, chat.role, self.config.tags, self.referral_source(chat),
                        preselected=list(chat.referrals), suggested=suggested_ids,
                        warning=close_warning(chat)),
            done)

    def action_block(self) -> None:
        from console.screens.dialogs import ConfirmDialog

        chat = self.state.active_chat()
        if chat is None or chat.is_room:
            return
        key = chat.key

        def done(yes: bool | None) -> None:
            if yes and not self.session.block(key):
                self.notify(t("notice.offline"), severity="warning")

        self.app.push_screen(ConfirmDialog(t("block.title", alias=chat.alias),
                                           t("block.body"), t("block.confirm")), done)

    def _urgency_target(self) -> tuple[int, str, bool] | None:
        """(conversation, alias, urgent now) that F6 marks: the visitor highlighted in the
        queue while the queue has focus, else the active chat this console holds."""
        if self.is_mounted and self.queue_pane.has_focus:
            entry = self.queue_pane.selected
            if entry is not None:
                return entry.conversation, entry.alias, entry.urgent
        chat = self.state.active_chat()
        if chat is None or chat.is_room or chat.ended or question_of(chat.key) is not None or (
                chat.readonly and not self.state.supervisor):
            return None
        return int(chat.key), chat.alias, chat.urgent

    def action_toggle_urgent(self) -> None:
        """One key: the opposite of the relay's current verdict, which then stands over triage."""
        target = self._urgency_target()
        if target is None:
            return
        conversation, alias, urgent = target
        if not self.session.mark(conversation, not urgent):
            self.notify(t("notice.offline"), severity="warning")
            return
        key = "triage.mark_sent_not_urgent" if urgent else "triage.mark_sent_urgent"
        self.notify(t(key, alias=alias), markup=False)

    def action_statistics(self) -> None:
        from console.screens.stats import StatsScreen

        if not self.state.supervisor:
            self.notify(t("notice.stats_supervisors_only"), markup=False, severity="warning")
            return
        self.app.push_screen(StatsScreen(self.session.send,
                                         organisation=self.state.organisation))

    def action_ask_supervisor(self) -> None:
        chat = self.state.active_chat()
        if chat is not None and self.session.ask_for_help(chat.key):
            self.notify(t("notice.help_sent"))

    def action_follow(self) -> None:
        chat = self.state.active_chat()
        if chat is None or not chat.readonly:
            return
        following = chat.following
        if self.session.follow(chat.key, not following):
            chat.help_wanted = False
            self.show_active()
            self.refresh_chats()

    def action_network(self) -> None:
        """The professionals' network's topic rooms (only if the organisation is in it)."""
        from console.screens.network import NetworkScreen

        if not self.state.network.member:
            self.notify(t("network.not_member"), markup=False, severity="warning")
            return
        if not isinstance(self.app.screen, NetworkScreen):  # back: what was read is not new
            self.app.push_screen(NetworkScreen(self.session), lambda _: self.refresh_status())

    def action_staff_room(self) -> None:
        self.activate(ROOM)
        self.composer.focus()

    def action_cycle_chat(self, step: int) -> None:
        keys = [c.key for c in self.state.my_chats()] + [ROOM]
        if not keys:
            return
        current = self.state.active
        index = keys.index(current) if current in keys else -1
        self.activate(keys[(index + step) % len(keys)])

    def action_focus_queue(self) -> None:
        self.queue_pane.focus()

    def action_focus_inbox(self) -> None:
        self.query_one(InboxPane).focus()

    def action_focus_composer(self) -> None:
        self.composer.focus()

    def action_find_referral(self) -> None:
        if not self.referral_pane.display:
            self.referral_pane.display = True
        self.referral_pane.focus_search()

    def action_insert_referral(self) -> None:
        referral = self.referral_pane.best()
        if referral is not None:
            self._insert_referral(referral)

    def action_dismiss_chat(self) -> None:
        chat = self.state.active_chat()
        if chat is None or chat.is_room:
            return
        if chat.readonly and chat.following:
            self.session.follow(chat.key, False)
        if chat.readonly:
            chat.following = False
            self.activate(None)
            self.refresh_chats()
            return
        self.apply_update(self.state.remove_chat(chat.key))

    def action_resize(self, side: str, delta: int) -> None:
        pane = self.query_one(f"#{side}")
        width = pane.outer_size.width + delta
        pane.styles.width = max(16, min(width, self.size.width // 2))

    def action_toggle_referrals(self) -> None:
        pane = self.referral_pane
        pane.display = not pane.display
        self.query_one("#divider-right").display = pane.display

