"""The login screen: server, user name and password (prompted here, never an argument)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from console.client import staff_url
from console.i18n import t


class LoginScreen(Screen[None]):
    """Asks for the password; the server and user come pre-filled from last time."""

    @dataclass
    class Submitted(Message):
        """Log in with these details."""

        server: str
        user: str
        password: str

    def __init__(self, server: str, user: str, *, error: str = "") -> None:
        super().__init__(id="login")
        self.server = server
        self.user = user
        self.error = error

    def compose(self) -> ComposeResult:
        with Center(), Vertical(classes="dialog login"):
            yield Label(t("login.title"), classes="dialog-title")
            yield Label(t("login.server"), classes="dialog-label")
            yield Input(self.server, id="login-server")
            yield Label(t("login.user"), classes="dialog-label")
            yield Input(self.user, id="login-user")
            yield Label(t("login.password"), classes="dialog-label")
            yield Input(password=True, id="login-password")
            yield Static(Text(self.error), id="login-error")
            yield Button(t("login.button"), variant="primary", id="login-button")
            yield Label(t("login.hint"), classes="dialog-hint")

    def on_mount(self) -> None:
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

    @on(Input.Submitted, "#login-server")
    def _to_user(self) -> None:
        self.query_one("#login-user", Input).focus()

    @on(Input.Submitted, "#login-user")
    def _to_password(self) -> None:
        self.query_one("#login-password", Input).focus()

    @on(Input.Submitted, "#login-password")
    @on(Button.Pressed, "#login-button")
    def _submit(self) -> None:
        server = self.query_one("#login-server", Input).value.strip()
        user = self.query_one("#login-user", Input).value.strip()
        password = self.query_one("#login-password", Input).value
        if not server or not user or not password:
            self.show_error(t("login.missing"))
            return
        try:
            staff_url(server)
        except ValueError:
            self.show_error(t("login.bad_server"))
            return
        self.query_one("#login-password", Input).value = ""
        self.busy(server)
        self.post_message(self.Submitted(server, user, password))
