"""Urgency mechanisms for the urgent conversations blind set 24 missed (branch tri25).

Set 24 became readable this round. Each mechanism is a general way of saying a risk that the
engine could not read, written here in our own words in sv, nb and en, with calm near-misses
beside them that must stay not urgent (rules and model). The urgent wordings are checked with
the concept rules alone (``model=None``). Lines are separated by newlines; a line starting
with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

B25_URGENT = [
    # withdrawal: drinking stopped abruptly days ago, then delirium, or a tremor with sweating
    # or a racing heart, told by the drinker or a relative, also lines after the stop
    ("sv", "relative", "min man slutade supa tvärt i måndags\nnu darrar han och pratar om "
     "spindlar i taket som inte finns", "medical"),
    ("sv", "self", "slutade dricka i förrgår efter en månads fylla\nskakar hela tiden\n"
     "kallsvettas och hjärtat rusar", "medical"),
    ("sv", "self", "slutade dricka helt tvärt i lördags\nhar druckit varje dag i ett halvår\n"
     "staff: Hur mår du nu?\nkan inte sova\nskakar så jag tappar koppen\nsvettas som fan",
     "medical"),
    ("nb", "relative", "faren min sluttet å drikke på lørdag\nnå skjelver han og svetter og "
     "hjertet hamrer", "medical"),
    ("nb", "self", "slutta tvert for tre dager siden\nser maur på veggen som ikke finnes",
     "medical"),
    ("en", "relative", "my dad quit drinking cold turkey two days ago\nhe's shaking and "
     "sweating and talking about bugs on the wall that aren't there", "medical"),
    ("en", "self", "stopped drinking abruptly on sunday\ncan't sleep\nhands shaking, "
     "drenched in sweat\nheart is racing", "medical"),
    # a yes to a staff suicide question: thinking of nothing else
    ("sv", "self", "orkar inte mer\nstaff: Tänker du på att ta ditt liv?\njag tänker inte "
     "på något annat längre", "suicide"),
    ("nb", "self", "alt er for tungt\nstaff: Har du tanker om å ta livet ditt?\nhar ikke "
     "tenkt på noe annet hele uka", "suicide"),
    ("en", "self", "everything is too much\nstaff: Are you thinking about killing yourself?\n"
     "i haven't thought about anything else for days", "suicide"),
    # the thoughts are back after an attempt told as the past
    ("sv", "self", "försökte ta livet av mig för fem år sen\nnu är tankarna tillbaka", "suicide"),
    ("nb", "self", "jeg prøvde å ta livet mitt i 2018\ntankene har kommet tilbake nå",
     "suicide"),
    ("en", "self", "i tried to kill myself when i was 19\nthe thoughts have come back, worse "
     "this time", "suicide"),
    # one last big dose, said as the plan (also as "if")
    ("sv", "self", "om soc säger nej igen tar jag en sista rejäl dos", "suicide"),
    ("nb", "self", "jeg har spart opp til en siste stor dose og så får det være", "suicide"),
    ("en", "self", "planning one last huge shot tonight and that's that", "suicide"),
    # affairs put in order with the writer's vanishing told
    ("sv", "self", "jag vill ha ordning på sakerna\ninnan jag inte finns kvar", "suicide"),
    ("en", "self", "trying to get my stuff in order\nbefore i stop existing", "suicide"),
    # an illness that spares one the act
    ("sv", "self", "doktorn säger att hjärtat inte håller länge till om jag fortsätter så här"
     "\nbra, då behöver jag inte göra det själv", "suicide"),
    ("nb", "self", "legen sier jeg kommer til å dø av leveren hvis jeg fortsetter å drikke\n"
     "fint, da slipper jeg å gjøre det selv", "suicide"),
    ("en", "self", "the doctor said i'll die of this if i keep drinking\ngood, then i won't "
     "have to do it myself", "suicide"),
    # the last time I write, with arrangements or absolution
    ("sv", "self", "det här är sista gången jag skriver hit\nhar fixat allt med katten och "
     "räkningarna", "suicide"),
    ("sv", "self", "tack för alla samtal\ndet här blir sista gången. ni har gjort vad ni "
     "kunnat", "suicide"),
    ("nb", "self", "takk for alle samtalene\ndette er siste gang. det var ikke deres feil",
     "suicide"),
    ("en", "self", "thanks for all the chats\nthis will be the last time. you did what you "
     "could", "suicide"),
    # a fatal event one would be fine with, the "if" after the fine
    ("sv", "self", "ibland skulle jag vara okej om planet bara störtade", "suicide"),
    ("nb", "self", "ærlig talt hadde jeg vært ok hvis flyet aldri landet", "suicide"),
    ("en", "self", "honestly i'd be fine if the flight just went down", "suicide"),
    # leaving life: said now, or a verb of leaving and life named in the next message
    ("en", "self", "i'm checking out of life", "suicide"),
    ("sv", "self", "jag checkar ut från livet nu", "suicide"),
    ("en", "self", "think i'm bowing out\nstaff: Bowing out of what?\nlife. all of it",
     "suicide"),
    ("sv", "self", "jag loggar ut\nstaff: Loggar ut från vad?\nlivet typ", "suicide"),
    ("nb", "self", "jeg logger av\nstaff: Logger av hva da?\nlivet", "suicide"),
    # a height looked up with a high place, a laugh does not take it back
    ("en", "self", "googled which bridges around here are tall enough lol", "suicide"),
    ("sv", "self", "har kollat vilka broar i stan som är tillräckligt höga\nhaha inte för "
     "nåt särskilt", "suicide"),
    ("nb", "self", "har sjekket hvilke bruer som er høye nok", "suicide"),
    # a chat opened only to say goodbye, staff asking in vain whether one is still there
    ("sv", "self", "hej. ville bara säga hejdå\ntack till er alla\nstaff: Vad menar du med "
     "hejdå?\nstaff: Är du kvar?", "goodbye"),
    ("en", "self", "just writing to say goodbye\nthank you to the guy who talked to me last "
     "month\nstaff: I'm worried when you say goodbye. Are you still there?", "goodbye"),
]

B25_NOT_URGENT = [
    # a hangover, the cold, a stop a year ago, quitting smoking
    ("sv", "self", "bakfull idag, skakar och svettas. hur länge sitter det i?"),
    ("sv", "self", "skakar av kyla och svettas om vartannat, har jag feber?"),
    ("sv", "self", "slutade dricka för ett år sen\nibland skakar jag och svettas när jag "
     "är stressad"),
    ("nb", "self", "jeg har tømmermenn og skjelver og svetter litt, går det over?"),
    ("en", "self", "quit smoking cold turkey, a bit shaky and sweaty, normal?"),
    # other answers to a staff suicide question, and nothing else asked about
    ("sv", "self", "staff: Tänker du på att ta ditt liv?\nnej, jag tänker mest på jobbet"),
    ("en", "self", "i can't think about anything else than the exam tomorrow"),
    # the thoughts are back with no attempt told
    ("sv", "self", "tankarna på att börja röka är tillbaka, hur står man emot?"),
    ("en", "self", "the thoughts about food are back since christmas"),
    # a last dose of a course, one last binge before treatment
    ("sv", "self", "tar sista dosen antibiotika imorgon, får jag dricka vin sen?"),
    ("en", "self", "one last big shot before rehab on monday, is that stupid?"),
    ("sv", "self", "tar en sista stor dos innan jag åker in på behandlingshemmet på måndag"),
    ("sv", "self", "tog min sista stora dos för två år sen, sen blev jag ren"),
    # affairs in order before a move
    ("sv", "self", "vill ha ordning på sakerna innan jag flyttar till Umeå"),
    # a chore someone else does
    ("sv", "self", "städfirman kommer imorgon så slipper jag göra det själv"),
    ("nb", "self", "naboen klipper plenen i morgen, så slipper jeg å gjøre det selv"),
    # a last time that names what ends
    ("sv", "self", "det här är sista gången jag dricker, nu får det vara nog"),
    ("nb", "self", "drakk igjen i helga. dette blir siste gang jeg drikker"),
    # a plane late, a leave asked
    ("en", "self", "i'd be ok if the plane didn't land on time, i have a long layover"),
    ("sv", "self", "vore det okej om jag ringde när planet har landat?"),
    # checking out of a hotel, life as a subject
    ("en", "self", "i'm checking out\nstaff: Of the hotel?\nlife is busy, yes, leaving today"),
    ("sv", "self", "jag ger upp\nlivet är orättvist men det löser sig"),
    # heights for a boat or a lorry
    ("en", "self", "which bridges in stockholm are high enough for a sailboat mast?"),
    ("sv", "self", "vilka broar är tillräckligt höga för en lastbil med släp?"),
    # creatures that are really there
    ("sv", "relative", "vi har myror i köket, hur blir man av med dem?"),
    # a glad goodbye after an answer
    ("sv", "self", "ok tack för hjälpen\nhejdå\nstaff: Är du kvar?"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B25_URGENT)
def test_b25_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Withdrawal after an abrupt stop, thinking of nothing else, the thoughts back after an
    attempt, a last big dose, affairs in order before vanishing, an illness that spares the
    act, the last time with another sign, fine if the plane fell, leaving life, a height looked
    up, and a chat opened only to say goodbye."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), B25_NOT_URGENT)
def test_b25_near_misses_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """A hangover, the cold, a stop long ago, a last dose of a course, a chore spared, a last
    drink, a plane late, a hotel, a boat's mast, and a glad goodbye."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)
