"""Key bindings in the person's language.

Bindings are declared once, in English, with an ``id`` (posting's style). At mount time
``translate_bindings`` swaps each description and tooltip for the i18n text
``key.<id>`` / ``key.<id>.tip``, so the footer, the help screen and the command palette all
speak Swedish, English or Norwegian without three copies of every binding list.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from console import i18n


def text_key(binding_id: str) -> str:
    return "key." + binding_id.replace("-", "_")


def describe(binding: Binding) -> tuple[str, str]:
    """The translated description and tooltip of a binding (its own text if not in the catalog)."""
    if binding.id and i18n.has(text_key(binding.id)):
        key = text_key(binding.id)
        tip = i18n.t(key + ".tip") if i18n.has(key + ".tip") else binding.tooltip
        return i18n.t(key), tip
    return binding.description, binding.tooltip


def translate_bindings(node: DOMNode) -> None:
    """Replace a node's binding descriptions with the current language's words."""
    key_to_bindings = node._bindings.key_to_bindings
    for key, bindings in list(key_to_bindings.items()):
        # A fresh list: the per-instance map shares its lists with the class-level one.
        key_to_bindings[key] = [
            replace(binding, description=description, tooltip=tooltip)
            for binding in bindings
            for description, tooltip in [describe(binding)]
        ]
