"""The login screen: server, user name and password (prompted here, never an argument), then
the one-time code when the account has a second factor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from console.client import PlaintextRefused, staff_url
from console.i18n import t
from console.keys import translate_bindings

CODE_DIGITS = 6


class LoginScreen(Screen[None]):
    """Asks for the password; the server and user come pre-filled from last time.

    When the relay accepts the password but wants the account's one-time code, ``ask_code``
    hides the password and shows a code field; the password itself waits in the client, not
    here. Esc goes back to the password.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "start_over", "Start over", id="start-over", show=False,
                tooltip="Back to the password; the password kept for the code is forgotten."),
    ]

    @dataclass
    class Submitted(Message):
        """Log in with these details."""

        server: str
        user: str
        password: str

    @dataclass
    class CodeSubmitted(Message):
        """Finish the login with this one-time code (the client still holds the password)."""

        code: str

    class StartedOver(Message):
        """The person left the code step: the password waiting for it must be forgotten."""

    def __init__(self, server: str, user: str, *, error: str = "", insecure: bool = False,
                 asking_code: bool = False) -> None:
        super().__init__(id="login")
        self.server = server
        self.user = user
        self.error = error
        self.insecure = insecure
        self.asking_code = asking_code
        """Whether the screen shows the code field instead of the password."""
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        with Center(), Vertical(classes="dialog login"):
            yield Label(t("login.title"), classes="dialog-title")
            yield Label(t("login.server"), classes="dialog-label")
            yield Input(self.server, id="login-server")
            yield Label(t("login.user"), classes="dialog-label")
            yield Input(self.user, id="login-user")
            yield Label(t("login.password"), classes="dialog-label password")
            yield Input(password=True, id="login-password", classes="password")
            yield Label(t("login.code"), classes="dialog-label code")
            yield Input(id="login-code", classes="code", max_length=CODE_DIGITS,
                        restrict=r"[0-9]*", placeholder="0" * CODE_DIGITS)
            yield Static(Text(self.error), id="login-error")
            yield Button(t("login.button"), variant="primary", id="login-button")
            yield Label(t("login.hint"), classes="dialog-hint", id="login-hint")

    def on_mount(self) -> None:
        if self.asking_code:
            self._code_step(self.error)
            return
        target = "#login-password" if self.user else "#login-user"
        self.query_one(target, Input).focus()
        self.show_error(self.error)

    def show_error(self, message: str) -> None:
        error = self.query_one("#login-error", Static)
        error.update(Text(message))
        error.set_class(bool(message), "-shown")
        self.query_one("#login-button", Button).disabled = False

    def busy(self, server: str) -> None:
        self.query_one("#login-error", Static).update(Text(t("login.connecting",
                                                             server=server)))
        self.query_one("#login-button", Button).disabled = True

    def ask_code(self, message: str) -> None:
        """The password was right: show ``message`` and the (empty, focused) code field."""
        if not self.is_mounted:  # pushed a moment ago: on_mount shows the step asked last
            self.asking_code, self.error = True, message
            return
        self._code_step(message)

    def _code_step(self, message: str) -> None:
        self._show_code_step(True)
        code = self.query_one("#login-code", Input)
        code.value = ""
        code.focus()
        self.show_error(message)

    def ask_password(self, message: str) -> None:
        """Back to the first step (after a refusal that needs the password again)."""
        if not self.is_mounted:
            self.asking_code, self.error = False, message
            return
        self._show_code_step(False)
        self.query_one("#login-password", Input).focus()
        self.show_error(message)

    def _show_code_step(self, asking: bool) -> None:
        self.asking_code = asking
        self.set_class(asking, "-asking-code")
        self.query_one("#login-code", Input).value = ""
        for field in ("#login-server", "#login-user"):
            self.query_one(field, Input).disabled = asking
        self.query_one("#login-hint", Label).update(t("login.code_hint" if asking
                                                      else "login.hint"))

    def action_start_over(self) -> None:
        if self.asking_code:
            self.ask_password("")
            self.post_message(self.StartedOver())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start_over":
            return self.asking_code
        return True

    @on(Input.Submitted, "#login-server")
    def _to_user(self) -> None:
        self.query_one("#login-user", Input).focus()

    @on(Input.Submitted, "#login-user")
    def _to_password(self) -> None:
        self.query_one("#login-password", Input).focus()

    @on(Input.Submitted, "#login-password")
    @on(Input.Submitted, "#login-code")
    @on(Button.Pressed, "#login-button")
    def _submit(self) -> None:
        if self.query_one("#login-button", Button).disabled:
            return  # an attempt is under way; Enter again must not start a second one
        if self.asking_code:
            self._submit_code()
            return
        server = self.query_one("#login-server", Input).value.strip()
        user = self.query_one("#login-user", Input).value.strip()
        password = self.query_one("#login-password", Input).value
        if not server or not user or not password:
            self.show_error(t("login.missing"))
            return
        try:
            staff_url(server, insecure=self.insecure)
        except PlaintextRefused as exc:
            self.show_error(t("login.insecure", host=exc.host))
            return
        except ValueError:
            self.show_error(t("login.bad_server"))
            return
        self.query_one("#login-password", Input).value = ""
        self.busy(server)
        self.post_message(self.Submitted(server, user, password))

    def _submit_code(self) -> None:
        field = self.query_one("#login-code", Input)
        code = field.value.strip()
        if len(code) != CODE_DIGITS or not code.isdigit():
            self.show_error(t("login.code_missing"))
            return
        field.value = ""  # the code is not kept, not even in the field
        self.busy(self.query_one("#login-server", Input).value.strip())
        self.post_message(self.CodeSubmitted(code))
