"""False alarms of blind set 30 with a general cause (branch fp30).

Set 30 was read for this branch: the mechanism is tested in wordings of our own (not copied
from the set), each calm conversation beside alarming near-twins that must stay urgent by the
concept rules alone (``model=None``). Lines are separated by newlines; a line starting with
"staff:" is a staff line.

Mechanism: something taken or a collapse told a day or more back ("igår kväll", "i går",
"last night", "i lördags") with the person fine now ("känns bra nu", "han er helt fin i dag",
"I'm okay now") is over: a question for advice, not an emergency (engine, `_over_and_fine`).
It stays urgent when pills are counted as many, when the body is in trouble after the fine
line (or before "fine" in its line), when something is taken again, or when no day back is
told ("i natt" is tonight too, "an hour ago" is now).
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

CALM = [
    # an extra sleeping pill or a double dose a night back, fine now
    ("sv", "self", "tog en sömntablett extra igår, glömde att jag redan tagit en\n"
     "sov länge och känns bra nu\nkan det ha påverkat nåt?"),
    ("nb", "self", "tok en ekstra sovepille i går kveld ved en feil\nvar tung i hodet i morges\n"
     "føler meg bra nå, men er det farlig?"),
    ("en", "self", "accidentally took my sleeping tablet twice on saturday\nslept till noon\n"
     "feeling fine now, should I tell my doctor?"),
    # a drug's bad hours a day back, fine now
    ("sv", "self", "rökte på för första gången i fredags och fick panik och hjärtat rusade\n"
     "mår bra nu, men är det farligt för hjärtat?"),
    ("en", "self", "had some mushrooms yesterday and my heart was racing for hours\n"
     "I'm fine now, ate and slept. how long does it stay in the body?"),
    ("nb", "self", "prøvde hasj i går og hjertet dunket helt vilt\njeg er ok nå, bare lurer "
     "på om det kan skade"),
    # a friend passed out a night back, fine now
    ("sv", "relative", "min kompis däckade på toagolvet i lördags efter för mycket vodka\n"
     "idag är han helt fin\nborde vi ha ringt ambulans?"),
    ("nb", "relative", "samboeren min besvimte på trappa i går etter fest\nhan er helt fin i "
     "dag, husker ingenting\nhva burde vi gjort?"),
    ("en", "relative", "my brother collapsed in the hallway last night after the party\nhe's "
     "okay today, just embarrassed\nwhat should we do next time?"),
    # a detox or a taper planned with a doctor, fits only feared or read about
    ("sv", "self", "har fått remiss till avgiftning, börjar om två veckor\ndricker en box vin "
     "i veckan\när rädd för kramper, hur vanligt är det?"),
    ("nb", "self", "skal trappe ned vallium med legen i høst\nhar lest om kramper og er redd "
     "for det\nhva er vanlig?"),
    ("en", "self", "I'm tapering off my benzos with my doctor from next month\nread about "
     "seizures online and I'm scared, how common are they?"),
]

URGENT = [
    # many pills counted: a calm night does not make it over
    ("sv", "self", "tog 30 alvedon igår kväll\nkänns bra nu"),
    ("en", "self", "took a whole box of paracetamol last night\nI'm fine now, just a bit sick"),
    ("nb", "self", "tok 25 paracet i går kveld\nføler meg bra nå"),
    # the body in trouble after the fine line, or before "fine" in it
    ("sv", "relative", "min kompis däckade i lördags efter vodka\nhan var ok igår\nnu går han "
     "inte att väcka"),
    ("en", "self", "took an extra sleeping pill last night\nfelt fine when I woke up\nnow I "
     "can't breathe properly and my chest hurts"),
    ("nb", "self", "tok en ekstra sovepille i går kveld\njeg er ok, men nå får jeg ikke puste"),
    # a stop of drinking a day back and a fit since: feeling ok after it is no all-clear
    ("en", "self", "quit drinking on sunday after a long binge\nhad a seizure in the shower "
     "earlier, feel okay now though"),
    ("sv", "self", "slutade dricka igår efter två veckors fylla\nfick ett krampanfall på "
     "golvet för en stund sen, känns ok nu"),
    ("nb", "self", "sluttet å drikke i går etter en lang fylleperiode\nfikk krampeanfall på "
     "badet nettopp, føler meg ok nå"),
    # fine told as the past, then worse: "he said he was fine" is no all-clear
    ("en", "relative", "my dad fell down the stairs drunk yesterday\nhe said he was fine\n"
     "today he doesn't know where he is and he's passed out on the sofa"),
    ("sv", "relative", "min sambo svimmade i badrummet igår efter fyllan\nhan är ok sa han\n"
     "nu går han inte att väcka"),
    ("nb", "relative", "broren min besvimte på fest i går\nhan er ok nå\nnå får jeg ikke "
     "vekket han"),
    # a detox planned, and the fits going on now
    ("sv", "self", "ska på planerad avgiftning på måndag\nslutade dricka igår och nu har jag "
     "kramper och skakar"),
    ("nb", "self", "skal inn på avrusning neste uke\nsluttet å drikke i går og nå har jeg "
     "kramper og får ikke puste"),
    ("en", "self", "I have a planned detox next week\nstopped drinking yesterday and I'm "
     "having a seizure right now, scared"),
    # no day back: tonight, an hour ago
    ("sv", "self", "har tagit 20 sömntabletter i natt\nkänns ok"),
    ("en", "self", "I took 15 xanax an hour ago\nfeel okay for now"),
    ("nb", "relative", "kompisen min ligger bevisstløs på badegulvet nå etter sprit\npuster "
     "rart"),
]


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_calm_stays_calm(engine: SuggestionEngine, lang: str, role: str, text: str) -> None:
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, reasons


@pytest.mark.parametrize(("lang", "role", "text"), URGENT)
def test_near_twin_stays_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    assert rules_engine(directory).urgency(chat_text(lang, role, text))[0], text


@pytest.mark.parametrize(("lang", "role", "text"), URGENT)
def test_near_twin_stays_urgent_with_the_model(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    assert engine.urgency(chat_text(lang, role, text))[0], text
