"""Built-in language knowledge for referral suggestions and urgency: words, phrases and cues.

The topic words themselves are data in ``concepts/<lang>.toml`` (``[topic.<category>]``),
curated from the research notes (docs/referrals.md cites them) and meant to be reviewed by
clinicians; this module loads them and holds the grammar around them (negations,
affirmatives, spelling variants). The topic words are shared by every directory: a service
listed under a category is found through them, and its own ``triggers`` in the directory add
service-specific words (its name, a feature it is known for).

Pattern syntax (the same in directory ``triggers``):

- ``word``      the word and its inflections (same Snowball stem in that language); in Swedish
                and Norwegian also compounds that end with it when its stem has 5+ letters
                (``beroende`` finds ``spelberoende``); one phone-keyboard typo is forgiven for
                stems of 5+ letters.
- ``word*``     any word that starts with ``word`` (compound modifiers: ``spel*``).
- ``*word``     any word that ends with ``word`` (compound heads: ``*öl`` finds ``mellanöl``).
- ``=word``     exactly this form: no stemming, compounds or typos.
- ``a|b``       either word at this position.
- ``~``         one optional word may stand here, unless it is a negation (``vill ~ dö`` finds
                "vill bara dö" but not "vill inte dö").
- ``...``       up to three words may stand here, no negation and no punctuation between.

- ``#``         a number of 6 or more, a count rather than a dose ("tagit 20 tabletter").

Words of a phrase are otherwise adjacent. Norwegian patterns are written in bokmål; the
nynorsk forms in ``NYNORSK_VARIANTS`` are accepted wherever the bokmål word stands.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from referrals.concepts import load_concepts

STRONG: Final = 2.0
NORMAL: Final = 1.0
WEAK: Final = 0.4


@dataclass(frozen=True, slots=True)
class Terms:
    """Patterns for one topic in one language, grouped by how strongly they point at it."""

    strong: tuple[str, ...] = ()
    normal: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()

    def weighted(self) -> list[tuple[str, float]]:
        """Every pattern with its weight."""
        return (
            [(p, STRONG) for p in self.strong]
            + [(p, NORMAL) for p in self.normal]
            + [(p, WEAK) for p in self.weak]
        )


# Topics: one entry per directory category, read from the ``[topic.<category>]`` tables of
# concepts/<lang>.toml (data that clinicians can review, like the urgency classes).


def _topics() -> dict[str, dict[str, Terms]]:
    topics: dict[str, dict[str, Terms]] = {}
    for category, by_lang in load_concepts().topics.items():
        topics[category] = {
            lang: Terms(
                strong=grouped.get("strong", ()),
                normal=grouped.get("normal", ()),
                weak=grouped.get("weak", ()),
            )
            for lang, grouped in by_lang.items()
        }
    return topics


TOPICS: Final[Mapping[str, Mapping[str, Terms]]] = _topics()
"""Topic words per category and language: what makes a service of that category fit."""


# Urgency: the phrases and concept classes live in concepts/<lang>.toml (referrals.concepts).

URGENT_KINDS: Final = (
    "suicide",
    "self_harm",
    "overdose",
    "medical",
    "violence",
    "child_at_risk",
    "goodbye",
    "third_party_danger",
)
"""Kinds of urgent situation, most pressing first; a reason starts with its kind's id."""

URGENCY_LABELS: Final[Mapping[str, str]] = {
    "suicide": "suicide risk",
    "self_harm": "self-harm",
    "overdose": "overdose",
    "medical": "acute medical danger",
    "violence": "violence in the home",
    "child_at_risk": "child at risk",
    "goodbye": "goodbye from someone unreachable",
    "third_party_danger": "someone in danger",
}
"""English names of the kinds, for the CLI; the console has its own sv/en/nb names."""

URGENCY_TOPIC_BOOSTS: Final[Mapping[str, Mapping[str, float]]] = {
    "suicide": {"suicide": 3.0, "emergency": 2.0},
    "self_harm": {"self_harm": 3.0, "suicide": 1.0, "emergency": 1.5},
    "overdose": {"emergency": 5.0},
    "medical": {"emergency": 5.0},
    "violence": {"emergency": 4.0, "violence": 1.5, "crime": 1.0},
    "child_at_risk": {"emergency": 3.0, "child_welfare": 2.0},
    "goodbye": {"emergency": 4.0, "suicide": 2.0},
    "third_party_danger": {"emergency": 4.0, "suicide": 1.0},
}
"""How much an urgent finding adds to topics, so that 112/113 rank first when it matters."""


NYNORSK_VARIANTS: Final[Mapping[str, tuple[str, ...]]] = {
    "noen": ("nokon",),
    "noe": ("noko",),
    "hvem": ("kven", "kem", "kæm"),
    "siden": ("sidan",),
    "nå": ("no",),
    "hva": ("kva",),
    "hvordan": ("korleis",),
    "hvis": ("viss", "om"),
    "selv": ("sjølv",),
    "mye": ("mykje",),
    "hjem": ("heim",),
    "hjemme": ("heime",),
    "være": ("vere",),
    "dø": ("døy",),
    "dør": ("døyr",),
    "tenker": ("tenkjer",),
    "tenke": ("tenkje",),
    "svarer": ("svarar",),
    "kommer": ("kjem",),
    "hun": ("ho",),
    # spoken forms written in chat (northern and western dialects)
    "skal": ("ska",),
    "drepe": ("drep",),
    # blind set 7: pronouns and forms of the north and the west, as chat writes them
    "meg": ("mæ", "mæg", "mej"),
    "deg": ("dæ", "dæg", "dej"),
    "seg": ("sæ", "sæg", "sej"),
    "jeg": ("eg", "æ", "jæ"),
    "er": ("e",),
    "mer": ("meir",),
    "ikke": ("ikkje", "itj", "ikkj"),
}
"""Nynorsk (and common dialect) forms accepted for bokmål words in Norwegian patterns."""

SWEDISH_CHAT_VARIANTS: Final[Mapping[str, tuple[str, ...]]] = {
    "är": ("e",),
    "något": ("nåt",),
    "någon": ("nån",),
    "och": ("o", "å"),
    "att": ("å",),
    "sedan": ("sen",),
    "dem": ("dom",),
    "mig": ("mej",),
    "dig": ("dej",),
    "sig": ("sej",),
    "mycket": ("mkt",),  # blind set 11: "hur mkt paracetamol som behövs"
}
"""Spoken forms Swedish chat writes ("hur högt det e från", "nåt", "o"), accepted for the
written word in Swedish patterns."""

NEGATIONS: Final[frozenset[str]] = frozenset(
    {
        # Swedish
        "inte",
        "int",
        "icke",
        "ej",
        "aldrig",
        "ingen",
        "inget",
        "inga",
        "inge",
        # Norwegian
        "ikke",
        "ikkje",
        "itj",
        "ikkj",
        "ik",
        "aldri",
        "ingenting",
        "intet",
        # English
        "not",
        "never",
        "no",
        "don't",
        "dont",
        "doesn't",
        "nobody",  # blind set 20 (fp20): "nobody is in danger"
        # blind set 22 (fp23): "he hasn't hit anyone", as "haven't" already was
        "hasn't",
        "hasnt",
        "hadn't",
        "hadnt",
        "nobody's",
        "nobodys",
        "noone",
        "doesnt",
        "didn't",
        "didnt",
        "won't",
        "wont",
        "isn't",
        "isnt",
        "aren't",
        "arent",
        "wasn't",
        "wasnt",
        "haven't",
        "havent",
        "nothing",
    }
)
"""Words that negate what follows them in the same clause ("jag vill inte dö")."""

CLAUSE_BREAKS: Final[frozenset[str]] = frozenset(
    {",", ";", ":", "men", "fast", "utan", "och", "eller", "but", "and", "or", "og", "så"}
)
"""Words and marks that end the reach of a negation and of gaps in phrases."""

SENTENCE_BREAKS: Final[frozenset[str]] = frozenset({".", "!", "?", "\n"})

# -- clauses without punctuation ------------------------------------------------------------------
# Phone-typed messages often have no full stop or comma at all ("jag försökte ta livet av mig för
# tio år sen idag mår jag bra"), and the scopes of negation, the clear past and takebacks would
# then run over the whole message. ``referrals.matching.implied_breaks`` finds where a new main
# clause starts from the words themselves, with these classes; see docs/referrals.md, "Scope".

SUBJECT_PRONOUNS: Final[frozenset[str]] = frozenset(
    {
        # Swedish
        "jag", "jg", "du", "han", "hon", "hen", "vi", "ni", "dom", "de",
        # Norwegian (bokmål, nynorsk, northern)
        "jeg", "eg", "æ", "hun", "ho", "dere", "dokker", "dei",
        # English
        "i", "he", "she", "we", "they", "you",
    }
)
"""Personal pronouns that are the subject of their clause (not "det"/"it": those are also
objects and articles)."""

SUBJECT_VERBS: Final[frozenset[str]] = frozenset(
    {
        "i'm", "im", "i've", "ive", "i'll", "i'd", "he's", "she's", "we're", "they're",
        "we've", "they've", "that's", "thats", "it's", "there's",
    }
)
"""English subject and finite verb in one word: a clause starts with them."""

ENGLISH_FINITE_VERBS: Final[frozenset[str]] = frozenset(
    {
        "am", "is", "are", "was", "were", "have", "has", "had", "do", "does", "did", "will",
        "would", "can", "could", "should", "must", "want", "wanted", "need", "needed", "feel",
        "felt", "think", "thought", "know", "knew", "tried", "live", "work", "keep", "kept",
        "can't", "cant", "don't", "dont", "didn't", "didnt", "won't", "wont", "haven't",
        "havent", "wasn't", "wasnt", "just", "really", "still", "also", "never",
    }
)
"""English finite verbs common enough to tell a clause by; the adverbs at the end stand between
"I" and its verb ("i just want help"), so after a subject they count as the verb. Only these
follow "i" as a subject: Swedish and Norwegian "i" is "in" ("i går", "i dag")."""

FINITE_VERBS: Final[frozenset[str]] = ENGLISH_FINITE_VERBS | frozenset(
    {
        # Swedish: the auxiliaries and the verbs chat clauses most often turn on
        "är", "e", "var", "har", "hade", "mår", "mådde", "vill", "ville", "ska", "skulle", "kan",
        "kunde", "måste", "blir", "blev", "får", "fick", "gör", "gjorde", "orkar", "orkade",
        "tänker", "tänkte", "känner", "kände", "vet", "visste", "bor", "jobbar", "tar", "tog",
        "går", "gick", "sitter", "satt", "ligger", "låg", "står", "stod", "finns", "fanns",
        "behöver", "brukar", "tycker", "tror", "trodde", "undrar", "säger", "sa", "sade",
        "försökte", "dricker", "drack", "lever", "pallar", "klarar", "känns", "kändes",
        # Norwegian
        "er", "hadde", "vil", "skal", "kunne", "måtte", "ble", "fikk", "gjør", "orker",
        "orket", "tenker", "tenkte", "føler", "følte", "veit", "jobber", "tok", "gikk", "lå",
        "sto", "finnes", "fins", "trenger", "pleier", "lurer", "sier", "prøvde", "forsøkte",
        "drikker", "drakk", "klarer", "kjenner",
    }
)
"""Finite verbs common enough to tell a clause by: a new subject followed by one starts a
clause, and a clause with one is whole. Not "må" (Swedish "må dåligt" is an infinitive)."""

RELATIVE_HEADS: Final[frozenset[str]] = frozenset(
    {
        "det", "den", "dem", "allt", "alt", "något", "nåt", "noe", "noko", "nånting", "sånt",
        "dagen", "gången", "gangen", "gongen", "natten", "kvällen", "kvelden", "året",
        "everything", "something", "anything", "nothing", "thing", "things", "way", "all",
        "day", "time", "night", "year", "one",
    }
)
"""Words a relative clause without "som"/"that" follows ("det jag gjorde", "noe han sier",
"den dagen jeg", "everything i do"): a subject after them does not start a main clause."""

DETERMINERS: Final[frozenset[str]] = frozenset(
    {
        "den", "det", "de", "denna", "denne", "detta", "dette", "en", "ett", "ei", "et", "varje",
        "hver", "hvert", "alla", "alle", "min", "mitt", "mina", "mine", "din", "sin", "sista",
        "siste", "första", "første", "enda", "eneste", "the", "a", "an", "this", "that", "these",
        "those", "every", "each", "any", "some", "my", "your", "his", "her", "our", "their",
        "last", "first", "only",
    }
)
"""Words that open a noun phrase: a subject up to three words after one may start a relative
clause about that noun ("den siste jula jeg er med på", "the only place i can talk")."""

NEW_CLAUSE_TIMES: Final[tuple[tuple[str, ...], ...]] = (
    ("nu",), ("idag",), ("i", "dag"), ("numera",), ("nå",), ("now",), ("today",),
    ("nowadays",), ("these", "days"),
)
"""Times that open a clause of the present after one of the past ("… för tio år sen idag mår
jag bra", "… for fem år siden nå har jeg det bra", "… ten years ago now i'm fine"): in Swedish
and Norwegian with the verb and subject after them, in English with the subject."""

CLAUSE_LINKS: Final[frozenset[str]] = frozenset(
    {
        # Swedish and Norwegian: subordinators, conjunctions and prepositions before a subject
        "att", "at", "som", "när", "når", "om", "ifall", "hvis", "dersom", "eftersom", "fordi",
        "för", "for", "medan", "mens", "innan", "før", "tills", "til", "då", "da", "så", "sa",
        "men", "och", "o", "å", "og", "eller", "fast", "utan", "än", "enn", "även",
        "selv", "hur", "hvordan", "vad", "hva", "varför", "hvorfor", "var", "hvor", "vem",
        "hvem", "vilken", "hvilken", "sen", "siden", "sedan", "nu", "nå", "bara", "bare",
        "förrän", "efter", "etter", "rädd", "rädda", "redd", "orolig", "bekymret",
        "säker", "sikker", "där", "der", "vart", "kven", "kva", "kor", "korleis", "kvifor",
        # verbs that take a clause, in forms the finite verbs do not list
        "hoppas", "önskar", "önska", "ønske", "ønsker", "håper", "trur", "skrev", "skriver",
        "berättade", "skrek", "menade", "påstod", "fortalte", "forteller", "ropte", "mente",
        "skreik",
        # the same typed without å/ä/ö
        "nar", "an", "aven", "forran", "radd",
        # English
        "that", "if", "when", "because", "cause", "cos", "cuz", "bc", "coz", "since", "as",
        "and", "but", "or", "so", "before", "after", "until", "till", "where", "what", "why",
        "how", "who", "which", "whether", "than", "like", "while", "once", "unless", "though",
        "tho", "although", "even", "wish", "hope", "guess", "say", "said", "says", "mean",
        "tell", "told", "sure", "afraid", "worried", "scared", "glad", "sorry", "swear",
        "promise", "realise", "realize", "feels", "seems", "seemed", "then", "maybe",
        "honestly", "sometimes", "tonight", "today", "ngl", "tbh", "idk", "dunno", "wonder",
        "hoping", "hoped", "thinking", "wishing", "wished", "decided", "realised", "realized",
        "noticed", "knowing", "praying", "pretend", "wrote", "writes", "texted", "posted",
        "messaged", "screamed", "shouted", "yelled", "admitted", "claimed", "mentioned",
        "believed", "believes", "replied", "answered", "insisted", "warned", "threatened",
    }
)
"""Words after which a subject goes on the sentence rather than starting a new one ("vet inte
om jag …", "he said i …", "he wrote he wanted to die": what is said or written; "sometimes i
…": the adverb opens the subject's own clause)."""

AFFIRMATIVES: Final[frozenset[str]] = frozenset(
    {
        "ja",
        "japp",
        "jepp",
        "jo",
        "jaa",
        "jaaa",
        "mm",
        "mhm",
        "typ",
        "kanske",
        "ibland",
        "ofta",
        "jada",
        "kanskje",
        "ofte",
        "yes",
        "yea",
        "yeh",
        "yh",
        "jup",
        "jupp",
        "ja.",
        "absolut",
        "definitivt",
        "definitely",
        "lite",
        "litt",
        "yeah",
        "yep",
        "yup",
        "ya",
        "maybe",
        "sort",
        "sorta",
        "kinda",
        "kind",
        "liksom",
        "sometimes",
        "often",
    }
)
"""First words of a visitor's answer that count as "yes" to a staff member's risk question."""

FIRST_PERSON: Final[frozenset[str]] = frozenset({"jag", "jg", "jeg", "i", "eg"})
COPULAS: Final[frozenset[str]] = frozenset({"är", "ar", "e", "er", "am", "is"})
FIRST_PERSON_COPULAS: Final[frozenset[str]] = frozenset({"i'm", "im"})
AGE_WORDS_AFTER: Final[frozenset[str]] = frozenset(
    {"år", "ar", "åring", "åringen", "årig", "years", "year", "yo", "åringar", "årsåldern"}
)
"""Words after a number that make it an age ("14 år", "14-åring", "14 years old")."""
AGE_WORDS_BEFORE: Final[frozenset[str]] = frozenset({"på", "pa", "är", "er", "is", "aged", "age"})
"""Words before a number that make it the age of the person talked about ("son på 16")."""
AGE_NOUNS: Final[frozenset[str]] = frozenset(
    {
        "son", "sonen", "dotter", "dottern", "barn", "barnet", "grabben", "tjejen", "killen",
        "sønn", "sønnen", "datter", "dattera", "datteren", "jenta", "gutten", "veslejenta",
        "kid", "son's", "daughter", "child", "boy", "girl", "brother", "sister", "lillebror",
        "lillasyster", "lillebroren", "lillesøster", "bror", "syster", "søster", "brorsan",
        # blind set 12 (tri12): parents and grandparents ("Mor (81) har demens")
        "mor", "mora", "moren", "far", "faren", "fars", "mamma", "mammas", "pappa", "mamman",
        "pappan", "mum", "mom", "mother", "dad", "father", "mormor", "farmor", "morfar",
        "farfar", "bestemor", "bestefar", "grandma", "grandmother", "grandpa", "grandfather",
    }
)
"""Words right before a number that make it that person's age ("min son 16", "my kid (3)",
"Mor (81)")."""

LANGUAGE_MARKERS: Final[Mapping[str, frozenset[str]]] = {
    "sv": frozenset(
        {
            "jag",
            "inte",
            "och",
            "är",
            "att",
            "mig",
            "dig",
            "vad",
            "hur",
            "någon",
            "något",
            "också",
            "mycket",
            "själv",
            "hjälp",
            "kan",
            "vill",
            "orkar",
            "mår",
            "hon",
            "eller",
            "vet",
        }
    ),
    "nb": frozenset(
        {
            "jeg",
            "ikke",
            "og",
            "er",
            "meg",
            "deg",
            "hva",
            "hvordan",
            "noen",
            "noe",
            "også",
            "mye",
            "selv",
            "hjelp",
            "kan",
            "vil",
            "orker",
            "hun",
            "eller",
            "vet",
            "ikkje",
            "eg",
        }
    ),
    "en": frozenset(
        {
            "i",
            "the",
            "and",
            "is",
            "my",
            "to",
            "not",
            "me",
            "you",
            "what",
            "how",
            "of",
            "it",
            "that",
            "with",
            "have",
            "he",
            "she",
            "help",
            "can",
            "want",
            "don't",
            "i'm",
        }
    ),
}
"""Frequent function words used to guess a conversation's language when none is given."""
