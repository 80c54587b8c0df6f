"""``lotsen demo --orgs 2``: two organisations on the demo relay, each with its page, staff
login and visitors."""

from __future__ import annotations

import asyncio
import urllib.request
from dataclasses import replace
from pathlib import Path

from lotsen.cli.console import _create_demo_account, demo_config, demo_organisations
from relay.config import load_config
from relay.demo_visitors import run_visitors
from relay.shared_relay import SharedRelay
from tests.support import Client


def _get(url: str) -> tuple[int, str, str]:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=5) as response:
            return response.status, response.headers.get("Location", ""), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location", ""), ""


async def test_demo_with_two_organisations_serves_each_its_page_queue_and_staff(
        tmp_path: Path) -> None:
    """Each organisation has a demo page naming it (data-org on the tag), its own staff login,
    and the demo visitors take turns writing to each organisation's queue; both are in the
    professionals' network."""
    config_file = tmp_path / "relay.toml"
    config_file.write_text(demo_config(2), encoding="utf-8")
    database = tmp_path / "lotsen.db"  # the demo is SQLite's (lotsen demo makes the file)
    config = replace(load_config(config_file), host="127.0.0.1", port=0, database=database)
    await asyncio.to_thread(_create_demo_account, database, "demo password 1", 2)
    (a_id, a_name, a_login), (b_id, b_name, b_login) = demo_organisations(2)
    assert (a_login, b_login) == ("demo", "demo-b")
    async with SharedRelay(config) as relay:
        url = f"http://127.0.0.1:{relay.port}"
        status, location, _ = await asyncio.to_thread(_get, url + "/")
        assert (status, location) == (302, f"/org/{a_id}/")
        status, _, page = await asyncio.to_thread(_get, f"{url}/org/{b_id}/")
        assert status == 200 and f'data-org="{b_id}"' in page and b_name in page
        assert (await asyncio.to_thread(_get, f"{url}/org/kommun-x/"))[0] == 404
        staff = {org: await Client.staff(relay.port, login, "demo password 1")
                 for org, login in ((a_id, a_login), (b_id, b_login))}
        stop = asyncio.Event()
        visitors = asyncio.create_task(run_visitors(relay.port, 2, spacing=0.2, pace=0.05,
                                                    stop=stop, orgs=(a_id, b_id)))
        for org in (a_id, b_id):
            assert (await staff[org].expect("queued", timeout=10))["entry"]["conversation"]
        stop.set()
        await visitors
        for client in staff.values():  # the demo organisations share the network's rooms
            rooms = await client.expect("network_rooms")
            assert [room["id"] for room in rooms["rooms"]] == ["rus", "anhorig"]
            await client.close()
