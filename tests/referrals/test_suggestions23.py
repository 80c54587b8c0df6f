"""Suggestion mechanisms from blind set 22's top-3 misses (and sets 18 and 20's), in wordings
written for these tests (none is a phrase of the blind cases), each with a counter-example:
words that only look like a topic (a sport, bottles taken back for the deposit, dictated
punctuation); a game's currency or card packs bought is money at stake; compulsive buying and
drained savings; a neighbour's child neglected; a parent's or partner's dementia and respite are
a relative's care; someone close working abroad is not the writer's country; asking whether
someone may write here is about the chat itself; a belief of being listened to through the walls
is a psychiatric sign; "en stödlinje" (any support line) is not Stödlinjen, the gambling line."""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine
from tests.referrals.helpers import top, topic_weight

GAMBLING_LINES = {"se-stodlinjen-spel", "se-spelpaus", "no-hjelpelinjen"}
RELATIVES_LINES = {"se-anhoriglinjen", "local-anhorigstod", "no-parorendetelefonen"}


# --- words that only look like a topic ----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "min bror spelar innebandy tre kvällar i veckan och är aldrig hemma"),
        ("sv", "dottern spelar piano varje dag efter skolan"),
        ("nb", "sønnen min spiller håndball hver helg og er sliten"),
    ],
)
def test_playing_a_sport_is_not_gambling(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Playing a sport or an instrument names no gambling."""
    assert topic_weight(engine, text, "gambling", lang) == 0.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "min bror spelar på travet tre kvällar i veckan"),
        ("nb", "sønnen min spiller på odds hver helg"),
        ("en", "my nephew plays poker online every weekend"),
    ],
)
def test_playing_for_money_stays_gambling(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: playing the horses, odds or poker is gambling."""
    assert topic_weight(engine, text, "gambling", lang) >= 1.0


@pytest.mark.parametrize(
    ("lang", "text", "topic"),
    [
        ("sv", "vi samlar burkar och flaskor att panta till klassresan", "alcohol"),
        ("nb", "vi skal pante flasker for å få råd til turen", "alcohol"),
        ("en", "hello full stop I would like to talk about my sleep full stop", "alcohol"),
        (
            "en",
            "hello full stop I would like to talk about my sleep full stop",
            "addiction_treatment",
        ),
    ],
)
def test_deposit_bottles_and_dictation_are_no_drink(
    engine: SuggestionEngine, lang: str, text: str, topic: str
) -> None:
    """Bottles taken back for the deposit, a dictated "full stop": no drink, no quitting."""
    assert topic_weight(engine, text, topic, lang) == 0.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "han gömmer flaskor i garaget och luktar sprit"),
        ("en", "my husband comes home full every friday"),
    ],
)
def test_hidden_bottles_and_full_stay_alcohol(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: hidden bottles, someone coming home full, are drink."""
    assert topic_weight(engine, text, "alcohol", lang) > 0.0


# --- money in a game ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag köper robux för halva lönen varje månad"),
        ("nb", "jeg kjøper coins til mobilen for flere tusen hver måned"),
        ("en", "I keep buying points in a football game, a few thousand a month"),
    ],
)
def test_game_currency_bought_is_gambling(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Buying a game's currency or card packs for money is gambling."""
    assert topic_weight(engine, text, "gambling", lang) >= 1.0


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        ("sv", ["jag köper points i fifa för flera tusen i månaden",
                "flickvännen säger att jag är spelberoende"]),
        ("en", ["I keep buying points in fifa, a few thousand a month",
                "my girlfriend says I'm hooked but it's only a game"]),
    ],
)
def test_game_currency_bought_reaches_the_gambling_lines(
    engine: SuggestionEngine, lang: str, texts: list[str]
) -> None:
    """With a game named, money at stake keeps it gambling (not primary care's gaming): the
    gambling lines."""
    assert GAMBLING_LINES & set(top(engine, lang, None, *texts))


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        ("sv", ["jag spelar fortnite åtta timmar om dagen och sover dåligt"]),
        ("en", ["I play minecraft eight hours a day and sleep badly"]),
    ],
)
def test_gaming_hours_without_money_stay_off_gambling(
    engine: SuggestionEngine, lang: str, texts: list[str]
) -> None:
    """Counter-example: hours of gaming with no money at stake are no gambling."""
    assert not GAMBLING_LINES & set(top(engine, lang, None, *texts))


# --- compulsive buying, drained savings ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "texts", "wanted"),
    [
        ("sv", ["jag har fastnat i att handla kläder på nätet varje natt",
                "halva sparkontot är borta och jag vet inte vad jag ska göra"],
         {"local-budget-skuldradgivning"}),
        ("en", ["I can't stop buying old cameras online, I bid every night",
                "half my savings are gone and I don't know what to do"],
         {"local-budget-skuldradgivning"}),
    ],
)
def test_compulsive_buying_gets_money_advice_or_addiction_care(
    engine: SuggestionEngine, lang: str, texts: list[str], wanted: set[str]
) -> None:
    """Buying one cannot stop, savings drained: money advice or addiction care."""
    assert wanted & set(top(engine, lang, None, *texts))


@pytest.mark.parametrize(
    ("lang", "text", "topic"),
    [
        ("nb", "jeg er hekta på å handle klær på nett hver natt", "addiction_treatment"),
        ("nb", "sparepengene er nesten borte", "debt"),
        ("sv", "halva sparkapitalet har gått åt", "debt"),
    ],
)
def test_buying_habit_and_savings_words(
    engine: SuggestionEngine, lang: str, text: str, topic: str
) -> None:
    """Being hooked on buying is addiction care; savings gone are money advice."""
    assert topic_weight(engine, text, topic, lang) >= 1.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag handlar kläder på nätet ibland, vilka sidor är bäst"),
        ("en", "I buy old cameras online sometimes, which sites are best"),
    ],
)
def test_buying_now_and_then_is_no_habit(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Counter-example: buying now and then is neither addiction nor debt."""
    assert topic_weight(engine, text, "addiction_treatment", lang) == 0.0
    assert topic_weight(engine, text, "debt", lang) == 0.0


# --- a neighbour's child neglected --------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "grannens flicka är ute sent varje kväll och har för lite kläder på sig"),
        ("nb", "naboens gutt er ute sent hver kveld og har for lite klær på seg"),
        ("en", "the neighbour's kid is out late every night and has not enough clothes on"),
    ],
)
def test_neighbours_child_neglected_is_child_welfare(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A neighbour's child seen underdressed and out late: a concern for child welfare."""
    assert topic_weight(engine, text, "child_welfare", lang) >= 1.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag slängde de gamla kläderna i soporna och grannen klagade"),
        ("nb", "naboen klager på at vi har for lite plass til søppel"),
        ("en", "my neighbour complains that I put too much in the bins"),
    ],
)
def test_neighbours_and_bins_are_no_neglect(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: a neighbour, old clothes thrown away, the bins: no child's neglect."""
    assert topic_weight(engine, text, "child_welfare", lang) == 0.0


# --- a relative's dementia, respite -------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "mamma har fått demens och jag åker dit varje dag efter jobbet"),
        ("sv", "var kan man få avlastning några helger?"),
        ("nb", "pappa har fått alzheimer og jeg kjører dit hver dag etter jobb"),
        ("en", "my dad has dementia and I drive over every day after work"),
        ("en", "where can you get some respite at weekends?"),
    ],
)
def test_a_parents_dementia_is_a_relatives_care(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A parent's dementia, respite: a relative's care (support for relatives)."""
    assert topic_weight(engine, text, "relatives", lang) >= 1.0


def test_a_parents_dementia_outweighs_evening_beers(engine: SuggestionEngine) -> None:
    """Support for relatives among the first three when a carer also tells of evening beers."""
    texts = [
        "mamma har fått demens och jag åker dit varje dag efter jobbet",
        "jag dricker tre öl varje kväll för att varva ner, var kan man få avlastning?",
    ]
    assert RELATIVES_LINES & set(top(engine, "sv", None, *texts))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag har själv fått en demensdiagnos och är rädd"),
        ("en", "I have been diagnosed with dementia myself and I'm scared"),
    ],
)
def test_ones_own_dementia_is_no_relative(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Counter-example: one's own diagnosis names no relative."""
    assert topic_weight(engine, text, "relatives", lang) == 0.0


# --- someone close working abroad ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "sambon jobbar i Norge hela veckorna, jag är ensam med barnen i Lund, orkar inte"),
        ("en", "my husband works in Norway for weeks, I'm alone with the kids in Malmö, so tired"),
    ],
)
def test_someone_close_working_abroad_keeps_the_writers_country(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Where a partner works is not where the writer lives: the writer's own country's lines."""
    ids = top(engine, lang, None, text, n=5)
    assert ids and not any(i.startswith("no-") for i in ids)


def test_the_writer_working_abroad_is_their_country(engine: SuggestionEngine) -> None:
    """Counter-example: the writer working in Norway writes from Norway."""
    ids = top(engine, "en", None, "I'm from Poland, working in Norway. I drink too much", n=3)
    assert ids and all(not i.startswith("se-") for i in ids)


# --- the chat itself ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "min systerson är 14, kan han skriva här utan att någon får veta vem han är?"),
        ("nb", "barnebarnet mitt er 14, kan hun skrive her uten at noen får vite det?"),
        ("en", "my nephew is 14, can he write here without anyone knowing who he is?"),
        ("nb", "er det åpent om kvelden? jeg jobber til seks"),
        ("sv", "får jag skriva här fast jag bor i en annan kommun?"),
        ("nb", "får jeg skrive her selv om jeg bor i en annen kommune?"),
        ("en", "can I get help for my dad here even though he lives in another town?"),
    ],
)
def test_asking_whether_someone_may_write_here_is_about_the_chat(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Whether someone may write here, anonymously, in the evening: the chat itself first."""
    assert top(engine, lang, None, text, n=1) == ["local-this-service"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "min systerson är 14 och skriver dikter om att han vill dö"),
        ("nb", "barnebarnet mitt er 14 og skriver i dagboka at hun vil dø"),
        ("sv", "han fick skriva här hemma för att läraren sa det, och nu gråter han"),
        ("en", "my dad needs to get help, the clinic near here closed and he drinks every night"),
    ],
)
def test_writing_elsewhere_is_not_about_the_chat(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: someone writing poems or a diary is not asking about the chat."""
    assert top(engine, lang, None, text, n=1) != ["local-this-service"]


# --- listened to through the walls ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "mamma tror att grannen lyssnar på henne genom väggen och vågar inte sova"),
        ("nb", "mamma tror at naboen lytter på henne gjennom veggen og tør ikke sove"),
        ("en", "my mum thinks the neighbours are listening to her through the wall at night"),
    ],
)
def test_listened_to_through_the_walls_is_psychiatry(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A belief of being listened to through the walls: a psychiatric sign."""
    assert topic_weight(engine, text, "psychiatry", lang) >= 2.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "grannen lyssnar på musik genom hela natten och väggarna är tunna"),
        ("en", "I can hear the neighbours through the wall, they listen to music all night"),
    ],
)
def test_loud_neighbours_are_no_psychiatry(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Counter-example: a neighbour's music heard through the wall is no delusion."""
    assert topic_weight(engine, text, "psychiatry", lang) == 0.0


# --- a service's name, not the common noun ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "jag vill bli volontär på en stödlinje, går det med min historia?",
        "finns det någon stödlinje för den som är ensam på julen?",
    ],
)
def test_a_support_line_is_not_the_gambling_line(engine: SuggestionEngine, text: str) -> None:
    """"en stödlinje" (any support line) does not name Stödlinjen, the gambling line."""
    assert "se-stodlinjen-spel" not in top(engine, "sv", None, text)


@pytest.mark.parametrize(
    "text",
    ["jag ringde Stödlinjen igår och vill ringa igen", "finns det en stödlinje för spelare?"],
)
def test_stodlinjen_by_name_stays(engine: SuggestionEngine, text: str) -> None:
    """Counter-example: "Stödlinjen" by its name, or a line for gamblers, is the gambling line."""
    assert "se-stodlinjen-spel" in top(engine, "sv", None, text)
