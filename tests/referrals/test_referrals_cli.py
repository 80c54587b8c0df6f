"""``lotsen referrals check|suggest|eval`` through Typer's test runner and one real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lotsen.cli.referrals import app
from tests.referrals.helpers import DATA

runner = CliRunner()

GOOD_CONVERSATION = {
    "lang": "sv",
    "role": "self",
    "messages": [{"sender": "visitor", "text": "jag vill inte leva längre"}],
}


def write(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    return path


def test_check_default_directory_succeeds() -> None:
    """`check` without a file validates the shipped default and counts its services."""
    result = runner.invoke(app, ["check", "--today", "2026-11-23"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: the default directory: 40 services")


def test_check_lists_stale_entries() -> None:
    """Entries past review are listed one per line with their id, date and origin."""
    result = runner.invoke(app, ["check", "--today", "2027-12-01"])
    assert result.exit_code == 0
    stale = [line for line in result.output.splitlines() if line.startswith("stale: ")]
    assert "stale: se-112: review was due 2027-05-23 (re-check the contact data)" in "\n".join(
        stale
    )
    assert any(
        line.startswith("stale: local-anhorigstod:") and "example, edit it" in line
        for line in stale
    )


def test_check_reports_problems_with_file_and_line(tmp_path: Path) -> None:
    """A broken file exits 2 with one `error:` line per problem, naming file and line."""
    bad = write(tmp_path / "town.toml", '[[service]]\nid = "local-x"\ncategories = ["nope"]\n')
    result = runner.invoke(app, ["check", str(bad), "--alone"])
    assert result.exit_code == 2
    assert (
        f'error: {bad}:3: service "local-x": field "categories": unknown category "nope"'
        in result.output
    )
    assert "Traceback" not in result.output


def test_check_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """A missing file is one clear error line and exit code 2."""
    result = runner.invoke(app, ["check", str(tmp_path / "gone.toml")])
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {tmp_path / 'gone.toml'}: file not found"


def test_suggest_prints_the_documented_json(tmp_path: Path) -> None:
    """`suggest` prints urgent, reasons and the top N suggestions as JSON."""
    conversation = write(tmp_path / "c.json", json.dumps(GOOD_CONVERSATION))
    result = runner.invoke(app, ["suggest", str(conversation), "--top", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["urgent"] is True and data["urgent_reasons"]
    assert len(data["suggestions"]) == 2
    assert set(data["suggestions"][0]) == {"id", "score", "matched"}


def test_suggest_uses_a_municipality_directory(tmp_path: Path) -> None:
    """`--directory` applies a municipality file: a disabled service is no longer suggested."""
    conversation = write(tmp_path / "c.json", json.dumps(GOOD_CONVERSATION))
    own = write(tmp_path / "town.toml", 'disable = ["se-mind-sjalvmordslinjen"]\n')
    result = runner.invoke(app, ["suggest", str(conversation), "-d", str(own), "--top", "10"])
    ids = [s["id"] for s in json.loads(result.output)["suggestions"]]
    assert ids and "se-mind-sjalvmordslinjen" not in ids


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"lang": "sv"}', 'needs "messages"'),
        ('{"messages": [{"sender": "robot", "text": "hej"}]}', 'message 1: "sender"'),
    ],
)
def test_suggest_rejects_bad_conversations_cleanly(
    tmp_path: Path, content: str, message: str
) -> None:
    """Unreadable or malformed conversations give one error line and exit code 2."""
    conversation = write(tmp_path / "c.json", content)
    result = runner.invoke(app, ["suggest", str(conversation)])
    assert result.exit_code == 2
    assert result.output.startswith("error: ") and message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_eval_prints_figures_and_no_misses_on_dev() -> None:
    """`eval` on the dev set prints the three figures and zero misses."""
    result = runner.invoke(app, ["eval", str(DATA / "dev.jsonl")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any("top-3 hit rate" in line and "16/16" in line for line in lines)
    assert any("urgent recall" in line and "100.0%" in line for line in lines)
    assert any("urgent precision" in line for line in lines)
    assert "misses: 0" in lines


def test_eval_lists_misses_one_per_line(tmp_path: Path) -> None:
    """A case the engine gets wrong is listed on one greppable `miss:` line."""
    case = {
        **GOOD_CONVERSATION,
        "case": "wrong-on-purpose",
        "expect_top3_any": ["no-113"],
        "urgent": False,
    }
    labelled = write(tmp_path / "l.jsonl", json.dumps(case) + "\n")
    result = runner.invoke(app, ["eval", str(labelled)])
    assert result.exit_code == 0
    (miss,) = [line for line in result.output.splitlines() if line.startswith("miss: ")]
    assert miss.startswith("miss: wrong-on-purpose: top3=")
    assert "expected any of no-113" in miss and "urgent=True expected False" in miss


def test_eval_names_the_bad_line_of_a_labelled_file(tmp_path: Path) -> None:
    """A malformed labelled file names its line and exits 2."""
    labelled = write(
        tmp_path / "l.jsonl", json.dumps({**GOOD_CONVERSATION, "urgent": False}) + "\n{oops\n"
    )
    result = runner.invoke(app, ["eval", str(labelled)])
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {labelled}:2:")


def test_lotsen_command_runs_the_group_in_a_subprocess(tmp_path: Path) -> None:
    """`python -m relay referrals check` works end to end once the group is registered."""
    out = subprocess.run(
        [sys.executable, "-m", "relay", "referrals", "check", "--today", "2026-11-23"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("ok: the default directory:")


def test_eval_shows_the_confusion_of_kinds_and_figures_only_hides_cases(tmp_path: Path) -> None:
    """`eval` prints labelled kinds against found kinds; `--figures-only` prints no case."""
    cases = [
        {**GOOD_CONVERSATION, "case": "kind-case-1", "urgent": True, "urgent_kind": "suicide",
         "messages": [{"sender": "visitor", "text": "jag vill bara försvinna för alltid"}]},
        {**GOOD_CONVERSATION, "case": "kind-case-2", "urgent": True, "urgent_kind": "violence",
         "messages": [{"sender": "visitor", "text": "hej, när har ni öppet?"}]},
        {**GOOD_CONVERSATION, "case": "kind-case-3", "urgent": False, "hard_negative": True,
         "messages": [{"sender": "visitor", "text": "jag skulle kunna döda för en kaffe"}]},
    ]
    labelled = tmp_path / "kinds.jsonl"
    labelled.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases),
                        encoding="utf-8")
    full = runner.invoke(app, ["eval", str(labelled)])
    assert full.exit_code == 0, full.output
    assert "urgent kinds: labelled (rows) / found (columns)" in full.output
    rows = {line.split()[0]: line.split()[1:] for line in full.output.splitlines()
            if line.strip().startswith(("suicide ", "violence ", "none "))}
    assert rows["suicide"][0] == "1" and rows["violence"][-1] == "1"
    assert "hard negatives flagged" in full.output
    assert "kind-case-2" in full.output
    only = runner.invoke(app, ["eval", str(labelled), "--figures-only"])
    assert only.exit_code == 0 and "urgent recall" in only.output
    assert "kind-case" not in only.output and "miss:" not in only.output
