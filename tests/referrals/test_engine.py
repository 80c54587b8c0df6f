"""Suggestions and urgency from whole conversations: language, who writes, where, and risk."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referrals import Conversation, Directory, Line, SuggestionEngine
from tests.referrals.helpers import chat


def ids(engine: SuggestionEngine, conversation: Conversation, top: int = 5) -> list[str]:
    return engine.suggest(conversation, top=top).ids


# --- language ---------------------------------------------------------------------------------


def test_inflected_swedish_finds_the_topic(engine: SuggestionEngine) -> None:
    """Inflected forms ("drack", "druckit", "spelade") lead to the right services."""
    assert "se-alkoholhjalpen" in ids(
        engine, chat("sv", "self", "jag drack och har druckit varje dag"), 3
    )
    assert "se-stodlinjen-spel" in ids(engine, chat("sv", "self", "jag spelade bort lönen"), 3)


def test_compounds_find_the_topic_and_show_the_compound(engine: SuggestionEngine) -> None:
    """A compound ("spelskulderna", "nätcasinot") matches and is shown as the matched word."""
    result = engine.suggest(chat("sv", "self", "spelskulderna växer efter nätcasinot"), top=3)
    assert "se-stodlinjen-spel" in result.ids
    matched = next(s.matched for s in result.suggestions if s.id == "se-stodlinjen-spel")
    assert {"spelskulderna", "nätcasinot"} <= set(matched)


def test_typos_from_a_phone_still_match(engine: SuggestionEngine) -> None:
    """Common slips ("drickr", "alkohl", "sjalvmordstankar") still find the services."""
    assert "se-alkoholhjalpen" in ids(
        engine, chat("sv", "self", "jg drickr alldeles för mkt alkohl"), 3
    )
    assert engine.urgency(chat("sv", "self", "har sjalvmordstankar"))[0]


def test_english_and_norwegian_are_understood(engine: SuggestionEngine) -> None:
    """English and Norwegian texts find the matching services of their country."""
    assert "se-stodlinjen-spel" in ids(
        engine, chat("en", "self", "I lost everything gambling on online slots"), 3
    )
    assert "no-rusinfo" in ids(engine, chat("nb", "self", "jeg drikker for mye hver helg"), 3)


def test_negated_topic_weighs_less(engine: SuggestionEngine) -> None:
    """ "Jag dricker inte" weighs less than the same words said plainly."""
    plain = engine.suggest(chat("sv", "self", "jag har alkoholproblem"), top=1).suggestions[0]
    negated = engine.suggest(chat("sv", "self", "jag har inga alkoholproblem"), top=1).suggestions[
        0
    ]
    assert negated.score < plain.score


def test_service_trigger_words_point_at_that_service(engine: SuggestionEngine) -> None:
    """A service's own trigger ("spelpaus") ranks it first and is shown as matched."""
    result = engine.suggest(chat("sv", "self", "hur stänger jag av mig på spelpaus?"), top=3)
    assert result.suggestions[0].id == "se-spelpaus"
    assert "spelpaus" in result.suggestions[0].matched


# --- weighting of lines -----------------------------------------------------------------------


def test_visitor_lines_weigh_more_than_staff_lines(engine: SuggestionEngine) -> None:
    """When staff talk about gambling and the visitor about alcohol, alcohol ranks first."""
    conversation = chat(
        "sv", "self", "staff: Spelar du på casino eller odds?", "Nej, men jag dricker för mycket."
    )
    ranked = ids(engine, conversation, 10)
    assert ranked.index("se-alkoholhjalpen") < ranked.index("se-stodlinjen-spel")


@pytest.mark.parametrize("latest", ["gambling", "alcohol"])
def test_recent_lines_weigh_more_than_old_ones(engine: SuggestionEngine, latest: str) -> None:
    """Of two topics the visitor raised, the one raised most recently ranks higher."""
    gambling, alcohol = "jag spelar på casino", "jag dricker vin"
    filler = ["staff: Berätta mer.", "okej"] * 15
    texts = [alcohol, *filler, gambling] if latest == "gambling" else [gambling, *filler, alcohol]
    ranked = ids(engine, chat("sv", "self", *texts), 10)
    first, second = ("se-stodlinjen-spel", "se-alkoholhjalpen")[
        :: 1 if latest == "gambling" else -1
    ]
    assert ranked.index(first) < ranked.index(second)


# --- who writes, and where --------------------------------------------------------------------


def test_child_about_a_parent_sees_child_services_before_adult_ones(
    engine: SuggestionEngine, directory: Directory
) -> None:
    """A child writing about a drinking parent gets Bris and the children's group first."""
    ranked = ids(
        engine,
        chat("sv", "child", "min mamma dricker varje kväll och jag vågar inte säga något"),
        10,
    )
    adult_only = [i for i in ranked if not {"child", "youth"} & set(directory[i].audience)]
    assert ranked[:2] == ["local-barn-anhoriga", "se-bris"] or ranked[:2] == [
        "se-bris",
        "local-barn-anhoriga",
    ]
    assert all(ranked.index(i) > 1 for i in adult_only)


def test_stated_age_makes_a_writer_a_child_without_a_role(engine: SuggestionEngine) -> None:
    """Without a role, "jag är 12" about a parent's drinking is treated as a child writing."""
    top = ids(engine, chat("sv", None, "jag är 12 och pappa dricker hela tiden"), 2)
    assert set(top) == {"se-bris", "local-barn-anhoriga"}


def test_relative_role_brings_relatives_services_up(engine: SuggestionEngine) -> None:
    """The same words from a relative rank support for relatives higher than from the person."""
    text = "han dricker varje dag och blir arg"
    as_relative = ids(engine, chat("sv", "relative", text), 10)
    as_self = ids(engine, chat("sv", "self", text), 10)
    assert as_relative.index("local-anhorigstod") < as_self.index("local-anhorigstod")
    assert as_relative.index("local-anhorigstod") < 3


def test_professional_worried_about_a_child_is_led_to_social_services(
    engine: SuggestionEngine,
) -> None:
    """A teacher worried about a pupil's parent gets social services (concern report) first."""
    text = "Jag är lärare. En elev berättar att hennes pappa dricker och slår"
    assert ids(engine, chat("sv", "professional", text), 1) == ["local-socialtjanst-mottagning"]


@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        ("nb", "jeg drikker for mye og trenger hjelp", "NO"),
        ("sv", "jag dricker för mycket och behöver hjälp", "SE"),
        ("en", "I live in Norway and I drink too much", "NO"),
        ("en", "I drink too much and need help", "SE"),
        (None, "jeg har spilt bort alle pengene mine", "NO"),
    ],
)
def test_country_follows_language_and_place(
    engine: SuggestionEngine, directory: Directory, lang: str | None, text: str, country: str
) -> None:
    """Norwegian text or a Norwegian place gives Norwegian services; otherwise the deployment's."""
    top = ids(engine, chat(lang, "self", text), 3)
    assert top and all(directory[i].country == country for i in top)


# --- urgency ----------------------------------------------------------------------------------

URGENT = [
    ("sv", "self", "jag vill inte leva längre"),
    ("sv", "self", "tänker ta livet av mig ikväll"),
    ("sv", "self", "jag har skrivit ett avskedsbrev"),
    ("sv", "relative", "min kompis har tagit massa tabletter och går inte att väcka"),
    ("sv", "relative", "hon har tagit 30 alvedon"),
    ("sv", "self", "han slår mig just nu"),
    ("sv", "self", "han står i hallen med en kniv och hotar mig"),
    ("sv", "child", "pappa är jättefull och jag är ensam hemma med lillasyster"),
    ("nb", "self", "jeg vil bare dø"),
    ("nb", "relative", "han har tatt masse piller og puster ikke"),
    ("en", "self", "i want to kill myself"),
    ("en", "child", "im 11 and mum is drunk and passed out, im home alone"),
    ("sv", "self", "har sparat ihop sömntabletter och orkar inte mer"),
    ("en", "self", "I'm standing on the bridge and I can't go on"),
    ("sv", "relative", "han är jättefull och går inte att få kontakt med"),
    ("sv", "child", "pappa har en kniv och skriker att han ska döda mamma"),
    ("en", "self", "I swallowed a whole bottle of sleeping pills"),
    ("nb", "relative", "venninnen min skal ta livet sitt i natt"),
    # Ambivalence is a wish (issue 11): "jag vill inte dö men ..." is not a denial.
    ("nb", "self", "jeg vil ikke dø, men jeg får ikke sove"),
]

NOT_URGENT = [
    ("sv", "self", "jag vill inte dö, jag vill bara må bättre"),
    ("sv", "relative", "min pappa dog för två år sen"),
    ("sv", "relative", "min morbror tog livet av sig när jag var liten"),
    ("sv", "self", "för tio år sedan försökte jag ta livet av mig, nu mår jag bra"),
    ("sv", "self", "jag orkar inte mer med jobbet"),
    ("sv", "self", "det här jobbet tar livet av mig haha"),
    ("sv", "self", "jag har tagit mina tabletter som vanligt"),
    ("sv", "self", "han slog mig förra året"),
    ("sv", "professional", "hur pratar man med någon som har självmordstankar?"),
    ("sv", "child", "pappa luktar alltid öl när han kommer hem"),
    ("sv", "child", "pappa var full igår och jag var ensam hemma"),
    ("en", "self", "I'm not suicidal, I just drink too much"),
    ("en", "self", "I took my pills this morning"),
    ("sv", "self", "Jag har tagit alla mina mediciner som vanligt"),
    ("sv", "self", "Vi bor vid spåret och det är ingen mening att prata med honom"),
    ("en", "child", "my mum will kill me if she finds out I vape"),
    ("en", "self", "my dad doesn't respond to my texts, he drinks a lot"),
    ("sv", "relative", "min son dricker och jag får ingen kontakt med honom"),
    ("sv", "child", "pappa ska döda mig när han ser mitt betyg haha"),
    ("en", "relative", "my husband is drunk again and asleep on the couch"),
    ("en", "self", "I took a lot of ibuprofen for my back last month"),
    ("sv", "professional", "vad gör man om en elev säger att den vill dö?"),
]


@pytest.mark.parametrize(("lang", "role", "text"), URGENT)
def test_acute_risk_is_urgent_with_the_words_as_reasons(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """Suicide risk, overdose, ongoing violence and a child alone with a drunk adult are urgent."""
    urgent, reasons = engine.urgency(chat(lang, role, text))
    assert urgent and reasons
    words = " ".join(reasons)
    assert any(word in words for word in text.split() if len(word) > 3)


@pytest.mark.parametrize(("lang", "role", "text"), NOT_URGENT)
def test_near_misses_are_not_urgent(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """Negations, the past, idioms, bereavement and hypotheticals do not raise urgency."""
    assert engine.urgency(chat(lang, role, text)) == (False, [])


def test_staff_lines_never_make_a_conversation_urgent(engine: SuggestionEngine) -> None:
    """A staff member asking about suicide does not by itself make the conversation urgent."""
    conversation = chat("sv", "self", "jag mår dåligt", "staff: Har du tankar på att ta ditt liv?")
    assert engine.urgency(conversation)[0] is False


@pytest.mark.parametrize(("answer", "urgent"), [("ja, ibland", True), ("nej, inte alls", False)])
def test_answer_to_a_staff_risk_question_decides(
    engine: SuggestionEngine, answer: str, urgent: bool
) -> None:
    """ "Ja" to a staff question about suicide is urgent; "nej" is not."""
    conversation = chat(
        "sv", "self", "jag mår dåligt", "staff: Har du tankar på att ta ditt liv?", answer
    )
    assert engine.urgency(conversation)[0] is urgent


def test_a_verdict_decided_elsewhere_ranks_the_services(engine: SuggestionEngine) -> None:
    """Given the relay's verdict, suggest() returns it and ranks by it: a staff member's
    "not urgent" drops the emergency boost, their "urgent" adds it; no second verdict."""
    alarming = chat("sv", "self", "jag vill inte leva längre, har tabletterna framför mig")
    own = engine.suggest(alarming, top=3)
    assert own.urgent
    overridden = engine.suggest(alarming, top=3, verdict=(False, []))
    assert not overridden.urgent and overridden.urgent_reasons == []
    assert overridden.suggestions[0].score < own.suggestions[0].score
    calm = chat("sv", "self", "jag dricker lite för mycket på helgerna")
    assert not engine.suggest(calm).urgent
    reasons = ['suicide: "vill" + "dö"']
    marked = engine.suggest(calm, top=3, verdict=(True, reasons))
    assert marked.urgent and marked.urgent_reasons == reasons
    assert marked.ids[0] == "se-mind-sjalvmordslinjen"


def test_age_given_in_answer_to_staff_counts(engine: SuggestionEngine) -> None:
    """A bare "9" after "hur gammal är du?" makes the writer a child for the urgency rules."""
    lines = [
        "mamma är jättefull och ligger i soffan",
        "staff: Hur gammal är du?",
        "9",
        "jag är själv här",
    ]
    assert engine.urgency(chat("sv", None, *lines))[0]


def test_urgent_emergency_number_ranks_first(engine: SuggestionEngine) -> None:
    """An overdose in progress puts 112 (or 113 in Norway) at the top of the suggestions."""
    assert ids(engine, chat("sv", "relative", "han har tagit en överdos och andas inte"), 1) == [
        "se-112"
    ]
    assert ids(engine, chat("nb", "relative", "han har tatt en overdose og puster ikke"), 1) == [
        "no-113"
    ]


def test_urgency_agrees_with_suggest(engine: SuggestionEngine) -> None:
    """urgency() gives the same verdict and reasons as suggest()."""
    conversation = chat("sv", "self", "jag vill dö", "staff: Jag hör dig.", "har en plan")
    result = engine.suggest(conversation)
    assert engine.urgency(conversation) == (result.urgent, result.urgent_reasons)


# --- the API ------------------------------------------------------------------------------------


def test_to_dict_has_exactly_the_documented_shape(engine: SuggestionEngine) -> None:
    """to_dict() gives urgent, urgent_reasons and suggestions of id, score and matched only."""
    data = engine.suggest(chat("sv", "self", "jag spelar för mycket"), top=2).to_dict()
    assert set(data) == {"urgent", "urgent_reasons", "suggestions"}
    assert len(data["suggestions"]) == 2
    assert all(set(s) == {"id", "score", "matched"} for s in data["suggestions"])
    json.dumps(data)


def test_conversation_from_dict_reads_the_dev_format() -> None:
    """from_dict reads lang, role and messages as in dev.jsonl."""
    conversation = Conversation.from_dict(
        {"lang": "sv", "role": "self", "messages": [{"sender": "visitor", "text": "hej"}]}
    )
    assert conversation == Conversation("sv", "self", [Line("visitor", "hej")])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"lang": "sv"}, 'needs "messages"'),
        ({"messages": [{"sender": "bot", "text": "x"}]}, 'message 1: "sender"'),
        ({"messages": [{"sender": "visitor", "text": 3}]}, 'message 1: "text"'),
        ({"lang": 5, "messages": []}, '"lang" must be'),
    ],
)
def test_conversation_from_dict_explains_bad_input(data: dict[str, object], message: str) -> None:
    """Malformed conversations raise ValueError saying what is wrong."""
    with pytest.raises(ValueError, match=message):
        Conversation.from_dict(data)


def test_empty_conversation_has_no_suggestions(engine: SuggestionEngine) -> None:
    """With nothing said yet there is nothing to suggest and nothing urgent."""
    assert engine.suggest(Conversation(None, None, [])).to_dict() == {
        "urgent": False,
        "urgent_reasons": [],
        "suggestions": [],
    }


@settings(max_examples=60, deadline=None, database=None)
@given(
    texts=st.lists(st.text(max_size=80), max_size=6),
    lang=st.sampled_from([None, "sv", "nb", "en", "xx"]),
    role=st.sampled_from([None, "self", "relative", "child", "professional", "other"]),
)
def test_any_text_gives_a_ranked_result(
    engine: SuggestionEngine, texts: list[str], lang: str | None, role: str | None
) -> None:
    """Arbitrary text never raises and always gives scores in descending order."""
    conversation = Conversation(
        lang, role, [Line("visitor" if i % 2 else "staff", t) for i, t in enumerate(texts)]
    )
    result = engine.suggest(conversation, top=5)
    scores = [s.score for s in result.suggestions]
    assert scores == sorted(scores, reverse=True) and all(score > 0 for score in scores)
    assert engine.urgency(conversation)[0] == result.urgent


def test_engine_imports_no_network_storage_or_ui() -> None:
    """referrals is pure: importing it loads no server, storage, CLI or UI library."""
    code = (
        "import sys, json, referrals\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert not loaded & {
        "websockets",
        "aiosqlite",
        "sqlite3",
        "textual",
        "rich",
        "typer",
        "asyncio",
    }


def test_a_warm_cache_gives_the_verdict_a_fresh_engine_gives(directory: Directory) -> None:
    """The window cache (keyed by the lines' identity, also for a "ja" merged with the staff
    question it answers) neither changes a verdict nor grows when the same chat is read again."""
    conversation = chat(
        "sv", "child",
        "pappa har druckit hela dagen",
        "staff: Är du ensam hemma med honom nu?",
        "ja",
        "han skriker på mamma",
    )
    warm = SuggestionEngine(directory)
    first = warm.urgency(conversation)
    cached = len(warm._window_cache), len(warm._merged_answers)
    assert warm.urgency(conversation) == first
    assert (len(warm._window_cache), len(warm._merged_answers)) == cached
    assert first == SuggestionEngine(directory).urgency(conversation)
    assert first[0], first
