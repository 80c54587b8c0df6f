"""Regenerate the two generated blocks in the widget's JavaScript, or check they are current.

- ``widget-panel.js`` carries the wire protocol's version, text limit and frame type names
  (``relay.protocol``), between ``/* lotsen:protocol`` and ``/* lotsen:protocol:end */``.
- ``widget.js`` (the loader) pins ``widget-panel.js`` by its subresource-integrity hash,
  between ``/* lotsen:panel`` and ``/* lotsen:panel:end */``; so the SRI hash on the embed
  tag that ``lotsen widget snippet`` prints covers the panel too.
- ``widget-selftest.js`` is built whole: ``widget-selftest.src.js`` with the instruments
  from ``selftests/*.json`` in its ``/* lotsen:selftests`` block, minified by rjsmin
  (whitespace and comments only) to keep within its size budget; ``widget-panel.js`` pins it
  by its SRI hash (``/* lotsen:selftest``): data -> self-test bundle -> panel -> loader.

Run ``python -m widget.build`` after editing widget-panel.js, widget-selftest.src.js, a file
in selftests/ or relay/protocol.py;
``python -m widget.build --check`` (and tests/widget/test_protocol_sync.py) fail until you do.
The loader and the panel are hand-written and shipped as is.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path
from typing import Any

from widget import asset

LOADER = "widget.js"
PANEL = "widget-panel.js"
SELFTEST = "widget-selftest.js"
SELFTEST_SOURCE = "widget-selftest.src.js"
# The fields of an instrument file the browser needs; source and licence stay in the file.
SELFTEST_FIELDS = ("id", "name", "title", "intro", "credit", "items", "subscores", "groups",
                   "bands")
QUESTIONS = "widget-questions.js"  # fetched by the panel, pinned there by its SRI hash
COMMAND = "python -m widget.build"

_BLOCK = re.compile(
    r"(/\* lotsen:(?P<name>\w+) \(generated[^\n]*\*/\n)(?P<body>.*?)(/\* lotsen:(?P=name):end \*/)",
    re.S)


def sri(data: bytes) -> str:
    """The subresource-integrity value of ``data``: ``sha384-`` and the base64 digest."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


def protocol_block() -> str:
    """The panel's constants block as generated from ``relay.protocol``."""
    from relay import protocol

    types = protocol.frame_types()
    incoming = " ".join(types["relay_to_visitor"])
    outgoing = " ".join(types["visitor_to_relay"])
    return (f"const V={protocol.PROTOCOL_VERSION},MAX_TEXT={protocol.MAX_TEXT_CHARS},"
            f'IN="{incoming}",OUT="{outgoing}";\n')


def panel_block(panel_source: bytes) -> str:
    """The loader's block that pins the panel script by its SRI hash."""
    return f'const PANEL="{sri(panel_source)}";\n'


def selftests_block(folder: Path | None = None) -> str:
    """The self-test bundle's data block, built from the instrument files (validated).

    The instruments keep the files' shape, but each ``{"sv": ..., "en": ..., "nb": ...}``
    text becomes an index into ``STR[lang]``: one list of strings per language, each string
    once, and an item's options are ``[score, text]`` pairs. Texts of a language side by side
    compress far better (the bundle's size budget).
    """
    import json

    from relay.protocol import LANGUAGES
    from widget.selftest import instruments

    strings: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    index: dict[tuple[str, ...], int] = {}

    def pack(value: Any) -> Any:
        if isinstance(value, dict) and set(value) == set(LANGUAGES):
            key = tuple(value[lang] for lang in LANGUAGES)
            if key not in index:
                index[key] = len(index)
                for lang in LANGUAGES:
                    strings[lang].append(value[lang])
            return index[key]
        if isinstance(value, dict):
            return {k: pack(v) for k, v in value.items()}
        if isinstance(value, list):
            return [pack(v) for v in value]
        return value

    tests = [pack({key: data[key] for key in SELFTEST_FIELDS if key in data})
             for data in instruments(folder).values()]
    for test in tests:  # an item's options as [score, text]: the most repeated shape
        for item in test["items"]:
            item["options"] = [[option["score"], option["text"]] for option in item["options"]]
    def compact(value: Any) -> str:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)

    return f"const STR={compact(strings)},\nTESTS={compact(tests)};\n"


def build_selftest(source: str, folder: Path | None = None) -> str:
    """widget-selftest.js from its source and the instrument files."""
    try:
        import rjsmin  # type: ignore[import-untyped]
    except ModuleNotFoundError:
        raise SystemExit("the self-test bundle is minified with rjsmin: "
                         "pip install -e '.[test]'") from None
    code = replace_block(source, "selftests", selftests_block(folder))
    return str(rjsmin.jsmin(code, keep_bang_comments=True)) + "\n"


def selftest_block(selftest_source: bytes) -> str:
    """The panel's block that pins the self-test bundle by its SRI hash."""
    return f'const SELFTEST="{sri(selftest_source)}";\n'


def block(source: str, name: str) -> str:
    """The current body of the generated block ``name`` in ``source``."""
    for match in _BLOCK.finditer(source):
        if match.group("name") == name:
            return match.group("body")
    raise ValueError(f"no generated block '{name}' found; restore its marker comments")


def replace_block(source: str, name: str, body: str) -> str:
    block(source, name)  # raises when the markers are missing
    return _BLOCK.sub(
        lambda m: m.group(1) + body + m.group(4) if m.group("name") == name else m.group(0),
        source)


def generate(directory: Path | None = None) -> dict[Path, str]:
    """The widget files as they should be: {path: text}, in hashing order (the self-test and
    question bundles, then the panel that pins them, then the loader that pins the panel)."""
    panel_path = directory / PANEL if directory else asset(PANEL)
    loader_path = directory / LOADER if directory else asset(LOADER)
    selftest_path = directory / SELFTEST if directory else asset(SELFTEST)
    source_path = directory / SELFTEST_SOURCE if directory else asset(SELFTEST_SOURCE)
    questions_path = directory / QUESTIONS if directory else asset(QUESTIONS)
    selftest = build_selftest(source_path.read_text(encoding="utf-8"),
                              directory / "selftests" if directory else None)
    questions = replace_block(questions_path.read_text(encoding="utf-8"), "protocol",
                              protocol_block())
    panel = replace_block(panel_path.read_text(encoding="utf-8"), "protocol", protocol_block())
    panel = replace_block(panel, "selftest", selftest_block(selftest.encode("utf-8")))
    panel = replace_block(panel, "questions",
                          f'const QUESTIONS="{sri(questions.encode("utf-8"))}";\n')
    loader = replace_block(loader_path.read_text(encoding="utf-8"), "panel",
                           panel_block(panel.encode("utf-8")))
    return {selftest_path: selftest, questions_path: questions, panel_path: panel,
            loader_path: loader}


def stale(directory: Path | None = None) -> list[Path]:
    """The widget files whose generated blocks are out of date."""
    return [path for path, text in generate(directory).items()
            if not path.exists() or path.read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    from widget.selftest import SelftestError

    args = sys.argv[1:] if argv is None else argv
    try:
        return _run(args)
    except SelftestError as error:  # a broken instrument file: say where, build nothing
        print(f"{error}\nfix the file and run {COMMAND} again", file=sys.stderr)
        return 1


def _run(args: list[str]) -> int:
    if args == ["--check"]:
        out_of_date = stale()
        for path in out_of_date:
            print(f"{path.name} is out of date: run {COMMAND}", file=sys.stderr)
        return 1 if out_of_date else 0
    if args:
        print(f"usage: {COMMAND} [--check]", file=sys.stderr)
        return 2
    for path, text in generate().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"updated {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
