"""Suggestion mechanisms from blind set 12's top-3 misses (and set 11's left), in wordings written
for these tests (none is a phrase of the blind cases), each with a counter-example: paid chance in
games, spirits and cutting back, a fight and reporting it, lost sleep and what one keeps seeing,
wanting to talk a while, a carer in their own words, where someone else is, a professional
writing of children of an age, pills mixed with alcohol, what one has seen at work, night shifts
and thoughts that keep coming back."""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine
from tests.referrals.helpers import chat, top

GAMBLING = {"se-stodlinjen-spel", "se-spelpaus", "no-hjelpelinjen"}
ADDICTION = {
    "local-oppenvard-missbruk", "region-beroendecentrum", "se-alkoholhjalpen", "se-droghjalpen",
    "se-aa", "se-na",
}
SELF_HARM = {"se-mind-sjalvmordslinjen", "region-psykiatri", "region-psykiatrisk-akutmottagning"}
LISTENING = {
    "se-hjalplinjen", "se-jourhavande-medmanniska", "se-1177", "region-vardcentral",
    "se-mind-sjalvmordslinjen", "no-mental-helse", "no-kirkens-sos", "no-legevakt",
}
RELATIVES = {"se-anhoriglinjen", "local-anhorigstod"}
POLICE = {"se-polisen", "no-politi"}


# --- paid chance in games ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag har lagt typ 3000 kr på lootboxar i ett fotbollsspel den här månaden"),
        ("en", "i keep buying loot boxes in my phone game, way more than i can afford"),
        ("en", "blew my whole paycheck on case openings again"),
    ],
)
def test_loot_boxes_and_case_openings_are_gambling(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Paying for a chance in a game (loot boxes, case openings) is money at stake: the
    gambling lines lead."""
    assert GAMBLING & set(top(engine, lang, "self", text))


def test_playing_a_lot_without_money_is_no_gambling(engine: SuggestionEngine) -> None:
    """Counter-example: playing many hours with no money at stake stays gaming."""
    text = "jag spelar minecraft typ sex timmar om dagen och missar läxorna"
    ids = top(engine, "sv", "self", text)
    assert not GAMBLING & set(ids)


# --- spirits and cutting back ------------------------------------------------------------------


def test_spirits_and_cutting_back_are_alcohol_not_self_harm(engine: SuggestionEngine) -> None:
    """A spirit named ("gin") and "cut back" are alcohol and cutting down: "cut" is no
    self-harm here."""
    text = "I've been having a gin every evening and I'd like to cut back"
    ids = top(engine, "en", "self", text)
    assert "se-alkoholhjalpen" in ids
    assert not SELF_HARM & set(ids)


def test_cutting_oneself_is_still_self_harm(engine: SuggestionEngine) -> None:
    """Counter-example: cutting oneself keeps the self-harm services."""
    ids = top(engine, "en", "self", "I cut myself again last week and I hide it from everyone")
    assert SELF_HARM & set(ids)


# --- a fight and reporting it --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "two boys got into a fight outside the cinema last month. who do I report it to?"),
        ("nb", "det var slagsmål etter fotballkampen i vinter, hvordan kan jeg melde det nå?"),
    ],
)
def test_a_past_fight_to_report_is_the_polices(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A fight between people, asked how to report it afterwards: the police are among the
    three."""
    assert POLICE & set(top(engine, lang, "self", text))


def test_a_fight_seen_that_keeps_one_awake_is_listening(engine: SuggestionEngine) -> None:
    """Counter-example: a fight one only saw, with lost sleep since: a listening line leads, not
    the police."""
    text = "såg ett slagsmål på stationen i helgen. har inte kunnat sova, ser det hela tiden"
    ids = top(engine, "sv", "self", text)
    assert ids[0] in LISTENING


# --- wanting to talk a while -------------------------------------------------------------------


def test_wanting_to_talk_a_while_is_a_listening_line(engine: SuggestionEngine) -> None:
    """"prata lite med någon" (a word between) is wanting to talk: a listening line leads."""
    text = "Jag är ensam hemma i helgerna och vill bara prata lite med någon"
    assert top(engine, "sv", "self", text)[0] in LISTENING


def test_advice_to_talk_to_someone_is_not_loneliness(engine: SuggestionEngine) -> None:
    """Counter-example: "my wife says I should talk to someone" as advice, with a new baby,
    keeps the parenting and primary-care services among the three (English "talk to someone"
    without a word between is not taken as wanting company)."""
    text = "new father here, I feel distant from our baby; my wife says I should talk to someone"
    ids = top(engine, "en", "self", text)
    assert {"local-foraldrastod", "region-vardcentral", "se-1177"} & set(ids)


# --- a carer in their own words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Jag vårdar min fru som har demens sedan fyra år. Jag sover dåligt och är trött."),
        ("en", "I've been caring for my mother with MS for years and I'm worn out and sleep badly"),
    ],
)
def test_a_carer_writing_of_themselves_gets_relatives_support(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Someone caring for a spouse or parent, writing as themselves, is a relative too: the
    support for relatives is among the three."""
    assert RELATIVES & set(top(engine, lang, "self", text))


def test_a_wife_named_without_caring_is_no_carer(engine: SuggestionEngine) -> None:
    """Counter-example: one's own sleep problems with a wife merely named keep primary care
    first."""
    text = "Jag sover dåligt sedan i vintras, min fru säger att jag snarkar"
    ids = top(engine, "sv", "self", text)
    assert ids[0] in {"se-1177", "region-vardcentral", "se-hjalplinjen"}
    assert not RELATIVES & set(ids[:1])


def test_a_carer_does_not_read_danger_to_a_third_party(engine: SuggestionEngine) -> None:
    """The carer's audience is not a relative's role: no third-party danger boost, the
    urgency verdict does not change (a carer with no danger is not urgent)."""
    s = engine.suggest(chat("sv", "self", "Jag vårdar min man som har parkinson och är slutkörd"))
    assert not s.urgent


# --- where someone else is -----------------------------------------------------------------------


def test_someone_else_in_norway_leaves_the_writer_in_sweden(engine: SuggestionEngine) -> None:
    """"pappan är i Norge" is where the father is: a Swedish writer gets Swedish services."""
    text = "Barnens pappa är i Norge på jobb och jag klarar inte allt själv längre, jag är så slut"
    ids = engine.suggest(chat("sv", "self", text), top=5).ids
    assert not any(i.startswith("no-") for i in ids)


def test_the_writer_in_norway_gets_norwegian_services(engine: SuggestionEngine) -> None:
    """Counter-example: "vi är i Norge" is where the writer is."""
    text = "Vi är i Norge sedan i somras och jag mår så dåligt, har ångest varje dag"
    ids = engine.suggest(chat("sv", "self", text), top=5).ids
    assert any(i.startswith("no-") for i in ids)


# --- a professional writing of children of an age ------------------------------------------------


def test_a_coach_of_children_worried_about_a_parent(engine: SuggestionEngine) -> None:
    """A professional writing of "9-åringar" and a parent who drinks: a concern report
    (social services) or the children's services are among the three."""
    text = "Jag är tränare för ett lag med 9-åringar. En tjej säger att mamma ofta är full."
    ids = top(engine, "sv", "professional", text)
    assert {"local-socialtjanst-mottagning", "local-barn-anhoriga", "se-bris"} & set(ids)


def test_a_professional_about_an_adult_client_is_no_child_case(engine: SuggestionEngine) -> None:
    """Counter-example: a professional asking about an adult who drinks gets no children's
    services first."""
    text = "Jag är boendestödjare. En man på 50 jag träffar dricker varje dag, vart hänvisar jag?"
    ids = top(engine, "sv", "professional", text)
    assert ids[0] not in {"local-barn-anhoriga", "se-bris"}


# --- pills mixed with alcohol, pills going round -------------------------------------------------


def test_pills_going_round_a_party_are_drugs(engine: SuggestionEngine) -> None:
    """Pills going round at a party are drugs: a drug service is among the three."""
    text = "det var några piller som gick runt på festen i lördags, vad kan det ha varit?"
    assert {"se-droghjalpen", "region-mini-maria"} & set(top(engine, "sv", "self", text))


def test_a_prescribed_medicine_is_no_drug(engine: SuggestionEngine) -> None:
    """Counter-example: one's own prescribed tablets, no party and no mixing: no drug line
    first."""
    text = "jag har fått nya tabletter mot blodtrycket och blir yr, ska jag ringa läkaren?"
    assert top(engine, "sv", "self", text)[0] not in {"se-droghjalpen", "se-na"}


# --- what one has seen at work -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jobbar som väktare och har sett två överdoser på stationen, det tar på mig"),
        ("en", "ambulance nurse here. we had a tough week, several suicide calls. i need to vent"),
    ],
)
def test_what_one_has_seen_at_work_is_ones_own_strain(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Overdoses or suicides seen at work, with what it does to one: a listening line or
    primary care is among the three, not only addiction care or the emergency number."""
    assert LISTENING & set(top(engine, lang, "self", text))


def test_ones_own_overdose_is_still_drugs(engine: SuggestionEngine) -> None:
    """Counter-example: one's own drug use after an overdose keeps the drug services."""
    text = "jag tog en överdos heroin förra året och nu har jag börjat igen"
    assert ADDICTION & set(top(engine, "sv", "self", text))


# --- night shifts, thoughts that keep coming back ------------------------------------------------


def test_night_shifts_and_sleeping_by_day_are_primary_care(engine: SuggestionEngine) -> None:
    """Night shifts and sleeping by day: primary care leads."""
    text = "har gått över till nattpass på lagret och kan inte sova på dagen"
    assert top(engine, "sv", "self", text)[0] in {"se-1177", "region-vardcentral"}


def test_cant_stop_thinking_is_no_addiction(engine: SuggestionEngine) -> None:
    """"kan inte sluta tänka på" is thoughts that keep coming back: a listening line leads,
    not addiction care."""
    text = "jag kan inte sluta tänka på olyckan jag såg på motorvägen"
    ids = top(engine, "sv", "self", text)
    assert ids[0] in LISTENING


def test_cant_stop_gambling_is_still_addiction(engine: SuggestionEngine) -> None:
    """Counter-example: "kan inte sluta" with a game for money keeps the gambling lines."""
    text = "jag kan inte sluta spela på casino, har förlorat 40 000 kr"
    assert GAMBLING & set(top(engine, "sv", "self", text))


# --- the fjord -----------------------------------------------------------------------------------


def test_the_fjord_in_english_is_norway(engine: SuggestionEngine) -> None:
    """An English writer by "the fjord", no other place named: Norwegian services."""
    text = "my brother is drunk and went down to the fjord alone in the dark, he won't pick up"
    ids = engine.suggest(chat("en", "relative", text), top=3).ids
    assert any(i.startswith("no-") for i in ids)


def test_a_swedish_fjord_stays_in_sweden(engine: SuggestionEngine) -> None:
    """Counter-example: Swedish "fjorden" (Gullmarsfjorden has one) names no country."""
    text = "vi bor vid fjorden i Lysekil och min man dricker varje kväll"
    ids = engine.suggest(chat("sv", "relative", text), top=3).ids
    assert not any(i.startswith("no-") for i in ids)


# --- a service for the young, and a relative of an adult -----------------------------------------


def test_a_partners_cannabis_puts_no_youth_clinic_first(engine: SuggestionEngine) -> None:
    """A relative writing of an adult partner's cannabis: the youth clinic (for the young and
    their parents) is not among the first two; drug and relatives' services lead."""
    text = "my husband smokes weed on the balcony every night and I don't know how to raise it"
    ids = top(engine, "en", "relative", text)
    assert "region-mini-maria" not in ids[:2]
    assert {"se-droghjalpen", "local-anhorigstod", "local-oppenvard-missbruk"} & set(ids[:2])


def test_a_teenagers_cannabis_keeps_the_youth_clinic(engine: SuggestionEngine) -> None:
    """Counter-example: a parent writing of a 16-year-old's cannabis keeps the youth clinic."""
    text = "vår son är 16 och röker på varje helg, vi vet inte vad vi ska göra"
    assert "region-mini-maria" in top(engine, "sv", "relative", text)


def test_a_son_without_an_age_may_be_young(engine: SuggestionEngine) -> None:
    """Counter-example: "my daughter" with no age given may be young: the youth clinic keeps
    its place among the three."""
    text = "my daughter has started smoking weed with her friends, what do I do?"
    assert "region-mini-maria" in top(engine, "en", "relative", text)
