"""Suggestion mechanisms from blind set 24's top-3 misses that are not the urgency verdict's, in
wordings written for these tests (none is a phrase of the labelled cases), each with a
counter-example: a threat of a consequence (to leave, to divorce, to throw out one's console) is
no violence; a games console or the gamers' chat named is gaming, not gambling; the violence of
the writer's own childhood is not violence around the children they have now."""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine
from tests.referrals.helpers import chat_text, topic_weight

ALCOHOL_SE = {"se-alkoholhjalpen", "region-beroendecentrum", "local-oppenvard-missbruk", "se-aa"}
ALCOHOL_NO = {"no-rusinfo", "no-kommune-rus-psykisk"}
GAMBLING_SE = {"se-stodlinjen-spel", "se-spelpaus"}
CARE_SE = {"se-1177", "region-vardcentral"}
SOCIAL_SE = {"local-socialtjanst-mottagning", "local-socialjour"}


def _top(engine: SuggestionEngine, lang: str, role: str | None, text: str) -> list[str]:
    return engine.suggest(chat_text(lang, role, text), top=3).ids


def _cues(engine: SuggestionEngine, text: str) -> frozenset[str]:
    return engine._analyse(text).cue_union


# --- a threat of a consequence is no violence ----------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "frun har hotat att lämna mig om jag fortsätter så här"),
        ("sv", "han hotar med skilsmässa varje gång vi grälar om pengar"),
        ("sv", "hon hotade att sälja mitt xbox om jag inte la av"),
        ("nb", "mannen min truer med skilsmisse hvis jeg ikke slutter"),
        ("nb", "samboeren truet med å kaste ut playstationen min"),
        ("en", "my wife threatened to leave if I keep this up"),
        ("en", "he threatened me with divorce last night"),
        ("en", "mum threatened to sell my xbox if my grades drop"),
    ],
)
def test_a_threat_of_a_consequence_is_no_violence(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Threatening to leave, to divorce or to get rid of someone's things is no violence word."""
    assert topic_weight(engine, text, "violence", lang) == 0.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "han hotar att slå mig om jag lämnar honom"),
        ("sv", "hon hotade att slänga ut mig mitt i natten"),
        ("sv", "han hotade att krossa mitt ansikte"),
        ("nb", "mannen min truer med å slå meg"),
        ("nb", "han truet med å gå løs på meg"),
        ("en", "he threatened to hit me if I leave"),
        ("en", "he threatened to break my arm"),
    ],
)
def test_a_threat_of_harm_stays_violence(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Counter-example: a threat to hit the writer or throw them out stays violence."""
    assert topic_weight(engine, text, "violence", lang) > 0.0


@pytest.mark.parametrize(
    ("lang", "text", "services"),
    [
        (
            "sv",
            "frun har hotat att lämna mig om jag fortsätter dricka\n"
            "hon har nog rätt, det blir en flaska vin varje kväll\njag vill ha hjälp att sluta",
            ALCOHOL_SE,
        ),
        (
            "sv",
            "min man hotar med skilsmässa om jag inte slutar dricka\n"
            "vin varje kväll sen barnen flyttade hemifrån",
            ALCOHOL_SE,
        ),
        (
            "nb",
            "kona har truet med å gå fra meg hvis jeg ikke slutter å drikke\n"
            "det blir en flaske vin hver kveld\njeg vil ha hjelp til å slutte",
            ALCOHOL_NO,
        ),
        (
            "en",
            "my wife has threatened to leave me if I keep drinking\n"
            "it's a bottle of wine every night now\nI want help to stop",
            ALCOHOL_SE,
        ),
    ],
)
def test_a_drinker_whose_partner_threatens_to_leave_gets_alcohol_services(
    engine: SuggestionEngine, lang: str, text: str, services: set[str]
) -> None:
    """The drinking leads, not the women's helpline or the social services (no violence, and so
    no children amid violence either)."""
    ids = _top(engine, lang, "self", text)
    assert ids[0] in services
    assert "se-kvinnofridslinjen" not in ids
    assert not SOCIAL_SE & set(ids)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "min man hotar att slå mig om jag inte slutar dricka\nvin varje kväll"),
        ("en", "my husband threatened to hit me if I don't stop drinking\nwine every night"),
    ],
)
def test_a_drinker_threatened_with_blows_gets_the_violence_line(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: a partner threatening blows puts the women's helpline in the top three."""
    assert "se-kvinnofridslinjen" in _top(engine, lang, "self", text)


# --- a games console named is gaming -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "sambon vill att jag säljer min playstation",
        "sitter på discord hela kvällarna",
        "köpte en ny xbox i helgen",
        "spillkonsollen står på hele natta",
        "I spend every weekend on my playstation",
    ],
)
def test_a_console_or_the_gamers_chat_is_gaming(engine: SuggestionEngine, text: str) -> None:
    """A games console or Discord named is gaming (so "spelar" is no gambling without money)."""
    assert "gaming" in _cues(engine, text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "sv",
            "frugan hotade att sälja mitt xbox om jag inte slutar\n"
            "sitter uppe och spelar varje natt och missar jobbet",
        ),
        (
            "sv",
            "sitter på discord och spelar varje natt, har slutat träffa folk\n"
            "hur vet man om det blivit ett beroende",
        ),
        (
            "en",
            "my girlfriend threatened to sell my playstation\n"
            "I stay up playing every night and miss work",
        ),
    ],
)
def test_an_adult_gaming_on_a_console_gets_care_not_gambling_lines(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Playing on a console too much, no money at stake: not the gambling lines."""
    ids = _top(engine, lang, "self", text)
    assert not GAMBLING_SE & set(ids)
    assert "se-kvinnofridslinjen" not in ids


def test_a_casino_played_every_night_stays_gambling(engine: SuggestionEngine) -> None:
    """Counter-example: money at stake at a casino is gambling."""
    text = "spelar på casinot varje natt, har lagt 20000 kr\nhur vet man om det blivit ett beroende"
    assert _top(engine, "sv", "self", text)[0] in GAMBLING_SE


# --- the violence of one's own childhood ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "sv",
            "mamma slog mig när jag var liten. hon lever inte längre\n"
            "nu har jag egna barn och blir kort i tonen med dem, jag vill prata med någon om det",
        ),
        (
            "sv",
            "i min barndom slog pappa oss ofta\n"
            "nu när mina barn är i samma ålder kommer allt tillbaka och jag sover dåligt",
        ),
        (
            "en",
            "my father hit me when I was a kid. he died a few years ago\n"
            "now I have kids of my own and I snap at them, I want to talk to someone about it",
        ),
    ],
)
def test_the_violence_of_ones_own_childhood_is_no_child_welfare_case(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A parent telling of the blows of their own childhood: no concern report for the children
    they have now, so the social services do not lead."""
    assert not SOCIAL_SE & set(_top(engine, lang, "self", text)[:2])


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "min man slår mig och barnen är hemma\njag vet inte vad jag ska göra"),
        (
            "sv",
            "pappa slog mig när jag var liten och nu slår han mina barn när de är där\n"
            "jag vet inte vad jag ska göra",
        ),
        (
            "sv",
            "för två år sen slog min exman mig inför barnen\n"
            "nu undrar jag om barnen kan få prata med någon om det",
        ),
    ],
)
def test_violence_around_children_stays_a_child_welfare_case(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: violence now, or years ago in the children's home, still brings the
    social services."""
    assert SOCIAL_SE & set(_top(engine, lang, "self", text))


def test_a_childhood_phrase_is_its_own_cue(engine: SuggestionEngine) -> None:
    """"när jag var liten", "da jeg var liten", "growing up" date the writer's own childhood;
    "för tre år sen" does not."""
    assert "own_childhood" in _cues(engine, "pappa slog mig när jag var liten")
    assert "own_childhood" in _cues(engine, "far slo meg da jeg var liten")
    assert "own_childhood" in _cues(engine, "my dad hit me a lot growing up")
    assert "own_childhood" not in _cues(engine, "han slog mig för tre år sen")
