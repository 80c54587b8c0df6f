"""Referral suggestions and urgency triage for one conversation (pure: no I/O, no clock).

The relay calls ``SuggestionEngine.urgency()`` on every visitor message while a visitor waits,
to lift urgent conversations to the top of the queue; the console calls ``suggest()`` on every
message to show staff the services that fit best, with the words that made them fit. Nothing
here is ever sent to a visitor, and nothing is stored: the only state is a bounded cache of
per-line and per-word analysis, which ``clear_cache()`` empties.

How a suggestion is scored (details in docs/referrals.md):

1. Each line is matched against the built-in lexicon (``referrals.lexicon``) and the
   directory's trigger words. A line's weight falls with age (recent lines count more) and is
   lower for staff lines; matches after a negation count half.
2. Matches add up per topic (a directory category). Who is writing (the stated role, an age,
   "I am a teacher") and the words around ("min pappa" + alcohol from a 12-year-old) add topics
   such as ``children_of_parents``.
3. A service scores its best category plus a share of the others, plus its own trigger words,
   times how well its audience fits the writer. Only services of the conversation's country
   (from its language, a place named, or the directory's default) are suggested.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal, TypeVar

from referrals import lexicon, rules
from referrals.concepts import load_concepts
from referrals.directory import ANY_COUNTRY, Directory, Service
from referrals.matching import LANGS, Match, PatternMatcher, implied_breaks, tokenize
from referrals.matching import is_number as _is_number
from referrals.model import (
    FUNCTION_WORDS,
    LineFeatures,
    ModelLine,
    ModelVerdict,
    TopicLine,
    TopicModel,
    UrgencyModel,
    default_model,
    default_topic_model,
    line_features,
)
from relay.protocol import ROLES
from vocabulary.phrases import PhrasedError

SENDERS: Final = ("visitor", "staff")
_ROLE_ALIASES: Final = {
    "parent": "relative",
    "family": "relative",
    "friend": "relative",
    "youth": "child",
    "young": "child",
    "other": None,
    "unknown": None,
}

# --- weights (tuned on the language, not on single cases; see docs/referrals.md) --------------
STAFF_LINE_WEIGHT: Final = 0.1
SUPPRESSED_LINE_WEIGHT: Final = 0.5
"""A joke taken back, a risk that is over, a general question: the risk's words matter less (the
line's other words, "my teen", "dricker", say what the visitor asks about)."""
QUOTED_LINE_WEIGHT: Final = 0.25
"""A quoted song, film or message ("en låt som heter 'jag vill dö …'"): the risk's words are
someone else's, so they matter less still; the line's own question leads."""
PAST_SENTENCE_WEIGHT: Final = 0.4
"""Words of a risk in a sentence about the clear past ("försökte ta livet av sig för tio år
sedan"), outside a clause of it that says now: the visitor asks about what matters now."""
RECENCY_FLOOR: Final = 0.4
RECENCY_HALF_LIFE_LINES: Final = 12.0
NEGATED_WEIGHT: Final = 0.5
OWNED_WORD_WEIGHT: Final = 0.5
OTHER_LANGUAGE_WEIGHT: Final = 0.6
SECONDARY_CATEGORY_WEIGHT: Final = 0.75
OTHER_CATEGORIES_SHARE: Final = 0.3
TERM_REPEAT_CAP: Final = 2.0
SERVICE_TRIGGER_WEIGHT: Final = 1.5
LATEST_TRIGGER_WEIGHT: Final = 2.0
"""A service named in the visitor's latest message ("har ni öppet i jul?", "spelpaus?") is
what they ask about now: its trigger words count double there."""
AUDIENCE_MISMATCH_FLOOR: Final = 0.4
PUPIL_ADULT_FIT: Final = 0.6
"""How well adult services fit a writer who tells of their teacher or class: likely young."""
PROFESSIONAL_ADULT_FIT: Final = 0.4
"""How well adult services fit a professional: the professional's own (the social services, the
chat) come first."""
PROFESSIONAL_RISK_SUBJECT: Final = 1.0
"""top24: what a professional's question about suicide or self-harm adds to that topic."""
REFERRING_ADULT_FIT: Final = 0.8
"""top24: how well adult services fit a professional who asks where to send the people they meet
("vill kunna hänvisa dem vidare"): those people's services are the answer."""
URGENT_WINDOW_LINES: Final = 3
URGENT_LEAD: Final = 2.5
"""Urgency boosts (lexicon.URGENCY_TOPIC_BOOSTS) are for topics up to this strong; above it
they grow in proportion, so the urgent kind's services keep the lead."""
WOUND_CARE_BOOSTS: Final = {"health_care": 4.0, "emergency": 5.0, "suicide": 0.5}
"""Self-harm with a wound that needs care (`wound_care`: stitches, bleeding that does not stop):
these replace the self-harm boosts of the same topics, so the health line and the emergency
number come before the crisis lines (top42)."""
MODEL_WINDOW_LINES: Final = 6
"""The learnt model reads the latest visitor lines, as many as the conversations it learnt
from: a first message often says what the last one takes back ("mår bättre nu")."""
TOPIC_MODEL_WEIGHT: Final = 1.5
"""What the topic model's probability of a category adds to that topic (a normal word is 1):
docs/referrals.md, "A learnt reading of topics"."""
TOPIC_MODEL_FLOOR: Final = 0.5
"""Below this probability the topic model adds nothing to a topic."""
TOPIC_MODEL_MIN_WORDS: Final = 20
"""Below this many words the topic model says nothing: on one short line a few letter n-grams
carry the whole normalised reading ("babyen vår har kolikk" read as addiction)."""
TOPIC_MODEL_LINES: Final = (2, 6)
"""The topic model reads the first two visitor lines (what a chat is about is often said
first) and the latest six: the length of the conversations it learnt from, and a bounded cost
however long the chat grows."""
MODEL_MIN_WORDS: Final = 5
"""Below this many words the model says nothing: a lone "hei" is not evidence of anything,
and its few letter n-grams would carry the whole (normalised) weight."""
MODEL_SURE_WORDS: Final = 15
"""A verdict the model is sure of (``UrgencyModel.sure``) stands alone only over at least this
many words: it learnt from conversations, and on one short line ("my husband is drunk again
and asleep on the couch", "I took my pills this morning") a few letter n-grams carry the whole
normalised weight. Every conversation the sure cut gained on blind sets 9 S, 10 and 11 had 18
words or more."""
WEAK_PROBLEM: Final = 0.4
"""top23: a problem topic this weak (one weak word: "bråkar", "förlorat") makes no one a relative
of someone with a problem ("min pappa är 70 och spelar golf, vi bråkar om arvet")."""
ELDERLY_AGE: Final = 65
"""A parent this old, written about by their grown child: support for relatives who care."""
SMALL_CHILD_AGE: Final = 6
"""A child this young who has swallowed something is a poisoning, whatever the parent asks."""
ADULT_AGE: Final = 18
"""From this age someone written about is no child at risk ("min dotter 19 sitter i en bil")."""
MAX_MATCHED_SHOWN: Final = 6
LINE_CACHE_SIZE: Final = 4096
FALLBACK_SERVICES: Final = {
    "SE": ("local-oppenvard-missbruk", "se-1177", "local-this-service"),
    "NO": ("no-kommune-rus-psykisk", "no-legevakt", "local-this-service"),
}
"""Never an empty list: the municipality's own intake/outpatient service and 1177 (or
legevakt), then the chat itself (a visitor unsure where to turn can go on here)."""
FALLBACK_SCORE: Final = 0.01

YOUNG_CHILD_PARENTING: Final = 1.1
"""A parent writing of a child under 12 ("min son, han är 8") is a parent first: parenting
outweighs the support for relatives (1.0) their role brings."""
GAMING_PARENTING: Final = 1.5
"""A parent writing of a child's gaming ("vår dotter 13 spelar åtta timmar om dagen"): limits
at home, a parenting matter, as strong as a topic's strong word would be in one mention."""
ADULT_CHILD_AGE: Final = 21
"""A son or daughter of this age or more is grown: their parent is a relative, not parenting."""
RELATIVE_WORDS_AUDIENCE: Final = 1.0
"""Relatives' words of one's own ("vårdar min man") that make a writer as "self" a relative too."""
RELATIVE_WORDS_FIT: Final = 0.95
"""How well relatives' services then fit (below 1.0: no third-party danger is read into it)."""
SERIOUS_ASK_SUICIDE: Final = 1.0
"""What asking how to tell whether someone means it adds to suicide, beside its words (top40):
a normal topic word's weight."""
YOUTH_SERVICE_ADULT_RELATIVE_FIT: Final = 0.5
"""How well a service for the young and their parents fits a relative of an adult."""

_PROBLEM_TOPICS: Final = (
    "alcohol",
    "drugs",
    "medicines",
    "gambling",
    "mental_health",
    "psychiatry",
    "suicide",
    "self_harm",
    "violence",
    "addiction_treatment",
)
"""Topics that, said about a parent, make a child's conversation about children of parents."""

_URGENT_TOPIC: Final = {
    "suicide": "suicide",
    "self_harm": "self_harm",
    "overdose": "emergency",
    "medical": "emergency",
    "violence": "violence",
    "child_at_risk": "child_welfare",
    "goodbye": "emergency",
    "third_party_danger": "emergency",
}


@dataclass(frozen=True, slots=True)
class Line:
    """One message of a conversation: who wrote it ("visitor" or "staff") and its text."""

    sender: str
    text: str


class ConversationError(PhrasedError, ValueError):
    """A conversation or labelled case that cannot be read; its phrase says why."""


@dataclass
class Conversation:
    """What the engine reads: the visitor's language and stated role, and the messages so far.

    ``lang`` is "sv", "nb" or "en" (None: guessed from the text); ``role`` is what the visitor
    chose in "who are you writing about": "self", "relative", "child", "professional" or None.
    """

    lang: str | None
    role: str | None
    lines: list[Line] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Conversation:
        """Read the dev.jsonl format: ``{"lang", "role", "messages": [{"sender", "text"}]}``.

        ``lines`` is accepted instead of ``messages``. Raises ConversationError (a ValueError)
        saying what is wrong.
        """
        if not isinstance(data, Mapping):
            raise ConversationError("conversation.not_object")
        lang = data.get("lang")
        role = data.get("role")
        if lang is not None and not isinstance(lang, str):
            raise ConversationError("conversation.lang")
        if role is not None and not isinstance(role, str):
            raise ConversationError("conversation.role")
        messages = data.get("messages", data.get("lines"))
        if not isinstance(messages, list):
            raise ConversationError("conversation.messages")
        lines: list[Line] = []
        for number, message in enumerate(messages, start=1):
            if not isinstance(message, Mapping):
                raise ConversationError("conversation.message_object", number=number)
            sender, text = message.get("sender"), message.get("text")
            if sender not in SENDERS:
                raise ConversationError("conversation.sender", number=number)
            if not isinstance(text, str):
                raise ConversationError("conversation.text", number=number)
            lines.append(Line(sender, text))
        return cls(lang=lang, role=role, lines=lines)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A service that fits the conversation, its score and the words that made it fit."""

    id: str
    score: float
    matched: list[str]
    service: Service

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "score": round(self.score, 3), "matched": list(self.matched)}


@dataclass(frozen=True, slots=True)
class Suggestions:
    """The engine's verdict: urgent or not (with reasons for staff), and ranked services."""

    urgent: bool
    urgent_reasons: list[str]
    suggestions: list[Suggestion]

    def to_dict(self) -> dict[str, Any]:
        """``{"urgent", "urgent_reasons", "suggestions": [{"id", "score", "matched"}]}``."""
        return {
            "urgent": self.urgent,
            "urgent_reasons": list(self.urgent_reasons),
            "suggestions": [suggestion.to_dict() for suggestion in self.suggestions],
        }

    @property
    def ids(self) -> list[str]:
        """Service ids, best first."""
        return [suggestion.id for suggestion in self.suggestions]


# --- per-line analysis ------------------------------------------------------------------------

_TOPIC, _URGENT, _CUE, _SERVICE = range(4)
_CUES_THAT_MAY_BE_NEGATED: Final = frozenset(
    {"alone", "past", "recent_past", "conditional", "habitual"}
)
"""Cues that mean the same after a negation ("mamma är inte hemma" still leaves a child alone)."""
_NEVER: Final = frozenset({"aldrig", "aldri", "never"})
_NEVER_REACH: Final = 5
"""How far before "alone" a "never" says the child is never alone ("aldrig är hos honom
ensamma"); "inte hemma" still leaves a child alone."""
_SUPPRESSING_CUES: Final = frozenset({"past", "conditional"})
"""A sentence about the past or a hypothetical ("om någon...") raises no urgency."""
_WINDOW_CUES: Final = frozenset({"hiding", "intoxicated", "means", "unresponsive"})
_WINDOW_CONCEPTS: Final = frozenset(
    {
        "comfort_there",  # blind set 28 (tri28)
        "logged_off",
        "reckless",
        "fatalism",
        "unreachable",
        "flee",
        "give_away",
        "alcohol",
        "lone",
        "night",
        "children",
        "small_child",
        "got_into",
        "life_insurance",
        "cold",
        "wont_need",
        "high_place",
        "veiled_hint",  # blind set 34 (tri35b): a height with a hint left unsaid
        "pretend_weary",  # blind set 35 (tri37b): tired of pretending, "it" wished to end
        "end_wish",
        "pause_life",
        "never_resume",
        "self_gone",
        "one_less",
        "no_trip",
        "cover_story",
        "date_set",  # blind set 36 (tri38): a date set, its time told in this or the next line
        "head_knock",  # blind sets 35 and 36 (tri40a): a head knocked, some saved, a dose enough
        "kept_back",
        "enough_dose",
        "self_harm",
        "ingest",
        "pills",
        "absent_adult",
        "driving",
        "drunk_now",
        "in_charge",
        "urge",
        "afraid_home",
        "harm_done",
        "neglect",
        "weary",
        "assault",
        "violence_verb",
        "rope",
        "wound",
        "decided",
        "plan_how",
        "weapon_gun",
        "child_hazard",
        "locked_out",
        "raging",
        "distress",
        "acute_symptom",
        "announced",
        "no_sign_of_life",
        "refuse_care",
        "hose",
        "way_out",
        "cannot_care",
        "school",
        # blind set 7
        "engine_run",
        "garage",
        "psychosis",
        "drowsy",
        # blind set 9
        "helpless",
        "fallen",
        "confused",
        "dementia",
        "traffic",
        "fire",
        "plea",
        # blind set 11 (tri11b)
        "heading_edge",
        "violence_plea",
        "big_dose",
        # blind set 17 (tri17)
        "ways_search",
        "insurance_pays",
        # blind set 15 (tri15)
        "stroke",
        "missing",
        "told_to_die",
        "withdrawal",
        "seizure",
        "went_silent",
        # blind set 16 (tri16)
        "imitate",
        "means_ready",
        "blade_ready",
        # review of round 23: wanted again after an attempt told in any tense
        "want_again",
        "worry_no_more",
        # round 25 (tri25)
        "spared_act",
        "height_search",
        # tri26b: one last high, read with nothing needed afterwards
        "last_high",
        "tremor",
        "sweating",
        "delirium",
        "exit_verb",
        "life_word",
        "lithium",
        "harm_command",
        # tri22: blood thrown up named without "blod" ("kräks något som ser ut som kaffesump")
        "blood_up",
        "rid_of_me",
        # blind set 26 (tri26): each pairs with a class that may stand in another line
        "found_alone",
        "hoard",
        "same_end",
        "own_funeral",
        # blind set 34 (tri35a): each pairs with a class that may stand in another line
        "my_funeral",
        "no_future_self",
        "survive_q",
        "last_binge",
        "care_note",
        # tri39: methods read up on, with despair in another line
        "methods_read",
        # blind set 25 (tri27): each pairs with a class that may stand in another line
        "pull_plug",
        "exit_seek",
        "tolerance_q",
        "cleanse_bad",
        "full_stop",
        "lean_out",
        "barely_responsive",
        "dark_end",
        "looking_forward",
        # blind set 27 (tri31): a last message, read with a goodbye in another line
        "no_blame",
        # blind set 32 (tri32): something unnamed taken, read with odd acts in another line
        "took_something",
        "acts_odd",
        "blood_in",
        # blind set 35 (tri37a): each pairs with a class that may stand in another line
        "no_future",
        "body_follow",
        "harm_again",
        "harm_sign",
        "eerie_calm",
        "stashed",
        "unnoticed",  # and a cover story (tri37b's "cover_story", above)
    }
    | rules.TRI40B_CUES  # blind sets 35 and 36 (tri40b)
    | rules.TRI42A_CUES  # blind sets 37 and 38 (tri42a)
    | rules.TRI42B_CUES  # blind sets 37 and 38 (tri42b)
)
"""Concept classes the window rules combine across neighbouring visitor lines."""
_LAUGHS: Final = re.compile(
    r"\b(?:lo+l+|ha(?:ha)+h?|he(?:he)+|xd+|lmao|rofl)\b|[\U0001F602\U0001F923\U0001F480"
    r"\U0001F606\U0001F639]",
    re.IGNORECASE,
)
"""Laughs a line may be laughed off with (the `quote` class's "lol", "haha", 😂 🤣 💀 😆 😹)."""
_SUBSTANCES: Final = frozenset({"medicines", "drugs"})
_SUBSTANCE_TOPICS: Final = frozenset({"medicines", "drugs", "alcohol"})
_MONEY_TOPICS: Final = frozenset({"gambling", "debt"})
_OVERDOSE_SUPPRESSORS: Final = frozenset({"past", "conditional", "routine", "habitual"})
"""Taking medicines "som vanligt" or "varje dag" is a routine, not an overdose."""
_NEGATED_AFTER: Final = frozenset({
    "violence_verb", "assault", "ingest", "self_harm", "harm_done", "alcohol", "drunk_now",
})
"""Classes of acts, negated also by a negation right after them ("han slår inte"); since blind
set 25 (fp27) drinking too ("pappa drakk ikke noe i hele helga", "han dricker inte längre")."""
_AFTER_VERB_NEGATIONS: Final = frozenset({"inte", "ikke", "ikkje", "icke", "ej", "aldri", "aldrig"})
_CONTRASTS: Final = frozenset({"men", "but", "fast", "though"})
_TAKEN_BACK: Final = frozenset({"suicide", "self_harm", "violence"})
"""Kinds a next line can take back ("inte så att jag vill dö, mer existentiellt")."""
_NAMED_INTAKE: Final = frozenset({"ingest", "pills", "many_pills", "drowsy", "took_something"})
"""fp42 (blind set 38): an overdose said with nothing named as taken ("ikväll blir det en
overdos") is taken back by the next line as a suicide is ("chips och serier, dåligt skämt");
one whose line names medicines or an intake is not."""
_OPENING_WORDS: Final = 8
"""How many first words of a line ``rules.line_concepts`` reads for how the line opens ("men
det var fordi ...", "det var i fjor.")."""
_NOT_NOW_CUES: Final = frozenset({"habitual", "past", "recent_past", "past_state"})
_PRESENT_TIME_CUES: Final = frozenset({"now", "recent_past"})
_COUNTRY_CUES: Final = {"country_se": "SE", "country_no": "NO"}
_LIVE_WORDS: Final = frozenset(
    {"bor", "bur", "bott", "bodde", "bosatt", "busett", "live", "lives", "living", "flyttat",
     "flyttet", "flytta", "moved"}
)
_LIVE_REACH: Final = 3
"""A place up to this many words after "bor" / "live" is where the writer lives."""
_HERE_WORDS: Final = frozenset({"här", "here"})
"""A place up to _LIVE_REACH words after "här" / "here" is where the writer is ("här i
Sverige")."""
_HOME_WORDS: Final = frozenset({"hemma", "hjemme", "heime"})
"""A place up to _LIVE_REACH words after "hemma" / "hjemme" is home (sugg16: "nu är jag hemma i
Haparanda för gott", after years of work in Norway): over places merely named, under where the
writer says they live ("bor i Malmö ... ringa her eller hjemme i Norge")."""
_TRAVEL_WORDS: Final = frozenset(
    {
        "åka", "åker", "åkte", "åkt", "köra", "kör", "körde", "kört", "resa", "reser", "reste",
        "flyga", "flyger", "flög", "dra", "drar", "drog", "väg", "kjøre", "kjører", "kjørte",
        "kjørt", "reise", "reiser", "reiste", "dro", "fly", "flyr", "fløy", "vei", "veg",
        "drive", "drives", "driving", "drove", "go", "goes", "going", "went", "travel",
        "travels", "travelling", "traveling", "flying", "flew", "heading", "headed", "way",
    }
)
_HYPHEN_IN_WORD: Final = re.compile(r"(?<=[^\W\d_*])-(?=[^\W\d_])")
_TO_WORDS: Final = frozenset({"till", "til", "to"})
_FAREWELL_SAID: Final = frozenset({"farewell", "goodbye_message"})
"""A goodbye said or written: where to, told in the next line, makes it a departure's (fp40)."""
_ONLINE_OPENERS: Final = frozenset({"på", "från", "fra", "i", "on", "from", "off", "online"})
"""Words a line opens with to say where online something was ("på facebook alltså")."""
_ACROSS_WORDS: Final = frozenset({"över", "over", "ned", "ner", "opp", "upp", "up", "down"})
"""A place right after a travel word and "till" / "to" ("hon ska köra till Norge i natt",
"on the way to Oslo") is where someone is going, not where the writer lives (sugg16)."""
_CHILD_WORDS: Final = frozenset(
    {
        "son", "sonen", "dotter", "dottern", "sønn", "sønnen", "datter", "datteren", "daughter",
        "barn", "barnet", "child", "kid", "grabben",
    }
)
"""A loved one named as one's son or daughter, no adult age given: possibly young."""
_IN_WORDS: Final = frozenset({"i", "in"})
_KIN_BARE: Final = frozenset({
    "mormor", "morfar", "farmor", "farfar", "bestemor", "bestefar", "besteforeldre",
    "besteforeldrene", "mormora", "farmora", "grandma", "grandpa", "granny", "grandmother",
    "grandfather", "grandparents", "moster", "faster", "tante", "tanten", "onkel", "onkelen",
    "morbror", "farbror", "kusin", "kusinen", "kusine", "aunt", "uncle", "cousin", "släkten",
    "släkt", "slekta", "slekten", "familjen", "familien", "syskonen", "søsknene", "siblings",
})
"""Someone close named bare before where they live ("bestemor bor i sverige"): their home, not
the writer's (tri32)."""
_WRITER: Final = frozenset(
    {"jag", "jg", "ja", "jeg", "eg", "i", "i'm", "im", "vi", "we", "we're"}
)
"""The writer as a subject, in all three languages and chat spellings ("ja" for "jag"): before a
kin word the writer names themself ("I'm a grandma living in Oslo", tri32); before a give-away
or a goodbye the sign is the writer's own (fp32a); opening a line it says what the writer
decided ("jeg skal slutte", fp32b)."""
_FROM_WORDS: Final = frozenset({"från", "fra", "from"})
_BACK_WORDS: Final = frozenset(
    {"hem", "hjem", "heim", "home", "tillbaka", "tilbake", "back", "hemåt", "hjemover"}
)
"""Before "från" / "from" a place: someone coming home from there lives elsewhere (sugg14)."""
_BE_WORDS: Final = frozenset({"är", "var", "er", "is", "was", "are", "were"})
_WORK_WORDS: Final = frozenset(
    {"jobbar", "arbetar", "pluggar", "studerar", "jobber", "arbeider", "studerer", "works",
     "working", "studies", "studying"}
)
"""top23: "sambon jobbar i Norge" (someone close, or he or she, before it) is where someone
else works, as "pappan är i Norge" is where someone else is: not the writer's country."""
_FIRST_PERSONS: Final = frozenset({"jag", "vi", "jeg", "eg", "i", "we", "me", "oss", "mig", "meg"})
"""Before "är i" / "is in" a place: if not the writer, someone else is there, not the writer."""
_PRESENT_COPULAS: Final = frozenset({"är", "e", "er", "ær"})
"""top37: a present copula before the writer ("nu är jag 19"): their age now, not "när jag
var 6"."""
_PLACE_SUBJECTS: Final = frozenset(
    {"this", "it", "here", "that", "det", "detta", "dette", "här"}
)
"""top37: "this is in oslo", "det är i Malmö": where what is told happens, the writer's place,
not where someone else is."""
_THIRD_PERSONS: Final = frozenset(
    {"han", "hon", "hen", "de", "dom", "he", "she", "they", "hun", "dei", "dem"}
)
_POSSESSIVES: Final = frozenset(
    {"min", "mitt", "mina", "mi", "mine", "my", "hans", "hennes", "his", "her", "their", "deras"}
)
"""Before "bor" / "lives", someone else is the one living there ("min svåger bor i Norge")."""
_OTHERS_POSSESSIVES: Final = frozenset(
    {"hans", "hennes", "hens", "deras", "his", "her", "their", "hennar", "dets", "dess"}
)
"""A loved one named with these is a third person's ("hennes mamma"), not the writer's."""
_RISK_TOPICS: Final = frozenset({"suicide", "self_harm", "emergency", "violence"})
"""Topics of an acute risk: told about the clear past, they count less (PAST_SENTENCE_WEIGHT)."""
_JOKED_LINE: Final = frozenset({"quote", "joked", "meme", "takeback"})
"""Classes that make a line a joke or a quote already (its risks count a quarter in
``suggest``): a game lost in it does not count them down twice (top27)."""
_INNER_RISKS: Final = frozenset({"suicide", "self_harm"})
"""Risks of one's own mind: in a quote or a taken-back line they count also for mental health."""
_PAST_TOPICS: Final = _RISK_TOPICS | {"crime"}
"""Topics that count less in a sentence about the clear past: the risks, and a crime long
since reported ("det blev polisanmälan för tre år sen"); the visitor asks about now."""
_TIME_PHRASES: Final = frozenset({"past", "former"})
"""Cues that date what a sentence tells ("som tonåring", "used to", "för tio år sen"): in a
sentence about the past they weigh its risks less, and the words inside them are time, not a
topic ("som tonåring" is not about a teenager now, "used to" not about drug use)."""
_OWN_ROLE_REACH: Final = 2
"""Words after "jobbar på" / "work at" that name the writer's workplace."""
_NOT_A_WORKPLACE: Final = frozenset({
    "att", "å", "to", "on", "with", "med", "min", "mitt", "mina", "mi", "mine", "my", "me", "mig",
    "mej", "meg",
})
"""After "jobbar på" these start an activity or a thing of one's own ("jobbar på att sluta",
"jobbar på mitt drickande", "working on my anxiety"), not a workplace."""
_BARE_VERBS: Final[Mapping[str, tuple[frozenset[str], str]]] = {
    "tobacco": (frozenset({"röker", "röka", "rökt", "rökte", "røyker", "røyke", "røykt", "røyka",
                           "røyk", "smoke", "smokes", "smoking", "smoked"}), "drugs"),
    "alcohol": (frozenset({"dricker", "drack", "druckit", "dricka", "drikker", "drakk", "drukket",
                           "drikke", "drikk", "drink", "drinks", "drank", "drinking"}),
                "soft_drink"),
}
"""A bare verb ("röker", "i drink four a day") takes its object from the conversation: with
cannabis named ("rökt gräs varje dag ... alla i gänget röker") smoking is that drug, and with
only coffee or energy drinks named drinking is no alcohol. Topic -> (its bare verbs, and the
topic or cue that gives them their object)."""
_SUBSTANCES_BUT_TOBACCO: Final = frozenset({"alcohol", "drugs", "medicines", "gambling"})
_GROUP_SUBSTANCES: Final = frozenset({"alcohol", "drugs", "gambling"})
"""What makes a group AA, NA or a gamblers' group: a medicine named (one's prescription,
"fick hjälp på psyk och medicin") leaves a group for how one feels."""
_KIND_ORDER: Final = {kind: order for order, kind in enumerate(lexicon.URGENT_KINDS)}
_FIRST_PERSON_WORDS: Final = lexicon.FIRST_PERSON | lexicon.FIRST_PERSON_COPULAS
_has_digit: Final = re.compile(r"[0-9]").search
_SV_MARKERS: Final = lexicon.LANGUAGE_MARKERS["sv"]
_NB_MARKERS: Final = lexicon.LANGUAGE_MARKERS["nb"]
_GRADE_PREPOSITIONS: Final = frozenset({"i", "på", "in"})
_GRADE_HOLDERS: Final = frozenset({
    "nån", "någon", "nåns", "kille", "killar", "killarna", "tjej", "tjejer", "tjejerna", "kompis",
    "kompisar", "elev", "elever", "eleverna", "noen", "gutt", "gutter", "jente", "jenter",
    "elevene", "someone", "somebody", "kid", "kids", "boy", "boys", "girl", "girls",
})
"""Who a school grade describes ("nån i 9an", "ei jente i tiande"): a grade then is where
someone is now, not the writer's past."""
_IDIOM_OWNED_CUES: Final = frozenset({"intoxicated", "unresponsive", "violence_act", "threat"})
"""Cues an idiom around them takes ("påvirket av noe som skjedde", blind set 15; since blind
set 20, fp20, "kramper i vaderna": a cramp in a muscle is no fit; since blind set 22, fp22,
"beat me at poker", "it hit me": a game won, a thought, no blow)."""
_YEARS_AGO: Final = frozenset({"years_since", "past"})
"""Spans of years gone by: a "now" right after one ("6 år sen nu") belongs to it (fp23)."""
_PAST_OR_IF: Final = frozenset({"past", "conditional"})
"""Sentence cues of the clear past or a hypothetical: no body in trouble now (fp23)."""
_SAID_RISKS: Final = frozenset({
    "wish", "thought", "plan", "decided", "death", "suicide_word", "suicide_noun", "disappear",
    "not_wake", "kill_threat", "menace", "self_harm", "urge", "farewell",
    "burden",
})
"""What, said on the day told of, is the risk itself: a telling's time stays its time (fp23)."""
_HABIT_CUES: Final = frozenset({"habitual", "routine"})
_NIGHTLY: Final = frozenset({"night", "time_now"})
"""An evening or a night inside a habit phrase ("varje kväll", "most nights"): no tonight."""
_TOLD_TIMES: Final = frozenset({"time_now", "now", "just", "recent", "recent_past"})
"""Times a "told today" owns: the telling's, not the act's (fp23)."""
_DENIABLE_ACTS: Final = frozenset({"violence_verb", "assault", "menace", "kill_threat"})
"""Acts of violence: a sentence that denies one ("nu har han inte slagit nån") and names none
not denied says no act happens now (fp23)."""


def _quiet_now(
    match: Match, quiet_spans: Sequence[tuple[int, int]], unhurt: Container[int]
) -> bool:
    """Whether a "now" says only that things are calm, ends a span of years, or dates an act
    denied (blind set 22, fp23)."""
    start, end, sentence = match[3], match[4], match[6]
    return sentence in unhurt or any(a <= start and end <= b for a, b in quiet_spans)


_SINCE_CLASSES: Final = frozenset({"since", "since_season"})
_SINCE_OWNED_CUES: Final = frozenset({"recent_past", "past"})
"""Cues a "since" around them takes: "sen i fredags" is since Friday, not last Friday (blind
set 16)."""
_OVERSTATED: Final = frozenset({"overstatement"})
"""Suggestions-only classes whose words of a risk are no topic of it ("jobbet tar livet av
mig": strain overstated, sugg16)."""
_ABOUT_VERBS: Final = frozenset(
    {
        "pratar", "pratade", "prata", "pratat", "talar", "talade", "tala", "snackar", "snackade",
        "snacka", "handlar", "handlade", "skriver", "skrev", "menar", "snakker", "snakket",
        "snakke", "prater", "pratet", "handler", "mener",
    }
)
"""Before "inte om" / "ikke om": "om" is "about", and the negation reaches what follows
("pratar inte om självmord", "det handler ikke om selvmord"), unlike "vet inte om" (whether)."""
_BREAKS: Final = lexicon.CLAUSE_BREAKS | lexicon.SENTENCE_BREAKS
_NYNORSK_NOW: Final = frozenset({"time_now", "now"})
"""Classes that read nynorsk "no" as "now": not in a line written in English."""
_EN_MARKERS: Final = lexicon.LANGUAGE_MARKERS["en"]
_LANG_OPTIONS: Final = (None, *LANGS)
"""Conversation languages a line's contributions are precomputed for (None: unknown)."""

Contribution = tuple[bool, str, str, tuple[float, float, float, float]]
"""(for a service?, topic or service id, matched words, weight per conversation language)."""


@dataclass(frozen=True, slots=True)
class _LineAnalysis:
    """Everything the engine needs from one line, computed once per distinct text."""

    contributions: tuple[Contribution, ...]
    urgent: tuple[tuple[str, str], ...]
    """Urgent findings this line shows on its own: (kind, words)."""
    cues: tuple[frozenset[str], ...]
    """Per sentence: names of the cues found there, not negated."""
    cue_union: frozenset[str]
    cue_words: Mapping[str, str]
    topics: frozenset[str]
    """Topics this line speaks of (matches not negated)."""
    needs_window: bool
    """Whether the line has cues that combine with neighbouring lines (hiding, intoxicated)."""
    intoxicated_sentences: tuple[tuple[bool, bool], ...]
    """Per sentence describing someone intoxicated now: (a parent named there, written as "I")."""
    visitor_age: int | None
    subject_ages: tuple[int, ...]
    people_ages: tuple[int, ...]
    """``subject_ages`` without an animal's ("hunden är 15", "my old dog, 14 years"): the ages
    the suggestions read (sugg20); urgency reads ``subject_ages`` as before."""
    bare_number: int | None
    language_votes: tuple[int, int, int]
    first_word: str
    affirmed: str
    """A "ja" / "yes" among the line's first words ("honestly yes", "ärligt talat ja"), or ""."""
    residence: str
    """The country where the writer says they live ("bor i Malmö", "I live in Oslo"), or ""."""
    home: str
    """The country where the writer says they are at home ("hemma i Haparanda"), or ""."""
    elsewhere: bool
    """The line's country is where someone else is ("pappan är i Norge"), not the writer."""
    destination: bool
    """The line's country is where someone travels to ("ska köra till Norge"): in a Swedish or
    Norwegian chat the language says more of where the writer lives (sugg16)."""
    concepts: rules.LineConcepts
    """Concept classes of the urgency rules found in the line (referrals.rules)."""
    leaving: str = ""
    """Whose departure the line tells, now or soon ("flyttar till Umeå", "retiring"):
    "own" (the writer's, or no one else named before it), "theirs" ("han skal i
    førstegangstjeneste"), or "" (none)."""
    departed: _LineAnalysis | None = None
    """The same line with its goodbyes, farewells and give-aways read as a departure told in
    another line of the conversation (blind set 19), or None when it has none."""
    kept: _LineAnalysis | None = None
    """The same line with none of them read as a departure beside it, for a conversation with
    a word of dying (blind set 19), or None when the line explained none."""
    present_topics: frozenset[str] = frozenset()
    """Topics the line tells as part of the writer's life now (top25): not negated, not in a
    sentence about the writer's own childhood ("pappa slog mig när jag var liten", outside a
    clause that says now), not inside a `no_topic` phrase ("hotade att lämna mig"). The
    suggestions read it; urgency reads ``topics``."""
    parent_topics: frozenset[str] = frozenset()
    """Topics told in a sentence naming a parent ("mamma drack när jag var liten") (top40)."""
    own_topics: frozenset[str] = frozenset()
    """Topics told in a sentence of the writer's own ("I", "jag") naming no parent (top40):
    "jag dricker för mycket" is the writer's drinking, "pappa drack" is not."""


class SuggestionEngine:
    """Ranks a directory's services for a conversation and decides whether it is urgent.

    Build one per directory (compiling takes a fraction of a second) and reuse it: it is safe
    to call from one thread at a time and keeps only bounded analysis caches.
    """

    def __init__(
        self,
        directory: Directory,
        *,
        model: UrgencyModel | None | Literal["shipped"] = "shipped",
        topic_model: TopicModel | None | Literal["shipped"] = "shipped",
    ) -> None:
        """``model``: the learnt second signal for urgency (``referrals.model``); the
        shipped one by default, None for the concept rules alone. ``topic_model``: the learnt
        reading of topics for the suggestions, likewise."""
        self.directory = directory
        self.model = default_model() if model == "shipped" else model
        self.topic_model = default_topic_model() if topic_model == "shipped" else topic_model
        self._model_lines: dict[str, LineFeatures] = {}
        self._urgency_lines: dict[str, ModelLine] = {}
        self._model_windows: dict[tuple[str, ...], ModelVerdict] = {}
        self._topic_readings: dict[tuple[str, ...], Mapping[str, float]] = {}
        self._topic_lines: dict[str, TopicLine] = {}
        self._window_cache: dict[tuple[object, ...], tuple[list[tuple[str, str]], object]] = {}
        """Findings of the window rules per run of analysed lines (keyed by their identity)."""
        self._merged_answers: dict[
            tuple[int, int, str], tuple[rules.LineConcepts, rules.LineConcepts, rules.LineConcepts]
        ] = {}
        """A "yes" merged with the staff question it answers (the two kept, so ids stay theirs)."""
        self._matcher = PatternMatcher()
        self._target_kind: list[int] = []
        self._target_name: list[str] = []
        self._target_ids: dict[tuple[int, str], int] = {}
        for category, topic_terms in lexicon.TOPICS.items():
            for lang, terms in topic_terms.items():
                for pattern, weight in terms.weighted():
                    self._matcher.add(pattern, lang, self._target(_TOPIC, category), weight)
        concepts = load_concepts()
        for kind, urgent_patterns in concepts.urgent.items():
            for lang, patterns in urgent_patterns.items():
                for pattern in patterns:
                    target = self._target(_URGENT, kind)
                    self._matcher.add(pattern, lang, target, lexicon.STRONG)
        for cue, cue_patterns in concepts.concepts.items():
            for lang, patterns in cue_patterns.items():
                for pattern in patterns:
                    self._matcher.add(pattern, lang, self._target(_CUE, cue), 1.0)
        for service in directory:
            for lang, patterns in service.triggers.items():
                for pattern in patterns:
                    target = self._target(_SERVICE, service.id)
                    # sugg20: text is read with "-" between words dropped ("mini-maria" is
                    # "mini maria"), so a hyphened trigger is matched as that phrase.
                    pattern = _HYPHEN_IN_WORD.sub(" ", pattern)
                    self._matcher.add(pattern, lang, target, SERVICE_TRIGGER_WEIGHT)
        self._services = tuple(directory)
        self._service_categories = tuple(
            tuple(
                (category, 1.0 if i == 0 else SECONDARY_CATEGORY_WEIGHT)
                for i, category in enumerate(s.categories)
            )
            for s in self._services
        )
        self._emergency_services = frozenset(
            s.id for s in self._services if s.categories and s.categories[0] == "emergency"
        )
        """Services whose own trigger words ("ringde 112") count less told of the clear past,
        as the emergency topic's words do."""
        self._young_only = tuple(
            "youth" in s.audience and "relative" in s.audience and "adult" not in s.audience
            for s in self._services
        )
        """Services for the young and their families, with no adults of their own."""
        self._line_cache: dict[str, _LineAnalysis] = {}
        for word in ("hej", "jag", "jeg", "the"):  # compile indexes now, not on the first message
            self._matcher.token_units(word)

    def _target(self, kind: int, name: str) -> int:
        key = (kind, name)
        if key not in self._target_ids:
            self._target_ids[key] = len(self._target_kind)
            self._target_kind.append(kind)
            self._target_name.append(name)
        return self._target_ids[key]

    def clear_cache(self) -> None:
        """Forget every analysed line (the caches hold matched words, cues and the model's
        word counts and verdicts)."""
        self._line_cache.clear()
        self._model_lines.clear()
        self._urgency_lines.clear()
        self._model_windows.clear()
        self._topic_readings.clear()
        self._topic_lines.clear()
        self._window_cache.clear()
        self._merged_answers.clear()

    # -- public API -----------------------------------------------------------------------------

    def urgency(self, conversation: Conversation) -> tuple[bool, list[str]]:
        """Whether the conversation shows acute risk, with the reasons to show staff.

        Cheap enough to run on every visitor message: each line is analysed once and cached.
        """
        analyses = [self._analyse(line.text) for line in conversation.lines]
        kinds = self._urgency(conversation, analyses)
        return bool(kinds), _reasons(kinds)

    def suggest(
        self,
        conversation: Conversation,
        *,
        top: int = 5,
        verdict: tuple[bool, Sequence[str]] | None = None,
    ) -> Suggestions:
        """The ``top`` services that fit best, best first, and the urgency verdict.

        ``verdict`` is an urgency verdict decided elsewhere, ``(urgent, reasons)`` as
        ``urgency()`` gives them: the console passes the relay's (which a staff member may
        have overridden), so the services are ranked by the verdict staff see and the engine
        computes no second one. Without it the engine decides, as ``urgency()`` does.
        """
        lines = conversation.lines
        analyses = [self._analyse(line.text) for line in lines]
        urgent_kinds = (
            self._urgency(conversation, analyses) if verdict is None else _kinds(*verdict)
        )
        lang = _conversation_language(conversation.lang, analyses)
        country = self._conversation_country(lang, lines, analyses)
        option = _LANG_OPTIONS.index(lang)

        topic_terms: dict[str, dict[str, list[float]]] = {}
        service_terms: dict[str, dict[str, list[float]]] = {}
        cues_seen: dict[str, str] = {}
        recency = _recency_weights(len(lines))
        latest = max((n for n, line in enumerate(lines) if line.sender == "visitor"), default=-1)
        visitor_positions = [n for n, line in enumerate(lines) if line.sender == "visitor"]
        taken_back = {
            n
            for n, after in zip(visitor_positions, visitor_positions[1:], strict=False)
            if analyses[after].concepts.takes_back
        }
        """Visitor lines the next visitor line takes back ("OMG jag vill dö" / "skämt asså")."""
        for number, (line, analysis) in enumerate(zip(lines, analyses, strict=True)):
            line_weight = recency[number]
            trigger_weight = LATEST_TRIGGER_WEIGHT if number == latest else 1.0
            if line.sender == "visitor":
                for cue, word in analysis.cue_words.items():
                    if cue not in cues_seen:
                        cues_seen[cue] = word
            elif not _answered_yes(lines, analyses, number):
                line_weight *= STAFF_LINE_WEIGHT
            suppressed = analysis.concepts.suppressed or number in taken_back
            suppressed_weight = (
                QUOTED_LINE_WEIGHT if "quote" in analysis.concepts.names else SUPPRESSED_LINE_WEIGHT
            )
            for for_service, name, surface, weights in analysis.contributions:
                weight = weights[option] * line_weight
                if for_service:
                    weight *= trigger_weight
                elif suppressed and name in _RISK_TOPICS:
                    weight *= suppressed_weight
                    if name in _INNER_RISKS:
                        # A dark lyric, a joke taken back: what weighs on someone is for a
                        # general listening line more than for the crisis line.
                        inner = topic_terms.setdefault("mental_health", {}).setdefault(
                            surface, [0.0, 0.0]
                        )
                        inner[0] += weight
                        inner[1] = max(inner[1], weight)
                terms = (service_terms if for_service else topic_terms).get(name)
                if terms is None:
                    terms = (service_terms if for_service else topic_terms)[name] = {}
                slot = terms.get(surface)
                if slot is None:
                    terms[surface] = [weight, weight]
                else:
                    slot[0] += weight
                    if weight > slot[1]:
                        slot[1] = weight

        _give_bare_verbs_their_object(topic_terms, cues_seen)
        if "gaming" in cues_seen and "money_stake" not in cues_seen:
            # Playing a video game too much, no money at stake: primary care, not gambling.
            _move_terms(topic_terms, "gambling", "health_care")
        if "unprescribed" in cues_seen:
            # sugg16: medicines bought online, on the street or from a friend are drugs got
            # outside care ("köper lugnande på nätet", "benzos from a friend").
            _move_terms(topic_terms, "medicines", "drugs")
        topics = {name: _capped_sum(terms) for name, terms in topic_terms.items()}
        if topics.get("tobacco", 0.0) > 0.0 and not any(
            topics.get(t, 0.0) > 0.0 for t in _SUBSTANCES_BUT_TOBACCO
        ):
            # Quitting snus or smoking, with its withdrawal: the quitline, not addiction care
            # (which does not treat tobacco); the words of quitting count for tobacco.
            topics["tobacco"] += topics.pop("addiction_treatment", 0.0)
            _move_terms(topic_terms, "addiction_treatment", "tobacco")
        if topics.get("peer_support", 0.0) > 0.0 and not any(
            topics.get(t, 0.0) > 0.0 for t in _GROUP_SUBSTANCES
        ):
            # A group to talk with others, no substance or game named: a group for how one
            # feels (the helplines, the chat itself), not AA or NA.
            topics["mental_health"] = topics.get("mental_health", 0.0) + topics.pop("peer_support")
            _move_terms(topic_terms, "peer_support", "mental_health")
        for category, probability in self._topic_model_reading(lines).items():
            if probability >= TOPIC_MODEL_FLOOR:
                topics[category] = topics.get(category, 0.0) + TOPIC_MODEL_WEIGHT * probability
        direct = {name: _capped_sum(terms) for name, terms in service_terms.items()}
        parents_habit = _parents_habit(conversation.role, lines, analyses, topics)
        audience = self._audience_profile(
            conversation.role, analyses, lines, cues_seen, topics, parents_habit
        )
        self._context_topics(
            conversation.role, audience, analyses, cues_seen, topics, topic_terms, parents_habit
        )
        # An urgent conversation's services lead however much else it speaks of: the boosts of
        # its kind's topics (not 112's, which already leads) grow with the strongest topic
        # ("sobril och imovane" must not outrank the crisis line).
        strongest = max(topics.values(), default=0.0)
        scale = max(1.0, strongest / URGENT_LEAD)
        # Someone else's life in danger, told by a relative or a bystander: the emergency number
        # is the writer's first step, as for any danger to a third party.
        for_other = audience.get("relative", 0.0) >= 1.0
        # A service for the young and their families (no adults of its own): a relative of
        # an adult ("my partner smokes weed") fits it less than a parent of a young person.
        loved = cues_seen.get("loved_one", "").split()
        young_subject = (
            audience.get("youth", 0.0) > 0.0
            or audience.get("child", 0.0) > 0.0
            or bool(loved)
            and loved[-1] in _CHILD_WORDS
            and not any(s >= ADULT_CHILD_AGE for a in analyses for s in a.people_ages)
        )
        young_only = self._young_only
        for kind, words in urgent_kinds.items():
            boosts = lexicon.URGENCY_TOPIC_BOOSTS[
                "third_party_danger" if for_other and kind == "suicide" else kind
            ]
            if kind == "self_harm" and (
                care := next(
                    (
                        a.concepts.words["wound_care"]
                        for line, a in zip(lines, analyses, strict=True)
                        if line.sender == "visitor"
                        and "wound_care" in a.concepts.names
                        and not a.concepts.suppressed
                    ),
                    None,
                )
            ):
                # blind sets 37 and 38 (top42): a wound that needs stitches or does not stop
                # bleeding is for the health line and the emergency number first; the crisis
                # lines follow.
                boosts = {**boosts, **WOUND_CARE_BOOSTS}
                words = [*words, care]
            for topic, base_boost in boosts.items():
                boost = base_boost if topic == "emergency" else base_boost * scale
                topics[topic] = topics.get(topic, 0.0) + boost
                for word in words:
                    topic_terms.setdefault(topic, {}).setdefault(word, [boost, boost])

        scored: list[tuple[float, int]] = []
        for position, service in enumerate(self._services):
            best = total = 0.0
            for category, category_weight in self._service_categories[position]:
                value = topics.get(category, 0.0) * category_weight
                total += value
                if value > best:
                    best = value
            base = best + OTHER_CATEGORIES_SHARE * (total - best) + direct.get(service.id, 0.0)
            if base <= 0.0 or service.country not in (country, ANY_COUNTRY):
                continue
            fit = max(
                (
                    min(audience.get(a, 0.0), YOUTH_SERVICE_ADULT_RELATIVE_FIT)
                    if a == "relative" and young_only[position] and not young_subject
                    else audience.get(a, 0.0)
                    for a in service.audience
                ),
                default=0.0,
            )
            factor = AUDIENCE_MISMATCH_FLOOR + (1.0 - AUDIENCE_MISMATCH_FLOOR) * fit
            scored.append((base * factor * service.weight, position))
        scored.sort(key=lambda item: (-item[0], item[1]))

        suggestions = []
        for score, position in scored[: max(0, top)]:
            service = self._services[position]
            suggestions.append(
                Suggestion(
                    service.id,
                    score,
                    self._matched_words(service, position, topic_terms, service_terms),
                    service,
                )
            )
        shown = {suggestion.id for suggestion in suggestions}
        fallbacks = FALLBACK_SERVICES.get(country, ()) if lines else ()
        for rank, fallback in enumerate(fallbacks):
            if len(suggestions) >= top:
                break
            if fallback in self.directory and fallback not in shown:
                score = FALLBACK_SCORE / (rank + 1)  # below any real match, still ranked
                suggestions.append(Suggestion(fallback, score, [], self.directory[fallback]))
        if verdict is not None:
            return Suggestions(verdict[0], list(verdict[1]), suggestions)
        return Suggestions(bool(urgent_kinds), _reasons(urgent_kinds), suggestions)

    # -- analysis -------------------------------------------------------------------------------

    def _analyse(self, text: str) -> _LineAnalysis:
        cached = self._line_cache.get(text)
        if cached is not None:
            return cached
        tokens = implied_breaks(tokenize(text))
        matches, sentences = self._matcher.match_tokens(tokens)
        analysis = self._summarise(text, tokens, matches, sentences)
        if len(self._line_cache) >= LINE_CACHE_SIZE:
            for key in list(self._line_cache)[: LINE_CACHE_SIZE // 2]:
                del self._line_cache[key]
        self._line_cache[text] = analysis
        return analysis

    def _summarise(
        self, text: str, tokens: list[str], matches: list[Match], sentences: list[int]
    ) -> _LineAnalysis:
        kinds, names = self._target_kind, self._target_name
        sentence_count = (sentences[-1] + 1) if sentences else 1
        if "no" in tokens and len(_EN_MARKERS.intersection(tokens)) > len(
            _NB_MARKERS.intersection(tokens)
        ):
            # "No current case, we're reviewing policies": in an English line "no" is no, not
            # nynorsk "now" (blind set 15)
            matches = [
                m for m in matches
                if not (m[3] == m[4] and tokens[m[3]] == "no" and names[m[0]] in _NYNORSK_NOW)
            ]
        # A longer phrase owns its words: "säljer knark" is about crime, so the "knark" inside it
        # counts less towards drugs (and "röker på" less towards tobacco); and "dricker" inside
        # "dricker för mycket" is not counted twice towards alcohol.
        # A shorter phrase inside a longer one is owned the same way: "can't stop" inside
        # "can't stop crying" is grief, not an addiction.
        # covering[position]: the phrases (first word, last word, topic) over that position
        covering: dict[int, list[tuple[int, int, str]]] = {}
        for target, _, _, start, end, _, _ in matches:
            kind = kinds[target]
            if end > start and kind in (_TOPIC, _URGENT):
                topic = names[target] if kind == _TOPIC else _URGENT_TOPIC[names[target]]
                for position in range(start, end + 1):
                    covering.setdefault(position, []).append((start, end, topic))
        # Blind set 15: "en vape som nån i 9an hade" is someone in year 9 now, not "when in year
        # 9"; and an idiom owns its words for the cues too ("påvirket av noe som skjedde" is
        # affected, not intoxicated).
        idiom_spans = [(m[3], m[4]) for m in matches if names[m[0]] == "idiom"]
        # Blind set 16 (tri16): "full sen i fredags" is drunk since Friday until now; the day
        # inside it does not date the sentence as past.
        # tri37a: "sen i julas" likewise, though no "now" (`since_season`)
        since_spans = [(m[3], m[4]) for m in matches
                       if names[m[0]] in _SINCE_CLASSES and not m[5]]
        overstated = [(m[3], m[4]) for m in matches if names[m[0]] in _OVERSTATED and not m[5]]
        # Blind sets 18 and 20 (fp20): a "soon" or "now" inside a past phrase belongs to it ("för
        # snart 30 år sedan", "det är länge sen nu"): it says nothing of the present.
        past_spans = [
            (m[3], m[4]) for m in matches
            if kinds[m[0]] == _CUE and names[m[0]] == "past" and not m[5] and m[4] > m[3]
        ]
        # Blind set 22 (fp23): a "now" that says things are calm ("nu har det varit lugnt
        # länge", "it's quiet now", "nå er han snill"), that closes a span of years ("det är 6 år
        # sen nu", "it's been two years now") or that stands in a sentence whose act is denied
        # ("nu har han inte slagit nån") times no act of violence told elsewhere.
        quiet_spans = [
            (m[3], m[4]) for m in matches
            if kinds[m[0]] == _CUE and names[m[0]] == "calm_now" and not m[5]
        ] + [
            (m[3], m[4] + 1) for m in matches
            if kinds[m[0]] == _CUE and names[m[0]] in _YEARS_AGO and not m[5]
        ]
        # Blind set 22 (fp23): the day something was told or a visit took place ("sa idag
        # att", "fortalte meg i dag at", "told me today that", "ett besök idag") dates the
        # telling, not what was told.
        # A wish, a plan or a threat said that day is the risk itself ("igår sa han att han vill
        # dö"): its sentence keeps the time.
        said_risks = {m[6] for m in matches if not m[5] and (
            kinds[m[0]] == _URGENT or kinds[m[0]] == _CUE and names[m[0]] in _SAID_RISKS)}
        told_spans = [
            (m[3], m[4]) for m in matches
            if kinds[m[0]] == _CUE and names[m[0]] == "told_when" and not m[5]
            and m[6] not in said_risks
        ]
        # ... and an evening inside a habit ("vin varje kväll", "3 or 4 most nights") is no
        # tonight.
        habit_spans = [
            (m[3], m[4]) for m in matches
            if kinds[m[0]] == _CUE and names[m[0]] in _HABIT_CUES and not m[5] and m[4] > m[3]
        ]
        acts = {(m[6], m[5]) for m in matches
                if kinds[m[0]] == _CUE and names[m[0]] in _DENIABLE_ACTS}
        unhurt = {s for s, negated in acts if negated} - {s for s, negated in acts if not negated}
        matches = [
            m for m in matches
            if not (names[m[0]] == "past" and m[3] > 0 and tokens[m[3]] in _GRADE_PREPOSITIONS
                    and tokens[m[3] - 1] in _GRADE_HOLDERS)
            and not (kinds[m[0]] == _CUE and names[m[0]] in _IDIOM_OWNED_CUES and any(
                a <= m[3] and m[4] <= b for a, b in idiom_spans))
            and not (kinds[m[0]] == _CUE and names[m[0]] in _SINCE_OWNED_CUES and any(
                a <= m[3] and m[4] <= b for a, b in since_spans))
            and not (names[m[0]] == "time_now" and any(
                a < m[3] and m[4] <= b for a, b in past_spans))
            and not (names[m[0]] in _NYNORSK_NOW and _quiet_now(m, quiet_spans, unhurt))
            and not (names[m[0]] in _TOLD_TIMES and any(
                a <= m[3] and m[4] <= b for a, b in told_spans))
            and not (names[m[0]] in _NIGHTLY and any(
                a < m[3] and m[4] <= b for a, b in habit_spans))
        ]
        cue_sets: list[set[str]] = [set() for _ in range(sentence_count)]
        cue_words: dict[str, str] = {}
        best: dict[tuple[int, int], list[Any]] = {}
        urgent_hits: list[tuple[str, str, int, bool, int, int]] = []
        sentence_topics: list[set[str]] = [set() for _ in range(sentence_count)]
        hits: list[rules.Hit] = []
        clauses: list[int] = []
        clause = 0
        contrasted = -1
        after_but: dict[int, int] = {}
        """Clauses after a "men" / "but" in their sentence (with the position of that "men"):
        asserted, not part of an "om …" or a past that opened the sentence ("om nån frågar
        säger jag bra men jag önskar …")."""
        for position, token in enumerate(tokens):
            clauses.append(clause)
            if contrasted >= 0:
                after_but[clause] = contrasted
            if token in lexicon.SENTENCE_BREAKS:
                contrasted = -1
            elif token in _CONTRASTS:
                contrasted = position
            if token in lexicon.CLAUSE_BREAKS or token in lexicon.SENTENCE_BREAKS:
                clause += 1
        dates = {m[3]: m[4] for m in matches if kinds[m[0]] == _CUE and names[m[0]] == "past"
                 and not m[5]}
        """Where a past phrase starts, and where it ends ("för två år sen", "in 2015")."""
        if _has_digit(text):
            dates.update((position, position) for position in _past_years(tokens))
        # Blind set 16: a past told after the "men" is that clause's own ("han mår bättre men när
        # han var som sjukast för två år sen försökte han hoppa"): it asserts nothing now.
        contrast = frozenset(
            c for c, but in after_but.items()
            if not any(p > but and sentences[p] == sentences[but] for p in dates)
        )
        # Branch tri34: thoughts of death told as going on since a time ("har tänkt på det varje
        # dag sedan han dog för två år sedan", "I've wanted to die ever since"): that clause says
        # now, as one after a "men" does; the date is where they began.
        started = _since_started(tokens, sentences, clauses, dates, matches, kinds, names)
        contrast |= started
        habits: list[tuple[int, int, int]] = []
        conditionals: list[tuple[int, str]] = []
        condition_starts: list[tuple[int, int]] = []
        """Where each conditional phrase starts, with its sentence (tri37b)."""
        timed = {
            clauses[m[3]] for m in matches
            if kinds[m[0]] == _CUE and names[m[0]] in _PRESENT_TIME_CUES
        } | contrast
        """Clauses that say now or lately, or come after "men": not the past of their sentence."""
        untimed: dict[tuple[int, int], int] = {}
        """Topic matches outside a timed clause, with their sentence: in the past when it is."""
        dated = {
            position
            for m in matches
            if kinds[m[0]] == _CUE and names[m[0]] in _TIME_PHRASES and not m[5]
            for position in range(m[3], m[4] + 1)
        }
        """Positions inside a phrase that dates the sentence."""
        no_topic = {
            position
            for m in matches
            if kinds[m[0]] == _CUE and names[m[0]] == "no_topic"
            for position in range(m[3], m[4] + 1)
        }
        """top23: words that only look like a topic or a service's trigger ("spela boll" is no
        gambling, a dictated "full stop" no drink, "panta flaskor" no alcohol)."""
        own: set[int] = set()
        """Positions naming the writer's own title or workplace: neither a topic nor a service
        they ask for ("jobbar på socialtjänsten", "I'm a social worker")."""
        for target, _, _, start, end, negated, _ in matches:
            name = names[target]
            if kinds[target] != _CUE or negated:
                continue
            if name == "own_role":  # "jag är socialsekreterare": who writes, not a topic
                own.update(range(start, end + 1))
            elif (
                name == "workplace"
                and end + 1 < len(tokens)
                and (tokens[end + 1] not in _NOT_A_WORKPLACE)
            ):  # "jobbar på försörjningsstöd": the writer's workplace, not a topic; with a
                # title ("kurator på gymnasiet", "social worker in Malmö") the title is none either
                own.update(range(start, min(len(tokens), end + 1 + _OWN_ROLE_REACH)))
        residence = ""
        home = ""
        elsewhere = False
        kin_ends = {
            m[4] for m in matches
            if kinds[m[0]] == _CUE and names[m[0]] in ("loved_one", "parent") and not m[5]
        }
        """Where a word for someone close ends ("sambon", "min bror"): who works abroad."""
        destination = False
        for target, weight, lang, start, end, negated, sentence in matches:
            kind, name = kinds[target], names[target]
            if kind == _CUE and name in _COUNTRY_CUES and not negated:
                before = tokens[max(0, start - _LIVE_REACH) : start]
                lives = [n for n, token in enumerate(before) if token in _LIVE_WORDS]
                if lives:
                    at = start - len(before) + lives[-1]
                    # "min svåger bor i Norge": where someone else lives, not the writer
                    if not (
                        tokens[at - 1 : at] and tokens[at - 1] in _THIRD_PERSONS
                        or tokens[at - 2 : at - 1] and tokens[at - 2] in _POSSESSIVES
                    ):
                        # blind set 32 (tri32): someone close named bare before it ("bestemor
                        # bor i sverige", "mormor bor i Norge"): where they live, not the writer
                        # (not the writer's own title: "I'm a grandma living in Oslo")
                        if tokens[at - 1 : at] and tokens[at - 1] in _KIN_BARE and (
                            _WRITER.isdisjoint(tokens[max(0, at - 5) : at - 1])
                        ):
                            elsewhere = True
                        else:
                            residence = _COUNTRY_CUES[name]
                elif _HERE_WORDS.intersection(before):
                    residence = _COUNTRY_CUES[name]  # "här i Sverige": where the writer is
                elif _HOME_WORDS.intersection(before):
                    at = start - len(before) + max(
                        n for n, token in enumerate(before) if token in _HOME_WORDS
                    )
                    # "min bror är hemma i Tromsø": someone else's home, not the writer's
                    if not (
                        _THIRD_PERSONS.union(_POSSESSIVES).intersection(tokens[max(0, at - 3) : at])
                    ):
                        home = _COUNTRY_CUES[name]
                elif (
                    start >= 3
                    and tokens[start - 1] in _IN_WORDS
                    and (
                        tokens[start - 2] in _BE_WORDS
                        or tokens[start - 2] in _WORK_WORDS
                        and (tokens[start - 3] in _THIRD_PERSONS or start - 3 in kin_ends)
                    )
                    and tokens[start - 3] not in _FIRST_PERSONS
                    and tokens[start - 3] not in _PLACE_SUBJECTS
                    and tokens[start - 3] not in lexicon.SENTENCE_BREAKS
                ):
                    # "pappan är i Norge": where someone else is; a sentence opening with "were
                    # in Oslo" (a "we're" typed without its apostrophe) has the writer there
                    elsewhere = True
                elif (
                    start >= 2
                    and tokens[start - 1] in _FROM_WORDS
                    and (
                        tokens[start - 2] in _BACK_WORDS
                        or _THIRD_PERSONS.intersection(tokens[max(0, start - 5) : start - 1])
                    )
                ):
                    # "när han kommer hem från Norge", "she flies back from Oslo": where someone
                    # comes from is not where the writer lives (sugg14)
                    elsewhere = True
                elif (
                    start >= 2
                    and tokens[start - 1] in _TO_WORDS
                    and (
                        tokens[start - 2] in _TRAVEL_WORDS
                        # sugg20: "kjøre over til Sverige", "åka över till Norge"
                        or start >= 3
                        and tokens[start - 2] in _ACROSS_WORDS
                        and tokens[start - 3] in _TRAVEL_WORDS
                    )
                ):
                    destination = True  # "ska köra till Norge i natt"; not "åka hem till"
            if kind == _TOPIC and not negated:
                sentence_topics[sentence].add(name)
            surface = tokens[start] if start == end else " ".join(tokens[start : end + 1])
            if kind == _CUE and name in rules.RULE_CLASSES:
                if name in _NEGATED_AFTER and end + 1 < len(tokens):
                    # Scandinavian word order puts "inte" after the verb: "han slår ikke".
                    negated = negated or tokens[end + 1] in _AFTER_VERB_NEGATIONS
                hits.append(
                    rules.Hit(
                        "time_now" if name == "since" else name,  # until now (blind set 16)
                        start,
                        end,
                        not negated or name in rules.NEGATION_PROOF,
                        sentence,
                        rules.family(lang),
                        surface,
                        clauses[start],
                    )
                )
                continue
            if kind == _CUE:
                if name == "habitual":
                    habits.append((sentence, start, end))
                elif name == "conditional":
                    conditionals.append((sentence, tokens[end]))
                    condition_starts.append((sentence, start))
                if name == "alone" and negated and _NEVER.intersection(
                    tokens[max(0, start - _NEVER_REACH) : start]
                ):
                    continue  # "barn som aldrig är hos honom ensamma": never alone (everyday2)
                if not negated or name in _CUES_THAT_MAY_BE_NEGATED:
                    cue_sets[sentence].add(name)
                    if name not in cue_words:
                        cue_words[name] = surface
                continue
            if kind == _URGENT:
                urgent_hits.append((name, surface, sentence, negated, start, end))
            if kind in (_URGENT, _TOPIC) and start in covering:
                # A longer phrase around this word owns it; since sugg15 an urgent word too, whose
                # urgency finding stays ("overdose" in "took an overdose", "overdose risk").
                owned_by = {
                    topic for a, b, topic in covering[start] if end <= b and b - a > end - start
                }
                if owned_by:
                    if (_URGENT_TOPIC[name] if kind == _URGENT else name) in owned_by:
                        continue  # the phrase around it already counts for this topic
                    weight *= OWNED_WORD_WEIGHT
            if kind == _TOPIC and start in dated:
                continue  # "som tonåring", "used to": time, not a topic
            if (
                kind in (_TOPIC, _URGENT)
                and (_URGENT_TOPIC[name] if kind == _URGENT else name) in _RISK_TOPICS
                and any(a <= start and end <= b for a, b in overstated)
            ):
                continue  # "jobbet tar livet av mig": strain overstated, no risk (sugg16)
            before_word = tokens[max(0, start - 3) : start]
            if kind in (_TOPIC, _URGENT) and not negated and "om" in before_word:
                # "pratar inte om självmord", "handlar inte om att jag vill dö": said to rule it
                # out, as any negated topic word (the topic's weight only: an urgent finding was
                # taken above)
                at = start - 1 - before_word[::-1].index("om")
                negated = (
                    at >= 2
                    and tokens[at - 1] in lexicon.NEGATIONS
                    and tokens[at - 2] in _ABOUT_VERBS
                    and not _BREAKS.intersection(tokens[at:start])
                )
            if kind in (_TOPIC, _SERVICE) and (start in own or start in no_topic):
                continue
            if (
                kind != _SERVICE or name in self._emergency_services
            ) and clauses[start] not in timed:
                untimed[(target, start)] = sentence
            slot = best.get((target, start))
            if slot is None:
                slot = best[(target, start)] = [[0.0, 0.0, 0.0], negated, surface]
            if weight > slot[0][lang]:
                slot[0][lang] = weight
            if len(surface) > len(slot[2]):
                slot[2] = surface
        for sentence in {sentences[p] for p in dates}:
            if "past" not in cue_sets[sentence]:
                cue_sets[sentence].add("past")
                cue_words.setdefault("past", "year")
        mention: dict[tuple[bool, str, int], tuple[str, tuple[float, float, float, float]]] = {}
        present_topics: set[str] = set()
        parent_topics: set[str] = set()
        own_topics: set[str] = set()
        writer_clauses = {clauses[h.start] for h in hits if h.name == "first_person" and h.positive}
        parent_clauses = {
            clauses[m[3]]
            for m in matches
            if kinds[m[0]] == _CUE and names[m[0]] == "parent" and not m[5]
            and _writers_parent(tokens, m[3])
        }
        upbringing_clauses = {
            clauses[m[3]]
            for m in matches
            if kinds[m[0]] == _TOPIC and names[m[0]] == "children_of_parents" and not m[5]
        }
        """Clauses of growing up with a parent's habit ("I grew up with a mother who drank")."""
        parent_clauses |= upbringing_clauses
        person_clauses = {
            clauses[m[3]]
            for m in matches
            if kinds[m[0]] == _CUE and names[m[0]] in ("parent", "loved_one")
        } | {clauses[n] for n, token in enumerate(tokens) if token in _THIRD_PERSON_SUBJECTS}
        other = OTHER_LANGUAGE_WEIGHT
        accident = any(h.name == "accident" and h.positive for h in hits)
        # Blind set 25 (top27): a death wish said over a game lost ("ville dö när laget åkte ur
        # allsvenskan") is a fan's hyperbole for the suggestions too, as for urgency: its words
        # count as a quote's, unless a clause of it says now.
        banter = rules.banter_sentences(hits)
        banter_now = rules.banter_now(hits) if banter else set()
        # (a line already read as a joke or a quote counts its risks a quarter in suggest())
        joked = any(h.name in _JOKED_LINE and h.positive for h in hits)
        for (target, start), ((sv, nb, en), negated, surface) in best.items():
            kind, name = kinds[target], names[target]
            if kind == _URGENT:
                name = _URGENT_TOPIC[name]
            if accident and name == "self_harm":
                name = "health_care"  # "skar mig när jag lagade mat": an injury to look at
            f = NEGATED_WEIGHT if negated else 1.0
            if (
                name in _INNER_RISKS
                and not joked
                and sentences[start] in banter
                and clauses[start] not in banter_now
            ):
                f *= QUOTED_LINE_WEIGHT
            if negated and name == "emergency":
                f = 0.0  # "inget akut", "not an emergency": said to rule the emergency out
            past = untimed.get((target, start))
            if (
                past is not None
                and (name in _PAST_TOPICS or kind == _SERVICE)
                and _TIME_PHRASES & cue_sets[past]
            ):
                f *= PAST_SENTENCE_WEIGHT
            if (
                kind != _SERVICE
                and not negated
                and (past is None or "own_childhood" not in cue_sets[past])
            ):
                present_topics.add(name)
            if kind == _TOPIC and not negated:
                # top40: whose habit a clause tells. A parent's where the writer's parent is
                # named and the writer is not ("mamma är nykter sen länge"), or is as a child
                # ("my mum drank when I was a kid"); else the writer's own where the writer is
                # named ("jag har köpt lootboxar på mammas kort") or no one is ("öppnar en box
                # vin på fredag").
                clause_of = clauses[start]
                childhood = (
                    bool(_CHILDHOOD_CUES & cue_sets[sentences[start]])
                    or clause_of in upbringing_clauses
                )
                if clause_of in parent_clauses and (
                    clause_of not in writer_clauses or childhood
                ):
                    parent_topics.add(name)
                elif clause_of in writer_clauses or (
                    clause_of not in person_clauses and not childhood
                ):
                    own_topics.add(name)
            weights = (
                max(sv, nb, en) * f,
                max(sv, other * nb, other * en) * f,
                max(other * sv, nb, other * en) * f,
                max(other * sv, other * nb, en) * f,
            )
            key = (kind == _SERVICE, name, start)
            earlier = mention.get(key)
            if earlier is None:
                mention[key] = (surface, weights)
            else:
                # One mention found by two patterns of a topic (an urgent phrase and a topic
                # phrase, "ta livet av sig"): counted once, at the stronger reading.
                (a0, a1, a2, a3), (b0, b1, b2, b3) = earlier[1], weights
                mention[key] = (
                    max(earlier[0], surface, key=len),
                    (max(a0, b0), max(a1, b1), max(a2, b2), max(a3, b3)),
                )
        contributions = [
            (for_service, name, surface, weights)
            for (for_service, name, _), (surface, weights) in mention.items()
        ]
        # "sovner hele tida": how often a symptom comes over the last hours, not a habit.
        symptoms = [(h.start, h.end) for h in hits if h.name in _SYMPTOMS]
        # tri23: "för att det brukar hjälpa": a remedy that usually helps, not a habit
        symptoms += [(h.start, h.end) for h in hits if h.name == "usual_reason"]
        if symptoms and habits:
            for sentence in {s for s, _, _ in habits}:
                if all(
                    any(a <= start and end <= b for a, b in symptoms)
                    for s, start, end in habits
                    if s == sentence
                ):
                    cue_sets[sentence].discard("habitual")
        # "e de hit man skriver om man inte vill finnas": the "om man" is the writer's own case
        # (not "om en elev ...": a professional asking in general).
        for sentence, sentence_cue_set in enumerate(cue_sets):
            if {"service_ask", "own_how"} & sentence_cue_set and all(
                word in _SELF_IN_QUESTION for s, word in conditionals if s == sentence
            ):
                sentence_cue_set.discard("conditional")
        # tri37b (blind set 35): a general question the same line says is the writer's own
        # ("how do you write a goodbye letter? asking for myself", or the lines joined by
        # _revealed_own) asks nothing ahead: its "how does one" is no hypothetical.
        if "self_reveal" in cue_words and "conditional" in cue_words:
            for sentence_cue_set in cue_sets:
                sentence_cue_set.discard("conditional")
        # tri37b (blind set 35): someone on a ledge or a height who says they will jump "if
        # anyone comes in": the condition after the jump is the threat's own, not a question
        # asked ahead ("what do you do if someone says they'll jump").
        if condition_starts:
            for sentence, at in condition_starts:
                if "conditional" in cue_sets[sentence] and any(
                    h.name == "jump" and h.sentence == sentence and h.end < at for h in hits
                ) and any(
                    h.name in _LEDGE_PLACES and h.positive and h.start < at for h in hits
                ):  # the place may stand a sentence before ("i 5. etasje. sier hun hopper om …")
                    cue_sets[sentence].discard("conditional")
        # tri40b (blind set 35): thoughts "om" something, carried for a span or growing ("har
        # gått rundt med tanker om å ta livet mitt hele dagen og de blir bare sterkere"): the
        # "om" is "about", and the thoughts are had, not asked ahead ("tänk om" read in
        # "tanker om"). Not when denied ("ingen tanker om å ta livet mitt"), nor with no span.
        if condition_starts:
            for sentence, at in condition_starts:
                if "conditional" in cue_sets[sentence] and tokens[at] in _THOUGHT_NOUNS and (
                    lexicon.NEGATIONS.isdisjoint(tokens[max(0, at - 3) : at])
                ) and any(
                    h.name in _THOUGHTS_GO_ON and h.positive and h.sentence == sentence
                    for h in hits
                ):
                    cue_sets[sentence].discard("conditional")
        # Blind set 16: a short clause opening a sentence that only dates the one before ("That
        # was 2018.", "nå er det fem år siden, ...") puts that one in the past too (for urgency
        # only: the suggestions still read what was told as told).
        dates.update(
            (m[3], m[4]) for m in matches
            if kinds[m[0]] == _CUE and names[m[0]] == "years_since" and not m[5]
        )
        for sentence in _dated_back(tokens, sentences, clauses, dates, hits):
            cue_sets[sentence].add("past")
            cue_words.setdefault("past", "dated")
        for clause in started:  # tri34: a sentence that says what goes on since its date
            cue_sets[sentences[clauses.index(clause)]].add("since_started")
        cues = tuple(frozenset(c) for c in cue_sets)
        urgent: list[tuple[str, str]] = []
        urgent_in: list[tuple[int, tuple[str, str]]] = []
        """Each urgent finding with the sentence it was found in: a takeback reaches only its
        own sentence and those before it (``rules.untaken_from``)."""
        said_at: dict[tuple[str, str], tuple[int, int]] = {}
        """Where each urgent phrase found stands: a farewell phrase a departure explains
        ("left him a goodbye letter and moved out") is that departure's (fp24)."""
        idioms = [(h.start, h.end) for h in hits if h.name == "idiom"]
        # Blind set 17 (tri17): an overdose told of someone now in hospital care ("överdoserade
        # i förrgår. Han ligger på avdelning nu"), in a clause that says no "now", is cared for.
        cared = any(h.name == "in_care" and h.positive for h in hits)
        # Blind set 27 (fp31b): the bare noun "overdose" in a line that tells another's death or
        # funeral ("went to a funeral today for a guy from my meeting. overdose") names what he
        # died of; a taking told ("took an overdose", "overdosed") still counts.
        mourned = any(h.name in _MOURNED_TOLD and h.positive for h in hits)
        timed_now = {h.clause for h in hits if h.name in ("time_now", "just") and h.positive}
        said_now = banter_now
        believed = rules.believed_clauses(hits)
        for name, surface, sentence, negated, start, end in urgent_hits:
            if any(a <= end and start <= b for a, b in idioms):
                continue  # "orkar inte leva med ångesten": an idiom owns its words
            if name in _INNER_RISKS and clauses[start] in believed:
                continue  # "nu tror hon att jag vill ta livet av mig": her worry (fp25)
            if sentence in banter and name in _INNER_RISKS and clauses[start] not in said_now:
                continue  # "'jag vill dö' sa jag när vi förlorade mot AIK": hyperbole
            if name == "overdose" and cared and clauses[start] not in timed_now:
                continue
            if name == "overdose" and mourned and surface in _OVERDOSE_NOUNS:
                continue  # fp31b: "a funeral today for a guy from my group. overdose": the cause
            suppressors = _OVERDOSE_SUPPRESSORS if name == "overdose" else _SUPPRESSING_CUES
            if clauses[start] in started:
                suppressors = suppressors - {"past"}  # tri34: going on since its date
            if not negated and not (suppressors & cues[sentence]):
                _add_finding(urgent, (name, surface))
                urgent_in.append((sentence, (name, surface)))
                said_at.setdefault((name, surface), (start, end))
        dosed = {h.sentence for h in hits if h.name == "duration"}
        for sentence, (sentence_cues, topics_here) in enumerate(
            zip(cues, sentence_topics, strict=True)
        ):
            findings = _sentence_violence(sentence_cues, cue_words)
            if (
                "ingest_many" in sentence_cues
                and not (sentence in dosed and cue_words["ingest_many"][-1:].isdigit())
                and _SUBSTANCES & topics_here
                and not _OVERDOSE_SUPPRESSORS & sentence_cues
            ):
                findings.append(("overdose", cue_words["ingest_many"]))
            for finding in findings:
                _add_finding(urgent, finding)
                urgent_in.append((sentence, finding))
        visitor_age, subject_ages = _ages(tokens) if _has_digit(text) else (None, ())
        ages = {str(age) for age in (visitor_age, *subject_ages) if age is not None}
        if ages:  # "pappa är 63": an age, not a count of pills
            hits = [h for h in hits if not (h.name == "many" and h.surface in ages)]
        if overstated:
            # Blind set 23 (fp24): "jobbet tar livet av mig" owns its words for the rules too,
            # as for the topics: its "tar" is nothing taken
            hits = [h for h in hits if not any(a <= h.start and h.end <= b for a, b in overstated)]
        found_hits = hits

        def settle(kept_hits: list[rules.Hit]) -> list[rules.Hit]:
            """Scope after the idioms are dropped: denied life, a risk over and turned back,
            ambivalence — the same for the line as read and for its "kept" variant below."""
            kept_hits = rules.turned_over(rules.negated_life(kept_hits, tokens), tokens)
            return rules.mark_ambivalence(kept_hits, tokens, sentences)

        hits = settle(rules.drop_idioms(hits, tokens))
        words_end = len(tokens)
        while words_end and tokens[words_end - 1] in lexicon.SENTENCE_BREAKS:
            words_end -= 1
        first = next((t for t in tokens if t not in lexicon.SENTENCE_BREAKS), "")
        opening = tuple(t for t in tokens[:_OPENING_WORDS] if t not in lexicon.SENTENCE_BREAKS)

        def read(
            line_hits: list[rules.Hit],
        ) -> tuple[rules.LineConcepts, tuple[tuple[str, str], ...], bool]:
            """The line's concepts, urgent findings and whether it needs its neighbours, for
            these hits (the line as read, or as the conversation decides below)."""
            line = rules.line_concepts(line_hits, cues, words_end, first, contrast, opening)
            # Blind set 23 (fp24): an urgent phrase that is also a farewell the line's departure
            # explains ("I left him a goodbye letter and moved out with the kids") goes with it,
            # as the farewell class's words do.
            departed = [(h.start, h.end) for h in line_hits if h.name == "departed"]
            # issue 11: a line that takes a joke back ("just kidding lol. now i really want to
            # kill myself") still says what follows its takeback
            untaken = rules.untaken_from(line_hits) if line.suppressed else None
            said: list[tuple[str, str]] = urgent
            if untaken is not None:
                said = []
                for sentence, finding in urgent_in:
                    if sentence >= untaken:
                        _add_finding(said, finding)
            findings = [] if line.suppressed and untaken is None else [
                finding for finding in said
                if not (finding in said_at and any(
                    a <= said_at[finding][1] and said_at[finding][0] <= b for a, b in departed))
            ]
            if not line.suppressed or untaken is not None:
                for finding in rules.line_findings(line_hits, cues, contrast):
                    _add_finding(findings, finding)
            else:
                # blind set 36 (tri38): a series imitated, a height asked with "man"
                for finding in rules.through_suppression(line_hits, cues):
                    _add_finding(findings, finding)
            needs = (
                not _WINDOW_CUES.isdisjoint(cue_words)
                or not _WINDOW_CONCEPTS.isdisjoint(line.names)
                or bool(line.leading_ending or line.negated_ending)
            )
            return line, tuple(findings), needs

        concepts, urgent_found, needs_window = read(hits)
        intoxicated: tuple[tuple[bool, bool], ...] = ()
        if "intoxicated" in cue_words:
            first_person = {sentences[i] for i, t in enumerate(tokens) if t in _FIRST_PERSON_WORDS}
            # "har druckit i 30 år": drinking for years is a habit, not drunk now (everyday2)
            years = {h.sentence for h in hits if h.name == "duration" and h.surface.split()[-1]
                     in rules.YEAR_WORDS}
            intoxicated = tuple(
                ("parent" in c, i in first_person)
                for i, c in enumerate(cues)
                if "intoxicated" in c and not (_NOT_NOW_CUES & c) and i not in years
            )
        distinct = set(tokens)
        votes = (
            len(_SV_MARKERS & distinct),
            len(_NB_MARKERS & distinct),
            len(_EN_MARKERS & distinct),
        )

        bare = [t for t in tokens[:3] if t not in lexicon.SENTENCE_BREAKS]
        bare_number = None
        if (
            bare
            and _is_number(bare[0])
            and len(tokens) <= 3
            and (len(bare) == 1 or bare[1] in lexicon.AGE_WORDS_AFTER)
        ):
            bare_number = int(bare[0])
        kin = frozenset(m[4] for m in matches if names[m[0]] in _KIN_CUES and not m[5])
        analysis = _LineAnalysis(
            contributions=tuple(contributions),
            urgent=urgent_found,
            cues=cues,
            cue_union=frozenset(cue_words),
            topics=frozenset().union(*sentence_topics),
            needs_window=needs_window,
            cue_words=cue_words,
            intoxicated_sentences=intoxicated,
            visitor_age=visitor_age,
            subject_ages=subject_ages,
            people_ages=_people_ages(tokens, subject_ages),
            bare_number=bare_number,
            language_votes=votes,
            first_word=bare[0] if bare else "",
            affirmed=_affirmed(tokens),
            residence=residence,
            home=home,
            elsewhere=elsewhere,
            destination=destination,
            concepts=concepts,
            leaving=_leaving(tokens, sentences, hits, cues, kin),
            present_topics=frozenset(present_topics),
            parent_topics=frozenset(parent_topics),
            own_topics=frozenset(own_topics),
        )
        # Blind set 19 (au19): the same line read as the conversation decides
        # (_departure_told): with its goodbyes and give-aways explained by a departure told in
        # another line ("säljer allt, säger hejdå till alla" / "flyttar till min flickvän i
        # Umeå"), and with none explained, where another line has a word of dying ("gir bort
        # alt, flytter ut" / "trenger det ikke der jeg skal").

        def read_as(variant: list[rules.Hit]) -> _LineAnalysis:
            variant_concepts, variant_urgent, variant_window = read(variant)
            return dataclasses.replace(
                analysis, urgent=variant_urgent, concepts=variant_concepts,
                needs_window=variant_window,
            )

        departed = kept = None
        if any(h.positive and h.name in rules.DEPARTED for h in hits):
            departed = read_as(rules.as_departed(hits))
        if any(h.name == "departed" for h in hits):
            kept = read_as(settle(rules.drop_idioms(found_hits, tokens, departures=False)))
        if departed is None and kept is None:
            return analysis
        return dataclasses.replace(analysis, departed=departed, kept=kept)

    # -- urgency --------------------------------------------------------------------------------

    def _urgency(
        self, conversation: Conversation, analyses: Sequence[_LineAnalysis]
    ) -> dict[str, list[str]]:
        """Urgent kinds found, each with the words that show it (visitor lines only).

        A question asked "for a friend" or about "someone" that the visitor then says is their
        own ("Är det du som gör så?" / "ja", "det er for meg") is read again as the writer's
        (blind set 9)."""
        found = self._urgency_of(conversation, analyses)
        if found:
            return found
        joined = _joined_words(conversation.lines)
        if joined is not None:
            # One sentence typed a word at a time ("burned" / "myself"): read as one line too.
            own = Conversation(conversation.lang, conversation.role, joined)
            found = self._urgency_of(own, [self._analyse(line.text) for line in joined])
            if found:
                return found
        revealed = _revealed_own(conversation.lines, analyses)
        if revealed is None:
            return found
        # The visitor's lines before, told as the writer's own and as one message (so the
        # window that reads the answer reaches them), staff questions after them, then the rest.
        before = conversation.lines[:revealed]
        told = ". ".join(_as_own(line.text) for line in before if line.sender == "visitor")
        if "self_reveal" in analyses[revealed].cue_words:
            # tri37b: "spør for meg selv" read with the question it owns, so that its "hvordan
            # … man" is no longer asked ahead (the line also stays where it was)
            told = f"{told}. {conversation.lines[revealed].text}"
        lines = [
            Line("visitor", told),
            *(line for line in before if line.sender != "visitor"),
            *conversation.lines[revealed:],
        ]
        own = Conversation(conversation.lang, conversation.role, lines)
        return self._urgency_of(own, [self._analyse(line.text) for line in lines])

    def _urgency_of(
        self, conversation: Conversation, analyses: Sequence[_LineAnalysis]
    ) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}

        def add(kind: str, words: str) -> None:
            words_found = found.setdefault(kind, [])
            if not any(words in earlier for earlier in words_found):
                words_found[:] = [earlier for earlier in words_found if earlier not in words]
                words_found.append(words)

        lines = conversation.lines
        # Blind set 19 (au19): an ordinary leaving told in the conversation ("flyttar till min
        # flickvän i Umeå", "retired today") is what the goodbyes and give-aways were; beside
        # a word of dying or "won't need them where I'm going" no leaving explains them.
        told = _departure_told(lines, analyses)
        if told is not None:
            analyses = [
                (a.departed if told else a.kept) or a if line.sender == "visitor" else a
                for line, a in zip(lines, analyses, strict=True)
            ]
        analyses = self._laugh_denied(lines, analyses)
        analyses = _general_topic(lines, analyses)
        visitor = [a for line, a in zip(lines, analyses, strict=True) if line.sender == "visitor"]
        role = _normalise_role(conversation.role)
        child_writer = (
            role == "child"
            or any(a.visitor_age is not None and a.visitor_age <= 15 for a in visitor)
            or any(age <= 15 for age in _answered_ages(lines, analyses))
        )
        positions = [p for p, line in enumerate(lines) if line.sender == "visitor"]
        # A "no" to a staff question about suicide between ("Har du tanker om å ta livet
        # ditt?" / "nei ikke sånn") answers that question; it does not take back a passive
        # death wish before it (blind set 9). A "no" to "what do you mean?" still does.
        answered_no = [
            order + 1 < len(visitor)
            and visitor[order + 1].first_word in _NO
            and any(
                lines[p].sender == "staff" and "?" in lines[p].text
                and bool(analyses[p].cue_words.get("staff_suicide_question") or any(
                    kind == "suicide" for kind, _ in analyses[p].urgent)
                    # blind set 20 (tri20): asking how or for a plan after a death wish
                    # ("Har du tänkt på hur?" / "nej inte så"): the "no" is about the how
                    or (_HOW_ASKED & analyses[p].concepts.names
                        and any(kind == "suicide" for kind, _ in visitor[order].urgent)))
                for p in range(positions[order] + 1, positions[order + 1])
            )
            for order in range(len(visitor))
        ]
        # fp40: a "yes" to a staff question whether the writer is safe ("Are you safe at
        # home?" / "yes, ...")
        said_safe = any(
            visitor[order].affirmed
            and any(
                lines[p].sender == "staff" and "staff_safety_question" in analyses[p].cue_words
                for p in range(positions[order - 1] + 1 if order else 0, positions[order])
            )
            for order in range(len(visitor))
        )
        quote_claimed = any("was_quote" in a.concepts.names for a in visitor)
        taken = [
            order + 1 < len(visitor)
            and (
                visitor[order + 1].concepts.takes_back
                or self._goes_somewhere(
                    visitor[order], lines[positions[order]].text,
                    lines[positions[order + 1]].text,
                )
            )
            and not answered_no[order]
            # blind set 28 (fp28): a "no" to the staff question whether a thought of death is a
            # wish to die, that says the writer wants to live ("nej verkligen inte! jag vill
            # leva länge"), answers a thought with no wish or plan in it: that thought was no
            # risk. A passive wish before the "no" still counts (blind set 9).
            # blind set 32 (fp32a): a post quoted in a line ("min kompis skrev \"jag vill bara
            # försvinna\" på sin story") that a later line, with nothing urgent between, says
            # was a song's or a book's ("det är en rad ur refrängen")
            or quote_claimed and _quote_explained(visitor, lines[positions[order]].text, order)
            or answered_no[order]
            and "over" in visitor[order + 1].concepts.names
            and "thought" in visitor[order].concepts.names
            and _DENIED_THOUGHT.isdisjoint(visitor[order].concepts.names)
            for order in range(len(visitor))
        ]
        explained = _decision_explained(lines, visitor, positions)
        for order, analysis in enumerate(visitor):
            for kind, words in analysis.urgent:
                if order in explained and kind == "suicide" and words == explained[order]:
                    continue  # fp32b: "har bestämt mig nu" / … / "att sluta dricka"
                if not (taken[order] and (kind in _TAKEN_BACK or kind == "overdose" and (
                    _NAMED_INTAKE.isdisjoint(analysis.concepts.names)
                ))):
                    add(kind, words)
        joined = _joining_the_dead(visitor, taken)
        if joined is not None:
            add("suicide", joined)
        turned = _joke_turned(visitor, lines, positions)
        if turned is not None:
            add("suicide", turned)
        # A visitor's "ja" to a staff question ("Är du ensam hemma nu?") says what was asked.
        not_yet = [
            _still_to_come(lines[p].text, lines[p - 1].text)
            if p > 0 and lines[p - 1].sender == "staff" and "?" in lines[p - 1].text
            else ""
            for p in positions
        ]
        """A "not yet" to whether the writer has taken something (tri22)."""
        concepts = [
            self._merged(analyses[p].concepts, self._asked(lines[p - 1].text, analyses[p - 1]),
                         not_yet=not_yet[order])
            if (analyses[p].affirmed and not analyses[p - 1].cue_words.get("asked_someone")
                or _answers_with_evidence(analyses[p]) or not_yet[order])
            and not _yes_in_the_past(analyses[p])
            and p > 0
            and lines[p - 1].sender == "staff"
            and "?" in lines[p - 1].text
            else analyses[p].concepts
            for order, p in enumerate(positions)
        ]
        gone = _gone_silent(lines, analyses)
        if gone is not None:
            order, asked = gone
            concepts[order] = dataclasses.replace(
                concepts[order], names=concepts[order].names | {"unreachable"},
                words={**concepts[order].words, "unreachable": asked},
            )
        flagged = [
            order
            for order, analysis in enumerate(visitor)
            if analysis.needs_window or not _WINDOW_CONCEPTS.isdisjoint(concepts[order].names)
        ]
        # Whether a line after each says that one who did not answer has written since ("nu
        # skrev han") or why they are silent ("ingen täckning"); said before the silence
        # ("hörde av sig i morse ... nu svarar hon inte") it explains nothing.
        heard_later = [False] * len(concepts)
        for order in reversed(range(len(concepts) - 1)):
            heard_later[order] = "heard_from" in concepts[order + 1].names or heard_later[order + 1]
        window_ends = sorted(
            {end for f in flagged for end in range(f, min(len(visitor), f + URGENT_WINDOW_LINES))}
        )
        # round 25 (tri25): the first line that tells an abrupt stop of drinking; a window after
        # it reads its withdrawal signs as that stop's (found once, not per window)
        first_stop = next(
            (o for o, c in enumerate(concepts) if "withdrawal" in c.names and not c.suppressed),
            len(concepts),
        ) if window_ends else len(concepts)
        for order in window_ends:
            start = max(0, order - URGENT_WINDOW_LINES + 1)
            window = visitor[start : order + 1]
            read = (*concepts[start : order + 1], *window)
            silent = _silent_line(concepts, start, order + 1)
            reached = silent is not None and heard_later[silent]
            withdrawn = first_stop < start
            key = (*map(id, read), child_writer, reached, withdrawn)
            cached = self._window_cache.get(key)
            if cached is None:
                cached = self._window_cache[key] = (
                    _window_urgency(
                        window, concepts[start : order + 1], child_writer, reached, withdrawn
                    ),
                    read,  # kept, so the ids in the key stay theirs
                )
                if len(self._window_cache) > LINE_CACHE_SIZE:
                    self._window_cache.clear()
                    self._window_cache[key] = cached
            findings = cached[0]
            if findings and any(taken[start : order + 1]):
                # A line the next one takes back ("Det var ett skämt") gives no suicide,
                # self-harm or violence across lines either (blind set 12).
                kept = [
                    c if not back else dataclasses.replace(
                        c, names=frozenset(), words={}, give_aways=frozenset()
                    )
                    for c, back in zip(concepts[start : order + 1], taken[start : order + 1],
                                       strict=True)
                ]
                again = _window_urgency(window, kept, child_writer, reached, withdrawn)
                findings = [f for f in findings if f[0] not in _TAKEN_BACK] + [
                    f for f in again if f[0] in _TAKEN_BACK
                ]
            for kind, words in findings:
                if kind == "suicide" and any(
                    explained.get(o) == words for o in range(start, order + 1)
                ):
                    continue  # fp32b: the bare decision, across lines too
                add(kind, words)
        # A visitor answering "yes" to a staff member's direct question about suicide.
        for position, question in enumerate(analyses):
            if lines[position].sender != "staff" or "?" not in lines[position].text:
                continue
            asked = question.cue_words.get("staff_suicide_question") or next(
                # A question that itself says a wish to die ("Menar du att du vill dö?").
                (words for kind, words in question.urgent if kind == "suicide"),
                "",
            )
            if not asked or self._offer_answered(lines[position].text):
                continue
            at = next(
                (p for p in range(position + 1, len(lines)) if lines[p].sender == "visitor"),
                None,
            )
            if at is None:
                continue
            answer = analyses[at]
            # A "ja", or an answer that names how often ("hele tida") or the means and place
            # at hand ("står på balkongen nu", "pills next to me"): the answer is yes.
            if _yes_in_the_past(answer):
                continue
            # Blind set 23 (fp24): to "have you asked him whether …?" a "ja" says the writer
            # asked; what the other answered must be told.
            yes = "" if question.cue_words.get("asked_someone") else answer.affirmed
            said = yes or ("" if answer.first_word in _NO
                                       or answer.concepts.suppressed else next(
                (answer.concepts.words[name] for name in _RISK_ANSWERS
                 if name in answer.concepts.words),
                "",
            ))
            if not said and answer.first_word not in _NO and not answer.concepts.suppressed:
                said = _when_answered(question, answer, lines[at].text)
            if said:
                # blind set 27 (tri32): "Har han skadat dig?" asks of violence by another
                other = question.cue_words.get("other_hurts_you")
                add("violence" if other else "suicide", f'{said}" to "{other or asked}')
        over_and_fine = _over_and_fine(visitor, lines, positions)
        if over_and_fine and found.keys() <= _OVER_KINDS:
            found.clear()  # fp30: taken or collapsed a day back, fine now
        if found.keys() <= _DETOX_KINDS and _detox_planned(visitor):
            found.clear()  # fp30: fits feared before a detox planned with a doctor
        if found.keys() <= _AHEAD_KINDS and _sobering_ahead(visitor):
            found.clear()  # fp37: asking how long a drink lasts, before a drive tomorrow
        if not found and self.model is not None:
            texts = [line.text for line in lines if line.sender == "visitor"]
            verdict, sure = self._model_verdict(texts)
            shown = visitor[-MODEL_WINDOW_LINES:]
            skipped = len(visitor) - len(shown)
            backs = [
                n + 1 < len(shown) and taken[skipped + n] for n in range(len(shown))
            ]
            if verdict is not None and _supported(
                verdict, shown, backs, sure=sure,
                any_kind=verdict.probability >= self.model.any_kind, denied=any(answered_no),
                said_safe=said_safe,
            ):
                add(verdict.kind, '" + "'.join(verdict.words))
            if over_and_fine and found.keys() <= _OVER_KINDS:
                found.clear()  # fp30: the model's reading of the same, as for the rules
            if found.keys() <= _AHEAD_KINDS and _sobering_ahead(visitor):
                found.clear()  # fp37: the model's reading of the same, as for the rules
        if "child_at_risk" in found:
            ages = [age for a in visitor for age in a.subject_ages]
            # Blind set 30 (fp31b): an age answered to a staff question about the one written
            # of ("Hur gammal är han?" / "20") is that one's age, as if written beside them.
            ages += _answered_ages(lines, analyses, others=True)
            names = frozenset().union(*(c.names for c in concepts))
            instead = rules.child_at_risk_instead(
                names,
                adult_subject=(bool(ages) and min(ages) >= ADULT_AGE
                               and not any("parent" in a.cue_union for a in visitor))
                # fp42: "kids are grown up", "sønnen min drikker mye": as for an adult's age
                or "grown_children" in names,
                child_writer=child_writer,
                small_child=any(age <= SMALL_CHILD_AGE for age in ages),
            )
            silent = _silent_line(concepts)
            if instead == "third_party_danger" and silent is not None and heard_later[silent]:
                instead = ""  # a grown-up who did not answer and has written since
            if instead is None and not ages and _unborn(names, concepts, child_writer):
                instead = ""  # fp31b: "drack vin innan jag visste att jag var gravid" / "barnet"
            if instead is not None:
                for words in found.pop("child_at_risk"):
                    if instead:
                        add(instead, words)
        if "child_at_risk" in found and "third_party_danger" in found and _drove_off_alone(
            concepts
        ):
            # blind set 35 (tri40a): a child telling that a drunk parent has just driven off
            # ("min pappa har druckit hela dan och har precis kört iväg med bilen"), with no
            # child in the car and none left alone, is the danger on the road: the labelling
            # rules say `third_party_danger` (b20aw-nb-005 too). Only the kind changes.
            for words in found.pop("child_at_risk"):
                add("third_party_danger", words)
        if "overdose" in found and _intake_habit(visitor, concepts, child_writer):
            # Round 23 (kind23): a parent's habit of taking many pills told by a child ("min
            # mamma tar massa tabletter och sover hela dagarna") is no overdose now: the child
            # is in the care of an adult who is out of it. Only the kind changes.
            for words in found.pop("overdose"):
                add("child_at_risk", words)
        if "goodbye" in found and "suicide" in found:
            # blind sets 35 and 36 (tri38): a goodbye message or farewell from someone who now
            # does not answer ("kona la igjen en lapp: 'dere klarer dere bedre uten meg'.
            # telefonen hennes er av") is `goodbye` by the labelling rules; the death words in
            # it are that person's, not the writer's. Only the kind changes.
            for words in found.pop("suicide"):
                add("goodbye", words)
        if "child_at_risk" in found and "goodbye" in found and all(
            any(words.rpartition('" + "')[2] in bye for bye in found["goodbye"])
            for words in found["child_at_risk"]
        ):
            # blind set 36 (tri40a): a child or parent read in a goodbye from one who now does
            # not answer ("jag är mamma till en 30-åring" / "han lämnade en lapp ... det är inte
            # ditt fel'. han svarar inte"), whose silence is the goodbye's too, is `goodbye` by
            # the labelling rules. A child with a drunk adult now keeps its own finding. Only
            # the kind changes.
            for words in found.pop("child_at_risk"):
                add("goodbye", words)
        if "suicide" in found and "third_party_danger" in found and _death_talk_theirs(
            found["suicide"], found["third_party_danger"], concepts
        ):
            # blind sets 35 and 36 (tri40a): the death talk of one who is now gone ("han har
            # pratat om att han inte orkar leva. o nu vet jag inte var han e. han gick ut igår
            # kväll o har inte kommit hem"), read by the danger rule as theirs, is
            # `third_party_danger` by the labelling rules, not the writer's suicide. Only the
            # kind changes.
            del found["suicide"]
        if found.keys() == {"third_party_danger"} and role == "self" and _own_height_only(
            found["third_party_danger"], concepts
        ):
            # blind sets 35 and 36 (tri40b): the writer, writing of themself, at a height, no
            # one else named in its sentence ("sitting on the roof of my building. its quiet up
            # here", "standing on the bridge"): `suicide` by the labelling rules, not danger to
            # a third party. Not for a chat of unknown role ("grannen sitter på taket igen",
            # b27bl-sv-001: the neighbour is no class word). Only the kind changes.
            found["suicide"] = found.pop("third_party_danger")
        if "suicide" in found and _someone_elses_end(found, role, concepts):
            # blind set 35 (tri40b): death talk that is all someone else's, told by a relative
            # or a professional, of someone driving ("onkelen min kjører rundt i fylla nå, han
            # sa han skulle 'kjøre av veien'"): `third_party_danger` by the labelling rules.
            # Someone at home who says they want to die (b36by-sv-024, b12ab-en-003) stays
            # `suicide`, as the older sets label it. Only the kind changes.
            # blind sets 37 and 38 (top42): someone else's suicide act going on now, told by a
            # relative or a professional (a friend on a bridge or a roof edge saying he will
            # jump, a client with the rope ready who hung up, a colleague who bought a rope and
            # does not answer), no ending the writer's own: `third_party_danger` by most read
            # sets (57 read chats against 12 labelled `suicide`; see docs). A
            # young writer (role child) at a bridge is the writer's own risk and keeps
            # `suicide`; so does a chat where an overdose, a body's emergency or violence is
            # found too (their kinds come before a third party's). Only the kind changes.
            for words in found.pop("suicide"):
                add("third_party_danger", words)
        if "medical" in found and "third_party_danger" in found and _lying_in_the_cold(concepts):
            # blind set 36 (tri40b): someone lying drunk and not moving in the cold ("my
            # neighbour is lying in the stairwell and not moving. smells of booze ... minus
            # ten") is `third_party_danger` in every set that tells it (b13af-en-023,
            # b5f-nb-021, b23bf-nb-020 ...), not a body's emergency of its own. Only the kind
            # changes.
            del found["medical"]
        if "overdose" in found and "medical" in found and _body_not_dose(concepts):
            # blind sets 35 and 36 (tri38): fits or delirium after an abrupt stop, or blood
            # thrown up after drinking, are `medical` by the labelling rules (a withdrawal, a
            # bleed), not an overdose, though something was drunk or taken. Only the kind changes.
            del found["overdose"]
        if "overdose" in found and "medical" in found and _drink_only(visitor, concepts):
            # blind sets 35 and 36 (tri40a): not waking and breathing strangely after drinking
            # alone ("drack massor igår", "han har druckit hela dagen") is alcohol poisoning,
            # `medical` by the labelling rules; pills or a drug told keep it an overdose. Only
            # the kind changes.
            del found["overdose"]
        return found

    def _laugh_denied(
        self, lines: Sequence[Line], analyses: Sequence[_LineAnalysis]
    ) -> Sequence[_LineAnalysis]:
        """Blind set 25 (tri27): a line laughed off ("ingen skulle ens märka om ja blev raderad
        från jorden lol") whose next visitor line opens by denying the laugh ("nej inte lol. på
        riktigt", "not lol, for real") is read again without its laughs. Only such pairs are
        read again, so a chat costs nothing more."""
        positions = [p for p, line in enumerate(lines) if line.sender == "visitor"]
        changed: list[_LineAnalysis] | None = None
        following: list[int | None] = [*positions[1:], None] if positions else []
        for before, after in zip(positions, following, strict=True):
            said = analyses[before].concepts
            if not (said.suppressed and "quote" in said.names):
                continue
            # tri42b (blind set 38): a death wish told as how things are and asked about in the
            # same line ("i wanna go to sleep and not wake up. every nite. is that normal lol"):
            # the laugh is a nervous one, not a joke; read it again without it as well.
            asked = "normal_q" in said.names and bool(_WISHED_ENDS & said.names) and (
                "habitual" in analyses[before].cue_union or "often" in said.names
            )
            if not (asked or after is not None and analyses[after].concepts.opens_serious):
                continue
            plain = _LAUGHS.sub(" ", lines[before].text)
            if plain == lines[before].text:
                continue
            again = self._analyse(plain)
            if again.concepts.suppressed:
                continue
            if changed is None:
                changed = list(analyses)
            changed[before] = again
        return analyses if changed is None else changed

    def _offer_answered(self, text: str) -> bool:
        """Whether a staff line that speaks of suicide ends on an offer of material, tips or
        links ("Vi frågar alltid rakt om tankar på att dö ... Vill du ha tips på
        utbildningsmaterial?", "e.g. \"Have you had thoughts of ...?\" Would you like links?"):
        the answer after it takes the offer when no question of the line, quoted examples left
        out, asks about the visitor's life (blind set 28, fp28). Read only for staff lines with
        a risk question, which are few."""
        unquoted = _QUOTED.sub(" ", text)
        questions = _QUESTIONS.findall(unquoted)
        if not questions:
            return False
        if "offer_material" not in self._analyse(questions[-1]).cue_words:
            return False
        # "Har du tankar på att ta ditt liv? Vill du ha tips?": the risk question is asked too
        return not any(
            "staff_suicide_question" in asked.cue_words
            or any(kind == "suicide" for kind, _ in asked.urgent)
            for asked in map(self._analyse, questions)
        )

    def _goes_somewhere(self, analysis: _LineAnalysis, text: str, following: str) -> bool:
        """Whether a line that speaks of disappearing goes on in the next with where to ("vill
        bara försvinna" / "till en stuga i fjällen", blind set 24, fp25), or one that speaks
        of disappearing or existing goes on with where online ("trött på att finnas till..." /
        "på facebook alltså", top27), or one that tells a goodbye goes on with where to ("my
        dad said goodbye to us this morning" / "to a rehab place for six weeks", fp40): read as
        one sentence, the two say nothing of suicide."""
        names = analysis.concepts.names
        farewell = not _FAREWELL_SAID.isdisjoint(names)
        if "disappear" not in names and "live" not in names and not farewell:
            return False  # the common case, before any tokenizing
        opening = tokenize(following)[:1]
        if not opening:
            return False
        if farewell and "disappear" not in names and "live" not in names:
            if opening[0] not in _TO_WORDS:
                return False  # a goodbye goes on only with where to
        elif opening[0] not in _TO_WORDS or "disappear" not in names:
            # blind set 25 (top27): existing or disappearing somewhere online ("trött på att
            # finnas till..." / "på facebook alltså"): the next line says where, if it opens
            # with it ("i världen" or "here" are no such place)
            if opening[0] not in _ONLINE_OPENERS or "online_place" not in self._analyse(
                following
            ).cue_union:
                return False
        joined = self._analyse(f"{text} {following}")
        return not any(kind == "suicide" for kind, _ in joined.urgent)

    def _merged(
        self, answer: rules.LineConcepts, question: rules.LineConcepts, *, not_yet: str = ""
    ) -> rules.LineConcepts:
        """``rules.merge_answer``, the same object for the same two lines, so the window cache
        (keyed by identity) finds windows with an answered question too."""
        key = (id(answer), id(question), not_yet)
        cached = self._merged_answers.get(key)
        if cached is None:
            if len(self._merged_answers) > LINE_CACHE_SIZE:
                self._merged_answers.clear()
            merged = rules.merge_answer(answer, question, not_yet=not_yet)
            cached = self._merged_answers[key] = (merged, answer, question)
        return cached[0]

    def _asked(self, text: str, analysis: _LineAnalysis) -> rules.LineConcepts:
        """What a staff line asks, for an answer to merge with: without its sentences of praise
        ("Bra at du har en plan. Hvor mye drikker du nå?"), which tell the staff member's view
        of what the visitor said, not a question (blind set 30, fp31b)."""
        parts = _SENTENCE_END.split(text)
        kept = [part for part in parts if not _PRAISE.match(part)]
        if len(kept) == len(parts) or not kept:
            return analysis.concepts
        return self._analyse(" ".join(kept)).concepts

    def _model_verdict(self, texts: Sequence[str]) -> tuple[ModelVerdict | None, bool]:
        """The learnt model's reading of the latest visitor lines (as many as a short
        conversation it was trained on), or None when it does not reach its threshold; and
        whether it is sure (its ``sure`` cut over at least ``MODEL_SURE_WORDS`` words)."""
        model = self.model
        assert model is not None
        key = tuple(texts[-MODEL_WINDOW_LINES:])
        read = sum(len(self._model_line(text).words) for text in key)
        if read < MODEL_MIN_WORDS:
            return None, False  # too few words to read: no verdict, whatever the model says
        verdict = self._model_windows.get(key)
        if verdict is None:
            # Below the threshold the verdict is not used, so its kind and words are not worked out.
            verdict = model.read_lines(
                [self._urgency_line(model, text) for text in key], least=model.threshold
            )
            _remember(self._model_windows, key, verdict)
        if verdict.probability >= model.threshold and verdict.words:
            return verdict, verdict.probability >= model.sure and read >= MODEL_SURE_WORDS
        return None, False

    def _topic_model_reading(self, lines: Sequence[Line]) -> Mapping[str, float]:
        """The topic model's probabilities for the conversation's first and latest visitor
        lines (``TOPIC_MODEL_LINES``), empty without a model or a visitor line."""
        model = self.topic_model
        if model is None:
            return {}
        texts = [line.text for line in lines if line.sender == "visitor"]
        first, latest = TOPIC_MODEL_LINES
        if len(texts) > first + latest:
            texts = texts[:first] + texts[-latest:]
        key = tuple(texts)
        reading = self._topic_readings.get(key)
        if reading is None:
            if sum(len(self._model_line(text).words) for text in key) < TOPIC_MODEL_MIN_WORDS:
                reading = {}
            else:
                reading = model.read_lines([self._topic_line(model, text) for text in key])
            _remember(self._topic_readings, key, reading)
        return reading

    def _topic_line(self, model: TopicModel, text: str) -> TopicLine:
        cached = self._topic_lines.get(text)
        if cached is None:
            cached = model.line(self._model_line(text))
            _remember(self._topic_lines, text, cached)
        return cached

    def _urgency_line(self, model: UrgencyModel, text: str) -> ModelLine:
        cached = self._urgency_lines.get(text)
        if cached is None:
            cached = model.line(self._model_line(text))
            _remember(self._urgency_lines, text, cached)
        return cached

    def _model_line(self, text: str) -> LineFeatures:
        cached = self._model_lines.get(text)
        if cached is None:
            cached = line_features(text)
            _remember(self._model_lines, text, cached)
        return cached

    # -- who is writing, and about what ---------------------------------------------------------

    def _audience_profile(
        self,
        role: str | None,
        analyses: Sequence[_LineAnalysis],
        lines: Sequence[Line],
        cues: Mapping[str, str],
        topics: Mapping[str, float],
        parents_habit: frozenset[str] = frozenset(),
    ) -> dict[str, float]:
        role = _normalise_role(role)
        ages = [
            a.visitor_age
            for a, line in zip(analyses, lines, strict=True)
            if line.sender == "visitor" and a.visitor_age
        ]
        ages.extend(_answered_ages(lines, analyses))
        age = ages[-1] if ages else None
        problem = any(topics.get(t, 0.0) > WEAK_PROBLEM for t in _PROBLEM_TOPICS)
        if role is None:
            if "professional" in cues:
                role = "professional"
            elif age is not None and age <= 17:
                role = "child" if "parent" in cues else "self"
            elif ("loved_one" in cues or "parent" in cues) and problem:
                role = "relative"
            else:
                role = "self"
        profile: dict[str, float]
        if role == "relative":
            profile = {"relative": 1.0, "adult": 0.7}
        elif role == "child":
            profile = {"child": 1.0, "youth": 0.9}
        elif role == "professional":
            adult_fit = REFERRING_ADULT_FIT if "refer_onward" in cues else PROFESSIONAL_ADULT_FIT
            profile = {"professional": 1.0, "adult": adult_fit}
        elif "pupil" in cues and "professional" not in cues and (age is None or age <= 20):
            # Writing of "läraren", "i klassen", "my teacher" about oneself: a pupil; of age
            # (top37: "nu är jag 19 och bor själv"), a young adult, no child.
            profile = (
                {"youth": 1.0, "adult": 1.0}
                if age is not None and age >= ADULT_AGE
                else {"youth": 1.0, "child": 1.0, "adult": PUPIL_ADULT_FIT}
            )
        else:
            profile = {"adult": 1.0}
        if age is not None:
            if age <= 17:
                profile.pop("adult", None)
                profile["child"] = 1.0
                profile["youth"] = 1.0
            elif age <= 20:
                profile["youth"] = max(profile.get("youth", 0.0), 0.9)
        if role in ("relative", "professional"):
            subject_ages = [s for a in analyses for s in a.people_ages]
            if any(12 <= s <= 20 for s in subject_ages) or "youth" in cues:
                profile["youth"] = max(profile.get("youth", 0.0), 0.8)
            if role == "professional" and any(s < 12 for s in subject_ages):
                # Blind set 19 (au19): a professional asking for a child ("grupper för barn
                # vars förälder är deprimerad? Gäller en 9-åring"): children's services fit.
                profile["child"] = max(profile.get("child", 0.0), 0.8)
        if role == "self" and topics.get("relatives", 0.0) >= RELATIVE_WORDS_AUDIENCE:
            # Writing as a relative in one's own words ("jag vårdar min man", "som anhörig"):
            # the services for relatives fit the writer almost as well as those for adults
            # (below 1.0: someone else's danger is not read into it, as for a relative's role).
            profile["relative"] = max(profile.get("relative", 0.0), RELATIVE_WORDS_FIT)
        if parents_habit and profile.get("child", 0.0) < 1.0:
            # top40: a grown child of a parent who drank ("växte upp med en alkoholiserad
            # pappa", "my mum has been sober 8 years"): a relative, however they sign in.
            profile["relative"] = max(profile.get("relative", 0.0), RELATIVE_WORDS_FIT)
        return profile

    def _context_topics(
        self,
        role: str | None,
        audience: Mapping[str, float],
        analyses: Sequence[_LineAnalysis],
        cues: Mapping[str, str],
        topics: dict[str, float],
        topic_terms: dict[str, dict[str, list[float]]],
        parents_habit: frozenset[str] = frozenset(),
    ) -> None:
        """Topics that follow from who writes and about whom, not from any single word."""

        def add(topic: str, amount: float, word: str | None) -> None:
            topics[topic] = topics.get(topic, 0.0) + amount
            if word:
                slot = topic_terms.setdefault(topic, {}).setdefault(word, [0.0, 0.0])
                slot[0] += amount
                slot[1] = max(slot[1], amount)

        role = _normalise_role(role)
        problem = max((topics.get(t, 0.0) for t in _PROBLEM_TOPICS), default=0.0)
        if role == "relative" or (
            role is None and "relative" in audience and audience["relative"] >= 1.0
        ):
            add("relatives", 1.0, cues.get("loved_one"))
        elif (
            "loved_one" in cues
            and problem > 0
            and cues["loved_one"].split()[0] not in _OTHERS_POSSESSIVES
        ):  # "hennes mamma", "his wife": someone else's family, not the writer's
            add("relatives", 0.5, cues["loved_one"])
        if "serious_ask" in cues and topics.get("suicide", 0.0) > 0.0:
            # top40: asking how to tell whether someone means it, beside words of suicide (a
            # friend's joke, a partner's remark): what the suicide-prevention lines teach.
            add("suicide", SERIOUS_ASK_SUICIDE, cues["serious_ask"])
        child_writer = audience.get("child", 0.0) >= 1.0
        if parents_habit and not child_writer:
            # top40: a parent's drinking (drugs, gambling) told by their grown child, never as
            # the writer's own: the words of it are a relative's matter, not help to cut down.
            for habit in parents_habit:
                topics["relatives"] = topics.get("relatives", 0.0) + topics.pop(habit, 0.0)
                _move_terms(topic_terms, habit, "relatives")
        # Blind set 25 (top27): a child's own gaming that a parent speaks of ("mamma säger att
        # jag är spelberoende", "mum worries i play too much") is no parent's problem: the
        # services for children of parents with one do not lead, the child's own do.
        own_gaming = (
            "parent_about_me" in cues and "gaming" in cues and "money_stake" not in cues
        )
        if child_writer and "parent" in cues and problem > 0 and not own_gaming:
            add("children_of_parents", 2.0 + min(problem, 2.0), cues["parent"])
            add("child_welfare", 0.5, None)
        elif child_writer and own_gaming:
            # top37: a child's own game, now read by what happens in it ("ett spel där man
            # skjuter"), that a parent worries over: the child's own line (Bris) before care.
            add("child_welfare", 2.0, None)
        elif child_writer:
            add("child_welfare", 1.0, None)
        if (
            not child_writer
            and "child_subject" in cues
            and (
                {"intoxicated", "alone"} & cues.keys()
                or any("violence" in analysis.present_topics for analysis in analyses)
            )
        ):
            # An adult seeing children left alone, with an intoxicated adult, or amid violence
            # told, not denied ("he has never hit me or the kids", sugg16); since top25 not
            # the violence of the writer's own childhood ("pappa slog mig när jag var liten",
            # told by a parent of children born since) nor a threat of a consequence ("hotat
            # att lämna mig"). Violence years ago that the children lived through still counts.
            add("child_welfare", 1.5, cues["child_subject"])
        subject_ages = [s for a in analyses for s in a.people_ages]
        if "professional" in audience and audience["professional"] >= 1.0:
            add("social_services", 0.5, None)
            # top24: a professional asking about suicide or self-harm among those they meet
            # ("en av killarna tog sitt liv, vad säger man om en kollega verkar nere?"): the
            # crisis line is what they pass on, before their own social services.
            risk, said = max(
                ((t, _capped_sum(topic_terms.get(t, {}))) for t in ("suicide", "self_harm")),
                key=lambda item: item[1],
            )
            if said > WEAK_PROBLEM:
                add(risk, PROFESSIONAL_RISK_SUBJECT, None)
                add("mental_health", PROFESSIONAL_RISK_SUBJECT, None)
            # A child named, or children of an age ("tränare för 11-åringar", "9-year-olds").
            child = cues.get("child_subject")
            if child or any(s < ADULT_AGE for s in subject_ages):
                add("child_welfare", 1.0, child)
                if "parent" in cues and problem > 0:
                    # A professional worried about a child's parent: a concern report situation.
                    add("child_welfare", 1.0, cues["parent"])
                    add("children_of_parents", 1.5, cues["parent"])
        if (
            "parent" in cues
            and role != "child"
            and problem > WEAK_PROBLEM
            and any(s >= ELDERLY_AGE for s in subject_ages)
        ):
            # An ageing parent ("mamma är 78 och vill flytta in", "jag orkar inte"): caring
            # for a relative, when something weighs on it (not a quarrel over golf).
            add("relatives", 1.0, cues["parent"])
        if role != "child" and any(12 <= s <= 20 for s in subject_ages):
            add("youth", 1.5, None)
            if role == "relative":
                add("parenting", 0.8, None)
        elif role == "relative" and any(s < 12 for s in subject_ages) and "loved_one" in cues:
            # A parent writing of "min son, han är 8": parenting, above relatives' support.
            add("parenting", YOUNG_CHILD_PARENTING, None)
        elif (
            role == "relative"
            and subject_ages
            and min(subject_ages) >= ADULT_CHILD_AGE
            and topics.get("parenting", 0.0) > 0
        ):
            # A parent of a grown child ("vår son är 30 och dricker", "setting limits"): a
            # relative's support, not parenting, which is for children and teenagers.
            topics["relatives"] = topics.get("relatives", 0.0) + topics.pop("parenting")
            _move_terms(topic_terms, "parenting", "relatives")
        elif role == "relative" and topics.get("youth", 0.0) > 0:
            # A parent writing of "my teen", "tonåringen" without an age: parenting too.
            add("parenting", 0.8, None)
        own_child = bool(_CHILD_WORDS.intersection(cues.get("loved_one", "").split()))
        if (
            (
                role == "relative"
                or role is None
                and (
                    audience.get("relative", 0.0) >= 1.0
                    # top37: "min son spelar …" with no role given: a parent, unless a child writes
                    or own_child
                    and audience.get("child", 0.0) < 1.0
                )
            )
            and "gaming" in cues
            and "money_stake" not in cues
            and (
                any(s < ADULT_AGE for s in subject_ages)
                or not subject_ages
                and bool(_CHILD_WORDS.intersection(cues.get("loved_one", "").split()))
            )
        ):
            # sugg15: a parent worried about a child's gaming (hours, the games' content):
            # limits at home are a parenting matter, whatever the games show.
            add("parenting", GAMING_PARENTING, cues["gaming"])

    def _conversation_country(
        self, lang: str | None, lines: Sequence[Line], analyses: Sequence[_LineAnalysis]
    ) -> str:
        for line, analysis in zip(reversed(lines), reversed(analyses), strict=True):
            if analysis.residence and line.sender == "visitor":
                return analysis.residence  # where they live, over places merely named
        for line, analysis in zip(reversed(lines), reversed(analyses), strict=True):
            if analysis.home and line.sender == "visitor":
                return analysis.home
        for line, analysis in zip(reversed(lines), reversed(analyses), strict=True):
            words = analysis.cue_words
            if (
                ("country_no" in words or "country_se" in words)
                and line.sender == "visitor"
                and not analysis.elsewhere
                and not (analysis.destination and lang in ("sv", "nb"))
            ):
                return "NO" if "country_no" in words else "SE"
        if lang == "nb":
            return "NO"
        if lang == "sv":
            return "SE"
        return self.directory.country

    def _matched_words(
        self,
        service: Service,
        position: int,
        topic_terms: Mapping[str, Mapping[str, list[float]]],
        service_terms: Mapping[str, Mapping[str, list[float]]],
    ) -> list[str]:
        ranked: dict[str, float] = {}
        for word, (total, _) in service_terms.get(service.id, {}).items():
            ranked[word] = ranked.get(word, 0.0) + total * 2
        for category, category_weight in self._service_categories[position]:
            for word, (total, _) in topic_terms.get(category, {}).items():
                ranked[word] = max(ranked.get(word, 0.0), total * category_weight)
        ordered = sorted(ranked.items(), key=lambda item: -item[1])
        return [word for word, _ in ordered[:MAX_MATCHED_SHOWN]]


# --- helpers ----------------------------------------------------------------------------------


_CHILDHOOD_CUES: Final = frozenset({"own_childhood", "former"})
_THIRD_PERSON_SUBJECTS: Final = _THIRD_PERSONS | frozenset(
    {"she's", "he's", "they're", "shes", "hes", "theyre", "hon's", "hun's"}
)
"""Someone else as a clause's subject: "she's been sober 8 years" is not the writer's habit."""
_OTHERS_PARENT_BEFORE: Final = _OTHERS_POSSESSIVES | frozenset(
    {"en", "ett", "ei", "et", "a", "an", "the", "some", "någon", "nån", "noen"}
)
_OTHERS_PARENT_FORMS: Final = frozenset(
    {"mamman", "pappan", "mammans", "pappans", "modern", "fadern", "mammor", "pappor", "mødre"}
)


def _writers_parent(tokens: Sequence[str], start: int) -> bool:
    """A parent word that names the writer's own ("mamma", "my mum", "moren min"), not a
    mother in a film or someone else's ("en mamma som super", "mamman", "her dad") (top40)."""
    if tokens[start] in _OTHERS_PARENT_FORMS:
        return False
    return start == 0 or tokens[start - 1] not in _OTHERS_PARENT_BEFORE


_HABIT_OVER_CUES: Final = frozenset({"own_childhood", "former", "sober_adult", "past"})
"""Cues that tell a parent's habit as over or of the writer's childhood (top40)."""
_PARENT_HABITS: Final = ("alcohol", "drugs", "gambling", "medicines")
"""Habits that, told of a parent by a grown child, make the writer a relative (top40)."""


def _parents_habit(
    role: str | None,
    lines: Sequence[Line],
    analyses: Sequence[_LineAnalysis],
    topics: Mapping[str, float],
) -> frozenset[str]:
    """The habits a writer signed in as "self" tells only of a parent, as over or of their
    childhood: said in a clause naming the parent ("mamma drack mycket"), never in one of the
    writer's own ("jag dricker för mycket"), in a conversation that tells the habit as past
    (the writer's childhood, growing up with it, the parent sober now, a time gone). Empty for
    any other role: a relative's role already reads them so."""
    if _normalise_role(role) != "self":
        return frozenset()
    told: set[str] = set()
    own: set[str] = set()
    over = False
    for line, analysis in zip(lines, analyses, strict=True):
        if line.sender == "visitor":
            if "own_risk" in analysis.cue_words:
                return frozenset()  # "är det ärftligt?", "for egen del": asked for oneself
            told.update(analysis.parent_topics)
            own.update(analysis.own_topics)
            over = over or bool(
                _HABIT_OVER_CUES.intersection(analysis.cue_words)
                or _HABIT_OVER_CUES.intersection(analysis.concepts.names)
                or "children_of_parents" in analysis.topics
            )
    if not over:
        return frozenset()  # a parent drinking now beside one's exams: the drinking leads
    return frozenset(
        habit
        for habit in _PARENT_HABITS
        if habit in told and habit not in own and topics.get(habit, 0.0) > WEAK_PROBLEM
    )


def _move_terms(topic_terms: dict[str, dict[str, list[float]]], source: str, target: str) -> None:
    """Count a topic's words towards another topic (each word at most once there)."""
    moved = topic_terms.pop(source, None)
    if not moved:
        return
    terms = topic_terms.setdefault(target, {})
    for surface, (total, best) in moved.items():
        slot = terms.setdefault(surface, [0.0, 0.0])
        slot[0] += total
        slot[1] = max(slot[1], best)


def _give_bare_verbs_their_object(
    topic_terms: dict[str, dict[str, list[float]]], cues: Mapping[str, str]
) -> None:
    """Read a topic's bare verbs by what the conversation names (``_BARE_VERBS``): moved to
    the topic named (smoking with cannabis), or dropped when the object named is no topic of
    ours (drinking coffee). Only when the topic has no word of its own besides them."""
    for topic, (verbs, object_named) in _BARE_VERBS.items():
        terms = topic_terms.get(topic)
        if not terms or not all(surface in verbs for surface in terms):
            continue
        if object_named in topic_terms:
            target = topic_terms[object_named]
            for surface, (total, best) in topic_terms.pop(topic).items():
                if any(surface in phrase.split() for phrase in target):
                    continue  # already inside the phrase that names it ("röka på")
                slot = target.setdefault(surface, [0.0, 0.0])
                slot[0] += total
                slot[1] = max(slot[1], best)
        elif object_named in cues:
            del topic_terms[topic]


def _normalise_role(role: str | None) -> str | None:
    if role is None:
        return None
    role = role.strip().lower()
    if role in ROLES:
        return role
    return _ROLE_ALIASES.get(role)


def _conversation_language(lang: str | None, analyses: Iterable[_LineAnalysis]) -> str | None:
    if lang:
        lang = lang.lower()
        if lang in ("nb", "nn", "no"):
            return "nb"
        if lang in LANGS:
            return lang
    votes = [0, 0, 0]
    for analysis in analyses:
        for i in range(3):
            votes[i] += analysis.language_votes[i]
    if max(votes) == 0:
        return None
    return LANGS[votes.index(max(votes))]


def _reasons(kinds: Mapping[str, list[str]]) -> list[str]:
    return [
        f'{kind}: "{words}"'
        for kind, all_words in sorted(kinds.items(), key=lambda item: _KIND_ORDER[item[0]])
        for words in all_words
    ]


def _kinds(urgent: bool, reasons: Sequence[str]) -> dict[str, list[str]]:
    """Urgent kinds and their words back from reasons (``kind: "words"``); unknown kinds and
    a "not urgent" verdict give none."""
    kinds: dict[str, list[str]] = {}
    if not urgent:
        return kinds
    for reason in reasons:
        kind, _, words = reason.partition(": ")
        if kind in _KIND_ORDER:
            kinds.setdefault(kind, []).append(words.strip('"'))
    return kinds


_K = TypeVar("_K")
_V = TypeVar("_V")


def _remember(cache: dict[_K, _V], key: _K, value: _V) -> None:
    """Keep ``value`` in a bounded cache, emptied when full (``LINE_CACHE_SIZE``)."""
    if len(cache) >= LINE_CACHE_SIZE:
        cache.clear()
    cache[key] = value


@functools.lru_cache(maxsize=64)
def _recency_weights(count: int) -> tuple[float, ...]:
    """Weight of each of ``count`` lines, oldest first: recent lines count more."""
    return tuple(
        RECENCY_FLOOR
        + (1.0 - RECENCY_FLOOR) * 0.5 ** ((count - 1 - number) / RECENCY_HALF_LIFE_LINES)
        for number in range(count)
    )


def _add_finding(findings: list[tuple[str, str]], finding: tuple[str, str]) -> None:
    """Add an urgent finding unless one of the same kind already contains its words."""
    kind, words = finding
    if any(k == kind and words in w for k, w in findings):
        return
    findings[:] = [(k, w) for k, w in findings if not (k == kind and w in words)]
    findings.append(finding)


def _capped_sum(terms: Mapping[str, list[float]]) -> float:
    """Sum of a topic's words, each capped so one word repeated cannot outweigh several."""
    return sum(min(total, TERM_REPEAT_CAP * best) for total, best in terms.values())


def _sentence_violence(cues: frozenset[str], words: Mapping[str, str]) -> list[tuple[str, str]]:
    """Ongoing violence shown within one sentence: an act or a weapon, and "now"."""
    if _SUPPRESSING_CUES & cues:
        return []
    found = []
    if "now" in cues and not ({"habitual", "recent_past"} & cues):
        if "violence_act" in cues:
            found.append(("violence", f'{words["violence_act"]}" + "{words["now"]}'))
        elif "conflict" in cues and "fear" in cues:
            found.append(
                ("violence", f'{words["conflict"]}" + "{words["fear"]}" + "{words["now"]}')
            )
    if "weapon" in cues and ({"threat", "violence_act"} & cues):
        found.append(
            (
                "violence",
                f'{words["weapon"]}" + "{words.get("threat", words.get("violence_act", ""))}',
            )
        )
    return found


_GENERAL_ASKED: Final = frozenset({"professional_general", "general_question"})
"""A line set aside as a general question: a means named there is no one's (fp42)."""


def _window_urgency(
    window: Sequence[_LineAnalysis],
    concepts: Sequence[rules.LineConcepts],
    child_writer: bool,
    reached: bool = False,
    withdrawn: bool = False,
) -> list[tuple[str, str]]:
    """Urgent findings of the rules over a few neighbouring visitor lines, in the order found
    (``concepts``: the lines' concepts, a "yes" merged with the staff question it answers;
    ``reached``: one who did not answer has written since, in a later line; ``withdrawn``: an
    abrupt stop of drinking told in a visitor line before these)."""
    found: list[tuple[str, str]] = []
    window_cues = frozenset().union(*(a.cue_union for a in window))
    if "hiding" in window_cues and (
        {"violence_act", "weapon", "threat", "intoxicated"} & window_cues
        # hiding while things are thrown or smashed (blind set 7); a quarrel alone is not it
        or any("raging" in c.names for c in concepts)
    ):
        found.append(("violence", _cue_word(window, "hiding")))
    window_topics = frozenset().union(*(a.topics for a in window))
    # tri40a: waiting for the train at the tracks ("står vid spåret och väntar på pendeln") is
    # a traveller there, no means at hand
    waiting = any("train_wait" in c.names for c in concepts)
    # fp42 (blind set 38): a means asked of in general by a professional ("vi har diskuterat
    # vad man ska säga om nån sitter på räcket. finns det utbildning?"): every line that tells
    # it is a general question the rules set aside, so it is no one's means at hand
    general = all(
        c.suppressed and _GENERAL_ASKED & c.names
        for a, c in zip(window, concepts, strict=True) if "means" in a.cue_union
    )
    if "means" in window_cues and not waiting and not general and (
        {"despair", "now"} & window_cues or "suicide" in window_topics
    ):
        means = _cue_word(window, "means")
        # blind sets 35 and 36 (tri40a): a razor at hand ("har ett rakblad bredvid mig och
        # suget e så starkt just nu") is a means to cut by the labelling rules, `self_harm`;
        # with an end wished or a death word in the lines ("vill att det ska ta slut") it stays
        # a means of suicide
        cut = _is_blade(window, means) and not any(_ENDING_NAMED & c.names for c in concepts)
        found.append(("self_harm" if cut else "suicide", means))
    if "unresponsive" in window_cues and {"intoxicated", "ingest_many"} & window_cues:
        found.append(("medical", _cue_word(window, "unresponsive")))
    # Acute psychosis (voices, persecution, days awake) with a knife or a weapon, or now at a
    # height: danger to the person or to others (blind set 7).
    live = [c for c in concepts if not c.suppressed]
    words = {name: word for c in live for name, word in c.words.items()}
    if "psychosis" in words:
        sign = (
            _cue_word(window, "weapon") if "weapon" in window_cues
            else words.get("weapon_gun") or words.get("kill_threat") or (
                # at a height now, or high on something taken ("took acid ... out the window")
                words["high_place"] if "high_place" in words
                and {"time_now", "just", "ingest", "drunk_now"} & words.keys() else ""
            )
        )
        if sign:
            found.append(("third_party_danger", f'{words["psychosis"]}" + "{sign}'))
    child_alone = _child_alone(window, child_writer, window_cues)
    if child_alone:
        found.append(("child_at_risk", child_alone))
    found.extend(
        rules.window_findings(
            concepts,
            child_writer=child_writer,
            intoxicated_now=any(a.intoxicated_sentences for a in window),
            # in a line that is no habit, or says now ("svår att väcka på morgnarna" is none;
            # blind set 17)
            unresponsive=any(
                # blind set 22 (fp23): not in a sentence of the past ("last year she had a
                # withdrawal seizure")
                any("unresponsive" in cues and _PAST_OR_IF.isdisjoint(cues) for cues in a.cues)
                and (not a.concepts.habitual or {"time_now", "just"} & a.concepts.names)
                for a in window
            ),
            parent_intoxicated=any(
                parent for a in window for parent, _ in a.intoxicated_sentences
            ),
            despair="despair" in window_cues,
            parent_named="parent" in window_cues,
            substance=not _SUBSTANCE_TOPICS.isdisjoint(window_topics),
            money_trouble=not _MONEY_TOPICS.isdisjoint(window_topics),
            small_child=any(age <= SMALL_CHILD_AGE for a in window for age in a.subject_ages),
            reached=reached,
            suicide_told="suicide" in window_topics,
            withdrawn=withdrawn,
        )
    )
    return found


_NOW_OR_ACT: Final = frozenset({
    "time_now", "just", "recent", "night", "acute_symptom", "drowsy", "not_wake", "got_into",
    "big_dose", "stockpile", "unreachable", "no_sign_of_life", "helpless", "fallen", "wish",
    "plan", "decided", "death", "suicide_word", "sober_adult",
})
"""Classes that make pills told of a parent an act or a danger now, or a suicide sign, not a
habit: now, just, last night, a body in trouble, out of it, not waking, a bigger dose, saved
pills, silence, a wish or plan; and a sober adult there (no child at risk)."""


def _intake_habit(
    visitor: Sequence[_LineAnalysis], concepts: Sequence[rules.LineConcepts], child_writer: bool
) -> bool:
    """Round 23 (kind23): whether the pills the lines tell of are a parent's habit told by a
    child, or an adult's with children there (a child named, a small child's age): something
    taken in the present ("tar", "takes") with a span of whole days or a habit word ("sover
    hela dagarna", "varje dag"), and no intake in the past or perfect ("har tagit", "took"),
    no now, no body in trouble, no one out of it and no suicide sign anywhere in the lines."""
    names = frozenset().union(*(c.names for c in concepts)) if concepts else frozenset()
    if _NOW_OR_ACT & names or any("unresponsive" in a.cue_union for a in visitor):
        return False
    carer = any("parent" in a.cue_union for a in visitor)
    children = bool({"children", "small_child"} & names) or any(
        age <= SMALL_CHILD_AGE for a in visitor for age in a.subject_ages
    )
    if not (child_writer and carer or children):
        return False  # a grown-up's own parent, or a sibling, is no child's carer
    told = [
        c for c in concepts
        if {"intake_present", "pills"} <= c.names and ("habit_span" in c.names or c.habitual)
    ]
    # every intake told is the present one: "tog" or "har tagit" is an act
    return bool(told) and all(
        c.words.get("ingest") in (None, c.words.get("intake_present")) for c in concepts
    )


def _child_alone(
    window: Sequence[_LineAnalysis], child_writer: bool, window_cues: frozenset[str]
) -> str | None:
    """Words showing a child alone with an intoxicated adult in these lines, or None."""
    child_present = (
        child_writer
        or "child_subject" in window_cues
        or any(age <= 12 for a in window for age in a.subject_ages)
    )
    if not child_present or not ({"alone", "now"} & window_cues):
        return None
    for analysis in window:
        for parent_named, written_as_i in analysis.intoxicated_sentences:
            about_parent = parent_named or ("parent" in window_cues and not written_as_i)
            about_other_adult = not child_writer and not written_as_i
            if about_parent or about_other_adult:
                other = "alone" if "alone" in window_cues else "now"
                return f'{analysis.cue_words["intoxicated"]}" + "{_cue_word(window, other)}'
    return None


_EVIDENCE: Final = frozenset({
    "wound", "recent", "time_now", "just", "alcohol", "drunk_now", "high_place",
    "stockpile", "often",
})
"""Classes by which an answer to a staff question says yes without the word: "vin." to "Har
mamma druckit något?", "her eye is swollen" to "has he hurt her?" (blind set 7)."""


_JOINED_RUN_MAX: Final = 20
"""At most this many one-word messages are joined into one (a longer run is joined in pieces
of this size): a sentence typed a word at a time is short, and a run of hundreds of one-word
messages read again as one line on every update would cost milliseconds each time."""


@functools.lru_cache(maxsize=4096)
def _only_word(text: str) -> str | None:
    """The one word of a message that has exactly one (punctuation aside), else None; cached,
    as every update asks it again of every line."""
    words = [t for t in tokenize(text) if t not in lexicon.SENTENCE_BREAKS]
    return words[0] if len(words) == 1 else None


def _joined_words(lines: Sequence[Line]) -> list[Line] | None:
    """The lines with each run of visitor messages of one word each, one after the other,
    joined into one message ("burned" / "myself" is "burned myself"), or None when there is
    no such run (blind set 11). A "yes" or "no" that opens a run answers a question and stays
    on its own; a run longer than ``_JOINED_RUN_MAX`` is joined in pieces of that size."""
    result: list[Line] = []
    run: list[str] = []
    joined = False

    def close() -> None:
        nonlocal joined
        if run:
            joined = joined or len(run) > 1
            result.append(Line("visitor", " ".join(run)))
            run.clear()

    for line in lines:
        word = _only_word(line.text) if line.sender == "visitor" else None
        if word is not None and not (not run and (word in _NO or word in _PLAIN_YES)):
            if len(run) == _JOINED_RUN_MAX:
                close()
            run.append(word)
            continue
        close()
        result.append(line)
    close()
    return result if joined else None


def _revealed_own(lines: Sequence[Line], analyses: Sequence[_LineAnalysis]) -> int | None:
    """Where the visitor says that a question asked for someone else is their own: a "yes" to
    "is it you?", or "det er for meg" after "for en venn" / "om nån ..." (the line's index)."""
    asked_for_other = False
    for n, (line, analysis) in enumerate(zip(lines, analyses, strict=True)):
        if line.sender != "visitor":
            continue
        if asked_for_other and (
            "self_reveal" in analysis.cue_words
            or (analysis.affirmed and n > 0 and lines[n - 1].sender == "staff"
                and "is_it_you" in analyses[n - 1].cue_words)
        ):
            return n
        # tri37b (blind set 35): a question asked in general ("hvordan skriver man et
        # avskjedsbrev", "how do you …") is also one the visitor may say is their own
        if "for_a_friend" in analysis.cue_words or "conditional" in analysis.cue_words:
            asked_for_other = True
    return None


_OWN: Final = (
    (re.compile(r"\b(?:asking )?(?:för|åt|for) (?:en|a) (?:kompis|vän|venn|friend)\b",
                re.IGNORECASE), ""),
    (re.compile(r"\b(?:lol|haha\w*|xd)\b", re.IGNORECASE), ""),
    # blind set 28 (tri28): "just curious" said before the question is revealed as one's own
    # ("i have that much saved up") no longer makes it a general question
    (re.compile(r"\b(?:just|bara|bare|only) "
                r"(?:curious|nyfiken|nysgjerrig|wondering|undrar|lurer)\b", re.IGNORECASE), ""),
    (re.compile(r"\b(?:om|hvis|if) (?:nån|någon|man)\b", re.IGNORECASE), "jag"),
    (re.compile(r"\b(?:om|hvis) noen\b", re.IGNORECASE), "jeg"),
    (re.compile(r"\bif (?:someone|somebody|one)\b", re.IGNORECASE), "i"),
    (re.compile(r"\bsig\b", re.IGNORECASE), "mig"),
    (re.compile(r"\bseg\b", re.IGNORECASE), "meg"),
    (re.compile(r"\b(?:themselves|themself|himself|herself|oneself)\b", re.IGNORECASE), "myself"),
)


def _as_own(text: str) -> str:
    """A line asked for someone else, told as the writer's own ("om nån bränner sig" -> "jag
    bränner mig")."""
    for pattern, own in _OWN:
        text = pattern.sub(own, text)
    return text


def _answers_with_evidence(answer: _LineAnalysis) -> bool:
    """Whether a visitor line that does not start with "no" names what a question asks about."""
    return (
        answer.first_word not in _NO
        and not answer.concepts.suppressed
        and not _EVIDENCE.isdisjoint(answer.concepts.names)
    )


def _answered_yes(lines: Sequence[Line], analyses: Sequence[_LineAnalysis], number: int) -> bool:
    """Whether the staff question at ``number`` ("Tänker du på att ta ditt liv?") got a "ja"
    from the visitor right after it: its words are then the visitor's own."""
    return (
        "?" in lines[number].text
        and number + 1 < len(lines)
        and lines[number + 1].sender == "visitor"
        and bool(analyses[number + 1].affirmed)
    )


def _yes_in_the_past(answer: _LineAnalysis) -> bool:
    """Whether an answer dates its yes in the past and says it is over ("ja, för många år
    sedan, men inte nu", "yes when i was little, but not since"): the question's words are then
    the past (blind set 22, fp22)."""
    return answer.concepts.suppressed and bool(answer.cues) and "past" in answer.cues[0]


def _unborn(
    names: frozenset[str], concepts: Sequence[rules.LineConcepts], child_writer: bool
) -> bool:
    """Blind set 27 (fp31b): the only child in the chat is the one a pregnancy told is carrying
    ("e nu i vecka 8, kan barnet va skadat?"): one child in the singular ("barnet", "the baby"),
    no child's age, no one alone or in charge of a child, no child writing."""
    if "pregnancy" not in names or child_writer or _BORN_CHILD_SIGNS & names:
        return False
    said = {c.words[n].lower() for c in concepts for n in _CHILD_CLASSES if n in c.words}
    return bool(said) and said <= _UNBORN_WORDS


_SERIOUS_VIOLENCE: Final = frozenset({
    "assault", "kill_threat", "menace", "afraid_home", "flee", "confine", "weapon", "weapon_gun",
})
"""Violence beside a combat sport that is no blow in it: a grip on the throat, a threat, fear."""
_CHILD_CLASSES: Final = ("children", "small_child")
_BORN_CHILD_SIGNS: Final = frozenset({
    "lone", "in_charge", "absent_adult", "child_alone", "night", "neglect",
    "child_hazard", "cannot_care", "driving", "unreachable",
})
_UNBORN_WORDS: Final = frozenset({
    "barnet", "bebisen", "babyn", "fostret", "barnets", "babyen", "fosteret", "the baby",
    "baby", "my baby", "bebis", "the child",
})


def _answered_ages(
    lines: Sequence[Line], analyses: Sequence[_LineAnalysis], *, others: bool = False
) -> list[int]:
    """Ages the visitor gave as a bare number right after a staff "how old are you?".
    ``others``: only answers to a question about someone else ("Hur gammal är han?", "How old
    is she?": no "you" in it, a "he" or "she" asked about)."""
    asked = [i for i, analysis in enumerate(analyses) if "age_question" in analysis.cue_words]
    ages = []
    for position in asked:
        if lines[position].sender != "staff":
            continue
        if others:
            words = set(_WORD.findall(lines[position].text.lower()))
            if words & _SECOND_PERSON or not words & _ASKED_OF_OTHERS:
                continue
        for later in range(position + 1, len(lines)):
            if lines[later].sender == "visitor":
                number = analyses[later].bare_number
                if number is not None:
                    ages.append(number)
                break
    return ages


_SENTENCE_END: Final = re.compile(r"(?<=[.!])\s+")
_PRAISE: Final = re.compile(
    r"^\s*(?:(?:vad|så|det är|det er|it's|it is|that's|that is|so)\s+)?"
    r"(?:bra|fint|skönt|godt|flott|good|great|glad)\s+(?:att|at|that|to|du|you)\b",
    re.IGNORECASE,
)
"""A staff sentence of praise ("Bra att du har en plan.", "Good that you asked."): the staff
member's view of what was said, no question that an answer makes the visitor's own."""
_SECOND_PERSON: Final = frozenset({"du", "dig", "dej", "ni", "er", "deg", "dere", "you", "u"})
_ASKED_OF_OTHERS: Final = frozenset({
    "han", "hon", "hen", "honom", "henne", "hun", "ho", "ham", "he", "she", "him", "her",
    "sonen", "dottern", "datteren", "dattera", "son", "daughter", "barnet", "child",
})
"""Whom a staff age question asks about: the visitor ("du", "you") or someone written of."""
_YEAR_BEFORE: Final = frozenset({"i", "in", "år", "året", "back", "during", "under", "from"})
_FIRST_YEAR: Final = 1950
_YEAR_CLAUSE_ENDS: Final = frozenset({
    "och", "o", "og", "and", "men", "but", "then", "sen", "så",
    # blind set 25 (fp27): a "when" that tells what the time was like ("2015 när jag söp som
    # värst", "in 2015 when I drank the most"): the year dates the whole attempt
    "när", "då", "da", "når", "when", "while", "efter", "etter", "after", "under", "during",
})
"""Words after a bare year that close the clause it dates ("2009 och låg inne på psyk")."""


_YEAR_PAST_VERBS: Final = frozenset({
    "hade", "var", "blev", "försökte", "hadde", "ble", "prøvde", "forsøkte", "had", "was",
    "were", "tried", "got",
})
"""Past verbs after a year that place what the clause tells then ("2016 hade jag ...")."""


def _last_past_year() -> int:
    """A year up to last year, after "i" / "in" ("försökte i 2015", "in 2015"), is the past;
    this year may be now ("i 2026 har jag druckit varje dag")."""
    return datetime.date.today().year - 1

_DECADE_AFTER: Final = frozenset({"talet", "tallet", "talen", "tallene", "s"})
"""What follows a decade's number ("80-talet", "80-tallet", "80s" are tokenised "80" "talet")."""
_FIRST_DECADE, _LAST_DECADE, _LAST_PAST_DECADE = 30, 90, 2010
"""Decades gone by: "30-talet" to "90-talet" (a two-digit "20-talet" may be now), and four
digits up to "2010-talet"."""


def _past_years(tokens: Sequence[str], last_past_year: int | None = None) -> set[int]:
    """Positions of a past year that places something there ("tried to end my life in 2015"),
    or of a decade gone by ("på 80-talet", "på 1990-tallet", "in the 80s": blind set 16).
    ``last_past_year`` is the latest year that is past (by default last year)."""
    if last_past_year is None:
        last_past_year = _last_past_year()
    found = set()
    for i, token in enumerate(tokens):
        if (
            i + 1 < len(tokens)
            and tokens[i + 1] in _DECADE_AFTER
            and _is_number(token)
            and (len(token) == 2 and _FIRST_DECADE <= int(token) <= _LAST_DECADE
                 or len(token) == 4 and _FIRST_YEAR - 50 <= int(token) <= _LAST_PAST_DECADE
                 and token.endswith("0"))
        ):
            found.add(i)
        elif (
            i
            and len(token) == 4
            and _is_number(token)
            and _FIRST_YEAR <= int(token) <= last_past_year
            and (
                tokens[i - 1] in _YEAR_BEFORE
                # a bare year that ends its sentence: "försökte ta livet av mig 2011."
                or i + 1 == len(tokens)
                or tokens[i + 1] in lexicon.SENTENCE_BREAKS
                # or its clause (fp20): "försökte ta livet av mig 2009 och låg inne"
                or tokens[i + 1] in lexicon.CLAUSE_BREAKS
                or tokens[i + 1] in _YEAR_CLAUSE_ENDS
                # or a past verb after it (fp28): "efter skilsmässan 2016 hade jag en period"
                or tokens[i + 1] in _YEAR_PAST_VERBS
            )
        ):
            found.add(i)
        elif (
            len(token) == 4
            and (i == 0 or tokens[i - 1] in lexicon.SENTENCE_BREAKS)
            and _is_number(token)
            and _FIRST_YEAR <= int(token) <= last_past_year
            and i + 1 < len(tokens)
            and tokens[i + 1].isalpha()
            and tokens[i + 1] not in _AMOUNT_UNITS
        ):
            # blind set 22 (fp23): a year that opens its sentence dates it ("2019 försökte jag
            # ta livet av mig", "2018 tok jeg en overdose"), not an amount ("2000 kr")
            found.add(i)
    return found


_AMOUNT_UNITS: Final = frozenset({
    "kr", "kronor", "kroner", "sek", "nok", "dollar", "dollars", "euro", "euros", "pund",
    "pounds", "st", "stk", "stycken", "mg", "ml", "g", "gram", "tabletter", "tabletten",
    "piller", "pills", "tablets", "år", "years", "dagar", "dager", "days", "timmar", "timer",
    "hours", "meter", "km", "mil", "miles", "steg", "skritt", "steps", "kalorier", "calories",
})
"""Words after a number that make it an amount, not a year that opens a sentence."""


_DATING_OPENERS: Final = frozenset({
    "det", "detta", "dette", "that", "it", "this", "nu", "nå", "now", "that's", "thats", "it's",
    "its",
})
_DATING_CLAUSE_WORDS: Final = 7
"""A clause of at most this many words that opens a sentence and only says when ("That was
2018.", "nå er det 5 år siden") dates the sentence before it (blind set 16)."""
_DATING_HITS: Final = frozenset({"first_person"})
"""Classes a dating clause may hold besides its date, and a "now" that opens it ("nå er det 5
år siden")."""
_NOW_WORDS: Final = frozenset({"nu", "nå", "now"})
_DATE_NUMBER_HITS: Final = frozenset({"many", "duration"})
"""What the number of a span of years reads as ("10 years ago"): neither counts in a date."""
_PLACE_PREPOSITIONS: Final = frozenset({"i", "in", "på", "at"})
"""Before a place after a date that dates the sentence before ("det var två år sen i Malmö")."""


_SINCE_WORDS: Final = frozenset({"sedan", "sen", "siden", "sidan", "sia", "since"})
"""Words that open a time something has gone on from ("sedan han dog", "since she left")."""
_ONGOING_TENSE: Final = frozenset({
    "har", "have", "has", "i've", "ive", "we've", "weve", "you've", "youve", "they've",
    "theyve", "she's", "shes", "he's", "hes", "been", "vill", "vil", "want", "wants", "wanna",
    "tänker", "tenker", "tenkjer", "think", "thinks", "keep", "keeps", "önskar", "ønsker",
    "wish", "wishes", "pratar", "snakker", "snakkar", "talks", "säger", "sier", "seier", "says",
    "känner", "føler", "kjenner", "feel", "feels", "är", "er", "am", "im", "i'm", "is", "are",
    "haven't", "havent", "hasn't", "hasnt", "velat", "villet", "tänkt", "tankt", "tenkt",
    "funderat", "pratat", "snakket", "haft", "hatt", "känt", "kant", "følt", "folt",
})
"""The present or the perfect: with "sedan" / "since" a state that goes on from then ("har
velat dö sedan", "vill dö sedan", "has been suicidal since")."""
_TOLD_DONE: Final = frozenset({
    "försökte", "forsokte", "forsøkte", "prøvde", "provde", "tried", "attempted", "hade",
    "hadde", "had", "ville", "tänkte", "tankte", "tenkte", "tog", "tok", "took", "när", "når",
    "då", "when",
})
"""Past-simple or pluperfect words (and "when") of a clause's own act: outside the time it
has gone on from ("försökte ta livet av mig sedan han dog", "had thoughts since") it tells what
was, not what goes on ("had" after "have" is the perfect: "have had")."""
_SINCE_RISKS: Final = frozenset({
    "wish", "thought", "ponder", "death", "suicide_word", "suicide_noun", "disappear",
    "not_wake", "live",
})
"""A death wish or thoughts of death: what may go on since a time (branch tri34)."""


def _since_started(
    tokens: Sequence[str],
    sentences: Sequence[int],
    clauses: Sequence[int],
    dates: Mapping[int, int],
    matches: Sequence[Match],
    kinds: Sequence[int],
    names: Sequence[str],
) -> frozenset[int]:
    """Clauses of a dated sentence whose death wish or thoughts go on from the time told
    (branch tri34): "hon har tänkt på att ta sitt liv varje dag sedan hennes man dog för två
    år sedan", "jeg vil fremdeles dø, det begynte for tre år siden", "i keep thinking about
    killing myself, ever since the accident three years ago". A clause goes on when it holds a
    `since_start` phrase ("ända sedan", "sedan dess", "fortfarande", "for two years now"), or
    a "sedan" / "since" that closes no date with the present or the perfect ("har velat dö
    sedan min man dog"), or when the next clause opens with one. Not a clause with a date of
    its own ("för två år sedan ville jag dö, ...") or an act told done ("försökte ta livet av
    mig sedan ..."), nor a risk denied ("har inte haft såna tankar sedan dess")."""
    if not dates:
        return frozenset()
    risky: dict[int, list[int]] = {}
    for m in matches:
        if (kinds[m[0]] == _URGENT and not m[5] or kinds[m[0]] == _CUE
                and names[m[0]] in _SINCE_RISKS and (not m[5] or names[m[0]] == "live")):
            risky.setdefault(clauses[m[3]], []).append(m[3])
    if not risky:
        return frozenset()
    marked = {m[3]: m[4] for m in matches
              if kinds[m[0]] == _CUE and names[m[0]] == "since_start" and not m[5]}
    in_date = {p for start, end in dates.items() for p in range(start, end + 1)}
    since_at = [p for p, token in enumerate(tokens) if token in _SINCE_WORDS and p not in in_date]
    if not marked and not since_at:
        return frozenset()
    dated_sentences = {sentences[p] for p in dates}
    # where each since-word reaches: to the end of a date after it in its clause ("sedan
    # hennes man dog för två år sedan"), else to the end of its clause
    reach: list[tuple[int, int]] = []
    for p in since_at:
        ends = [end for start, end in dates.items() if start > p and clauses[start] == clauses[p]]
        last = max((i for i, c in enumerate(clauses) if c == clauses[p]), default=p)
        reach.append((p, max(ends) if ends else last))
    reach += [(start, end) for start, end in marked.items()]
    found: set[int] = set()
    inside = {p for a, b in reach for p in range(a, b + 1)}
    for clause, starts in risky.items():
        at = [i for i, c in enumerate(clauses) if c == clause]
        if not at or sentences[at[0]] not in dated_sentences:
            continue
        if all(start in inside for start in starts):
            continue  # the risk is the time it all began ("since i tried to kill myself in 2019")
        if any(
            start not in inside and clauses[start] == clause for start in dates
        ) or any(
            tokens[i] in _TOLD_DONE and i not in inside
            and not (tokens[i] == "had" and i and tokens[i - 1] in _ONGOING_TENSE)
            for i in at
        ):
            continue  # dated of its own, or an act told done
        opens_next = next((i for i, c in enumerate(clauses) if c == clause + 1
                           and tokens[i] not in lexicon.CLAUSE_BREAKS), None)
        goes_on = (
            any(clauses[p] == clause for p in marked)
            or any(clauses[p] == clause for p in since_at)
            and any(tokens[i] in _ONGOING_TENSE for i in at)
            or opens_next is not None and sentences[opens_next] == sentences[at[0]]
            and (opens_next in marked or tokens[opens_next] in _SINCE_WORDS
                 or tokens[opens_next] in ("ever", "ända", "helt", "heilt", "enda", "like")
                 and opens_next + 1 in since_at)
        )
        if goes_on:
            found.add(clause)
    return frozenset(found)


def _dated_back(
    tokens: Sequence[str],
    sentences: Sequence[int],
    clauses: Sequence[int],
    dates: Mapping[int, int],
    hits: Sequence[rules.Hit],
) -> set[int]:
    """Sentences dated by a short clause that opens the next one and says only when, the date
    last ("I overdosed three times. That was 2018.", "nå er det 5 år siden"; not "Det var 2019
    som allt började"): the line version is ``rules.line_concepts``'s ``dates_back``.
    ``dates``: where each date starts and ends."""
    found = set()
    for position, end in dates.items():
        sentence, clause = sentences[position], clauses[position]
        if sentence == 0 or sentence - 1 in found:
            continue
        words = [
            i for i, token in enumerate(tokens)
            if clauses[i] == clause and token not in lexicon.SENTENCE_BREAKS
            and token not in lexicon.CLAUSE_BREAKS
        ]
        opening = next(
            i for i, token in enumerate(tokens)
            if sentences[i] == sentence and token not in lexicon.SENTENCE_BREAKS
        )
        last = words[-1]
        if (
            len(words) <= _DATING_CLAUSE_WORDS
            and words[0] == opening
            and tokens[opening] in _DATING_OPENERS
            and (last <= end or last == end + 1 and tokens[last] in _NOW_WORDS
                 # blind set 22 (fp23): and where ("That was 5 years ago in Dublin.")
                 or last == end + 2 and tokens[end + 1] in _PLACE_PREPOSITIONS)
            and not any(
                words[0] <= h.start <= last and h.name not in _DATING_HITS
                and not position <= h.start <= end  # the year itself is no count of pills
                # nor the number of years before "years ago" (fp23: "that was 10 years ago")
                and not (h.start == position - 1 and h.name in _DATE_NUMBER_HITS)
                and not (h.start == opening and h.name == "time_now")  # "nå er det ..."
                for h in hits
            )
        ):
            found.add(sentence - 1)
    return found


_NO: Final = lexicon.NEGATIONS | frozenset({"nej", "nei", "no", "nope", "nä", "nää", "næ"})
"""First words of an answer that says no: what follows it is not a yes."""
_HOW_ASKED: Final = frozenset({"ponder", "plan", "decided", "act_it"})
"""A staff question asking how or for a plan ("Har du tänkt på hur?", "Do you have a plan?"):
after a visitor line with a death wish a "no" answers it and takes nothing back (blind set
20)."""
_RISK_ANSWERS: Final = (
    "often", "high_place", "stockpile", "rope", "weapon_gun", "sometimes", "ponder", "decided",
    "nothing_else", "grudging_yes", "heading_there",
)
"""Classes that answer a staff member's risk question as a "yes" does: how often
("hele tida", "all the time"; since blind set 17 also "av og til", "sometimes"), or the
means or place at hand now (blind set 7); since blind set 20 thinking of it ("tänker på
det") or a plan made ("been planning it for a while"); since round 25 (tri25) thinking of
nothing else ("har inte tänkt på nåt annat på en vecka"); since blind set 28 (tri28) an answer
that gives in without a yes ("om det betyder det så får det väl vara så", "i guess so") or is
on the way to the place asked about ("på väg dit")."""
_NOT_NOW_SENTENCE: Final = frozenset({"past", "conditional", "past_state"})
_MODEL_SUPPORT: Final[Mapping[str, frozenset[str]]] = {
    "suicide": frozenset({
        "death", "disappear", "not_wake", "suicide_word", "suicide_noun", "burden", "farewell",
        "give_away", "stockpile", "weary", "live", "plan_how", "rope", "weapon_gun", "despair",
        "means", "danger", "wish", "thought",
    }),
    "self_harm": frozenset({"self_harm", "harm_done", "wound", "urge"}),
    "overdose": frozenset({"ingest", "pills", "many", "drowsy", "acute_symptom", "ingest_many"}),
    "medical": frozenset({"unresponsive", "drowsy", "acute_symptom", "danger"}),
    "violence": frozenset({
        "violence_verb", "assault", "menace", "kill_threat", "reported_threat", "raging",
        "distress", "afraid_home", "flee", "confine", "violence_act", "threat", "weapon",
        "hiding", "fear",
    }),
    "child_at_risk": frozenset({
        "lone", "absent_adult", "neglect", "child_alone", "locked_out", "child_hazard",
        "driving", "alone", "drunk_now", "intoxicated",
    }),
    "goodbye": frozenset({"goodbye_message", "farewell", "unreachable"}),
    "third_party_danger": frozenset({"danger", "unreachable", "weapon_gun", "drowsy", "rope"}),
}
"""The concept classes or cues at least one of which must stand, now, in the lines the model
read for its verdict of each kind to count: the model finds new wordings, the classes keep it
to risk ("my husband is drunk again and asleep on the couch" is not violence)."""
_MODEL_LIFE: Final = frozenset(
    {"death", "not_wake", "suicide_word", "suicide_noun", "disappear", "rope", "weapon_gun",
     "means"}
)
"""Classes that are about a life, whatever else a line is about (quitting a habit, say)."""

_DENIED_THOUGHT: Final = frozenset({
    "wish", "plan", "decided", "often", "suicide_word", "suicide_noun", "burden", "stockpile",
    "farewell", "give_away", "live",
})
"""What a "no" with a life affirmed does not answer: a thought of death is answered, a wish, a
plan, a habit of it, an explicit word or a sign is not (fp28)."""

_ARRANGING_WORDS: Final = frozenset({"death", "wish", "give_away", "farewell", "live", "thought"})
"""All a model's suicide verdict may stand on beside a wish to live long and still be the
arranging of a will or a funeral (fp32b)."""
_NEAR_END: Final = frozenset({"terminal", "vet"})
"""A life near its natural end, or a pet's put down: the goodbyes the model reads are theirs."""

_STATE_NOW: Final = frozenset({"drunk_now", "unresponsive", "seizure", "unreachable", "cold"})
"""Someone out of it or out of reach now, whatever was taken (fp29)."""
_MOURNED: Final = frozenset({"funeral", "bereaved"})
_OVERDOSE_NOUNS: Final = frozenset({
    "overdose", "overdoses", "overdosen", "överdos", "överdosen", "överdoser", "overdos",
})
"""The bare noun of an overdose: beside a funeral or another's death told, its cause (fp31b)."""
"""A funeral or another's death told (fp29)."""
_MOURNING_WORDS: Final = frozenset({"farewell", "death"})
"""All a model's suicide verdict may stand on beside a funeral and still be the mourning's."""
_LONGING_WORDS: Final = frozenset({"wish", "live"})
"""A wish and a life beside a death told, with no word of dying: the wish that the dead were
still here ("skulle ønske han fortsatt var her", grief29)."""
_MOURNED_TOLD: Final = _MOURNED | {"death_told"}
"""A funeral or another's death told, in any tense (grief29)."""

_DENIED_LIFE: Final = _MODEL_LIFE | rules.EXPLICIT_ENDING | {"passing", "laid_out"}
"""Words of dying or of life that a "no" to a staff suicide question does not answer (fp25)."""

_VIOLENCE_ACTS: Final = frozenset({"violence_verb", "assault", "violence_act"})
"""Violence classes that name an act: what the rules pair with a time before it is urgent."""
_VIOLENCE_WHEN: Final = frozenset({"time_now", "recent", "night", "announced", "ongoing"})
"""When violence is: now, recently or announced (a habit "when he has been drinking" is none)."""
_MODEL_ROUTINE: Final = frozenset({"routine", "habitual"})
_TAKEN_MANY: Final = frozenset({
    "many", "many_pills", "drowsy", "acute_symptom", "ingest_many", "time_now", "just", "recent",
    "night", "now",
})
"""Many taken, a body that feels it, or a time: a safety question beside them does not make
an overdose verdict a question asked ahead (blind set 17)."""
_TAKEN_MANY_BODY: Final = frozenset({
    "many", "many_pills", "drowsy", "acute_symptom", "ingest_many", "stockpile",
})
"""Many taken or a body that feels it: beside them a pain treated is no explanation (fp28)."""
_HANDED_IN_VETO: Final = frozenset({
    "ingest", "ingest_many", "drowsy", "acute_symptom", "unresponsive", "stockpile", "wish",
    "plan", "decided", "suicide_word", "suicide_noun", "not_wake", "burden", "weary", "despair",
    "time_now", "just", "recent", "night",
})
"""What keeps pills beside a handing-in urgent (fp37): taken, a body in trouble, saved, a wish,
a plan or a decision, a word of suicide, a burden, weariness, or a time now."""
_MODEL_WEAK: Final = frozenset({"wish", "thought", "weary", "despair"})
"""Supporting classes that say a will or a state, not what about: alone they back a suicide
verdict only when nothing else explains them (blind set 12)."""
_DEPARTURE_FEELING: Final = _MODEL_WEAK | {"disappear"}
"""Beside goodbyes read as the writer's leaving (rules: "departed"), a feeling of vanishing is
the leaving's (everyday2: "tomorrow I leave for rehab ... feels like disappearing")."""
_ANY_KIND_SUPPORT: Final = frozenset().union(*_MODEL_SUPPORT.values()) - _MODEL_WEAK
"""What backs a verdict from the model's ``any_kind`` cut on: a class of any urgent kind."""
_WEAPON_NOW: Final = frozenset({
    "time_now", "just", "recent", "night", "announced", "drunk_now", "intoxicated", "menace",
    "kill_threat", "afraid_home", "psychosis",
})
"""What makes a gun kept at home a danger the model may flag without a class of its own."""
_CHILD_NOW: Final = frozenset({"time_now", "just", "recent", "night", "now"})
"""A time that makes a child's situation now, not a lasting one (blind set 19)."""
_OTHERS_USE: Final = frozenset({"intoxicated", "drunk_now", "pills"})
"""Someone intoxicated or a drug: with a relative named, what a weak support is about."""
_OTHERS_HABITS: Final = frozenset({"drugs", "tobacco"})
"""Topics of a relative's habit beside which a will alone is the writer's (since fp25 also
smoking and vaping: "my daughter vapes" / "I want to handle it better")."""
_LEAVING_KINDS: Final = frozenset({"suicide", "goodbye", "third_party_danger"})
_EXPLAINED_MOVE: Final = frozenset({"explained", "departure"})
"""A message its sender explained as a move: the model's farewell reading of it is that leaving
(blind set 16), unless a word of suicide is there."""
_HABIT_BACKING: Final = frozenset({
    "violence_verb", "assault", "violence_act", "menace", "distress", "raging", "reported_threat",
    "threat",
})
"""What a habit of violence is told with (acts, screams, things thrown, words): with no time
anywhere, no model verdict (fp23). Not fear, a weapon, hiding or fleeing: those are now."""
_HABIT_TIMED: Final = frozenset({"recent", "announced", "ongoing", "wound"})
"""What still times a habit of violence: a last time, an announced one, going on, an injury."""
_SAYING: Final = frozenset({"reported_threat"})
"""What "säger att", "says that" is: a violence verdict it alone backs needs a time, as an act's
does (blind set 16)."""
_WORN_OUT: Final = frozenset({"weary", "despair"})
"""Being worn out: beside a relative's drinking, worn out by it."""
_NEGATIONS_HEDGES: Final = frozenset({
    "inte", "int", "ikke", "ikkje", "ikk", "not", "dont", "don", "t", "kanske", "kanskje",
    "maybe", "egentligen", "egentlig", "actually",
})
"""Negations and hedges: how a thing is said, never what. A sure verdict whose reasons are only
these (and ``model.FUNCTION_WORDS``) names nothing (fp40)."""
_ANY_CLASS: Final = frozenset().union(*_MODEL_SUPPORT.values())
"""Every class that backs a model verdict of some kind, the weak ones too."""


_CRIES: Final = frozenset({"distress"})
"""A cry word ("stop", "help", "crying"): heard violence only beside an act or a threat."""
_VIOLENCE_TOLD: Final = _MODEL_SUPPORT["violence"] - _CRIES
"""Violence told: an act, a threat, a weapon, fear, fleeing or hiding."""


def _names_nothing(verdict: ModelVerdict) -> bool:
    """The model's reasons are only negations, hedges and function words ("inte" + "kanske")."""
    return all(
        word.lower() in _NEGATIONS_HEDGES or word.lower() in FUNCTION_WORDS
        for word in verdict.words
    )


_LEDGE_PLACES: Final = frozenset({"danger", "high_place"})
_THOUGHT_NOUNS: Final = frozenset({
    "tanker", "tankar", "tanke", "tanken", "tankene", "tankarna", "tankane",
})
"""Thoughts, before an "om" that is "about" (tri40b)."""
_THOUGHTS_GO_ON: Final = frozenset({"duration", "often", "growing"})
"""What says thoughts are had now: a span ("hele dagen"), "all the time", or growing (tri40b)."""
"""A ledge, a roof, a bridge: where a jump said with a condition after it is a threat (tri37b)."""
_SELF_IN_QUESTION: Final = frozenset({"man", "jag", "jg", "jeg", "eg", "i", "you", "one", "du"})
"""Who an "om ..." asking about the service is about when it is the writer ("om man", "if i")."""
_SYMPTOMS: Final = frozenset({"drowsy", "acute_symptom"})
"""Classes of a body in trouble; "all the time" inside them says how often, not a habit."""


_OVER_KINDS: Final = frozenset({"overdose", "medical", "third_party_danger"})
"""Kinds of a body in trouble after something taken or a collapse: over when told a day back
and fine now (fp30); a suicide, self-harm, violence or child finding beside them is not."""
_BODY_NOW: Final = frozenset(
    {"acute_symptom", "drowsy", "not_wake", "unresponsive", "danger", "confused", "seizure"}
)
"""A body in trouble: told in or after the line that says fine now, it is not over (fp30)."""
_TAKEN_NOW: Final = frozenset({"pills", "alcohol", "drunk_now"})
"""What taken again after the line that says fine now is a new intake (fp30)."""


def _over_and_fine(
    visitor: Sequence[_LineAnalysis], lines: Sequence[Line], positions: Sequence[int]
) -> bool:
    """Blind set 30 (fp30): something taken or a collapse told a day or more back ("took an
    extra sleeping pill last night", "kompisen sovna på badegulvet i går") and, in that line or
    later, the person fine now ("känns ok nu", "he's fine today", "trött men okej"): over, a
    question for advice, not an emergency. Not when pills are counted as many anywhere (a
    large dose can harm after a calm night), nor with a fit or a stop of drinking told, nor
    when a body in trouble or a line urgent on its own is told after the fine line (or a body
    after "fine" in its own line), nor when something is taken again after it."""
    back = next((n for n, a in enumerate(visitor) if "day_back" in a.cue_union), None)
    if back is None:
        return False
    fine = [n for n in range(back, len(visitor)) if "fine_now" in visitor[n].cue_union]
    if not fine:
        return False
    last = fine[-1]
    for n, analysis in enumerate(visitor):
        names = analysis.concepts.names | analysis.cue_union
        if {"many", "pills"} <= names or {"ingest_many", "withdrawal", "seizure"} & names:
            return False  # a fit, a stop of drinking: no less for feeling ok after
        if n < last:
            continue
        body = _BODY_NOW & names
        if n == last and body:
            text = lines[positions[n]].text.lower()  # the visitor line's own text
            said = text.find(analysis.cue_words.get("fine_now", "").lower())
            if any(text.find(analysis.concepts.words.get(b, "\0").lower()) > said
                   for b in body):
                return False
        elif body:
            return False
        if n > last and (analysis.urgent or "ingest" in names and _TAKEN_NOW & names):
            return False  # urgent on its own after it ("går inte att väcka"), or taken again
    return True


_DETOX_KINDS: Final = frozenset({"overdose", "medical"})
"""Kinds a withdrawal fit gives, that a detox planned with a doctor turns into a question."""
_FEARED: Final = frozenset({"fear", "quote"})
"""A body in trouble afraid of or read about ("rädd för kramper", "läste om kramper")."""


def _detox_planned(visitor: Sequence[_LineAnalysis]) -> bool:
    """Blind set 30 (fp30): a detox or a taper ahead, planned with a doctor or a clinic
    ("skal inn på avrusning neste uke", "trappa ut med min läkare"), and the fits or symptoms of
    withdrawal only feared or read about ("er redd for kramper", "läste om kramper"): questions
    for that plan, not a withdrawal going on. Not when a body in trouble is told otherwise or
    with a time now ("har kramper nu"), nor with many pills taken."""
    if not any("planned_detox" in a.cue_union for a in visitor):
        return False
    for analysis in visitor:
        names = analysis.concepts.names | analysis.cue_union
        if {"many", "pills"} <= names and "ingest" in names or "ingest_many" in names:
            return False
        if _BODY_NOW & names and (
            _FEARED.isdisjoint(names) or {"time_now", "just", "recent"} & names
        ):
            return False
    return True


_AHEAD_KINDS: Final = frozenset({"child_at_risk"})
"""Kinds a drink tonight beside children gives, that a drive tomorrow asked about turns into a
question (fp37)."""
_DRUNK_NOW: Final = frozenset({
    "drunk_now", "intoxicated", "unresponsive", "drowsy", "acute_symptom", "alone", "lone",
    "danger", "violence_verb", "menace", "raging", "absent_adult", "driving", "many",
    "ingest_many", "pills", "just",
})
"""What keeps a drink beside children urgent however far ahead the drive is (fp37): someone
drunk or out of it now, a child alone, danger, violence, driving, much taken or pills."""


def _sobering_ahead(visitor: Sequence[_LineAnalysis]) -> bool:
    """fp37 (blind set 35): the writer asks how long a drink stays in the body or when one may
    drive after it ("hur länge sitter vin kvar i kroppen?"), and the children's trip is the next
    day ("barnen ska med i bilen imorgon bitti och jag drack några glas ikväll"): a question
    asked ahead to be sober in time, not a child with a drunk adult now. Not beside someone
    drunk or out of it now, a child alone, danger, violence, driving or much taken
    (``_DRUNK_NOW``)."""
    if not any("wear_off" in a.cue_union for a in visitor):
        return False
    if not any("next_day" in a.cue_union for a in visitor):
        return False
    return all(_DRUNK_NOW.isdisjoint(a.concepts.names | a.cue_union) for a in visitor)


_CHILDHOOD_KINDS: Final = frozenset({"violence", "child_at_risk"})


def _told_grown(analysis: _LineAnalysis) -> bool:
    """fp42: a line that tells the past and the writer grown up now (an adult age, own
    children)."""
    return "past" in analysis.cue_union and (
        (analysis.visitor_age or 0) >= ADULT_AGE or "own_children" in analysis.concepts.names
    )


def _supported(
    verdict: ModelVerdict,
    window: Sequence[_LineAnalysis],
    taken_back: Sequence[bool],
    *,
    sure: bool,
    any_kind: bool = False,
    denied: bool = False,
    said_safe: bool = False,
) -> bool:
    """Whether the model's verdict counts: its words stand in a line the rules read as now
    (and the next line does not take back), and, unless the model is ``sure`` (its cut
    ``UrgencyModel.sure`` over ``MODEL_SURE_WORDS``), a concept class of its kind is there (past
    ``any_kind``, the cut ``UrgencyModel.any_kind``: of any urgent kind but a will or a state
    alone), and for an overdose no
    routine ("as usual", "this morning") is. ``denied``: the visitor said
    no to a staff member's suicide question."""
    now = [not (_not_now(a) or back) for a, back in zip(window, taken_back, strict=True)]
    if not any(now[n] for n in verdict.lines):
        return False
    live = [a for a, is_now in zip(window, now, strict=True) if is_now]
    present = frozenset().union(*(a.concepts.names | a.cue_union for a in live))
    if verdict.kind in _CHILDHOOD_KINDS and all(
        _told_grown(window[n]) for n in verdict.lines
    ) and _MODEL_SUPPORT[verdict.kind] & present <= {"lone", "alone"}:
        # fp42 (blind set 38): a childhood told by one grown up now ("when i was 13 ... im 30
        # now", "när jag var 10 ... nu har jag egna barn"), with no act, threat or drunk adult
        # the classes read as now: the past, even to a sure model
        return False
    if verdict.kind == "suicide" and not sure and "no_relief" in present and (
        _MODEL_SUPPORT["suicide"] & present <= {"weary", "despair"}
    ):
        # fp42 (blind set 38): worn out with no relief ("orkar inte mer med nåt, tre barn o
        # ingen avlastning"): a carer's exhaustion, weariness alone backs no suicide verdict
        return False
    if verdict.kind in ("suicide", "goodbye") and "departed" in present and (
        _MODEL_SUPPORT[verdict.kind] & present <= _DEPARTURE_FEELING
    ):
        # "leave for rehab ... feels like disappearing": the leaving (everyday2); fp37 (blind
        # set 36): a goodbye the rules read as a leaving told ("sendte 'takk for alt' før han
        # dro i militæret"), with no goodbye left over, is that leaving's also to a sure model
        return False
    if verdict.kind in _LEAVING_KINDS and _EXPLAINED_MOVE <= present and (
        rules.EXPLICIT_ENDING.isdisjoint(present)
    ):
        return False  # "she called this morning, she meant she's moving": the message was that
    if verdict.kind == "third_party_danger":
        told = frozenset().union(*(a.concepts.names for a in window))
        if "found_back" in told and {"over", "unharmed"} & told and (
            rules.FOUND_HARMED.isdisjoint(told)
        ):
            # "personalen hittade henne ... hon mår bra nu": over, also in a line the rules read
            # as not now (everyday2)
            return False
        if "cold" in present and rules.minded(present):
            # "went for a walk with the staff in the snow today, minus 10": not alone in the
            # cold, as for the rules (review 16; the model retrained with sets 14-19 is sure)
            return False
    if (
        verdict.kind in ("third_party_danger", "violence")
        and _ANY_KIND_SUPPORT & present <= {"weapon_gun", "weapon"}
        and ("duration" in present or any(a.concepts.habitual for a in live))
        and _WEAPON_NOW.isdisjoint(present)
    ):
        # a hunter's gun kept at home for years ("han har ett vapen hemma, han är jägare sen 30
        # år") is no danger by itself; with a threat, a wish, drink or a time now it counts
        return False
    if (
        verdict.kind == "child_at_risk"
        and (_ANY_KIND_SUPPORT - {"many"}).isdisjoint(present)  # "all the time" is no count
        and ({"duration", "often"} & present or any(a.concepts.habitual for a in live))
        and _CHILD_NOW.isdisjoint(present)
    ):
        # Blind set 19 (au19): a child caring for an ill parent ("mamma ligger i senga hele
        # tida og jeg lager middag til lillebror", "she stays in bed all the time") with no
        # drink, drug, absence or danger and no time: a lasting strain for support, not a
        # child at risk now.
        return False
    if verdict.kind == "violence" and _MODEL_SUPPORT["violence"] & present <= _HABIT_BACKING and (
        "violence_habit" in present and "violence_timed" not in present
    ) and (_VIOLENCE_WHEN | _HABIT_TIMED).isdisjoint(present):
        # blind set 22 (fp23): acts told only as a habit or a span, and no time, no last time
        # and no injury anywhere the rules read as now ("knuffar henne ibland när han druckit"
        # / "nu e det lugnt"): even a sure model has nothing of now to go on
        return False
    if verdict.kind == "suicide" and not _NEAR_END.isdisjoint(present) and (
        rules.EXPLICIT_ENDING.isdisjoint(present)
    ):
        # blind set 23 (fp24): a life near its natural end ("hon ska dö snart säger pappa" /
        # "idag sa hon hejdå till mig"): its goodbyes are that end's, even to a sure model;
        # blind set 28 (fp28): so are a pet's at the vet ("bokat tid hos veterinären" / "vi ska
        # ta farväl hemma på torsdag")
        return False
    if verdict.kind == "violence" and not (_MOURNED | _NEAR_END).isdisjoint(present) and (
        _MODEL_SUPPORT["violence"] & present <= {"reported_threat"}
    ):
        # blind set 29 (fp29): a death mourned, a burial planned ("vi ska begrava henne i
        # trädgården ikväll"), and nothing of violence but a "said that" ("mamma säger att hon
        # var gammal"): no threat, even to a sure model
        return False
    if verdict.kind == "suicide" and not _MOURNED.isdisjoint(present) and (
        _MODEL_SUPPORT["suicide"] & present <= _MOURNING_WORDS
    ):
        # blind set 29 (fp29): a funeral or another's death told ("my mum's funeral is on
        # friday" / "saying goodbye to her ... feels impossible"), and nothing but a farewell
        # and that death: the goodbye is to the one who died, even to a sure model
        return False
    mourned = not _MOURNED_TOLD.isdisjoint(
        frozenset().union(*(a.concepts.names for a in window))
    )  # told in any line the model read, also as the past ("my dad died last year")
    if verdict.kind == "suicide" and mourned and (
        _MODEL_SUPPORT["suicide"] & present <= _LONGING_WORDS
    ):
        # grief29: a death told and nothing but a wish and a life ("pappa ble begravet i går"
        # / "skulle ønske han fortsatt var her"): the wish is that the dead lived, even to a
        # sure model; a wish to join them is the rules' (`_joining_the_dead`)
        return False
    if verdict.kind == "child_at_risk" and not sure and mourned and (
        _MODEL_SUPPORT["child_at_risk"] & present <= {"alone", "lone"}
    ) and _CHILDREN.isdisjoint(present):
        # grief29: a death told, no child named, and only someone alone ("vill vara hos pappa
        # efteråt så han inte är ensam"): the bereaved are no child at risk
        return False
    if _MODEL_LIFE.isdisjoint(present) and (
        verdict.kind == "suicide" and "quit_habit" in present
        or verdict.kind in ("suicide", "goodbye") and any(map(_own_sobriety, window))
        and not any(_someone_else(a) for a in window)
    ):
        # blind set 24 (fp25): a habit being quit ("stängde alla mina konton på casinosidorna" /
        # "hejdå för gott"): its goodbye is to the habit, even to a sure model; since blind set
        # 25 (top27) also a goodbye to the chat after a year sober ("sista meddelandet här" /
        # "ett år nykter idag"), which the model read as a goodbye message: the writer's own
        # sobriety told (not a brother's, whose goodbye and silence stay his), also in a line
        # the rules read as over ("ett år edru i dag")
        return False
    if verdict.kind == "suicide" and denied and _DENIED_LIFE.isdisjoint(
        frozenset().union(*(a.concepts.names for a in window))
    ):
        # blind set 24 (fp25): the visitor said no to a staff member's question whether the one
        # told of wants to die ("Säger hon något om att inte vilja leva?" / "Nej, inte så"), and
        # no word of dying or of life stands anywhere the model read, not even in the answer
        # ("Nej inte så. Men jag vill inte vara kvar"): its reading is the question asked
        return False
    if verdict.kind in ("goodbye", "third_party_danger") and _heard_after_silence(live):
        # the one who did not answer has called since ("nu ringde han!! mobilen hade dött"):
        # even to a sure model (blind set 24, fp25; third-party danger since blind set 16)
        return False
    if verdict.kind == "overdose" and _MODEL_SUPPORT["overdose"] & present <= {"many"} and (
        (_MODEL_SUPPORT["medical"] | _STATE_NOW).isdisjoint(present)
    ):
        # blind set 29 (fp29): nothing taken and no body in trouble, only "all" or a number
        # ("nu är det midsommar och alla ska supa" / "17") and no one out of it or high now: no
        # overdose, even to a sure model (not "did way too much K and now hes not responding")
        return False
    if verdict.kind in ("suicide", "goodbye") and "declutter" in present and (
        rules.DEPARTURE_VETO.isdisjoint(present) and _MODEL_LIFE.isdisjoint(present)
    ):
        # blind set 33 (tri33): things given to a charity shop, accounts deleted in a detox
        # ("gitt bort klærne til Fretex og slettet Instagram – detox-januar"), no word of dying:
        # a declutter, even to a sure model
        return False
    if verdict.kind in ("overdose", "suicide") and "handed_in" in present and (
        _HANDED_IN_VETO.isdisjoint(present)
    ):
        # fp37 (blind set 35): left-over medicines asked where to hand in ("har en massa
        # tabletter kvar efter min mans bortgång. var lämnar man in sånt?"), nothing taken, saved
        # or wished with: a disposal, even to a sure model
        return False
    if verdict.kind == "overdose" and "animal_ate" in present and "ingest" not in present and (
        (_MODEL_SUPPORT["medical"] | _STATE_NOW).isdisjoint(present)
    ):
        # blind set 33 (tri33): a pet that ate pills ("hunden spiste to av sovepillene mine"),
        # no one else taking any and no body in trouble: the taking was the animal's, even to a
        # sure model
        return False
    if verdict.kind == "violence" and said_safe and (
        _MODEL_SUPPORT["violence"] & present <= _CRIES
    ) and _VIOLENCE_TOLD.isdisjoint(frozenset().union(*(a.concepts.names for a in window))):
        # fp40 (blind set 36): the writer said yes to a staff question whether they are safe
        # ("Are you safe at home?" / "yes, nobody touched anybody"), and no act, threat, weapon
        # or fear is told anywhere the model read, only a cry word at most ("can't stop
        # thinking"): a row told, over, even to a sure model
        return False
    if sure and _names_nothing(verdict) and _ANY_CLASS.isdisjoint(
        frozenset().union(*(a.concepts.names | a.cue_union for a in window))
    ):
        # fp40 (blind set 36): a sure verdict that names nothing, its reasons only a negation
        # and a hedge ("orkar inte ens duscha" / "sen jul kanske": "inte" + "kanske"), and no
        # class of any urgent kind, not even a will or a state, anywhere it read (also in a
        # line taken back): the sure cut stands for a wording the classes do not know, and
        # here there is no wording at all
        return False
    if sure:
        return True  # a wording the classes do not know yet is what the model is there for
    if verdict.kind == "suicide" and _MODEL_SUPPORT["suicide"] & present <= _ARRANGING_WORDS:
        told = frozenset().union(*(a.concepts.names for a in window))
        if "live_on" in told and _LIVING_ON_VETO.isdisjoint(told):
            # blind set 27 (fp32b): a will and death talked of beside a wish to live long ("han
            # vill leva så länge som möjligt, han vill bara att allt ska vara ordnat"): the
            # arranging, not a wish to die; a sure model still stands
            return False
    if verdict.kind in ("overdose", "medical") and _MODEL_ROUTINE & present:
        return False
    if verdict.kind == "overdose" and "safety_question" in present and (
        _TAKEN_MANY.isdisjoint(present)
    ):
        # "kan jeg ta en øl på 17. mai?" on antidepressants asks ahead, as for the rules; not
        # "nu rusar hjärtat ... e det farligt" (blind set 17)
        return False
    if verdict.kind == "overdose" and "treat_purpose" in present and (
        _TAKEN_MANY_BODY.isdisjoint(present)
    ):
        # blind set 28 (fp28): a tablet asked about for a pain told ("har sjukt ont i en
        # visdomstand" / "tänkte ta 2 st"), none many and no body in trouble: a treatment
        return False
    if verdict.kind == "self_harm" and "accident" in present:
        return False  # cooking, sport: as for the rules, a cut there is no self-harm
    if verdict.kind == "violence" and "combat_sport" in present and _SERIOUS_VIOLENCE.isdisjoint(
        present
    ):
        return False  # fp31b: "slog en tjej i sparringen": a blow in the sport, as for the rules
    if verdict.kind == "child_at_risk" and not {"children", "child_subject", "parent"} & present:
        return False  # a child must be there to be at risk
    if verdict.kind == "suicide" and _another_end(present):
        return False
    if verdict.kind == "suicide" and _MODEL_SUPPORT["suicide"] & present <= _MODEL_WEAK:
        # Only a wish, a thought or being worn out: about a relative's drinking or drug use it
        # is their habit and the writer's exhaustion ("min sambo kommer hem påverkad varje helg
        # och jag orkar inte mer", "my brother is using again, i think it's heroin"), and a
        # wish to talk is a wish to talk ("vil bare høre en stemme"), unless it is to talk
        # before something ("ville bara prata med nån innan"); neither is a death wish.
        topics = frozenset().union(*(a.topics for a in live))
        if {"loved_one", "household_other", "parent"} & present and (
            _OTHERS_USE & present or not _OTHERS_HABITS.isdisjoint(topics)
            or (_MODEL_SUPPORT["suicide"] & present <= _WORN_OUT and "alcohol" in topics)
        ):
            return False
        if "wish_talk" in present and "talk_before" not in present:
            return False
        if denied:
            return False  # "tenker mye på om jeg kunne gjort noe" / "Tanker om å dø?" / "nei"
    backing = _MODEL_SUPPORT["violence"] & present
    if verdict.kind == "violence" and backing == {"flee"} and all(
        a.concepts.words["flee"] in a.concepts.words.get("departure", "")
        for a in live if "flee" in a.concepts.names
    ):
        # blind set 32 (fp32b): a move told ("eksen ... har flytta til Trondheim") is no flight
        # from violence: its "flytta" backs no violence verdict either, as for another kind's
        # (a shelter, "sover i bilen" still do)
        return False
    if verdict.kind == "violence" and (backing <= _VIOLENCE_ACTS or backing <= _SAYING) and (
        _VIOLENCE_WHEN.isdisjoint(present)
    ):
        # "slår mig när han har druckit": a habit with no time (the dev set); since blind set 16
        # also one's words with no time ("han säger att allt är bra")
        return False
    if verdict.kind == "violence" and backing <= _VIOLENCE_ACTS and (
        "violence_habit" in present and "violence_timed" not in present
    ) and _HABIT_TIMED.isdisjoint(present):
        # blind set 22 (fp22): the acts told are a habit or a span with no time of their own,
        # and the "now" is another sentence's ("... nu sitter jag i skolan"), as for the rules
        return False
    if verdict.kind == "suicide" and "idiom" in present and (
        _MODEL_SUPPORT["suicide"] & present <= _MODEL_WEAK
    ):
        return False  # "vill inte dö, vill bara att ångesten ska försvinna"
    if not _MODEL_SUPPORT.get(verdict.kind, frozenset()).isdisjoint(present):
        return True
    # Surer, but not sure: a class of another urgent kind will do. The kind model is the weaker
    # of the two (a man not reacting in a ditch at minus 20 read as third-party danger, the
    # classes seeing only the cold and the drink), and a will or a state alone is no risk.
    # Blind set 24 (fp25): a move told ("min bästis flyttar till Australien imorn") is no
    # flight from violence: its "flyttar" backs no verdict of another kind.
    support = _ANY_KIND_SUPPORT - {"flee"} if "departure" in present else _ANY_KIND_SUPPORT
    return any_kind and not support.isdisjoint(present)


def _own_sobriety(analysis: _LineAnalysis) -> bool:
    """The line tells the writer's own habit quit or sobriety ("ett år nykter idag och jag
    klarar mig själv nu"), no one else's ("min bror har varit nykter ett år")."""
    names = analysis.concepts.names
    return (
        "quit_habit" in names and "first_person" in names and "household_other" not in names
        and _KIN_CUES.isdisjoint(analysis.cue_union)
    )


def _someone_else(analysis: _LineAnalysis) -> bool:
    """The line names someone else, or someone who does not answer: a goodbye read there may
    be theirs."""
    return "unreachable" in analysis.concepts.names or not _KIN_CUES.isdisjoint(
        analysis.cue_union
    )


_KIN_CUES: Final = frozenset({"loved_one", "parent", "child_subject"})
"""Cues naming someone close ("min bror", "kompisen min", "my sister"): before a departure, the
one who leaves."""
_LEAVER_REACH: Final = 3
"""How many words before a departure its subject may stand ("han skal i førstegangstjeneste")."""
_SUPPRESSING_DEPARTURE: Final = frozenset({"past", "conditional"})
"""Sentence cues that make a departure none now ("flyttade hit för tre år sen")."""


def _leaving(
    tokens: Sequence[str],
    sentences: Sequence[int],
    hits: Sequence[rules.Hit],
    cues: Sequence[frozenset[str]],
    kin: frozenset[int],
) -> str:
    """Whose departure, now or soon, the line tells: "own" when the writer's (a first person
    before it, or no one else: "flyttar till Umeå", "moving back to Canada"), "theirs" when a
    third person or someone close is its subject ("han skal i førstegangstjeneste", "min bror
    flyttar"), "" when there is none (or only one in the past: "flyttade hit 2015")."""
    found = ""
    for hit in hits:
        if hit.name != "departure" or not hit.positive or (
            hit.sentence < len(cues) and _SUPPRESSING_DEPARTURE & cues[hit.sentence]
        ):
            continue
        before = [
            i for i in range(max(0, hit.start - _LEAVER_REACH), hit.start)
            if sentences[i] == hit.sentence
        ]
        if any(tokens[i] in _FIRST_PERSON_WORDS for i in before) or not any(
            tokens[i] in _THIRD_PERSONS or i in kin for i in before
        ):
            return "own"
        found = "theirs"
    return found



_QUOTED: Final = re.compile(r'["“”«»][^"“”«»]*["“”«»]')
"""A quoted span in a staff line: an example of what to ask, not a question asked (fp28)."""
_QUESTIONS: Final = re.compile(r"[^.!?]*\?")
"""The question sentences of a line, each up to its question mark."""
_BEREAVEMENT: Final = frozenset({"terminal", "funeral", "vet", "bereaved"})
"""A life near its end or a funeral, told anywhere by the visitor (fp25); a pet put down, and
another's death told ("farmor som dog i februari"), since fp28."""
_OWN_END: Final = frozenset({"disappear", "not_wake", "passing", "own_time_left"})
"""Words of one's own end that a bereavement beside them does not explain (fp29); one's own
time left ("I won't be here much longer") since grief29."""
_JOINING: Final = ("join_dead", "join_them", "other_side", "bereft")
"""Wanting to be with the dead or to follow them, a reunion with them soon, nothing left to
live for without them (grief29): beside a death told, the writer's own wish to die."""
_CHILDREN: Final = frozenset({"children", "small_child", "child_alone"})
"""A child named in the chat."""
_DEATH_TOLD: Final = ("funeral", "bereaved", "death_told")
"""Another's death told by the visitor: a funeral, a death (not a hospice: the dying are
alive, and being with them is no wish to die)."""
_OTHERS_PRONOUNS: Final = frozenset({
    "han", "hon", "hen", "honom", "henne", "hun", "ham", "dom", "de", "dem", "he", "she", "him",
    "her", "they", "them",
})
"""Pronouns of another: a word of dying beside one may be theirs (fp29)."""
_WORD: Final = re.compile(r"\w+")
_BEREAVED_DYING: Final = frozenset({"death", "passing", "not_wake"})
"""Words of dying that, beside a bereavement, are the dying one's ("tagit farväl", "somnade in")."""


def _own_dying(concepts: rules.LineConcepts) -> bool:
    """A word of dying or vanishing in a line, not the farewell's own words ("tagit farväl"
    reads as both): "jag kommer inte finnas kvar", "jag vill inte vakna" (fp29)."""
    words = concepts.words
    return bool(_OWN_END & concepts.names) or (
        "death" in words and words["death"] != words.get("farewell")
    )


def _others_words(text: str, concepts: rules.LineConcepts) -> list[str]:
    """The words of a line outside its words of one's own time left: nb "her" is "here" in
    "blir ikke her så mye lenger", no pronoun of another (grief29)."""
    words = _WORD.findall(text.lower())
    own = concepts.words.get("own_time_left")
    if own is None:
        return words
    return [w for w in words if w not in _WORD.findall(own)]


def _own_give_away(concepts: rules.LineConcepts) -> bool:
    """The writer's own things given away ("har gett bort min gitarr", grief29): beside a
    bereavement they are no sorting of the dead one's things."""
    return {"give_away", "own_things"} <= concepts.names


def _departure_told(lines: Sequence[Line], analyses: Sequence[_LineAnalysis]) -> bool | None:
    """How a leaving the visitor tells (blind set 19) reads the goodbyes and give-aways:
    True when it explains those in every line (the writer's own move, retirement or new job,
    or the leaving of one who wrote a goodbye and has been heard from since: "han har svart nå,
    han skal i førstegangstjeneste"); False when nothing may explain them, not even a
    departure in their own sentence (a word of dying, a burden, "won't need them where I'm
    going", saved pills, a silence: ``rules.DEPARTURE_VETO``, or someone unreachable
    not heard from since); None when each line reads as it does alone."""
    if not any(a.departed is not None or a.kept is not None for a in analyses):
        return None
    visitor = [a for line, a in zip(lines, analyses, strict=True) if line.sender == "visitor"]
    names = frozenset().union(*(a.concepts.names for a in visitor))
    # Blind set 24 (fp25): a bereavement told (a hospice, a funeral) explains the goodbyes of
    # every line ("morfar ligger på hospice" / "vi har tagit farväl allihop"), and its words of
    # dying are the dying one's; a word of suicide, a burden or saved pills still veto.
    bereaved = not _BEREAVEMENT.isdisjoint(names)
    if bereaved and any(
        line.sender == "visitor" and (
            "first_person" in a.concepts.names
            and _own_dying(a.concepts)
            and _BEREAVEMENT.isdisjoint(a.concepts.names)
            and _OTHERS_PRONOUNS.isdisjoint(_others_words(line.text, a.concepts))
            # grief29: the writer's own things given away, whatever else the line tells
            or _own_give_away(a.concepts)
        )
        for line, a in zip(lines, analyses, strict=True)
    ):
        # blind set 29 (fp29): a word of dying in a line of the writer's own, with no death
        # told there and no one else in it ("mammas begravning på fredag" / "jag kommer inte
        # finnas kvar efter det"; not "som att jag bestämmer när hon ska dö"), is the
        # writer's, not the dying one's
        bereaved = False
    if _living_on(lines, analyses, names):
        return True
    veto = rules.DEPARTURE_VETO - _BEREAVED_DYING if bereaved else rules.DEPARTURE_VETO
    if not veto.isdisjoint(names) or (
        "unreachable" in names and not _heard_after_silence(visitor)
    ):
        return False
    if bereaved:
        return True
    if _habit_quit_told(visitor, (line.text for line in lines if line.sender == "visitor")):
        return True
    if "away_span" in names and not {"farewell_letter", "letter_kin", "give_away"}.isdisjoint(
        names
    ):
        # fp31a: away for a span told ("kommer inte va nåbar på 3 veckor") explains goodbyes
        # said, never a farewell letter or a thing given away
        return False
    leaving = {a.leaving for a in visitor}
    if "own" in leaving or ("theirs" in leaving and "heard_from" in names):
        return True
    if "theirs" in leaving and _HABIT_QUIT_VETO.isdisjoint(names) and _signs_are_theirs(
        lines, analyses
    ):
        # blind set 32 (fp32a): someone else's move, retirement or studies ("hon och hennes man
        # flyttar till Spanien", "her last shift before she quits to study") explains the
        # give-aways and goodbyes told of someone else ("mamma har gett bort smycken och sagt
        # adjö till grannarna"), never the writer's own ("min bror flyttar till Lund / jag har
        # sagt hejdå till alla och gett bort allt"); not beside a wish, weariness, vanishing
        # ("om han inte fanns längre"), a letter to kin or a decision (``_HABIT_QUIT_VETO``)
        return True
    if "theirs" in leaving and "care_resident" in names:
        # blind set 25 (top27): someone moving into a care home ("mormor flyttar till ett
        # äldreboende på fredag"): her jewellery given to the grandchildren and her goodbyes to
        # the neighbours are that move's, as one's own move explains one's own
        return True
    return None


_LIVING_ON_VETO: Final = rules.DEPARTURE_VETO - {"death", "live"} | {
    "weary", "despair", "disappear", "unreachable", "decided", "plan_how", "means", "rope",
    "weapon_gun", "letter_kin", "farewell_letter", "goodbye_message", "own_time_left",
    "join_end", "join_dead", "bereft",
}
"""What keeps a will or a funeral arranged urgent beside a wish to live long (fp32b): a word of
an ending other than a funeral or death talked of, a burden, saved pills, being worn out,
vanishing, a silence, a decision, a means, a letter to kin, one's own time left."""


def _living_on(
    lines: Sequence[Line], analyses: Sequence[_LineAnalysis], names: frozenset[str]
) -> bool:
    """Blind set 27 (fp32b): a wish to live long told by the visitor ("jag vill leva många år
    till, jag vill bara ha ordning", "han säger att han vill leva så länge som möjligt"), with no
    "men" / "but" after it in its line or opening the next visitor line, and nothing of an
    ending anywhere (``_LIVING_ON_VETO``): a will written, a funeral arranged, things handed
    on are arrangements ("vill leva men …" stays ambivalence)."""
    if "live_on" not in names or not _LIVING_ON_VETO.isdisjoint(names):
        return False
    visitor = [
        (line.text, a) for line, a in zip(lines, analyses, strict=True)
        if line.sender == "visitor"
    ]
    for order, (text, analysis) in enumerate(visitor):
        said = analysis.concepts.words.get("live_on")
        if said is None:
            continue
        after = text.casefold().partition(said.casefold())[2]
        if not rules.BUT.isdisjoint(re.findall(r"[\w']+", after)):
            continue
        if order + 1 < len(visitor) and visitor[order + 1][1].concepts.opens_with_but:
            continue
        return True
    return False


_TOPIC_OPENERS: Final = frozenset({
    "om", "kring", "angående", "gällande", "omkring", "vedrørende", "about", "regarding", "on",
})
"""How a line that goes on with the topic of the one before may open ("om varningstecken på
suicid, typ avskedsbrev …" after "ska hålla en utbildning för nya kollegor")."""
_OWN_NOW: Final = frozenset({"time_now", "recent", "specific_case", "first_person", "just"})


def _general_topic(
    lines: Sequence[Line], analyses: Sequence[_LineAnalysis]
) -> Sequence[_LineAnalysis]:
    """Blind set 27 (fp32b): a visitor line that opens with "om" / "about" right after a visitor
    line read as a general professional question ("jag är socialsekreterare och ska hålla en
    utbildning för nya kollegor" / "om varningstecken på suicid, typ avskedsbrev, att ge bort
    saker") goes on with that question's topic: it is read as the same general question, unless
    it says now, recently, one case met, or the writer's own ("om att jag själv …")."""
    replaced: list[_LineAnalysis] | None = None
    for p in range(1, len(lines)):
        before, here = analyses[p - 1], analyses[p]
        if not (
            lines[p].sender == "visitor" and lines[p - 1].sender == "visitor"
            and here.first_word in _TOPIC_OPENERS
            and "professional_general" in before.concepts.names and before.concepts.suppressed
            and _OWN_NOW.isdisjoint(here.concepts.names)
            and not here.concepts.suppressed
        ):
            continue
        if replaced is None:
            replaced = list(analyses)
        replaced[p] = dataclasses.replace(
            here, urgent=(), needs_window=False,
            concepts=dataclasses.replace(
                here.concepts,
                names=here.concepts.names | {"professional_general"},
                suppressed=True,
            ),
        )
    return analyses if replaced is None else replaced


_DECISION_VETO: Final = rules.DEPARTURE_VETO | {
    "weary", "despair", "disappear", "letter_kin", "farewell_letter", "farewell", "give_away",
    "goodbye_message", "means", "rope", "weapon_gun", "plan_how", "unreachable",
}
"""What keeps a bare decision urgent though a habit quit is told after it (fp32b)."""
_OBJECT_OPENERS: Final = _WRITER | {"att", "å", "to"}
"""How a line that names what was decided may open ("att sluta dricka", "jeg skal slutte")."""


def _decision_explained(
    lines: Sequence[Line], visitor: Sequence[_LineAnalysis], positions: Sequence[int]
) -> dict[int, str]:
    """Blind set 27 (fp32b): a bare decision with a time ("jag har bestämt mig nu") whose object
    a later visitor line names as a habit of the writer's quit ("att sluta dricka. på riktigt
    den här gången"), within the window's reach, answering a staff question or opening with
    "att" / "to" / "jag": the decision is that, as it is in one line ("nu har jag bestämt mig,
    jag ska sluta dricka"). Not beside a word of dying, a burden, weariness, a goodbye, a
    give-away or a means anywhere (``_DECISION_VETO``). Returns each such line's words of the
    bare decision finding, by its visitor order."""
    names = frozenset().union(*(a.concepts.names for a in visitor))
    if "quit_habit" not in names or not _DECISION_VETO.isdisjoint(names):
        return {}
    explained: dict[int, str] = {}
    for order, analysis in enumerate(visitor):
        words = analysis.concepts.words
        if "decided" not in words or "time_now" not in words:
            continue
        for later in range(order + 1, min(len(visitor), order + 1 + URGENT_WINDOW_LINES)):
            told = visitor[later]
            at = positions[later]
            asked = lines[at - 1].sender == "staff" and "?" in lines[at - 1].text
            if "quit_habit" in told.concepts.names and (
                asked or told.first_word in _OBJECT_OPENERS
            ):
                explained[order] = f'{words["decided"]}" + "{words["time_now"]}'
                break
    return explained


_SIGN_REACH: Final = 20
"""How far back from a give-away or a goodbye its subject is looked for."""


def _signs_are_theirs(lines: Sequence[Line], analyses: Sequence[_LineAnalysis]) -> bool:
    """Blind set 32 (fp32a): whether every give-away, goodbye and farewell the visitor tells is
    someone else's: the nearest person before it in its sentence is a third person or someone
    named ("min mamma ... har gett bort smycken", "she gave away her plants"), not the writer
    ("jag har gett bort allt"); none with no one before it, none of the writer's own things."""
    for line, a in zip(lines, analyses, strict=True):
        if line.sender != "visitor" or a.departed is None:
            continue
        if "own_things" in a.concepts.names:
            return False
        tokens = _WORD_OR_APOSTROPHE.findall(line.text.lower())
        named = {
            w for name in ("another_person", "household_other")
            for w in _WORD.findall(a.concepts.words.get(name, ""))
        } | {w for cue in _KIN_CUES for w in _WORD.findall(a.cue_words.get(cue, ""))}
        for name in rules.DEPARTED:
            said = a.concepts.words.get(name)
            if said is None:
                continue
            words = _WORD_OR_APOSTROPHE.findall(said.lower())
            at = next(
                (i for i in range(len(tokens) - len(words) + 1)
                 if tokens[i : i + len(words)] == words),
                None,
            )
            if at is None:
                return False
            subject = None
            for t in reversed(tokens[max(0, at - _SIGN_REACH) : at]):
                if t in _SENTENCE_ENDS:
                    break
                if t in _WRITER or t in _THIRD_PERSONS or t in named:
                    subject = t
                    break
            if subject is None or subject in _WRITER:
                return False
    return True


def _quote_explained(visitor: Sequence[_LineAnalysis], text: str, order: int) -> bool:
    """Blind set 32 (fp32a): whether the line ``order`` quotes words (in quotation marks) that
    a later visitor line, within ``_QUOTE_REACH``, says were a song's, a film's or a book's
    ("det är en rad ur refrängen", "it's a lyric from"), with no urgent line and no one
    unreachable after it ("men nu svarar hon inte"). The next line saying so takes the line
    back already (``takes_back``)."""
    if _QUOTED.search(text) is None or any(
        # a silence or an urgent line after it: the song claimed explains nothing
        a.urgent or "unreachable" in a.concepts.names for a in visitor[order + 1 :]
    ):
        return False
    return any(
        "was_quote" in a.concepts.names and "serious" not in a.concepts.names
        for a in visitor[order + 1 : order + 1 + _QUOTE_REACH]
    )


_QUOTE_REACH: Final = 3
"""How many lines after a quoted post the words that say it was a song's may come."""


_WORD_OR_APOSTROPHE: Final = re.compile(r"[\w']+|[.!?]")
"""Words (with "i'm") and the marks that end a sentence."""
_SENTENCE_ENDS: Final = frozenset(".!?")


_HABIT_QUIT_VETO: Final = rules.DEPARTURE_VETO | {
    "wish", "weary", "despair", "disappear", "letter_kin", "decided",
}
"""What keeps the goodbyes and give-aways of a chat that quits a habit urgent (fp31a): a word
of dying or of life, a burden, pills saved, a wish, being worn out, vanishing, a letter to kin,
a decision."""


_PEOPLE_ADDRESSED: Final = frozenset({
    "alla", "allihop", "allihopa", "alle", "sammen", "allesammen", "everyone", "everybody",
    "all", "folk", "guys", "ni", "er", "dere", "you", "du", "dig", "deg", "dej", "y",
})
"""Who a farewell said to people is to ("hejdå alla", "farvel alle sammen", "goodbye
everyone", "sista gången ni hör från mig"): no habit (fp31a)."""
_GOODBYE_TO: Final = frozenset({"till", "til", "to"})


def _farewell_to_people(text: str, concepts: rules.LineConcepts) -> bool:
    """Whether a line's goodbye or farewell is said to people: its words hold a "you" or the
    word after the goodbye ("till" between) is "everyone" (fp31a); "hejdå till allt det där",
    "farvel til 8 år med dritt" are not."""
    tokens = _WORD.findall(text.lower())
    for name in ("farewell", "goodbye_message"):
        said = concepts.words.get(name)
        if said is None:
            continue
        words = _WORD.findall(said.lower())
        if not _PEOPLE_ADDRESSED.isdisjoint(words[1:]):
            return True
        for start in range(len(tokens) - len(words) + 1):
            if tokens[start : start + len(words)] == words:
                after = [t for t in tokens[start + len(words) : start + len(words) + 2]
                         if t not in _GOODBYE_TO]
                if after and after[0] in _PEOPLE_ADDRESSED:
                    return True
    return False


def _habit_quit_told(visitor: Sequence[_LineAnalysis], texts: Iterable[str]) -> bool:
    """Blind set 27 (fp31a): the writer's own habit quit told in the chat ("har stängt alla
    spelkonton idag", "slettet alle spillappene", "RIP vape", "farväl till vinet") explains its
    goodbyes, farewells and give-aways ("gett bort min pokerväska", "farvel til 8 år med
    dritt", "writing it a farewell letter"): they are to the habit. Not when anyone else is
    named (their goodbye may be theirs), nor beside a word of dying or of life, a burden, a
    wish, being worn out, a letter to kin or a decision (``_HABIT_QUIT_VETO``), nor a farewell
    said to people ("goodbye everyone, this is the last time you'll hear from me"); a
    farewell's own word of dying ("farväl" is also a `death` word) is the farewell's."""
    if not any("quit_habit" in a.concepts.names for a in visitor):
        return False
    # ``texts`` is read lazily: most triage calls have no habit quit and never build it
    for a, text in zip(visitor, texts, strict=True):
        if _someone_else(a) or "household_other" in a.concepts.names:
            return False
        if _farewell_to_people(text, a.concepts):
            return False
        names = a.concepts.names
        words = a.concepts.words
        if "death" in names and words["death"] in (
            words.get("farewell"), words.get("goodbye_message")
        ):
            names = names - {"death"}
        if not _HABIT_QUIT_VETO.isdisjoint(names):
            return False
    return True


def _joining_the_dead(
    visitor: Sequence[_LineAnalysis], taken: Sequence[bool]
) -> str | None:
    """Grief29: a bereaved writer's wish to be with the dead or to follow them ("I want to be
    with her", "vill följa med honom", "nothing left for me here without him"), or to meet
    them soon ("snart ses vi igen mamma"), in a line not taken back, with another's death told
    by the visitor (a funeral, "min fru dog i mars", in any tense): the writer's own wish to
    die. A hospice is no death told (being with the dying is no wish), nor is faith in a
    reunion "one day". "Her" and "him" are the dead only when the death told is the nearest
    telling of a person before them (else after them): "mamma är ensam nu och jag vill vara
    hos henne" wishes to be with the living."""
    told = next(
        (a.concepts.words[name] for a in visitor for name in _DEATH_TOLD
         if name in a.concepts.names),
        None,
    )
    if told is None:
        return None
    for order, analysis in enumerate(visitor):
        concepts = analysis.concepts
        wish = next((name for name in _JOINING if name in concepts.names), None)
        if wish is None or concepts.suppressed or taken[order]:
            continue
        if wish != "join_dead" and not (
            ("first_person" in concepts.names or wish == "bereft")  # "nothing left for me"
            and _refers_to_the_dead(visitor, order, concepts.words[wish])
        ):
            continue
        return f'{concepts.words[wish]}" + "{told}'
    return None


_WITHDRAWAL_SIGNS: Final = frozenset({"seizure", "delirium", "tremor", "sweating"})
_DOSE_SIGNS: Final = frozenset({"many_pills", "big_dose", "final_dose", "hoard"})


_OUT_THERE: Final = frozenset({"driving"})
"""Someone driving: with their death talk told by another, danger to a third party and to
others on the road (tri40b). Someone on a bridge or who does not answer is read by `_ACT_NOW`
(top42)."""
_ACT_NOW: Final = frozenset({"danger", "high_place", "unreachable", "means_ready"})
"""A suicide act going on now, not only talk: a place of danger or height, one who does not
answer, the means made ready (top42). With someone else's death talk told by a relative or a
professional: danger to a third party."""
_ACT_KINDS: Final = frozenset({"suicide", "third_party_danger"})
_FAREWELL_TALK: Final = frozenset({"rid_of_me", "farewell", "goodbye_message"})
"""A farewell written or said ("snart blir dere kvitt meg"): the read sets label a farewell and
a silence `goodbye`, which the suicide reading is nearer to; `_ACT_NOW` leaves it (top42)."""
_TELLERS: Final = frozenset({"relative", "professional"})
_BODY_OF_ITS_OWN: Final = frozenset({
    "seizure", "withdrawal", "acute_symptom", "ingest", "pills", "blood_up",
})
"""Beside the cold, what makes a body's trouble its own emergency: fits, a withdrawal, breathing
or chest trouble, something taken (tri40b)."""


def _lying_in_the_cold(concepts: Sequence[rules.LineConcepts]) -> bool:
    """Whether the chat tells of the cold and no body trouble of its own (tri40b)."""
    return any("cold" in c.names for c in concepts) and not any(
        _BODY_OF_ITS_OWN & c.names for c in concepts
    )


def _someone_elses_end(
    found: Mapping[str, object], role: str | None, concepts: Sequence[rules.LineConcepts]
) -> bool:
    """The suicide found is all someone else's, told by a relative or a professional: out
    driving with death talk (tri40b), or an act going on now with no ending of the writer's own
    and no farewell (top42). Their kind is `third_party_danger` by the labelling rules."""
    if any("own_end" in c.names for c in concepts):
        return False
    if role not in (None, "self") and any("others_end" in c.names for c in concepts) and any(
        _OUT_THERE & c.names for c in concepts
    ):
        return True
    return (
        found.keys() <= _ACT_KINDS
        and role in _TELLERS
        and any(_ACT_NOW & c.names for c in concepts)
        and not any(_FAREWELL_TALK & c.names for c in concepts)
    )


def _own_height_only(words: Sequence[str], concepts: Sequence[rules.LineConcepts]) -> bool:
    """Whether every third-party finding is a place of danger at a height that a visitor line
    tells as the writer's own (`own_height`, tri40b)."""
    own = {c.words["own_height"] for c in concepts if "own_height" in c.names}
    return bool(own) and all(w in own for w in words)


def _body_not_dose(concepts: Sequence[rules.LineConcepts]) -> bool:
    """Blind sets 35 and 36 (tri38): the body's trouble is a withdrawal (an abrupt stop of
    drinking or a sedative, and fits, delirium, shaking or sweating) or blood thrown up, with no
    count of pills or big dose told: `medical` comes before `overdose`."""
    live = [c for c in concepts if not c.suppressed]
    names = frozenset().union(*(c.names for c in live)) if live else frozenset()
    if _DOSE_SIGNS & names:
        return False
    return "blood_up" in names or "withdrawal" in names and bool(_WITHDRAWAL_SIGNS & names)


_CHILD_ALONG: Final = frozenset({
    "children", "small_child", "driving", "lone", "child_alone", "in_charge", "absent_adult",
})
"""A child named with the drunk driver, or left alone or in someone's charge: a child at risk
still (tri40a)."""


def _drove_off_alone(concepts: Sequence[rules.LineConcepts]) -> bool:
    """Blind set 35 (tri40a): a drunk adult has set off by car (`set_off`) and no child is named
    along, alone or in anyone's charge."""
    names = frozenset().union(*(c.names for c in concepts)) if concepts else frozenset()
    return "set_off" in names and not _CHILD_ALONG & names


_GONE: Final = frozenset({"missing", "absent_adult"})
"""Gone from where they should be ("är försvunnen", "har inte kommit hem"), not only not
answering the phone."""


def _death_talk_theirs(
    deaths: Sequence[str], dangers: Sequence[str], concepts: Sequence[rules.LineConcepts]
) -> bool:
    """Blind sets 35 and 36 (tri40a): every suicide finding's words are inside a danger finding
    that pairs them with more, and the one spoken of is gone (`missing`, `absent_adult`): the
    death talk is that person's. One who only does not answer ("skrev att han ska ta livet av
    sig ikväll och nu svarar han inte") keeps the suicide reason too."""
    return any(_GONE & c.names for c in concepts) and all(
        any(words in danger and danger != words for danger in dangers) for words in deaths
    )


_TAKEN_NOT_DRINK: Final = frozenset({
    "pills", "ingest", "took_something", "got_into", "stockpile", "many_pills", "big_dose",
    "final_dose", "hoard", "ingest_many",
})
_NOT_DRINK_TOPICS: Final = frozenset({"drugs", "medicines"})


def _drink_only(
    visitor: Sequence[_LineAnalysis], concepts: Sequence[rules.LineConcepts]
) -> bool:
    """Blind sets 35 and 36 (tri40a): drink is all that was taken (alcohol told, and no pills,
    medicine, drug or "took something" in the visitor's lines): the body's trouble is alcohol
    poisoning, `medical` before `overdose`."""
    names = frozenset().union(*(c.names for c in concepts)) if concepts else frozenset()
    if _TAKEN_NOT_DRINK & names:
        return False
    topics = frozenset().union(*(a.topics for a in visitor)) if visitor else frozenset()
    if _NOT_DRINK_TOPICS & topics:
        return False
    return "alcohol" in topics or bool({"alcohol", "drunk_now"} & names)


_WISHED_ENDS: Final = frozenset({"not_wake", "death", "disappear", "suicide_word"})
"""An end wished or told, which a laugh and "is that normal?" beside it do not take back."""
_TURN_SEARCHED: Final = frozenset({
    "looked_where", "plan", "plan_how", "methods_read", "highest_search",
})
"""A place or a means looked up, with part of one meaning a joke: the joke turned (tri42b)."""
_JOKED_DEATH: Final = frozenset({"suicide_word", "suicide_told", "jump", "death", "lethal_end"})
_JOKED_AWAY: Final = frozenset({"quote", "takeback"})
_NOT_TURNED: Final = frozenset({"over", "fine_now", "takeback"})
_STOOD_WHEN: Final = frozenset({"time_now", "night"})
_NOT_JOKE: Final = frozenset({"fiction", "general_question", "professional_general", "over"})
_JOKE_DENIED: Final = re.compile(
    r"\b(?:not|inte|ikke|ikkje|inget|ingen|no|n't)\W+(?:\w+\W+){0,2}?"
    r"(?:jok|kid|sk[äa]mt|skoj|tull|sp[øo]k)"
    r"|\b(?:jok\w*|kidding|sk[äa]mtar|skojar|tull\w*|sp[øo]ker)\W+(?:\w+\W+)?"
    r"(?:not|inte|ikke|ikkje)\b"
    r"|\bmean it|\bmeant it|\bmen[ae]r det\b|\bmente det\b|\bmenade det\b"
)
"""The joke itself denied ("not joking", "inget skämt", "tuller ikke", "i mean it"), not a
"men på riktigt" / "for real" that turns to another matter (blind18 ar-sv-023)."""


def _joke_turned(
    visitor: Sequence[_LineAnalysis], lines: Sequence[Line], positions: Sequence[int]
) -> str | None:
    """Blind set 36 (tri38): death talk the writer calls a joke ("i say 'kms' as a joke all the
    time", "sier alltid at jeg bare tuller når jeg snakker om å hoppe") and, in one of the next
    two visitor lines, the joke turned round: said to be meant ("lately i've realised i'm not
    joking", "men jag menar det") or, after a "but", standing out there now or tonight ("men
    jeg har stått der ute på brygga tre kvelder. i kveld også kanskje"). The joke takes the
    death talk back only until it is turned; a "jk, i'm fine" after it still takes it back.
    ``positions`` are the visitor lines' places in ``lines``; a text is read only for a line
    that turns a joke (the check runs on every urgency call). Returns the words, or None."""
    for order, said in enumerate(visitor):
        concepts = said.concepts
        if not (concepts.suppressed and _JOKED_AWAY & concepts.names
                and (_JOKED_DEATH & concepts.names or "suicide" in said.topics)
                and _NOT_JOKE.isdisjoint(concepts.names)):
            continue
        death = next((concepts.words.get(n, n) for n in sorted(_JOKED_DEATH & concepts.names)),
                     "suicide")
        for at in range(order + 1, min(len(visitor), order + 3)):
            turn = visitor[at].concepts
            if turn.suppressed or _NOT_TURNED & turn.names:
                continue
            meant = (
                _JOKE_DENIED.search(lines[positions[at]].text.lower())
                if "serious" in turn.names else None
            )
            if meant is not None:
                return f'{death}" + "{turn.words.get("serious", meant.group())}'
            if turn.opens_with_but and "stood_there" in turn.names and _STOOD_WHEN & turn.names:
                return f'{death}" + "{turn.words.get("stood_there", "stood_there")}'
            # tri42b (blind set 38): part of one meant it, and the place or the means has been
            # looked up ("idk. part of me. ive looked up where you can stop a car on it").
            if "part_meant" in turn.names and _TURN_SEARCHED & turn.names and (
                visitor[at].first_word not in _NO
            ):
                searched = next(n for n in sorted(_TURN_SEARCHED) if n in turn.names)
                return f'{death}" + "{turn.words["part_meant"]}" + "{turn.words[searched]}'
    return None


def _refers_to_the_dead(visitor: Sequence[_LineAnalysis], order: int, wish: str) -> bool:
    """Whether the nearest line that names a person, from the line ``order`` back (then
    forward), tells a death (grief29). Blind set 27 (tri31): people told in the plural
    ("barna trenger å vite") are no "her" or "him" in the ``wish``, only "them"."""
    persons = (
        _PERSONS_PLURAL if _PLURAL_PRONOUNS.intersection(wish.split()) else _PERSON_SINGLE
    )
    for at in (*range(order, -1, -1), *range(order + 1, len(visitor))):
        names = visitor[at].concepts.names
        if "death_told" in names:
            return True
        if not persons.isdisjoint(names):
            return False
    return False


_PLURAL_PRONOUNS: Final = frozenset({"dom", "dem", "them", "de"})
_PERSON_SINGLE: Final = frozenset({"another_person"})
_PERSONS_PLURAL: Final = frozenset({"another_person", "other_people"})


def _when_answered(question: _LineAnalysis, answer: _LineAnalysis, text: str) -> str:
    """Blind set 27 (tri31): a short answer naming a day or a point ahead ("sunday. after my
    last shift", "på lördag", "før jul") to a staff suicide question that asks when or for a
    plan ("do you have a plan for when?"): the answer says yes and when. A day in a long
    answer, or to a question that asks no when, says nothing of it."""
    if len(text.split()) > _WHEN_ANSWER_WORDS or not (
        "when_asked" in question.cue_union or "plan" in question.concepts.names
    ):
        return ""
    return answer.concepts.words.get("when_point", "")


_WHEN_ANSWER_WORDS: Final = 8


def _heard_after_silence(lines: Sequence[_LineAnalysis]) -> bool:
    """Whether a line after one that says someone does not answer says they have written
    since, or why they are silent ("svarar inte" / "nu skrev han", "ingen täckning")."""
    silent = _silent_line([a.concepts for a in lines])
    return silent is not None and any(
        "heard_from" in a.concepts.names for a in lines[silent + 1 :]
    )


_OWN_GOODBYE: Final = frozenset({"goodbye_message", "farewell"})
_LEAVING_WEIGHT: Final = frozenset({
    "farewell", "despair", "weary", "death", "suicide_word", "suicide_noun",
    "disappear", "not_wake", "burden", "wish", "thought", "plan", "self_harm", "way_out",
    "done_end", "rid_of_me", "worry_no_more", "wont_need", "give_away", "letter_kin", "in_case",
    "goodbye_only",
})
"""What gives a visitor's goodbye weight when it comes after other lines: a farewell act, or
despair or a risk word anywhere the visitor wrote. An "ok tack, hejdå" after a question about
opening hours has none (review of tri23). Writing only to say goodbye ("skriver bara för att
säga hejdå") is such weight (tri25)."""


def _gone_silent(
    lines: Sequence[Line], analyses: Sequence[_LineAnalysis]
) -> tuple[int, str] | None:
    """Round 23 (tri23): the visitor's last message (since tri25: last turn) says goodbye
    ("tack för allt. adjö") and a staff member has asked since whether they are still there
    ("Är du kvar?"), with no answer:
    the writer is the one who does not answer, as one who went silent after a goodbye is.
    The goodbye must be all the visitor said, or come with a farewell act or despair or a risk
    word somewhere in the visitor's lines, and must not thank for help ("tack för hjälpen, nu
    vet jag vart jag ska ringa"): a chat that ends well stays calm when staff check.
    Returns the goodbye's place among the visitor lines and the staff question's words; None
    otherwise."""
    visitor = [p for p, line in enumerate(lines) if line.sender == "visitor"]
    last = visitor[-1] if visitor else None
    if last is None or last + 1 >= len(lines):
        return None
    # Round 25 (tri25): the visitor's last turn, the messages written one after another
    # before staff answered ("jag skriver bara för att säga hejdå" / "och tack till hon som
    # svarade här förra veckan"): a goodbye in any of them is the last word.
    turn = [p for p in visitor if p <= last and all(
        lines[q].sender == "visitor" for q in range(p, last + 1))]
    said = frozenset().union(*(analyses[p].concepts.names for p in turn))
    if _OWN_GOODBYE.isdisjoint(said) or "helped" in said:
        return None
    asked = next((analyses[p].concepts.words["still_there"] for p in range(last + 1, len(lines))
                  if "still_there" in analyses[p].concepts.words), None)
    if asked is None:
        return None
    if len(visitor) > 1 and not any(
        _LEAVING_WEIGHT & analyses[p].concepts.names for p in visitor
    ):
        return None
    return len(visitor) - 1, asked


def _silent_line(
    concepts: Sequence[rules.LineConcepts], start: int = 0, end: int | None = None
) -> int | None:
    """The first line from ``start`` (up to ``end``) that says someone does not answer."""
    stop = len(concepts) if end is None else end
    return next((n for n in range(start, stop) if "unreachable" in concepts[n].names), None)


def _another_end(present: frozenset[str]) -> bool:
    """Whether the end the model read as a farewell is another one: a life near its natural
    end (hospice, as for the rules), or a habit being quit ("bestämt mig för att sluta röka,
    ikväll är sista ciggen") with no word about a life beside it."""
    return "terminal" in present or (
        "quit_habit" in present and _MODEL_LIFE.isdisjoint(present)
    )


def _not_now(analysis: _LineAnalysis) -> bool:
    """Whether the rules read the whole line as not now: a quote, a risk that is over, a
    general question, or only sentences about the past or a hypothetical. The learnt model
    knows words, not tense; where its words stand in such lines it is not asked."""
    return analysis.concepts.suppressed or all(
        _NOT_NOW_SENTENCE & cues and not ("since_started" in cues and "past" in cues
                                          and not _NOT_NOW_SENTENCE - {"past"} & cues)
        for cues in analysis.cues
    )


_AFFIRMED_WITHIN: Final = 3
_PLAIN_YES: Final = frozenset(
    {"ja", "jo", "jaa", "japp", "jepp", "yes", "yeah", "yep", "absolut", "definitivt", "definitely",
     "kanske", "kanskje", "maybe"}  # "ikväll kanske": ambivalence answers yes (blind set 9)
)
"""After a first word ("honestly yes"), only a plain yes answers: "jag är typ trött" does not."""
_NOT_YET: Final = frozenset({
    ("inte", "än"), ("inte", "ännu"), ("int", "än"), ("ikke", "ennå"), ("ikke", "enda"),
    ("ikkje", "enno"), ("ikkje", "endå"), ("itj", "enda"), ("not", "yet"),
})
"""An answer "not yet" to a staff question about an act says it is still to come (blind set 9:
"Har du skadat dig redan ikväll?" / "inte än")."""
_IMPLIED_YES: Final = (
    ("du", "fattar"), ("du", "förstår"), ("fattar", "du"), ("du", "vet"), ("du", "skjønner"),
    ("skjønner", "du"), ("du", "skjønar"), ("du", "veit"), ("you", "know"), ("you", "get", "it"),
    ("you", "can", "guess"), ("what", "do", "you", "think"), ("gissa",), ("gjett",),
)
"""Whole answers that leave the answer to be seen (blind set 14: "Vad tänker du göra med
tabletterna du samlar?" / "du fattar nog"): with at most one word after, a yes."""
_HEDGES: Final = (
    ("vet", "inte"), ("vet", "int"), ("vet", "ikke"), ("veit", "ikkje"), ("vet", "ikkje"),
    ("veit", "ikke"), ("i", "dont", "know"), ("i", "don't", "know"), ("idk",), ("dunno",),
)
"""Openings of an answer that say "I don't know" before the answer itself."""


@functools.lru_cache(maxsize=LINE_CACHE_SIZE)
def _still_to_come(answer: str, question: str) -> str:
    """The "not yet" an answer opens with ("inte än", "nej. inte än", "no, not yet") to a
    question whether the writer has taken something ("Har du tagit något ännu?", not "Har hon
    tagit något?" nor "Har du tagit kontakt med ...?"), or "" (tri22)."""
    plain = [t for t in tokenize(answer)
             if t not in lexicon.SENTENCE_BREAKS and t not in lexicon.CLAUSE_BREAKS]
    if plain and plain[0] in _NO:
        plain = plain[1:]
    if tuple(plain[:2]) not in _NOT_YET:
        return ""
    words = set(tokenize(question))
    if _YOU.isdisjoint(words) or not _THIRD_PERSON.isdisjoint(words):
        return ""
    return " ".join(plain[:2]) if not _TAKEN_WHAT.isdisjoint(words) else ""


_YOU: Final = frozenset({"du", "you", "u"})
"""The writer addressed by a staff question ("Har du tagit något?", "Have you taken any?")."""
_TAKEN_WHAT: Final = frozenset({
    "något", "nåt", "några", "dem", "dom", "noe", "anything", "any",
    "them", "pills", "tabletter", "tabletterna", "piller", "pillene", "tablettene",
})
"""What a question asks was taken, when it asks of a substance ("Har du tagit något?", not
"Har du tagit kontakt med läkaren?")."""


def _affirmed(tokens: Sequence[str]) -> str:
    """The "ja" / "yes" a line answers with: its first word, or a plain yes among the next two
    unless a negation comes first ("honestly yes", "ärligt talat ja", not "nej ja vet inte")."""
    words = [t for t in tokens if t not in lexicon.SENTENCE_BREAKS]
    for hedge in _HEDGES:  # "vet ikke. ja litt": not knowing is not a denial
        if tuple(words[: len(hedge)]) == hedge and len(words) > len(hedge):
            words = words[len(hedge) :]
            break
    if tuple(words[:2]) in _NOT_YET:  # "inte än" to "har du skadat dig?": not yet, but soon
        return " ".join(words[:2])
    implied = next((i for i in _IMPLIED_YES if tuple(words[: len(i)]) == i), None)
    if implied is not None and len(words) <= len(implied) + 1:
        return " ".join(words)  # "du fattar nog" / "you know": the answer left to be seen
    words = words[:_AFFIRMED_WITHIN]
    if words and words[0] in lexicon.AFFIRMATIVES:
        return words[0]
    if words and words[0] in _NO:
        return ""  # fp28: "nej absolut inte", "no definitely not": a no made stronger
    for token in words[1:]:
        if token in lexicon.NEGATIONS:
            return ""
        if token in _PLAIN_YES:
            return token
    return ""


_ENDING_NAMED: Final = frozenset({
    "death", "end_wish", "suicide_word", "disappear", "not_wake", "passing", "lethal_end",
})
"""An end or dying named beside a razor: a means of suicide, not only of cutting (tri40a)."""


def _is_blade(window: Sequence[_LineAnalysis], means: str) -> bool:
    """Whether the means word found is an edge to cut with (`blade`: "rakbladet", "razor")."""
    return any(
        blade in means or means in blade
        for analysis in window
        if (blade := analysis.concepts.words.get("blade"))
    )


def _cue_word(window: Sequence[_LineAnalysis], cue: str) -> str:
    for analysis in reversed(window):
        if cue in analysis.cue_words:
            return analysis.cue_words[cue]
    return cue


_YEAR_WORDS: Final = frozenset({"år", "ar", "years", "year"})
_FREE_OF: Final = frozenset({
    "sober", "clean", "nykter", "nyktra", "drogfri", "spelfri", "rökfri", "edru", "rusfri",
    "spillefri", "røykfri",
})
"""After a number of years, a time free of a habit, not an age (fp29)."""
_DROPPED_I_COPULAS: Final = frozenset({"är", "e", "er", "ar"})
"""A copula opening a clause with a number after it is the writer's age ("e 17")."""
_CLAUSE_EDGES: Final = frozenset({",", ".", "!", "?", "\n", "och", "o", "og"})
_PET_WORDS: Final = frozenset({
    "hund", "hunden", "hundar", "jakthund", "jakthunden", "katt", "katten", "häst", "hästen",
    "kanin", "kaninen", "hest", "hesten", "katta", "dog", "dogs", "cat", "cats", "lab",
    "labrador", "horse", "pony", "puppy", "kitten", "rabbit", "hamster", "marsvin",
})
"""Animals whose age is not a person's (sugg20: a hunting dog of 15 is no teenager)."""

_UNITS: Final = frozenset({
    "s", "sek", "sekunder", "sekund", "seconds", "min", "mins", "minut", "minuter", "minutter",
    "minutes", "minute", "h", "tim", "timme", "timmar", "time", "timer", "timen", "hour", "hours",
    "dag", "dagar", "dager", "days", "day", "veckor", "vecka", "uker", "uke", "weeks", "week",
    "månader", "måneder", "months", "mil", "km", "meter", "m", "kr", "kronor", "kroner", "procent",
    "prosent", "percent", "gånger", "ganger", "times", "st", "stk", "stycken", "grader", "degrees",
})
"""A number before a unit is a time, a distance, a sum or a count ("är 10 minuter bort", "är
hon 5 minuter sen"), not an age."""
_THIRD_PERSON: Final = frozenset({"han", "hon", "hen", "hun", "ho", "he", "she"})
"""Pronouns before or after a copula and a number: an age written about someone ("han e 19")."""
_AGO: Final = frozenset({"sen", "sedan", "ago", "siden", "sia", "tilbake"})


def _people_ages(tokens: Sequence[str], ages: tuple[int, ...]) -> tuple[int, ...]:
    """``ages`` without those said of an animal: a number with a pet word up to five words
    before it ("min jakthund är 15", "put my old lab down yesterday. 14 years")."""
    if not ages or _PET_WORDS.isdisjoint(tokens):
        return ages
    pets: set[int] = set()
    for i, token in enumerate(tokens):
        if not _is_number(token) or len(token) > 2:
            continue
        for before in reversed(tokens[max(0, i - 5) : i]):
            if before in _PET_WORDS:
                pets.add(int(token))
                break
    return tuple(age for age in ages if age not in pets)


def _ages(tokens: Sequence[str]) -> tuple[int | None, tuple[int, ...]]:
    """The writer's stated age ("jag är 14") and ages of people written about ("son på 16")."""
    visitor_age: int | None = None
    subject: list[int] = []
    for i, token in enumerate(tokens):
        if not _is_number(token) or len(token) > 2:
            continue
        number = int(token)
        before = tokens[i - 1] if i >= 1 else ""
        before2 = tokens[i - 2] if i >= 2 else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if after in _UNITS:
            continue
        if after in _YEAR_WORDS and (tokens[i + 2] if i + 2 < len(tokens) else "") in _FREE_OF:
            continue  # fp29: a time sober ("I'm 2 years sober", "jag är 3 år nykter"), no age
        if before in lexicon.FIRST_PERSON_COPULAS or (
            before in lexicon.COPULAS
            and (before2 in lexicon.FIRST_PERSON or before2 == "ja" and before in ("e", "är"))
        ):  # sugg20: "ja e 16", chat Swedish for "jag är 16"
            visitor_age = number
        elif before in lexicon.FIRST_PERSON and before2 in _PRESENT_COPULAS:
            # top37: inverted after a time word ("nu är jag 19", "nå er jeg 19")
            visitor_age = number
        elif before in _DROPPED_I_COPULAS and (i < 2 or before2 in _CLAUSE_EDGES):
            visitor_age = number  # "e 17, drack igår", "…, er 16": chat drops the "jag"
        elif (
            before in lexicon.AGE_WORDS_BEFORE
            or (before in lexicon.COPULAS and before2 in _THIRD_PERSON)  # "han e 19"
            or after in lexicon.AGE_WORDS_AFTER
            or before in lexicon.AGE_NOUNS
            # "nu är hon 78", "now is she 16": the copula before the pronoun
            or (before in _THIRD_PERSON and before2 in lexicon.COPULAS)
            # "vår son e 30", "my son is 30": the copula after the person
            or (before in lexicon.COPULAS and before2 in lexicon.AGE_NOUNS)
        ):
            if before in ("i", "för", "sedan", "sen", "for", "in", "siden") and after in (
                "år",
                "ar",
                "years",
            ):
                continue  # a duration ("i 3 år", "for 2 years"), not an age
            if before in ("på", "pa") and after in ("år", "ar") and any(
                t in lexicon.NEGATIONS for t in tokens[max(0, i - 6) : i]
            ):
                continue  # fp29: a time without ("ingen kontakt på 3 år"), not an age
            if after in _YEAR_WORDS and (tokens[i + 2] if i + 2 < len(tokens) else "") in _AGO:
                continue  # a time ago ("det är 20 år sen", "that was 30 years ago"), not an age
            subject.append(number)
    return visitor_age, tuple(subject)
