"""Self-test instruments (AUDIT, PGSI, ...) as data, and their scoring in Python.

Each instrument is one JSON file in ``selftests/`` (format described in docs/widget.md,
"Self-tests"). ``widget-selftest.js`` is built from these files by ``python -m widget.build``
and scores in the browser with the same rules as ``score`` here; the tests compare the two.
A new instrument is a new file: no code changes.

Scoring: the total is the sum of the chosen options' scores. The band is the last band whose
``min`` the total reaches. A ``min`` is a number, or a table per group (e.g. AUDIT's cut-off
for risky use: women 6, men 8, 65 and older 7); the group is asked only when the bands of the
groups differ for the total reached, and it is never stored.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from relay.protocol import LANGUAGES
from widget import asset

FORMAT = 1
_ID = re.compile(r"[a-z][a-z0-9-]{0,19}")
_NAME = re.compile(r"[A-Z][A-Z0-9-]{0,15}")


class SelftestError(ValueError):
    """An instrument file that does not follow the format; the message names file and field."""


@dataclass(frozen=True, slots=True)
class Result:
    """A scored self-test: the total, its maximum, the band id, and any subscores."""

    score: int
    max_score: int
    band: str
    subscores: dict[str, int]


def directory() -> Path:
    return asset("selftests")


def load(path: Path) -> dict[str, Any]:
    """Read and validate one instrument file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SelftestError(f"{path.name}: cannot read the file ({error})") from None
    problems = validate(data)
    if problems:
        raise SelftestError("\n".join(f"{path.name}: {problem}" for problem in problems))
    return data  # type: ignore[no-any-return]


def instruments(folder: Path | None = None) -> dict[str, dict[str, Any]]:
    """Every instrument in ``folder`` (the shipped ones by default), by id, in file-name order."""
    found: dict[str, dict[str, Any]] = {}
    for path in sorted((folder or directory()).glob("*.json")):
        data = load(path)
        if data["id"] in found:
            raise SelftestError(f"{path.name}: id {data['id']!r} is used by another file")
        found[data["id"]] = data
    return found


def _texts(value: Any, where: str, problems: list[str]) -> None:
    if not isinstance(value, dict) or any(
            not isinstance(value.get(lang), str) or not value[lang].strip() for lang in LANGUAGES):
        problems.append(f"{where}: needs a text in each of {', '.join(LANGUAGES)}")


def validate(data: Any) -> list[str]:
    """The problems with an instrument's data, or [] when it can be used."""
    problems: list[str] = []
    if not isinstance(data, dict):
        return ["the file must hold one JSON object"]
    if data.get("format") != FORMAT:
        problems.append(f"format: must be {FORMAT}")
    if not isinstance(data.get("id"), str) or not _ID.fullmatch(data["id"]):
        problems.append("id: lower-case letters, digits and dashes, at most 20")
    if not isinstance(data.get("name"), str) or not _NAME.fullmatch(data["name"]):
        problems.append("name: upper-case letters, digits and dashes, at most 16 (e.g. AUDIT)")
    for key in ("source", "licence", "credit"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            problems.append(f"{key}: required (where the instrument and its wording come from)")
    for key in ("title", "intro"):
        _texts(data.get(key), key, problems)
    items = data.get("items")
    if not isinstance(items, list) or not items:
        return problems + ["items: a list of at least one question"]
    ids: list[str] = []
    for number, item in enumerate(items, 1):
        where = f"items[{number}]"
        if not isinstance(item, dict):
            problems.append(f"{where}: must be an object")
            continue
        ids.append(item.get("id", ""))
        _texts(item.get("text"), f"{where}.text", problems)
        if "hint" in item:  # optional: e.g. what a standard drink is
            _texts(item["hint"], f"{where}.hint", problems)
        options = item.get("options")
        if not isinstance(options, list) or len(options) < 2:
            problems.append(f"{where}.options: at least two options")
            continue
        for index, option in enumerate(options, 1):
            score = option.get("score") if isinstance(option, dict) else None
            if not isinstance(score, int) or isinstance(score, bool) or score < 0:
                problems.append(f"{where}.options[{index}].score: a whole number ≥ 0")
            _texts(option.get("text") if isinstance(option, dict) else None,
                   f"{where}.options[{index}].text", problems)
    if len(set(ids)) != len(ids) or not all(isinstance(i, str) and i for i in ids):
        problems.append("items: each needs a unique id")
    for sub in data.get("subscores", []):
        if not isinstance(sub, dict) or not set(sub.get("items", [])) <= set(ids) \
                or not sub.get("items") or not isinstance(sub.get("id"), str):
            problems.append("subscores: each needs an id and items that exist")
    groups = data.get("groups")
    group_ids: list[str] = []
    if groups is not None:
        _texts(groups.get("question"), "groups.question", problems)
        for index, option in enumerate(groups.get("options") or [], 1):
            group_ids.append(option.get("id"))
            _texts(option.get("text"), f"groups.options[{index}].text", problems)
        if len(group_ids) < 2:
            problems.append("groups.options: at least two groups")
    bands = data.get("bands")
    if not isinstance(bands, list) or not bands:
        return problems + ["bands: a list of at least one band"]
    previous: dict[str, int] = {}
    for number, band in enumerate(bands, 1):
        where = f"bands[{number}]"
        if not isinstance(band, dict) or not isinstance(band.get("id"), str):
            problems.append(f"{where}: needs an id")
            continue
        _texts(band.get("title"), f"{where}.title", problems)
        _texts(band.get("text"), f"{where}.text", problems)
        low = band.get("min")
        if isinstance(low, dict):
            if not group_ids or set(low) != set(group_ids):
                problems.append(f"{where}.min: a table needs one value per group in 'groups'")
                continue
        elif not isinstance(low, int) or isinstance(low, bool):
            problems.append(f"{where}.min: a whole number, or one per group")
            continue
        for group in group_ids or [""]:
            value = low[group] if isinstance(low, dict) else low
            if number == 1 and value != 0:
                problems.append(f"{where}.min: the first band starts at 0")
            if group in previous and value <= previous[group]:
                problems.append(f"{where}.min: bands must rise")
            previous[group] = value
    services = data.get("services", [])
    if not isinstance(services, list) or not all(isinstance(s, str) for s in services):
        problems.append("services: a list of referral directory ids")
    return problems


def max_score(instrument: dict[str, Any]) -> int:
    return sum(max(option["score"] for option in item["options"])
               for item in instrument["items"])


def band_for(instrument: dict[str, Any], score: int, group: str | None = None) -> str:
    """The band a total falls in for ``group`` (None: the instrument asks no group)."""
    found = instrument["bands"][0]["id"]
    for band in instrument["bands"]:
        low = band["min"]
        if isinstance(low, dict):
            if group not in low:
                raise ValueError(f"{instrument['id']}: the band depends on the group: pass one "
                                 f"of {', '.join(low)}")
            low = low[group]
        if score >= low:
            found = band["id"]
    return str(found)


def needs_group(instrument: dict[str, Any], score: int) -> bool:
    """Whether the band for ``score`` differs between groups, so the group must be asked."""
    groups = instrument.get("groups")
    if not groups:
        return False
    return len({band_for(instrument, score, g["id"]) for g in groups["options"]}) > 1


def score(instrument: dict[str, Any], answers: list[int],
          group: str | None = None) -> Result:
    """Score ``answers`` (the chosen option's score, per item in order)."""
    items = instrument["items"]
    if len(answers) != len(items):
        raise ValueError(f"{instrument['id']}: {len(items)} answers needed, got {len(answers)}")
    for item, answer in zip(items, answers, strict=True):
        if answer not in [option["score"] for option in item["options"]]:
            raise ValueError(f"{item['id']}: {answer} is not one of its options' scores")
    total = sum(answers)
    chosen = group
    if not needs_group(instrument, total) and instrument.get("groups"):
        chosen = instrument["groups"]["options"][0]["id"]  # any group: they all agree here
    by_id = dict(zip((item["id"] for item in items), answers, strict=True))
    subscores = {sub["id"]: sum(by_id[i] for i in sub["items"])
                 for sub in instrument.get("subscores", [])}
    return Result(total, max_score(instrument), band_for(instrument, total, chosen), subscores)
