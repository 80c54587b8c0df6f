"""A shared self-test result is marked as one in the staff console's transcript."""

from __future__ import annotations

from textual.app import App, ComposeResult

from console.state import Chat, Line
from console.widgets.transcript import TranscriptView


class TranscriptApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TranscriptView()


def header(view: TranscriptView, row: int) -> tuple[str, set[str]]:
    """The text of a rendered row and the style names of its segments."""
    strip = view.render_line(row)
    return strip.text, {str(segment.style) for segment in strip}


async def test_shared_result_is_marked_and_a_plain_line_is_not() -> None:
    """'[AUDIT 7/40] …' from the visitor gets a 'self-test result' author label in its own
    style; an ordinary visitor line keeps the plain alias."""
    chat = Chat(key=1, alias="Besökare 12", lines=[
        Line("visitor", None, "[AUDIT 7/40] Mitt självtestresultat: Riskabla alkoholvanor", 0.0),
        Line("visitor", None, "Jag har funderat på det här länge", 60.0),
    ])
    app = TranscriptApp()
    async with app.run_test(size=(80, 10)) as pilot:
        view = app.query_one(TranscriptView)
        view.show(chat)
        await pilot.pause()
        shared, shared_styles = header(view, 0)
        body, _ = header(view, 1)
        plain, plain_styles = header(view, 2)
    assert "Besökare 12 · självtestresultat" in shared
    assert "[AUDIT 7/40] Mitt självtestresultat: Riskabla alkoholvanor" in body
    assert "Besökare 12" in plain and "självtest" not in plain
    assert any("reverse" in style for style in shared_styles)
    assert not any("reverse" in style for style in plain_styles)
