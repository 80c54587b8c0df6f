"""The console's statistics screen shows a real relay's figures for a month, in Swedish."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from textual import on
from textual.app import App

from console import i18n, messages
from console.client import RelayClient
from console.i18n_stats import TEXTS
from console.screens.stats import StatsScreen
from relay import protocol
from tests.ops.month import write_month
from tests.support import PASSWORD, RelayThread, add_staff_async, make_config, sqlite_file


class StatsHost(App[None]):
    """Hosts the screen the way the console app does: a real client, frames handed over."""

    def __init__(self, server: str, month: tuple[int, int] | None) -> None:
        super().__init__()
        self.client = RelayClient(server, self.post_message)
        self.client.login("sara", PASSWORD)
        self.month = month
        self.stats: StatsScreen | None = None

    def on_mount(self) -> None:
        self.run_worker(self.client.run(), group="relay")

    @on(messages.FrameArrived)
    def _frame(self, message: messages.FrameArrived) -> None:
        if isinstance(message.frame, protocol.Session):
            self.stats = StatsScreen(self.client.send, month=self.month)
            self.push_screen(self.stats)
        StatsScreen.deliver(self, message.frame)


async def _until(condition: object, timeout: float = 10) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():  # type: ignore[operator]
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def _relay_with_month(tmp_path: Path) -> RelayThread:
    config = make_config(tmp_path)
    await write_month(sqlite_file(config.database))
    await add_staff_async(config.database, "sara", supervisor=True)
    return RelayThread(config)


async def test_screen_shows_march_and_steps_between_months(tmp_path: Path) -> None:
    """March's figures appear in Swedish; [ and ] ask the relay for February and March again."""
    i18n.set_language("sv")
    with await _relay_with_month(tmp_path) as relay:
        app = StatsHost(f"127.0.0.1:{relay.port}", (2026, 3))
        async with app.run_test(size=(110, 60)) as pilot:
            await _until(lambda: app.stats is not None and app.stats.figures is not None)
            screen = app.stats
            assert screen is not None and screen.figures is not None
            assert screen.figures.conversations == 38 and screen.figures.closed_visits == 11
            text = screen.text()
            for words in ("Påbörjade samtal", "38", "Öppnade chatten när den var stängd",
                          "måndag", "anhörig", "Hänvisningar", "local-anhorigstod",
                          "2026-W13", "median 2 min, p90 10 min"):
                assert words in text, words
            await pilot.press("left_square_bracket")
            await _until(lambda: screen.figures is not None and screen.figures.since.month == 2)
            assert screen.figures.conversations == 1  # only 28 February 23:30
            await pilot.press("right_square_bracket")
            await _until(lambda: screen.figures is not None and screen.figures.since.month == 3)
            assert screen.figures.conversations == 38
            await app.client.stop()


async def test_current_month_by_default_and_no_step_past_it(tmp_path: Path) -> None:
    """Opened without a month it shows this month to date; the next-month key is greyed out."""
    i18n.set_language("en")
    try:
        with await _relay_with_month(tmp_path) as relay:
            app = StatsHost(f"127.0.0.1:{relay.port}", None)
            async with app.run_test(size=(110, 60)) as pilot:
                await _until(lambda: app.stats is not None and app.stats.figures is not None)
                screen = app.stats
                assert screen is not None and screen.figures is not None
                today = dt.date.today()
                assert screen.figures.since == today.replace(day=1)
                assert screen.check_action("month", (1,)) is None
                assert screen.check_action("month", (-1,)) is True
                assert "Conversations started" in screen.text()
                await pilot.press("right_square_bracket")
                await pilot.pause()
                assert screen.month == (today.year, today.month)
                await app.client.stop()
    finally:
        i18n.set_language("sv")


def test_every_text_of_the_screen_has_three_languages() -> None:
    """Each text of the statistics screen exists in Swedish, English and Norwegian."""
    for key, texts in TEXTS.items():
        assert len(texts) == 3 and all(texts), key
