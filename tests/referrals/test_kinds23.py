"""The urgent kind of a parent's pill habit told by a child (branch kind23).

A child (or a relative, with children there) telling that a parent takes many pills and sleeps
whole days through is in the care of an adult who is out of it: `child_at_risk`, not an
overdose now. Before this branch the rule "something taken + many + pills" read the present
"tar massa tabletter" as an act and gave `overdose`; the verdict stays urgent, only the kind
changes. Pills taken just now, tonight, with a body that cannot be woken, stay an overdose;
pills taken as prescribed stay calm.

Also: a small child with an intoxicated adult who wants to "take" it somewhere ("vill ta med
lillebror i bilen", "take his 3 year old out") is a child at risk; the small-child poisoning
rule read the bare "take" as swallowing and put `overdose` first. A small child who has got
into, eaten or swallowed a medicine stays an overdose (poisoning). Our own wordings in sv, nb
and en; lines are separated by newlines.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

HABIT = [
    ("sv", "child", "jag är 13. pappa tar massa tabletter och sover hela dagarna"),
    ("sv", "child", "mamma tar jättemånga piller och ligger i sängen hela dagarna. jag e 12"),
    ("sv", "child", "min styvpappa tar massa sömntabletter och sover hela dagarna, vet inte vem "
     "jag ska berätta för"),
    ("sv", "relative", "min syster tar massa sömntabletter och sover hela dagarna, hennes barn "
     "är 3 och 5"),
    ("nb", "child", "jeg er 13. pappa tar masse piller og sover hele dagen"),
    ("nb", "child", "mamma tar mange tabletter og ligger på sofaen hele dagen. jeg er 11"),
    ("nb", "relative", "søsteren min tar masse sovepiller og sover hele dagen, ungene hennes "
     "er 2 og 4"),
    ("en", "child", "im 13 and my dad takes loads of pills and sleeps all day"),
    ("en", "relative", "my sister takes loads of sleeping pills and sleeps all day, her kids "
     "are 2 and 4"),
]

NOW = [
    ("sv", "child", "jag är 13. pappa har tagit massa tabletter nyss och sover, jag får inte "
     "liv i honom"),
    ("sv", "child", "mamma tar massa tabletter och sover hela dagarna men nu har hon tagit en "
     "hel burk"),
    ("nb", "child", "jeg er 13. pappa tok masse piller i kveld og jeg får ikke vekket ham"),
    ("nb", "child", "mamma har tatt mange piller nå og sover hele tiden, jeg er 12"),
    ("en", "child", "im 13 and my dad just took a whole bottle of pills and i cant wake him"),
]

CALM = [
    ("sv", "child", "mamma tar sina tabletter varje kväll och sover gott, jag är 13"),
    ("sv", "child", "pappa tar tabletter för sin diabetes och jobbar hela dagarna. jag e 12"),
    ("nb", "child", "pappa tar medisin for ryggen og er trøtt hele dagen, jeg er 14"),
    ("en", "child", "my mom takes her pills every morning and works all day, im 12"),
]


TAKEN_ALONG = [
    ("sv", "child", "mamma är jättefull och vill ta med lillebror i bilen nu. han är 3"),
    ("sv", "relative", "min svåger är hög på nåt och tar sin 2-åring med sig ut nu i natt"),
    ("nb", "child", "pappa er full og vil ta med lillesøster på 4 i bilen nå"),
    ("en", "relative", "my brother is drunk and wants to take his 3 year old out in the car "
     "right now"),
]

SWALLOWED = [
    ("sv", "relative", "min 2åring har ätit av mina tabletter, är det farligt?"),
    ("sv", "child", "lillebror e 3 o har tagit mammas tabletter från bordet"),
    ("nb", "relative", "2-åringen min har fått i seg oppvaskmiddel nå"),
    ("en", "relative", "my 3 year old got into my handbag and ate some of my pills"),
]


def _first_kind(reasons: list[str]) -> str:
    return reasons[0].split(":", 1)[0] if reasons else "none"


@pytest.mark.parametrize(("lang", "role", "text"), HABIT)
def test_a_parents_pill_habit_told_is_a_child_at_risk(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """Many pills taken in the present over whole days, of a parent told by a child or of an
    adult with small children: urgent, and the kind staff see first is child_at_risk."""
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert urgent and _first_kind(reasons) == "child_at_risk", (text, reasons)
    assert not any(r.startswith("overdose:") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), NOW)
def test_pills_taken_now_stay_an_overdose(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """Pills taken just now, tonight or in the perfect, or a parent who cannot be woken: the
    same words are an overdose now, first in the queue."""
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert urgent and _first_kind(reasons) == "overdose", (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_pills_as_prescribed_stay_calm(
    directory: Directory, engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """A parent's medicine every evening, for the back or for diabetes: not urgent (rules and
    model)."""
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), TAKEN_ALONG)
def test_a_small_child_taken_along_by_a_drunk_adult_is_a_child_at_risk(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """A bare "take" with a small child and a drunk or high adult swallows nothing: the kind is
    child_at_risk, and no overdose is read."""
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert urgent and _first_kind(reasons) == "child_at_risk", (text, reasons)
    assert not any(r.startswith("overdose:") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), SWALLOWED)
def test_a_small_child_who_swallowed_something_stays_an_overdose(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """A small child who has eaten, got into or swallowed a medicine or a cleaning tablet:
    poisoning, an overdose first."""
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert urgent and _first_kind(reasons) == "overdose", (text, reasons)
