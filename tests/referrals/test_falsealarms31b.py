"""False alarms of blind sets 27 (BL, BM) and 30 (BP) about substances, violence and children
(branch fp31b).

The sets were read for this branch: each mechanism is tested in wordings of our own (not copied
from the sets), calm conversations beside alarming near-twins that must stay urgent by the
concept rules alone (``model=None``) and with the model. Lines are separated by newlines; a line
starting with "staff:" is a staff line.

Mechanisms: a general question of what happens if one mixes or takes something
(`safety_question`); patient information made and users taught (`professional_general`); the
noun "overdose" beside a funeral or another's death told (engine); a threat at "him" shouted in
a game; a blow in a combat sport (`combat_sport`); scars "from when" (`past`); water, coffee or
a bus taken, a racing heart the day after drinking, a fear of fainting (`idiom`); a grown son's
age answered to a staff question; a pregnancy's unborn child (`pregnancy`); whether it is safe
to take something, beside a small child (`intake_asked`); a staff sentence of praise is no
question that an answer makes the visitor's own (engine, `_asked`).
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

CALM = [
    # a general question of what happens if one mixes a medicine and drink
    ("en", "self", "what happens if you combine valium and beer?\njust curious, nobody has "
     "taken anything\nstaff: Is someone planning to?\nno, my flatmate got a prescription and "
     "drinks beer most nights"),
    ("sv", "self", "vad händer om man blandar stesolid och vin?\nundrar bara, ingen har tagit "
     "nåt\nmin sambo har fått det utskrivet och dricker vin ibland"),
    ("nb", "self", "hva skjer hvis man blander sobril og øl?\nbare lurer, ingen har tatt noe\n"
     "kjæresten fikk det på resept og drikker øl i helgene"),
    # a professional making patient information, teaching users
    ("sv", "professional", "hej, jobbar på boende\nvi tar fram patientinfo om sömntabletter "
     "och alkohol\nhar ni material?"),
    ("nb", "professional", "hei, vernepleier her\nvi skal lære våre beboere å bruke nalokson "
     "ved overdose\nhar dere materiell?"),
    ("en", "professional", "hi, I'm a support worker\nwe want to teach our residents to use "
     "naloxone in an overdose\ndo you have materials?"),
    # the noun "overdose" as a death's cause beside a funeral told
    ("en", "self", "went to a funeral yesterday for a girl from my group. overdose\nI'm 3 "
     "years clean and staying that way"),
    # a threat at "him" shouted in a game
    ("sv", "relative", "min son 12 spelar fortnite och skriker \"döda honom\" i headsetet\när "
     "det normalt?"),
    ("en", "relative", "my son (14) plays call of duty and yells 'kill him' at his friends\n"
     "should we limit it?"),
    # a blow in a combat sport
    ("sv", "self", "tränar thaiboxning\nigår slog jag en tjej i sparringen så hon fick "
     "blåtira, tränaren sa att det händer\nkände mig stolt, är det konstigt?"),
    ("en", "self", "started kickboxing to deal with my anger\ntoday I hit a guy in sparring "
     "and he got a nosebleed, coach said it's normal\nfelt good though, is that weird?"),
    ("nb", "self", "begynte med boksing\ni dag slo jeg en fyr på sparring så han fikk "
     "neseblod, treneren sa det var greit\ner det rart at jeg likte det?"),
    # scars from when one cut, long over
    ("sv", "self", "har ärr på benen från när jag skar mig som 15\nslutat sen länge\nnu ska "
     "jag på stranden och vet inte vad jag ska säga"),
    ("en", "self", "I have scars on my arms from when I cut in school\nstopped 5 years ago\n"
     "now I'm starting a job at a pool and don't know what to say"),
    # water drunk, a racing heart the day after drinking
    ("sv", "self", "var på fest igår och drack massor\nhar spytt men dricker vatten nu\n"
     "är det normalt med hjärtklappning dagen efter?"),
    ("en", "self", "big night out yesterday\nI'm drinking water now and keeping it down\nis it "
     "normal to have palpitations the day after?"),
    # a bike taken, a fear of fainting in a panic attack
    ("sv", "self", "får panikångest i tunnelbanan\nhjärtat bankar och jag tror ja ska svimma\n"
     "tar cykeln istället nu"),
    ("en", "self", "I get panic attacks on the train\nmy heart pounds\nso I take the bike now"),
    # a grown son's age answered to a staff question
    ("sv", "relative", "min son blev rånad förra året\nnu dricker han mycket och går inte ut\n"
     "staff: Hur gammal är han?\n24"),
    ("en", "relative", "my son was beaten up last year\nnow he drinks a lot\nstaff: How old "
     "is he?\n22"),
    # a pregnancy's unborn child
    ("sv", "self", "drack vin på en fest innan jag visste att jag var gravid\nnu är jag i "
     "vecka 7, kan det ha skadat barnet?"),
    ("en", "self", "had a few beers before I knew I was pregnant\nnow I'm 9 weeks pregnant, "
     "could the baby be harmed?"),
    ("nb", "self", "drakk vin før jeg visste at jeg var gravid\nnå er jeg i uke 8, kan "
     "barnet ha tatt skade?"),
    # whether it is safe to take something, beside a baby of months
    ("nb", "self", "har en baby på 3 mnd og sover dårlig\ner det farlig å ta en sovepille "
     "og et glass vin?"),
    ("sv", "self", "har en bebis på 5 månader\när det farligt att ta en sömntablett med ett "
     "glas vin?"),
    # a staff sentence of praise before a question
    ("nb", "self", "skal på avrusning neste uke\nredd for abstinensene\nstaff: Bra at du har "
     "en plan. Hvor mye drikker du nå?\nen flaske vin om dagen"),
    ("sv", "self", "ska på avgiftning nästa vecka\nstaff: Bra att du har en plan. Hur mycket "
     "dricker du nu?\nen box i veckan"),
]

URGENT = [
    # something mixed and taken now, not asked about
    ("en", "self", "I took valium and beer tonight\nnow I'm so drowsy I can't stand"),
    ("sv", "self", "har tagit stesolid och druckit vin nu\nsomnar hela tiden"),
    # a professional with a case now
    ("nb", "professional", "hei, vernepleier her\nen beboer har tatt overdose nå og puster "
     "rart"),
    # an overdose taken beside a funeral
    ("en", "self", "after the funeral today I took a whole box of paracetamol"),
    # a threat at her or me in a game sentence still counts
    ("sv", "relative", "min man spelar fortnite och skriker att han ska döda mig ikväll"),
    # violence outside the sport
    ("sv", "self", "idag slog jag min flickvän hemma så hon fick näsblod"),
    ("en", "self", "I hit my girlfriend tonight and she has a nosebleed"),
    # fresh cuts now
    ("sv", "self", "har ärr från när jag skar mig förut\nnu har jag skurit mig igen ikväll"),
    ("en", "self", "I have scars from when I was younger\nI cut myself again tonight and it "
     "won't stop bleeding"),
    # a racing heart now after pills and drink
    ("sv", "self", "har tagit 20 tabletter och druckit vin\nhjärtat rusar nu"),
    # a drunk son answering his age: still someone in danger with a sign of it
    ("sv", "relative", "min son är jättefull nu och svarar inte\nstaff: Hur gammal är han?\n"
     "20"),
    # a child of the writer, drunk adult now
    ("sv", "relative", "är gravid och min sambo är full nu\nhan är ensam med vår 2-åring"),
    # a small child who got into pills
    ("nb", "relative", "babyen min på 10 mnd har fått tak i sovepillene mine\ner det farlig?"),
    ("en", "relative", "my toddler got into my sleeping pills, is it dangerous?"),
    # a staff question about suicide still answered yes
    ("nb", "self", "har det tungt\nstaff: Bra at du skriver. Tenker du på å ta livet ditt?\n"
     "ja"),
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
