"""Suggestion mechanisms from blind set 14's top-3 misses, in wordings written for these tests
(none is a phrase of the blind cases), each with a counter-example: losing one's home and living
in a caravan or a tent, GHB, over-the-counter painkillers, "worried about my" one's own body,
finding it hard to trust people after a past hurt, keeping watch over a loved one's habit, and
where the writer is when someone comes home from another country; and from blind set 13's: hash
smoked, grief for a friend, a sibling or a cousin, and being homesick or wanting to talk."""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine
from tests.referrals.helpers import chat, top

HOUSING = {"local-socialtjanst-mottagning", "local-uppsokare", "local-socialjour"}
DRUGS = {"se-droghjalpen", "no-rusinfo"}
PRIMARY_CARE = {"se-1177", "region-vardcentral", "no-legevakt"}
RELATIVES = {"se-anhoriglinjen", "local-anhorigstod", "no-parorendetelefonen"}
LISTENING = {
    "se-hjalplinjen", "se-jourhavande-medmanniska", "se-1177", "region-vardcentral",
    "region-psykiatri", "no-mental-helse", "no-kirkens-sos", "no-legevakt",
}
GAMBLING = {"se-stodlinjen-spel", "se-spelpaus", "no-hjelpelinjen"}
ALCOHOL = {"se-alkoholhjalpen", "se-aa", "no-rusinfo", "no-kommune-rus-psykisk"}
TALK = {"se-jourhavande-medmanniska", "se-hjalplinjen", "no-mental-helse", "no-kirkens-sos"}


# --- losing one's home, a caravan or a tent -----------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Efter uppbrottet blev jag av med lägenheten och bor i en husvagn nu. Jag dricker "
               "mer än förut."),
        ("nb", "Jeg bor i Sverige. Jeg mistet huset i vår og bor i en campingvogn, og jeg drikker "
               "mer enn før."),
        ("en", "I have been sleeping in my van since the divorce and I drink a bit more than "
               "before"),
    ],
)
def test_losing_ones_home_is_housing(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Losing one's home, living in a caravan or a tent, asking where to get housing: the
    social services (housing) lead, not the other words of the chat."""
    assert HOUSING & set(top(engine, lang, "self", text))


def test_a_caravan_holiday_is_no_housing(engine: SuggestionEngine) -> None:
    """Counter-example: a holiday in the caravan is no home lost."""
    text = "Vi åker på semester med husvagnen varje sommar och min man dricker för mycket då"
    assert not HOUSING & set(top(engine, "sv", "relative", text))


# --- GHB ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "vad gör ghb med kroppen egentligen? folk på klubben pratar om det"),
        ("nb", "hvor farlig er ghb, noen på festen i helga tilbød meg"),
        ("en", "is gbl the same thing as ghb? someone offered me some at a rave"),
    ],
)
def test_ghb_is_a_drug(engine: SuggestionEngine, lang: str, text: str) -> None:
    """GHB and GBL are drugs: the drug line leads."""
    assert DRUGS & set(top(engine, lang, "self", text))


def test_gbg_is_no_ghb(engine: SuggestionEngine) -> None:
    """Counter-example: "gbg" (Gothenburg) is no GHB."""
    ids = top(engine, "sv", "self", "bor i gbg sen i höstas och känner mig så ensam på kvällarna")
    assert not DRUGS & set(ids)


# --- over-the-counter painkillers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Hur många ipren kan man ta per dag utan att magen tar skada?"),
        ("nb", "er det farlig å ta ibux hver dag i flere uker mot hodepine?"),
        ("en", "is it ok to take ibuprofen every day for a month? my stomach feels off"),
    ],
)
def test_a_painkiller_dose_is_primary_care(engine: SuggestionEngine, lang: str, text: str) -> None:
    """A dose of an over-the-counter painkiller asked about: health care first (it was the
    fallback, after addiction care)."""
    assert top(engine, lang, "self", text)[0] in PRIMARY_CARE


def test_many_painkillers_swallowed_stay_urgent(engine: SuggestionEngine) -> None:
    """Counter-example: a handful swallowed is still an emergency, 112 first."""
    suggestions = engine.suggest(
        chat("sv", "self", "jag har tagit 30 alvedon för en timme sen"), top=3
    )
    assert suggestions.urgent
    assert suggestions.ids[0] == "se-112"


# --- "worried about my" one's own body ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "i'm worried about my knees, they swell after every run"),
        ("sv", "jag är orolig för min mage, den har gjort ont i två veckor"),
    ],
)
def test_worry_about_ones_body_is_no_relative(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """"worried about my knees" is no loved one: no relatives' support among the three."""
    assert not RELATIVES & set(top(engine, lang, "self", text))


def test_worry_about_ones_brother_is_a_relative(engine: SuggestionEngine) -> None:
    """Counter-example: worried about my brother who drinks is a relative's worry."""
    ids = top(engine, "en", "self", "i'm worried about my brother, he drinks every single day")
    assert RELATIVES & set(ids) or "se-alkoholhjalpen" in ids


# --- hard to trust people after a past hurt -------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Min pappa drack och slog oss när jag var barn. Nu har jag svårt att lita på "
               "människor."),
        ("nb", "Faren min drakk mye da jeg var liten. Nå er det vanskelig å stole på folk, og jeg "
               "vet ikke hvorfor."),
        ("en", "my mum drank a lot when i was a kid and now i have trust issues with everyone"),
    ],
)
def test_hard_to_trust_people_is_mental_health(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Finding it hard to trust people after a past hurt: a listening or mental-health
    service first, above a parent's past drinking."""
    assert top(engine, lang, "self", text)[0] in LISTENING


def test_not_trusting_a_gambler_stays_gambling(engine: SuggestionEngine) -> None:
    """Counter-example: not trusting him when he says he stopped betting is about gambling."""
    text = (
        "jag litar inte på honom när han säger att han slutat spela på casino, pengarna "
        "försvinner"
    )
    assert GAMBLING & set(top(engine, "sv", "relative", text))


# --- keeping watch over a loved one's habit -------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Min fru har varit nykter i ett halvår men jag letar efter hennes flaskor varje "
               "kväll och kan inte släppa kontrollen."),
        ("nb", "Samboeren min har vært rusfri siden jul, men jeg teller hans tabletter hver dag "
               "og får ikke slippe kontrollen."),
        ("en", "my husband has been sober since spring but i keep counting his drinks at every "
               "dinner and can't let go of control"),
    ],
)
def test_keeping_watch_over_a_loved_one_is_for_relatives(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counting a partner's pills or searching for bottles long after they stopped: the
    relative's own strain, relatives' support among the three."""
    assert RELATIVES & set(top(engine, lang, "self", text))


def test_counting_ones_own_pills_is_no_relatives_strain(engine: SuggestionEngine) -> None:
    """Counter-example: counting one's own tablets into a pill box is no relative's strain."""
    ids = top(engine, "sv", "self", "jag räknar mina tabletter i dosetten varje morgon")
    assert not RELATIVES & set(ids)


# --- someone coming home from another country -----------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        ("sv", "Han kommer hem från Norge på lördag och jag är rädd för honom när han dricker",
         "se-"),
        ("nb", "Mannen min kommer hjem fra Sverige i morgen og jeg gruer meg, han drikker mye",
         "no-"),
    ],
)
def test_coming_home_from_a_country_is_not_where_the_writer_lives(
    engine: SuggestionEngine, lang: str, text: str, country: str
) -> None:
    """"kommer hem från Norge": he comes home from there; the writer's country is the
    language's."""
    ids = engine.suggest(chat(lang, "self", text), top=5).ids
    assert all(i.startswith((country, "local-", "region-")) for i in ids)


def test_living_in_norway_outweighs_someone_coming_home(engine: SuggestionEngine) -> None:
    """Counter-example: where the writer lives still decides, whoever comes home from where."""
    text = "Jag bor i Norge men min man kommer hem från Sverige i helgen, och han dricker mycket"
    ids = engine.suggest(chat("sv", "self", text), top=5).ids
    assert any(i.startswith("no-") for i in ids)


def test_a_sentence_opening_were_in_oslo_places_the_writer(engine: SuggestionEngine) -> None:
    """"were in oslo" opening a sentence (a "we're" without its apostrophe)
    is where the writer is: Norwegian services."""
    ids = top(engine, "en", "self", "i feel so low all the time. were in oslo since last year", n=5)
    assert any(i.startswith("no-") for i in ids)


# --- hash smoked (blind set 13) -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my roommate and i smoke hash most nights and i want to cut down",
        "smoking hashish before work has become a habit",
    ],
)
def test_smoking_hash_is_drugs_not_tobacco(engine: SuggestionEngine, text: str) -> None:
    """Hash smoked is a drug (the pattern's "|a joint" had split it, so only "smoke" was read,
    as tobacco): the drug line leads, not the quitline."""
    ids = top(engine, "en", "self", text)
    assert ids[0] in {"se-droghjalpen", "region-beroendecentrum", "local-oppenvard-missbruk"}
    assert "se-sluta-roka-linjen" not in ids


def test_smoking_cigarettes_stays_tobacco(engine: SuggestionEngine) -> None:
    """Counter-example: cigarettes are the quitline's."""
    ids = top(engine, "en", "self", "i smoke twenty cigarettes a day and i want to quit")
    assert ids[0] == "se-sluta-roka-linjen"


# --- grief for a friend, a sibling, a cousin (blind set 13) ---------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Min bästa vän dog i en olycka i fjol, jag saknar honom"),
        ("nb", "broren min døde i fjor og jeg savner ham hele tiden"),
        ("en", "my cousin passed last spring and i still miss her every day"),
    ],
)
def test_grief_for_a_friend_or_sibling_is_mental_health(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A friend, a sibling or a cousin who died: a listening line first, not the fallback
    (addiction intake)."""
    assert top(engine, lang, "self", text)[0] in LISTENING


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "min kompis mobil dog mitt i festen så jag fick ringa hans mamma, han hade druckit "
               "för mycket"),
        ("en", "my friend's phone died so I couldn't reach him, he was really drunk last night and "
               "I'm worried about his drinking"),
    ],
)
def test_a_friends_phone_that_died_is_no_grief(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: a friend's phone that "died" is no death; the drinking leads."""
    assert top(engine, lang, "self", text)[0] in ALCOHOL


# --- homesick, wanting to talk (blind set 13) -----------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "Jeg har så mye hjemlengsel etter at jeg flyttet hit for å studere"),
        ("en", "first christmas away from home, so homesick, i just need to talk to someone"),
    ],
)
def test_homesick_and_wanting_to_talk_is_a_listening_line(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Homesickness, wanting to talk to someone: a listening line first."""
    assert top(engine, lang, "self", text)[0] in TALK


def test_talking_to_someone_about_a_debt_stays_debt(engine: SuggestionEngine) -> None:
    """Counter-example: needing to talk to someone about debts is the debt advice's."""
    text = "i need to talk to someone about my debts, the collection letters keep coming"
    assert "local-budget-skuldradgivning" in top(engine, "en", "self", text)


# --- a time of day is no social emergency (blind sets 13 and 14) --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I natt drömde jag om pappa som dog för två år sen, jag saknar honom",
        "Ikväll spelar jag poker igen och jag har redan förlorat hela lönen",
    ],
)
def test_tonight_alone_does_not_call_the_out_of_hours_social_services(
    engine: SuggestionEngine, text: str
) -> None:
    """"i natt", "ikväll" name when, not a social emergency: the out-of-hours social services
    are not first (they were, by their time-word triggers)."""
    assert top(engine, "sv", "self", text)[0] != "local-socialjour"


def test_nowhere_to_sleep_tonight_with_children_is_social_services(
    engine: SuggestionEngine,
) -> None:
    """Counter-example: nowhere to sleep tonight with the children is still social services'."""
    text = "Vi har ingenstans att sova i natt, barnen och jag, han har kastat ut oss"
    ids = top(engine, "sv", "self", text)
    assert {"local-socialjour", "local-socialtjanst-mottagning"} & set(ids)


# --- a baby's colic (blind set 13) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Vår nyfödda har kolik och skriker varje kväll i timmar, vi är helt slut"),
        ("nb", "babyen vår har kolikk og gråter hele ettermiddagen, hva kan vi gjøre?"),
        ("en", "our newborn has colic and screams for hours every evening, any advice?"),
    ],
)
def test_a_babys_colic_is_primary_care(engine: SuggestionEngine, lang: str, text: str) -> None:
    """A baby's colic and crying: health care first (1177, legevakt)."""
    assert top(engine, lang, "relative", text)[0] in PRIMARY_CARE


def test_a_baby_and_a_drunk_parent_stays_urgent(engine: SuggestionEngine) -> None:
    """Counter-example: a baby with fever and a parent who has drunk and wants to drive stays
    an emergency, 112 first."""
    text = "Bebisen har feber och jag har druckit två glas vin, kan jag köra till akuten?"
    assert top(engine, "sv", "relative", text)[0] == "se-112"


# --- exams weighing on one (blind set 13) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "tentan på fredag, pluggar dygnet runt"),
        ("nb", "eksamen neste uke, jeg leser hele døgnet"),
        ("en", "exams all next week, can't think of anything else"),
    ],
)
def test_exams_alone_are_a_listening_line(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Exams weighing on a student, nothing else said: a listening line first, not the
    fallback's addiction intake."""
    assert top(engine, lang, "self", text)[0] in LISTENING


def test_exams_beside_a_parents_drinking_stay_alcohol(engine: SuggestionEngine) -> None:
    """Counter-example: exams are a weak word; a father's drinking leads."""
    text = "I have exams next month and my dad keeps drinking every night, I can't study at home"
    assert top(engine, "en", "self", text)[0] in ALCOHOL


# --- "visits" is no visitation; an adult's safety (blind set 13) ----------------------------------


def test_a_dead_grandmother_visiting_in_dreams_is_no_social_services(
    engine: SuggestionEngine,
) -> None:
    """"visits" was read as "visitation" (one stem): social services led a chat about dreams."""
    ids = top(engine, "en", "self", "my late grandmother visits me in dreams almost every night")
    assert not {"local-socialtjanst-mottagning", "local-socialjour"} & set(ids)


def test_visitation_with_an_ex_stays_social_services(engine: SuggestionEngine) -> None:
    """Counter-example: visitation (contact with a child after a separation) is still theirs."""
    ids = top(engine, "en", "self", "my ex won't agree to visitation and I don't know who decides")
    assert ids[0] == "local-socialtjanst-mottagning"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Jag jobbar i hemtjänsten. En brukares dotter kommer full och tar hennes pengar, "
               "vem kontaktar vi om hennes säkerhet?"),
        ("en", "I'm a home care worker. A client's grandson turns up high and takes her money. "
               "Who do we call about her safety?"),
    ],
)
def test_an_adults_safety_is_the_social_services_concern(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A professional asking about an adult's safety (a client, a resident): social services
    first, above the visitor's drinking."""
    assert top(engine, lang, "professional", text)[0] == "local-socialtjanst-mottagning"


def test_a_brothers_safety_tonight_is_still_an_emergency(engine: SuggestionEngine) -> None:
    """Counter-example: fearing for a brother's safety after a suicide threat tonight is 112
    first (the out-of-hours social services had led it by "ikväll")."""
    text = "Min bror har sagt att han ska ta livet av sig ikväll, jag är rädd för hans säkerhet"
    assert top(engine, "sv", "relative", text)[0] == "se-112"


# --- prescription pills sold on (blind set 14) ----------------------------------------------------

PILLS_SOLD = {
    "se-droghjalpen", "region-mini-maria", "local-oppenvard-missbruk", "region-beroendecentrum",
    "no-rusinfo",
}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Min dotter har ADHD och får Elvanse. Nu frågar kompisar om hon kan sälja "
               "tabletterna till dem."),
        ("nb", "Sønnen min har ADHD og tar Concerta, og klassekameratene vil at han skal selge "
               "medisinen sin."),
        ("en", "my daughter has ADHD and takes concerta; her friends want her to sell her "
               "medication"),
    ],
)
def test_prescription_pills_sold_on_are_drugs(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A young person's ADHD medicine sold or passed on to friends is a drug matter: a drug or
    addiction service among the three, not only psychiatry and relatives' lines."""
    assert PILLS_SOLD & set(top(engine, lang, "relative", text))


def test_a_prescribed_stimulants_side_effect_is_no_drug(engine: SuggestionEngine) -> None:
    """Counter-example: one's own prescribed stimulant and its side effect is health care."""
    text = "Jag har fått Elvanse utskrivet för min ADHD men får huvudvärk av det, ska jag byta?"
    ids = top(engine, "sv", "self", text)
    assert ids[0] in {"se-1177", "region-vardcentral", "region-psykiatri"}
    assert "se-droghjalpen" not in ids


# --- topic patterns whose alternatives held a space ---------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag ser det framför mig varje kväll sedan branden i huset"),
        ("nb", "etter ulykka ser jeg det for meg, jeg ser det for meg om kvelden"),
        ("en", "since the crash on the motorway i see it all the time"),
    ],
)
def test_what_one_keeps_seeing_is_mental_health(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """"ser det framför mig", "see it all the time": the patterns of set 12 had alternatives
    holding a space ("hela tiden|framför mig"), which split them and found nothing."""
    assert top(engine, lang, "self", text)[0] in LISTENING


def test_seeing_it_as_a_new_start_stays_alcohol(engine: SuggestionEngine) -> None:
    """Counter-example: "I see it as a new start" is no image that keeps coming back."""
    text = "I see it as a new start after the divorce, but I drink a bottle of wine every night"
    assert top(engine, "en", "self", text)[0] in ALCOHOL


# --- rubbish is no drinking ---------------------------------------------------------------------


def test_rubbish_is_no_drinking(engine: SuggestionEngine) -> None:
    """"sopor" (rubbish) was read as "söp" (drank) typed without its ö: a neighbour's rubbish
    brought the alcohol lines."""
    text = "Min granne ställer sina sopor i trapphuset och luktar illa, han vägrar prata med någon"
    ids = top(engine, "sv", "self", text)
    assert not {"se-alkoholhjalpen", "se-aa"} & set(ids)


def test_drank_all_weekend_stays_alcohol(engine: SuggestionEngine) -> None:
    """Counter-example: "han söp hela helgen" is drinking."""
    ids = top(engine, "sv", "relative", "Han söp hela helgen igen och jag orkar inte")
    assert ids[0] == "se-alkoholhjalpen"


# --- asking to report a concern about an adult ----------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Kan man anmäla oro för en vuxen granne som dricker varje dag?"),
        ("nb", "kan jeg melde bekymring for naboen min som drikker hver dag?"),
        ("en", "can I report a concern about my neighbour, he drinks every day and never leaves "
               "the flat"),
    ],
)
def test_asking_to_report_a_concern_is_social_services(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Asking to report a concern about an adult is asking for the social services: they lead,
    above the neighbour's drinking."""
    ids = top(engine, lang, "self", text)
    assert ids[0] in {"local-socialtjanst-mottagning", "local-socialjour", "no-kommune-rus-psykisk"}


def test_not_wanting_to_report_stays_alcohol(engine: SuggestionEngine) -> None:
    """Counter-example: a neighbour's drinking without a report asked for stays the alcohol
    line's."""
    text = (
        "Min granne dricker varje dag, jag vill inte anmäla något, bara veta hur jag kan prata "
        "med honom"
    )
    assert top(engine, "sv", "self", text)[0] == "se-alkoholhjalpen"
