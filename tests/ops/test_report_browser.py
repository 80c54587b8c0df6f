"""The report in headless Chromium: no script error, no request beyond the file itself, and
printed to A4 one page per section with no chart cut between two pages.

Screenshots of each page go to artifacts/report/ (docs/images/report/ holds the copies that
docs/operations.md shows: regenerate them with this test and copy them over).
"""

from __future__ import annotations

import asyncio
import io
import re
import unicodedata
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from pypdf import PdfReader

from figures.report import ReportContext, render_report
from tests.ops.conftest import Cli
from tests.ops.month import write_month
from tests.ops.test_report import year_figures
from tests.widget.conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "report"
A4 = (595.9, 842.9)  # points


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _squash(text: str) -> str:
    """PDF text and DOM text compared without spacing or ligatures."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def open_report(browser: Browser, path: Path) -> tuple[Page, list[str], list[str]]:
    """The report opened from disk; the requests it made and the errors it logged."""
    page = browser.new_page(viewport={"width": 900, "height": 1200})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri(), wait_until="load")
    return page, requests, errors


def printed_pages(page: Page) -> tuple[list[Any], list[dict[str, Any]]]:
    """Print to A4 as a person would (print-to-PDF); the PDF's pages and, per section of the
    report, its title and the first and last line of each chart."""
    page.emulate_media(media="print")
    sections = page.evaluate("""() => [...document.querySelectorAll('section.page')].map(s => ({
        title: s.querySelector('h2').innerText,
        charts: [...s.querySelectorAll('figure')].map(f => {
            const lines = f.innerText.split('\\n').map(l => l.trim()).filter(Boolean);
            return {first: lines[0], last: lines[lines.length - 1],
                    rule: getComputedStyle(f).breakInside};
        })}))""")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    return list(pdf.pages), sections


def assert_no_chart_is_split(pages: list[Any], sections: list[dict[str, Any]]) -> None:
    assert len(pages) == len(sections), "a section did not fit its A4 page"
    for pdf_page, section in zip(pages, sections, strict=True):
        width, height = float(pdf_page.mediabox.width), float(pdf_page.mediabox.height)
        assert abs(width - A4[0]) < 1 and abs(height - A4[1]) < 1
        text = _squash(pdf_page.extract_text())
        assert _squash(section["title"]) in text
        for chart in section["charts"]:
            assert chart["rule"] == "avoid"
            # The chart's first line (its heading) and last line (its caption or last table
            # row) print on the same page: nothing of it went over to the next.
            assert _squash(chart["first"]) in text, (section["title"], chart["first"])
            assert _squash(chart["last"]) in text, (section["title"], chart["last"])


def test_month_report_renders_offline_and_prints_to_a4_without_splitting_a_chart(
        browser: Browser, cli: Cli, tmp_path: Path) -> None:
    """The generated month's report: no errors, no network, seven A4 pages, charts whole;
    a screenshot of each page is saved for the docs."""
    # Playwright's sync API runs an event loop in this thread: the database and the CLI
    # (both asyncio.run) get a thread of their own.
    database = tmp_path / "month.db"
    out = tmp_path / "report.html"
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, write_month(database)).result()
        result = pool.submit(cli, "report", "--month", "2026-03", "--db", database,
                             "-o", out).result()
    assert result.exit_code == 0, result.output
    page, requests, errors = open_report(browser, out)
    try:
        assert requests == [out.as_uri()]
        assert errors == []
        assert page.evaluate("document.scripts.length") == 0
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        for number, section in enumerate(page.query_selector_all("section.page"), start=1):
            section.screenshot(path=str(ARTIFACTS / f"report-page-{number}.png"))
        pages, sections = printed_pages(page)
        assert len(sections) == 7
        assert_no_chart_is_split(pages, sections)
        assert requests == [out.as_uri()]  # printing fetched nothing either
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_busy_years_report_prints_one_section_per_page(browser: Browser, tmp_path: Path,
                                                         lang: str) -> None:
    """A year with chats in every hour (53 weeks, a 24-row waiting table, 40 topics) still
    fits each section on its page, in every language."""
    now, before = year_figures()
    out = tmp_path / "year.html"
    weekdays_12_14 = ("0" * 12 + "11" + "0" * 10,) * 5 + ("0" * 24,) * 2
    out.write_text(render_report(now, before, ReportContext(lang=lang, open_slots=weekdays_12_14),
                                 date(2027, 1, 2)), encoding="utf-8")
    page, requests, errors = open_report(browser, out)
    try:
        assert requests == [out.as_uri()] and errors == []
        assert_no_chart_is_split(*printed_pages(page))
    finally:
        page.close()
