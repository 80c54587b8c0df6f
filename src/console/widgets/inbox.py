"""The inbox: questions asked outside opening hours, beside the queue.

One row per question: urgent marker, its name, language and who it is about, how it stands
(unanswered, answered, read by the visitor), whose it is, and the unread count; a second row
shows the start of the question. Choosing one (Enter, or a click) asks the relay to open it:
an unassigned question becomes yours; a supervisor may read anyone's (audited).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from console.i18n import t
from console.widgets.transcript import clean
from relay import protocol


class InboxPane(OptionList):
    """Open questions this person may see, urgent first, then oldest."""

    DEFAULT_CSS = """
    InboxPane {
        height: auto;
        max-height: 30%;
        border: none;
        padding: 0;
        background: $surface;
    }
    """

    @dataclass
    class OpenRequested(Message):
        """The person chose a question to open."""

        inbox: InboxPane
        question: int

        @property
        def control(self) -> InboxPane:
            return self.inbox

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.questions: list[int] = []
        self.me: str | None = None

    def set_entries(self, entries: list[protocol.InboxEntry], me: str | None) -> None:
        """Rebuild the rows (a handful of questions at a time), keeping the highlight."""
        highlighted = self.highlighted
        current = self.questions[highlighted] if highlighted is not None and \
            highlighted < len(self.questions) else None
        self.me = me
        self.questions = [e["id"] for e in entries]
        self.clear_options()
        if not entries:
            self.add_option(Option(Text(t("inbox.empty"), style="dim italic"), disabled=True))
            return
        self.add_options(Option(self._prompt(e), id=f"question-{e['id']}") for e in entries)
        if current in self.questions:
            self.highlighted = self.questions.index(current)

    def _prompt(self, entry: protocol.InboxEntry) -> Text:
        width = max(16, self.size.width - 2) if self.size.width else 30
        head = Text()
        unread = entry["unread"]
        if entry["urgent"]:
            head.append(f"{t('queue.urgent')} ", style="bold red")
        head.append(t("inbox.alias", id=entry["id"]), style="bold" if unread else "")
        if unread:
            head.append(f" ({unread})", style="bold reverse")
        details = [entry["lang"] or "?"]
        if entry["role"]:
            details.append(t(f"role.{entry['role']}"))
        state = "inbox.read" if entry["read"] else "inbox.answered" if entry["answered"] \
            else "inbox.new"
        details.append(t(state))
        staff = entry["staff"]
        if staff:
            details.append(t("inbox.mine") if staff == self.me else
                           t("inbox.held", name=entry["staff_name"] or staff))
        head.append(" · " + " · ".join(details), style="dim")
        preview = Text("  " + clean(" ".join(entry["preview"].split())),
                       style="italic")
        # One line each, cut with an ellipsis: the list must not grow with a long question.
        head.truncate(width, overflow="ellipsis")
        preview.truncate(width, overflow="ellipsis")
        return Text("\n").join([head, preview])

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on a row: ask to open that question."""
        event.stop()
        if event.option_index < len(self.questions):
            self.post_message(self.OpenRequested(self, self.questions[event.option_index]))
