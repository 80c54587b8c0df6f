"""Two organisations on one relay, in Chromium: each page reaches its own organisation's queue
by data-org, and a page whose origin is not the organisation's is refused in its language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from relay.hours import OpeningHours
from relay.organisations import Organisation
from tests.support import RelayThread, make_config
from tests.widget.conftest import LoopThread, Staff, add_staff
from tests.widget.helpers import open_chat, write
from tests.widget.test_embed import HostSite, snippet_from_cli


@pytest.fixture
def sites() -> Iterator[tuple[HostSite, HostSite]]:
    a, b = HostSite(), HostSite()
    yield a, b
    a.close()
    b.close()


@pytest.fixture
def shared(tmp_path: Path, sites: tuple[HostSite, HostSite]) -> Iterator[RelayThread]:
    """kommun-a on the first site's origin (staff anna), kommun-b on the second's (staff bo)."""
    site_a, site_b = sites
    always = OpeningHours(always_open=True)
    config = make_config(tmp_path, organisations=(
        Organisation("kommun-a", "Kommun A", origins=(site_a.url,), hours=always),
        Organisation("kommun-b", "Kommun B", origins=(site_b.url,), hours=always)))
    add_staff(config.database, "anna", org="kommun-a")
    add_staff(config.database, "bo", org="kommun-b")
    with RelayThread(config, shared=True) as running:
        yield running


def _tag(relay: RelayThread, org: str) -> str:
    """The tag `lotsen widget snippet --org` prints (with its SRI hash)."""
    tag = snippet_from_cli("--url", relay.url, "--org", org)
    assert f'data-org="{org}"' in tag
    return tag


@pytest.mark.browser
def test_two_pages_with_different_data_org_reach_different_queues(
        page: Page, shared: RelayThread, sites: tuple[HostSite, HostSite],
        staff_loop: LoopThread) -> None:
    """A visitor on kommun-a's page reaches anna's queue, one on kommun-b's reaches bo's."""
    site_a, site_b = sites
    anna = Staff.login(staff_loop, shared.port, "anna")
    bo = Staff.login(staff_loop, shared.port, "bo")
    site_a.serve(_tag(shared, "kommun-a"), lang="sv")
    site_b.serve(_tag(shared, "kommun-b"), lang="sv")
    for site, staff, other, text in ((site_a, anna, bo, "Hej från kommun A"),
                                     (site_b, bo, anna, "Hej från kommun B")):
        page.goto(site.url + "/")
        box = open_chat(page, "Chatta anonymt")
        expect(box).to_contain_text("Chatten är öppen.")
        write(page, text)
        assert staff.wait_queued()["entry"]["preview"] == text
        leaked = staff_loop.run(other.client.drain(0.5))
        assert not any((f.get("entry") or {}).get("preview") == text for f in leaked), leaked


@pytest.mark.browser
def test_a_page_of_another_origin_is_refused_in_the_visitors_language(
        page: Page, shared: RelayThread, sites: tuple[HostSite, HostSite]) -> None:
    """kommun-b's chat embedded on kommun-a's site: the panel says it cannot open here and
    where to get help now, and offers no message field."""
    site_a, _ = sites
    site_a.serve(_tag(shared, "kommun-b"), lang="en")
    page.goto(site_a.url + "/")
    box = open_chat(page, "Chat anonymously")
    expect(box).to_contain_text("The chat cannot be opened from this page.")
    expect(box).to_contain_text("Call 112")
    expect(page.get_by_label("Your message")).to_be_hidden()
