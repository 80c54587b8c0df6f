"""Blind set 25's remaining top-3 misses and false alarms with a general cause (branch top27).

Set 25 was read for this branch. Each mechanism is tested in wordings of our own (none is a
phrase of the set), calm or well-placed ones beside alarming near-twins that stay urgent by the
concept rules alone (``model=None``). Lines are separated by newlines.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine, topic_weight

QUITLINE = "se-sluta-roka-linjen"

# --- the spoken word for a cigarette, and dying without one ------------------------------------

CRAVINGS = [
    ("sv", "jag dör om jag inte får en ciggis snart\nfjärde dagen utan nu, hur klarar man det?"),
    ("en", "i'll die if i don't get a ciggie soon\nday five without, how do people cope?"),
]


@pytest.mark.parametrize(("lang", "text"), CRAVINGS)
def test_a_craving_for_a_cigarette_gets_the_quitline_and_no_alarm(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """"Cigg", "ciggis", "ciggie" are tobacco; dying without one is a craving, no death wish."""
    result = engine.suggest(chat_text(lang, "self", text), top=3)
    assert not result.urgent, result.urgent_reasons
    assert QUITLINE in result.ids


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "fick ingen cigg på hela dagen"),
        ("nb", "har ikke tatt en sigg på fem dager"),
        ("en", "haven't had a single cig all week"),
    ],
)
def test_the_spoken_words_for_a_cigarette_are_tobacco(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    assert topic_weight(engine, text, "tobacco", lang) > 0.0


def test_a_craving_in_norwegian_is_no_alarm(engine: SuggestionEngine) -> None:
    text = "jeg dør hvis jeg ikke får en sigg snart\nfemte dagen uten, hvordan holder man ut?"
    assert not engine.urgency(chat_text("nb", "self", text))[0]


def test_a_cigarette_pressed_to_the_skin_stays_self_harm(directory: Directory) -> None:
    urgent, reasons = rules_engine(directory).urgency(
        chat_text("sv", "self", "tryckte ciggen mot armen igen nyss")
    )
    assert urgent and any(r.startswith("self_harm:") for r in reasons), reasons


# --- a threat for when the pub closes ----------------------------------------------------------

THREATS = [
    ("sv", "mitt ex har ringt hela kvällen\nhan säger att han ska komma och lära mig en läxa "
     "när krogen stänger\njag är ensam hemma"),
    ("nb", "eksen min har ringt hele kvelden\nhan sier han skal komme og gjøre det ferdig når "
     "puben stenger\njeg er alene hjemme"),
    ("en", "my ex has been calling all evening\nhe says he'll come over and finish this when the "
     "pub closes\ni'm home alone"),
]


@pytest.mark.parametrize(("lang", "text"), THREATS)
def test_a_threat_for_closing_time_is_violence(
    directory: Directory, lang: str, text: str
) -> None:
    """A closing time is an announced hour: the threat is violence (not self-harm), by the
    rules alone, and the emergency number leads."""
    engine = rules_engine(directory)
    result = engine.suggest(chat_text(lang, "self", text), top=3)
    assert result.urgent and all(r.startswith("violence:") for r in result.urgent_reasons), (
        result.urgent_reasons
    )
    assert result.ids[0] in {"se-112", "no-113"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "mitt ex ringde, han ska hit och hämta sina grejer när krogen stänger"),
        ("en", "my ex called, he'll come by to pick up his stuff when the bar closes"),
    ],
)
def test_a_visit_at_closing_time_without_a_threat_is_calm(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    assert not engine.urgency(chat_text(lang, "self", text))[0]


def test_coming_here_is_no_blow(engine: SuggestionEngine) -> None:
    """"ska hit" is coming here, not the English verb "hit"."""
    assert topic_weight(engine, "mamma ska hit ikväll med maten", "violence", "sv") == 0.0


# --- a drink named only as what one wants to talk about ----------------------------------------

TALKED = [
    ("sv", "slutade dricka 2016 efter ett självmordsförsök\nidag har jag två barn och ett jobb "
     "jag gillar\nfinns det grupper där man kan prata om minnen kring alkoholen?"),
    ("nb", "prøvde å ta livet mitt i 2014 da jeg drakk som verst\ni dag har jeg to barn og har "
     "det fint\nhar dere grupper der man kan snakke om gamle ting rundt alkoholen?"),
    ("en", "i tried to end my life in 2014 when i drank the most\ntoday i have two kids and a "
     "good job\nare there groups where you can talk about memories around alcohol?"),
]

DRUNK_WITH_CHILDREN = [
    ("sv", "jag har två små barn\nidag har jag druckit vin sen lunch och är ensam med dem\nvill "
     "prata om alkoholen"),
    ("nb", "jeg har to små barn\ni dag har jeg drukket vin siden lunsj og er alene med dem\nvil "
     "snakke om alkoholen"),
    ("en", "i have two little kids\ntoday i've been drinking wine since lunch and i'm alone with "
     "them\ni want to talk about alcohol"),
]


@pytest.mark.parametrize(("lang", "text"), TALKED)
def test_a_drink_only_talked_about_beside_ones_children_is_calm(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    urgent, reasons = engine.urgency(chat_text(lang, "self", text))
    assert not urgent, reasons


@pytest.mark.parametrize(("lang", "text"), DRUNK_WITH_CHILDREN)
def test_a_parent_drinking_today_with_the_children_stays_urgent(
    directory: Directory, lang: str, text: str
) -> None:
    urgent, reasons = rules_engine(directory).urgency(
        chat_text(lang, "self", text)
    )
    assert urgent and any(r.startswith("child_at_risk:") for r in reasons), reasons


# --- a glad goodbye to the chat after a sober year ---------------------------------------------

GLAD_GOODBYES = [
    ("sv", "det här blir sista meddelandet från mig här!\ntvå år nykter idag och jag klarar mig "
     "själv nu\ntack för allt ni gjort ❤️"),
    ("nb", "dette blir min siste melding her!\nto år edru i dag og jeg klarer meg selv nå\ntakk "
     "for alt dere har gjort ❤️"),
    ("en", "this will be my last message here!\ntwo years sober today and i can manage on my own "
     "now\nthank you for everything you've done ❤️"),
]

PLAIN_GOODBYES = [
    ("sv", "tack för allt, det här blir mitt sista meddelande"),
    ("nb", "takk for alt, dette blir min siste melding"),
    ("en", "thanks for everything, this is my last message"),
]


@pytest.mark.parametrize(("lang", "text"), GLAD_GOODBYES)
def test_a_glad_goodbye_after_a_sober_year_is_calm(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """"My last message" is one sign; the same words read as a goodbye message are no second
    one, and the writer's own sobriety explains a goodbye the model reads."""
    urgent, reasons = engine.urgency(chat_text(lang, "self", text))
    assert not urgent, reasons


@pytest.mark.parametrize(("lang", "text"), PLAIN_GOODBYES)
def test_thanks_for_everything_and_a_last_message_stays_urgent(
    directory: Directory, lang: str, text: str
) -> None:
    urgent, reasons = rules_engine(directory).urgency(
        chat_text(lang, "self", text)
    )
    assert urgent and any(r.startswith("suicide:") for r in reasons), reasons


def test_someone_elses_sober_year_does_not_explain_their_goodbye(
    engine: SuggestionEngine,
) -> None:
    text = ("min bror har varit nykter ett år\nigår kväll skrev han 'tack för allt, hejdå' och "
            "nu svarar han inte")
    assert engine.urgency(chat_text("sv", "relative", text))[0]


# --- a move into a care home explains that person's goodbyes -----------------------------------

CARE_MOVES = [
    ("sv", "farmor har gett bort sina tavlor och sagt hejdå till alla på gatan\nhon flyttar in "
     "på ett äldreboende nästa vecka och ser fram emot det"),
    ("nb", "bestemor har gitt bort smykkene sine og sagt ha det til alle naboene\nhun flytter på "
     "sykehjem på fredag og gleder seg faktisk"),
    ("en", "grandma gave away her jewellery and said goodbye to all the neighbours\nshe's moving "
     "into a care home on friday and is actually happy about it"),
]

CARE_MOVES_WITH_DEATH_TALK = [
    ("sv", "farmor har gett bort sina tavlor och sagt hejdå till alla på gatan\nhon flyttar in "
     "på ett äldreboende nästa vecka\nmen hon säger att hon inte vill leva längre"),
    ("nb", "bestefar har gitt bort klokkene sine og sagt ha det til alle\nhan flytter på "
     "sykehjem neste uke\nmen han sier han ikke vil leve lenger"),
    ("en", "grandpa gave away his watches and said goodbye to everyone\nhe's moving into a care "
     "home next week\nbut he has been saving up his pills"),
]


@pytest.mark.parametrize(("lang", "text"), CARE_MOVES)
def test_goodbyes_before_a_move_into_care_are_calm(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    urgent, reasons = engine.urgency(chat_text(lang, "relative", text))
    assert not urgent, reasons


@pytest.mark.parametrize(("lang", "text"), CARE_MOVES_WITH_DEATH_TALK)
def test_goodbyes_before_a_move_into_care_with_death_talk_stay_urgent(
    directory: Directory, lang: str, text: str
) -> None:
    urgent, reasons = rules_engine(directory).urgency(
        chat_text(lang, "relative", text)
    )
    assert urgent and any(r.startswith("suicide:") for r in reasons), reasons


# --- existing, then where online ---------------------------------------------------------------

ONLINE = [
    ("sv", "orkar inte finnas till längre...\npå snapchat alltså haha, har raderat kontot"),
    ("sv", "trött på att finnas till...\npå facebook alltså 😅 ska radera allt där"),
]


@pytest.mark.parametrize(("lang", "text"), ONLINE)
def test_existing_told_with_where_online_is_calm(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    urgent, reasons = engine.urgency(chat_text(lang, "self", text))
    assert not urgent, reasons


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "orkar inte finnas till längre...\ni den här världen"),
        ("sv", "orkar inte finnas till längre..."),
        ("en", "sick of existing...\nin this world"),
    ],
)
def test_existing_told_with_no_place_online_stays_urgent(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    assert engine.urgency(chat_text(lang, "self", text))[0]


# --- a death wish over a game lost, in the suggestions ------------------------------------------

FANS = [
    ("sv", "ville dö när vi torskade derbyt igår 😭\naja. hur många glas vin i veckan är för "
     "mycket?", "se-alkoholhjalpen"),
    ("nb", "ville dø da vi tapte finalen i går 😭\nuansett, hvor mange øl i uka er for mye?",
     "no-rusinfo"),
    ("en", "wanted to die when we lost the final yesterday\nanyway how many beers a week is too "
     "many?", "se-alkoholhjalpen"),
]


@pytest.mark.parametrize(("lang", "text", "first"), FANS)
def test_a_fans_death_wish_does_not_lead_the_suggestions(
    engine: SuggestionEngine, lang: str, text: str, first: str
) -> None:
    """The hyperbole counts as a quote's words: the drinking question's service leads."""
    assert engine.suggest(chat_text(lang, "self", text), top=3).ids[0] == first


def test_a_game_lost_and_a_plan_tonight_keeps_the_crisis_line_first(
    engine: SuggestionEngine,
) -> None:
    text = "vi förlorade derbyt igår och ikväll tänker jag ta livet av mig"
    result = engine.suggest(chat_text("sv", "self", text), top=3)
    assert result.urgent and result.ids[0] == "se-mind-sjalvmordslinjen"


# --- a child's own gaming that a parent speaks of ------------------------------------------------

OWN_GAMING = [
    ("sv", "spelade fortnite hela natten haha\nmen pappa säger att jag är spelberoende. spelar "
     "typ 7h om dagen, är det för mycket?", "local-barn-anhoriga"),
    ("nb", "spilte fortnite hele natta haha\nmen pappa sier jeg er spillavhengig. spiller 7 "
     "timer om dagen, er det for mye?", "no-alarmtelefonen"),
    ("en", "played fortnite all night lol\nbut my dad thinks i'm addicted to gaming. i play like "
     "7h a day, is that too much?", "local-barn-anhoriga"),
]


@pytest.mark.parametrize(("lang", "text", "parents_service"), OWN_GAMING)
def test_a_childs_own_gaming_is_no_parents_problem(
    engine: SuggestionEngine, lang: str, text: str, parents_service: str
) -> None:
    """The parent only speaks of the child's gaming: the service for children of parents
    with a problem does not lead."""
    ids = engine.suggest(chat_text(lang, "child", text), top=3).ids
    assert ids[0] != parents_service, ids
    assert parents_service not in ids[:2], ids


def test_a_parents_gaming_told_by_a_child_keeps_the_childrens_services(
    engine: SuggestionEngine,
) -> None:
    text = "pappa spelar på mobilen hela tiden och mamma gråter. jag är 13"
    ids = engine.suggest(chat_text("sv", "child", text), top=3).ids
    assert ids[0] in {"local-barn-anhoriga", "se-bris"}, ids
