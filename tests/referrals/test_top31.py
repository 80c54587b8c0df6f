"""Blind set 27's top-3 misses with a general cause (branch top31).

Set 27 was read for this branch. Each fix is tested in wordings of our own (none is a phrase of
the set), with near-misses beside them. Lines are separated by newlines. Urgency is not touched:
every wording here is calm, and stays so.
"""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine

from .helpers import LANG_INDEX, chat_text, topic_weight

ADDICTION_CLINIC = "region-beroendecentrum"
HEALTH_GUIDE = "se-1177"
THIS_CHAT = "local-this-service"


def trigger_weight(engine: SuggestionEngine, text: str, service: str, lang: str) -> float:
    """The strongest weight a line gives a service's own trigger words, 0 if none."""
    return max(
        (w[LANG_INDEX[lang]] for for_service, name, _, w in engine._analyse(text).contributions
         if for_service and name == service),
        default=0.0,
    )


# --- naloxone as a practice, withdrawal fits: the addiction clinic --------------------------------

STAFF_QUESTIONS = [
    ("sv", "jag är undersköterska på ett LSS-boende\nvi skulle behöva lära oss naloxon, vart "
           "vänder man sig för en kurs?"),
    ("sv", "arbetar som sjuksköterska på hemtjänsten\nfinns det riktlinjer för kramper vid "
           "abstinens hos äldre som slutar dricka?"),
    ("en", "I'm a support worker at a shelter\nwho runs naloxone training for staff around here?"),
    ("en", "nurse at a care home here\nhow do you handle the risk of withdrawal fits when a "
           "resident stops drinking?"),
]


@pytest.mark.parametrize(("lang", "text"), STAFF_QUESTIONS)
def test_staff_asking_about_naloxone_or_withdrawal_fits_get_the_addiction_clinic(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A professional's question about naloxone training or withdrawal fits is for the medical
    addiction care that treats them and teaches other staff, not the writer's own social
    services or outreach team."""
    result = engine.suggest(chat_text(lang, "unknown", text), top=3)
    assert not result.urgent, result.urgent_reasons
    assert ADDICTION_CLINIC in result.ids


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "hittade naloxon i min dotters väska"),
        ("en", "found naloxone in my son's backpack"),
        ("sv", "hon har slutat dricka och mår bättre"),
    ],
)
def test_naloxone_found_or_drinking_stopped_is_no_trigger_of_the_clinic(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A spray found at home is a relative's worry (the topics decide), not a question for
    the clinic's naloxone programme; quitting alone names no withdrawal fit."""
    assert trigger_weight(engine, text, ADDICTION_CLINIC, lang) == 0.0


# --- one's own medical records: 1177 -----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "kan min arbetsgivare se vad som står i journalen?"),
        ("sv", "hur länge sparas mina journaler efter en inläggning"),
        ("en", "will my old medical records show up when i apply for the army?"),
    ],
)
def test_a_question_about_ones_medical_records_points_at_1177(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    assert trigger_weight(engine, text, HEALTH_GUIDE, lang) > 0.0


def test_a_past_attempt_told_as_over_with_a_records_question_gets_1177(
    engine: SuggestionEngine,
) -> None:
    """Years since an attempt, well now, asking whether it shows in the records: 1177, where
    the records are read, among the first three; no alarm."""
    text = (
        "för tolv år sen försökte jag ta livet av mig\n"
        "har det bra idag, inga sådana tankar sedan dess\n"
        "kommer det synas i journalen när jag söker till brandkåren?"
    )
    result = engine.suggest(chat_text("sv", "self", text), top=3)
    assert not result.urgent, result.urgent_reasons
    assert HEALTH_GUIDE in result.ids


# --- the chat itself: booking (not booked elsewhere), volunteering, its counsellors -------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "can i book an appointment for next week?"),
        ("en", "i'd love to start volunteering with people who drink too much"),
        ("en", "my teacher said i should talk to counsellors about it"),
        ("sv", "är intresserad av volontärarbete, hur går det till?"),
        ("sv", "kan jag prata med en av rådgivarna?"),
        ("nb", "jeg vil gjerne jobbe frivillig, hvordan blir man det?"),
        ("nb", "kan jeg snakke med en rådgiver i kveld?"),
    ],
)
def test_asking_to_book_volunteer_or_talk_with_counsellors_points_at_the_chat(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    assert trigger_weight(engine, text, THIS_CHAT, lang) > 0.0


def test_an_appointment_booked_elsewhere_is_not_a_booking_with_the_chat(
    engine: SuggestionEngine,
) -> None:
    """"Booked an appointment at the clinic" tells of a step taken elsewhere; the chat is not
    asked for a visit, and the services for quitting drinking come first."""
    text = (
        "today was my last drink, for real this time\n"
        "i booked an appointment at the clinic for thursday. how do i get through the first days?"
    )
    assert trigger_weight(engine, text.split("\n")[1], THIS_CHAT, "en") == 0.0
    ids = engine.suggest(chat_text("en", "self", text), top=3).ids
    assert THIS_CHAT not in ids
    assert {"se-alkoholhjalpen", "local-oppenvard-missbruk", ADDICTION_CLINIC} & set(ids)


# --- loneliness told as little company, a caller for the old -----------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "jag är 84 och det blir lite prat nu för tiden\nfinns det någon som ringer äldre?"),
        ("nb", "jeg er 79 og bor på et småbruk. det blir lite prat\n"
               "fins det noen som ringer eldre?"),
        ("en", "i'm 88 and have little company these days\n"
               "is there someone who calls older people?"),
    ],
)
def test_little_company_and_a_caller_for_the_old_get_a_listening_line(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    result = engine.suggest(chat_text(lang, "self", text), top=3)
    assert not result.urgent, result.urgent_reasons
    listening = {
        "se-jourhavande-medmanniska", "se-hjalplinjen", "no-mental-helse", "no-kirkens-sos"
    }
    assert listening & set(result.ids)
    for line in text.split("\n"):
        assert topic_weight(engine, line, "loneliness", lang) > 0.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "vi hade lite prat om jobbet i fikarummet"),
        ("en", "we had a little talk about his grades"),
    ],
)
def test_a_little_chat_about_something_is_no_loneliness(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    assert topic_weight(engine, text, "loneliness", lang) == 0.0


# --- a song played at a funeral or a wedding: no gambling ---------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "vi vill spela den på farmors begravning"),
        ("sv", "ska spela sången på bröllopet"),
        ("nb", "vi skal spille den i begravelsen til bestefar"),
        ("nb", "han ville spille sangen i bryllupet"),
    ],
)
def test_a_song_played_at_a_funeral_or_a_wedding_is_no_gambling(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    assert topic_weight(engine, text, "gambling", lang) == 0.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "spelade bort arvet efter begravningen"),
        ("nb", "han spiller på hester hver helg"),
    ],
)
def test_gambling_near_a_funeral_stays_gambling(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    assert topic_weight(engine, text, "gambling", lang) > 0.0
