"""Urgency mechanisms for the urgent conversations blind set 23 missed (branch tri24).

Set 23 became readable this round. Each mechanism is a general way of saying a risk that the
engine could not read, written here in our own words in sv, nb and en (all but two checked to
be missed before by the concept rules alone, ``model=None``), with calm near-misses in the
same words beside them that must stay not urgent (rules and model). Lines are separated by
newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

B24_URGENT = [
    # a fatal event that "would be fine", said as "if": a passive death wish
    ("sv", "self", "om jag krockade på väg hem från jobbet så vore det okej faktiskt", "suicide"),
    ("sv", "self", "jag vill inte dö typ. men fick jag cancer skulle det vara lugnt", "suicide"),
    ("nb", "self", "hvis jeg ble påkjørt på vei hjem hadde det vært greit egentlig", "suicide"),
    ("nb", "self", "om det skjer en dødsulykke med meg så hadde det vært helt ok", "suicide"),
    ("en", "self", "if a truck hit me on the way home that would be fine honestly", "suicide"),
    ("en", "self", "if i got cancer it wouldn't be so bad tbh", "suicide"),
    # it does not matter whether one exists
    ("sv", "self", "det spelar ingen roll om jag finns eller inte", "suicide"),
    ("sv", "relative", "min dotter säger att det inte spelar någon roll om hon lever", "suicide"),
    ("nb", "self", "det spiller ingen rolle om jeg finnes", "suicide"),
    ("nb", "relative", "sønnen min sier at det ikke spiller noen rolle om han lever", "suicide"),
    ("en", "self", "it doesn't matter if i exist or not", "suicide"),
    ("en", "relative", "my brother says it wouldn't make any difference if he existed",
     "suicide"),
    # the last message from me, with another sign (absolution, a goodbye, things given away)
    ("sv", "self", "det här blir mitt sista meddelande\ndet var inte ert fel, ni gjorde vad ni "
     "kunde", "suicide"),
    ("nb", "self", "dette er min siste melding\nhar gitt bort katten til naboen", "suicide"),
    ("en", "self", "this is my last message\nit wasn't your fault, any of it", "suicide"),
    # a number that no longer works, after a goodbye or "won't need them where I'm going"
    ("sv", "relative", "pappa skickade sina klockor till mig och skrev att han inte kommer "
     "behöva dem där han ska\nnu fungerar inte numret", "goodbye"),
    ("nb", "relative", "broren min skrev farvel til alle i går\nnå virker ikke nummeret hans",
     "goodbye"),
    ("en", "relative", "my friend posted a goodbye to everyone last night\nnow her number "
     "doesn't work", "goodbye"),
    # an attempt to end one's life told as the past, and the wish again now
    ("en", "self", "in 2019 i tried to end my life. now i want to again", "suicide"),
    ("sv", "self", "2019 försökte jag avsluta mitt liv. nu vill jag det igen", "suicide"),
    ("nb", "self", "i 2019 prøvde jeg å avslutte livet. nå vil jeg det igjen", "suicide"),
]

B24_NOT_URGENT = [
    # "would it be fine to ...", an accident named before a question of leave
    ("sv", "self", "om det händer en olycka på jobbet vore det skönt att veta vem man ringer"),
    ("nb", "self", "hvis det skjer en ulykke hadde det vært greit å vite hvem man ringer"),
    ("en", "self", "if there's an accident at work would it be fine to call you?"),
    ("sv", "self", "vore det okej om jag skrev om min pappas olycka?"),
    # it does not matter whether one comes to a party; a party's last message
    ("sv", "self", "det spelar ingen roll om jag är med på festen eller inte"),
    ("nb", "self", "det spiller ingen rolle om jeg kommer i morgen"),
    ("en", "self", "it doesn't matter if i come to the meeting or not"),
    # a last message for the day; comforting someone that it was not their fault
    ("sv", "self", "det här blir mitt sista meddelande för ikväll, måste sova. tack!"),
    ("nb", "self", "siste melding for i dag, jeg skriver igjen i morgen"),
    ("en", "self", "last message for today, i'll write again tomorrow"),
    ("sv", "relative", "hur säger jag till min son att det inte var hans fel att pappa drack?"),
    # a number that does not work, with no goodbye
    ("sv", "self", "numret till vårdcentralen fungerar inte, vart ringer jag istället?"),
    ("en", "self", "the number on your website doesn't work, how do i book a visit?"),
    # the attempt long over, or "again" of something else
    ("en", "self", "years ago i tried to end my life. now i want to start running again"),
    ("sv", "self", "för tio år sen försökte jag avsluta mitt liv. idag mår jag bra"),
    ("nb", "self", "for ti år siden prøvde jeg å avslutte livet. i dag har jeg det bra"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B24_URGENT)
def test_b24_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """A fatal event that would be fine, existence that does not matter, the last message
    with another sign, and a number that no longer works after a goodbye."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), B24_NOT_URGENT)
def test_b24_near_misses_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Leave asked after an accident named, a party that does not matter, a last message for
    the day, comfort that it was not one's fault, and a number that does not work."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)
