"""Urgency mechanisms for wordings found by probing, not from a data file (branch tri39).

Main read these as calm: a wish written "i'd like to" / "id like to" (one token "i'd", so the
wish class's "would like" never saw it); methods read up on ("been reading about methods"),
taken for a book quoted; "game over for real" said of one's life (the pattern's alternatives
were split by the spaces of "in real life" and never matched); "the least painful way to pass
away" (the idiom "passed away" swallowed "pass away"); oneself switched off "for good"; and a
bare "I've made my decision" after despair with no day named. Each in our own words in sv, nb
and en, with calm near-misses beside it that must stay not urgent (rules and model). The
urgent wordings are checked with the concept rules alone (``model=None``). Lines are
separated by newlines.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

TRI39_URGENT = [
    # a wish written "i'd like to", "id like to", "i'd love to"
    ("en", "i'd like to die", "suicide"),
    ("en", "id like to just disappear", "suicide"),
    ("en", "i'd love to stop existing", "suicide"),
    ("en", "id like to turn myself off and never turn back on", "suicide"),
    ("en", "i'd like to switch myself off for good", "suicide"),
    ("sv", "vill stänga av mig själv för gott", "suicide"),
    ("sv", "vill stanga av mig sjalv for alltid", "suicide"),
    ("nb", "vil slå av meg sjølv for alltid", "suicide"),
    # methods read up on, bare, with despair or back in that place
    ("en", "back in that dark place. been reading about methods", "suicide"),
    ("en", "so tired of everything. been looking up methods.", "suicide"),
    ("sv", "jag ar tillbaka dar igen, har last om metoder", "suicide"),
    ("sv", "orkar inte mer. har googlat metoder", "suicide"),
    ("nb", "eg er tilbake der igjen, har lese om metodar", "suicide"),
    ("nb", "orker ikke mer. har lest om metoder", "suicide"),
    # game over, for real, said of one's life
    ("en", "i'm done. its game over for me irl", "suicide"),
    ("en", "my life is game over", "suicide"),
    ("sv", "det är game over pa riktigt nu", "suicide"),
    ("nb", "det er game over på ordentleg no", "suicide"),
    ("nb", "game over på ekte for meg", "suicide"),
    # the least painful way to pass away
    ("en", "whats the most painless way to pass away", "suicide"),
    ("en", "easiest way to pass away in my sleep?", "suicide"),
    # a bare decision after despair, no day named
    ("en", "i can't do this anymore\nI've made my decision", "suicide"),
    ("en", "i feel like such a burden\ni've made my choice", "suicide"),
    ("sv", "orkar inte mer\njag har fattat mitt beslut", "suicide"),
    ("nb", "orkar ikkje meir\neg har teke ei avgjerd", "suicide"),
    # the whole box, strip or glass of pills tonight (nynorsk)
    ("nb", "eg tek heile brettet i kveld", "overdose"),
    ("nb", "eg tek heile glaset ikveld", "overdose"),
]

TRI39_NOT_URGENT = [
    # a phone switched off for a rest; a contracted wish about something else
    ("en", "i'd like to switch off my phone for the weekend"),
    ("en", "going to turn my phone off for a while, need some rest"),
    ("en", "i want to switch off my phone for good, too much screen time"),
    ("en", "i'd like to talk about my grandad who passed away"),
    ("en", "i'd love to just vanish from this party haha"),
    ("sv", "vill stänga av mobilen för gott"),
    # methods named for what they are for
    ("en", "i'm exhausted from exams, been reading about study methods"),
    ("en", "so tired, been reading about methods to get better sleep"),
    ("sv", "har läst om undervisningsmetoder, är så trött"),
    ("nb", "har lest om metoder for å lære bort matte"),
    # a game over in a game, a match, with a laugh
    ("en", "game over in fortnite"),
    ("en", "game over for real, we got knocked out of the cup"),
    ("sv", "game over i fortnite igen"),
    ("nb", "game over i fifa igjen"),
    # a kidney stone, a grandparent
    ("en", "what's the least painful way to pass a kidney stone"),
    ("en", "scared my nan will pass away soon"),
    # a decision about a job or a flat
    ("en", "made my decision about the job"),
    ("en", "i've made my decision about the job, i'm quitting"),
    ("sv", "har fattat mitt beslut om jobbet"),
    ("nb", "jeg har tatt en avgjørelse om jobben"),
    # a glass of juice, ice cream
    ("nb", "eg tok heile glaset med saft"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), TRI39_URGENT)
def test_tri39_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, text: str, kind: str | None
) -> None:
    """A contracted wish, oneself switched off for good, methods read up on, game over for
    real, the least painful way to pass away, a bare decision after despair, a whole strip."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "self", text))
    assert urgent, (text, reasons)
    if kind is not None:
        assert any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), TRI39_NOT_URGENT)
def test_tri39_near_misses_stay_not_urgent(directory: Directory, lang: str, text: str) -> None:
    """A phone switched off for a rest, study methods, a game's game over, a kidney stone, a
    decision about a job and a glass of juice."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, "self", text))
    assert not urgent, (text, reasons)
