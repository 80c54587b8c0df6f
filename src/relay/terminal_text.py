"""Text from other people made safe to print on a terminal or into a file someone reads.

Anything a visitor, a staff client or an unauthenticated caller could have written (audit
actors and details, transcript lines, topic tags) may carry terminal escape sequences (set the
clipboard with OSC 52, retitle the window, erase a line and forge another), bidirectional
overrides or invisible characters. ``visible()`` replaces each such character with its escape
written out (``\\x1b``, ``\\u202e``), so it is seen, never obeyed; ordinary text of any
language, emoji included, is left as it is. Rich markup is a separate matter: print with
``markup=False`` or as ``rich.text.Text``.

A stdlib-only leaf module (the relay's CLI and server use it; so may the console).
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls and DEL; \n and \t are decided by the caller.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Characters shown as nothing or that reorder text: format (Cf: bidi controls, zero-width,
# tag characters, BOM, soft hyphen), line/paragraph separators, lone surrogates.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Zl", "Zp", "Cs"})


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control, format and separator character written out as an escape.

    With ``keep_newlines`` a ``\\n`` (and a tab) stays as it is, for multi-line text such as a
    transcript line; otherwise it is written out too, so one value stays on one line.
    """
    out = []
    for char in text:
        if char in "\n\t" and keep_newlines:
            out.append(char)
        elif _CONTROL.match(char) or char in "\n\t" or (
                ord(char) > 0x9f and unicodedata.category(char) in _INVISIBLE_CATEGORIES):
            out.append(_escape(char))
        else:
            out.append(char)
    return "".join(out)


def visible_value(value: object) -> object:
    """``visible`` for strings (and the strings in lists), other values unchanged (JSON)."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, list):
        return [visible_value(item) for item in value]
    if isinstance(value, dict):
        return {visible(str(k)): visible_value(v) for k, v in value.items()}
    return value
