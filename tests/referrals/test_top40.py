"""Blind sets 35 and 36's calm top-3 misses with a general cause (branch top40).

Sets 35 (BW) and 36 (BX) were read for this branch. Each fix is tested in wordings of our own
(none is a phrase of the sets), with near-misses beside them. Lines are separated by newlines.
Urgency is not touched: every wording here is calm, and stays so.
"""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine

from .helpers import chat_text

RELATIVES = {"local-anhorigstod", "se-anhoriglinjen", "no-parorendetelefonen"}
OWN_DRINKING = {"se-alkoholhjalpen", "se-aa", "no-rusinfo", "region-beroendecentrum"}
OWN_HABIT = OWN_DRINKING | {
    "se-droghjalpen", "se-na", "se-stodlinjen-spel", "se-spelpaus", "local-oppenvard-missbruk",
    "no-kommune-rus-psykisk", "region-vardcentral",
}
THIS_CHAT = "local-this-service"
HEALTH_GUIDE = "se-1177"
SUICIDE_LINES = {"se-mind-sjalvmordslinjen", "se-hjalplinjen"}
LONELINESS_LINES = {
    "no-kirkens-sos", "no-mental-helse", "se-hjalplinjen", "se-jourhavande-medmanniska",
}


def top3(engine: SuggestionEngine, lang: str, role: str, text: str) -> list[str]:
    result = engine.suggest(chat_text(lang, role, text), top=3)
    assert not result.urgent, result.urgent_reasons
    return result.ids


# --- a parent's drinking, told by their grown child: a relatives' matter -------------------------

GROWN_CHILDREN = [
    ("sv", "pappa söp hela min uppväxt. nu är han nykter sedan tio år\n"
           "men jag är så arg på honom fortfarande"),
    ("sv", "min mamma var alkoholist när jag var liten, hon gick bort för två år sen. "
           "finns det stöd för vuxna som haft det så?"),
    ("nb", "faren min drakk mye da jeg var barn. han har vært edru i mange år nå, "
           "men jeg sliter fortsatt med det"),
    ("en", "my dad was a heavy drinker all through my childhood. he stopped years ago "
           "but I still feel it"),
    ("en", "I grew up with a mother who drank every night. she died last spring and "
           "I don't know what to do with everything I feel"),
]


@pytest.mark.parametrize(("lang", "text"), GROWN_CHILDREN)
def test_a_grown_child_of_a_parent_who_drank_gets_relatives_support(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A parent's drinking, sober or dead now, told by their grown child signed in as "self":
    support for relatives leads, not help to cut down one's own drinking."""
    ids = top3(engine, lang, "self", text)
    assert RELATIVES & set(ids), ids
    assert ids[0] not in OWN_DRINKING, ids


OWN_HABITS = [
    # the writer's own habit, with a parent named in the same sentence or beside it
    ("sv", "jag har spelat bort lönen och lånat av min pappa för att täcka det"),
    ("sv", "jag dricker för mycket, min mamma drack också när jag var liten"),
    ("sv", "tar en flaska vin varje kväll. mamma gjorde likadant. hur bryter jag det?"),
    ("en", "I've been smoking weed daily since I moved out of my parents' place, want to quit"),
    ("en", "my father drank himself to death and now I drink every night too. "
           "is there help for me?"),
    # a film's mother, not the writer's ("en mamma", "mamman")
    ("sv", "jag dricker varje helg och såg en film om en mamma som super, blev rädd"),
    # the writer asking about their own risk
    ("nb", "moren min var alkoholiker. er det arvelig, og hva er risikoen for egen del?"),
]


@pytest.mark.parametrize(("lang", "text"), OWN_HABITS)
def test_the_writers_own_habit_beside_a_parent_stays_the_writers(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A habit told in the writer's own clause ("jag dricker", a clause with no one named), or
    a grown child's question of their own risk, keeps the help for one's own habit in the
    list, and support for relatives does not lead."""
    ids = top3(engine, lang, "self", text)
    assert OWN_HABIT & set(ids), ids
    assert ids[0] not in RELATIVES, ids


def test_a_parent_drinking_now_is_read_as_before(engine: SuggestionEngine) -> None:
    """Only a habit told as over or of the writer's childhood is read anew: a parent drinking
    now beside the writer's own worries keeps the drinking's services first, as on main."""
    text = "mamma dricker varje kväll och jag har prov hela veckan, kan inte plugga hemma"
    ids = top3(engine, "sv", "self", text)
    assert ids[0] == "se-alkoholhjalpen", ids


def test_whose_habit_a_clause_tells(engine: SuggestionEngine) -> None:
    """The line analysis behind it: a parent named alone in a clause owns its habit; the writer
    in the clause, or no one, makes it the writer's; the writer's childhood makes it the
    parent's again."""
    parent = engine._analyse("mamma drack mycket, hon är nykter nu")
    assert "alcohol" in parent.parent_topics and "alcohol" not in parent.own_topics
    own = engine._analyse("jag dricker vin med min pappa varje helg")
    assert "alcohol" in own.own_topics
    bare = engine._analyse("öppnar en flaska vin varje kväll")
    assert "alcohol" in bare.own_topics
    childhood = engine._analyse("my mum drank every day when I was small")
    assert "alcohol" in childhood.parent_topics and "alcohol" not in childhood.own_topics
    film = engine._analyse("såg en film om en pappa som super")
    assert "alcohol" not in film.parent_topics


def test_a_relatives_role_is_not_changed(engine: SuggestionEngine) -> None:
    """Only a writer signed in as "self" is read anew: a relative's role already reads a
    parent's habit as theirs, and a child writing of a parent keeps the children's services."""
    ids = top3(engine, "sv", "child", "jag är 12 och pappa dricker varje kväll")
    assert not RELATIVES & set(ids[:1]), ids


# --- booking, a referral, the ID asked for: the service itself -----------------------------------

BOOKING_QUESTIONS = [
    ("sv", "hur bokar jag en tid hos er? vill prata om mitt spelande"),
    ("sv", "behövs det remiss för att komma till er, eller kan man ringa själv?"),
    ("en", "how can I book a session with someone? it's about my anxiety"),
    ("en", "do I need a referral or can I just come in?"),
    ("en", "I work as a social worker. can I refer clients with gambling debts to you?"),
    ("nb", "hvordan booker man en samtale hos dere? trenger jeg henvisning?"),
]


@pytest.mark.parametrize(("lang", "text"), BOOKING_QUESTIONS)
def test_asking_how_to_book_or_be_referred_gets_the_chat_itself(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """How to book here, whether a referral is needed, a professional's referral to it: the
    service itself answers, whatever the conversation is about."""
    assert THIS_CHAT in top3(engine, lang, "unknown", text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "I booked an appointment at the clinic for my knee"),
        ("sv", "min läkare skrev en remiss till ortopeden för knät"),
        ("en", "the GP referred my mum to a specialist for her hip"),
    ],
)
def test_a_visit_or_referral_elsewhere_is_no_question_for_the_chat(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A visit booked or a referral written elsewhere is told, not asked of this service."""
    assert THIS_CHAT not in top3(engine, lang, "self", text)


def test_a_norwegian_identity_number_places_the_chat_in_norway(engine: SuggestionEngine) -> None:
    """Asked in English about one's fødselsnummer: the writer lives in Norway."""
    text = "will you ask for my fødselsnummer? I want help with my gambling"
    ids = top3(engine, "en", "self", text)
    assert all(not i.startswith("se-") for i in ids), ids


# --- friends one does not have: loneliness -------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "moved to Bergen for work a year ago and I haven't made any friends here"),
        ("en", "I live in Norway and I don't have any close friends, evenings are empty"),
        ("sv", "flyttade hit för jobbet och har inte några vänner här än"),
        ("nb", "flyttet til Tromsø i fjor, har ingen ekte venner her"),
    ],
)
def test_friends_one_does_not_have_is_loneliness(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    assert LONELINESS_LINES & set(top3(engine, lang, "self", text))


def test_friends_who_are_there_are_no_loneliness(engine: SuggestionEngine) -> None:
    ids = top3(engine, "en", "self", "I have real friends here who help me stay off the booze")
    assert not LONELINESS_LINES & set(ids[:1]), ids


# --- breastfeeding and a drink: a health question ------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "I'm breastfeeding my 3 month old. is one beer at dinner ok?"),
        ("sv", "jag ammar fortfarande, hur länge ska jag vänta efter ett glas vin?"),
    ],
)
def test_breastfeeding_and_a_drink_is_for_the_health_guide(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    assert HEALTH_GUIDE in top3(engine, lang, "self", text)


# --- how to tell whether someone means it, beside words of suicide -------------------------------

def test_how_to_tell_whether_a_friend_means_it_gets_the_suicide_lines(
    engine: SuggestionEngine,
) -> None:
    text = ("min väninna skrev 'nu tar jag livet av mig' när bussen var sen haha, hon mår bra "
            "och vi skrattade åt det. men hur märker man om någon menar allvar?")
    assert SUICIDE_LINES & set(top3(engine, "sv", "relative", text))


def test_whether_someone_means_to_stop_drinking_is_no_suicide_question(
    engine: SuggestionEngine,
) -> None:
    """Without words of suicide, asking whether someone means it adds nothing to suicide."""
    text = "min sambo lovar att sluta dricka. hur vet man om han menar allvar?"
    ids = top3(engine, "sv", "relative", text)
    assert not SUICIDE_LINES & set(ids), ids


# --- a song played everywhere is no gambling -----------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "hva heter låta som spilles på radio hele tiden nå?"),
        ("sv", "vad heter låten som spelas överallt i sommar?"),
    ],
)
def test_a_song_played_everywhere_is_no_gambling(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    ids = top3(engine, lang, "self", text)
    assert not {"no-hjelpelinjen", "se-stodlinjen-spel", "se-spelpaus"} & set(ids), ids
