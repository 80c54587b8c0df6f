"""Suggestion mechanisms learnt from blind set 6's top-3 misses, in wordings written for these
tests (none is a phrase of the blind cases): past risks, questions to the service itself, the
fallback list, trauma and eating disorders, pupils, parents of teenagers, accidents, housing,
where the visitor lives, a yes to a staff question and urgent kinds keeping the lead."""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine
from tests.referrals.helpers import chat

ADDICTION = {"region-beroendecentrum", "local-oppenvard-missbruk", "se-aa", "se-na"}
CRISIS_LINES = {"se-mind-sjalvmordslinjen", "se-hjalplinjen", "region-psykiatrisk-akutmottagning"}


def top(engine: SuggestionEngine, *args: str | None, n: int = 3) -> list[str]:
    lang, role, *texts = args
    return engine.suggest(chat(lang, role, *(t or "" for t in texts)), top=n).ids


# --- a risk in the clear past; what the visitor asks about now leads -------------------------


@pytest.mark.parametrize(
    ("lang", "role", "texts", "expected"),
    [
        (
            "sv", "self",
            ("För tolv år sedan försökte jag ta mitt liv. Idag mår jag bra. "
             "Hur slutar man snusa när man provat allt?",),
            {"se-sluta-roka-linjen"},
        ),
        (
            "en", "relative",
            ("my brother overdosed in 2016 and survived, he has been clean for years.",
             "now he gambles every night on his phone and owes money everywhere"),
            # gambling help, or (since the topic model) the support for relatives of gamblers
            {"se-stodlinjen-spel", "local-anhorigstod"},
        ),
        (
            "nb", "self",
            ("for mange år siden kuttet jeg meg. nå drikker jeg for mye vin hver helg",),
            {"no-rusinfo"},
        ),
    ],
)
def test_a_past_risk_weighs_less_than_the_question_now(
    engine: SuggestionEngine, lang: str, role: str, texts: tuple[str, ...], expected: set[str]
) -> None:
    """Risk words in a sentence about the clear past count 0.4: the present topic leads."""
    assert top(engine, lang, role, *texts, n=1)[0] in expected


def test_a_risk_now_in_a_sentence_that_also_tells_the_past_still_counts(
    engine: SuggestionEngine,
) -> None:
    """A clause that says now is not the past of its sentence."""
    ids = top(engine, "sv", "self", "för tre år sen gick jag i terapi, men nu vill jag dö igen")
    assert ids[0] in CRISIS_LINES | {"se-112"}


# --- questions about the service itself --------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Kostar det något att prata med er?"),
        ("sv", "Kan jag prata med samma person nästa gång?"),
        ("sv", "Har ni några kvinnliga rådgivare?"),
        ("nb", "Er dere åpne i påsken, eller må jeg vente?"),
        ("en", "Do your staff speak Arabic or only Swedish?"),
        ("en", "Can our class visit your team and hear how the work is done?"),
    ],
)
def test_a_question_to_the_service_finds_the_chat_itself(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Addressing the service ("ni", "er", "dere", "your staff") points at local-this-service."""
    assert "local-this-service" in top(engine, lang, "self", text)


def test_the_service_asked_about_in_the_latest_message_leads(engine: SuggestionEngine) -> None:
    """Earlier distress, then a question to the chat itself: the chat is what is asked about."""
    ids = top(
        engine, "sv", "self",
        "i våras hade jag mycket ångest men det har släppt",
        "undrar om ni tar emot volontärer? vill ge tillbaka",
    )
    assert ids[0] == "local-this-service"


@pytest.mark.parametrize(("lang", "intake", "care"), [
    ("sv", "local-oppenvard-missbruk", "se-1177"),
    ("nb", "no-kommune-rus-psykisk", "no-legevakt"),
])
def test_nothing_specific_gives_intake_health_care_and_the_chat(
    engine: SuggestionEngine, lang: str, intake: str, care: str
) -> None:
    """Never an empty list: intake, 1177 (legevakt), then the chat itself."""
    assert top(engine, lang, None, "hmm okej") == [intake, care, "local-this-service"]


def test_better_is_not_betting(engine: SuggestionEngine) -> None:
    """English "better" is no longer read as the Swedish "bettar" (gambling)."""
    ids = top(engine, "en", "self", "I feel a lot better than last month, thanks", n=5)
    assert not {"se-stodlinjen-spel", "se-spelpaus"} & set(ids)


# --- trauma and eating disorders are treated in psychiatry and primary care ---------------------

HEALTH = {"se-1177", "region-vardcentral", "region-psykiatri"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Sen överfallet i höstas har jag flashbacks och kan inte åka buss. "
               "Finns det traumabehandling för vuxna?"),
        ("en", "Ever since the fire I get flashbacks and my GP mentioned PTSD. "
               "Where do I get treatment?"),
        ("sv", "Jag har haft bulimi i flera år och vill äntligen få behandling"),
        ("en", "i have had anorexia on and off since school, who treats adults here?"),
    ],
)
def test_trauma_and_eating_disorders_lead_to_care_not_addiction(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    ids = top(engine, lang, "self", text)
    assert HEALTH & set(ids), ids
    assert ids[0] not in ADDICTION, ids


def test_ptsd_in_norwegian_finds_the_municipality_or_legevakt(engine: SuggestionEngine) -> None:
    ids = top(engine, "nb", "self", "har ptsd etter en ulykke og trenger en psykolog")
    assert {"no-kommune-rus-psykisk", "no-legevakt"} & set(ids)


# --- who writes: pupils, parents of teenagers -----------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "child_service"),
    [
        ("sv", "min mentor blev orolig för en dikt jag skrev om att försvinna, "
               "fast jag mår helt ok", "se-bris"),
        ("en", "my teacher read my story about a boy who cuts himself and called my parents",
         "se-bris"),
    ],
)
def test_a_pupil_is_read_as_young(
    engine: SuggestionEngine, lang: str, text: str, child_service: str
) -> None:
    """Telling of one's teacher or class makes the writer young: the child helpline fits."""
    assert child_service in top(engine, lang, "self", text)


def test_a_teacher_is_not_a_pupil(engine: SuggestionEngine) -> None:
    """A professional telling of "klassen" stays a professional."""
    text = "Jag är lärare och en elev i klassen har slutat äta lunch, hur gör jag en orosanmälan?"
    assert top(engine, "sv", "professional", text)[0] == "local-socialtjanst-mottagning"


def test_a_parent_of_a_teen_gets_parenting_support(engine: SuggestionEngine) -> None:
    text = "our teenager slams doors and won't talk to us anymore, how do we reach him?"
    assert "local-foraldrastod" in top(engine, "en", "relative", text)


# --- accidents, housing, where the visitor lives -----------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("sv", "skar mig i tummen när jag lagade mat, måste det sys?", "se-1177"),
        ("nb", "kuttet meg på et glass da jeg vasket opp, blør litt, trenger jeg sting?",
         "no-legevakt"),
    ],
)
def test_an_accidental_cut_is_for_health_care(
    engine: SuggestionEngine, lang: str, text: str, expected: str
) -> None:
    """Self-harm words in a line that tells an accident count as an injury (health care)."""
    assert top(engine, lang, "self", text, n=1) == [expected]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "blev utkastad ur lägenheten i måndags och sover hos kompisar nu"),
        ("en", "i lost my apartment last month and i've been couch surfing since"),
    ],
)
def test_losing_a_home_in_everyday_words_is_housing(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    ids = top(engine, lang, "self", text)
    assert {"local-socialtjanst-mottagning", "local-uppsokare"} & set(ids), ids


def test_where_the_visitor_lives_decides_the_country(engine: SuggestionEngine) -> None:
    """ "bor i Göteborg" wins over a later "hemma i Norge"."""
    ids = top(
        engine, None, "self",
        "jeg bor i Göteborg nå, kom fra Bergen for tre år siden",
        "drikker altfor mye, vet ikke om jeg skal søke hjelp her eller hjemme i Norge",
    )
    assert ids and all(not i.startswith("no-") for i in ids), ids


# --- a yes to a staff question; urgent kinds keep the lead ------------------------------------


def test_a_yes_to_a_staff_question_counts_as_the_visitors_words(engine: SuggestionEngine) -> None:
    ids = top(
        engine, "sv", "self",
        "har sovit dåligt och mår ganska dåligt sen i vintras",
        "staff: Spelar du om pengar, till exempel på nätcasinon?",
        "ja",
    )
    assert ids[0] in {"se-stodlinjen-spel", "se-spelpaus"}, ids


def test_an_urgent_suicide_keeps_the_crisis_line_above_a_list_of_medicines(
    engine: SuggestionEngine,
) -> None:
    """Many named medicines must not push 1177 over the crisis line in an urgent chat."""
    result = engine.suggest(chat(
        "sv", "self",
        "jag har sparat stesolid, zopiklon, tramadol och sobril i en låda",
        "ikväll tänker jag ta allihop och somna för alltid",
    ), top=3)
    assert result.urgent
    assert CRISIS_LINES & set(result.ids[:2]), result.ids


def test_self_harm_acts_without_the_word_find_self_harm_services(engine: SuggestionEngine) -> None:
    for lang, text in (
        ("sv", "när det blir för mycket dunkar jag huvudet mot väggen"),
        ("en", "i keep scratching my arms until they bleed when i'm stressed"),
    ):
        ids = top(engine, lang, "self", text)
        assert {"se-mind-sjalvmordslinjen", "region-psykiatri", "se-bris"} & set(ids), ids
