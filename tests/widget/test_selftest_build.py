"""The self-test bundle: built from the instrument files and current (like the panel), within
its size budget, pinned by the panel, and served by the relay with the directory's services.

If a freshness test here fails, run `python -m widget.build` and commit what it updates.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path

from relay.protocol import LANGUAGES
from tests.support import RelayThread, make_config
from widget import asset
from widget.build import COMMAND, block, generate, sri, stale
from widget.selftest import instruments

SELFTEST_BUDGET = 6 * 1024  # gzipped, both instruments in three languages
LOADER_BUDGET = 8 * 1024


def copy_widget(folder: Path) -> None:
    for name in ("widget.js", "widget-panel.js", "widget-selftest.js", "widget-selftest.src.js",
                 "widget-questions.js"):
        shutil.copy(asset(name), folder / name)
    shutil.copytree(asset("selftests"), folder / "selftests")


def test_bundle_is_built_from_the_current_files() -> None:
    """widget-selftest.js is what the build makes of its source and selftests/*.json now."""
    assert asset("widget-selftest.js") not in stale(), f"run `{COMMAND}`"


def test_an_edited_instrument_makes_the_bundle_panel_and_loader_stale(tmp_path: Path) -> None:
    """A changed band text reaches the bundle, so the panel's pin and the loader's pin of the
    panel change too: all three are reported until the build runs."""
    copy_widget(tmp_path)
    assert stale(tmp_path) == []
    path = tmp_path / "selftests" / "pgsi.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["bands"][0]["title"]["sv"] = "Ingen risk"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert sorted(p.name for p in stale(tmp_path)) == [
        "widget-panel.js", "widget-selftest.js", "widget.js"]
    for target, text in generate(tmp_path).items():
        target.write_text(text, encoding="utf-8")
    assert stale(tmp_path) == []
    assert "Ingen risk" in (tmp_path / "widget-selftest.js").read_text(encoding="utf-8")


def test_panel_pins_the_bundle_by_its_hash() -> None:
    """The panel loads widget-selftest.js with the sha384 of its exact bytes."""
    pinned = re.search(r'SELFTEST="([^"]+)"', block(
        asset("widget-panel.js").read_text(encoding="utf-8"), "selftest"))
    assert pinned is not None
    assert pinned.group(1) == sri(asset("widget-selftest.js").read_bytes())


def test_bundle_carries_every_text_of_both_instruments_in_three_languages() -> None:
    """Every question, option and band text in sv, en and nb is in the bundle."""
    bundle = asset("widget-selftest.js").read_text(encoding="utf-8")
    for test in instruments().values():
        texts = [test["title"], test["intro"]]
        for item in test["items"]:
            texts += [item["text"], *[option["text"] for option in item["options"]]]
        for band in test["bands"]:
            texts += [band["title"], band["text"]]
        for text in texts:
            for lang in LANGUAGES:
                assert json.dumps(text[lang], ensure_ascii=False) in bundle, text[lang]
    assert "source" not in bundle and "licence" not in bundle  # they stay in the files


def fetch(url: str, gzipped: bool = False) -> tuple[bytes, dict[str, str]]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzipped else {})
    with urllib.request.urlopen(request) as response:
        return response.read(), dict(response.headers)


def test_relay_serves_the_bundle_within_budget_and_the_loader_stays_small(tmp_path: Path) -> None:
    """As served (gzip), the bundle is ≤ 6 KB and the loader ≤ 8 KB; both may be loaded
    from another site (CORS for SRI)."""
    with RelayThread(make_config(tmp_path)) as relay:
        bundle, headers = fetch(relay.url + "/widget-selftest.js", gzipped=True)
        loader, _ = fetch(relay.url + "/widget.js", gzipped=True)
        plain, _ = fetch(relay.url + "/widget-selftest.js")
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert headers["Content-Type"] == "text/javascript; charset=utf-8"
    assert gzip.decompress(bundle) == plain == asset("widget-selftest.js").read_bytes()
    print(f"widget-selftest.js: {len(plain)} bytes, {len(bundle)} gzipped; "
          f"widget.js: {len(loader)} gzipped")
    assert len(bundle) <= SELFTEST_BUDGET, f"widget-selftest.js is {len(bundle)} bytes gzipped"
    assert len(loader) <= LOADER_BUDGET


MUNICIPALITY = '''
[[service]]
id = "local-oppenvard-missbruk"
name = { sv = "Öppenvården i Testby", en = "Outpatient care, Testby" }
url = "https://testby.se/oppenvard"
verification = "verified"
source = "testby.se/oppenvard, read 2026-11-20"
verified_at = 2026-11-20
review_due = 2027-05-20
'''


def test_services_come_from_the_relays_directory_without_examples(tmp_path: Path) -> None:
    """The shipped directory gives the national services (the example municipal unit is left
    out); a municipality's file that replaces the example puts its own unit in."""
    with RelayThread(make_config(tmp_path)) as relay:
        body, headers = fetch(relay.url + "/widget-selftest.json")
    assert headers["Content-Type"] == "application/json"
    assert headers["Access-Control-Allow-Origin"] == "*"
    shipped = json.loads(body)["services"]
    assert [s["name"]["sv"] for s in shipped["audit"]] == ["Alkoholhjälpen", "1177 Vårdguiden"]
    assert [s["url"] for s in shipped["pgsi"]] == ["https://stodlinjen.se",
                                                   "https://www.spelpaus.se"]

    directory = tmp_path / "directory.toml"
    directory.write_text(MUNICIPALITY, encoding="utf-8")
    with RelayThread(make_config(tmp_path, referral_directory=directory)) as relay:
        own = json.loads(fetch(relay.url + "/widget-selftest.json")[0])["services"]
    assert [s["name"]["sv"] for s in own["audit"]] == [
        "Alkoholhjälpen", "Öppenvården i Testby", "1177 Vårdguiden"]
    assert own["audit"][1]["name"]["nb"] == "Öppenvården i Testby"  # falls back to sv


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_completed_tests_are_not_counted_unless_configured(tmp_path: Path) -> None:
    """By default the widget is told not to report completed tests, and the relay refuses
    a report."""
    with RelayThread(make_config(tmp_path)) as relay:
        assert json.loads(fetch(relay.url + "/widget-selftest.json")[0])["count"] is False
        assert status_of(relay.url + "/widget-selftest/done/audit") == 404
        assert relay.relay is not None
        assert not any(name.startswith("selftest") for name in relay.relay.counters)


def test_configured_counts_are_per_instrument_and_shown_in_metrics(tmp_path: Path) -> None:
    """With selftest_counts on, each report counts one completed test of a known instrument
    (nothing else: no score, no chat) and /metrics shows the totals."""
    with RelayThread(make_config(tmp_path, selftest_counts=True)) as relay:
        assert json.loads(fetch(relay.url + "/widget-selftest.json")[0])["count"] is True
        for instrument in ("audit", "pgsi", "pgsi"):
            assert status_of(relay.url + f"/widget-selftest/done/{instrument}") == 204
        assert status_of(relay.url + "/widget-selftest/done/dudit") == 404
        metrics = fetch(relay.url + "/metrics")[0].decode()
    assert 'lotsen_events_total{event="selftest_completed_audit"} 1.0' in metrics
    assert 'lotsen_events_total{event="selftest_completed_pgsi"} 2.0' in metrics
    assert "dudit" not in metrics
