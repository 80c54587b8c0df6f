"""Thoughts of death going on since a time told (branch tri34).

A date in a sentence ("för två år sedan", "in 2019") made all of it the past, so "hon har
tänkt på att ta sitt liv varje dag sedan hennes man dog för två år sedan" was calm. A time told
as the start of something that goes on ("sedan", "ever since", "siden da", "fortfarande",
"still", "i två år nu") is not a past that is over: the thoughts go on now. Our own wordings in
sv, nb and en (the writer's and a relative's, typos, missing å/ä/ö); the urgent ones are
checked with the concept rules alone, the calm near-misses (a risk clearly over, a risk
denied since then, an attempt that is the start of something calm) with the full engine.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

TRI34_URGENT = [
    # a perfect with "since" (a conjunction) and a date inside it
    ("sv", "relative", "hon har tänkt på att ta sitt liv varje dag sedan hennes man dog för två "
     "år sedan"),
    ("sv", "self", "jag har velat dö sedan min sambo lämnade mig för tre år sedan"),
    ("sv", "self", "har tankt pa att do varje dag sen olyckan for tva ar sen"),
    ("sv", "relative", "min fru har velat dö sedan hon fick sitt besked förra våren"),
    ("nb", "self", "jeg har tenkt på å ta livet mitt hver dag siden kona døde for to år siden"),
    ("nb", "relative", "faren min har villet dø helt siden han mistet gården for et år siden"),
    ("nb", "self", "har hatt lyst til å dø siden bruddet for to år siden"),
    ("en", "relative", "he has been thinking about killing himself every day since his wife "
     "died two years ago"),
    ("en", "self", "i've wanted to die ever since the divorce three years ago"),
    ("en", "relative", "my daughter has been suicidal since she was attacked last year"),
    # "since then" and "ever since" after the date, in its own clause
    ("sv", "self", "för två år sedan dog pappa och jag har velat dö sedan dess"),
    ("nb", "self", "for tre år siden døde broren min og jeg har villet dø siden da"),
    ("en", "self", "i keep thinking about ending my life, ever since the crash two years ago"),
    # "still" and "for two years now"
    ("sv", "self", "jag vill fortfarande dö, det började för två år sedan"),
    ("sv", "self", "jag har tänkt på att ta mitt liv i två år nu"),
    ("nb", "self", "jeg vil fremdeles dø, det begynte for tre år siden"),
    ("en", "self", "i still want to die, it started three years ago"),
    # the since clause first
    ("sv", "self", "sedan jag förlorade jobbet för ett år sedan har jag tänkt på att dö"),
    ("nb", "self", "siden jeg mistet jobben i fjor har jeg tenkt på å ta livet mitt"),
    ("en", "self", "since i lost my job last year i have been thinking about killing myself"),
]

TRI34_NOT_URGENT = [
    # clearly over
    ("sv", "self", "för två år sedan ville jag dö, nu mår jag bra"),
    ("nb", "self", "hadde selvmordstanker for fem år siden, men det er lenge over"),
    ("en", "self", "i tried to kill myself in 2019, i've been fine since"),
    ("en", "self", "two years ago i wanted to die, now i'm doing well"),
    # denied since then
    ("sv", "self", "hade självmordstankar för fem år sedan men har inte haft såna tankar sedan "
     "dess"),
    ("sv", "self", "jag har inte tänkt på att dö sedan jag började med medicinen för ett år "
     "sedan"),
    ("nb", "self", "har ikke hatt selvmordstanker siden jeg begynte i terapi for to år siden"),
    ("en", "self", "i haven't thought about suicide since i started therapy two years ago"),
    # the past act itself, with something calm since then
    ("sv", "self", "jag försökte ta livet av mig för fem år sedan och har mått bra sedan dess"),
    ("sv", "self", "jag försökte ta livet av mig för fem år sedan. sedan dess har jag mått bra"),
    ("nb", "self", "jeg prøvde å ta livet mitt for fem år siden og har hatt det bra siden da"),
    ("en", "self", "since i tried to kill myself in 2019 i have been on medication and doing "
     "well"),
    # "still" beside a past told, not beside thoughts now
    ("sv", "relative", "min pappa tog sitt liv för två år sedan och jag saknar honom "
     "fortfarande"),
    ("en", "self", "i still have scars from when i cut myself in 2015"),
    ("en", "self", "i still think about the time i tried to kill myself five years ago"),
    ("nb", "self", "jeg har arr siden jeg kuttet meg for tre år siden"),
    # since and now without any risk
    ("sv", "self", "har bott i Malmö sedan jag flyttade för två år sedan"),
    ("nb", "self", "vi har vært sammen i tre år nå"),
    ("en", "self", "we've been married for two years now"),
]


@pytest.mark.parametrize(("lang", "role", "text"), TRI34_URGENT)
def test_tri34_thoughts_going_on_since_a_date_are_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """A death wish or thoughts of it told in the perfect with "since", "since then", "ever
    since", "still" or "for two years now": the date is where they began."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith("suicide:") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), TRI34_NOT_URGENT)
def test_tri34_risks_over_or_denied_since_stay_calm(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """A risk over, denied since then, an attempt that began a calm time, "still" beside a past
    told, and "since" with no risk."""
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)
