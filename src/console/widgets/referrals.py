"""The referral pane: suggestions for the active chat with the words that matched, then the
directory with a text search. Choosing one puts it in the composer as a draft; nothing is
ever sent automatically. Entries past their review date are marked stale."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from console import triage
from console.i18n import t
from console.referrals import Referral, ReferralSource, Suggestions


class ReferralPane(Vertical):
    """Suggested and searchable referrals for the active conversation."""

    DEFAULT_CSS = """
    ReferralPane {
        background: $surface;
        & > #referral-urgent { display: none; background: $error; color: $text;
                               text-style: bold; padding: 0 1; height: auto; }
        & > #referral-urgent.-shown { display: block; }
        & > Input { border: none; height: 1; padding: 0 1; background: $panel; }
        & > OptionList { height: 1fr; border: none; padding: 0; background: $surface; }
        & > #referral-detail { height: auto; max-height: 9; padding: 0 1; background: $panel;
                               color: $text-muted; }
    }
    """

    @dataclass
    class Chosen(Message):
        """Staff chose a referral to put into the reply."""

        pane: ReferralPane
        referral: Referral

        @property
        def control(self) -> ReferralPane:
            return self.pane

    def __init__(self, source: ReferralSource, *, today: dt.date | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.source = source
        self.today = today or dt.date.today()
        self.suggestions: Suggestions | None = None
        self.verdict: tuple[bool, tuple[str, ...], str | None] = (False, (), None)
        """The relay's verdict on the active chat: urgent, reasons, who marked it."""
        self._ids: list[str] = []

    def compose(self) -> ComposeResult:
        yield Label(t("referrals.title"), classes="pane-title")
        yield Static("", id="referral-urgent")
        # compact: no focus border, which would leave a one-row box no room for the text
        yield Input(placeholder=t("referrals.search"), id="referral-search", compact=True)
        yield OptionList(id="referral-list")
        yield Static("", id="referral-detail")

    def on_mount(self) -> None:
        self._show_suggestions()

    @property
    def query_text(self) -> str:
        return self.query_one("#referral-search", Input).value

    def set_suggestions(self, suggestions: Suggestions | None) -> None:
        if suggestions == self.suggestions:
            return
        self.suggestions = suggestions
        if self.is_mounted:
            self._show_suggestions()

    def set_verdict(self, urgent: bool, reasons: list[str], marked_by: str | None) -> None:
        """Show the relay's urgency verdict (never one computed here from another file)."""
        verdict = (urgent, tuple(reasons), marked_by)
        if verdict == self.verdict:
            return
        self.verdict = verdict
        if self.is_mounted:
            self._show_suggestions()

    def _show_suggestions(self) -> None:
        urgent = next(iter(self.query("#referral-urgent").results(Static)), None)
        if urgent is None:
            # the pane's parts are gone before its Mount was handled: the console closed while
            # the main screen was still being built (seen under load in CI)
            return
        is_urgent, reasons, marked_by = self.verdict
        if is_urgent:
            urgent.update(Text(t("referrals.urgent",
                                 reasons=triage.verdict(True, reasons, marked_by) or "!")))
            urgent.add_class("-shown")
        else:
            urgent.remove_class("-shown")
        self.rebuild()

    def _label(self, referral: Referral, matched: tuple[str, ...] = ()) -> Text:
        text = Text(no_wrap=False)
        text.append(referral.name, style="bold")
        if referral.phone:
            text.append(f"  {referral.phone}")
        if matched:
            text.append("\n  " + t("referrals.matched", words=", ".join(matched[:4])),
                        style="italic")
        if referral.stale(self.today) and referral.review_due:
            text.append("\n  ⚠ " + t("referrals.stale", date=referral.review_due.isoformat()),
                        style="yellow")
        return text

    def rebuild(self) -> None:
        options: list[Option | None] = []
        ids: list[str] = []
        query = self.query_text.strip()
        if self.suggestions is not None and self.suggestions.items and not query:
            options.append(Option(Text(t("referrals.suggested"), style="bold underline"),
                                  disabled=True))
            ids.append("")
            for item in self.suggestions.items:
                options.append(Option(self._label(item.referral, item.matched),
                                      id=f"sug-{item.referral.id}"))
                ids.append(item.referral.id)
            options.append(Option(Text(t("referrals.directory"), style="bold underline"),
                                  disabled=True))
            ids.append("")
        found = self.source.search(query)
        for referral in found:
            options.append(Option(self._label(referral), id=f"dir-{referral.id}"))
            ids.append(referral.id)
        if not found:
            options.append(Option(Text(t("referrals.none"), style="dim"), disabled=True))
            ids.append("")
        listing = self.query_one("#referral-list", OptionList)
        listing.clear_options()
        listing.add_options(options)
        self._ids = ids
        first = next((i for i, ident in enumerate(ids) if ident), None)
        listing.highlighted = first
        self._show_detail(self.highlighted())

    def highlighted(self) -> Referral | None:
        listing = self.query_one("#referral-list", OptionList)
        index = listing.highlighted
        if index is None or index >= len(self._ids) or not self._ids[index]:
            return None
        return self.source.by_id.get(self._ids[index])

    def best(self) -> Referral | None:
        """The highlighted referral, or the top suggestion."""
        chosen = self.highlighted()
        if chosen is None and self.suggestions and self.suggestions.items:
            chosen = self.suggestions.items[0].referral
        return chosen

    def _show_detail(self, referral: Referral | None) -> None:
        detail = self.query_one("#referral-detail", Static)
        if referral is None:
            fallback = "" if self.source.has_engine else t("referrals.fallback")
            detail.update(Text(fallback))
            return
        text = Text()
        if referral.hours:
            text.append(f"{t('referrals.hours')}: {referral.hours}\n")
        if referral.url:
            text.append(referral.url + "\n")
        text.append(t("referrals.insert_hint"), style="italic")
        detail.update(text)

    @on(Input.Changed, "#referral-search")
    def _search(self) -> None:
        self.rebuild()

    @on(Input.Submitted, "#referral-search")
    def _to_list(self) -> None:
        self.query_one("#referral-list", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#referral-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail(self.highlighted())

    @on(OptionList.OptionSelected, "#referral-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        referral = self.highlighted()
        if referral is not None:
            self.post_message(self.Chosen(self, referral))

    def clear_search(self) -> None:
        """Forget the search (a search belongs to one chat: the next starts with suggestions)."""
        search = self.query_one("#referral-search", Input)
        if search.value:
            with search.prevent(Input.Changed):
                search.value = ""
            self.rebuild()

    def focus_search(self) -> None:
        self.query_one("#referral-search", Input).focus()
