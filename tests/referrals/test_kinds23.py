"""The urgent kind of a parent's pill habit told by a child (branch kind23).

A child (or a relative, with children there) telling that a parent takes many pills and sleeps
whole days through is in the care of an adult who is out of it: `child_at_risk`, not an
overdose now. Before this branch the rule "something taken + many + pills" read the present
"tar massa tabletter" as an act and gave `overdose`; the verdict stays urgent, only the kind
changes. Pills taken just now, tonight, with a body that cannot be woken, stay an overdose;
pills taken as prescribed stay calm. Our own wordings in sv, nb and en; lines are separated by
newlines.
"""

from __future__ import annotations

import pytest

from referrals import Conversation, Directory, SuggestionEngine

from .helpers import chat


def _chat(lang: str, role: str, text: str) -> Conversation:
    return chat(lang, role, *text.split("\n"))


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


def _first_kind(reasons: list[str]) -> str:
    return reasons[0].split(":", 1)[0] if reasons else "none"


@pytest.mark.parametrize(("lang", "role", "text"), HABIT)
def test_a_parents_pill_habit_told_is_a_child_at_risk(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """Many pills taken in the present over whole days, of a parent told by a child or of an
    adult with small children: urgent, and the kind staff see first is child_at_risk."""
    urgent, reasons = engine.urgency(_chat(lang, role, text))
    assert urgent and _first_kind(reasons) == "child_at_risk", (text, reasons)
    assert not any(r.startswith("overdose:") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), NOW)
def test_pills_taken_now_stay_an_overdose(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """Pills taken just now, tonight or in the perfect, or a parent who cannot be woken: the
    same words are an overdose now, first in the queue."""
    urgent, reasons = engine.urgency(_chat(lang, role, text))
    assert urgent and _first_kind(reasons) == "overdose", (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_pills_as_prescribed_stay_calm(
    directory: Directory, engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """A parent's medicine every evening, for the back or for diabetes: not urgent (rules and
    model)."""
    urgent, reasons = engine.urgency(_chat(lang, role, text))
    assert not urgent, (text, reasons)
    urgent, reasons = SuggestionEngine(directory, model=None).urgency(_chat(lang, role, text))
    assert not urgent, (text, reasons)
