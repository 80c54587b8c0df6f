"""Urgency mechanisms learnt from blind set 15's misses and false alarms (branch tri15).

Each mechanism in wordings of our own (not the set's), by the concept rules alone
(``model=None``), with calm, past or negated wordings that must stay not urgent beside them.
Lines are separated by newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine
from referrals.matching import tokenize

from .helpers import chat_text, rules_engine

B15_URGENT = [
    # substitution doses saved up
    ("nb", "self", "eg har samla opp subutexdosane mine i to veker. dei ligg i skuffa",
     "suicide"),
    ("sv", "self", "har sparat undan mina metadondoser sen förra veckan, vet vad jag ska med dom",
     "suicide"),
    ("en", "self", "i've saved up my methadone doses since friday, they're in a tin", "suicide"),
    # a cry for help and then nothing more
    ("sv", "relative", "min kompis smsade 'snälla hjälp mig' och sen inget mer",
     "third_party_danger"),
    ("nb", "relative", "venninna mi sendte 'hjelp meg' og så ingenting mer",
     "third_party_danger"),
    ("en", "relative", "my friend texted 'help me please' at midnight and then nothing",
     "third_party_danger"),
    # a seizure this morning after stopping drink
    ("nb", "relative", "faren min sluttet å drikke på lørdag etter en lang periode. i morges "
     "fikk han et anfall på badet", "medical"),
    ("en", "relative", "my uncle stopped drinking on sunday after a bender and had a seizure "
     "this morning", "medical"),
    ("sv", "relative", "sambon slutade dricka i fredags efter tre veckors fylla, i morse fick "
     "han ett krampanfall", "medical"),
    # a relapse, then a sober time named: not over; with a goodbye and silence
    ("sv", "relative", "min syster sprack efter fyra år nykter i våras. hon skrev 'tack för "
     "allt' och svarar inte", "goodbye"),
    ("nb", "relative", "broren min sprakk etter seks år rusfri i fjor. han skrev 'takk for "
     "alt' og svarer ikke", "goodbye"),
    ("en", "relative", "my brother relapsed after six years sober this spring. he texted "
     "'thanks for everything' and isn't replying", "goodbye"),
    # a hot object pressed to the skin, set for a time
    ("sv", "self", "ikväll ska jag sätta strykjärnet mot armen igen", "self_harm"),
    ("nb", "self", "skal sette lighteren mot armen i kveld igjen", "self_harm"),
    ("en", "self", "tonight i'm going to press the iron against my arm again", "self_harm"),
    # self-harm set for when the others have gone
    ("nb", "self", "når gjestene har gått skal jeg kutte meg", "self_harm"),
    ("sv", "self", "när alla har gått ska jag skära mig", "self_harm"),
    ("en", "self", "when everyone leaves i'm going to cut myself", "self_harm"),
    # fresh cuts where self-harm is, and a compulsion to do it again tonight (a sports team
    # named is no accident then)
    ("sv", "professional", "jag tränar ett handbollslag. såg färska skärsår på insidan av "
     "armen på en spelare, hon sa att hon måste göra det igen ikväll", "self_harm"),
    ("nb", "relative", "så kutt på innsiden av armen til dattera mi, hun sa hun må gjøre det "
     "igjen i kveld", "self_harm"),
    ("en", "professional", "i coach a swim team. saw fresh cuts on the inside of her forearm "
     "and she says she has to do it again tonight", "self_harm"),
    # you won't have to worry about me much longer
    ("sv", "relative", "min son sa 'du behöver inte oroa dig för mig så länge till'. han har "
     "varit tyst i flera veckor", "suicide"),
    ("nb", "self", "dere trenger ikke bekymre dere for meg så mye lenger", "suicide"),
    ("en", "self", "you won't have to worry about me much longer", "suicide"),
    # a face that droops with words lost, confusion or a fall: a stroke
    ("sv", "relative", "mormor är förvirrad och ena mungipan hänger", "medical"),
    ("nb", "relative", "bestefar ligger på gulvet, munnviken henger og han får ikke fram "
     "ordene", "medical"),
    ("en", "relative", "my dad's face is drooping on one side and he can't get his words out",
     "medical"),
    # someone with dementia or in care gone, in the cold or the dark ("-10" read as minus)
    ("sv", "relative", "farfar som har demens är inte hemma, ytterdörren stod öppen och det "
     "är -14 ute", "third_party_danger"),
    ("nb", "relative", "mormor med demens er borte fra sykehjemmet og det er mørkt ute",
     "third_party_danger"),
    ("en", "professional", "one of our residents at the care home hasn't come back from his "
     "walk and it's dark now", "third_party_danger"),
    ("sv", "professional", "hemtjänst. brukare 88 år ej hemma vid tillsyn, minus 9 ute och "
     "han har demens", "third_party_danger"),
    # told to die by others, and agreeing
    ("sv", "child", "folk skriver kys i kommentarerna varje dag. kanske dom har rätt", "suicide"),
    ("nb", "child", "de skriver 'drep deg selv' til meg på snap. kanskje de har rett",
     "suicide"),
    ("en", "child", "they keep telling me to kys at school. maybe they're right", "suicide"),
    # puffs taken and breathing trouble now (V2 order, wheezing, lips)
    ("sv", "child", "tog några bloss på en vape som en kille i nian hade, nu kan jag inte "
     "andas och läpparna är blåa", "overdose"),
    ("nb", "child", "tok noen trekk av en vape, nå får eg ikkje puste og leppene er nummen",
     "overdose"),
    ("en", "child", "took a few hits off a vape and now i'm wheezing and my lips are numb",
     "overdose"),
    # a pill organiser emptied
    ("sv", "relative", "mamma har ätit allt som låg i dosetten, hon är jättetrött", "overdose"),
    ("nb", "relative", "pappa har tatt alt som lå i dosetten for hele uka", "overdose"),
    ("en", "relative", "grandma took everything that was in her pill organiser for the whole "
     "week", "overdose"),
]

B15_NOT_URGENT = [
    # doses kept as told, money saved
    ("sv", "self", "jag sparar mina insulindoser i kylen som apoteket sa"),
    ("sv", "self", "har sparat pengar till nya doser av vaccinet"),
    # no sign with "and then nothing", or the one who wrote has answered
    ("sv", "self", "jag skrev till kundtjänst och sen inget mer, hur klagar jag?"),
    ("en", "relative", "my friend texted 'help me with my essay' and then nothing, typical"),
    # a seizure long ago; quitting with no seizure
    ("nb", "relative", "han sluttet å drikke for tre år siden og hadde et anfall den gangen"),
    ("en", "self", "i stopped drinking on monday and feel great this morning"),
    # sober again after a relapse, no one silent
    ("sv", "relative", "mamma sprack efter två år nykter, men nu är hon nykter i ett år igen "
     "och mår bra"),
    # an iron or a cigarette in an accident
    ("sv", "self", "jag brände mig på strykjärnet när jag strök skjortan ikväll, hur kyler man?"),
    ("en", "self", "i burned my arm on the iron by accident this morning"),
    # plans for when the guests have gone
    ("sv", "self", "när gästerna har gått ska jag diska och titta på en film"),
    # old scars; a cat's scratch
    ("sv", "relative", "min dotter har gamla ärr på insidan av armen sen högstadiet, nu mår hon "
     "bra"),
    # no need to worry, said calmly
    ("sv", "self", "du behöver inte oroa dig för mig, jag mår bra nu"),
    ("en", "self", "you don't need to worry about me, i got the job!"),
    # a stroke long ago; words that will not come in a hard talk
    ("sv", "relative", "morfar fick en stroke för två år sedan, nu pratar han bra igen"),
    ("sv", "self", "jag får inte fram orden när jag ska prata med pappa om hans drickande"),
    # dementia, no one gone; gone a while and back
    ("sv", "relative", "morfar har demens och bor på ett boende, hur pratar man med honom?"),
    ("nb", "relative", "mamma med demens var borte en stund i går men kom hjem selv, alt er "
     "bra"),
    # told to die, reported and not agreed with
    ("sv", "child", "dom skriver kys till mig på discord, hur anmäler jag dom?"),
    # asthma, no puffs taken; ranges and dates are no minus
    ("sv", "self", "jag har astma och piper när jag andas när jag springer"),
    ("en", "self", "i have asthma and i'm wheezing a bit when i run, normal for me"),
    ("sv", "self", "dricker 2-3 glas vin på helgen, är det farligt?"),
    # a pill organiser filled as usual
    ("sv", "relative", "mormor tar sin dosett varje morgon som vanligt"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B15_URGENT)
def test_b15_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Saved doses, silence after a cry for help, withdrawal this morning, a relapse, a hot
    iron, self-harm for when the others have gone, cuts with a compulsion, not worrying much
    longer, a stroke, the missing old, being told to die, puffs and breathing, a pill box."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), B15_NOT_URGENT)
def test_b15_counter_examples_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """The same words where nothing is happening now stay not urgent (rules and model)."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


# False alarms of blind set 15 that have a general cause: each wording must now stay not
# urgent (rules and model), and the alarming wording beside it must stay urgent.
B15_NOW_NOT_URGENT = [
    # in times gone by
    ("nb", "self", "før i tiden ville jeg dø hver dag, ikke nå. spør om treningsgrupper"),
    # a child's outburst taken back as anger
    ("sv", "relative", "min son skrek att han ville dö när vi tog datorn. sen sa han att han "
     "bara var arg och bad om ursäkt. hur pratar vi om det?"),
    # a threat, and at once not for real
    ("sv", "child", "jag ska döda min bror fr. ok inte på riktigt, han tog min laddare"),
    # English "no" is not nynorsk "now"
    ("en", "professional", "is it good practice to refer anyone who mentions killing "
     "themselves to the nurse? no current case, we're reviewing our routines"),
    # the risk of an overdose asked about in general
    ("en", "professional", "what is the overdose risk after detox, and what should we tell "
     "people leaving?"),
    ("sv", "professional", "hur stor är överdosrisken efter en avgiftning? vad ska vi säga till "
     "klienterna"),
    # "this will be the death of me"; fearing that someone will die
    ("nb", "relative", "svogeren sier ofte 'en dag dør jeg av dette' og ler"),
    ("nb", "relative", "jeg er redd for at sønnen min skal dø av heroinen. har ikke hørt fra "
     "ham på en uke, det er vanlig"),
    # not to be resuscitated
    ("en", "relative", "the doctors decided not to resuscitate mum if her heart stops, i'm "
     "struggling"),
    ("sv", "relative", "läkarna har bestämt att inte återuppliva pappa om hjärtat stannar"),
    # the ambulance took him; asking about next time
    ("sv", "professional", "i natt fick en gäst kramp efter att ha rökt något, vi ringde 112 "
     "och ambulansen tog honom. vad gör man nästa gång?"),
    # today dates the telling, not the violence told
    ("sv", "professional", "en klient berättade idag att hennes förra sambo slog henne, det "
     "var för tio år sedan"),
    # an illness coming back is no threat
    ("sv", "self", "jag är rädd att stressen ska få tillbaka ätstörningen nu"),
    ("nb", "self", "er redd stresset skal få tilbake spiseforstyrrelsen nå"),
    # affected by something that happened
    ("nb", "child", "er det normalt å bli så påvirket av noe som skjedde før jeg ble født nå?"),
    # a holiday gone by
    ("sv", "child", "pappa var full i julas och skrek. sen dess har han varit nykter, nu är "
     "det mars"),
    # "really" dangerous, and all normal again
    ("sv", "child", "drack massa energidryck igår o hjärtat rusade, trodde jag skulle dö haha. "
     "idag e allt normalt. e det farligt på riktigt?"),
]

B15_STILL_URGENT = [
    ("nb", "self", "jeg vil dø hver dag nå, det blir ikke bedre", "suicide"),
    # one who hurt saying he was only angry or did not mean it takes nothing back
    ("sv", "self", "min sambo slog mig igår. han säger att han bara var arg", "violence"),
    ("en", "self", "my husband hit me last night. he says he didn't mean it", "violence"),
    ("sv", "child", "jag ska ta livet av mig ikväll. inte ett skämt", "suicide"),
    ("nb", "self", "jeg tok en overdose for en time siden", "overdose"),
    ("sv", "professional", "en klient berättade idag att hennes sambo slog henne igår",
     "violence"),
    ("sv", "self", "min sambo sa att jag ska få det ikväll när han kommer hem", "violence"),
    ("sv", "self", "min man är full nu på julafton och slår mig", "violence"),
]


@pytest.mark.parametrize(("lang", "role", "text"), B15_NOW_NOT_URGENT)
def test_b15_false_alarm_causes_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """The past, a take-back as anger, "not for real", English "no", risk asked about, idioms
    of dying, resuscitation, an ambulance that took them, the telling's date, an illness back,
    being affected, a holiday gone by, "really dangerous"."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B15_STILL_URGENT)
def test_b15_alarming_wordings_beside_them_stay_urgent(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """What the narrowing must not reach: now, a perpetrator's excuse, a time of the act."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("det är -12 ute", ["det", "är", "minus", "12", "ute"]),
        ("it's −15 outside", ["it's", "minus", "15", "outside"]),
        ("2-3 glas", ["2", "3", "glas"]),
        ("den 12-05", ["den", "12", "05"]),
    ],
)
def test_a_lone_minus_sign_reads_minus(text: str, expected: list[str]) -> None:
    """A minus before a number that stands alone is a temperature; ranges and dates are not."""
    assert tokenize(text) == expected
