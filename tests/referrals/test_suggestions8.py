"""Suggestion mechanisms learnt from the top-3 misses of blind set 8 and the misses left on
blind sets 3-5, in wordings written for these tests (none is a phrase of the blind cases):
topics the directory did not know in everyday words (scars, sleep, energy drinks, seeking
therapy, eating told as behaviour, a burden to others, head-banging, a partner who takes the
phone, widowhood, homelessness, harm reduction), and questions to the service itself."""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine
from tests.referrals.helpers import top

PRIMARY_CARE = {"se-1177", "region-vardcentral", "no-legevakt"}
CRISIS_LINES = {
    "se-mind-sjalvmordslinjen",
    "se-hjalplinjen",
    "region-psykiatrisk-akutmottagning",
    "no-kirkens-sos",
    "no-mental-helse",
}
SELF_HARM = CRISIS_LINES | {"region-psykiatri", "se-bris"}
LONELINESS = {"se-jourhavande-medmanniska", "se-hjalplinjen", "no-kirkens-sos", "no-mental-helse"}
VIOLENCE = {"se-kvinnofridslinjen", "se-polisen", "se-112", "no-politi", "no-alarmtelefonen"}
HOUSING = {"local-socialtjanst-mottagning", "local-uppsokare", "local-socialjour"}
ADDICTION_CARE = {"region-beroendecentrum", "local-oppenvard-missbruk", "no-kommune-rus-psykisk"}



# --- topics in everyday words ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag har kvar fula ärr på benen sen gymnasiet, kan man lasra bort sånt?"),
        ("nb", "arrene på håndleddet er gamle nå, men jeg vil gjerne få dem fjernet"),
        ("en", "the scars on my wrists are old but i want them treated, who does that?"),
    ],
)
def test_old_scars_point_at_primary_care(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Scars to be treated are a matter for primary care, not a crisis line."""
    ids = top(engine, lang, "self", text)
    assert PRIMARY_CARE & set(ids[:2])


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "sover typ tre timmar per natt sen i somras, orkar inget på jobbet"),
        ("nb", "jeg sover bare fire timer om natta og er helt ødelagt på dagtid"),
        ("en", "i only sleep like three hours a night and i'm a wreck at work"),
    ],
)
def test_short_nights_point_at_primary_care(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Sleeping a few hours a night is a matter for primary care."""
    ids = top(engine, lang, "self", text)
    assert PRIMARY_CARE & set(ids)
    assert "se-alkoholhjalpen" not in ids[:1]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "sv",
            "jag dricker alldeles för mycket kaffe, typ åtta koppar om dan. hur trappar man ner?",
        ),
        ("en", "how do i cut down on energy drinks? i drink four a day and can't focus"),
    ],
)
def test_a_bare_drinking_verb_takes_its_object_from_the_conversation(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """With only coffee or energy drinks named, "i drink four a day" is no alcohol."""
    ids = top(engine, lang, "self", text)
    assert PRIMARY_CARE & set(ids[:2])
    assert "se-alkoholhjalpen" not in ids


def test_drinking_wine_is_still_alcohol(engine: SuggestionEngine) -> None:
    """Counter-example: the drink named is alcohol, so the alcohol services stay first."""
    ids = top(engine, "sv", "self", "dricker två flaskor vin om dan och kan inte sluta")
    assert {"se-alkoholhjalpen", "local-oppenvard-missbruk", "region-beroendecentrum"} & set(
        ids[:2]
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "funderar på att söka terapi för min oro, hur går man till väga?"),
        ("en", "i want to start therapy for my moods, how do i find a therapist here?"),
        ("nb", "jeg vil begynne i terapi, hvordan får jeg det?"),
    ],
)
def test_seeking_therapy_points_at_care(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Wanting to start therapy points at primary care and psychiatry."""
    ids = top(engine, lang, "self", text)
    assert (PRIMARY_CARE | {"region-psykiatri"}) & set(ids[:2])


def test_being_in_therapy_already_does_not_outweigh_the_question(
    engine: SuggestionEngine,
) -> None:
    """Counter-example: a visitor already in therapy who asks for a group keeps the helpline."""
    ids = top(
        engine,
        "sv",
        "self",
        "för två år sen hade jag självmordstankar. nu går jag i terapi och mår bättre",
        "finns det någon grupp där man kan prata med andra som varit med om samma sak?",
    )
    assert "se-hjalplinjen" in ids or "local-this-service" in ids


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "i binge eat after work and then starve myself all weekend, is that an issue?"),
        ("sv", "jag hetsäter på kvällarna och svälter mig dagen efter, vem kan hjälpa?"),
        ("nb", "jeg overspiser om kvelden og sulter meg dagen etter"),
    ],
)
def test_eating_told_as_behaviour_points_at_care(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Bingeing and starving is an eating problem: primary care or psychiatry."""
    ids = top(engine, lang, "self", text)
    assert (PRIMARY_CARE | {"region-psykiatri"}) & set(ids)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "alla skulle må bättre om de slapp mig, jag är bara en belastning för familjen"),
        ("nb", "jeg er bare en byrde for alle rundt meg"),
        ("en", "i'm just a burden to everyone around me, they'd be relieved"),
        ("en", "lately i don't see the point of waking up at all"),
        ("sv", "jag ser ingen poäng längre med någonting"),
    ],
)
def test_a_burden_and_no_point_point_at_crisis_lines(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Feeling a burden to others, or seeing no point in waking up: the crisis lines."""
    assert CRISIS_LINES & set(top(engine, lang, "self", text))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "när det blir för mycket dunkar jag huvudet mot golvet tills det gör ont"),
        ("nb", "jeg slår hodet i døra når jeg får panikk"),
        ("en", "i keep banging my head against the mirror until it hurts"),
    ],
)
def test_head_banging_against_anything_is_self_harm(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Hitting one's head against anything, until it hurts, is self-harm."""
    assert SELF_HARM & set(top(engine, lang, "self", text))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "min sambo har tagit min telefon och låst ytterdörren, han är så arg"),
        ("nb", "kjæresten min har tatt telefonen min og låser meg inne når han drikker"),
        ("en", "my boyfriend took my phone and locked the front door, i can't get out"),
    ],
)
def test_a_partner_who_takes_the_phone_and_locks_the_door_is_violence(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Taking a partner's phone, locking them in: control, a matter for the violence lines."""
    assert VIOLENCE & set(top(engine, lang, "self", text))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag är änka sen i våras och det är så tyst i huset på kvällarna"),
        ("nb", "ble enke i fjor, og det er så stille i huset nå. noen å prate med?"),
        ("en", "i'm a widower, 79, and i don't know anyone in this town"),
    ],
)
def test_widowhood_and_a_quiet_home_point_at_someone_to_talk_to(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Widowed, alone in a quiet house, knowing nobody: someone to talk to."""
    assert LONELINESS & set(top(engine, lang, "self", text))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "har inget ställe att sova i natt, har slutat med spriten men det är tufft"),
        ("en", "i have no place to stay, sleeping in my car since march, quit drinking though"),
    ],
)
def test_homelessness_in_everyday_words_points_at_social_services(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """No place to sleep is housing, ahead of the habit the visitor has quit."""
    ids = top(engine, lang, "self", text)
    if lang == "sv":
        assert HOUSING & set(ids[:2])
    else:
        assert "local-socialtjanst-mottagning" in ids or "local-uppsokare" in ids


@pytest.mark.parametrize(
    ("lang", "role", "text"),
    [
        ("sv", "self", "var får man tag på naloxon, och finns det sprutbyte här?"),
        ("en", "self", "where do people get naloxone kits, and is there a needle exchange?"),
    ],
)
def test_harm_reduction_points_at_addiction_care(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """Naloxone and needle exchange are a matter for addiction care."""
    assert ADDICTION_CARE & set(top(engine, lang, role, text))


# --- questions to the service itself ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "kan æ skriv te dokker uten at nokon på jobben får vite det?"),
        ("en", "what is your policy if someone under 18 writes in?"),
        ("en", "i've been clean for six years and would love to volunteer, or to share my story"),
        ("sv", "jag har varit nykter i fem år och vill gärna berätta min historia för andra"),
    ],
)
def test_questions_to_the_service_get_the_chat_itself(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Addressing the service ("dokker", "your policy", volunteering): the chat itself."""
    assert "local-this-service" in top(engine, lang, "self", text)


# --- code mechanisms: time, taking back, bare verbs, quitting tobacco, who is written about ----


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag skar mig som tonåring och har kvar ärren. nu är jag 35, vart vänder jag mig?"),
        (
            "en",
            "i used to cut in high school, i'm 31 now and the scars bother me. who treats that?",
        ),
        ("nb", "jeg kuttet meg som tenåring og har arr igjen. hvem kan hjelpe med det nå?"),
    ],
)
def test_the_writers_own_teens_are_time_not_a_topic(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """ "som tonåring", "used to", "in high school" date the past: no parenting, no drugs."""
    ids = top(engine, lang, "self", text)
    assert PRIMARY_CARE & set(ids[:2])
    assert not {"local-foraldrastod", "region-mini-maria", "se-droghjalpen"} & set(ids)


def test_a_teenager_now_is_still_youth(engine: SuggestionEngine) -> None:
    """Counter-example: a parent of a teenager now gets the parenting and youth services."""
    ids = top(engine, "sv", "relative", "vår tonåring har börjat dricka på helgerna, vad gör vi?")
    assert {"local-foraldrastod", "region-mini-maria"} & set(ids)


@pytest.mark.parametrize(
    ("lang", "texts", "expected"),
    [
        (
            "sv",
            (
                "jag vill typ dö, så pinsamt igår",
                "skojar bara asså. men jag super varje helg, är det farligt?",
            ),
            {"se-alkoholhjalpen", "local-oppenvard-missbruk", "region-vardcentral"},
        ),
        (
            "en",
            ("ugh kill me now", "just kidding lol. but i gamble every night, how do i stop?"),
            {"se-stodlinjen-spel", "se-spelpaus"},
        ),
    ],
)
def test_a_line_the_next_takes_back_weighs_less(
    engine: SuggestionEngine, lang: str, texts: tuple[str, ...], expected: set[str]
) -> None:
    """A risk the next line takes back ("skojar bara") weighs like a joke; the question leads."""
    assert expected & set(top(engine, lang, "self", *texts)[:2])


def test_smoking_is_the_drug_the_conversation_names(engine: SuggestionEngine) -> None:
    """With weed named, "alla röker" is about weed: the drug services, not the quitline."""
    ids = top(
        engine,
        "sv",
        "self",
        "har rökt weed varje kväll i ett år, är 16",
        "vill sluta men alla kompisar röker",
    )
    assert {"se-droghjalpen", "region-mini-maria"} & set(ids[:2])
    assert "se-sluta-roka-linjen" not in ids[:1]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "vill sluta röka men får sån abstinens, hur klarar man första veckan?"),
        ("nb", "jeg vil slutte med snus men abstinensen er helt jævlig"),
        ("en", "i want to quit vaping but the withdrawal is awful"),
    ],
)
def test_quitting_tobacco_gets_the_quitline(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Quitting and withdrawal with tobacco alone: the quitline (or primary care) first."""
    ids = top(engine, lang, "self", text)
    if lang == "nb":
        assert {"no-legevakt", "no-kommune-rus-psykisk", "no-rusinfo"} & set(ids)
    else:
        assert ids[0] == "se-sluta-roka-linjen"


def test_quitting_drink_and_tobacco_keeps_addiction_care(engine: SuggestionEngine) -> None:
    """Counter-example: with alcohol named too, addiction care stays in the list."""
    ids = top(engine, "sv", "self", "vill sluta både dricka och röka, har abstinens varje morgon")
    assert {"region-beroendecentrum", "local-oppenvard-missbruk", "se-alkoholhjalpen"} & set(ids)


def test_an_ageing_parent_gets_support_for_relatives(engine: SuggestionEngine) -> None:
    """A grown child about a parent of 80 who needs them: support for relatives."""
    ids = top(
        engine,
        "sv",
        "relative",
        "pappa är 84 och klarar sig inte själv längre, jag åker dit varje dag och är helt slut",
    )
    assert {"se-anhoriglinjen", "local-anhorigstod"} & set(ids[:2])


def test_years_ago_is_no_age(engine: SuggestionEngine) -> None:
    """ "det är 20 år sen" is a time ago, not someone aged 20 (no youth services)."""
    ids = top(
        engine,
        "sv",
        "relative",
        "min bror drack mycket förut, det är 20 år sen nu. nu dricker han igen, hur stöttar jag?",
    )
    assert "region-mini-maria" not in ids
    assert "local-foraldrastod" not in ids


# --- blind set 9 -----------------------------------------------------------------------------

EMERGENCY = {"se-112", "no-113", "no-politi", "se-polisen"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "farfar har trillat i hallen och kan inte resa sig, han ringde mig nyss"),
        ("sv", "det ligger någon i snön vid cykelstället och rör sig knappt"),
        ("nb", "en dame har gått gjennom isen ute på fjorden, vi ser henne fra brygga"),
        ("nb", "naboen på 90 har falt og kommer seg ikke opp, hun roper på hjelp"),
        ("en", "my neighbour fell in the shower and can't get up, i can hear her through the wall"),
        ("en", "a kid just fell through the ice by the harbour, he is holding on to the edge"),
    ],
)
def test_someone_in_physical_danger_gets_the_emergency_number(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Fallen and unable to get up, on the ice, lying still in the snow: 112 / 113 first,
    whatever the urgency verdict."""
    ids = top(engine, lang, "relative", text)
    assert EMERGENCY & set(ids[:2])


def test_a_fall_long_ago_does_not_lead_with_the_emergency_number(
    engine: SuggestionEngine,
) -> None:
    """Counter-example: a fall told about the clear past; the question is support now."""
    ids = top(
        engine,
        "sv",
        "relative",
        "för två år sen ramlade mamma och kom inte upp på hela natten. nu bor hon på ett "
        "boende och jag är så trött, finns det stöd för anhöriga?",
    )
    assert ids[0] != "se-112"
    assert {"se-anhoriglinjen", "local-anhorigstod"} & set(ids)


def test_one_mention_counts_once(engine: SuggestionEngine) -> None:
    """ "ta livet av sig" found by an urgent phrase and a topic phrase counts once: a child's
    question about a sibling's attempt long ago gets the children's line first."""
    ids = top(
        engine,
        "sv",
        "child",
        "min syster försökte ta livet av sig för tre år sen. nu mår hon bra",
        "men jag tänker på det ibland, är det konstigt?",
    )
    assert ids[0] == "se-bris"


@pytest.mark.parametrize(
    ("lang", "role", "text"),
    [
        (
            "sv",
            "professional",
            "Jag jobbar på socialtjänsten. Kan mina klienter med spelproblem kontakta er själva?",
        ),
        (
            "en",
            "professional",
            "I'm a social worker. What do you advise when a client keeps relapsing on alcohol?",
        ),
    ],
)
def test_the_writers_workplace_and_title_are_not_the_topic(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """ "jobbar på socialtjänsten", "I'm a social worker": who writes; the question leads."""
    ids = top(engine, lang, role, text)
    assert "local-this-service" in ids
    assert ids[0] != "local-socialtjanst-mottagning"


def test_working_on_quitting_is_no_workplace(engine: SuggestionEngine) -> None:
    """Counter-example: "jobbar på att sluta dricka" keeps the alcohol services."""
    ids = top(engine, "sv", "self", "jag jobbar på att sluta dricka men det går trögt")
    assert {"se-alkoholhjalpen", "local-oppenvard-missbruk", "region-beroendecentrum"} & set(ids)


def test_a_group_without_a_substance_is_not_aa(engine: SuggestionEngine) -> None:
    """A group to talk with others, no substance named: not AA or NA."""
    ids = top(engine, "sv", "self", "finns det någon grupp för folk som mår dåligt och vill prata?")
    assert not {"se-aa", "se-na"} & set(ids)


def test_a_group_for_drinking_is_still_aa(engine: SuggestionEngine) -> None:
    """Counter-example: a group for people who want to stop drinking keeps AA."""
    ids = top(engine, "sv", "self", "finns det någon grupp för folk som vill sluta dricka?")
    assert "se-aa" in ids


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "sv",
            "våra barnbarn bor hos oss varannan vecka och vi vet inte hur vi ska sätta gränser",
            {"local-foraldrastod"},
        ),
        (
            "sv",
            "finns det grupper för vuxna barn till spelberoende föräldrar?",
            {"local-anhorigstod", "se-anhoriglinjen", "se-stodlinjen-spel"},
        ),
        (
            "en",
            "i drink about 30 units a week, is that a lot?",
            {"se-alkoholhjalpen", "region-vardcentral"},
        ),
        ("nb", "kona mi døde i vår og kveldene er så lange", {"no-kirkens-sos", "no-mental-helse"}),
        (
            "nb",
            "faren min tok livet sitt da jeg var liten, jeg tenker mye på det nå",
            {"no-kirkens-sos", "no-mental-helse"},
        ),
        ("sv", "får man ta med en vän till första besöket hos er?", {"local-this-service"}),
    ],
)
def test_set_9_topics_in_everyday_words(
    engine: SuggestionEngine, lang: str, text: str, expected: set[str]
) -> None:
    """Grandchildren, grown children of a parent with a problem, units of alcohol, a partner
    who died and the evenings, a parent's suicide, bringing someone to a visit."""
    assert expected & set(top(engine, lang, "self", text))


def test_norwegian_long_is_no_drug_dealing(engine: SuggestionEngine) -> None:
    """Norwegian "lang" (long) is not the Swedish "langar" (deals drugs)."""
    ids = top(engine, "nb", "self", "det har vært en lang og tung vinter, jeg er helt sliten")
    assert "no-rusinfo" not in ids


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "i overdosed at a party years ago and now my younger cousin is starting down the "
            "same road, how do i talk to him?",
            {"se-droghjalpen", "se-na", "local-this-service"},
        ),
        (
            "en",
            "seven years sober after a rough time, do you run any peer groups "
            "i could volunteer in?",
            {"local-this-service"},
        ),
        ("sv", "jag hör grannen ropa hjälp inifrån lägenheten, vad gör jag?", {"se-112"}),
    ],
)
def test_an_overdose_is_a_drug_and_volunteering_and_cries_for_help(
    engine: SuggestionEngine, lang: str, text: str, expected: set[str]
) -> None:
    """An overdose says drugs; "could volunteer" addresses the service; a cry for help is 112."""
    assert expected & set(top(engine, lang, "self", text))


def test_a_bare_copula_and_a_number_is_the_writers_age(engine: SuggestionEngine) -> None:
    """ "e 16, drack ..." drops the "jag": a young writer, so youth services, not AA."""
    ids = top(
        engine, "sv", "self", "e 16, drack för mycket på festen igår o mår skit. är det farligt?"
    )
    assert "se-aa" not in ids
    assert {"region-mini-maria", "se-bris", "local-barn-anhoriga", "se-1177"} & set(ids)


def test_an_adult_writer_still_gets_adult_services(engine: SuggestionEngine) -> None:
    """Counter-example: "det är 17 år sen" is no age; an adult drinker keeps AA and the like."""
    ids = top(
        engine, "sv", "self", "det är 17 år sen jag slutade dricka men nu har jag börjat igen"
    )
    assert "region-mini-maria" not in ids


def test_a_parent_of_a_young_child_gets_parenting(engine: SuggestionEngine) -> None:
    """A parent about their child of 9 who met hateful words in a game: parenting support."""
    ids = top(
        engine,
        "sv",
        "relative",
        "någon i ett spel skrev att min dotter borde dö, hon är 9. "
        "hur pratar man med henne om sånt?",
    )
    assert "local-foraldrastod" in ids


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "sonen sitter med datorspel 8 timmar om dagen på sommarlovet, är han spelberoende?"),
        ("nb", "datteren min gamer 7 timer om dagen, er det spilleavhengighet?"),
        ("en", "my son plays video games eight hours a day and never goes out, is that normal?"),
    ],
)
def test_too_much_gaming_without_money_is_primary_care(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Video games for hours, no money at stake: primary care, not the gambling lines."""
    ids = top(engine, lang, "relative", text)
    assert not {"se-stodlinjen-spel", "se-spelpaus", "no-hjelpelinjen"} & set(ids[:1])
    assert (PRIMARY_CARE | {"local-foraldrastod"}) & set(ids)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "spelar fifa hela dagarna och har satsat flera tusen kronor på packs"),
        ("en", "i gamble on skins in a game every night and lost my rent money"),
    ],
)
def test_a_game_with_money_at_stake_is_gambling(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: money at stake in a game keeps the gambling lines."""
    assert {"se-stodlinjen-spel", "se-spelpaus"} & set(top(engine, lang, "self", text))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "im so confused about my feelings for my girlfriend, and i drink a bit too much"),
        ("en", "its freezing in my flat and i cant pay the heating bill"),
        ("sv", "det är minusgrader ute och jag är så förvirrad över vad jag vill med livet"),
    ],
)
def test_the_weather_or_a_state_of_mind_alone_is_no_emergency(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: "confused", "freezing", "minusgrader" alone do not bring 112."""
    assert "se-112" not in top(engine, lang, "self", text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag ser ingen poäng med att plugga till provet, det är ändå kört"),
        ("en", "what's the point of going to the party if she isn't there"),
    ],
)
def test_no_point_in_an_everyday_task_is_no_crisis(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: no point in studying or a party does not bring the crisis lines."""
    ids = top(engine, lang, "self", text)
    assert "se-mind-sjalvmordslinjen" not in ids[:1]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "han blir et monster når han drikker, jeg vil snakke med noen"),
        ("en", "he does coke on weekends and drinks every night"),
    ],
)
def test_drinking_stays_alcohol_without_a_soft_drink(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: "monster", "coke" are no soft drinks here; drinking stays alcohol."""
    ids = top(engine, lang, "relative", text)
    assert {
        "no-rusinfo",
        "no-kommune-rus-psykisk",
        "no-parorendetelefonen",
        "se-alkoholhjalpen",
        "se-droghjalpen",
        "local-anhorigstod",
    } & set(ids)


def test_living_in_the_countryside_is_no_homelessness(engine: SuggestionEngine) -> None:
    """Counter-example: "bor ute på landet" is where one lives, not sleeping rough."""
    ids = top(engine, "sv", "relative", "vi bor ute på landet och min man dricker varje dag")
    assert not {"local-uppsokare", "local-socialjour"} & set(ids)


def test_feeling_no_shame_is_no_loneliness(engine: SuggestionEngine) -> None:
    """Counter-example: "känner ingen skam" is a feeling, not knowing nobody."""
    ids = top(engine, "sv", "self", "jag känner ingen skam längre när jag dricker på jobbet")
    assert ids[0] != "se-jourhavande-medmanniska"


def test_knowing_nobody_in_a_new_town_is_loneliness(engine: SuggestionEngine) -> None:
    """Knowing nobody where one lives: someone to talk to."""
    ids = top(
        engine, "sv", "self", "flyttade hit i höstas och känner ingen här, kvällarna är långa"
    )
    assert LONELINESS & set(ids)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag kommer inte upp ur sängen på morgnarna, allt känns tungt"),
        ("en", "my boyfriend is not responding to my texts and i can't get up in the mornings"),
        ("en", "we were out on the ice skating all afternoon, then i drank too much"),
        ("nb", "han kommer seg ikke opp av senga og sier ingenting"),
    ],
)
def test_everyday_words_of_a_fall_or_the_ice_are_no_emergency(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: not getting up in the mornings, unanswered texts, skating: no 112."""
    assert not EMERGENCY & set(top(engine, lang, "self", text))


def test_an_old_parent_without_a_problem_is_no_relatives_case(engine: SuggestionEngine) -> None:
    """Counter-example: a father of 70 who plays golf adds no support for relatives."""
    ids = top(engine, "sv", None, "min pappa är 70 och spelar golf varje dag, vi bråkar om arvet")
    assert "se-anhoriglinjen" not in ids[:1]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "our son is in high school and drinks every weekend, how do we handle it?"),
        ("sv", "vår dotter går i högstadiet och dricker varje helg, hur gör vi?"),
    ],
)
def test_a_child_at_school_now_is_still_youth(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: a son in high school now is no phrase of the past: youth, parenting."""
    assert {"local-foraldrastod", "region-mini-maria"} & set(top(engine, lang, "relative", text))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag är spelberoende, sitter på nätcasino 8 timmar om dagen"),
        ("en", "i play poker online eight hours a day and can't stop"),
    ],
)
def test_hours_of_gambling_are_still_gambling(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: hours a day at a casino or poker are gambling, money named or not."""
    assert {"se-stodlinjen-spel", "se-spelpaus"} & set(top(engine, lang, "self", text))


def test_a_relative_who_drinks_water_does_not_hide_the_drinking(engine: SuggestionEngine) -> None:
    """Counter-example: "han dricker, jag dricker bara vatten" keeps the alcohol services."""
    ids = top(
        engine, "sv", "relative", "min man dricker varje kväll, själv dricker jag bara vatten"
    )
    assert {"se-alkoholhjalpen", "local-anhorigstod"} & set(ids)


def test_coming_home_is_no_visit_to_the_service(engine: SuggestionEngine) -> None:
    """Counter-example: "when i come home he's drunk" does not address the chat."""
    ids = top(
        engine, "en", "relative", "when i come home he's always drunk and i bring my mum along"
    )
    assert ids[0] != "local-this-service"
