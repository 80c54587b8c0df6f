"""tri39 taken up again (branch tri41): its contracted wish no longer backs a model verdict on
cutting down a habit, and a trip away or a hair dyed is no wish to vanish or die.

tri39 was taken back (6677d2e) because "I've been having a gin every evening and I'd like to
cut back" became urgent: the new wish "i'd like" stood beside the learnt model's suicide
reading. Main flagged the same line with "would like" or "wish I could" already. Cutting down
is now a habit being quit (``quit_habit``), so a suicide reading with no word about a life
beside it is the habit's (``engine._another_end``). A wish to vanish to a place for a span ("to
Spain for a week") is a trip, and "die my hair" is dyeing it. Each in our own words in sv, nb
and en; the urgent wordings are checked with the concept rules alone (``model=None``), the calm
ones with rules and model. Lines are separated by newlines.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

TRI41_URGENT = [
    # a wish for death or to vanish, with cutting down or a place beside it, stays a wish
    ("en", "i'd like to die. i can't even cut back on the drinking", "suicide"),
    ("en", "honestly i'd like to disappear. tried to drink less and failed again", "suicide"),
    ("en", "i'd like to disappear to somewhere nobody finds me, for good", "suicide"),
    ("sv", "vill bara dö. klarar inte ens att dra ner på drickandet", "suicide"),
    ("sv", "vill försvinna för alltid", "suicide"),
    ("nb", "vil bare dø. klarer ikke engang å kutte ned på drikkinga", "suicide"),
    ("nb", "vil forsvinne for godt", "suicide"),
]

TRI41_NOT_URGENT = [
    # cutting down a habit, wished in any words
    ("en", "I've had a gin most evenings this autumn and I'd like to cut back"),
    ("en", "two bottles of wine a week, i would like to cut down"),
    ("en", "i wish i could cut back on the beer, it's every night now"),
    ("en", "id love to drink less before christmas"),
    ("sv", "dricker vin varje kväll och skulle vilja dra ner på det"),
    ("sv", "önskar att jag kunde minska drickandet, det blir för mycket"),
    ("nb", "drikker øl hver kveld og vil gjerne kutte ned"),
    ("nb", "skulle ønske jeg klarte å trappe ned på vinen"),
    # a trip away for a span
    ("en", "i'd like to disappear to a cabin in the mountains for a week"),
    ("en", "i'd love to disappear off to lisbon for the weekend"),
    ("sv", "vill bara försvinna till landet en vecka"),
    ("sv", "skulle vilja försvinna till stugan över helgen"),
    ("nb", "vil bare forsvinne til hytta ei uke"),
    ("nb", "har lyst til å forsvinne til syden over helga"),
    # a hair dyed
    ("en", "i'd like to die my hair pink for the concert"),
    ("en", "thinking of dying my hair black, mum will hate it"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), TRI41_URGENT)
def test_tri41_wishes_stay_urgent_without_the_model(
    directory: Directory, lang: str, text: str, kind: str
) -> None:
    """A wish to die or vanish for good stays urgent beside cutting down or a place."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "self", text))
    assert urgent, (text, reasons)
    assert any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), TRI41_NOT_URGENT)
def test_tri41_cutting_down_a_trip_and_a_dye_stay_not_urgent(
    directory: Directory, lang: str, text: str
) -> None:
    """Cutting down a habit, a trip away for a span and a hair dyed are calm."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, "self", text))
    assert not urgent, (text, reasons)
