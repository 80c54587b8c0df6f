"""Review of round 11 (branch rev11): what the review of set 11's rules and the model's sure
verdict fixed.

Each behaviour in wordings of our own, with a counter-example beside it. Lines are separated
by newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import time

import pytest

from referrals import Conversation, Directory, Line, SuggestionEngine
from referrals.engine import _JOINED_RUN_MAX, _joined_words

from .helpers import chat_text, rules_engine

# A plan kept for when something named gets too much (exams, work) is a plan about that thing;
# the plan for when "it" gets too much stays a plan for how.
PLAN_ABOUT_SOMETHING = [
    ("en", "self", "I have a plan in case it gets too much with exams: I take a walk"),
    ("sv", "self", "jag har en plan om det blir för mycket med jobbet: jag går ner i tid"),
    ("nb", "self", "jeg lager en plan hvis det blir for mye på jobb"),
]
PLAN_FOR_HOW = [
    ("en", "relative", "my brother says he has a plan in case it gets too much", "suicide"),
    ("sv", "relative", "min väninna sa att hon har en plan ifall det blir för jobbigt\nhon orkar"
     " inte mer", "suicide"),
    ("nb", "relative", "kollegaen min fortalte at hun har en plan hvis det blir for tungt",
     "suicide"),
]


@pytest.mark.parametrize(("lang", "role", "text"), PLAN_ABOUT_SOMETHING)
def test_a_plan_for_when_work_or_exams_get_too_much_is_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """ "A plan in case it gets too much with exams" is coping, not a plan for how."""
    rules_only = rules_engine(directory)
    assert rules_only.urgency(chat_text(lang, role, text)) == (False, []), text


@pytest.mark.parametrize(("lang", "role", "text", "kind"), PLAN_FOR_HOW)
def test_a_plan_for_when_it_gets_too_much_is_still_suicide(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Counter-example: with nothing named, the plan is still read as a plan for how."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


def test_a_long_run_of_one_word_messages_is_joined_in_pieces() -> None:
    """A run of one-word messages longer than _JOINED_RUN_MAX is joined in pieces of that
    size, so no update reads hundreds of words again as one line."""
    run = [Line("visitor", w) for w in ("jag", "är", "så", "trött") * 20]
    joined = _joined_words([Line("staff", "Hej"), *run])
    assert joined is not None
    sizes = [len(line.text.split()) for line in joined if line.sender == "visitor"]
    assert sizes == [_JOINED_RUN_MAX] * 4
    # counter-example: a short run stays one message, and a "ja" that opens it stays alone
    short = _joined_words([Line("staff", "är det du?"), *(Line("visitor", w) for w in
                           ("ja", "burned", "myself"))])
    assert short is not None
    assert [line.text for line in short] == ["är det du?", "ja", "burned myself"]


def test_a_sentence_typed_a_word_at_a_time_is_still_caught(directory: Directory) -> None:
    """Joining in pieces keeps what the run said: "jag" / "vill" / "dö" is suicide."""
    rules_only = rules_engine(directory)
    urgent, reasons = rules_only.urgency(chat_text("sv", "self", "hej\njag\nvill\ndö"))
    assert urgent and reasons[0].startswith("suicide:"), reasons
    assert rules_only.urgency(chat_text("sv", "self", "hej\njag\nvill\nsova")) == (False, [])


def test_updates_of_a_long_run_of_one_word_messages_stay_cheap(
    engine: SuggestionEngine,
) -> None:
    """Every update of a conversation of 400 one-word messages stays within a few ms (it took
    13 ms and more when the whole run was read again as one line on every update); also an
    ordinary conversation is no longer tokenized again in full on every update."""
    words = ["jag", "är", "så", "trött", "på", "skolan", "idag", "men", "det", "går", "bra"]
    lines = [Line("staff", "Hej, vad vill du prata om?")]
    times = []
    for i in range(400):
        lines.append(Line("visitor", words[i % len(words)]))
        start = time.perf_counter()
        found = engine.urgency(Conversation("sv", "self", list(lines)))
        times.append(time.perf_counter() - start)
    assert found == (False, [])
    times.sort()
    assert times[len(times) // 2] < 0.004, times[len(times) // 2]


# "Boss" is no gun: the Swedish "bössa" (a shotgun) is matched in its exact forms only, since
# with its diacritics left out its stem met the English "boss".
BOSS_NOT_A_GUN = [
    ("en", "child", "my dad's boss is furious and said dad has to work all night tonight"),
    ("sv", "child", "pappas boss är jättearg och har sagt att han måste jobba i natt"),
]
GUN_ANGRY_TONIGHT = [
    ("sv", "relative", "pappa är rasande och har sagt att i natt får vi se\nhan har en bössa hemma",
     "violence"),
    ("sv", "child", "pappa är rasande och har sagt att i natt får vi se\nhan har vapenlicens",
     "violence"),
    ("en", "relative", "her husband is furious and has said tonight she'll see\nhe has a gun"
     " licence", "violence"),
]


@pytest.mark.parametrize(("lang", "role", "text"), BOSS_NOT_A_GUN)
def test_an_angry_boss_with_a_night_shift_is_no_gun_at_home(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """An angry boss who said there is work tonight is not a gun, an anger and a threat."""
    rules_only = rules_engine(directory)
    assert rules_only.urgency(chat_text(lang, role, text)) == (False, []), text


@pytest.mark.parametrize(("lang", "role", "text", "kind"), GUN_ANGRY_TONIGHT)
def test_a_gun_at_home_an_angry_parent_and_a_threat_for_tonight_is_violence(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Counter-example: a shotgun ("en bössa") or a gun licence at home, with rage and a threat
    said for tonight, is still violence."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


# "Has said" / "har sagt" is its own class (said), read only by the rule of a gun at home: as a
# reported threat it let the model's violence verdict stand on any line with "has said".
SAID_IS_NO_THREAT = [
    pytest.param(
        "en",
        "relative",
        "my husband's boss was angry with him and has said he must come in tonight",
        marks=pytest.mark.xfail(
            strict=True,
            reason="known false alarm: the model since blind sets 9 S-13 is sure (0.93; 0.95 "
            "retrained with sets 14-19) of 'husband' + 'come' + 'tonight', and a sure verdict "
            "needs no class (docs/referrals.md, 'Blind sets 14 and 15')",
        ),
    ),
    ("nb", "child", "sjefen til pappa er sint og har sagt at han må jobbe i natt"),
]


@pytest.mark.parametrize(("lang", "role", "text"), SAID_IS_NO_THREAT)
def test_has_said_is_no_reported_threat(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """With the model: a boss who has said there is work tonight is not violence."""
    assert engine.urgency(chat_text(lang, role, text)) == (False, []), text


def test_a_threat_said_and_repeated_is_still_a_reported_threat(engine: SuggestionEngine) -> None:
    """Counter-example: "sa at han skulle drepe" is still a threat reported."""
    urgent, reasons = engine.urgency(
        chat_text("nb", "relative", "samboeren hennes sa at han skal drepe henne i kveld")
    )
    assert urgent and reasons[0].startswith("violence:"), reasons


# A multiple of one's own usual dose, on purpose or just now, is a bigger dose.
DOUBLE_USUAL = [
    ("en", "self", "I just took double my usual dose of oxy on purpose"),
    ("en", "self", "took twice my normal dose of my sleeping pills on purpose"),
]
DOUBLE_USUAL_NOT = [
    ("en", "self", "I took double my usual dose of painkillers yesterday because of my back"),
    ("en", "self", "my doctor says to take double my usual dose of vitamin D this winter"),
]


@pytest.mark.parametrize(("lang", "role", "text"), DOUBLE_USUAL)
def test_double_ones_usual_dose_on_purpose_is_an_overdose(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """ "Took double my usual dose" with "on purpose" is an overdose, as "a double dose" is."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and reasons[0].startswith("overdose:"), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), DOUBLE_USUAL_NOT)
def test_double_ones_usual_dose_for_a_reason_is_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Counter-example: the same dose for a bad back, or advised, is not urgent."""
    rules_only = rules_engine(directory)
    assert rules_only.urgency(chat_text(lang, role, text)) == (False, []), text


# A count written in words is a count, as digits are ("#"); a span of time in words is none.
COUNT_IN_WORDS = [
    ("en", "self", "I took thirty of my sleeping pills"),
    ("en", "self", "i just took twenty paracetamol"),
    ("sv", "self", "jag har tagit trettio sömntabletter"),
    ("nb", "self", "jeg har tatt tretti sovepiller"),
]
SPAN_IN_WORDS = [
    ("en", "self", "it took ten minutes to take my pills this morning, I can't swallow well"),
    ("en", "self", "I've taken my pills for twenty years, is it safe long-term?"),
    ("sv", "self", "tog tio minuter att svälja tabletterna i morse"),
    ("nb", "self", "jeg har tatt pillene mine i tjue år, er det farlig?"),
]


@pytest.mark.parametrize(("lang", "role", "text"), COUNT_IN_WORDS)
def test_a_count_of_pills_written_in_words_is_many(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """ "Took thirty of my sleeping pills" is an overdose, as "took 30" is."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and reasons[0].startswith("overdose:"), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), SPAN_IN_WORDS)
def test_a_span_of_time_written_in_words_is_no_count(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Counter-example: "ten minutes", "twenty years" count time, not pills."""
    rules_only = rules_engine(directory)
    assert rules_only.urgency(chat_text(lang, role, text)) == (False, []), text


# A count of kinds of medicine ("tolv olika tabletter om dagen") is no dose taken at once.
KINDS_COUNTED = [
    ("en", "relative", "my grandma is ninety and takes twelve different pills a day"),
    ("sv", "relative", "mormor är nittio och tar 12 olika tabletter om dagen"),
    ("nb", "relative", "bestemor er nitti og tar tolv forskjellige tabletter hver dag"),
]


@pytest.mark.parametrize(("lang", "role", "text"), KINDS_COUNTED)
def test_a_count_of_kinds_of_medicine_is_no_overdose(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Many kinds of medicine a day is a question of medicines, not an overdose."""
    rules_only = rules_engine(directory)
    assert rules_only.urgency(chat_text(lang, role, text)) == (False, []), text


def test_a_count_of_the_same_pills_is_still_many(directory: Directory) -> None:
    """Counter-example: twelve of one's sleeping pills taken is still an overdose."""
    urgent, reasons = rules_engine(directory).urgency(
        chat_text("sv", "relative", "mormor har tagit 12 av sina sömntabletter")
    )
    assert urgent and reasons[0].startswith("overdose:"), reasons


def test_a_long_message_of_phrases_is_read_in_linear_time(directory: Directory) -> None:
    """The phrases that own shorter ones are looked up by position: a message of 3,000 words
    made of phrases inside phrases ("can't stop crying") is read in well under a second (it
    took about twice as long, growing with the square of its length, when every topic word
    was checked against every phrase). That the phrase still owns its words is tested in
    test_suggestions11 ("can't stop crying" is grief)."""
    engine = rules_engine(directory)
    text = " ".join(["can't stop crying drinking too much"] * 500)
    start = time.perf_counter()
    engine.urgency(Conversation("en", "self", [Line("visitor", text)]))
    assert time.perf_counter() - start < 1.5


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "tack för allt ni gör"),
        ("sv", "hej, jag ville bara säga tack för allt ni gör för min son"),
        ("sv", "tack för allt ni har gjort"),
        ("nb", "takk for alt dere gjør for oss"),
        ("en", "thank you for everything you do"),
    ],
)
def test_thanks_for_what_someone_does_is_no_farewell(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """Thanking a service or a person for what they do or did is thanks; "tack för allt" alone
    stays a farewell sign (the model's goodbye verdict stood on it)."""
    assert engine.urgency(chat_text(lang, "self", text)) == (False, [])


def test_thanks_and_not_being_heard_from_again_is_a_goodbye(engine: SuggestionEngine) -> None:
    """With the thanks no longer a farewell word, the line after it must carry the goodbye: not
    being heard from again is one (a move abroad said beside it is not urgent)."""
    urgent, reasons = engine.urgency(
        chat_text("sv", "self", "tack för allt ni gjort för mig. ni kommer inte höra från mig mer")
    )
    assert urgent and reasons[0].startswith("goodbye: "), reasons
    moving = "ni kommer inte höra från mig mer, jag ska flytta till Spanien och börja om"
    assert engine.urgency(chat_text("sv", "self", moving)) == (False, [])


@pytest.mark.parametrize(
    ("lang", "role", "text"),
    [
        ("nb", "self", "er det farlig med paracet? jeg tok 25 i kveld"),
        ("nb", "self", "paracet. jeg tok 25 i kveld"),
        ("sv", "self", "är det farligt med alvedon? jag tog 25 ikväll"),
        ("nb", "relative", "er det farlig med paracet? datteren min tok 20 for en time siden"),
    ],
)
def test_a_count_taken_now_counts_the_pills_of_the_sentence_before(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """The medicine named in one sentence and the count taken in the next is an overdose, also
    after "is it dangerous?" (tri12 found it missed; the rules alone catch it now)."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and reasons[0].startswith("overdose: "), reasons


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "är det farligt med alvedon? jag tog 2 igår mot huvudvärken"),
        ("sv", "är det farligt med alvedon? min mamma tog 20 för tio år sedan"),
        ("nb", "jeg tar 2 paracet om dagen, er det farlig?"),
        ("en", "is ibuprofen safe? i took 2 this morning for my back"),
    ],
)
def test_a_safety_question_about_a_usual_or_past_dose_stays_a_question(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A usual dose, or many long ago, asked about is a question about safety, not urgent."""
    assert engine.urgency(chat_text(lang, "self", text)) == (False, [])
