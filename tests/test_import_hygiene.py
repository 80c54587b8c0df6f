"""Layering you can see: which package may import which, read from every import in ``src/``.

ARCHITECTURE.md ("Layering") states the layers; this test holds the tree to them. Every
``import`` and ``from ... import`` in every module under ``src/`` counts, also those inside a
function or under ``TYPE_CHECKING``: a lazy import is still a dependency. The few exceptions
are listed by file in ``EXCEPTIONS`` with the reason, so a new one has to be argued here.
Subprocess tests then check what importing a package really loads.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

# The layers, bottom first. A module belongs to the first layer whose prefix it starts with.
LAYERS = ("relay.protocol", "vocabulary", "referrals", "figures", "widget", "relay", "console",
          "lotsen")

# What each layer may import of our own code (itself always).
MAY_IMPORT: dict[str, frozenset[str]] = {
    "relay.protocol": frozenset(),
    "vocabulary": frozenset({"relay.protocol"}),
    # languages and roles have one home; its problems are phrases of vocabulary.phrases
    "referrals": frozenset({"relay.protocol", "vocabulary"}),
    "figures": frozenset({"relay.protocol", "vocabulary", "referrals"}),
    "widget": frozenset({"relay.protocol"}),  # build.py writes its constants into widget.js
    "relay": frozenset({"relay.protocol", "vocabulary", "referrals", "figures", "widget"}),
    "console": frozenset({"relay.protocol", "vocabulary", "referrals", "figures"}),
    "lotsen": frozenset(LAYERS),
}

# Third-party libraries a pure layer may use (all other layers may use any installed library).
PURE_LIBRARIES: dict[str, frozenset[str]] = {
    "relay.protocol": frozenset(),
    "vocabulary": frozenset(),
    "referrals": frozenset({"snowballstemmer"}),
    "figures": frozenset(),
    "widget": frozenset({"rjsmin"}),  # python -m widget.build minifies the self-test bundle
}

# Standard-library modules that do I/O a pure layer has no business with.
IO_STDLIB = frozenset({"asyncio", "socket", "ssl", "sqlite3", "http", "urllib", "subprocess",
                       "threading", "multiprocessing", "selectors"})

# file (relative to src/) -> modules it may import beyond its layer's rule, and why.
EXCEPTIONS: dict[str, dict[str, str]] = {
    "relay/__main__.py": {
        "lotsen.cli": "`python -m relay` is a program, not part of the relay library: "
                      "`import relay` never loads it, and it only starts the composition root",
    },
}


def module_name(path: Path, root: Path = SRC) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> str | None:
    for layer in LAYERS:
        if module == layer or module.startswith(layer + "."):
            return layer
    return None


def imports_of(path: Path, root: Path = SRC) -> Iterator[tuple[int, str]]:
    """(line, absolute module name) of every import in a source file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path, root)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            # "from relay import protocol" imports the module relay.protocol.
            for alias in node.names:
                candidate = f"{module}.{alias.name}"
                yield node.lineno, candidate if layer_of(candidate) == "relay.protocol" \
                    else module


def sources(root: Path = SRC) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if ".egg-info" not in str(p))


def test_every_source_file_is_in_a_layer() -> None:
    """A new top-level package must be placed in the layering before it can be imported."""
    assert sources()
    assert not [str(p) for p in sources() if layer_of(module_name(p)) is None]


def violations(root: Path = SRC) -> list[str]:
    found = []
    stdlib = sys.stdlib_module_names
    for path in sources(root):
        rel = path.relative_to(root).as_posix()
        layer = layer_of(module_name(path, root))
        assert layer is not None
        allowed_here = EXCEPTIONS.get(rel, {})
        for line, imported in imports_of(path, root):
            top = imported.split(".")[0]
            target = layer_of(imported)
            where = f"{rel}:{line} imports {imported}"
            if any(imported == a or imported.startswith(a + ".") for a in allowed_here):
                continue
            if target is not None:
                if target != layer and target not in MAY_IMPORT[layer]:
                    found.append(f"{where}: {layer} may not import {target}")
            elif top in stdlib or top == "__future__":
                if layer in PURE_LIBRARIES and top in IO_STDLIB:
                    found.append(f"{where}: {layer} is pure (no I/O modules)")
            elif layer in PURE_LIBRARIES and top not in PURE_LIBRARIES[layer]:
                found.append(f"{where}: {layer} is pure; {top} is not on its list")
    return found


def test_imports_follow_the_layering() -> None:
    """protocol is a stdlib leaf; referrals and figures are pure; the relay never imports the
    console or the CLI; the console reaches the relay only through relay.protocol."""
    assert violations() == []


def test_the_checker_sees_lazy_relative_and_impure_imports(tmp_path: Path) -> None:
    """Imports inside a function, relative imports and I/O libraries in a pure layer count."""
    (tmp_path / "console").mkdir()
    (tmp_path / "console" / "probe.py").write_text(
        "def f() -> None:\n    from relay.server import Relay\n", encoding="utf-8")
    (tmp_path / "relay").mkdir()
    (tmp_path / "relay" / "probe.py").write_text("from ..console import app\n", encoding="utf-8")
    (tmp_path / "referrals").mkdir()
    (tmp_path / "referrals" / "probe.py").write_text("import sqlite3\nimport rich\n",
                                                      encoding="utf-8")
    assert violations(tmp_path) == [
        "console/probe.py:2 imports relay.server: console may not import relay",
        "referrals/probe.py:1 imports sqlite3: referrals is pure (no I/O modules)",
        "referrals/probe.py:2 imports rich: referrals is pure; rich is not on its list",
        "relay/probe.py:1 imports console: relay may not import console",
    ]


def test_exceptions_are_still_needed() -> None:
    """An exception nobody needs any more is removed, so the list stays honest."""
    for rel, modules in EXCEPTIONS.items():
        imported = {m for _, m in imports_of(SRC / rel)}
        for module in modules:
            assert any(i == module or i.startswith(module + ".") for i in imported), (rel, module)


# -- what importing really loads ---------------------------------------------------------------


def loaded_after(statement: str) -> set[str]:
    """Modules loaded by ``statement`` beyond those a bare interpreter starts with (a .pth
    file in the environment may load a few at start-up)."""
    code = ("import sys, json\nbefore = set(sys.modules)\n"
            f"{statement}\n"
            "print(json.dumps(sorted(set(sys.modules) - before)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def tops(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_protocol_module_is_a_leaf() -> None:
    """relay.protocol loads nothing of ours but itself, and no library outside the stdlib."""
    loaded = loaded_after("import relay.protocol")
    ours = {m for m in loaded if layer_of(m) is not None}
    assert ours == {"relay", "relay.protocol"}
    assert tops(loaded) <= set(sys.stdlib_module_names) | {"relay"}


@pytest.mark.parametrize("package", ["vocabulary", "referrals", "figures", "figures.report"])
def test_pure_packages_load_no_io_library(package: str) -> None:
    """The referral engine and the figures load no server, storage, network or UI library."""
    loaded = tops(loaded_after(f"import {package}"))
    assert not loaded & {"websockets", "aiosqlite", "sqlite3", "textual", "rich", "typer",
                         "argon2", "console", "lotsen"}
    assert "relay.server" not in loaded_after(f"import {package}")


def test_relay_server_never_imports_textual_or_the_console() -> None:
    """The relay runs without the console's UI toolkit, and without the console itself."""
    loaded = loaded_after("import relay.server, relay.triage, relay.question_desk")
    assert not tops(loaded) & {"textual", "console", "lotsen"}


def test_the_relay_on_sqlite_never_imports_the_postgres_driver() -> None:
    """PostgreSQL's driver is an optional extra: a relay on a SQLite file runs without it."""
    loaded = loaded_after("import relay.server, lotsen.cli.serve, lotsen.cli.ops\n"
                          "from relay.storage import open_storage\n"
                          "open_storage(__import__('pathlib').Path('x.db'), relay=True)")
    assert not loaded & {"psycopg", "psycopg_pool", "psycopg_binary"}


@pytest.mark.parametrize("module", ["console.app", "console"])
def test_console_never_imports_the_server(module: str) -> None:
    """The console talks to the relay only through the protocol module, never its server."""
    modules = loaded_after(f"import {module}")
    relay_side = {m for m in modules if m.startswith("relay.")}
    assert relay_side <= {"relay.protocol"}
    assert not tops(modules) & {"aiosqlite", "websockets.asyncio.server", "lotsen"}
