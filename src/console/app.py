"""The Lotsen staff console: a Textual app where therapists answer visitors.

``LotsenConsole`` owns the state (``ConsoleState``), the connection (``RelayClient``, run in a
named worker) and the alerts; screens show and act. Frames from the relay arrive as
``FrameArrived`` messages, are folded into the state, and the resulting ``Update`` is handed
down to the main screen. The console imports ``relay.protocol`` (and the pure referral engine),
never the server: tests/console/test_import_hygiene.py proves it.

Run it with ``lotsen console``; ``lotsen demo`` starts a relay and visitors to try it with.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.notifications import Notification, Notify, SeverityLevel
from textual.screen import Screen

from console import i18n, messages
from console.client import SECOND_FACTOR_ASKED, PlaintextRefused, RelayClient, staff_url
from console.i18n import t
from console.keys import translate_bindings
from console.palette import LotsenPalette, screen_commands
from console.referrals import ReferralSource
from console.screens.dialogs import QuitDialog
from console.screens.help import HelpScreen
from console.screens.login import LoginScreen
from console.screens.main import MainScreen
from console.session import ConsoleSession
from console.settings import ConsoleConfig, remember_login
from console.state import ConsoleState, Update
from console.widgets.composer import Composer
from console.widgets.queue import QueuePane, format_wait
from console.widgets.queue import describe as describe_entry
from relay import protocol


class CannedReplies(Provider):
    """Command palette: canned replies, inserted into the composer (never sent by themselves)."""

    def _replies(self) -> list[tuple[str, Callable[[], None], str]]:
        app = self.app
        screen = self.screen
        if not isinstance(app, LotsenConsole) or not isinstance(screen, MainScreen):
            return []
        replies = app.config.canned_replies(
            i18n.language(), app.state.canned_for(app.state.active_chat()))
        return [(t("canned.command", title=r.title), partial(screen.insert_canned, r),
                 f"/{r.key}: {r.text[:80]}") for r in replies]

    async def discover(self) -> Hits:
        for title, callback, help_text in self._replies():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._replies():
            score = max(matcher.match(title), matcher.match(help_text))
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)


class LotsenConsole(App[None]):
    """The staff console."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "Lotsen"
    COMMANDS = App.COMMANDS | {CannedReplies}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True,
                tooltip="Quit the console."),
        # Declared here (not left to Textual) so the footer's "palette" is translated too.
        Binding(App.COMMAND_PALETTE_BINDING, "command_palette", "Commands",
                id="command-palette", show=False, priority=True,
                tooltip="Search every command and canned reply."),
    ]
    NOTIFICATION_TIMEOUT = 8

    def __init__(
        self,
        *,
        server: str = "",
        user: str = "",
        password: str | None = None,
        insecure: bool = False,
        lang: str = "sv",
        config: ConsoleConfig | None = None,
        referral_directory: Path | None = None,
        referral_extend: bool = True,
        remember: bool = True,
        welcome: str | None = None,
        # Deterministic runs (tests, snapshots, benchmarks)
        clock: Callable[[], float] = time.time,
        timezone: dt.tzinfo | None = None,
        today: dt.date | None = None,
        replay: Sequence[protocol.Frame | dict[str, Any]] | None = None,
        alerts: bool = True,
        cursor_blink: bool = True,
        # Reconnect pacing
        backoff_min: float = 0.5,
        backoff_max: float = 15.0,
    ) -> None:
        i18n.set_language(lang)
        super().__init__()
        self.config = config or ConsoleConfig(lang=lang)
        self.server = server
        self.user = user
        self._password = password
        self.insecure = insecure
        """Plaintext ws:// to another host was explicitly allowed (``--insecure``)."""
        self.remember = remember
        self.welcome = welcome
        self.clock = clock
        self.timezone = timezone
        self.today = today
        self.replay = replay
        self.alerts = alerts
        self.cursor_blink = cursor_blink
        self.backoff = (backoff_min, backoff_max)
        self.state = ConsoleState(clock=clock)
        self.client: RelayClient | None = None
        self.session = ConsoleSession(self.state, None)
        self.referrals = ReferralSource(referral_directory, lang=lang, extend=referral_extend)
        # Covered organisations' directories (cover agreements), by organisation id.
        self.cover_referrals: dict[str, ReferralSource] = {}
        self.main: MainScreen | None = None
        self._pending: Update | None = None
        self._painted = False
        self._held: list[protocol.Frame] = []
        self._referrals_started = False
        self._notices: dict[str, Notification] = {}
        """The notification on screen per topic (queue, returned): a new one replaces it."""
        self._noticed_queue: frozenset[int] = frozenset()
        """Who was waiting when the queue notice was shown."""
        self.logged_in_at: float | None = None
        """perf_counter() when the main screen first showed a session (for the benchmark)."""
        translate_bindings(self)

    @property
    def connected(self) -> bool:
        return self.session.connected or self.replay is not None

    # -- start -----------------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.replay is not None:
            self.referrals.load()  # deterministic pictures: no background loading
            self._show_main()
            for item in self.replay:
                frame = item if isinstance(item, protocol.Frame) else \
                    protocol.from_dict(item, protocol.RELAY_TO_STAFF)
                self._frame(frame)
            return
        if self.alerts:
            self.set_interval(self.config.alert_repeat_s, self._repeat_alert)
        if self._password is not None and self.server and self.user:
            password, self._password = self._password, None
            self.start_login(self.server, self.user, password)
        else:
            self.push_screen(LoginScreen(self.server, self.user, insecure=self.insecure))

    def start_login(self, server: str, user: str, password: str) -> None:
        if self.client is not None and self.state.user not in (None, user):
            self.state = ConsoleState(clock=self.clock)  # another person: nothing carries over
            self.main = None
        if self.client is not None:
            self.client.forget()
        self.server, self.user = server, user
        self.client = RelayClient(server, self.post_message, insecure=self.insecure,
                                  backoff_min=self.backoff[0], backoff_max=self.backoff[1])
        self.client.login(user, password)
        self.session = ConsoleSession(self.state, self.client)
        if self.main is not None:
            self.main.session = self.session
        self.relay_connection()

    @work(exclusive=True, group="relay-connection", exit_on_error=False)
    async def relay_connection(self) -> None:
        """The connection's life, reconnecting with backoff until the login ends."""
        assert self.client is not None
        await self.client.run()

    @work(thread=True, exclusive=True, group="referrals", exit_on_error=False)
    def load_referrals(self) -> None:
        """Build the referral engine off the UI thread, then show it: the console's own
        directory setting, else the one the relay sends (its organisation's local services)."""
        if self.referrals.directory is None and not self.referrals.loaded:
            self.referrals.overlay = self.state.organisation_directory
        self.referrals.load()
        self.call_from_thread(self._referrals_ready)

    @work(thread=True, group="cover-referrals", exit_on_error=False)
    def load_cover_referrals(self, org: str) -> None:
        """A covered organisation's directory for its chats' referral pane, off the UI thread
        (the console's own directory setting, when it has one, is used for every chat)."""
        covered = self.state.cover.get(org)
        if covered is None or not covered.directory or self.referrals.directory is not None:
            return
        source = ReferralSource(lang=self.referrals.lang, overlay=covered.directory)
        source.load()
        self.call_from_thread(self._cover_referrals_ready, org, source)

    def _cover_referrals_ready(self, org: str, source: ReferralSource) -> None:
        self.cover_referrals[org] = source
        if self.main is not None and self.main.ready:
            self.main.referrals_ready()

    def _referrals_ready(self) -> None:
        if self.referrals.error:
            self.notify(self.referrals.error, title=t("referrals.title"), severity="error",
                        markup=False, timeout=20)
        if self.main is not None and self.main.ready:
            self.main.referrals_ready()

    def _show_main(self) -> None:
        if self.main is None:
            self.main = MainScreen(self.session, self.config, self.referrals, clock=self.clock,
                                   is_connected=lambda: self.connected,
                                   cover_referrals=self.cover_referrals,
                                   timezone=self.timezone, today=self.today,
                                   cursor_blink=self.cursor_blink)
        if self.main in self.screen_stack:  # logged in again after the session ended
            while self.screen is not self.main:
                self.pop_screen()
        elif isinstance(self.screen, LoginScreen):
            self.switch_screen(self.main)
        else:
            self.push_screen(self.main)

    # -- messages from the client --------------------------------------------------------

    @on(messages.FrameArrived)
    def _frame_arrived(self, message: messages.FrameArrived) -> None:
        self._frame(message.frame)

    def _frame(self, frame: protocol.Frame) -> None:
        """Fold a frame into the state now; repaint once per burst of frames."""
        if isinstance(frame, protocol.Session):
            if self.remember and self.replay is None:
                remember_login(self.server, frame.user)
            self._show_main()
        update = self.session.apply(frame)
        if isinstance(frame, protocol.Cover) and frame.open and self.replay is None:
            self.load_cover_referrals(frame.org)
        if update.send:
            if self._painted:
                for outgoing in update.send:
                    self.session.send(outgoing)
            else:  # fill transcripts after the queue is on screen, not before
                self._held.extend(update.send)
        if update.session and self.logged_in_at is None:
            self.logged_in_at = time.perf_counter()
            if self.welcome:
                self.notify(self.welcome, timeout=30, markup=False)
        if update.new_waiting and self.alerts and self.connected:
            self._alert_new(update)
        elif update.queue:
            self._drop_stale_queue_notices()
        if self._pending is None:
            self._pending = update
            # Runs after the frames already queued (a sync answer of thousands of lines, a
            # queue burst), so they share one repaint; a lone frame is painted at once.
            self.call_later(self._flush_updates)
        else:
            self._pending.merge(update)

    def _flush_updates(self) -> None:
        update, self._pending = self._pending, None
        if update is None or self.main is None:
            return
        if not self.main.ready:
            self._pending = update if self._pending is None else self._merged(update)
            self.call_after_refresh(self._flush_updates)
            return
        self.main.apply_update(update)
        if not self._painted:
            self.call_after_refresh(self._first_paint)
        if update.session and not self._referrals_started and self.replay is None:
            self._referrals_started = True
            # After the first paint, so building the engine does not slow the login down.
            self.set_timer(0.5, self.load_referrals)

    def _first_paint(self) -> None:
        self._painted = True
        held, self._held = self._held, []
        for outgoing in held:
            self.session.send(outgoing)

    def _merged(self, earlier: Update) -> Update:
        assert self._pending is not None
        earlier.merge(self._pending)
        return earlier

    @on(messages.DeliveryChanged)
    def _delivery(self, message: messages.DeliveryChanged) -> None:
        update = self.session.delivered(message.cid, message.delivery)
        if self.main is not None and self.main.ready:
            self.main.apply_update(update)

    @on(messages.ConnectionChanged)
    def _connection(self, message: messages.ConnectionChanged) -> None:
        if self.main is None or not self.main.ready:
            return
        if message.connected:
            self.main.connection_changed("")
            if self.client is not None and self.client.connections > 1:
                self.notify(t("conn.back"), timeout=4)
            return
        reason_key = f"conn.reason.{message.reason}"
        reason = t(reason_key) if i18n.has(reason_key) else message.reason
        seconds = max(1, round(message.retry_in or 0))
        self.main.connection_changed(t("conn.lost", reason=reason, seconds=seconds))

    @on(messages.LoginFailed)
    def _login_failed(self, message: messages.LoginFailed) -> None:
        asking_code = (message.code in SECOND_FACTOR_ASKED and self.client is not None
                       and self.client.awaiting_code)
        if not asking_code and self.client is not None:
            self.client.forget()  # whatever comes next starts with the password
        error = self._login_error(message)
        if isinstance(self.screen, LoginScreen):
            if asking_code:
                self.screen.ask_code(error)
            else:
                self.screen.ask_password(error)
        else:
            while not isinstance(self.screen, MainScreen) and len(self.screen_stack) > 1:
                self.pop_screen()
            self.push_screen(LoginScreen(self.server, self.user, error=error,
                                         insecure=self.insecure, asking_code=asking_code))

    def _login_error(self, message: messages.LoginFailed) -> str:
        """What the login screen says about a refusal, in the person's language."""
        key = {"auth_failed": "login.auth_failed", "session_ended": "login.session_ended",
               "unreachable": "login.unreachable", "throttled": "login.throttled",
               "totp_required": "login.code_required", "totp_invalid": "login.code_invalid",
               "totp_not_enrolled": "login.totp_not_enrolled",
               "busy": "login.busy"}.get(message.code,
                                                                  "login.protocol")
        detail = message.detail or message.code
        if i18n.has(f"conn.reason.{detail}"):
            detail = t(f"conn.reason.{detail}")
        return t(key, server=self.server, user=self.user, detail=detail)

    @on(LoginScreen.Submitted)
    def _login_submitted(self, message: LoginScreen.Submitted) -> None:
        try:
            staff_url(message.server, insecure=self.insecure)
        except ValueError as exc:
            if isinstance(self.screen, LoginScreen):
                self.screen.ask_password(t("login.insecure", host=exc.host)
                                         if isinstance(exc, PlaintextRefused)
                                         else t("login.bad_server"))
            return
        self.start_login(message.server, message.user, message.password)

    @on(LoginScreen.CodeSubmitted)
    def _code_submitted(self, message: LoginScreen.CodeSubmitted) -> None:
        if self.client is None or not self.client.awaiting_code:
            if isinstance(self.screen, LoginScreen):
                self.screen.ask_password(t("login.session_ended"))
            return
        self.client.second_factor(message.code)
        self.relay_connection()

    @on(LoginScreen.StartedOver)
    def _login_started_over(self) -> None:
        if self.client is not None:
            self.client.forget()

    # -- alerts ---------------------------------------------------------------------------

    def notice(self, topic: str, message: str, *, title: str = "",
               severity: SeverityLevel = "information", timeout: float | None = None) -> None:
        """A notification that replaces the earlier one on the same topic instead of stacking
        under it, so what is shown is never older than the last change."""
        self.drop_notice(topic)
        notification = Notification(message, title, severity,
                                    self.NOTIFICATION_TIMEOUT if timeout is None else timeout,
                                    markup=False)
        self._notices[topic] = notification
        if topic in ("queue", "returned"):
            self._noticed_queue = frozenset(w.conversation for w in self.state.queue)
        self.post_message(Notify(notification))

    def drop_notice(self, topic: str) -> None:
        """Take a notification off the screen (what it said is no longer true)."""
        notification = self._notices.pop(topic, None)
        if notification is not None and notification in self._notifications:
            self._unnotify(notification)

    def _alert_new(self, update: Update) -> None:
        if self.config.bell:
            self.bell()
        fresh = [w for w in update.new_waiting if not w.returned]
        returned = [w for w in update.new_waiting if w.returned]
        if returned:
            self.notice("returned", "\n".join(
                t("notice.returned", alias=w.alias, details=describe_entry(w))
                for w in returned[:3]), title=t("notice.returned.title"), severity="warning")
        if fresh:
            urgent = any(w.urgent for w in fresh)
            self.notice("queue", "\n".join(
                t("notice.new_visitor", alias=w.alias, details=describe_entry(w))
                for w in fresh[:3]), title=t("notice.new_visitor.title"),
                severity="error" if urgent else "warning", timeout=12)

    def _drop_stale_queue_notices(self) -> None:
        """Queue notices say who waits and how many: when that changed, they go."""
        waiting = frozenset(w.conversation for w in self.state.queue)
        if waiting != self._noticed_queue:
            self.drop_notice("queue")
            self.drop_notice("returned")

    def _repeat_alert(self) -> None:
        """Every 30 s while anyone waits unclaimed: ring and say how long."""
        if not self.state.queue or not self.connected or self.main is None:
            return
        longest = self.clock() - min(w.since for w in self.state.queue)
        if self.config.bell:
            self.bell()
        self.notice("queue", t("notice.still_waiting", count=self.state.waiting_count,
                               wait=format_wait(longest)),
                    title=t("notice.still_waiting.title"), severity="warning")

    # -- actions ---------------------------------------------------------------------------

    def help_groups(self) -> list[tuple[str, Iterable[Binding]]]:
        def bindings(node_bindings: Iterable[BindingType]) -> list[Binding]:
            return [b for b in node_bindings if isinstance(b, Binding)]

        return [
            ("main", bindings(MainScreen.BINDINGS)),
            ("queue", [b for b in bindings(QueuePane.BINDINGS) if b.id]),
            ("composer", bindings(Composer.BINDINGS)),
            ("app", bindings(self.BINDINGS)),
        ]

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_groups()))

    async def action_quit(self) -> None:
        held = [c for c in self.state.my_chats() if not c.readonly and not c.ended]
        if held and self.main is not None and self.screen is self.main:
            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.call_later(self._quit_now)

            self.push_screen(QuitDialog(len(held)), confirmed)
            return
        await self._quit_now()

    async def _quit_now(self) -> None:
        if self.client is not None:
            await self.client.stop(logout=True)
        self.exit()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette: every action of the main screen that is possible now, in the
        person's language (Textual's English commands are replaced, not added)."""
        if isinstance(screen, MainScreen):
            yield from screen_commands(screen, lambda name: screen.check_action(name, ()) is True)
        yield SystemCommand(t("key.help"), t("key.help.tip"), self.action_help)
        yield SystemCommand(t("key.quit"), t("key.quit.tip"), self.action_quit)

    def action_command_palette(self) -> None:
        """Textual's command palette with its texts from the catalog."""
        if self.use_command_palette and not LotsenPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(LotsenPalette())
