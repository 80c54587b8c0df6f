"""Blind sets 37 BZ and 38 CA/CB: kinds and top-3 misses with a general cause (branch top42).

Someone else's suicide act going on now, told by a relative or a professional (on a bridge or
a roof edge, the means ready, no answer), is `third_party_danger` as most read sets label it;
the writer's own risk, a young writer's and talk with no act stay `suicide`. For the
suggestions: a prescription to renew and antibiotics are health-care questions, self-harm with
a wound needing care brings the health line and the emergency number first, a threat to pour
out one's drink is about the drinking, and knowing no one in a new town (Norwegian) is
loneliness. Each in wordings of our own, in sv, nb and en, with near-misses beside them.
Lines are separated by newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

THIRD_PARTY_ACT = [
    ("sv", "relative", "min bror sitter på taket på parkeringshuset och säger att han ska hoppa"),
    ("sv", "relative", "min sambo sa att repet ligger i bilen och att det här var sista sms:et. "
     "nu svarar han inte"),
    ("nb", "professional", "en bruker ringte og sa at han står på brua og skal hoppe. nå la "
     "han på"),
    ("en", "relative", "my sister is out on the cliff edge and says she is going to jump"),
]

OWN_RISK = [
    # the writer's own bridge, however the writer signed in
    ("en", "self", "i'm standing on the bridge and i'm going to jump"),
    ("nb", "self", "jeg står på brua nå og skal hoppe"),
    ("sv", "child", "jag står på bron och tänker hoppa"),
    ("sv", "relative", "min man dricker varje kväll. jag står på bron nu och vill hoppa"),
    # someone else's talk with no act now (a professional's client)
    ("sv", "professional", "jag är kurator. en klient sa idag att hon ska ta livet av sig ikväll"),
]

THIRD_PARTY_CALM = [
    ("sv", "relative", "min kompis stod på bron förra sommaren och sa att han skulle hoppa, idag "
     "mår han bra"),
    ("en", "relative", "my friend said he'd jump off the roof if his team lost, haha, he was "
     "joking"),
    ("sv", "relative", "min dotter sa i våras att hon ville hoppa från bron, nu går hon i terapi "
     "och mår bättre"),
]


@pytest.mark.parametrize(("lang", "role", "text"), THIRD_PARTY_ACT)
def test_someone_elses_suicide_act_now_is_third_party_danger(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """A friend on a roof or a cliff, a partner with a rope who does not answer, a client on a
    bridge who hung up: urgent by the rules, first kind `third_party_danger`."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent, (text, reasons)
    assert reasons[0].startswith("third_party_danger:"), (text, reasons)
    assert not any(r.startswith("suicide:") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), OWN_RISK)
def test_the_writers_own_risk_and_talk_without_an_act_stay_suicide(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent, (text, reasons)
    assert reasons[0].startswith("suicide:"), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), THIRD_PARTY_CALM)
def test_someone_elses_past_or_joked_act_stays_calm(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


def top3(engine: SuggestionEngine, lang: str, text: str, role: str = "self") -> list[str]:
    result = engine.suggest(chat_text(lang, role, text), top=3)
    return [s.service.id for s in result.suggestions]


HEALTH = {"se-1177", "region-vardcentral", "no-legevakt", "no-fastlege"}
ADDICTION = {"region-beroendecentrum", "local-oppenvard-missbruk", "se-droghjalpen"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "mina tabletter mot adhd tar slut innan jag kan förnya receptet, vad gör jag"),
        ("nb", "adhd-medisinen min går tom før jeg kan fornye resepten, hva gjør jeg"),
        ("en", "my adhd pills run out before i can renew the prescription, what do i do"),
        ("sv", "kan man dricka vin när man äter antibiotika? ska på bröllop"),
        ("nb", "kan man drikke øl når man går på antibiotika? skal i bursdag"),
        ("en", "can i drink beer while i'm on antibiotics? party on friday"),
    ],
)
def test_a_prescription_or_antibiotics_is_a_health_care_question(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    ids = top3(engine, lang, text)
    assert ids[0] in HEALTH, (text, ids)


def test_medicine_from_a_dealer_stays_with_drug_help(engine: SuggestionEngine) -> None:
    ids = top3(engine, "sv", "köper adhd-tabletter av en langare utan recept, hur slutar jag")
    assert ADDICTION & set(ids), ids


EMERGENCY_OR_HEALTH = {"se-112", "se-1177", "no-113", "no-legevakt"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "skar mig ikväll, det är djupare än vanligt. behöver det sys?"),
        ("sv", "skar mig igen ikväll och jag trycker med handduken men det blöder"),
        ("nb", "skar meg i kveld og det er dypere enn vanlig, må det sys?"),
        ("en", "cut myself tonight, pressing a towel on it and it's still bleeding"),
        ("en", "cut my arm again tonight, deeper than ever, might need stitches"),
    ],
)
def test_self_harm_with_a_wound_needing_care_brings_care_first(
    directory: Directory, lang: str, text: str
) -> None:
    result = rules_engine(directory).suggest(chat_text(lang, "self", text), top=3)
    ids = [s.service.id for s in result.suggestions]
    assert result.urgent, text
    assert ids[0] in EMERGENCY_OR_HEALTH, (text, ids)


def test_self_harm_without_a_wound_to_treat_keeps_the_crisis_lines(
    directory: Directory,
) -> None:
    result = rules_engine(directory).suggest(
        chat_text("sv", "self", "skar mig ikväll, inte djupt, men jag mår så dåligt"), top=3
    )
    ids = [s.service.id for s in result.suggestions]
    assert "se-mind-sjalvmordslinjen" in ids, ids


@pytest.mark.parametrize(
    ("lang", "text", "first"),
    [
        ("sv", "min fru hotade att hälla ut allt vinet om jag inte drar ner, hur börjar man",
         {"se-alkoholhjalpen", "se-aa", "region-beroendecentrum"}),
        ("nb", "kona truet med å helle ut ølet mitt hvis jeg ikke kutter ned, hvordan begynner "
         "man", {"no-rusinfo", "no-kommune-rus-psykisk"}),
        ("en", "my wife threatened to pour all my wine down the sink unless i cut down. how do "
         "i start", {"se-alkoholhjalpen", "se-aa", "region-beroendecentrum"}),
    ],
)
def test_a_threat_to_pour_out_the_drink_is_about_the_drinking(
    engine: SuggestionEngine, lang: str, text: str, first: set[str]
) -> None:
    ids = top3(engine, lang, text)
    assert ids[0] in first, (text, ids)
    assert "se-kvinnofridslinjen" not in ids, (text, ids)


def test_knowing_no_one_in_a_new_town_is_loneliness(engine: SuggestionEngine) -> None:
    text = "flyttet til bodø for å studere, kjenner ingen\nstaff: Hvordan har du det?\nsitter " \
        "mest på rommet"
    ids = top3(engine, "nb", text)
    assert ids[0] in {"no-mental-helse", "no-kirkens-sos"}, ids


def test_knowing_no_one_who_drinks_so_much_is_no_loneliness(engine: SuggestionEngine) -> None:
    ids = top3(engine, "nb", "jeg kjenner ingen som drikker så mye som faren min")
    assert ids[0] not in {"no-mental-helse", "no-kirkens-sos"}, ids
