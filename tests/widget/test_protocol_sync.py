"""The widget's generated blocks match relay.protocol and the panel's bytes.

If a test here fails, run `python -m widget.build` and commit the widget files it updates.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from relay.protocol import frame_types
from widget import asset
from widget.build import COMMAND, block, generate, main, stale

PANEL_JS = asset("widget-panel.js").read_text(encoding="utf-8")
QUESTIONS_JS = asset("widget-questions.js").read_text(encoding="utf-8")


def test_generated_blocks_are_up_to_date() -> None:
    """widget-panel.js's protocol constants and widget.js's panel hash are current."""
    out_of_date = [path.name for path in stale()]
    assert out_of_date == [], f"run `{COMMAND}` to regenerate {', '.join(out_of_date)}"


def test_widget_frame_names_match_the_protocol() -> None:
    """The frame types in widget-panel.js are exactly relay.protocol.frame_types() for visitors."""
    found = re.search(r'IN="([^"]*)",OUT="([^"]*)"', block(PANEL_JS, "protocol"))
    assert found is not None, f"the protocol block is malformed: run `{COMMAND}`"
    types = frame_types()
    assert found.group(1).split() == types["relay_to_visitor"]
    assert found.group(2).split() == types["visitor_to_relay"]


def test_widget_handles_every_relay_frame_and_sends_only_known_ones() -> None:
    """Each relay-to-visitor frame has a handler in the panel or the question bundle; each
    frame either sends is a visitor frame."""
    types = frame_types()
    handled = set(re.findall(r"\bon\.(\w+)=", PANEL_JS + QUESTIONS_JS))
    assert handled == set(types["relay_to_visitor"])
    for source in (PANEL_JS, QUESTIONS_JS):
        sent = set(re.findall(r'(?:put\(|const f=)\{type:"(\w+)"', source))
        assert sent and sent <= set(types["visitor_to_relay"])


def test_question_bundle_protocol_block_matches_the_panel() -> None:
    """widget-questions.js carries the same generated protocol constants as the panel."""
    assert block(QUESTIONS_JS, "protocol") == block(PANEL_JS, "protocol")


def test_check_mode_reports_a_stale_file(tmp_path: Path) -> None:
    """After an edit to the panel, the build reports the loader's pinned hash as stale."""
    for name in ("widget.js", "widget-panel.js", "widget-selftest.js", "widget-selftest.src.js",
                 "widget-questions.js"):
        shutil.copy(asset(name), tmp_path / name)
    shutil.copytree(asset("selftests"), tmp_path / "selftests")
    assert stale(tmp_path) == []
    panel = tmp_path / "widget-panel.js"
    panel.write_text(panel.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert [path.name for path in stale(tmp_path)] == ["widget.js"]
    for path, text in generate(tmp_path).items():
        path.write_text(text, encoding="utf-8")
    assert stale(tmp_path) == []
    assert main(["--check"]) == 0  # the shipped files


def catalog_keys() -> dict[str, list[str]]:
    """The keys of each language in the panel's T table (string literals blanked out first)."""
    table = PANEL_JS[PANEL_JS.index("const T={"):PANEL_JS.index("const LANGS=")]
    bare = re.sub(r'"(?:[^"\\]|\\.)*"', '""', table)
    languages = re.findall(r"\b(sv|en|nb):\{(.*?)\}", bare, re.S)
    return {lang: sorted(re.findall(r"(?:^|[{,\n])(\w+):", body)) for lang, body in languages}


def test_every_widget_text_exists_in_sv_en_and_nb() -> None:
    """Each text key in the widget's catalog is there in Swedish, English and Norwegian."""
    keys = catalog_keys()
    assert sorted(keys) == ["en", "nb", "sv"]
    assert {"hint", "gotIt", "moved", "here", "momentQ"} <= set(keys["sv"])
    assert keys["en"] == keys["sv"] and keys["nb"] == keys["sv"]
