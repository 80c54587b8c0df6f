"""Farewells, give-aways and veiled wishes learnt from blind set 19 AU's learning part (branch
au19): what makes a farewell or a giving-away innocent, and what keeps it urgent.

In wordings of our own (not the set's). First the set's false alarms with a general cause:
each must now stay not urgent (rules and model). Beside them, counter-examples in the same
words that must stay urgent (rules and model). Then the one mechanism that finds urgency, with
the concept rules alone (``model=None``). Lines are separated by newlines; a line starting with
"staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

B19_NOW_NOT_URGENT = [
    # (1) the writer's own move, trip or new job told in another message: the goodbyes and
    # give-aways are that leaving
    ("sv", "self", "skänker bort böckerna och har sagt hejdå till grannarna\nlugn, ingen fara! "
     "flyttar till Luleå efter jul\nundrar bara var man går på AA där uppe"),
    ("nb", "self", "selger sofaen, gir bort plantene og sier ha det til gjengen\nflytter til "
     "Bodø i mars for å starte på nytt\nhvor kan jeg få hjelp med drikkinga der?"),
    ("en", "self", "gave my books away and said goodbye to the neighbours\nnothing sad! im "
     "moving to Edinburgh for a new job\nare there any NA groups there?"),
    # (2) retirement and the last day at work: a leaving, its keys handed back no car keys
    ("sv", "self", "sista arbetsdagen idag efter 30 år. lämnade in nycklarna och sa adjö till "
     "kollegorna\nnu är jag orolig att ölen tar över på eftermiddagarna"),
    ("nb", "self", "siste arbeidsdag i dag. leverte tilbake nøklene og sa farvel til "
     "kollegaene\nnå er jeg redd for at vinen blir for mye"),
    ("en", "self", "retired today after 35 years. handed back my keys and said goodbye to "
     "everyone\nnow im scared ill drink too much wine in the afternoons"),
    # (3) someone else's goodbye post, answered since, with an ordinary reason for leaving
    ("sv", "relative", "min bror skrev 'hejdå allihop' på insta och jag blev rädd\nhan har "
     "svarat nu, han ska göra lumpen i ett år\nmen han dricker mycket, vad gör jag?"),
    ("nb", "relative", "søstera mi skrev 'farvel alle sammen' på snap\nhun har svart nå, hun "
     "skal på utveksling et år\nmen hun røyker hasj hver helg, hva gjør vi?"),
    # (4) keys given for something that is no car (and "banken" is the bank, no beating)
    ("en", "relative", "my dad gave me the keys to his flat and his bank codes, he is 80 and "
     "just likes things in order\nbut he drinks a lot of beer in the evenings"),
    ("sv", "relative", "pappa gav mig nycklarna till sommarstugan och koderna till banken. han "
     "mår bra\nmen han dricker mycket vin nu för tiden"),
    # (5) a denial told for the record, then "but" about something else
    ("sv", "self", "bara så ni vet så tänker jag inte på självmord\nmen jag är så ledsen efter "
     "separationen, gråter varje kväll"),
    ("nb", "self", "så dere vet det: jeg tenker ikke på selvmord\nmen jeg er så lei meg etter "
     "bruddet"),
    ("en", "self", "just so you know, i'm not thinking about suicide\nbut i'm really low since "
     "the breakup"),
    # (6) a wish written into a story for class
    ("en", "professional", "one of my students wrote 'i just want to disappear' in a story for "
     "class about moving to a new country\nshe seems happy, do i need to do something?"),
    ("sv", "professional", "en elev skrev 'jag vill bara försvinna' i en berättelse på "
     "engelskan, om att rymma till ett annat land\nhon verkar glad, behöver vi göra något?"),
    ("nb", "professional", "en elev skrev 'jeg vil bare forsvinne' i en fortelling i "
     "norsktimen, om å rømme til et nytt land\nhun virker glad, må vi gjøre noe?"),
]

B19_STAYS_URGENT = [
    # giving away, with "won't need them where I'm going", also beside a move
    ("sv", "self", "ger bort alla mina grejer\nkommer inte behöva dom där jag ska", "suicide"),
    ("nb", "self", "flytter ut og gir bort alt jeg eier\nkommer ikke til å trenge det der jeg "
     "skal", "suicide"),
    ("en", "self", "moving out, giving away all my stuff\nwon't need any of it where i'm going",
     "suicide"),
    # a goodbye and unreachable now, also beside a move
    ("sv", "relative", "min syster sa hejdå till alla och skulle flytta till Spanien\nnu svarar "
     "hon inte och telefonen är avstängd", "goodbye"),
    ("en", "relative", "my brother posted 'goodbye everyone' and said he was moving away\nnow "
     "his phone is off and nobody can reach him", "goodbye"),
    # moving away from everything for good, with a death wish
    ("sv", "self", "har sagt hejdå till alla. ska flytta bort från allt för gott\nvill inte leva "
     "längre", "suicide"),
    ("nb", "self", "har sagt ha det til alle, flytter vekk fra alt for godt\nvil ikke leve mer",
     "suicide"),
    ("en", "self", "said goodbye to everyone. moving away from everything for good\ni don't want "
     "to live anymore", "suicide"),
    # someone else's move does not explain the writer's own goodbyes
    ("sv", "self", "min bror flyttar till Lund\njag har sagt hejdå till alla och gett bort allt",
     "suicide"),
    # a hedged denial turned round by "but" stays ambivalence
    ("nb", "self", "jeg vil egentlig ikke dø\nmen jeg orker ikke mer", "suicide"),
    # car keys taken by someone drunk now
    ("en", "relative", "my husband is drunk and just took the car keys", "third_party_danger"),
    # a wish to disappear that is no story
    ("en", "self", "i just want to disappear, for real", "suicide"),
    # beating told in the past form, now read exactly (not "banken", the bank)
    ("nb", "relative", "stefaren banket mamma i går kveld", "violence"),
]


@pytest.mark.parametrize(("lang", "role", "text"), B19_NOW_NOT_URGENT)
def test_b19_innocent_farewells_are_not_urgent(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """A move, a new job or retirement told in another message; someone else's goodbye post
    answered since, with an ordinary reason; keys handed back or given for no car; a denial
    told for the record; a wish written into a story for class."""
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B19_STAYS_URGENT)
def test_b19_alarming_counter_examples_stay_urgent(
    engine: SuggestionEngine, lang: str, role: str, text: str, kind: str
) -> None:
    """The same words with "won't need them", someone unreachable, a death wish, a writer's
    goodbye beside someone else's move, a hedged denial, car keys, a wish of one's own."""
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


B19_URGENT_RULES = [
    # delirium after stopping drink days ago, told in the present
    ("en", "relative", "my dad stopped drinking cold turkey two days ago\nhe's trembling and "
     "talking to people who aren't there", "medical"),
    ("sv", "relative", "min sambo slutade dricka tvärt i förrgår\nhan skakar och pratar med "
     "folk som inte finns", "medical"),
    ("nb", "relative", "faren min sluttet tvert med alkohol for to dager siden\nhan skjelver og "
     "snakker med folk som ikke er der", "medical"),
]

B19_NOT_URGENT_RULES = [
    # the same words with no withdrawal, or long ago
    ("en", "relative", "my grandma has dementia and sometimes talks to people who aren't there"),
    ("sv", "relative", "pappa slutade dricka tvärt för fem år sedan och har varit nykter sen dess"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B19_URGENT_RULES)
def test_b19_withdrawal_delirium_days_after_stopping_is_medical(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Delirium told in the present days after stopping drink abruptly (rules alone)."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), B19_NOT_URGENT_RULES)
def test_b19_delirium_words_alone_stay_not_urgent(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """Seeing people who are not there with no withdrawal, or a stop long ago (rules and
    model)."""
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


# A child caring for an ill parent, told as lasting ("hele dagen", "hele tida"), with no drink,
# drug, absence or danger and no time: the learnt model's sure child-at-risk verdict is turned
# down (it was flagged before); a parent who cannot be woken now stays urgent.
B19_CARER_NOT_URGENT = [
    ("nb", "child", "mamma er syk tror jeg. hun ligger på sofaen hele dagen og jeg lager mat til "
     "lillebroren min\ner 11. pappa bor ikke her lenger"),
    ("nb", "child", "pappa er syk i hodet. han ligger i senga hele tida og jeg må lage mat til "
     "lillesøstera mi\njeg er 12 og mamma bor ikke her"),
    ("en", "child", "my mum is really depressed, she stays in bed all the time and i cook dinner "
     "for my little brother\nim 12. dad doesnt live with us"),
]

B19_CARER_URGENT = [
    ("nb", "child", "mamma ligger på sofaen og jeg får ikke liv i henne nå. jeg er alene med "
     "lillebror\ner 10"),
    ("sv", "child", "mamma ligger på golvet och jag får inte liv i henne nu. jag är ensam med "
     "lillebror\när 10"),
]


@pytest.mark.parametrize(("lang", "role", "text"), B19_CARER_NOT_URGENT)
def test_b19_a_child_caring_for_an_ill_parent_is_not_urgent(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), B19_CARER_URGENT)
def test_b19_a_parent_who_cannot_be_woken_now_stays_urgent(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Jag är skolsköterska. Finns det grupper för barn vars mamma är deprimerad? Det gäller "
     "en 8-åring."),
    ("en", "school nurse in sweden. are there groups for children whose mum is depressed? it's "
     "about a 9 year old"),
])
def test_b19_a_professional_asking_for_a_young_child_gets_childrens_services(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """A professional asking for a child under 12: the services for children fit too."""
    ids = engine.suggest(chat_text(lang, "professional", text), top=3).ids
    assert {"local-barn-anhoriga", "se-bris"} & set(ids), ids


def test_b19_going_up_in_smoke_is_no_tobacco(engine: SuggestionEngine) -> None:
    """"Rökare" as a stem found "rök" (smoke): "allt gick upp i rök" is no smoking; a heavy
    smoker still is."""
    lost = engine.suggest(chat_text("sv", "self", "lägenheten brann och allt gick upp i rök. vart "
                                "vänder man sig för att få bostad?"), top=3).ids
    assert "se-sluta-roka-linjen" not in lost, lost
    smoker = engine.suggest(chat_text("sv", "relative", "min sambo är storrökare, hur får jag "
                                      "honom att sluta"), top=3).ids
    assert smoker[0] == "se-sluta-roka-linjen", smoker
