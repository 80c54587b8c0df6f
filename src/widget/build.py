"""Regenerate the two generated blocks in the widget's JavaScript, or check they are current.

- ``widget-panel.js`` carries the wire protocol's version, text limit and frame type names
  (``relay.protocol``), between ``/* lotsen:protocol`` and ``/* lotsen:protocol:end */``.
- ``widget.js`` (the loader) pins ``widget-panel.js`` by its subresource-integrity hash,
  between ``/* lotsen:panel`` and ``/* lotsen:panel:end */``; so the SRI hash on the embed
  tag that ``lotsen widget snippet`` prints covers the panel too.

Run ``python -m widget.build`` after editing widget-panel.js or relay/protocol.py;
``python -m widget.build --check`` (and tests/widget/test_protocol_sync.py) fail until you do.
The JavaScript is hand-written and shipped as is: there is no minifier to run.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path

from widget import asset

LOADER = "widget.js"
PANEL = "widget-panel.js"
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
    """The widget files as they should be: {path: text}, panel first (the loader hashes it)."""
    panel_path = directory / PANEL if directory else asset(PANEL)
    loader_path = directory / LOADER if directory else asset(LOADER)
    panel = replace_block(panel_path.read_text(encoding="utf-8"), "protocol", protocol_block())
    loader = replace_block(loader_path.read_text(encoding="utf-8"), "panel",
                           panel_block(panel.encode("utf-8")))
    return {panel_path: panel, loader_path: loader}


def stale(directory: Path | None = None) -> list[Path]:
    """The widget files whose generated blocks are out of date."""
    return [path for path, text in generate(directory).items()
            if path.read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--check"]:
        out_of_date = stale()
        for path in out_of_date:
            print(f"{path.name} is out of date: run {COMMAND}", file=sys.stderr)
        return 1 if out_of_date else 0
    if args:
        print(f"usage: {COMMAND} [--check]", file=sys.stderr)
        return 2
    for path, text in generate().items():
        if path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"updated {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
