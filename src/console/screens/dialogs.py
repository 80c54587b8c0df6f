"""Modal dialogs: close with outcome, transfer, and quit. Each returns a typed result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, RadioButton, RadioSet, SelectionList
from textual.widgets.option_list import Option

from console.i18n import t
from console.referrals import ReferralSource
from relay import protocol
from relay.protocol import ROLES


@dataclass(frozen=True, slots=True)
class CloseResult:
    """The outcome of a conversation: who wrote, its topics, the referrals given."""

    role: str | None
    tags: list[str]
    referrals: list[str]
    triage: str | None = None
    """Was the triage right? One of protocol.TRIAGE_ANSWERS, or None when not answered."""


@dataclass(frozen=True, slots=True)
class TransferResult:
    """Whom to hand a conversation to (None: back to the queue) and a note for them."""

    to: str | None
    note: str


class CloseDialog(ModalScreen[CloseResult | None]):
    """Close a chat and record its outcome; referrals inserted during the chat are preselected."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", show=False),
        Binding("ctrl+s", "confirm", "Close the chat", show=False),
    ]

    def __init__(self, alias: str, role: str | None, tags: tuple[tuple[str, str | None], ...],
                 referrals: ReferralSource, *, preselected: list[str],
                 suggested: list[str], warning: str = "") -> None:
        super().__init__(id="close-dialog")
        self.warning = warning
        """Why closing now may be wrong (visitor still there, urgent chat); empty if none."""
        self.alias = alias
        self.role = role
        self.tags = tags
        self.referrals = referrals
        self.preselected = preselected
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("close.title", alias=self.alias), classes="dialog-title")
            if self.warning:
                yield Label(self.warning, id="close-warning", classes="dialog-warning",
                            markup=False)
            yield Label(t("close.role"), classes="dialog-label")
            with RadioSet(id="close-role"):
                for role in (*ROLES, None):
                    yield RadioButton(t(f"role.{role or 'unknown'}"), value=role == self.role,
                                      name=role or "")
            yield Label(t("close.tags"), classes="dialog-label")
            yield SelectionList[str](
                *[(label or t(f"tag.{tag}"), tag, False) for tag, label in self.tags],
                id="close-tags")
            yield Label(t("close.referrals"), classes="dialog-label")
            yield SelectionList[str](*self._referral_choices(), id="close-referrals")
            yield Label(t("triage.question"), classes="dialog-label")
            with RadioSet(id="close-triage"):
                for answer in protocol.TRIAGE_ANSWERS:
                    yield RadioButton(t(f"triage.answer.{answer}"), name=answer)
            yield Label(t("close.hint"), classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("close.confirm"), variant="primary", id="close-confirm")
                yield Button(t("close.cancel"), id="close-cancel")

    def _referral_choices(self) -> list[tuple[str, str, bool]]:
        order: list[str] = []
        for ident in [*self.preselected, *self.suggested, *self.referrals.by_id]:
            if ident not in order:
                order.append(ident)
        choices = []
        for ident in order:
            referral = self.referrals.by_id.get(ident)
            name = referral.name if referral else ident
            choices.append((name, ident, ident in self.preselected))
        return choices

    def on_mount(self) -> None:
        self.query_one("#close-role", RadioSet).focus()

    def result(self) -> CloseResult:
        pressed = self.query_one("#close-role", RadioSet).pressed_button
        role = (pressed.name or None) if pressed is not None else None
        tags = list(self.query_one("#close-tags", SelectionList).selected)
        referrals = list(self.query_one("#close-referrals", SelectionList).selected)
        answered = self.query_one("#close-triage", RadioSet).pressed_button
        triage = (answered.name or None) if answered is not None else None
        return CloseResult(role, tags, referrals, triage)

    @on(Button.Pressed, "#close-confirm")
    def action_confirm(self) -> None:
        self.dismiss(self.result())

    @on(Button.Pressed, "#close-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class TransferDialog(ModalScreen[TransferResult | None]):
    """Hand a chat to a logged-in colleague, or back to the queue, with a note."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", show=False),
        Binding("ctrl+s", "confirm", "Transfer", show=False),
    ]

    QUEUE = "-queue-"

    def __init__(self, alias: str, colleagues: list[protocol.PresenceEntry]) -> None:
        super().__init__(id="transfer-dialog")
        self.alias = alias
        self.colleagues = colleagues

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("transfer.title", alias=self.alias), classes="dialog-title")
            yield Label(t("transfer.to"), classes="dialog-label")
            options = [Option(Text(f"{c['name'] or c['user']} ({c['user']})"),
                              id=f"to-{c['user']}") for c in self.colleagues]
            options.append(Option(Text(t("transfer.queue"), style="italic"), id=self.QUEUE))
            yield OptionList(*options, id="transfer-to")
            if not self.colleagues:
                yield Label(t("transfer.nobody"), classes="dialog-hint")
            yield Label(t("transfer.note"), classes="dialog-label")
            yield Input(id="transfer-note", max_length=2000)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("transfer.confirm"), variant="primary", id="transfer-confirm")
                yield Button(t("close.cancel"), id="transfer-cancel")

    def on_mount(self) -> None:
        listing = self.query_one("#transfer-to", OptionList)
        listing.highlighted = 0
        listing.focus()

    def result(self) -> TransferResult | None:
        listing = self.query_one("#transfer-to", OptionList)
        if listing.highlighted is None:
            return None
        option_id = listing.get_option_at_index(listing.highlighted).id or self.QUEUE
        to = None if option_id == self.QUEUE else option_id.removeprefix("to-")
        return TransferResult(to, self.query_one("#transfer-note", Input).value)

    @on(OptionList.OptionSelected, "#transfer-to")
    def _to_note(self) -> None:
        self.query_one("#transfer-note", Input).focus()

    @on(Input.Submitted, "#transfer-note")
    @on(Button.Pressed, "#transfer-confirm")
    def action_confirm(self) -> None:
        self.dismiss(self.result())

    @on(Button.Pressed, "#transfer-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """Ask before something that cannot be undone."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", show=False),
    ]

    def __init__(self, title: str, body: str, confirm: str) -> None:
        super().__init__(id="confirm-dialog")
        self.title_text, self.body, self.confirm = title, body, confirm

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label(self.body, classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.confirm, variant="error", id="confirm-yes")
                yield Button(t("close.cancel"), id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def action_cancel(self) -> None:
        self.dismiss(False)


class QuitDialog(ModalScreen[bool]):
    """Confirm quitting while holding conversations (they go back to the queue later)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", show=False),
    ]

    def __init__(self, count: int) -> None:
        super().__init__(id="quit-dialog")
        self.count = count

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("quit.title"), classes="dialog-title")
            yield Label(t("quit.body_one") if self.count == 1 else
                        t("quit.body", count=self.count), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("quit.confirm"), variant="error", id="quit-confirm")
                yield Button(t("close.cancel"), id="quit-cancel")

    def on_mount(self) -> None:
        self.query_one("#quit-cancel", Button).focus()

    @on(Button.Pressed, "#quit-confirm")
    def _confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#quit-cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
