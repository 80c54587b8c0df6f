"""Suggestion mechanisms from blind set 16's top-3 misses, in wordings written for these tests
(none is a phrase of the blind cases), each with a counter-example: the country of someone at
home in a northern town, travelling to another country, or in a place of the far north; words
of suicide said of a job or ruled out ("pratar inte om självmord"); shooting or hanging oneself
as a topic; "lugn" (calm) is no sedative; morphine, borderline and autism; medicines bought
outside care are drugs; children of a drinker who never hit them; the municipality in English
in Norway; and betting too much in Norwegian ("tippet for mye")."""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine
from tests.referrals.helpers import chat, top, topic_weight

PRIMARY = {"se-1177", "region-vardcentral"}
PSYCHIATRY = {"region-psykiatri", "se-1177", "region-vardcentral"}
RELATIVES = {"se-alkoholhjalpen", "local-anhorigstod", "se-anhoriglinjen"}


def countries(ids: list[str]) -> set[str]:
    """The countries of the suggested services, from their ids ("local-this-service" is both)."""
    found = set()
    for service_id in ids:
        if service_id.startswith("no-"):
            found.add("NO")
        elif service_id != "local-this-service":
            found.add("SE")
    return found




# --- where the writer lives -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Jobbade på en plattform i Norge i femton år. Nu är jag hemma i Kalix igen och "
               "dricker varje kväll, vem kan hjälpa mig?"),
        ("nb", "Jobbet i Sverige i mange år, men nå er jeg hjemme i Lakselv og drikker for mye. "
               "Hvor får jeg hjelp?"),
    ],
)
def test_at_home_in_a_town_outweighs_a_country_worked_in(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """"hemma i Kalix", "hjemme i Lakselv": where the writer is at home now, over the other
    country they name (one line names both)."""
    expected = "SE" if lang == "sv" else "NO"
    assert countries(top(engine, lang, "self", text)) == {expected}


def test_where_the_writer_lives_outweighs_home(engine: SuggestionEngine) -> None:
    """Counter-example: "bor i Lund" decides over "hjemme i Norge" (the country one comes from),
    whichever line comes last."""
    ids = top(
        engine, "nb", "self", "jeg er fra Norge men bor i Lund nå",
        "jeg drikker hver dag. skal jeg ringe dere eller noen hjemme i Norge?",
    )
    assert countries(ids) == {"SE"}


def test_someone_elses_home_is_not_the_writers(engine: SuggestionEngine) -> None:
    """Counter-example: "min bror är hemma i Tromsø" is the brother's home; the writer's own
    place, named later, decides."""
    ids = top(
        engine, "sv", "relative", "min bror är hemma i Tromsø och dricker hela tiden",
        "själv är jag i Göteborg och vet inte vad jag ska göra",
    )
    assert countries(ids) == {"SE"}


@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        ("en", "I'm snowed in at a cabin outside Karasjok and I've run out of my pills, I drink "
               "to sleep now", "NO"),
        ("nb", "Jeg sitter alene i en hytte utenfor Arjeplog og drikker for mye", "SE"),
        ("sv", "Jag är på jobb i en stuga utanför Kautokeino och dricker för mycket", "NO"),
    ],
)
def test_places_of_the_far_north(
    engine: SuggestionEngine, lang: str, text: str, country: str
) -> None:
    """Towns of the far north (Karasjok, Arjeplog, Kautokeino) place the chat in their country,
    also when its language is the other country's."""
    assert countries(top(engine, lang, "self", text)) == {country}


def test_are_is_no_place(engine: SuggestionEngine) -> None:
    """Counter-example: English "are" is not Åre typed without its ring (Åre is not listed):
    an English chat in Oslo stays in Norway."""
    ids = top(engine, "en", "self", "I live in Oslo", "where are the AA meetings? I drink a lot")
    assert countries(ids) == {"NO"}


@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        ("sv", "Min sambo har druckit hela dagen och säger att han ska köra till Norge i kväll, "
               "jag är så orolig", "SE"),
        ("nb", "Broren min skal kjøre til Sverige i natt, han har drukket og er helt rar", "NO"),
    ],
)
def test_a_destination_is_not_where_the_writer_lives(
    engine: SuggestionEngine, lang: str, text: str, country: str
) -> None:
    """"ska köra till Norge", "skal kjøre til Sverige": where someone is going; in a Swedish or
    Norwegian chat the language says more of where the writer lives."""
    assert countries(engine.suggest(chat(lang, "relative", text), top=5).ids) == {country}


def test_going_home_to_a_country_is_no_destination(engine: SuggestionEngine) -> None:
    """Counter-example: going home to Norway ("åka hem till Norge") is where the writer lives."""
    text = "jag ska åka hem till Norge imorgon, har druckit för mycket hela sommaren här"
    assert countries(top(engine, "sv", "self", text)) == {"NO"}


def test_an_english_destination_still_names_the_country(engine: SuggestionEngine) -> None:
    """Counter-example: in English (no country of its own) a destination is still the best
    hint of where the writer is."""
    text = "my dad is driving to Bergen tonight and he is drunk, what do I do"
    assert countries(top(engine, "en", "relative", text)) == {"NO"}


# --- words of suicide said of a job, or ruled out ---------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "skolan tar livet av mig just nu, fyra prov på en vecka"),
        ("sv", "chefen tar livet av mej med alla övertimmar"),
        ("nb", "jobben tar livet av meg, jeg sover ingenting"),
    ],
)
def test_a_job_that_kills_you_is_no_suicide(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Something outside the writer said to kill them ("skolan tar livet av mig"): strain
    overstated, no word of suicide for the services."""
    assert topic_weight(engine, text, "suicide") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "jag tar livet av mig om det inte blir bättre", "ångesten tar livet av mig",
        "jeg tar livet av meg snart",
    ],
)
def test_taking_ones_life_stays_suicide(engine: SuggestionEngine, text: str) -> None:
    """Counter-examples: the writer taking their life, or a feeling said to kill them (may be
    meant), stay words of suicide."""
    assert topic_weight(engine, text, "suicide") > 0.0


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("jag pratar inte om självmord, jag vill bara sova bättre", "självmord"),
        ("det handler ikke om selvmord, jeg er bare sliten", "selvmord"),
        ("det handlar inte om att jag vill dö, jag är bara så trött", "vill dö"),
    ],
)
def test_suicide_ruled_out_counts_half(engine: SuggestionEngine, text: str, word: str) -> None:
    """"pratar inte om självmord", "handler ikke om selvmord": "om" is "about" there, so the
    negation reaches the word (half weight, as any negated topic word)."""
    full = topic_weight(engine, word, "suicide")
    assert 0.0 < topic_weight(engine, text, "suicide") <= full / 2


def test_a_clause_after_the_negation_is_its_own(engine: SuggestionEngine) -> None:
    """Counter-example: after a comma the negation no longer reaches ("pratar inte om det,
    jag vill dö"): the wish counts fully."""
    text = "jag pratar inte om det, jag vill dö"
    assert topic_weight(engine, text, "suicide") == topic_weight(engine, "vill dö", "suicide")


def test_not_knowing_whether_is_no_negation(engine: SuggestionEngine) -> None:
    """Counter-example: "vet inte om" is "whether": the word after it counts fully."""
    text = "jag vet inte om självmord är det jag tänker på"
    assert topic_weight(engine, text, "suicide") == topic_weight(engine, "självmord", "suicide")


def test_a_ruled_out_line_with_adhd_goes_to_care(engine: SuggestionEngine) -> None:
    """With both: work overstated, suicide ruled out, ADHD and medicine asked about: primary
    care and psychiatry lead, not the crisis lines (ranked for a calm verdict)."""
    text = ("plugget tar livet av mig typ. adhd och tentaplugg går inte ihop. jag pratar inte "
            "om självmord, vill mest ha hjälp med medicinen")
    ids = engine.suggest(chat("sv", "self", text), top=3, verdict=(False, [])).ids
    assert PSYCHIATRY & set(ids[:2])


# --- shooting or hanging oneself --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my neighbour shot himself in the barn last winter",
        "some days I think I might hang myself in the garage",
        "grannen sköt sig i höstas och jag kan inte sluta tänka på det",
    ],
)
def test_shooting_or_hanging_oneself_is_suicide(engine: SuggestionEngine, text: str) -> None:
    """Shooting or hanging oneself (en, sv; nb had it) is a topic of suicide."""
    assert topic_weight(engine, text, "suicide") > 0.0


@pytest.mark.parametrize(
    "text", ["I mostly hang out by myself at weekends", "he shot a moose and hung it in the barn"]
)
def test_hanging_out_is_no_suicide(engine: SuggestionEngine, text: str) -> None:
    """Counter-examples: hanging out alone, shooting game: no suicide."""
    assert topic_weight(engine, text, "suicide") == 0.0


def test_a_professional_asking_about_farmers_gets_the_suicide_line(
    engine: SuggestionEngine,
) -> None:
    """A district nurse asking in general about farmers who say they would rather shoot
    themselves: the suicide line is among the suggestions."""
    text = ("I'm a district nurse in a rural part of Sweden. Old farmers sometimes say they'd "
            "rather shoot themselves than go into a home. Where do I refer if I worry?")
    assert "se-mind-sjalvmordslinjen" in top(engine, "en", None, text)


# --- calm, morphine, borderline ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["jag är lugn nu, tack", "ta det lugnt med mig", "jeg prøvde å berolige ham"]
)
def test_calm_is_no_sedative(engine: SuggestionEngine, text: str) -> None:
    """"lugn", "lugnt" (calm), nb "berolige" (to calm someone): no medicine; the stems of
    "lugnande" and "beroligende" were theirs."""
    assert topic_weight(engine, text, "medicines") == 0.0


@pytest.mark.parametrize(
    "text", ["han tar lugnande varje kväll", "lugnandetabletter", "beroligende piller"]
)
def test_sedatives_stay_medicines(engine: SuggestionEngine, text: str) -> None:
    """Counter-examples: the sedatives themselves and their compounds stay medicines."""
    assert topic_weight(engine, text, "medicines") > 0.0


@pytest.mark.parametrize(
    "text",
    [
        "jag är rädd att bli beroende av morfinet",
        "jeg har fått kodein etter operasjonen",
        "I've been on morphine since my surgery",
    ],
)
def test_morphine_and_codeine_are_medicines(engine: SuggestionEngine, text: str) -> None:
    """Morphine and codeine (sv, nb, en) are medicines: a fear of depending on them is for the
    doctor, as with other painkillers."""
    assert topic_weight(engine, text, "medicines") > 0.0


def test_fear_of_morphine_dependence_goes_to_primary_care(engine: SuggestionEngine) -> None:
    """Morphine after an operation and the fear of dependence: primary care is suggested."""
    text = "Jag får morfin efter en operation och är rädd att bli beroende, är det farligt?"
    assert PRIMARY & set(top(engine, "sv", "self", text))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Har fått diagnosen emotionellt instabil personlighet och undrar om DBT finns "
               "här, hur lång är väntan?"),
        ("sv", "jag har borderline sen tonåren och behöver en ny behandling"),
        ("en", "I was diagnosed with borderline personality disorder and want to try DBT, who "
               "offers it?"),
    ],
)
def test_borderline_and_dbt_are_psychiatry(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Borderline (emotionally unstable personality) and its therapy, DBT: psychiatry."""
    assert "region-psykiatri" in top(engine, lang, "self", text)


def test_borderline_in_english_needs_its_diagnosis(engine: SuggestionEngine) -> None:
    """Counter-example: English "borderline" alone ("borderline rude") is no diagnosis in the
    English list (the Swedish word still reaches an English line at the other languages'
    weight)."""
    assert topic_weight(engine, "his reply was borderline rude", "psychiatry", "en") < 1.0


# --- medicines bought outside care are drugs --------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Min fru tar allt fler sömntabletter och nu har hon börjat beställa dem på "
               "nätet. Vad kan jag göra som anhörig?"),
        ("en", "We found oxycodone in our 16-year-old's bag, he says he got them from a friend. "
               "What do we do?"),
    ],
)
def test_medicines_bought_outside_care_are_drugs(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Sleeping pills ordered online, painkillers from a friend: drugs bought outside care, so
    the drug lines come before primary care."""
    ids = top(engine, lang, "relative", text)
    assert {"se-droghjalpen", "region-mini-maria"} & set(ids)
    assert not PRIMARY & set(ids)


def test_prescribed_medicines_stay_medicines(engine: SuggestionEngine) -> None:
    """Counter-example: sleeping pills from the doctor, taken more and more: primary care."""
    text = "Min fru tar allt fler sömntabletter som läkaren skrivit ut, hur trappar man ner?"
    assert PRIMARY & set(top(engine, "sv", "self", text))


# --- children of a drinker who never hit them -------------------------------------------------


def test_violence_denied_is_no_childrens_danger(engine: SuggestionEngine) -> None:
    """A wife of a drinker who says he never hit her or the children: relatives' and alcohol
    services, not the social services' children's concern."""
    text = ("my partner gets grumpy when he drinks, has for years. he has never hit me or the "
            "children, they are grown and moved out")
    ids = top(engine, "en", None, text, "I'm just worn out and have nobody to talk to about it")
    assert RELATIVES & set(ids)


def test_violence_told_still_concerns_the_children(engine: SuggestionEngine) -> None:
    """Counter-example: a drinker who hits, with children at home: the social services."""
    text = "my partner drinks and hits me when the kids are home"
    assert {"local-socialtjanst-mottagning", "local-socialjour"} & set(
        engine.suggest(chat("en", None, text), top=5).ids
    )


# --- the municipality in English, in Norway ---------------------------------------------------


def test_the_municipality_in_english_in_norway(engine: SuggestionEngine) -> None:
    """"the municipality" in an English chat in Norway: the municipality's service (its
    Norwegian trigger is "kommunen")."""
    text = ("My brother in Tromsø has bipolar disorder and lives alone. I'm overseas. What can "
            "the municipality do for him?")
    assert top(engine, "en", None, text)[0] == "no-kommune-rus-psykisk"


def test_the_municipality_in_sweden_is_no_norwegian_service(engine: SuggestionEngine) -> None:
    """Counter-example: in Sweden no Norwegian service is suggested."""
    text = "My brother in Malmö drinks and lives alone. What can the municipality do for him?"
    assert countries(top(engine, "en", None, text)) == {"SE"}


# --- betting too much in Norwegian ------------------------------------------------------------


def test_betting_too_much_in_norwegian(engine: SuggestionEngine) -> None:
    """"har tippet for mye" (Norsk Tipping's verb): gambling, the gambling helpline."""
    text = "jeg har tippet for mye på fotball i hele vinter og vil ha hjelp til å stoppe"
    assert "no-hjelpelinjen" in top(engine, "nb", "self", text)


def test_guessing_is_no_betting(engine: SuggestionEngine) -> None:
    """Counter-example: "jeg tipper" (I guess) is no gambling."""
    assert topic_weight(engine, "jeg tipper det går bra til slutt", "gambling") == 0.0
