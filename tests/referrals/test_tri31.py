"""Urgency mechanisms for blind set 27's urgent misses (branch tri31).

Set 27 (BL, BM) hid its urgent conversations in a staff question about hurting oneself answered
"har tänkt på det", a battery with no charger left and a switch-off "for good", a pupil who
"won't be here after the break" and a mother who does not answer, a last message ("angry at no
one, tell them") with a goodbye, a widower who wants to go to his dead wife, a day named as the
answer to "do you have a plan for when?", a fit told loosely after drinking stopped, and a rope
bought after the wife moved out with the children. Each mechanism in our own words in sv, nb
and en, with calm near-misses beside it that must stay not urgent (rules and model). The urgent
wordings are checked with the concept rules alone (``model=None``). Lines are separated by
newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

TRI31_URGENT = [
    # a staff question about hurting oneself, answered by thinking of it
    ("sv", "self", "ingen skulle sakna mig\nstaff: Tänker du på att göra dig själv illa?\n"
     "har tänkt på det länge", "suicide"),
    ("nb", "self", "alt er meningsløst\nstaff: Har du tenkt på å gjøre deg selv vondt?\n"
     "tenker på det hver kveld", "suicide"),
    ("en", "self", "nobody would notice\nstaff: Are you thinking about harming yourself?\n"
     "thought about it all week", "suicide"),
    # no charger left, switched off for good
    ("sv", "self", "finns ingen laddning kvar i mig\nstäng av. för gott.", "suicide"),
    ("nb", "self", "det er ingen lading igjen\nskru av. for godt", "suicide"),
    ("en", "self", "no charge left in me\njust want to switch off. for good", "suicide"),
    # someone who will not be here after a day named, and now cannot be reached
    ("sv", "relative", "min bror sa igår att han inte är kvar efter helgen\nnu svarar han inte "
     "i telefon", "third_party_danger"),
    ("nb", "relative", "venninna mi sa at hun ikke er her etter ferien\nhun svarer ikke på "
     "meldinger", "third_party_danger"),
    ("en", "relative", "my friend said she's not here after the holidays\nnow she's not "
     "answering her phone", "third_party_danger"),
    # a last message: angry at no one, to be passed on, and a goodbye
    ("sv", "self", "det är ingens fel, säg till dom det\nhejdå", "suicide"),
    ("nb", "self", "jeg er ikke sint på noen. si det til dem\nha det", "suicide"),
    ("en", "self", "it's nobody's fault. tell them that\ngoodbye", "suicide"),
    # going to the dead, the children told before
    ("sv", "self", "min man dog i våras\nbarnen har sitt eget liv\njag vill till honom.",
     "suicide"),
    ("nb", "self", "mannen min døde i fjor\nbarna klarer seg\njeg vil til ham.", "suicide"),
    ("en", "self", "my wife died in march\nthe kids are grown up now\ni want to go to her.",
     "suicide"),
    # a day named as the answer to a staff question about a plan for when
    ("sv", "self", "har sålt det mesta jag äger\nstaff: Tänker du på att ta ditt liv? Har du "
     "bestämt när?\npå lördag", "suicide"),
    ("nb", "self", "staff: Har du tanker om å ta livet ditt, og når?\netter siste vakt på "
     "fredag", "suicide"),
    ("en", "self", "staff: Are you thinking of ending your life? Do you have a plan for when?\n"
     "tomorrow. after work", "suicide"),
    # a fit told loosely after drinking stopped
    ("sv", "relative", "mamma slutade dricka i förrgår\nnu fick hon nåt anfall", "medical"),
    ("nb", "relative", "far sluttet å drikke for tre dager siden\nnå lå han på gulvet og "
     "rykket", "medical"),
    ("en", "relative", "my dad quit drinking two days ago\nhe just had some kind of fit",
     "medical"),
    # a rope bought after the partner moved out with the children
    ("sv", "self", "frun har flyttat ut med barnen\nhar köpt rep", "suicide"),
    ("nb", "self", "samboeren har flyttet ut med barna\nhar kjøpt tau", "suicide"),
    ("en", "self", "she moved out with the kids\ni bought a rope", "suicide"),
]

TRI31_NOT_URGENT = [
    # a staff question about hurting oneself answered no
    ("sv", "self", "staff: Tänker du på att göra dig själv illa?\nnej, aldrig"),
    ("en", "self", "staff: Are you thinking about harming yourself?\nno, not at all"),
    # a charger missing for a phone; a wish to rest, not for good
    ("sv", "self", "mobilen dör, finns ingen laddare kvar på kontoret"),
    ("sv", "self", "batteriet är slut efter veckan\nvill bara stänga av ikväll"),
    ("en", "self", "my battery is dead after this week\ni just want to switch off."),
    ("nb", "self", "skal skru av mobilen for godt i ferien"),
    # not here after a holiday because of a move; a colleague off work
    ("sv", "relative", "min bror är inte kvar efter helgen, han flyttar till Umeå\nhyresvärden "
     "svarar inte"),
    ("en", "self", "i won't be around after the holidays, starting a new job in leeds"),
    # angry at no one without a goodbye, a goodbye without a message
    ("sv", "self", "jag är inte arg på nån, det är ingens fel att det blev så\nhur söker man "
     "parterapi?"),
    ("en", "self", "it's nobody's fault the project failed\nthanks, bye"),
    # wanting to go to the living
    ("nb", "self", "mamma er på sykehus\njeg vil til henne."),
    ("sv", "self", "min pappa dog förra året\nmamma är ensam nu\njag vill till henne."),
    # a day named to a question that asks no when, or in a long answer
    ("en", "self", "staff: Are you thinking of ending your life?\nno. i have my exam on "
     "sunday and i'm just stressed"),
    ("sv", "self", "staff: När kan du komma på ett besök?\npå lördag"),
    # a fit feared, not told; an old fit
    ("sv", "relative", "pappa slutade dricka igår\nläste att man kan få kramper"),
    # rope for a move
    ("sv", "self", "vi flyttar på lördag\nhar köpt rep till släpet"),
    ("en", "self", "she moved out with the kids last year and we co-parent well\nhow do i "
     "talk to them about her new partner?"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), TRI31_URGENT)
def test_tri31_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """A staff question about hurting oneself answered by thinking of it, a switch-off for good
    with no charge left, not being here after a day named with someone unreachable, a last
    message with a goodbye, going to the dead, a day named as when, a fit after drinking
    stopped, and a rope bought after a separation."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), TRI31_NOT_URGENT)
def test_tri31_near_misses_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """A "no" to the staff question, a phone's charger, rest tonight, a move, blame denied
    without a goodbye, going to the living, a day to a question that asks no when, a fit
    feared, and a rope for a move."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)
