"""Concept classes for urgency triage, read from one commented TOML file per language.

The files (``concepts/sv.toml``, ``nb.toml``, ``en.toml``) are data that clinicians can review
without reading code. Each holds two kinds of tables:

- ``[urgent.<kind>]``: phrases that on their own make a conversation urgent;
- ``[concept.<name>]``: classes of lemmas and stems (death, wishing, time, substances, violence,
  family, being alone ...) that the engine combines by rules over a sentence and the
  neighbouring lines (``referrals.engine``);
- ``[topic.<category>]``: the words that make a directory category fit a conversation, for
  suggestions, grouped as ``strong``, ``normal`` and ``weak``.

Every class has ``terms``, a list of patterns in the syntax of ``referrals.lexicon``; a topic
has at least one of its three lists.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Final

CONCEPT_LANGS: Final = ("sv", "nb", "en")
FORMAT: Final = 1


class ConceptFileError(ValueError):
    """A concept file that cannot be used; the message names the file and the table."""


@dataclass(frozen=True, slots=True)
class ConceptClasses:
    """Every class of every language: ``urgent[kind][lang]`` and ``concepts[name][lang]``."""

    urgent: Mapping[str, Mapping[str, tuple[str, ...]]]
    concepts: Mapping[str, Mapping[str, tuple[str, ...]]]
    topics: Mapping[str, Mapping[str, Mapping[str, tuple[str, ...]]]]
    """``topics[category][lang][strength]``: strength is ``strong``, ``normal`` or ``weak``."""


def _read(lang: str) -> dict[str, object]:
    name = f"{lang}.toml"
    text = resources.files("referrals").joinpath("concepts", name).read_text("utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConceptFileError(f"concepts/{name}: {error}") from None


def _tables(lang: str, data: Mapping[str, object], key: str) -> dict[str, tuple[str, ...]]:
    tables = data.get(key, {})
    if not isinstance(tables, Mapping):
        raise ConceptFileError(f"concepts/{lang}.toml: [{key}] must be a table of classes")
    found: dict[str, tuple[str, ...]] = {}
    for name, table in tables.items():
        terms = table.get("terms") if isinstance(table, Mapping) else None
        if not isinstance(terms, list) or not all(isinstance(t, str) and t for t in terms):
            raise ConceptFileError(
                f"concepts/{lang}.toml: [{key}.{name}] needs terms = a list of patterns"
            )
        found[name] = tuple(terms)
    return found


TOPIC_STRENGTHS: Final = ("strong", "normal", "weak")


def _topic_tables(lang: str, data: Mapping[str, object]) -> dict[str, dict[str, tuple[str, ...]]]:
    tables = data.get("topic", {})
    if not isinstance(tables, Mapping):
        raise ConceptFileError(f"concepts/{lang}.toml: [topic] must be a table of categories")
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    for category, table in tables.items():
        if not isinstance(table, Mapping) or not table or set(table) - set(TOPIC_STRENGTHS):
            raise ConceptFileError(
                f"concepts/{lang}.toml: [topic.{category}] takes only "
                f"{', '.join(TOPIC_STRENGTHS)}, each a list of patterns"
            )
        grouped: dict[str, tuple[str, ...]] = {}
        for strength, terms in table.items():
            if not isinstance(terms, list) or not all(isinstance(t, str) and t for t in terms):
                raise ConceptFileError(
                    f"concepts/{lang}.toml: [topic.{category}] {strength} must be a list of "
                    "patterns"
                )
            grouped[strength] = tuple(terms)
        found[category] = grouped
    return found


@functools.cache
def load_concepts() -> ConceptClasses:
    """The shipped concept classes of all three languages (read once, then cached)."""
    urgent: dict[str, dict[str, tuple[str, ...]]] = {}
    concepts: dict[str, dict[str, tuple[str, ...]]] = {}
    topics: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {}
    for lang in CONCEPT_LANGS:
        data = _read(lang)
        if data.get("format", FORMAT) != FORMAT:
            raise ConceptFileError(f"concepts/{lang}.toml: format must be {FORMAT}")
        for kind, terms in _tables(lang, data, "urgent").items():
            urgent.setdefault(kind, {})[lang] = terms
        for name, terms in _tables(lang, data, "concept").items():
            concepts.setdefault(name, {})[lang] = terms
        for category, grouped in _topic_tables(lang, data).items():
            topics.setdefault(category, {})[lang] = grouped
    return ConceptClasses(urgent, concepts, topics)
