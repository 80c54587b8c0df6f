"""Blind sets 35 (BV) and 36 (BY): top-3 misses with a general cause (branch top37).

Both sets were read for this branch. Each fix is tested in wordings of our own (none is a phrase
of the sets), with near-misses beside them. Lines are separated by newlines. Urgency is not
touched: every wording here is calm, and stays so (the place cue is tested on an urgent chat
whose verdict it does not change).
"""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine

from .helpers import chat_text, topic_weight

# --- a place told as where it happens ("this is in oslo") ----------------------------------------


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("a man is lying in the snow by the bus stop and won't answer me\nthis is in oslo", "NO"),
        ("someone collapsed outside the shop, not breathing right. it is in bergen", "NO"),
        ("an old lady fell on the ice and can't get up. this is in malmö", "SE"),
    ],
)
def test_a_place_told_as_where_it_happens_is_the_writers_country(
    engine: SuggestionEngine, text: str, country: str
) -> None:
    """"this is in oslo", "it is in bergen": where what is told happens, so the emergency
    number and the services of that country, not of the directory's default."""
    result = engine.suggest(chat_text("en", "unknown", text), top=3)
    prefix = "no-" if country == "NO" else "se-"
    assert result.ids[0].startswith(prefix), result.ids


def test_someone_else_being_in_a_place_still_is_not_the_writers() -> None:
    """"pappan är i Norge" stays where someone else is (no change to that reading)."""
    from referrals import load_directory

    engine = SuggestionEngine(load_directory())
    assert engine._analyse("pappan är i Norge på jobb").elsewhere
    assert not engine._analyse("this is in oslo").elsewhere


# --- a verb is no drug ("drog ner", "drog iväg") -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "chefen drog ner på timmarna och nu sover jag skitdåligt",
        "han drog iväg till jobbet utan att säga nåt",
        "vi drog hem tidigt från festen",
    ],
)
def test_the_verb_drog_is_no_drug(engine: SuggestionEngine, text: str) -> None:
    """The past of "dra" (pulled, left) counts for drugs no more than a weak word."""
    assert topic_weight(engine, text, "drugs", "sv") < 1.0


@pytest.mark.parametrize(
    "text", ["hon tar droger varje helg", "drogerna tar över hans liv", "han var drogad"]
)
def test_drugs_named_still_count(engine: SuggestionEngine, text: str) -> None:
    assert topic_weight(engine, text, "drugs", "sv") >= 2.0


def test_sleeping_badly_and_brooding_is_for_primary_care(engine: SuggestionEngine) -> None:
    """"sover uselt", "ligger och grubblar": primary care and 1177, not addiction care."""
    result = engine.suggest(
        chat_text("sv", None, "sover uselt sen omorganisationen, ligger vaken och grubblar"),
        top=3,
    )
    assert not result.urgent
    assert {"se-1177", "region-vardcentral"} & set(result.ids), result.ids


# --- "siste gang" is a time, no gang ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "dette er første gang jeg skriver her"),
        ("nb", "hver gang jeg ringer henne blir det krangel"),
        ("sv", "det var sista gang jag provade"),
    ],
)
def test_a_time_is_no_gang(engine: SuggestionEngine, lang: str, text: str) -> None:
    assert topic_weight(engine, text, "crime", lang) == 0.0


def test_a_gang_is_still_a_gang(engine: SuggestionEngine) -> None:
    assert topic_weight(engine, "the gang he runs with is after him", "crime", "en") > 0.0


# --- a game told by what happens in it ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "dottern sitter med ett spel där man krigar varje kväll, är det normalt?"),
        ("en", "my son is on a game where you shoot zombies every night. should we set limits?"),
        ("sv", "min son på 12 spelar krigsspel hela helgerna"),
    ],
)
def test_a_parent_asking_about_a_childs_game_gets_parenting_support(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A game described by what happens in it is a game, not gambling: a parent's worry is for
    parenting support, not the gambling lines."""
    result = engine.suggest(chat_text(lang, "relative", text), top=3)
    assert not result.urgent
    assert "local-foraldrastod" in result.ids, result.ids
    assert "se-stodlinjen-spel" not in result.ids


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "min man spelar ett spel där man kan vinna pengar, han har förlorat 20000"),
        ("en", "my husband bets on a game where you can win cash, he lost our savings"),
    ],
)
def test_a_game_with_money_at_stake_stays_gambling(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    result = engine.suggest(chat_text(lang, "relative", text), top=3)
    assert "se-stodlinjen-spel" in result.ids, result.ids


# --- grief, a loved one who died of drink or drugs ----------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "min bror söp ihjäl sig i våras. jag saknar honom, finns det nån sorggrupp?"),
        ("en", "my mum died of an overdose in the spring. my grief won't let go. I live in Sweden"),
    ],
)
def test_a_bereaved_writer_gets_someone_to_talk_to(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Grief for a loved one who drank or used themself to death: someone to talk to (or a
    relatives' support), not the alcohol line or addiction care."""
    result = engine.suggest(chat_text(lang, "self", text), top=3)
    assert not result.urgent
    assert {"se-jourhavande-medmanniska", "local-anhorigstod", "se-anhoriglinjen"} & set(
        result.ids
    ), result.ids


def test_a_loved_ones_drinking_now_stays_alcohol(engine: SuggestionEngine) -> None:
    result = engine.suggest(chat_text("sv", "relative", "min pappa dricker varje kväll"), top=3)
    assert {"se-alkoholhjalpen", "local-anhorigstod"} & set(result.ids), result.ids


# --- seizures, self-harm of others, restraining orders -----------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "min sambo har epilepsi, vad gör man om han får ett krampanfall på semestern?"),
        ("en", "writing a first aid sheet for the sports club: what to do if a kid has a seizure"),
    ],
)
def test_epilepsy_and_first_aid_are_for_health_care(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    result = engine.suggest(chat_text(lang, None, text), top=3)
    assert not result.urgent
    assert {"se-1177", "region-vardcentral"} & set(result.ids), result.ids


@pytest.mark.parametrize(
    ("lang", "text", "topic"),
    [
        ("sv", "en av mina elever skadar sig själv tror jag", "self_harm"),
        ("nb", "en venninne skader seg selv", "self_harm"),
        ("en", "a girl in my class is hurting herself", "self_harm"),
        ("sv", "han fick besöksförbud förra året", "violence"),
        ("en", "i got a restraining order against him in 2021", "violence"),
        ("nb", "hun har fått kontaktforbud mot ham", "violence"),
    ],
)
def test_others_self_harm_and_restraining_orders_are_read(
    engine: SuggestionEngine, lang: str, text: str, topic: str
) -> None:
    assert topic_weight(engine, text, topic, lang) > 0.0


# --- a pupil of age ("nu är jag 19") is a young adult -------------------------------------------


def test_an_inverted_age_is_the_writers_age(engine: SuggestionEngine) -> None:
    assert engine._analyse("nu är jag 20 och pluggar").visitor_age == 20
    assert engine._analyse("när jag var 7 flyttade vi").visitor_age is None


def test_a_young_adult_telling_of_childhood_violence_is_not_sent_to_childrens_services(
    engine: SuggestionEngine,
) -> None:
    text = (
        "i skolan pratade vi om våld i nära relationer och jag mådde dåligt, pappa slog mamma "
        "när jag var liten\nnu är jag 20 och har flyttat hemifrån. hur går man vidare?"
    )
    result = engine.suggest(chat_text("sv", "self", text), top=3)
    assert "local-barn-anhoriga" not in result.ids, result.ids
