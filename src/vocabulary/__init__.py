"""The words more than one part of Lotsen shows, in Swedish, English and Norwegian (bokmål).

key: (sv, en, nb), in the order of ``relay.protocol.LANGUAGES``. Weekdays, the roles a visitor
can choose, the languages, "unknown" and the word the relay names visitors with ("Besökare 12")
each have one home here. The console's catalog (``console.i18n``), the evaluation report's
(``figures.report_text``), ``lotsen stats``'s (``lotsen.cli.stats_text``) and the relay take
them from here, so a word is corrected once and the three surfaces cannot drift apart.
Pure: standard library and the protocol's codes only.
"""

from __future__ import annotations

from relay.protocol import LANGUAGES, ROLES

Words = tuple[str, str, str]

UNKNOWN: Words = ("okänt", "unknown", "ukjent")

WORDS: dict[str, Words] = {
    # -- weekdays (relay.protocol.WEEKDAYS); lower case where the language writes them so ------
    "day.monday": ("måndag", "Monday", "mandag"),
    "day.tuesday": ("tisdag", "Tuesday", "tirsdag"),
    "day.wednesday": ("onsdag", "Wednesday", "onsdag"),
    "day.thursday": ("torsdag", "Thursday", "torsdag"),
    "day.friday": ("fredag", "Friday", "fredag"),
    "day.saturday": ("lördag", "Saturday", "lørdag"),
    "day.sunday": ("söndag", "Sunday", "søndag"),
    # -- who writes (relay.protocol.ROLES): the short word staff pick and see ------------------
    "role.self": ("själv", "self", "seg selv"),
    "role.relative": ("anhörig", "relative", "pårørende"),
    "role.child": ("barn", "child", "barn"),
    "role.professional": ("yrkesperson", "professional", "fagperson"),
    "role.unknown": UNKNOWN,
    # -- who writes, in figures: the two roles a bare word would leave unclear -----------------
    "who.self": ("själv (den som har problemet)", "self (the person with the problem)",
                 "seg selv (den som har problemet)"),
    "who.child": ("barn (anhörig under 18)", "child (relative under 18)",
                  "barn (pårørende under 18)"),
    # -- languages (relay.protocol.LANGUAGES) --------------------------------------------------
    "lang.sv": ("svenska", "Swedish", "svensk"),
    "lang.en": ("engelska", "English", "engelsk"),
    "lang.nb": ("norska", "Norwegian", "norsk"),
    "lang.unknown": UNKNOWN,
    # -- the relay names each waiting visitor "<word> <number>" --------------------------------
    "alias.visitor": ("Besökare", "Visitor", "Besøkende"),
}
# The other roles read the same in figures as in the queue.
for _role in (*ROLES, "unknown"):
    WORDS.setdefault(f"who.{_role}", WORDS[f"role.{_role}"])


def word(key: str, lang: str) -> str:
    """The word for ``key`` in ``lang`` (Swedish when the language is not one of ours)."""
    return WORDS[key][LANGUAGES.index(lang) if lang in LANGUAGES else 0]


def capitalised(words: Words) -> Words:
    """The same words starting with a capital letter, as a table row heading writes them."""
    sv, en, nb = (w[:1].upper() + w[1:] for w in words)
    return sv, en, nb

