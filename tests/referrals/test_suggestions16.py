"""Suggestion mechanisms from blind set 16's top-3 misses, in wordings written for these tests
(none is a phrase of the blind cases), each with a counter-example: the country of someone at
home in a northern town, travelling to another country, or in a place of the far north."""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine
from tests.referrals.helpers import chat, top


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
