"""The supervisor's statistics screen saves the evaluation report through the relay's ``stats``
frame: the same figures as ``lotsen report`` writes from the database."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.app import App

from console import i18n
from console.screens.stats import StatsScreen
from relay import protocol
from tests.ops.conftest import Cli
from tests.ops.test_console_stats import StatsHost, _relay_with_month, _until
from tests.ops.test_report import parse


async def test_save_report_writes_the_period_shown_with_the_period_before(
        tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """``s`` on March asks the relay for February too and writes the report: every figure as
    ``lotsen report --month 2026-03`` has it; the screen keeps showing March."""
    i18n.set_language("sv")
    monkeypatch.chdir(tmp_path)
    saved = tmp_path / "lotsen-report-2026-03-01-2026-03-31.html"
    with await _relay_with_month(tmp_path) as relay:
        app = StatsHost(f"127.0.0.1:{relay.port}", (2026, 3))
        async with app.run_test(size=(110, 60)) as pilot:
            await _until(lambda: app.stats is not None and app.stats.figures is not None)
            screen = app.stats
            assert screen is not None
            await pilot.press("s")
            await _until(saved.exists)
            assert screen.figures is not None and screen.figures.since.month == 3
            assert screen.saving is None
            # The relay sent what the report states beside the figures, from its config.
            context = screen.context
            assert context is not None
            assert (context["lang"], context["min_count"], context["retention_days"]) == (
                "sv", relay.config.report_min_count, relay.config.retention_days)
            assert len(context["open"]) == 7
            assert context["referral_names"] == {"local-anhorigstod": "Anhörigstöd (exempel)"}
            await app.client.stop()
        database = relay.config.database
    from_cli = tmp_path / "cli.html"
    result = await asyncio.to_thread(cli, "report", "--month", "2026-03", "--db", database,
                                     "-o", from_cli)
    assert result.exit_code == 0, result.output

    def figures(path: Path) -> list[tuple[str, str | None, bool]]:
        return [(i["path"], i["value"], i["hidden"])
                for i in parse(path.read_text(encoding="utf-8")).found]

    console_figures = figures(saved)
    assert console_figures == figures(from_cli)
    assert ("previous:totals.conversations", None, True) in console_figures  # 1 in February
    assert ("totals.conversations", "38", False) in console_figures
    assert parse(saved.read_text(encoding="utf-8")).lang == "sv"


async def test_save_report_waits_for_the_figures(tmp_path: Path) -> None:
    """Before the relay has answered there is nothing to save: no request, no file."""
    sent: list[protocol.Frame] = []

    def request(frame: protocol.Frame) -> bool:
        sent.append(frame)
        return True

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(StatsScreen(request,
                                         month=(2026, 3), report_dir=tmp_path))

    app = Host()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StatsScreen) and screen.saving is None
    assert len(sent) == 1  # only the screen's own request for March
    assert not list(tmp_path.iterdir())
