"""A bereaved writer's own wish to die or to join the dead (branch grief29).

A funeral, a hospice, a pet at the vet or another's death told explain the farewells and the
death words of a chat (fp25, fp28, fp29). They must not explain the writer's own veiled wish
to die: their own time left ("I won't be here much longer"), wanting to be with or to join the
dead, a reunion with the dead "soon", nothing left to live for without them, their own things
given away, pills saved. Wordings of our own in sv, nb and en: the urgent ones by the concept
rules alone, the calm grief beside them (sadness, missing, faith in a reunion "one day",
practical funeral talk, a dying relative's own words told) by the whole engine. Lines are
separated by newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

URGENT = [
    # the writer's own time left, beside a funeral or a death told
    ("sv", "self", "pappa begravdes i onsdags\njag kommer inte vara här så länge till"),
    ("sv", "self", "efter att min sambo dog har allt stannat\nja, jag kommer inte vara kvar "
     "så länge till heller"),
    ("nb", "self", "mormor ble begravet i går\njeg blir ikke her så mye lenger"),
    ("nb", "self", "begravelsen til broren min er på fredag\njeg kommer ikke til å være her "
     "så lenge til"),
    ("en", "self", "mum was buried on friday\nhonestly I won't be here much longer"),
    ("en", "self", "my husband's funeral was last week\nI don't think I'll be around much "
     "longer either"),
    # wanting to be with the dead, or to join them (no "just")
    ("sv", "self", "min fru dog i mars, begravningen var förra veckan\njag vill vara hos "
     "henne"),
    ("sv", "self", "pappas begravning är på lördag\njag vill följa med honom"),
    ("nb", "self", "etter at kona mi døde er alt tomt\njeg vil være der hun er"),
    ("nb", "self", "mammas begravelse er på torsdag\njeg vil være hos henne"),
    ("en", "self", "my wife was buried on tuesday\nI want to be with her"),
    ("en", "self", "since my son died nothing matters\nI want to join him"),
    # a reunion with the dead "soon"
    ("sv", "self", "mammas begravning på fredag\nsnart ses vi igen mamma"),
    ("nb", "self", "pappa ble begravet i dag\nvi sees snart pappa"),
    ("en", "self", "dad's funeral was today\nsee you soon dad"),
    ("en", "self", "my brother who died last year\nI'll be with you again soon, I promise"),
    # nothing left without them, no point going on
    ("sv", "self", "min man begravdes igår\ndet finns inget kvar för mig här utan honom"),
    ("nb", "self", "kjæresten min ble begravet i helgen\ndet er ingen vits å fortsette uten "
     "ham"),
    ("en", "self", "my wife's funeral was on monday\nthere's nothing left for me here without "
     "her"),
    ("en", "self", "dad was buried yesterday\nno point going on without him"),
    # the writer's own things given away after a death
    ("sv", "self", "sen min fru dog har jag gett bort min gitarr och mina böcker\nskrivit "
     "ner vem som ska få vad"),
    ("en", "self", "since my husband died I've given away my books and my guitar\nmy "
     "passwords are in the drawer for my daughter"),
    # a grieving parent saving pills
    ("sv", "self", "vår son begravdes i maj\njag har sparat mina sömntabletter i en burk"),
    ("nb", "self", "sønnen min ble begravet i mai\njeg har spart på sovetablettene mine"),
    ("en", "self", "our daughter was buried in june\nI've been saving up my sleeping pills"),
]

CALM = [
    # plain grief: sadness, missing, wishing they were here
    ("sv", "self", "mamma begravdes i fredags\njag saknar henne så mycket, gråter varje "
     "kväll"),
    ("nb", "self", "pappa ble begravet i går\njeg savner ham sånn, skulle ønske han fortsatt "
     "var her"),
    ("en", "self", "my wife's funeral was on monday\nI miss her so much, I wish she was still "
     "here"),
    # faith in a reunion one day
    ("sv", "self", "mormor begravdes idag\njag tror att vi ses igen en dag i himlen"),
    ("nb", "self", "bestefar ble begravet i dag\njeg tror vi sees igjen en dag i himmelen"),
    ("en", "self", "grandad was buried today\nI believe I'll see him again one day in heaven"),
    # practical funeral talk, being with the living
    ("sv", "self", "mammas begravning på fredag\njag vill vara hos pappa efteråt så han inte "
     "är ensam"),
    ("en", "self", "my dad's funeral is on friday\nI want to be with my mum after, she "
     "shouldn't be alone. how do I write the eulogy?"),
    ("nb", "self", "begravelsen til mormor er på lørdag\nhvordan skriver jeg en minnetale?"),
    # a dying relative's own wishes, and being with them at the end
    ("sv", "relative", "mamma ligger på hospice\nhon säger att hon inte kommer vara här så "
     "länge till, och hon är lugn"),
    ("sv", "relative", "pappa ligger på hospice\njag vill vara hos honom nu i slutet"),
    ("nb", "relative", "mor ligger på hospice\nhun sier hun ikke blir her så mye lenger"),
    ("en", "relative", "my mum is in a hospice\nshe says she won't be here much longer. I want "
     "to be with her at the end"),
    # wanting to be with the living named after the death
    ("sv", "self", "pappa dog i mars\nmamma är ensam nu och jag vill vara hos henne"),
    ("nb", "self", "bestefar døde i vinter\nbestemor bor alene nå, jeg vil være hos henne"),
    ("en", "self", "my dad died last year\nI've met a girl at work and I want to be with her"),
    ("en", "self", "nan was buried on friday\nmy sister took it hard, I just want to be with "
     "her this weekend"),
    # seeing the living soon, a move away after a death
    ("sv", "self", "mormors begravning på fredag\nsnart ses vi hela släkten, det blir fint "
     "ändå"),
    ("nb", "self", "bestefar ble begravet i dag\ntakk for praten, vi sees"),
    ("en", "self", "my husband died in april\nI'm moving to my daughter's, there's nothing "
     "left for me here"),
    # giving away the dead one's things
    ("sv", "self", "min man dog i våras\nnu har jag gett bort hans kläder till kyrkan"),
    ("en", "self", "since my husband died I've been giving away his clothes to charity"),
    # a parent's grief with their pills taken as prescribed
    ("en", "self", "our son was buried in may\nthe doctor gave me sleeping pills, I take one "
     "at night"),
]


@pytest.mark.parametrize(("lang", "role", "text"), URGENT)
def test_own_wish_beside_grief_is_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent, text


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_plain_grief_stays_calm(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, reasons
