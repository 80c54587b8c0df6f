"""Urgency mechanisms for the kinds blind set 22 missed (branch tri22).

Set 22 is read for figures only here (the helper rules keep its cases unseen), so each
mechanism is a general way of saying a risk that the read sets 18 and 20 still missed, or that
probing in our own words found, in sv, nb and en: wordings of our own, checked to be missed
before by the concept rules alone (``model=None``), with calm near-misses in the same words
beside them that must stay not urgent (rules and model). Lines are separated by newlines; a
line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

B22_URGENT = [
    # a risk that is over in one sentence ("sober for 20 years", "fine now") does not cover a
    # later sentence that says now and names a risk of its own
    ("sv", "self", "har varit nykter i 20 år. ikväll tänker jag ta alla tabletterna", "suicide"),
    ("sv", "self", "har varit nykter i 20 år. nu vill jag bara dö", "suicide"),
    ("nb", "self", "har vært edru i 15 år. i kveld skal jeg ta alle pillene", "overdose"),
    ("nb", "self", "har vært edru i 15 år. nå vil jeg bare dø", "suicide"),
    ("en", "self", "i've been sober for 20 years. tonight i'm going to take all the pills",
     "suicide"),
    ("en", "self", "i've been sober for 20 years. now i just want to die", "suicide"),
    # a vehicle that runs one over, hits one or takes one out, hoped or wished for
    ("sv", "self", "varje morgon hoppas jag att bussen kör över mig", "suicide"),
    ("sv", "self", "ibland önskar jag att en lastbil körde ihjäl mig", "suicide"),
    ("nb", "self", "hver morgen håper jeg at bussen kjører meg ned", "suicide"),
    ("nb", "self", "noen ganger ønsker jeg at en bil treffer meg", "suicide"),
    ("en", "self", "i kind of hope a bus hits me on the way to school", "suicide"),
    ("en", "self", "every morning on my bike i kind of hope a bus just takes me out", "suicide"),
    ("en", "self", "sometimes i wish a truck would run me over", "suicide"),
    # tired of existing, as of living
    ("sv", "self", "jag är så trött på att existera", "suicide"),
    ("nb", "self", "jeg er så lei av å eksistere", "suicide"),
    ("en", "self", "i'm so tired of existing", "suicide"),
    # no one will have to worry about the writer, with being worn out: a burden said as an end
    ("sv", "self", "jag orkar inte mer. snart behöver ingen bry sig om mig", "suicide"),
    ("nb", "self", "jeg orker ikke mer. snart trenger ingen å bry seg om meg", "suicide"),
    ("en", "self", "i can't go on like this. nobody will have to worry about me after this "
     "weekend", "suicide"),
    # cuts in rows on an arm or a leg, "like a barcode", with now, tonight or again
    ("sv", "self", "armen ser ut som en streckkod nu, gjorde det igen i natt", "self_harm"),
    ("sv", "self", "ena benet ser ut som en streckkod. ska göra det igen ikväll", "self_harm"),
    ("nb", "self", "låret mitt ser ut som en strekkode, skal gjøre det igjen i kveld",
     "self_harm"),
    ("en", "self", "my arm looks like a barcode now, did it again last night", "self_harm"),
    ("en", "self", "my thighs look like a barcode, doing it again tonight", "self_harm"),
    # vomit like coffee grounds (old blood) now, also without the word blood
    ("sv", "relative", "pappa kräks något som ser ut som kaffesump just nu", "medical"),
    ("nb", "relative", "far spyr noe som ser ut som kaffegrut nå", "medical"),
    ("nb", "relative", "mannen min kastet opp kaffegrut i kveld", "medical"),
    ("en", "relative", "my husband is vomiting something like coffee grounds right now",
     "medical"),
    ("en", "relative", "tonight my dad threw up what looked like coffee grounds", "medical"),
    # a few degrees below zero ("minus 5") is cold too, and "sometime in the night" (once, at
    # some point) is no habit
    ("sv", "relative", "pappa har demens och gick ut nån gång i natt. det är minus 5",
     "third_party_danger"),
    ("nb", "relative", "far har demens og gikk ut i natt. minus 4 grader ute nå",
     "third_party_danger"),
    ("en", "relative", "my father has dementia and walked out of the house sometime in the "
     "night. it's minus 5", "third_party_danger"),
    ("en", "relative", "sometime in the night he walked out drunk and hasn't come home. it's "
     "minus 4", "third_party_danger"),
    # not waking, told in the third person in English, after a drink or a drug
    ("en", "relative", "she's drunk and she doesn't wake up", "medical"),
    ("en", "relative", "he took something at the party and he isn't waking up", "medical"),
    # "no, not yet" to whether the writer has taken anything, with a bottle bought and the
    # pills at hand (also after sober years, which the bottle and the pills end)
    ("sv", "self", "har varit nykter i 20 år. idag köpte jag en flaska och har sömntabletterna "
     "här\nstaff: Har du tagit något ännu?\nnej. inte än", "suicide"),
    ("sv", "self", "har köpt vodka och har sömntabletterna här\nstaff: Har du tagit något?\nnej "
     "inte än", "suicide"),
    ("nb", "self", "har kjøpt vodka og har sovetablettene her\nstaff: Har du tatt noe?\nnei, "
     "ikke ennå", "suicide"),
    ("en", "self", "i bought a bottle of vodka and i have my sleeping pills here\nstaff: Have "
     "you taken anything yet?\nno, not yet", "suicide"),
]

B22_NOT_URGENT = [
    # sober years and a plain evening after them; a risk told as over after it
    ("sv", "self", "har varit nykter i tre år nu. ikväll ska vi fira med alkoholfri skumpa"),
    ("nb", "self", "har vært edru i fem år nå. i kveld skal vi på kino"),
    ("en", "self", "last winter i wanted to die. i'm doing fine now"),
    # a vehicle feared, past or taking one somewhere
    ("sv", "self", "hoppas bussen tar mig till jobbet i tid"),
    ("nb", "self", "jeg var redd for at bilen skulle kjøre meg ned i tåka"),
    ("nb", "self", "håper bussen tar meg til jobben i tide"),
    ("en", "self", "a car hit me on my bike last year, my knee still hurts"),
    ("en", "self", "i thought the car hit me but it just missed"),
    ("en", "self", "i hope the bus takes me to the station"),
    ("en", "self", "my mum worries a bus hits me on my bike"),
    # existing laughed at in the heat
    ("en", "self", "i'm sick of existing in this heat lol"),
    # no one needs to worry, with good news
    ("sv", "self", "ingen behöver oroa sig för mig, jag har det bra på nya jobbet"),
    ("nb", "self", "ingen trenger å bekymre seg for meg, jeg har det fint"),
    ("en", "self", "nobody has to worry about me, i'm doing great at uni"),
    # a barcode tattoo, a jumper; coffee grounds in the garden
    ("sv", "self", "fick en tatuering på armen igår som ser ut som en streckkod"),
    ("nb", "self", "fikk en tatovering på armen i går som ser ut som en strekkode"),
    ("en", "self", "got a tattoo on my arm yesterday that looks like a barcode"),
    ("sv", "self", "tröjan ser ut som en streckkod"),
    ("sv", "self", "slängde kaffesumpen i komposten ikväll"),
    ("nb", "self", "helte kaffegruten i komposten nå"),
    ("en", "self", "i put the coffee grounds on the roses tonight"),
    # out in the cold with the staff, or a cold day told as the past
    ("sv", "relative", "pappa har demens, vi var ute och gick med personalen idag, det var "
     "minus 3 grader"),
    ("nb", "relative", "far har demens, vi gikk tur med personalet i dag, det var minus 3 "
     "grader"),
    ("en", "relative", "my mum has dementia, we went for a walk in the park, it was minus 2"),
    ("en", "relative", "my mum has dementia, we went for a walk with the staff today, it's "
     "minus 3 degrees"),
    # a teenager who does not wake for school, as a habit or a question
    ("en", "relative", "he doesn't wake up for school in the mornings, it's a struggle"),
    ("en", "relative", "my son doesn't wake up easily, is that normal?"),
    ("en", "relative", "my husband drinks every night and doesn't wake up for work"),
    # "not yet" to a medicine not fetched yet, to a contact to make, or about someone else
    ("sv", "self", "min läkare har skrivit ut antibiotika åt mig\nstaff: Har du tagit några "
     "ännu?\nnej inte än, hämtar ut dem imorgon"),
    ("nb", "self", "legen ga meg antibiotika i dag\nstaff: Har du tatt noe ennå?\nnei, ikke "
     "ennå, henter dem i morgen"),
    ("en", "self", "my doctor gave me antibiotics today\nstaff: Have you taken any yet?\nno, "
     "not yet, i'll pick them up tomorrow"),
    ("sv", "relative", "pappa dricker varje helg och har sömntabletter\nstaff: Har du tagit "
     "kontakt med vårdcentralen?\nnej inte än"),
    ("nb", "relative", "mamma drikker mye vin og har sovetabletter\nstaff: Har hun tatt noe i "
     "kveld?\nnei, ikke ennå, hun sover"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B22_URGENT)
def test_b22_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """A risk now after a risk that is over, a vehicle hoped to run one over, tired of
    existing, no one having to worry any more with being worn out, cuts "like a barcode",
    vomit like coffee grounds, someone with dementia gone out at a few degrees below zero, not
    waking in English, and "not yet" to whether the pills were taken."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), B22_NOT_URGENT)
def test_b22_near_misses_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """The same words with a calm evening, a past or feared accident, a bus ride, a laugh or
    good news stay not urgent (rules and model)."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)
