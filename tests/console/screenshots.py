"""The console screenshots in docs/console.md, made from the snapshot app's fixed frames.

Regenerate after a change to how the console looks (needs Debian's chromium, as the widget
tests do):

    .venv/bin/python -m tests.console.screenshots

Textual saves each screen as SVG; headless Chromium renders that SVG to the PNG the docs show.
"""

from __future__ import annotations

import asyncio
import re
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from playwright.async_api import async_playwright
from textual.pilot import Pilot

from console.app import LotsenConsole
from console.screens.dialogs import QuitDialog
from tests.console.snapshot_app import make_app

IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
CHROMIUM = "/usr/bin/chromium"

Steps = Callable[[LotsenConsole, Pilot[Any]], Awaitable[None]]


async def _main(app: LotsenConsole, pilot: Pilot[Any]) -> None:
    app.notify("Besökare 17 väntar (sv · själv)", title="Ny besökare", severity="error")


async def _close(app: LotsenConsole, pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+o")


async def _palette(app: LotsenConsole, pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause(0.3)
    await pilot.press(*"samtal")


async def _quit(app: LotsenConsole, pilot: Pilot[Any]) -> None:
    app.push_screen(QuitDialog(1))


SHOTS: dict[str, tuple[tuple[int, int], Steps]] = {
    "console-main": ((120, 36), _main),
    "console-close-warning": ((120, 40), _close),
    "console-palette": ((120, 30), _palette),
    "console-quit": ((140, 24), _quit),
}


async def _svg(size: tuple[int, int], steps: Steps) -> str:
    app = make_app("sv")
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause(0.3)
        await steps(app, pilot)
        await pilot.pause(0.8)
        return app.export_screenshot()


async def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM)
        for name, (size, steps) in SHOTS.items():
            svg = await _svg(size, steps)
            box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
            width, height = (int(float(box.group(1))), int(float(box.group(2)))) if box \
                else (1500, 1000)
            page = await browser.new_page(viewport={"width": width, "height": height})
            with tempfile.TemporaryDirectory() as tmp:
                source = Path(tmp) / f"{name}.svg"
                source.write_text(svg, encoding="utf-8")
                await page.goto(source.as_uri())
                await page.screenshot(path=str(IMAGES / f"{name}.png"))
            await page.close()
            print(IMAGES / f"{name}.png")
        await browser.close()


if __name__ == "__main__":
    asyncio.run(main())
