"""Thoughts of death as a noun, urgent on their own, and thoughts told as over (branch dod36).

"dödstankar" / "dødstanker" are urgent on their own, as "självmordstankar" / "selvmordstanker"
are, unless negated or over. Over reaches these noun phrases: thoughts had before and now
better told with the verb first ("men nu mår jag bra", "men nå har jeg det bra"), and the
thoughts themselves gone ("dödstankarna har släppt", "selvmordstankene er borte"). Present
thoughts beside a good day, and thoughts back now, stay urgent; a side-effect question stays
calm. Our own wordings in sv, nb and en; urgent ones with the rules alone (``model=None``),
calm ones with the full engine.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

DOD36_URGENT = [
    ("sv", "har dödstankar nästan hela tiden"),
    ("sv", "jag har haft dödstankar hela veckan"),
    ("sv", "dodstankar varje kväll numera"),
    ("sv", "jag har dödstankar men idag mår jag lite bättre"),
    ("sv", "hade dödstankar för ett tag sen och nu har de kommit tillbaka"),
    ("sv", "självmordstankarna är tillbaka"),
    ("nb", "eg har dødstankar heile tida"),
    ("nb", "jeg har hatt dødstanker i hele vinter"),
    ("nb", "jeg har dødstanker, men i dag er en grei dag"),
    ("en", "i keep having thoughts of death every night"),
    ("en", "been having suicidal thoughts all week"),
]

DOD36_NOT_URGENT = [
    # thoughts had before, now better (the verb first)
    ("sv", "hade dödstankar förra våren men nu mår jag mycket bättre"),
    ("sv", "jag hade självmordstankar tidigare men nu har jag det bra"),
    ("nb", "hadde dødstanker for noen år siden, men nå har jeg det godt"),
    ("nb", "jeg hadde selvmordstanker før, men nå går det bedre"),
    # the thoughts gone
    ("sv", "dödstankarna har försvunnit sedan jag började i terapi"),
    ("sv", "självmordstankarna släppte i våras"),
    ("nb", "dødstankene er borte nå etter behandlingen"),
    ("nb", "selvmordstankene har sluppet taket"),
    # a side-effect question
    ("sv", "kan antidepressiva ge dödstankar?"),
    ("nb", "kan medisinen gi dødstanker?"),
    ("en", "can antidepressants cause thoughts of death?"),
    # no thoughts of death
    ("sv", "jag har inga dödstankar"),
    ("nb", "jeg har ikke dødstanker"),
    ("en", "i don't have any thoughts of death"),
]


@pytest.mark.parametrize(("lang", "text"), DOD36_URGENT)
def test_dod36_thoughts_of_death_are_urgent_without_the_model(
    directory: Directory, lang: str, text: str
) -> None:
    """Thoughts of death or suicide now, beside a better day or back now."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "self", text))
    assert urgent, (text, reasons)
    assert any(r.startswith("suicide:") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), DOD36_NOT_URGENT)
def test_dod36_thoughts_over_or_asked_stay_not_urgent(
    directory: Directory, lang: str, text: str
) -> None:
    """Thoughts had before and now better, thoughts gone, a side-effect question, none."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, "self", text))
    assert not urgent, (text, reasons)
