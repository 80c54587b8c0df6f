"""Urgency mechanisms learnt from the misses of blind set 8 (branch `triage8`), in wordings of
our own, with near misses that must stay not urgent. By the concept rules alone (no model)."""

from __future__ import annotations

import pytest

from referrals import Conversation, Directory

from .helpers import rules_engine


def _chat(lang: str, role: str, text: str) -> Conversation:
    """Lines ending in "?" before a visitor's answer are the staff member's question."""
    lines = text.split("\n")
    return Conversation.from_dict({
        "lang": lang, "role": role,
        "messages": [
            {"sender": "staff" if line.endswith("?") and n < len(lines) - 1 else "visitor",
             "text": line}
            for n, line in enumerate(lines)
        ],
    })


BLIND8_URGENT = [
    # being a load on everyone ("belastning"): a burden
    ("sv", "self", "känner mig som en belastning för hela familjen", "suicide"),
    ("nb", "self", "jeg er bare en belastning for dem rundt meg", "suicide"),
    ("en", "self", "honestly i'm just dead weight to my family", "suicide"),
    # hitting oneself until it hurts: self-harm going on
    ("sv", "self", "dunkar huvudet mot väggen tills det gör ont", "self_harm"),
    ("nb", "self", "slår hodet mot døra til det gjør vondt, klarer ikke stoppe", "self_harm"),
    ("en", "self", "keep banging my head against the wardrobe until it hurts", "self_harm"),
    # shut in: the door locked and the phone taken
    ("sv", "self", "sambon har låst dörren och tagit min telefon, han är full", "violence"),
    ("nb", "self", "mannen min har låst døra og tatt mobilen min. skriver fra pc", "violence"),
    ("en", "self", "he locked the doors and took my phone. using my laptop", "violence"),
    # papers put in order and knowing how: a plan with a give-away
    ("sv", "relative", "min syster har ordnat alla papper och säger att hon vet exakt hur",
     "suicide"),
    ("nb", "relative", "broren min har ordnet alle papirene og sier han vet nøyaktig hvordan",
     "suicide"),
    ("en", "relative", "my dad sorted all his paperwork and says he knows exactly how",
     "suicide"),
    # a child telling that the adult passed out on the sofa after drinking
    ("sv", "child", "mamma har däckat på soffan efter massa vin\njag e 8", "child_at_risk"),
    ("nb", "child", "pappa sovnet på sofaen etter mye øl og lillesøster gråter",
     "child_at_risk"),
    ("en", "child", "mum fell asleep on the couch after loads of wine and i'm 10",
     "child_at_risk"),
    # no point in waking: the negation is on "see", not on the waking
    ("sv", "self", "ser ingen mening med att vakna imorgon", "suicide"),
    ("nb", "self", "ser ikke noe poeng med å våkne i morgen", "suicide"),
    ("en", "self", "there's no point in waking up tomorrow really", "suicide"),
    ("en", "self", "if i didnt wake up tomorrow that would be fine", "suicide"),
    # a stimulant binge with a small child in one's charge
    ("sv", "self", "har kört tjack hela natten och min 4-åring är här med mig", "child_at_risk"),
    ("nb", "self", "har kjørt speed hele helga og sønnen min på 3 er her med meg",
     "child_at_risk"),
    ("en", "self", "been on coke since friday and my toddler is with me", "child_at_risk"),
    # a goodbye post for good, with things given away
    ("sv", "relative", "en kompis skrev att han loggar ut för gott och har gett bort sin dator",
     "suicide"),
    ("nb", "relative", "vennen min skrev at han logger av for godt og ga bort alle tingene sine",
     "suicide"),
    ("en", "relative", "my friend posted he's signing off for good and gave away his guitar",
     "suicide"),
    # acute psychosis out in the cold
    ("sv", "relative", "pappa är psykotisk och står barfota ute i snön", "third_party_danger"),
    ("nb", "relative", "mamma har psykose og går naken ute i snøen", "third_party_danger"),
    ("en", "relative", "my brother is psychotic and wandering barefoot in the snow",
     "third_party_danger"),
    # snorted something and now gurgling: breathing trouble
    ("en", "relative", "she snorted something and now she's gurgling on the floor", "medical"),
    ("sv", "relative", "han har snortat nåt och ligger och gurglar", "medical"),
    # high on something and believing one can fly, at a window or a height
    ("sv", "relative", "kompisen tog svamp och säger att han kan flyga, står på balkongen",
     "third_party_danger"),
    ("nb", "relative", "vennen min har tatt syre og sier at han kan fly, står på taket",
     "third_party_danger"),
    ("en", "relative", "my mate took acid and is leaning out a 5th floor window, says he can fly",
     "third_party_danger"),
    # someone sitting or lying on the railway tracks
    ("sv", "relative", "min bror sitter på spåret och vägrar gå därifrån", "third_party_danger"),
    ("nb", "relative", "kompisen ligger på skinnene og er helt borte", "third_party_danger"),
    ("en", "relative", "my cousin is lying on the tracks near the station", "third_party_danger"),
]

BLIND8_NOT_URGENT = [
    # music about death is a quote
    ("sv", "relative", "min dotter lyssnar på låtar om att dö och vill ha svart rum, normalt?"),
    ("nb", "relative", "sønnen min hører på rap om drap og død hele tiden, er det farlig?"),
    ("en", "relative", "my son listens to rap about dying and knives all day, should i worry"),
    # a childhood told with "va" for "var"
    ("sv", "self", "pappa slog mamma när jag va liten. nu e det lugnt men jag tänker på det"),
    ("en", "self", "my dad hit my mum when i was a kid. it's been calm for years now"),
    # thinking of death philosophically, wanting to live
    ("sv", "self", "funderar på döden ibland men mer filosofiskt, jag vill leva"),
    ("nb", "self", "tenker på døden av og til, men mer filosofisk. vil leve"),
    ("en", "self", "i think about death a lot but more philosophical, what comes after"),
    # a locked door and a phone taken from a teenager is no violence; paperwork for a move
    ("sv", "child", "mamma tog min mobil för att jag inte gjort läxorna"),
    ("sv", "self", "har ordnat alla papper inför flytten till Malmö"),
    ("en", "self", "sorted all my paperwork for the mortgage, feeling relieved"),
    # quitting for good, logging off a game for the night
    ("en", "self", "i'm quitting weed for good this time, where can i get support?"),
    ("nb", "self", "jeg logger av for i kveld, takk for praten"),
    # a nap on the sofa, a child who is fine; waking early
    ("sv", "self", "somnade på soffan efter jobbet, barnen är hos sin pappa"),
    ("en", "self", "what's the point of waking up early on a sunday lol"),
    # trains and tracks as everyday things
    ("sv", "self", "satt på tåget i en timme, kom sent till behandlingen"),
    ("en", "self", "my son is on track to finish his treatment, he's doing well"),
    # a child with a parent, no drug
    ("en", "self", "my 4 year old is with me at the appointment, can i bring her?"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), BLIND8_URGENT)
def test_blind8_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Each mechanism learnt from blind set 8's misses, by the concept rules alone."""
    urgent, reasons = rules_engine(directory).urgency(_chat(lang, role, text))
    assert urgent and reasons[0].startswith(kind + ":"), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), BLIND8_NOT_URGENT)
def test_blind8_mechanisms_keep_their_scope(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Songs about death, childhood told with "va", philosophy, paperwork, quitting for good,
    naps, early mornings and railway words stay not urgent by the rules."""
    urgent, reasons = rules_engine(directory).urgency(_chat(lang, role, text))
    assert (urgent, reasons) == (False, []), (text, reasons)


BLIND9_URGENT = [
    # a "no" to a staff suicide question answers it; the passive wish before still stands
    ("nb", "self", "skulle ikke gjort noe om jeg sovnet og ikke våknet\n"
     "Tenker du på å ta livet ditt?\nnei ikke sånn, er bare så sliten", "suicide"),
    ("sv", "self", "vore skönt att bara somna och inte vakna\n"
     "Har du tankar på att ta ditt liv?\nnej inte så, orkar bara inte", "suicide"),
    ("en", "self", "wish i could just fall asleep and not wake up\n"
     "Are you thinking of ending your life?\nno not like that. just tired", "suicide"),
    # "not yet" to a staff question about an act
    ("sv", "self", "sitter med saxen i handen\nHar du skadat dig idag?\ninte än", "suicide"),
    ("nb", "self", "har barberbladet her\nHar du skadet deg i kveld?\nikke ennå", "suicide"),
    ("en", "self", "got the blade out\nHave you hurt yourself tonight?\nnot yet", "suicide"),
    # "maybe" after a first word answers a staff suicide question
    ("sv", "self", "allt känns meningslöst\nTänker du på att ta ditt liv?\ni natt kanske",
     "suicide"),
    ("en", "self", "everything is pointless\nAre you thinking about suicide?\ntonight maybe",
     "suicide"),
    # violence against the writer, days ago
    ("sv", "child", "pappa slår mig när han är arg\nsist i söndags", "violence"),
    ("nb", "child", "storesøster slår meg\nsist i går", "violence"),
    ("en", "child", "my stepdad hits me\nlast time was yesterday", "violence"),
    # violence heard next door: banging on the wall, "let me go"
    ("sv", "relative", "grannen skriker släpp mig och det bankar mot väggen just nu",
     "violence"),
    ("nb", "relative", "naboen roper slipp meg og det dunker i veggen nå", "violence"),
    ("en", "relative", "next door she's yelling let me go and there's banging on the wall now",
     "violence"),
    # pills saved, told object first
    ("nb", "relative", "fant tabletter som far har spart opp i en boks", "suicide"),
    ("sv", "relative", "hittade tabletter som mormor har samlat i en burk", "suicide"),
    ("en", "relative", "found a bag of pills my uncle has stashed under the bed", "suicide"),
    # something to end it; having stayed too long
    ("en", "relative", "grandma asked the nurse for something to end it", "suicide"),
    ("sv", "relative", "farfar bad läkaren om något för att avsluta det", "suicide"),
    ("nb", "relative", "bestefar ba om noe for å gjøre slutt på det", "suicide"),
    ("en", "relative", "my mum says she has overstayed her welcome on this earth", "suicide"),
    # a decision that is only a question of when, just now
    ("en", "professional", "a client told me just now it's only a question of when",
     "suicide"),
    ("sv", "professional", "en klient sa nyss att det bara är en fråga om när", "suicide"),
    ("nb", "professional", "en bruker sa nå nettopp at det bare er et spørsmål om når",
     "suicide"),
    # searching how many of a medicine it takes, also when a laugh minimises it
    ("sv", "self", "sökte på hur många sobril som krävs för att...", "suicide"),
    ("nb", "self", "haha har søkt opp hvor mange imovane som skal til", "suicide"),
    ("en", "self", "lol been googling how many of my tramadol it would take", "suicide"),
    # asked "for a friend" or about "someone", then told to be one's own
    ("sv", "child", "om nån skär sig med rakblad, syns det sen\nfrågar åt en kompis\n"
     "Är det du som gör så?\nja. gjorde det för en timme sen", "self_harm"),
    ("nb", "child", "for en venn: hvis noen kutter seg, må de til legen da\n"
     "det er for meg. gjorde det nå nettopp", "self_harm"),
    ("en", "child", "asking for a friend, if someone burns themselves with a lighter is that bad\n"
     "Is it you?\nyes. just did it", "self_harm"),
    # a dose "to sleep" can be the long sleep
    ("sv", "self", "hur många imovane som behövs för att somna för alltid", "suicide"),
    # not knowing whether one wants to live; "something stupid" with the pills
    ("sv", "self", "vet inte om jag vill leva längre", "suicide"),
    ("nb", "self", "veit ikkje om eg vil leve meir", "suicide"),
    ("en", "self", "honestly i dont know if i want to be alive", "suicide"),
    ("en", "self", "chatting so i don't do something stupid with my pills", "suicide"),
    ("sv", "self", "skriver här istället för att göra nåt dumt med tabletterna", "suicide"),
    # "you don't need to worry any more" as a farewell, verb first
    ("sv", "self", "tack för allt. ni behöver inte oroa er mer nu", "suicide"),
    ("nb", "self", "dere trenger ikke bekymre dere mer for meg nå", "suicide"),
    # not wanting to be talked out of it, tonight
    ("en", "self", "i don't want to be talked out of it. it's tonight", "suicide"),
    # a bridge named in a compound ("älvbron"), with letting oneself fall
    ("sv", "self", "rösterna i huvet säger att jag ska gå till västerbron och låta mig falla",
     "suicide"),
    ("nb", "self", "går mot tromsøbrua nå, tenker å hoppe", "suicide"),
    # at the water or a bridge again, "next time I might not go home"
    ("nb", "self", "har stått ved brua tre kvelder nå. neste gang går jeg kanskje ikke hjem",
     "suicide"),
    ("en", "self", "walked to the bridge again tonight. next time i might not come back",
     "suicide"),
    # numb legs after pills and a joint: a body in trouble after taking something
    ("en", "self", "took some xanax and smoked, now i can't really feel my legs", "overdose"),
    ("sv", "self", "tog några stesolid och rökte, känner inte mina ben", "overdose"),
    ("nb", "self", "tok noen vival og røyka, kjenner ikke beina", "overdose"),
    # checking how high, at a balcony
    ("sv", "self", "har kollat hur högt det är från balkongen", "suicide"),
    ("nb", "self", "har sjekket hvor høyt det er fra balkongen", "suicide"),
    ("en", "self", "i checked how high the balcony is", "suicide"),
]

BLIND9_NOT_URGENT = [
    # a "no" to "what do you mean?" still takes the line back
    ("sv", "self", "tänker på döden ofta\nHur menar du?\nnej inte så, jag jobbar med det"),
    # "was violent before", now safe
    ("nb", "self", "eksen var voldelig før. nå bor jeg trygt med barna"),
    ("sv", "self", "han var våldsam förr, nu har vi inte kontakt alls"),
    ("en", "self", "my ex used to be violent. now i live far away and i'm safe"),
    # the heart pounding is no blow
    ("nb", "child", "hjertet banker når jeg skal sove, er det farlig?"),
    ("sv", "child", "hjärtat bankar när jag ska sova, är det farligt?"),
    # fearing a parent will die of an illness
    ("en", "child", "mum has cancer and i keep worrying she'll die"),
    ("sv", "child", "pappa är sjuk och jag är rädd att han ska dö"),
    ("nb", "child", "bestemor er syk og jeg er redd for at hun skal dø"),
    # a death by overdose in the past, grief
    ("nb", "relative", "søsteren min døde av en overdose i fjor, hvordan takler jeg sorgen?"),
    ("sv", "relative", "min kusin dog av en överdos förra månaden, jag sörjer"),
    ("en", "relative", "my brother died from an overdose last month and i can't stop crying"),
    # goodbyes in palliative care
    ("nb", "relative", "far ligger på lindrende enhet, hvordan sier jeg farvel?"),
    ("sv", "relative", "mamma får palliativ vård, hur tar jag farväl?"),
    ("en", "relative", "dad is in palliative care, how do i say goodbye?"),
    # just an expression
    ("sv", "child",
     "kompisen säger jämt 'jag dör' om läxor\nMår hon bra?\nja det e bara ett uttryck"),
    ("en", "child", "my friend says 'i want to die' about homework. it's just an expression"),
    # everyday "ha det i orden", "people think I mean it"
    ("nb", "self", "vil skrive testamente for å ha det i orden, er 70 og frisk"),
    ("en", "self", "sang a sad song at karaoke lol, now people think i mean it"),
    # a medicine's dose asked for pain, a prescription's dose with a glass of wine
    ("sv", "self", "hur många ipren som behövs mot huvudvärk?"),
    ("nb", "self", "hvor mange paracet som skal til mot feber hos voksne?"),
    ("en", "self", "got sertraline prescribed, how many can i take if i have a beer too?"),
    ("sv", "self",
     "fick sobril utskrivet, hur många kan jag ta innan tentan om jag tar ett glas vin?"),
    # a racing heart the morning after, that has happened before and passes
    ("sv", "self", "hjärtat slår fort efter festen igår, har hänt förut och brukar gå över"),
    ("en", "self", "heart racing after drinking yesterday, has happened before, it passes"),
    # a question for a friend that stays the friend's, or one's own without any risk
    ("sv", "child", "om nån skär sig, hur kan man hjälpa\nfrågar åt en kompis\n"
     "Är det du som gör så?\nnej, det är min kompis"),
    ("en", "self", "if someone wants to quit drinking, where do they start\nit's for me"),
    # the beat of a song is no beating
    ("nb", "child", "hører på en sang om å forsvinne hele tiden, digger beaten"),
    ("en", "child", "listening to this sad song on repeat, i just love the beat"),
    # wanting to live, said twice; worry that one did something stupid with money
    ("sv", "self", "jag vet att jag vill leva, jag vill bara må bättre"),
    ("en", "self", "i did something stupid with my savings, lost it all on crypto"),
    # a bridge on the way to a party, not going home tonight
    ("en", "self", "crossed the bridge to the party, might not go home tonight haha"),
    # a bridge crossed by bus
    ("sv", "self", "åkte över tranebergsbron till jobbet, trött men ok"),
    # numb legs after a run
    ("en", "self", "can't feel my legs after the half marathon lol"),
    # "not yet" to a harmless question
    ("sv", "self", "vill ha hjälp med mitt drickande\nHar du pratat med din läkare?\ninte än"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), BLIND9_URGENT)
def test_blind9_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Each mechanism learnt from blind set 9's misses, by the concept rules alone."""
    urgent, reasons = rules_engine(directory).urgency(_chat(lang, role, text))
    assert urgent and reasons[0].startswith(kind + ":"), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), BLIND9_NOT_URGENT)
def test_blind9_mechanisms_keep_their_scope(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Past violence, a pounding heart, fear for a sick parent, grief, palliative goodbyes,
    expressions and harmless "not yet"s stay not urgent by the rules."""
    urgent, reasons = rules_engine(directory).urgency(_chat(lang, role, text))
    assert (urgent, reasons) == (False, []), (text, reasons)
