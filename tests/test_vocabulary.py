"""One vocabulary: days, roles, languages and the visitor alias word have one home."""

from __future__ import annotations

import re
from pathlib import Path

from relay import protocol
from vocabulary import WORDS, word

SRC = Path(__file__).resolve().parents[1] / "src"


def test_every_code_of_the_protocol_has_its_word_in_three_languages() -> None:
    """Each weekday, role and language the protocol knows has a word in sv, en and nb."""
    keys = ([f"day.{d}" for d in protocol.WEEKDAYS] + [f"role.{r}" for r in protocol.ROLES]
            + [f"who.{r}" for r in protocol.ROLES]
            + [f"lang.{lang}" for lang in protocol.LANGUAGES])
    for key in keys:
        assert len(WORDS[key]) == 3 and all(w.strip() for w in WORDS[key]), key


def test_no_other_table_defines_a_shared_word() -> None:
    """A catalog key written as a table entry anywhere else in src/ is a second home."""
    entry = re.compile(r'^\s*"((?:day|role|who|lang|alias)\.[a-z_]+)":', re.M)
    found = []
    for path in SRC.rglob("*.py"):
        if path.is_relative_to(SRC / "vocabulary"):
            continue
        found += [f"{path.relative_to(SRC)}: {key}" for key in
                  entry.findall(path.read_text(encoding="utf-8")) if key in WORDS]
    assert found == []


def test_every_surface_shows_the_shared_words() -> None:
    """The console, lotsen stats, the report and the relay's alias take the same words."""
    from console import i18n
    from figures.report_text import TEXT as REPORT
    from lotsen.cli.stats_text import Words
    from relay.hub import ALIAS_WORD

    i18n.set_language("nb")
    try:
        assert i18n.t("role.child") == "barn" and i18n.t("lang.nb") == word("lang.nb", "nb")
    finally:
        i18n.set_language("sv")
    assert Words("sv")("day.monday") == "Måndag" and Words("en")("who.child") == \
        "child (relative under 18)"
    assert REPORT["lang.sv"] == WORDS["lang.sv"]
    assert ALIAS_WORD == {"sv": "Besökare", "en": "Visitor", "nb": "Besøkende"}
