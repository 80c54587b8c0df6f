"""Suggestion mechanisms from blind sets 18 and 20's top-3 misses, in wordings written for these
tests (none is a phrase of the blind cases), each with a counter-example: packing boxes is not
being drunk; MDMA and GHB by their party names; drinking water; melatonin, zolpidem and antabuse
by name; someone called a drinker; wanting someone to talk to; a pet's age is no teenager's;
a hyphened trigger ("mini-maria"); "sparat" (kept) is not "sparas" (stored); driving across to
another country; "ja e 15" is the writer's age."""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine
from tests.referrals.helpers import chat, top, topic_weight

LISTENING = {"se-jourhavande-medmanniska", "se-hjalplinjen", "no-mental-helse"}
DRUG_LINES = {"se-droghjalpen", "no-rusinfo", "region-mini-maria"}


# --- packing is not being drunk ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "jag packade väskorna i går och flyttar till Umeå på måndag",
        "när vi packade ner köket kändes det konstigt",
    ],
)
def test_packing_is_not_alcohol(engine: SuggestionEngine, text: str) -> None:
    """"packade" as the verb (packing) names no drink."""
    assert topic_weight(engine, text, "alcohol", "sv") == 0.0


@pytest.mark.parametrize(
    "text", ["vi var packade hela helgen", "alla blev packade på festen", "han e packad igen"]
)
def test_drunk_as_packad_stays_alcohol(engine: SuggestionEngine, text: str) -> None:
    """Counter-example: "var packade", "blev packade", "packad" are drunk."""
    assert topic_weight(engine, text, "alcohol", "sv") >= 1.0


# --- drugs by party names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "om man har tagit md på rejvet, hur länge håller det i kroppen?"),
        ("sv", "om man tar g på klubben, hur mycket är för mycket"),
        ("nb", "er det farlig å drikke øl når man er på md?"),
        ("en", "if you're taking g at a party how long should you wait between doses"),
        ("en", "is mandy safe if you only take half"),
    ],
)
def test_party_drug_names_are_drugs(engine: SuggestionEngine, lang: str, text: str) -> None:
    """MDMA ("md", "mandy") and GHB ("tar g", "taking g") are drugs."""
    assert topic_weight(engine, text, "drugs", lang) >= 2.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "ska jag ta g eller h-bussen hem"),
        ("en", "my MD said my blood pressure is fine"),
        ("en", "I got a g in maths"),
    ],
)
def test_a_letter_is_no_drug(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Counter-example: a bus line, a doctor in English, a grade: no drug."""
    assert topic_weight(engine, text, "drugs", lang) == 0.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "hur mycket vatten ska man dricka när det är 30 grader på festivalen"),
        ("nb", "hvor mye vann bør man drikke på en lang løpetur"),
        ("en", "how much water should I drink at a summer festival"),
    ],
)
def test_drinking_water_is_not_alcohol(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Drinking water owns the verb: no alcohol lines first."""
    ids = top(engine, lang, "self", text)
    assert not {"se-alkoholhjalpen", "se-aa", "no-aa"} & set(ids[:1])
    assert topic_weight(engine, text, "health_care", lang) >= 1.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag dricker en flaska vin varje kväll och vill dra ner"),
        ("en", "I drink a bottle of wine every night and want to cut down"),
    ],
)
def test_drinking_wine_stays_alcohol(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Counter-example: wine is drink."""
    assert topic_weight(engine, text, "alcohol", lang) >= 1.0


# --- medicines by name ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag har börjat låna min sambos zolpidem för att kunna sova efter kvällspassen"),
        ("nb", "jeg har tatt zolpidem hver natt i et halvt år og vil slutte"),
        ("en", "been on oxazepam for years and my doctor wants me to come off it"),
    ],
)
def test_sleeping_pills_by_name_are_medicines(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Zolpidem, oxazepam by name: a dependence on medicines."""
    assert topic_weight(engine, text, "medicines", lang) >= 2.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "hur många melatonin kan man ta? tar två varje kväll men somnar ändå inte"),
        ("en", "is it ok to take melatonin every night, I'm 20 and can't fall asleep"),
    ],
)
def test_melatonin_is_for_primary_care(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Melatonin for sleep: primary care or 1177 among the first three, not addiction care."""
    ids = top(engine, lang, "self", text)
    assert {"se-1177", "region-vardcentral"} & set(ids)
    assert ids[0] not in {"region-beroendecentrum", "local-oppenvard-missbruk"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "min sambo funderar på antabus men vet inte vart man vänder sig"),
        ("nb", "faren min vil prøve antabus, hvem skriver ut det?"),
        ("en", "my husband wants to try antabuse, who prescribes it?"),
    ],
)
def test_antabuse_is_addiction_care(engine: SuggestionEngine, lang: str, text: str) -> None:
    """A medicine against drinking: addiction care and the drink."""
    assert topic_weight(engine, text, "addiction_treatment", lang) >= 2.0
    assert topic_weight(engine, text, "alcohol", lang) >= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "since my divorce I think I've become a functioning drinker, where can I get help here",
        "my dad was a heavy drinker and now I worry about myself",
    ],
)
def test_called_a_drinker_is_alcohol(engine: SuggestionEngine, text: str) -> None:
    """"a functioning drinker", "a heavy drinker": the drink is named."""
    assert topic_weight(engine, text, "alcohol", "en") >= 1.0


def test_a_coffee_drinker_is_weak_alcohol_at_most(engine: SuggestionEngine) -> None:
    """Counter-example: "coffee drinker" names a drinker, not a heavy one (normal weight only)."""
    assert topic_weight(engine, "I'm a big coffee drinker", "alcohol", "en") <= 1.0


# --- someone to talk to; grief for a pet ------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "alla är ute o jag sitter själv. vill bara snacka m nån en stund, det är ensamt"),
        ("sv", "lägenheten är så tyst på kvällen. finns det nån att ringa bara för att prata"),
        ("nb", "vil bare prate me noen i kveld, det er så stille her"),
        ("en", "not in crisis or anything, just want someone to talk to, so quiet here"),
    ],
)
def test_wanting_to_talk_gets_a_listening_line(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Wanting someone to talk to: a listening line among the first three."""
    assert LISTENING & set(top(engine, lang, "self", text))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "vår katt är 16 och veterinären säger att det är dags att låta avliva henne. "
               "jag gråter hela tiden"),
        ("en", "we had to put our old dog down this morning. 15 years. I can't stop crying"),
    ],
)
def test_a_pets_age_is_no_teenager(engine: SuggestionEngine, lang: str, text: str) -> None:
    """A pet's age does not make a young person of whom the writer speaks: no parents' support
    first, a listening line among the three."""
    ids = top(engine, lang, "self", text)
    assert ids[0] not in {"local-foraldrastod", "region-mini-maria"}
    assert LISTENING & set(ids)


def test_a_childs_age_still_counts(engine: SuggestionEngine) -> None:
    """Counter-example: "min dotter är 15 och dricker" is a teenager: parents' or youth care."""
    ids = top(engine, "sv", None, "min dotter är 15 och dricker varje helg")
    assert {"local-foraldrastod", "region-mini-maria"} & set(ids)


# --- a hyphened trigger; "sparat"; "ja e 15" ------------------------------------------------------


def test_a_hyphened_trigger_is_found(engine: SuggestionEngine) -> None:
    """"mini-maria" (a trigger with a hyphen) is read as the words it has."""
    ids = top(engine, "sv", None, "jag är 16, får jag gå till mini-maria själv om mitt rökande?")
    assert "region-mini-maria" in ids


def test_saved_pizza_is_not_about_the_chat(engine: SuggestionEngine) -> None:
    """"som jag sparat" (kept for later) is not "sparas det?" (is this chat stored)."""
    ids = top(
        engine, "sv", None, "ja e 11 och min syster åt godiset som jag sparat, ja blir så arg"
    )
    assert ids[0] != "local-this-service"
    assert "se-bris" in ids


@pytest.mark.parametrize(
    "text", ["ja e 15 o bråkar med mamma hela tiden", "ja är 14 och vet inte vem jag kan prata med"]
)
def test_chat_ja_e_is_the_writers_age(engine: SuggestionEngine, text: str) -> None:
    """"ja e 15": the writer's age (chat Swedish for "jag är"); Bris among the three."""
    assert engine._analyse(text).visitor_age is not None
    assert "se-bris" in top(engine, "sv", None, text)


def test_ja_as_yes_is_no_age(engine: SuggestionEngine) -> None:
    """Counter-example: "ja, e 20 min kvar" is a yes and minutes, no age."""
    assert engine._analyse("ja, e 20 min kvar").visitor_age is None


# --- driving across to another country --------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "home"),
    [
        ("nb", "samboeren min er full og sier hun skal kjøre over til Sverige med ungene nå",
         "NO"),
        ("sv", "pappa är full och säger att han ska köra över till Norge med bilen nu", "SE"),
    ],
)
def test_driving_across_is_a_destination(
    engine: SuggestionEngine, lang: str, text: str, home: str
) -> None:
    """"kjøre over til Sverige": where someone drives to, not where the writer lives; the chat's
    own country's services."""
    ids = engine.suggest(chat(lang, None, text), top=3).ids
    norwegian = {i.startswith("no-") for i in ids if i != "local-this-service"}
    assert norwegian == {home == "NO"}


def test_living_across_the_border_still_counts(engine: SuggestionEngine) -> None:
    """Counter-example: "bor i Sverige" is where the writer lives."""
    ids = top(engine, "nb", None, "jeg flyttet over til Sverige i fjor og bor i Sverige nå, "
                                  "drikker for mye")
    assert all(not i.startswith("no-") for i in ids)


# --- not knowing whom to talk to; a knife carried at school -----------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "farmor är jättesjuk och pappa är ledsen hela tiden. jag vet inte vem jag ska "
               "prata med"),
        ("nb", "bestemor er syk og mamma gråter mye. jeg vet ikke hvem jeg skal snakke med"),
        ("en", "my gran is in hospital and everyone is upset, I don't know who to talk to"),
    ],
)
def test_not_knowing_whom_to_talk_to_is_loneliness(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """"vet inte vem jag ska prata med": someone to talk to (a listening line's topic)."""
    assert topic_weight(engine, text, "loneliness", lang) >= 1.0


def test_talking_to_someone_named_is_no_loneliness(engine: SuggestionEngine) -> None:
    """Counter-example: "jag ska prata med min lärare" knows whom to talk to."""
    assert topic_weight(engine, "jag ska prata med min lärare i morgon", "loneliness", "sv") == 0.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "en kille i min klass bär kniv i skolan varje dag och skryter om det"),
        ("nb", "en gutt i klassen har med seg kniv på skolen hver dag"),
        ("en", "a boy in my year keeps bringing a knife to school and showing it off"),
    ],
)
def test_a_knife_carried_is_for_the_police(engine: SuggestionEngine, lang: str, text: str) -> None:
    """A knife carried or shown at school: crime (the police)."""
    assert topic_weight(engine, text, "crime", lang) >= 1.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag skar mig i fingret med kniven när jag lagade mat"),
        ("en", "I cut my finger with a kitchen knife while cooking"),
    ],
)
def test_a_kitchen_knife_is_no_crime(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Counter-example: a knife in the kitchen is no crime."""
    assert topic_weight(engine, text, "crime", lang) == 0.0
