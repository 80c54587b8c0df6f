"""Suggestion mechanisms from blind set 15's top-3 misses, in wordings written for these tests
(none is a phrase of the blind cases), each with a counter-example: vaping is no weapon and a
weapon no vape (sv, nb, en), a step-parent, selling sex, time clean or sober, a
parent worried about a child's gaming, an urgent word inside a longer phrase (a past overdose,
overdose risk), LAR and supporting a loved one without policing them, and sleep and startle
after something frightening."""

from __future__ import annotations

from pathlib import Path

import pytest

from referrals import SuggestionEngine, load_directory
from tests.referrals.helpers import chat, top

QUITLINE = "se-sluta-roka-linjen"
POLICE = {"se-polisen", "no-politi"}
PARENTING = {"local-foraldrastod", "local-no-foreldrestotte"}
SOCIAL = {"local-socialtjanst-mottagning", "local-uppsokare", "no-kommune-rus-psykisk"}
PEER = {"se-na", "se-aa"}
ADDICTION = {
    "local-oppenvard-missbruk", "region-beroendecentrum", "se-droghjalpen", "no-rusinfo",
    "no-kommune-rus-psykisk",
}
RELATIVES = {"se-anhoriglinjen", "local-anhorigstod", "no-parorendetelefonen", "no-rusinfo"}
LISTENING = {"se-hjalplinjen", "se-1177", "region-vardcentral"}
EMERGENCY = {"se-112", "no-113"}


# --- vaping is no weapon, a weapon no vape ------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "role", "text"),
    [
        ("sv", "child", "jag vapar typ hela dagarna o vill sluta, hur gör man"),
        ("sv", "self", "har vapat i två år nu och får ont i huvudet utan den"),
        ("en", "self", "I vape all day and want to quit, where do I start"),
    ],
)
def test_vaping_is_for_the_quitline(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """Vaping ("vapa", "vapat", "vape"): the quitline, not the police (its stem was a weapon's)."""
    ids = top(engine, lang, role, text)
    assert QUITLINE in ids
    assert ids[0] not in POLICE


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "grannen har flera jaktvapen och dricker mycket, vem pratar man med om vapnen?"),
        ("sv", "min pappa har vapenlicens och dricker varje helg, vem kan ta vapnen?"),
    ],
)
def test_a_weapon_in_its_forms_is_for_the_police(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A weapon in its forms and compounds ("vapnen", "jaktvapen", "vapenlicens"): the police
    (they decide on a licence), above the drinking beside it."""
    assert POLICE & set(top(engine, lang, "professional", text))


def test_a_weapon_is_no_vape(engine: SuggestionEngine) -> None:
    """Counter-example: "vapen" (a weapon) is no vaping; the quitline is not suggested."""
    ids = top(engine, "sv", "relative", "min bror har ett vapen i garderoben och jag är orolig")
    assert QUITLINE not in ids


def test_norwegian_weapon_forms(engine: SuggestionEngine) -> None:
    """The Norwegian forms ("jaktvåpen", "våpnene"): the police."""
    text = "naboen har mange jaktvåpen og drikker mye. hvem snakker man med om våpnene?"
    assert "no-politi" in top(engine, "nb", "professional", text)


# --- vaping in Norwegian ----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["jeg vaper hver dag og vil slutte", "har vapet siden niende"])
def test_norwegian_vaping_is_tobacco(engine: SuggestionEngine, text: str) -> None:
    """Vaping in Norwegian ("vaper", "vapet") counts for tobacco."""
    analysis = engine._analyse(text)
    assert any(name == "tobacco" for _, name, _, _ in analysis.contributions)


def test_a_weapon_typed_without_its_ring_is_no_vape(engine: SuggestionEngine) -> None:
    """Counter-example: "vapen" (nb "våpen" typed without å) is no vaping."""
    analysis = engine._analyse("han har et vapen hjemme")
    assert not any(name == "tobacco" for _, name, _, _ in analysis.contributions)


def test_tobacco_in_sweden_keeps_its_quitline(engine: SuggestionEngine) -> None:
    """Counter-example: in Sweden snus still goes to the quitline first."""
    ids = top(engine, "sv", "self", "jag vill sluta snusa, har snusat i tio år")
    assert ids[0] == QUITLINE


# --- a step-parent ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Min bonusdotter 13 vägrar äta med oss sedan jag flyttade in. Finns det stöd för "
               "styvföräldrar?"),
        ("en", "My stepdaughter (12) ignores me since I moved in with her dad. Is there a course "
               "for step parents?"),
    ],
)
def test_a_step_parent_is_a_parent(engine: SuggestionEngine, lang: str, text: str) -> None:
    """A step-parent, a step-child, a blended family: parenting support."""
    assert PARENTING & set(top(engine, lang, "relative", text))


def test_a_norwegian_step_parent_gets_a_norwegian_parenting_service(tmp_path: Path) -> None:
    """In Norwegian, with a municipality's own parenting service (the default directory has
    none in Norway): that service, not a Swedish one."""
    own = tmp_path / "kommune.toml"
    own.write_text(
        """
[[service]]
id = "local-no-foreldrestotte"
country = "NO"
name = { nb = "Foreldrestøtte i Testby" }
categories = ["parenting", "youth"]
audience = ["relative", "adult"]
phone = "22 00 00 00"
anonymous = false
source = "test"
verified_at = 2026-11-20
review_due = 2027-05-20
""",
        encoding="utf-8",
    )
    engine = SuggestionEngine(load_directory(own), model=None)
    text = "stesønnen min på 14 vil ikke snakke med meg. finnes det kurs for bonusforeldre?"
    ids = engine.suggest(chat("nb", "relative", text), top=3).ids
    assert ids[0] == "local-no-foreldrestotte"


def test_a_child_with_a_step_parent_is_no_parent(engine: SuggestionEngine) -> None:
    """Counter-example: a child writing of a step-father's drinking gets the children's
    services, not parenting support."""
    ids = top(engine, "sv", "child", "min styvpappa dricker varje kväll och jag är rädd")
    assert not PARENTING & set(ids)


# --- selling sex ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag har sålt sex några gånger för att klara hyran och vill sluta, vem hjälper?"),
        ("nb", "jeg har solgt sex for å betale husleia og vil ut av det"),
        ("en", "I've been selling sex to pay my rent and I want to get out, who can help?"),
    ],
)
def test_selling_sex_is_for_the_social_services(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Selling sex: the social services and the outreach workers (they have units for it),
    for the words of selling itself (not only the rent beside them)."""
    first = engine.suggest(chat(lang, "self", text), top=3).suggestions[0]
    assert first.id in SOCIAL
    assert any("sex" in words for words in first.matched)


def test_sex_talked_of_is_no_selling(engine: SuggestionEngine) -> None:
    """Counter-example: sex talked about at school is no selling of it (no word for the social
    services or the outreach workers)."""
    analysis = engine._analyse("vi pratade om sex i skolan idag och det var så pinsamt")
    names = {name for _, name, _, _ in analysis.contributions}
    assert not {"social_services", "outreach"} & names


# --- time clean or sober ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "I've been clean for three years now and want to find a meeting again"),
        ("en", "4 yrs sober, moved here last month, where are the meetings?"),
        ("sv", "jag har varit nykter i sex år och vill hitta ett möte här"),
    ],
)
def test_time_clean_is_the_fellowships(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Time clean or sober counted ("3 years clean", "nykter i sex år"): NA or AA."""
    assert PEER & set(top(engine, lang, "self", text))


def test_cleaning_for_years_is_no_recovery(engine: SuggestionEngine) -> None:
    """Counter-example: cleaning offices for years is a job, not time clean."""
    analysis = engine._analyse("I have cleaned offices for years and I love it")
    assert not any(name == "peer_support" for _, name, _, _ in analysis.contributions)


# --- a parent worried about a child's gaming --------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Vår dotter 13 spelar skjutspel sju timmar om dagen. Blir man våldsammare av "
               "sånt?"),
        ("en", "My son (14) plays fortnite 7 hours a day. Can those games make a kid violent?"),
    ],
)
def test_a_childs_gaming_is_parenting(engine: SuggestionEngine, lang: str, text: str) -> None:
    """A parent worried about a child's gaming (hours, the games' content): parenting support
    leads (limits at home), above primary care and above the anger or violence told of."""
    assert top(engine, lang, "relative", text)[0] == "local-foraldrastod"


def test_a_grown_sons_gaming_is_no_parenting(engine: SuggestionEngine) -> None:
    """Counter-example: a son of 34 gaming all night is no parenting matter."""
    ids = top(engine, "sv", "relative", "min son är 34 och spelar datorspel hela nätterna")
    assert "local-foraldrastod" not in ids


def test_gaming_for_money_stays_gambling(engine: SuggestionEngine) -> None:
    """Counter-example: a teenager gaming for money (poker, loot boxes) gets the gambling line
    first, not parenting."""
    text = "min son 17 spelar poker för pengar flera timmar om dagen"
    assert top(engine, "sv", "relative", text)[0] == "se-stodlinjen-spel"


# --- an urgent word inside a longer phrase ------------------------------------------------------


def test_a_past_overdose_is_counted_once(engine: SuggestionEngine) -> None:
    """"took an overdose" told of years ago counts once for the emergency (not once for the
    phrase and again for "overdose"): the relative's own support ranks above 112."""
    ids = top(
        engine, "en", "relative",
        "Three years ago my son took an overdose. He is well now. How do I stop worrying all "
        "the time?",
    )
    assert RELATIVES & set(ids)
    assert ids[0] != "se-112"


def test_a_present_overdose_still_leads_to_112(engine: SuggestionEngine) -> None:
    """Counter-example: an overdose now is urgent and 112 leads."""
    result = engine.suggest(
        chat("en", "relative", "my son just took an overdose and I can't wake him up"), top=3
    )
    assert result.urgent
    assert result.ids[0] == "se-112"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "I work at a hostel. How do we talk about overdose risk with residents who "
               "just left treatment?"),
        ("sv", "Jag jobbar på ett boende. Hur pratar vi om risken för överdos med de som precis "
               "kommit ut från behandling?"),
    ],
)
def test_overdose_risk_is_harm_reduction(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Overdose as a risk to talk about or prevent: addiction care and harm reduction, not the
    emergency number first."""
    ids = top(engine, lang, "professional", text, n=5)
    assert ADDICTION & set(ids)
    assert not EMERGENCY & set(ids)


# --- LAR and supporting a loved one -------------------------------------------------------------


def test_lar_and_support_are_a_relatives_matter(engine: SuggestionEngine) -> None:
    """LAR (substitution treatment) by its short name and "hvordan kan jeg støtte ham uten å
    bli politi": the relatives' line and the substance services."""
    text = ("samboeren min går på LAR og har det bedre. hvordan kan jeg støtte ham uten å bli "
            "politimann hele tiden?")
    ids = top(engine, "nb", "relative", text)
    assert "no-parorendetelefonen" in ids
    assert "no-politi" not in ids


def test_lar_the_verb_is_no_treatment(engine: SuggestionEngine) -> None:
    """Counter-example: "lar" (lets) is no LAR."""
    analysis = engine._analyse("jeg lar ham være i fred, han trenger tid")
    assert not any(name == "addiction_treatment" for _, name, _, _ in analysis.contributions)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "hur kan jag stötta henne utan att bli polisen hemma? hon dricker igen"),
        ("en", "how can I support him without policing him? he is drinking again"),
    ],
)
def test_supporting_a_loved_one_is_for_relatives(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Supporting a loved one without becoming their guard: relatives' support, not the
    police."""
    ids = top(engine, lang, "relative", text)
    assert RELATIVES & set(ids)
    assert "se-polisen" not in ids


def test_od_is_an_overdose(engine: SuggestionEngine) -> None:
    """"OD" is an overdose (a drug word); told of last year, no emergency."""
    text = "min kompis fick en OD förra året, nu mår han bra men jag tänker på det hela tiden"
    result = engine.suggest(chat("sv", "relative", text), top=3)
    assert "se-droghjalpen" in result.ids
    assert not result.urgent


# --- sleep and startle after something frightening --------------------------------------------


def test_sleep_and_startle_after_a_threat(engine: SuggestionEngine) -> None:
    """Sleeping badly and jumping at noises after a threat (the threat long dealt with): care
    and listening lines, not only the police."""
    text = ("A man threatened me at work last spring and the police handled it. Since then I "
            "sleep badly and I jump at every sound.")
    assert LISTENING & set(top(engine, "en", "self", text))


@pytest.mark.parametrize(
    "text",
    [
        "the dog jumps at the door when the postman comes",
        "I would jump at any chance to travel with my friends",
    ],
)
def test_jumping_at_a_door_or_a_chance_is_no_startle(engine: SuggestionEngine, text: str) -> None:
    """Counter-examples: a dog jumping at the door, jumping at a chance: no startle."""
    analysis = engine._analyse(text)
    assert not any(name == "mental_health" for _, name, _, _ in analysis.contributions)
