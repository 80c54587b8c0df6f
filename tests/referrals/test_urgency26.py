"""Urgency mechanisms for the urgent conversations blind set 26 missed (branch tri26).

Set 26 (veiled death wishes, goodbyes and third parties' hints) is read this round. Each
mechanism is a general way of foreseeing or preparing one's death without a death word,
written here in our own words in sv, nb and en and checked by the concept rules alone
(``model=None``), with calm near-misses in the same words beside them that must stay not
urgent (rules and model): moving, travel, routine wills, real sleep problems, real old-age peace
without refusing food or medicine. Lines are separated by newlines; a line starting with
"staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

B26_URGENT = [
    # being a burden: others have it harder because one exists, better off with one buried
    ("sv", "self", "min son har det svårare eftersom jag finns", "suicide"),
    ("sv", "self", "familjen hade klarat sig bättre med en pappa i graven", "suicide"),
    ("nb", "self", "ungene har det tyngre fordi jeg finnes", "suicide"),
    ("nb", "self", "de hadde hatt det bedre med en mor på kirkegården", "suicide"),
    ("en", "self", "my daughter has it harder because i exist", "suicide"),
    ("en", "self", "the kids would be better off with a dad in the cemetery", "suicide"),
    # being found: how long before one is found, living alone or sparing the neighbours
    ("sv", "self", "hur länge dröjer det innan man hittas om man bor ensam?", "suicide"),
    ("nb", "self", "hvor lang tid går det før en blir funnet når man bor alene", "suicide"),
    ("en", "self", "how long does it usually take before someone is found\ni live alone and "
     "don't want the neighbours to be the ones", "suicide"),
    # not being at a coming milestone anyway; an age not to be reached
    ("sv", "self", "bryr mig inte om betygen, jag kommer inte vara med på examen ändå",
     "suicide"),
    ("nb", "self", "gidder ikke øve, kommer ikke til å være med på avslutningen uansett",
     "suicide"),
    ("en", "self", "no point revising, i won't be at my graduation anyway", "suicide"),
    ("sv", "relative", "min bror säger hela tiden att han aldrig kommer fylla 25", "suicide"),
    ("nb", "relative", "venninna mi sier at hun ikke kommer til å fylle 40", "suicide"),
    ("en", "relative", "my friend keeps saying she won't turn 30. her birthday is next week",
     "suicide"),
    # medicines stopped and saved up as a reserve
    ("sv", "self", "har slutat ta mina tabletter\nsparar dom istället, som en reserv", "suicide"),
    ("nb", "self", "sluttet med medisinene\nsamler dem i en boks, en slags reserve",
     "suicide"),
    ("en", "self", "stopped taking my meds\nsaving them in a jar instead, as a reserve",
     "suicide"),
    # sleep and never come back; tired of being a person
    ("sv", "self", "vill somna och aldrig komma tillbaka", "suicide"),
    ("nb", "self", "skulle ønske jeg kunne sove og aldri våkne opp", "suicide"),
    ("en", "self", "i just want to sleep and never come back", "suicide"),
    ("sv", "self", "så trött på att vara människa", "suicide"),
    ("nb", "self", "er så lei av å være et menneske", "suicide"),
    ("en", "self", "honestly sick of existing", "suicide"),
    # the end is the same anyway, so the shortcut
    ("sv", "self", "vi dör ju ändå allihop. varför inte ta genvägen", "suicide"),
    ("nb", "self", "vi dør jo uansett, så hvorfor ikke ta snarveien", "suicide"),
    ("en", "self", "we all die anyway so why not take the shortcut", "suicide"),
    # one's own funeral planned, because it is not far away
    ("sv", "self", "har valt låtar till min begravning\nden är nog inte långt bort", "suicide"),
    ("nb", "self", "har laget spilleliste til min begravelse. den er ikke så langt unna",
     "suicide"),
    ("en", "self", "made a playlist for my funeral\nit's not far off", "suicide"),
    # care instructions left, then unreachable; thanks for having been kind, then gone
    ("sv", "relative", "frun skrev 'glöm inte att katten ska ha sin mat kl 7' och sen svarar "
     "hon inte", "goodbye"),
    ("nb", "relative", "samboeren skrev 'husk at hunden skal ha medisinen sin' og nå svarer "
     "han ikke", "goodbye"),
    ("en", "relative", "my husband texted 'don't forget the dog gets her pills at 8' and now "
     "he doesn't answer", "goodbye"),
    ("sv", "professional", "en elev lämnade en lapp: tack för att du var snäll mot mig\nhan "
     "svarar inte i telefon", "goodbye"),
    ("en", "professional", "a student left me a note saying thanks for being kind to me\nnow "
     "she isn't answering her phone", "goodbye"),
    # how long one survives in ice-cold water, not laughed at
    ("sv", "relative", "kompisen frågade hur länge man överlever i iskallt vatten. men han "
     "skrattade inte", "suicide"),
    ("nb", "relative", "vennen min spurte hvor lenge man klarer seg i iskaldt vann, men han lo "
     "ikke", "suicide"),
    ("en", "relative", "my mate asked how long you survive in freezing water\nhe said it as a "
     "joke but he didn't laugh", "suicide"),
    # food or medicines refused, to join a dead spouse
    ("sv", "relative", "farfar har slutat äta\nhan säger att han vill till farmor nu",
     "suicide"),
    ("nb", "relative", "bestemor har sluttet å ta insulinen\nhun vil til bestefar sier hun",
     "suicide"),
    ("en", "self", "my husband died last year. i've stopped taking my insulin. i want to be "
     "with him again", "suicide"),
    # a wish to fall asleep for ever stays a wish beside grief's peaceful deaths
    ("sv", "self", "farfar somnade in lugnt i våras. jag vill bara somna in och slippa allt",
     "suicide"),
    ("en", "self", "i wish i could fall asleep and never wake up", "suicide"),
    # the last binge, said not to mean quitting
    ("sv", "relative", "pappa säger att det är sista fyllan nu. han menar inte att han ska "
     "sluta dricka", "suicide"),
    ("nb", "relative", "broren min sier dette er siste fylla. han mener ikke at han skal "
     "slutte å drikke", "suicide"),
    ("en", "relative", "he says this is his last binge. he doesn't mean he'll quit drinking",
     "suicide"),
]

B26_NOT_URGENT = [
    # others have it harder for a reason, a grave visited
    ("sv", "self", "barnen har det svårare eftersom jag jobbar natt, hur får vi ihop det?"),
    ("en", "self", "my kids have it harder because i'm a single parent. any support groups?"),
    ("sv", "self", "mormor ligger på kyrkogården nu, vi var där och tände ljus"),
    # a lost dog or hiker found; an elderly parent's safety alarm
    ("sv", "self", "hur lång tid tar det innan en bortsprungen hund brukar hittas?"),
    ("en", "relative", "my mum lives alone. how do we get her a safety alarm in case she "
     "falls?"),
    # a milestone missed for a trip; an age reached later
    ("sv", "self", "jag kommer inte vara med på examen ändå eftersom vi flyttar till Spanien"),
    ("en", "self", "i won't be at the party, i'm travelling that weekend"),
    ("sv", "self", "jag kommer inte fylla 18 förrän i maj, kan jag ringa er ändå?"),
    ("en", "self", "i won't turn 18 until june, can i still get help from you?"),
    # medicines kept out of reach; a doctor told of side effects
    ("en", "self", "stopped my meds because of side effects, my doctor knows. how long until "
     "the dizziness goes?"),
    ("sv", "self", "har slutat med medicinen efter biverkningar, läkaren vet om det"),
    # real sleep problems
    ("sv", "self", "kan inte sova på nätterna, ligger vaken till fyra. tips?"),
    ("en", "self", "i can't sleep and wake up at 4 every night, what can i do?"),
    # a truism alone; a shortcut on a walk
    ("sv", "self", "slutet blir ju ändå detsamma för alla, så jag försöker njuta av varje "
     "sommar"),
    ("en", "self", "my teacher said we all die anyway so we should enjoy the summer"),
    ("sv", "self", "tog genvägen genom skogen till skolan idag"),
    ("en", "self", "we took the shortcut through the woods on our hike, lovely day"),
    # a funeral planned in old age; a grandmother's funeral
    ("sv", "self", "jag är 88 och har valt psalmer till min begravning, på min ålder tänker "
     "man på sånt"),
    ("en", "self", "made the playlist for grandma's funeral on friday. it was hard"),
    # care instructions before a trip, with no silence
    ("sv", "relative", "min sambo skrev 'glöm inte att katten ska ha sin medicin' innan han "
     "åkte på jobbresa"),
    ("en", "self", "a pupil wrote thanks for being kind to me in her end-of-year card"),
    # cold water for winter swimming
    ("sv", "self", "hur länge klarar man sig i iskallt vatten? ska börja vinterbada"),
    ("en", "self", "how long can you survive in cold water? doing a first aid course"),
    # old-age peace with food and medicines taken
    ("sv", "relative", "farmor är 94 och säger att hon är redo att få gå till farfar när det "
     "är dags. hon äter bra och tar sina mediciner"),
    ("en", "self", "i'm 85, i've made my peace with life. still enjoy my walks and my meals"),
    ("en", "relative", "my son stopped eating meat, he wants to join them at the vegan camp"),
    ("en", "relative", "my toddler refuses to eat and is never ready to go to kindergarten"),
    # a peaceful death told in grief
    ("sv", "self", "morfar dog i söndags\nhan var 91 och somnade in stilla med mormor bredvid"),
    ("nb", "self", "bestemor sovnet stille inn i natt, 96 år gammel"),
    ("en", "self", "grandma passed away peacefully last night, she was 95"),
    # the last binge before quitting
    ("sv", "self", "det här blir sista fyllan, sen ska jag bli nykter för gott"),
    ("en", "relative", "he says it's his last binge, he starts rehab on monday"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B26_URGENT)
def test_b26_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """A burden for existing, being found, a milestone not reached, medicines saved up, sleep
    never come back from, the shortcut, one's funeral near, care left and then silence, cold
    water not laughed at, joining the dead, and the last binge not meaning quitting."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), B26_NOT_URGENT)
def test_b26_near_misses_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Hardship with a reason, things lost and found, a milestone missed for a trip, medicines
    stopped with a doctor, real sleep problems, a truism, funerals in old age or of others,
    care left before a trip, winter swimming, old-age peace, and a binge before quitting."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)
