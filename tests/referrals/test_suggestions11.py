"""Suggestion mechanisms from blind set 11's top-3 misses, in wordings written for these tests
(none is a phrase of the blind cases), each with a counter-example: a phrase owns the shorter
phrase inside it, grief and days alone, "inget akut", words read in another sense, whose country,
money worries, a concern about an adult, the clear past of an emergency, jokes and lyrics, and a
parent explaining something hard to a child."""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine
from tests.referrals.helpers import chat, top

ADDICTION = {
    "local-oppenvard-missbruk", "region-beroendecentrum", "se-alkoholhjalpen", "se-droghjalpen",
    "se-aa", "se-na",
}
LISTENING = {
    "se-hjalplinjen", "se-jourhavande-medmanniska", "se-1177", "region-vardcentral",
    "se-mind-sjalvmordslinjen",
}
DRUGS = {"se-droghjalpen", "se-na", "region-mini-maria", "local-anhorigstod"}


# --- a phrase owns the shorter phrase inside it, and grief ------------------------------------


def test_cant_stop_crying_is_grief_not_addiction(engine: SuggestionEngine) -> None:
    """ "can't stop" inside "can't stop crying" counts less for addiction, and a grandparent
    who died is grief: a listening line leads."""
    text = "my grandma died in the spring and i can't stop crying in the evenings"
    ids = top(engine, "en", "self", text)
    assert ids[0] in LISTENING
    assert not ADDICTION & set(ids[:1])


def test_cant_stop_drinking_is_still_addiction(engine: SuggestionEngine) -> None:
    """Counter-example: "can't stop" with a drink keeps the addiction services."""
    ids = top(engine, "en", "self", "i can't stop drinking, a bottle of wine every night now")
    assert ADDICTION & set(ids)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "hunden somnade in i går efter fjorton år och det känns så tomt hemma"),
        ("nb", "katten døde i helga etter mange år, jeg er helt knust"),
        ("en", "our old dog died yesterday and i'm heartbroken"),
    ],
)
def test_a_pet_that_died_is_grief(engine: SuggestionEngine, lang: str, text: str) -> None:
    """A pet or a relative who died: general support, not the fallback's addiction care."""
    ids = top(engine, lang, "self", text)
    assert ids[0] in LISTENING | {"no-mental-helse", "no-kirkens-sos"}


def test_a_death_with_a_drinking_problem_keeps_alcohol(engine: SuggestionEngine) -> None:
    """Counter-example: a father who died and one's own drinking keeps the alcohol services."""
    text = "pappa dog för två år sen och nu dricker jag en flaska vin varje kväll"
    ids = top(engine, "sv", "self", text)
    assert {"se-alkoholhjalpen", "local-oppenvard-missbruk", "region-beroendecentrum"} & set(ids)


def test_days_without_meeting_anyone_is_loneliness(engine: SuggestionEngine) -> None:
    """ "har inte pratat med någon på flera dagar": loneliness."""
    ids = top(engine, "sv", "self", "har inte pratat med någon på flera dagar, sitter mest hemma")
    assert {"se-jourhavande-medmanniska", "se-hjalplinjen"} & set(ids)


def test_not_seeing_a_danger_is_no_loneliness(engine: SuggestionEngine) -> None:
    """Counter-example: "inte sett någon fara" is no loneliness."""
    ids = top(engine, "sv", "relative", "jag har inte sett någon fara med att min man spelar poker")
    assert "se-jourhavande-medmanniska" not in ids
    assert {"se-stodlinjen-spel", "local-anhorigstod"} & set(ids)


# --- "inget akut": the emergency ruled out -------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "inget akut alls, men kvällarna känns långa sen jag gick i pension"),
        ("en", "nothing urgent, it's just that the evenings feel long since i retired"),
    ],
)
def test_nothing_urgent_puts_no_emergency_number_first(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A visitor who says it is not urgent gets no 112 or emergency ward among the three."""
    ids = top(engine, lang, "self", text)
    assert not {"se-112", "region-psykiatrisk-akutmottagning"} & set(ids)


def test_an_emergency_said_is_still_one(engine: SuggestionEngine) -> None:
    """Counter-example: "det är akut" with someone not breathing keeps 112 first."""
    assert top(engine, "sv", "relative", "det är akut, min pappa andas inte")[0] == "se-112"


# --- words read in another sense -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "hur påverkar nattjobb sömnen på lång sikt? sover dåligt"),
        ("en", "i'm using a new app to track my sleep, still sleeping badly"),
        ("en", "i was bullied in high school and still sleep badly, can i talk to someone"),
    ],
)
def test_words_in_another_sense_are_no_drugs(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """ "påverkar" (affects), "using an app", "high school": no drug services."""
    ids = top(engine, lang, "self", text)
    assert not {"se-droghjalpen", "se-na"} & set(ids)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "min sambo är påverkad varje helg, hur pratar jag med honom om det?"),
        ("en", "my boyfriend gets high every weekend and i'm tired of it"),
        ("en", "my brother is using again, it's heroin. how do i support him?"),
    ],
)
def test_drug_words_in_their_sense_keep_drugs(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: "påverkad", "gets high", "using again" keep drugs or relatives."""
    ids = top(engine, lang, "relative", text)
    assert (DRUGS | {"se-anhoriglinjen"}) & set(ids)


def test_divorced_is_no_debt(engine: SuggestionEngine) -> None:
    """ "skilda" (divorced) is no slip for "skulder" (debts)."""
    ids = top(engine, "sv", "self", "mina föräldrar är skilda och bråkar om allt, jag mår dåligt")
    assert "local-budget-skuldradgivning" not in ids


def test_debts_are_still_debt(engine: SuggestionEngine) -> None:
    """Counter-example: debts at the enforcement office keep the debt counselling."""
    ids = top(engine, "sv", "self", "jag har skulder hos kronofogden och vet inte hur jag ska göra")
    assert "local-budget-skuldradgivning" in ids[:2]


def test_a_tip_is_the_polices_only_with_the_police(engine: SuggestionEngine) -> None:
    """ "kan ni tipsa om …" asks for advice: not the police's tip line."""
    ids = top(engine, "sv", "self", "kan ni tipsa om en bra bok om sorg? min morfar gick bort")
    assert "se-polisen" not in ids


def test_a_tip_to_the_police_is_the_polices(engine: SuggestionEngine) -> None:
    """Counter-example: "tipsa polisen" keeps the police."""
    ids = top(engine, "sv", "self", "jag vill tipsa polisen om att grannen säljer knark")
    assert "se-polisen" in ids


# --- money worries and a concern about an adult ---------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "orolig över pengarna hela tiden, har inte råd med mat i slutet av månaden"),
        ("nb", "bekymret for pengene hele tiden, har ikke råd til mat på slutten av måneden"),
        ("en", "worried about money all the time, can't afford food at the end of the month"),
    ],
)
def test_money_worries_are_debt(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Worry over money and not affording food: debt and budget advice (social services in
    Norway)."""
    ids = top(engine, lang, "self", text)
    assert {"local-budget-skuldradgivning", "no-kommune-rus-psykisk"} & set(ids)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "stressad över jobbet, för mycket att göra och sover dåligt"),
        ("en", "i have poor sleep and feel low most days"),
    ],
)
def test_stress_at_work_is_no_debt(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Counter-example: stress over work, or "poor sleep", is no money worry."""
    ids = top(engine, lang, "self", text)
    assert "local-budget-skuldradgivning" not in ids


def test_a_concern_about_an_adult_is_social_services(engine: SuggestionEngine) -> None:
    """ "anmäla oro" about a neighbour who drinks: social services or outreach, not the police
    first."""
    text = "grannen dricker hela dagarna och verkar inte klara sig, hur anmäler man oro för honom?"
    ids = top(engine, "sv", "self", text)
    assert {"local-socialtjanst-mottagning", "local-uppsokare"} & set(ids)
    assert ids[0] != "se-polisen"


def test_a_break_in_is_still_the_polices(engine: SuggestionEngine) -> None:
    """Counter-example: reporting a break-in keeps the police."""
    ids = top(engine, "sv", "self", "någon har gjort inbrott i vårt förråd, hur anmäler jag?")
    assert "se-polisen" in ids


# --- whose country -------------------------------------------------------------------------------


def test_someone_elses_country_is_not_the_writers(engine: SuggestionEngine) -> None:
    """ "min bror bor i Norge": the brother's country; "här i Sverige": the writer's."""
    text = "min bror bor i norge och dricker för mycket, finns det stöd för anhöriga här i sverige?"
    ids = top(engine, "sv", "relative", text)
    assert all(not i.startswith("no-") for i in ids)


def test_the_writers_own_country_counts(engine: SuggestionEngine) -> None:
    """Counter-example: "jag bor i Norge" in Swedish gets the Norwegian services."""
    text = "jag bor i norge sen i fjol och dricker för mycket, vart vänder jag mig?"
    ids = top(engine, "sv", "self", text)
    assert ids[0].startswith("no-")


# --- the clear past of an emergency --------------------------------------------------------------


def test_a_112_call_long_ago_does_not_lead(engine: SuggestionEngine) -> None:
    """ "för tre år sen ringde jag 112": the emergency number counts less than what the
    visitor asks for now (support as a relative)."""
    text = (
        "för tre år sen ringde jag 112 när min bror tagit för mycket. han mår bra nu men jag "
        "har svårt att släppa det, som anhörig vill jag prata med någon"
    )
    ids = top(engine, "sv", "relative", text)
    assert ids[0] != "se-112"


def test_a_112_call_now_leads(engine: SuggestionEngine) -> None:
    """Counter-example: 112 called now, someone not breathing, keeps 112 first."""
    ids = top(engine, "sv", "relative", "jag har ringt 112 nu, min bror andas inte")
    assert ids[0] == "se-112"


# --- jokes and lyrics ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "lol if this meeting runs over i'm jumping out of the window. jk, just venting"),
        (
            "nb",
            "'jeg vil bare forsvinne' synger de på radioen hele tiden, haha, men jeg har det fint",
        ),
    ],
)
def test_a_joke_or_a_lyric_gets_a_listening_line(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A dark joke taken back or a lyric: not urgent, and a general listening line is among
    the three (not only the fallback)."""
    suggestions = engine.suggest(chat(lang, "self", text), top=3)
    assert not suggestions.urgent
    assert {*LISTENING, "no-mental-helse", "no-kirkens-sos"} & set(suggestions.ids)


def test_jumping_out_of_a_window_meant_is_urgent(engine: SuggestionEngine) -> None:
    """Counter-example: meant, tonight, the crisis services lead."""
    ids = top(engine, "en", "self", "i'm going to jump out of the window tonight, i mean it")
    assert ids[0] in {"se-112", "se-mind-sjalvmordslinjen", "region-psykiatrisk-akutmottagning"}


# --- a parent explaining something hard -----------------------------------------------------------


def test_explaining_a_death_to_a_child_is_parenting(engine: SuggestionEngine) -> None:
    """ "förklara för barnen … utan att skrämma dem": parenting among the three."""
    text = (
        "min syster har tagit sitt liv för länge sen. hur ska jag förklara för barnen utan att "
        "skrämma dem?"
    )
    ids = top(engine, "sv", "relative", text)
    assert "local-foraldrastod" in ids


def test_explaining_to_a_boss_is_no_parenting(engine: SuggestionEngine) -> None:
    """Counter-example: explaining something to a boss is no parenting."""
    text = "hur förklarar jag för min chef att jag behöver vara ledig för att jag mår dåligt?"
    ids = top(engine, "sv", "self", text)
    assert "local-foraldrastod" not in ids
