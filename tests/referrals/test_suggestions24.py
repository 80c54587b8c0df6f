"""Suggestion mechanisms from blind set 23's top-3 misses (and the professionals' suicide
questions left from earlier rounds), in wordings written for these tests (none is a phrase of
the labelled cases), each with a counter-example: a suicide told with the one who died named
between ("tog en av våra ungdomar sitt liv"); "lika bra att jag dör"; therapy wished for is care,
not a relative's line; thanks to whoever one talked to is the chat itself; a professional who
asks where to refer the people they meet gets those people's services; a professional's question
about suicide or self-harm puts the crisis line before the social services."""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine
from tests.referrals.helpers import top, topic_weight

CARE = {"se-1177", "region-vardcentral", "region-psykiatri"}
CRISIS_LINES = {"se-mind-sjalvmordslinjen", "se-hjalplinjen", "region-psykiatrisk-akutmottagning"}


def _triggers(engine: SuggestionEngine, text: str, service: str) -> bool:
    """Whether a line matches one of a service's own trigger words."""
    return any(
        for_service and name == service
        for for_service, name, _, _ in engine._analyse(text).contributions
    )


# --- a suicide told with the one who died named between -----------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "förra månaden tog en kille i laget sitt liv"),
        ("sv", "i somras tog en ung kvinna i kvarteret sitt liv"),
        ("sv", "i våras tog min granne livet av sig"),
        ("nb", "i fjor tok en gutt på skolen livet sitt"),
        ("nb", "i vår tok en kollega livet av seg"),
    ],
)
def test_a_death_by_suicide_told_with_the_person_between(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """"tog en kille i laget sitt liv" is a suicide told, as "tog livet av sig" is (a risk
    word of the clear past counts less, not nothing)."""
    assert topic_weight(engine, text, "suicide", lang) > 0.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "hon tog tag i sitt liv efter skilsmässan"),
        ("sv", "jobbet tog en stor del av mitt liv"),
        ("nb", "han tok ansvar for livet sitt etter behandlingen"),
    ],
)
def test_taking_charge_of_ones_life_is_no_suicide(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: taking charge of one's life, a job taking much of it: no suicide."""
    assert topic_weight(engine, text, "suicide", lang) == 0.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "ibland tänker jag att det är lika bra att jag dör"),
        ("nb", "noen ganger tenker jeg at det er like greit at jeg dør"),
        ("en", "some nights I think I might as well be dead"),
    ],
)
def test_might_as_well_die_is_a_death_wish(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """"lika bra att jag dör", "might as well be dead" are suicide topic words."""
    assert topic_weight(engine, text, "suicide", lang) >= 1.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "det är lika bra att jag går hem nu"),
        ("en", "I might as well go to bed early tonight"),
    ],
)
def test_might_as_well_go_home_is_no_death_wish(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: "lika bra att jag går hem", "might as well go to bed" name no death."""
    assert topic_weight(engine, text, "suicide", lang) == 0.0


# --- therapy wished for --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "topic"),
    [
        ("sv", "jag skulle vilja ha terapi för att förstå min barndom", "health_care"),
        ("nb", "jeg vil gjerne ha terapi for å forstå oppveksten min", "health_care"),
        ("en", "I'd like some therapy to work through my childhood", "health_care"),
    ],
)
def test_therapy_wished_for_is_care(
    engine: SuggestionEngine, lang: str, text: str, topic: str
) -> None:
    """Wishing for therapy counts as seeking it ("börja i terapi"), not as the weak word."""
    assert topic_weight(engine, text, topic, lang) >= 1.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag har gått i terapi i flera år och det har hjälpt"),
        ("en", "I have been in therapy for years and it helped"),
    ],
)
def test_therapy_had_stays_weak(engine: SuggestionEngine, lang: str, text: str) -> None:
    """Counter-example: therapy one has had is the weak word it was."""
    assert topic_weight(engine, text, "health_care", lang) < 1.0


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        (
            "en",
            (
                "my mother hit me a lot when I was little. she passed away last year",
                "I'm doing ok but I'd like some therapy to work through it. where do I begin?",
            ),
        ),
        (
            "sv",
            (
                "pappa slog mig när jag var liten, han är död nu sen några år",
                "jag mår okej men skulle vilja ha terapi för att förstå hur det påverkar mig",
            ),
        ),
    ],
)
def test_therapy_for_a_hard_childhood_leads_to_care(
    engine: SuggestionEngine, lang: str, texts: tuple[str, ...]
) -> None:
    """A parent's violence long ago, the parent dead, therapy wished for: care comes first."""
    assert top(engine, lang, "self", *texts, n=1)[0] in CARE


# --- thanks to whoever one talked to -------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        (
            "en",
            (
                "moving back to Spain next week so this is my last message",
                "wanted to say thank you to whoever chatted with me in the spring, drinking way "
                "less now",
            ),
        ),
        (
            "nb",
            (
                "flytter til Bergen neste uke så jeg skriver nok ikke mer",
                "takk til den som snakket med meg i vinter, drikker mye mindre nå",
            ),
        ),
    ],
)
def test_thanks_to_whoever_one_talked_to_is_the_chat(
    engine: SuggestionEngine, lang: str, texts: tuple[str, ...]
) -> None:
    """Thanks to whoever one chatted with here: the chat itself first, before the drink."""
    assert top(engine, lang, "self", *texts, n=1) == ["local-this-service"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag vill tacka min syster som pratade med mig varje kväll"),
        ("en", "I want to thank my brother who talked to me every night"),
    ],
)
def test_thanks_to_a_sister_is_no_trigger_of_the_chat(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Counter-example: thanks to someone close names no one at the chat."""
    assert not _triggers(engine, text, "local-this-service")


# --- professionals -------------------------------------------------------------------------------

DEACON = "Jag är diakon. Några i vår samtalsgrupp har berättat att de tar lugnande för att orka."


def test_a_professional_referring_people_on_gets_their_services(
    engine: SuggestionEngine,
) -> None:
    """A professional who wants to refer the people they meet: those people's services first."""
    first = top(engine, "sv", "professional", DEACON, "Jag vill kunna hänvisa dem vidare.", n=1)
    assert first != ["local-this-service"]


def test_a_professional_asking_how_to_talk_keeps_the_chat(engine: SuggestionEngine) -> None:
    """Counter-example: asking how to talk with them, no referral: the chat itself first."""
    first = top(engine, "sv", "professional", DEACON, "Hur pratar man med dem om det?", n=1)
    assert first == ["local-this-service"]


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        (
            "en",
            (
                "I'm a warehouse manager. Last spring one of our drivers took his own life.",
                "How should we react if a colleague seems low? No specific person, we're "
                "drafting a routine",
            ),
        ),
        (
            "sv",
            (
                "Jag jobbar på försäkringskassan. Ibland säger klienter saker som 'det är lika "
                "bra att jag dör'.",
                "Vad är rutinen? Gäller ingen särskild person",
            ),
        ),
        (
            "sv",
            (
                "Jag är fritidsledare. I höstas tog en kille i vårt gäng sitt liv.",
                "Hur ska vi som personal agera om någon verkar nere? Inget akut fall.",
            ),
        ),
    ],
)
def test_a_professionals_suicide_question_gets_the_crisis_line(
    engine: SuggestionEngine, lang: str, texts: tuple[str, ...]
) -> None:
    """A workplace asking what to do about suicide talk: a crisis line among the first three,
    ahead of the social services."""
    ids = top(engine, lang, "professional", *texts, n=3)
    assert CRISIS_LINES.intersection(ids)
    assert ids[0] != "local-socialtjanst-mottagning"


def test_a_professionals_question_on_fights_keeps_the_social_services(
    engine: SuggestionEngine,
) -> None:
    """Counter-example: a counsellor asking about a pupil's fights, no suicide or self-harm:
    the social services stay first."""
    text = "Jag är kurator på högstadiet. En elev slåss på rasterna. Finns det material?"
    assert top(engine, "sv", "professional", text, n=1) == ["local-socialtjanst-mottagning"]


def test_a_norwegian_professionals_self_harm_question_keeps_the_municipality(
    engine: SuggestionEngine,
) -> None:
    """Counter-example: in Norway the municipal service, which takes professionals, keeps its
    place beside the crisis lines."""
    text = "Jeg er lærer på ungdomsskolen. Hvordan snakker vi med elevene om selvskading?"
    assert "no-kommune-rus-psykisk" in top(engine, "nb", "professional", text, n=3)
