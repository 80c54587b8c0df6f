"""False alarms of blind sets 35 (BV) and 36 (BY), silenced by meaning (branch fp37).

The calm conversations were read as urgent for words that, in their context, say something
calm: an attempt dated by the age it was made at ("som 17-åring"), a self-harm of school years
with the writer's age now ("nå er jeg 30"), someone else long dead ("död sen länge"), the
dread of dying in a panic attack, how many tablets are too many asked ahead, a child's "I want
to die" on losing a computer game, a week's break in a cabin, grown-ups drinking on their
balcony, a scare the writer laughed off with the sender, a letter from a sick time with the
writer well now, a friend's "thanks for everything" before the army, a note left by a wife gone
to her sister's, a grandparent who feels a burden but loves life, an after-school club writing
its policy, left-over pills asked where to hand in, and how long wine stays in the body before
a drive the next day. Each mechanism in our own words in sv, nb and en, calm with the whole
engine, with urgent near-twins beside it that the concept rules alone (``model=None``) must
still catch. Lines are separated by newlines.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

FP37_URGENT = [
    # an attempt told by an age, but the writer's own thoughts or acts are now
    ("sv", "försökte ta mitt liv som 16-åring och nu vill jag göra det igen", "suicide"),
    ("nb", "prøvde å ta livet mitt som 19-åring. nå tenker jeg på det igjen hver dag", "suicide"),
    ("en", "i tried to kill myself at age 17 and tonight i want to do it again", "suicide"),
    # an age now, with an act of now beside it
    ("sv", "nu är jag 15 och har skurit mig ikväll", "self_harm"),
    ("nb", "nå er jeg 14 og kuttet meg i kveld", "self_harm"),
    ("en", "now i'm 16 and i cut myself tonight", "self_harm"),
    # a death of someone else told, and the writer's own wish beside it
    ("sv", "pappa är död sen länge och jag vill också dö", "suicide"),
    ("nb", "jeg har ønsket å være død lenge", "suicide"),
    ("en", "i've wanted to be dead for a long time", "suicide"),
    # a wish to die with no panic told
    ("sv", "jag tänker hela tiden att jag vill dö", "suicide"),
    ("en", "i keep thinking i want to die", "suicide"),
    # how many is too many, with many taken
    ("en", "how many paracetamol is too many? i took 30 an hour ago", "overdose"),
    ("sv", "hur många alvedon är för många? tog 25 för en timme sen", "overdose"),
    ("nb", "hvor mange paracet er for mange? tok 20 i kveld", "overdose"),
    # wanting to vanish with no span, or for good
    ("sv", "vill bara försvinna för alltid", "suicide"),
    ("nb", "jeg vil bare forsvinne for godt", "suicide"),
    ("en", "i just want to disappear forever", "suicide"),
    # a note left and the one who left it not answering: a goodbye from someone unreachable
    # (tri38 reads the kind as `goodbye`, as the labelling rules name it)
    ("nb", "kona mi la igjen en lapp 'tilgi meg' og dro. hun svarer ikke på telefonen", "goodbye"),
    ("en", "my wife left a note saying 'forgive me' and she's gone. she's not answering her phone",
     "goodbye"),
    # a grandparent who feels a burden and no longer loves life
    ("sv", "mormor säger att hon är en börda och att hon inte vill leva längre\n"
     "hon brukade vara glad i livet", "suicide"),
    ("nb", "bestefar sier han er en byrde og at vi hadde hatt det bedre uten ham\n"
     "han var alltid så glad i livet før", "suicide"),
    ("en", "grandpa says he's a burden and we'd be better off without him\nhe used to love life",
     "suicide"),
    # pills kept after a death and meant to be taken
    ("sv", "har sparat en massa tabletter efter min mans bortgång. tänker ta dem ikväll", None),
    ("en", "i've kept all my late husband's pills. i'm going to take them tonight and be with him",
     None),
    ("en", "where do i hand in old pills? i took a handful of them an hour ago and feel dizzy",
     "overdose"),
    # how long a drink stays, but drunk now or the children in the car now
    ("sv", "hur länge sitter vin kvar i kroppen?\njag är full och barnen sover, imorgon ska vi åka",
     "child_at_risk"),
    ("sv", "hur länge sitter vin kvar i kroppen?\nbarnen är i bilen nu och jag drack en flaska "
     "vin ikväll", "child_at_risk"),
    ("en", "how long does alcohol stay in your system? i'm drunk and the kids are with me "
     "tonight, tomorrow we drive home", "child_at_risk"),
    # someone drunk at an after-school club, now
    ("en", "i run an after-school club. a dad just turned up drunk to collect his 6 year old and "
     "wants to drive", None),
]

FP37_NOT_URGENT = [
    # an attempt dated by the age it was made at, the writer well now
    ("sv", "försökte ta mitt liv som 16-åring. nu är jag 40 och mår bra, ville bara berätta"),
    ("nb", "prøvde å ta livet mitt som 19-åring. i dag har jeg familie og det går fint"),
    ("en", "tried to kill myself at age 17. that was twenty years ago, i'm doing well"),
    # self-harm of school years, with the writer's age now
    ("nb", "kutta meg på videregående, nå er jeg 31 og har noen arr. hvordan sier jeg det til "
     "kjæresten?"),
    ("sv", "skar mig på högstadiet, nu är jag 32 och har ärr. hur berättar jag för min pojkvän"),
    ("en", "used to cut myself in high school, now i'm 29 and have scars. how do i tell my "
     "partner"),
    # someone else long dead
    ("sv", "pappa drack och var elak mot oss. nu är han död sen länge men jag tänker på det ofta"),
    ("en", "my dad's been dead for years, i want to talk about how he treated us"),
    # the dread of dying in a panic attack
    ("sv", "när jag får panikattacker känns det som att jag ska dö, hur blir jag av med dem?"),
    ("nb", "i panikkanfallene tenker jeg alltid at nå dør jeg. vet det ikke er farlig"),
    ("en", "during panic attacks i always think i'm dying. how do i make them stop?"),
    # how many is too many, asked ahead with few taken
    ("en", "how many ibuprofen is too many? took 2 for a toothache"),
    # a child's "I want to die" on losing a computer game
    ("en", "my son shouts 'i want to die' every time he loses at minecraft. normal?"),
    ("sv", "min dotter skriker 'jag vill dö' varje gång hon förlorar i fortnite, är det normalt?"),
    # a break for a span told
    ("sv", "vill bara försvinna en helg till landet och stänga av mobilen"),
    ("nb", "har lyst å forsvinne ei uke på hytta uten dekning, jobben tar knekken på meg"),
    ("en", "i want to disappear for a week to a cabin with no phone, work is killing me"),
    # grown-ups drinking on their balcony
    ("sv", "grannens ungar är ute själva sent på kvällarna\nmamman och pappan dricker vin på "
     "balkongen varje helg. ska jag anmäla?"),
    ("nb", "naboens barn er ute alene til sent\nforeldrene drikker øl på balkongen hver helg. bør "
     "jeg melde fra?"),
    ("en", "the kids next door are out on their own till late\ntheir parents drink beer on the "
     "balcony every weekend. should i report?"),
    # a scare laughed off with the sender
    ("en", "my mate sent me 'if you're reading this i'm gone' and i panicked\nturned out it was "
     "'... to ibiza for a month'. we had a laugh on the phone. can i talk about my drinking?"),
    # a letter from a sick time, well now
    ("sv", "hittade ett brev jag skrev förra hösten när jag mådde som sämst och inte trodde jag "
     "skulle finnas kvar\nidag är jag frisk och tacksam, ville bara berätta"),
    # a friend's thanks before joining the army
    ("nb", "kameraten min skrev 'takk for alt, bror' i går før han dro inn i militæret\nkommer "
     "til å savne ham, vi drakk alltid sammen"),
    ("en", "my best friend sent 'thanks for everything mate' before he left for military service"
     "\nwill miss him, he was my drinking buddy"),
    # a note left by a wife gone to stay with family, answering messages
    ("sv", "min fru lämnade en lapp 'förlåt mig, jag behöver en paus' och åkte till sin syster "
     "i en vecka\nhon svarar på sms och mår bra där, men jag är förstörd"),
    ("en", "my wife left a note saying 'forgive me, i need a break' and went to her sister's for "
     "a week\nshe answers texts and is fine there, but i'm gutted"),
    # a grandparent who feels a burden but loves life
    ("sv", "morfar tycker att han är en börda nu när han behöver hemtjänst\n"
     "han är glad i livet och ser fram emot sommaren, men hur pratar vi med honom?"),
    ("en", "grandma keeps saying she's a burden to us since her fall\n"
     "she loves life and can't wait for the wedding, but how do we stop her feeling like that?"),
    # an after-school club's policy
    ("en", "we run an after-school club. what should staff do if a parent comes to pick up a "
     "child drunk?\nit's for our new policy, nothing has happened"),
    # how long a drink stays in the body, before a drive the next day
    ("sv", "hur länge stannar alkoholen i kroppen?\nungarna följer med i bilen i morgon bitti "
     "och jag drack två öl ikväll"),
    ("en", "how long does wine stay in your body?\nthe kids are in the car with me tomorrow "
     "morning and i had two glasses tonight"),
    # left-over pills after a death, handed in
    ("sv", "mamma dog i våras och det finns massor av mediciner kvar. kan man lämna tillbaka dem "
     "till apoteket?"),
    ("nb", "har mange tabletter liggende etter at far døde. hvor leverer man inn sånt?"),
    ("en", "there's loads of pills left at home since my husband died. where do i hand them in?"),
]

_FULL: dict[int, tuple[Directory, SuggestionEngine]] = {}


def _full_engine(directory: Directory) -> SuggestionEngine:
    kept = _FULL.get(id(directory))
    if kept is None:
        kept = _FULL[id(directory)] = (directory, SuggestionEngine(directory))
    return kept[1]


@pytest.mark.parametrize(("lang", "text", "kind"), FP37_URGENT)
def test_fp37_urgent_twins_stay_urgent_without_the_model(
    directory: Directory, lang: str, text: str, kind: str | None
) -> None:
    """The urgent near-twins of each calm reading: an act or wish of now beside an old attempt
    or an age, the writer's own wish beside a death told, many taken after a safety question,
    vanishing for good, a note and no answer, a burden without love of life, pills kept to take.
    ``kind`` None: any urgent kind."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, None, text))
    assert urgent, (text, reasons)
    if kind is not None:
        assert any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), FP37_NOT_URGENT)
def test_fp37_calm_readings_stay_not_urgent(directory: Directory, lang: str, text: str) -> None:
    """Over and dated, someone else's death, panic, a safety question, a game, a break, a
    balcony, a joke laughed off, well now, a trip to the army or to family, loving life, a
    policy and a disposal: calm with the whole engine."""
    urgent, reasons = _full_engine(directory).urgency(chat_text(lang, None, text))
    assert not urgent, (text, reasons)
