"""Suggestion mechanisms of a second round on blind set 9 and the misses left on the older
readable sets, in wordings written for these tests (none is a phrase of the blind cases):
a title with its workplace is who writes, not the topic."""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine
from tests.referrals.helpers import chat, top

ADDICTION_CARE = {"region-beroendecentrum", "local-oppenvard-missbruk", "no-kommune-rus-psykisk"}
GAMBLING = {"se-stodlinjen-spel", "se-spelpaus", "no-hjelpelinjen"}
ALCOHOL = {"se-alkoholhjalpen", "se-aa"}
DEBT = {"local-budget-skuldradgivning"}


# --- a title and its workplace ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "wanted"),
    [
        (
            "sv",
            "Handläggare på ekonomiskt bistånd här. En man jag möter spelar bort allt på "
            "nätkasino och vill sluta, vart vänder han sig?",
            GAMBLING,
        ),
        (
            "nb",
            "Miljøterapeut på et bofellesskap. En beboer vil slutte med heroin og spør om "
            "LAR, hvem søker vi til?",
            ADDICTION_CARE | {"no-rusinfo"},
        ),
        (
            "en",
            "Social worker at the housing office in Lund. A lad I meet bets away his whole "
            "student loan on football, where can he get help?",
            GAMBLING,
        ),
    ],
)
def test_a_title_with_its_workplace_is_not_the_topic(
    engine: SuggestionEngine, lang: str, text: str, wanted: set[str]
) -> None:
    """ "handläggare på ekonomiskt bistånd", "support worker at a housing project": who
    writes and where; the client's problem leads."""
    ids = top(engine, lang, "professional", text)
    assert wanted & set(ids)


def test_a_workplace_named_as_the_problem_still_counts(engine: SuggestionEngine) -> None:
    """Counter-example: a visitor who needs a housing service itself keeps the social
    services (no title before it)."""
    ids = top(engine, "sv", "self", "jag har blivit vräkt och behöver ett boende, vem hjälper mig?")
    assert {"local-socialtjanst-mottagning", "local-uppsokare", "local-socialjour"} & set(ids)


# --- false readings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag fyller 65 imorgon och känner mig bortglömd, vill bara prata lite"),
        ("nb", "jeg fyller 65 i morgen og føler meg glemt, vil bare snakke litt"),
    ],
)
def test_turning_an_age_is_no_drinking(engine: SuggestionEngine, lang: str, text: str) -> None:
    """The verb "fyller" (turning 65, filling in) is no "fylla" (a drinking bout)."""
    ids = top(engine, lang, "self", text)
    assert not {"se-alkoholhjalpen", "se-aa", "no-rusinfo"} & set(ids)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "han var på fyllan hela helgen igen, hur pratar jag med honom om det?"),
        ("nb", "han var på fylla hele helga igjen, hvordan tar jeg det opp med ham?"),
    ],
)
def test_a_drinking_bout_is_still_drinking(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Counter-example: "på fyllan" / "på fylla" keeps the alcohol services."""
    ids = top(engine, lang, "relative", text)
    assert {"se-alkoholhjalpen", "local-anhorigstod", "no-rusinfo", "no-kommune-rus-psykisk",
            "no-parorendetelefonen"} & set(ids)


def test_feeling_is_no_beer(engine: SuggestionEngine) -> None:
    """Norwegian "føler" (feel) ends in "øl" but is no beer: a word read as the end of a
    compound needs a first part of three letters, as compounds do."""
    ids = top(engine, "nb", "self", "jeg føler meg så tom om kveldene og vil snakke med noen")
    assert "no-rusinfo" not in ids
    assert top(engine, "nb", "self", "drakk mye pilsøl i helga, vil kutte ned")[0] == "no-rusinfo"


def test_sociable_is_no_social_services(engine: SuggestionEngine) -> None:
    """Swedish "social" (sociable) is no "socialen" (the social services)."""
    text = "jag har aldrig varit särskilt social och känner mig ensam på kvällarna"
    ids = top(engine, "sv", "self", text)
    assert "local-socialtjanst-mottagning" not in ids


def test_socialen_is_still_the_social_services(engine: SuggestionEngine) -> None:
    """Counter-example: "socialen" keeps the social services."""
    text = "socialen har kallat oss till möte om vår son, vad händer nu?"
    ids = top(engine, "sv", "relative", text)
    assert "local-socialtjanst-mottagning" in ids


# --- who writes: a parent of a grown child --------------------------------------------------

RELATIVES = {"local-anhorigstod", "se-anhoriglinjen", "no-parorendetelefonen"}
PARENTING = {"local-foraldrastod"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "vår dotter e 27, bor hemma igen och röker på varje dag. hur sätter vi gränser?"),
        ("nb", "sønnen vår er 32, bor hjemme igjen og drikker hver dag. hvordan sette grenser?"),
        ("en", "our son is 29 and back living with us, he drinks every day. how do we set limits?"),
    ],
)
def test_a_parent_of_a_grown_child_is_a_relative(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A son or daughter of 21 or more: support for relatives, not parenting."""
    ids = top(engine, lang, "relative", text)
    assert RELATIVES & set(ids)
    assert not PARENTING & set(ids[:1])


def test_a_parent_of_a_teenager_keeps_parenting(engine: SuggestionEngine) -> None:
    """Counter-example: a son of 15 keeps the parenting service."""
    text = "vår son e 15 och röker på varje helg. hur sätter vi gränser?"
    ids = top(engine, "sv", "relative", text)
    assert "local-foraldrastod" in ids


# --- where: a district of a big city names the country --------------------------------------


@pytest.mark.parametrize(
    ("text", "country_prefix"),
    [
        ("my flatmate passed out after mixing pills and vodka, we're at a party on Tøyen", "no-"),
        ("my flatmate passed out after mixing pills and vodka, we're at a party in Majorna", "se-"),
    ],
)
def test_a_city_district_names_the_country(
    engine: SuggestionEngine, text: str, country_prefix: str
) -> None:
    """An English chat naming "Tøyen" (Oslo) or "Majorna" (Göteborg) gets that country's
    emergency number first."""
    assert top(engine, "en", "relative", text)[0].startswith(country_prefix)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "min dotter är 7 och frågade vad det betyder att dö på riktigt. hur svarar jag?"),
        # Norwegian: the directory has no parenting service (parenting is local, Swedish)
        ("en", "my daughter is 7 and asked me what dying really means. how do i answer her?"),
    ],
)
def test_a_parent_of_a_young_child_is_a_parent_first(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A parent writing of a child under 12: parenting leads support for relatives."""
    ids = top(engine, lang, "relative", text)
    assert ids[0] == "local-foraldrastod"


def test_a_young_childs_parent_with_a_partner_drinking_keeps_relatives(
    engine: SuggestionEngine,
) -> None:
    """Counter-example: a parent whose partner drinks, the child of 5 named, still gets the
    relatives' support among the three."""
    text = "min sambo dricker varje kväll och vår dotter är 5. jag orkar inte längre"
    ids = top(engine, "sv", "relative", text)
    assert {"local-anhorigstod", "se-anhoriglinjen", "se-alkoholhjalpen"} & set(ids)


# --- questions to the service itself ----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "min cykel blev stulen vid stationen, kanske inte riktigt er grej men vad gör jag?"),
        ("nb", "sykkelen min ble stjålet, kanskje ikke deres greie, men hva gjør jeg nå?"),
        ("en", "my bike got nicked at the station, probably not your area but what do i do?"),
    ],
)
def test_not_your_thing_addresses_the_chat(engine: SuggestionEngine, lang: str, text: str) -> None:
    """ "inte er grej", "not your area": the visitor asks the chat itself, which leads
    (not only the fallback's third place)."""
    assert top(engine, lang, "self", text)[0] == "local-this-service"


def test_your_area_of_a_third_person_is_no_question_to_the_chat(
    engine: SuggestionEngine,
) -> None:
    """Counter-example: Norwegian "hva er saken" (what is the matter) is no "er sak"."""
    ids = top(engine, "nb", "self", "hva er saken med meg, jeg drikker for mye hver helg")
    assert ids[0] == "no-rusinfo"


# --- who writes: a book read in class ---------------------------------------------------------

YOUNG = {"se-bris", "local-barn-anhoriga", "region-mini-maria", "no-alarmtelefonen"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "boken vi läser handlar om en kille som mår skit. hur börjar man en bokrecension?"),
        ("en", "the book we're reading in class is so heavy. how do i start a book report?"),
    ],
)
def test_a_book_read_in_class_says_the_writer_is_young(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A book read in class, a book review to write: a pupil, so child and youth services
    fit fully."""
    assert YOUNG & set(top(engine, lang, "self", text))


def test_an_adult_reading_a_book_is_not_a_pupil(engine: SuggestionEngine) -> None:
    """Counter-example: an adult's book club gets no children's service."""
    text = "jag är 45 och läser en bok i bokcirkeln som handlar om en man som mår skit"
    assert not YOUNG & set(top(engine, "sv", "self", text))


# --- a group to talk in -------------------------------------------------------------------------

MOOD_LINES = {"se-hjalplinjen", "se-mind-sjalvmordslinjen", "se-jourhavande-medmanniska",
              "no-mental-helse", "no-kirkens-sos", "local-this-service", "region-psykiatri"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "har ätit antidepressiv medicin ett år. finns det samtalsgrupper man kan gå i?"),
        ("nb", "har gått på antidepressiv medisin et år. finnes det samtalegrupper her?"),
        ("en", "i've been on antidepressant medication a year. are there talking groups here?"),
    ],
)
def test_a_talking_group_with_ones_prescription_is_no_aa(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """ "samtalsgrupper" is a group; one's own prescribed medicine named alongside does not
    make it AA or NA: a group for how one feels."""
    ids = top(engine, lang, "self", text)
    assert not {"se-aa", "se-na"} & set(ids)
    assert MOOD_LINES & set(ids)


def test_a_group_for_pills_is_still_na(engine: SuggestionEngine) -> None:
    """Counter-example: a group to stop misusing drugs keeps NA among the three."""
    ids = top(engine, "sv", "self", "finns det samtalsgrupper för folk som vill sluta med knark?")
    assert {"se-na", "local-oppenvard-missbruk", "region-beroendecentrum"} & set(ids)


# --- review of the merge: working on one's own problem is no workplace -----------------------


@pytest.mark.parametrize(
    ("lang", "text", "wanted"),
    [
        ("sv", "jag jobbar på mitt drickande men det går trögt", ADDICTION_CARE | ALCOHOL),
        ("sv", "jag jobbar på min spelskuld och vill ha hjälp", GAMBLING | DEBT),
        ("nb", "jeg jobber med meg selv og spillingen min, trenger hjelp", GAMBLING),
        ("en", "i'm working on my gambling and need some help to stop", GAMBLING),
    ],
)
def test_working_on_ones_own_problem_keeps_the_problem(
    engine: SuggestionEngine, lang: str, text: str, wanted: set[str]
) -> None:
    assert set(top(engine, lang, None, text)) & wanted


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "I study in the evenings and I'm so anxious about my exams"),
        ("sv", "jag pluggar på kvällarna och har sån ångest inför proven"),
    ],
)
def test_the_evenings_alone_are_no_loneliness(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    suggestions = engine.suggest(chat(lang, None, text), top=3).suggestions
    assert not any("evenings" in " ".join(s.matched) or "kvällarna" in " ".join(s.matched)
                   for s in suggestions)
