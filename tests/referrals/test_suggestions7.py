"""Suggestion mechanisms learnt from blind set 7's top-3 misses, in wordings written for these
tests (none is a phrase of the blind cases): foster care and school tasks say the writer is
young, quoted songs and films, topics in words the directory did not know, questions about the
service's queue and volunteers, a relative telling of someone else's danger, and drinking told
as boxes or bottles."""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine
from tests.referrals.helpers import chat, top

CHILDREN = {"se-bris", "local-barn-anhoriga", "no-alarmtelefonen"}
CRISIS_LINES = {"se-mind-sjalvmordslinjen", "se-hjalplinjen", "region-psykiatrisk-akutmottagning"}
PRIMARY_CARE = {"se-1177", "region-vardcentral", "no-legevakt"}



# --- who writes: foster care and school tasks mark a young writer ---------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag bor på ett jourhem sen jul och vill byta, dom lyssnar aldrig på mig"),
        ("en", "my foster dad keeps reading my messages and i hate it here, can i ask to move"),
        ("nb", "jeg bor i fosterhjem og savner søsteren min, får ikke treffe henne"),
        (
            "sv",
            "vi ska skriva en uppsats i historian om andra världskriget och jag får panik av det",
        ),
    ],
)
def test_foster_care_and_school_tasks_get_childrens_services(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A writer in foster care or with a school task is read as young: a children's line fits."""
    assert CHILDREN & set(top(engine, lang, "self", text))


def test_a_foster_parent_is_not_read_as_a_child(engine: SuggestionEngine) -> None:
    """Speaking of "our foster child" does not make the writer young."""
    ids = top(
        engine, "sv", "relative", "vårt fosterbarn dricker mycket på helgerna, hur ska vi göra"
    )
    assert "se-bris" not in ids[:1]


# --- quoted songs and films ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "role", "text", "expected"),
    [
        (
            "sv",
            "self",
            "min favoritlåt heter 'jag vill dö i kväll' lol. "
            "men jag snusar en dosa om dagen, hur slutar man",
            {"se-sluta-roka-linjen"},
        ),
        (
            "en",
            "self",
            "in the film he says 'i'm going to kill myself' and it stuck with me. "
            "anyway i gamble too much on football",
            {"se-stodlinjen-spel", "se-spelpaus"},
        ),
    ],
)
def test_a_quoted_risk_weighs_less_than_the_visitors_own_question(
    engine: SuggestionEngine, lang: str, role: str, text: str, expected: set[str]
) -> None:
    """Risk words inside a quoted song or film count a quarter; the visitor's own topic leads."""
    assert expected & set(top(engine, lang, role, text, n=2))


def test_a_quoted_risk_still_counts_when_the_visitor_says_it_of_themselves(
    engine: SuggestionEngine,
) -> None:
    """Without a quote, the same words put the crisis lines first."""
    ids = top(engine, "sv", "self", "jag vill dö i kväll. jag snusar också för mycket")
    assert ids[0] in CRISIS_LINES | {"se-112"}


def test_smoking_cannabis_with_words_between_is_drugs_not_tobacco(engine: SuggestionEngine) -> None:
    """ "röker alldeles för mycket gräs" is cannabis: the drug line leads, not quitting smoking."""
    ids = top(engine, "sv", "self", "jag röker alldeles för mycket gräs på vardagarna")
    assert ids[0] in {"se-droghjalpen", "region-mini-maria", "se-na"}


# --- topics in words the directory did not know ---------------------------------------------


@pytest.mark.parametrize(
    ("lang", "role", "text", "expected"),
    [
        (
            "nb",
            "relative",
            "finnes det et pårørendekurs for oss som har en sønn som ruser seg?",
            {"no-parorendetelefonen", "no-kommune-rus-psykisk", "no-rusinfo"},
        ),
        (
            "en",
            "self",
            "i skip meals and count calories all day, and i run twice a day to burn it off",
            PRIMARY_CARE | {"region-psykiatri"},
        ),
        (
            "sv",
            "relative",
            "min syster säger att hon har röster i huvudet som säger elaka saker",
            {"region-psykiatri", "region-psykiatrisk-akutmottagning", "se-1177"},
        ),
        (
            "sv",
            "relative",
            "pappa bor på gatan sen i höstas. finns det folk som kan söka upp honom?",
            {"local-uppsokare"},
        ),
        (
            "sv",
            "self",
            "mitt ex och jag bråkar om vårdnaden och umgänget med barnen, vart vänder man sig",
            {"local-socialtjanst-mottagning", "local-foraldrastod"},
        ),
        (
            "nb",
            "self",
            "jeg er gravid i uke 20 og lurer på om jeg skal si til jordmora at jeg sliter",
            PRIMARY_CARE,
        ),
        (
            "sv",
            "self",
            "efter olyckan skvätter jag till av minsta ljud och drömmer mardrömmar varje natt",
            PRIMARY_CARE | {"region-psykiatri"},
        ),
        (
            "en",
            "relative",
            "our teenage son has started vaping, how do we bring it up with him",
            {"local-foraldrastod", "region-mini-maria"},
        ),
    ],
)
def test_topics_in_new_words_reach_their_services(
    engine: SuggestionEngine, lang: str, role: str, text: str, expected: set[str]
) -> None:
    """Compounds, behaviours and everyday words point at the services that help with them."""
    assert expected & set(top(engine, lang, role, text))


def test_drinking_told_as_boxes_is_alcohol(engine: SuggestionEngine) -> None:
    """ "dricker två boxar i veckan" weighs as alcohol over the other words of the line."""
    ids = top(engine, "sv", "self", "jag dricker säkert två boxar i veckan och sover dåligt av det")
    assert {"se-alkoholhjalpen", "local-oppenvard-missbruk", "region-beroendecentrum"} & set(
        ids[:2]
    )


# --- questions to the service itself --------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "hur lång väntetid är det innan jag får ett samtal?"),
        ("nb", "er det lang kø for å få snakke med noen her?"),
        ("en", "is there a waiting list for the groups?"),
        ("sv", "jag har varit drogfri i fem år. tar ni emot volontärer?"),
    ],
)
def test_questions_about_the_queue_or_volunteering_address_the_service(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """The chat's own entry answers questions about its queue and its volunteers."""
    assert "local-this-service" in top(engine, lang, "self", text)


# --- someone else's danger told by a relative ------------------------------------------------


def test_a_relative_telling_of_someone_elses_suicide_danger_gets_the_emergency_number(
    engine: SuggestionEngine,
) -> None:
    """A relative whose loved one is about to end their life now: 112 is among the first."""
    ids = top(
        engine,
        "en",
        "relative",
        "my dad just texted that he will hang himself tonight and now he doesn't pick up",
    )
    assert "se-112" in ids


def test_a_writer_whose_parents_are_away_is_read_as_young(engine: SuggestionEngine) -> None:
    """ "när föräldrarna är ute" is a child's view of home: the children's line is suggested."""
    ids = top(
        engine,
        "sv",
        "self",
        "min kusin bråkar och skriker på mig när föräldrarna är ute på kvällarna",
    )
    assert "se-bris" in ids


def test_norwegian_er_is_not_a_swedish_question_to_the_service(engine: SuggestionEngine) -> None:
    """ "om noen er …" in Norwegian is the verb "is", not Swedish "om er" (about you)."""
    ids = engine.suggest(
        chat("nb", "relative", "jeg lurer på om noen er hjemme hos søsteren min, hun drikker mye"),
        top=6,
    )
    chat_words = [s.matched for s in ids.suggestions if s.id == "local-this-service"]
    assert not any(word.endswith(" er") for words in chat_words for word in words)
