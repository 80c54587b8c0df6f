"""A cover agreement in Chromium: Kommun B's counsellor answers a visitor on Kommun A's page,
and the widget tells the visitor, in their language, who answers on whose behalf."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time
from pathlib import Path
from time import monotonic
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from relay.cover import CoverTerm
from relay.hours import OpeningHours
from relay.organisations import Organisation
from tests.support import RelayThread, make_config
from tests.widget.conftest import LoopThread, Staff, add_staff
from tests.widget.helpers import open_chat, write
from tests.widget.test_embed import HostSite, snippet_from_cli

THURSDAY_EVENINGS = ((3, ((time(17), time(21)),)),)


@pytest.fixture
def site() -> Iterator[HostSite]:
    host = HostSite()
    yield host
    host.close()


@pytest.fixture
def shared(tmp_path: Path, site: HostSite) -> Iterator[RelayThread]:
    """kommun-a on the site's origin, covered by kommun-b (staff bo) on Thursday evenings;
    the relay's clock stands on a Thursday evening."""
    thursday = datetime(2026, 10, 29, 18, tzinfo=ZoneInfo("Europe/Stockholm")).timestamp()
    started = monotonic()
    always = OpeningHours(always_open=True)
    config = make_config(tmp_path, organisations=(
        Organisation("kommun-a", "Kommun A", origins=(site.url,), hours=always,
                     cover=(CoverTerm("offer", "kommun-b", THURSDAY_EVENINGS),)),
        Organisation("kommun-b", "Kommun B", hours=always,
                     cover=(CoverTerm("accept", "kommun-a", THURSDAY_EVENINGS),))))
    add_staff(config.database, "bo", org="kommun-b")
    with RelayThread(config, shared=True,
                     clock=lambda: thursday + monotonic() - started) as running:
        yield running


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "label", "field", "notice"), [
    ("sv", "Chatta anonymt", "Ditt meddelande",
     "En behandlare från Kommun B svarar på uppdrag av Kommun A."),
    ("en", "Chat anonymously", "Your message",
     "A counsellor from Kommun B answers on behalf of Kommun A."),
    ("nb", "Chat anonymt", "Din melding",
     "En behandler fra Kommun B svarer på vegne av Kommun A."),
])
def test_the_visitor_is_told_a_counsellor_from_b_answers_on_behalf_of_a(
        page: Page, shared: RelayThread, site: HostSite, staff_loop: LoopThread,
        lang: str, label: str, field: str, notice: str) -> None:
    """Nobody of Kommun A is logged in, but B covers A now: the chat is open on A's page,
    B's counsellor takes it, and the visitor reads the notice in their language."""
    bo = Staff.login(staff_loop, shared.port, "bo")
    tag = snippet_from_cli("--url", shared.url, "--org", "kommun-a")
    site.serve(tag, lang=lang)
    page.goto(site.url + "/")
    box = open_chat(page, label)
    write(page, "Hej från kommun A:s sida", field)
    queued = bo.wait_queued()
    assert queued["entry"]["org_name"] == "Kommun A"
    bo.claim()
    expect(box).to_contain_text(notice)
