"""False alarms of blind set 27 with a general cause (branch fp31a).

Set 27 was read for this branch: each mechanism is tested in wordings of our own (not copied
from the set), calm conversations beside alarming near-twins that must stay urgent by the
concept rules alone (``model=None``) and with the model. Lines are separated by newlines; a
line starting with "staff:" is a staff line.

Mechanisms:
- the writer's own habit quit told (gambling apps or accounts closed, the drink poured out,
  "RIP vape", a farewell said to the wine itself) explains the chat's goodbyes, farewells and
  give-aways, unless someone else is named or a word of dying or of life, a wish, weariness,
  a letter to kin or a decision is there (engine, `_habit_quit_told`);
- going on at a clinic or in a treatment named is no life going on (`idiom`);
- away for a span told ("won't be reachable for 3 weeks") is a departure that explains
  goodbyes said, never a farewell letter or a give-away (`away_span`, `farewell_letter`);
- not waking until a time or an age that comes is sleep longed for (`idiom`);
- a pet's death told ("min katt dog i natt", "my dog had to be put down") is a pet let go,
  as at the vet (`vet`, kept beside the idiom that owns "min katt dog"); "dead quiet" is a
  silence (`idiom`, en).
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

CALM = [
    # a habit quit, its gear given away and a goodbye to it
    ("sv", "self", "har raderat alla spelappar idag\ngav bort pokerbordet till min granne\n"
     "hejdå till allt det där, sju år av elände\nstaff: Starkt! Har du anmält dig till "
     "Spelpaus?\nja igår"),
    ("nb", "self", "har stengt alle spillkontoene mine i dag\ngitt bort pokersjetongene til "
     "en kollega\nfarvel til ti år med tull"),
    ("en", "self", "deleted all my betting apps this morning\ngave my poker chips to my "
     "neighbour\ngoodbye to six years of misery"),
    ("sv", "self", "hällde ut allt vin i vasken igår\ngav bort vinkylen till syrran\n"
     "känns konstigt men bra"),
    ("en", "self", "RIP vape. binned it this morning\nmy counsellor told me to write it a "
     "farewell letter\nany tips for the cravings?"),
    ("sv", "self", "ikväll är sista kvällen jag dricker\nska säga farväl till vinet med min "
     "sambo, sen börjar behandlingen på måndag"),
    # a move with a treatment to go on with somewhere else
    ("nb", "self", "har gitt bort sofaen og sagt opp leiligheten\nflytter til Bodø, fikk jobb "
     "der\nkan jeg fortsette i ruspoliklinikken der?"),
    ("sv", "self", "har gett bort möblerna\nflyttar till Luleå i augusti, fått jobb där\n"
     "kan jag fortsätta i öppenvården där uppe?"),
    # away for a span, goodbyes said
    ("sv", "self", "åker på fjällvandring imorgon, kommer inte vara nåbar på två veckor\n"
     "har sagt hejdå till alla\nkan ni flytta min tid?"),
    ("en", "self", "off on a trek tomorrow, won't be reachable for 3 weeks\nsaid goodbye to "
     "everyone already\ncan you move my appointment?"),
    # sleep longed for, until a time
    ("sv", "self", "vill bara sova och inte vakna förrän han fyller två\nbebisen vaknar "
     "hela tiden"),
    ("nb", "self", "vil bare sove og ikke våkne før jul\nså sliten av ungen"),
    # a pet's death told
    ("sv", "self", "min katt dog i natt\n16 år, hon har varit med mig i allt\nville bara "
     "skriva av mig ikväll"),
    ("en", "self", "my cat had to be put down this morning\nthe flat feels dead quiet without "
     "her\ni'll be ok, just needed to tell someone"),
]

CALM_BY_THE_RULES = [
    # the shipped model (not retrained) is sure of this one: the rules alone must be calm
    ("en", "self", "i just want to sleep and not wake up until she's in school\nthe baby "
     "wakes every hour"),
    ("sv", "self", "vill bara sova och inte vakna förrän hon är tre år"),
]

URGENT = [
    # a habit quit beside a word of dying, a wish, a letter to kin or someone else
    ("sv", "self", "har raderat alla spelappar idag\ngett bort pokerbordet och katten\n"
     "orkar inte leva längre"),
    ("sv", "self", "har raderat alla spelappar\ngett bort allt jag äger\nhar skrivit brev "
     "till mamma"),
    ("en", "self", "deleted all my betting apps\ngave away my guitar and my dog\ni just want "
     "to disappear"),
    ("nb", "self", "har stengt alle spillkontoene\ngitt bort alt jeg eier\nvil ikke leve "
     "lenger"),
    ("sv", "relative", "min bror har stängt alla sina spelkonton\nhan har gett bort sin "
     "gitarr och katten\nhan skrev farväl på facebook"),
    # away for a span, with a farewell letter or a give-away
    ("sv", "self", "kommer inte vara nåbar på två veckor\nhar skrivit avskedsbrev till "
     "mamma"),
    ("en", "self", "won't be reachable for 3 weeks\nwrote a farewell letter to my family"),
    ("sv", "self", "kommer inte vara nåbar på en vecka\nhar sagt hejdå till alla och gett "
     "bort katten"),
    # not waking, with no time that comes
    ("sv", "self", "vill bara sova och aldrig vakna igen"),
    ("sv", "self", "vill inte vakna imorgon"),
    ("en", "self", "i want to go to sleep and not wake up"),
    ("nb", "self", "vil ikke våkne i morgen"),
    # a pet's death, and the writer's own wish to die
    ("sv", "self", "min hund dog igår\nvill inte leva utan henne"),
    ("en", "self", "my dog had to be put down today\ni have saved up my pills"),
    ("nb", "self", "katten min døde i går\nnå vil jeg bare forsvinne"),
    # going on: life, not a treatment
    ("sv", "self", "orkar inte fortsätta leva"),
    ("nb", "self", "jeg vil ikke fortsette å leve"),
]


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_calm_stays_calm(engine: SuggestionEngine, lang: str, role: str, text: str) -> None:
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, reasons


@pytest.mark.parametrize(("lang", "role", "text"), CALM_BY_THE_RULES)
def test_calm_by_the_rules(directory: Directory, lang: str, role: str, text: str) -> None:
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
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
