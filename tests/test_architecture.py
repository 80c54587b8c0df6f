"""ARCHITECTURE.md's code map matches the tree: what it names exists, and it names every
package under ``src/`` and every module of the relay."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def code_map() -> str:
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    section = text.split("## Code map", 1)[1]
    return section.split("```", 2)[1]


def named_paths() -> list[Path]:
    """The paths in the map's first column: ``src/x/`` starts a package, indented names are
    inside the package above them (``<lang>`` and ``*`` patterns are left out)."""
    paths, current = [], ROOT
    for line in code_map().splitlines():
        match = re.match(r"^( *)(\S+)", line)
        if match is None:
            continue
        indent, name = match.groups()
        if not indent:
            current = ROOT / name
            paths.append(current)
        elif len(indent) == 2 and "<" not in name and "*" not in name:
            paths.append(current / name)
    return paths


def test_every_path_the_map_names_exists() -> None:
    """A module that moved or was renamed must move in the map too."""
    assert [str(p.relative_to(ROOT)) for p in named_paths() if not p.exists()] == []


def test_the_map_names_every_package_and_relay_module() -> None:
    """A new package, or a new module of the relay, gets its line in the map."""
    text = code_map()
    packages = [p.name for p in (ROOT / "src").iterdir()
                if p.is_dir() and (p / "__init__.py").exists()]
    assert [p for p in packages if f"src/{p}/" not in text] == []
    modules = [p.name for p in (ROOT / "src" / "relay").glob("*.py") if p.name != "__init__.py"]
    assert [m for m in modules if m not in text] == []
