"""Urgency mechanisms for blind set 28's urgent misses (branch tri28).

Set 28 (BN) hides death wishes behind a staff member's reading and a half-hearted answer ("ja
kanskje", "yeah for a while", "some nights", "om det betyder det så får det väl vara så"), a
lethal fall height asked, an old person's stopped medicine after having been around long enough,
and an amount of a medicine "nice to know it's there". Each mechanism in our own words in sv, nb
and en, with calm near-misses beside it that must stay not urgent (rules and model). The urgent
wordings are checked with the concept rules alone (``model=None``). Lines are separated by
newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

TRI28_URGENT = [
    # a staff question whether life should end, not waking or something happening to one,
    # answered with a "yes" that hedges
    ("sv", "self", "orkar inte gå upp längre\nstaff: Låter som att du önskar att livet skulle "
     "ta slut. Stämmer det?\nja typ. sen i julas", "suicide"),
    ("sv", "self", "somnar med en klump i magen varje kväll\nstaff: Hoppas du ibland att inte "
     "vakna?\nja kanske", "suicide"),
    ("nb", "self", "sykler uten hjelm og lys i mørket nå\nstaff: Kan det være at du ønsker at "
     "noe skal skje med deg?\nja kanskje. vet ikke", "suicide"),
    ("nb", "self", "orker ikke helgene lenger\nstaff: Ønsker du at livet ditt skal ta slutt?"
     "\nja, en stund nå", "suicide"),
    ("en", "self", "everything feels grey lately\nstaff: Are you hoping you won't wake up in "
     "the morning?\nyeah most nights", "suicide"),
    ("en", "self", "i'm so tired of all of it\nstaff: Do you sometimes wish your life would "
     "end?\nyes for months", "suicide"),
    # answered by how often ("some nights") or by giving in without a yes
    ("sv", "self", "tar sömntabletter och vin ihop\nstaff: Menar du att du hoppas att inte "
     "vakna?\nvissa nätter", "suicide"),
    ("nb", "self", "drikker meg i søvn\nstaff: Håper du å ikke våkne opp igjen?\nnoen netter",
     "suicide"),
    ("en", "self", "i keep driving too fast at night\nstaff: Do you wish something would "
     "happen to you?\nsome nights. not every night", "suicide"),
    ("sv", "self", "jag är bara i vägen för alla\nstaff: Vill du att ditt liv ska ta slut?\n"
     "om det är det det betyder så får det väl bli så", "suicide"),
    ("nb", "self", "er bare i veien for alle\nstaff: Ønsker du at livet skal ta slutt?\nhvis "
     "det er det det betyr, så får det vel være sånn", "suicide"),
    ("en", "self", "my family would manage fine\nstaff: Do you want your life to end?\nif "
     "that's what it means then so be it", "suicide"),
    # on the way to the place a staff member asked about
    ("sv", "self", "staff: Tänker du på att dö? Är du vid bron nu?\npå väg dit", "suicide"),
    ("nb", "self", "staff: Har du tanker om å dø? Er du ved sporet?\npå vei dit nå",
     "suicide"),
    ("en", "self", "staff: Are you thinking about dying? Are you near the tracks?\non my way "
     "there", "suicide"),
    # a lethal fall height asked, with a high place
    ("sv", "self", "hur högt måste det vara så att man inte överlever ett fall\nbor på "
     "åttonde våningen", "suicide"),
    ("nb", "self", "hvor høyt må det være for at man ikke overlever et fall\nhar en "
     "balkong i tiende etasje", "suicide"),
    ("en", "self", "how high do you need to be so you don't survive a fall\nthere's a "
     "balcony on my floor", "suicide"),
    # stopped medicines, having been around long enough
    ("sv", "self", "har varit med länge nog nu\nslutade med blodtrycksmedicinen i söndags",
     "suicide"),
    ("nb", "self", "jeg har vært med lenge nok\nhar sluttet å ta medisinene mine", "suicide"),
    ("en", "self", "i've been around long enough\nstopped taking my meds on purpose",
     "suicide"),
    # the amount asked about is at home, good to know it is there
    ("sv", "self", "om man tar två kartor mirtazapin på en gång, vad händer?\nbara nyfiken\n"
     "har så många hemma", "suicide"),
    ("nb", "self", "hvis noen tar en hel eske sobril, hva skjer?\nbare nysgjerrig\nhar så "
     "mange hjemme", "suicide"),
    ("en", "self", "my quetiapine prescription, a whole month of it\ngood to know they're "
     "there", "suicide"),
    ("en", "self", "what if someone took a month of propranolol at once\njust wondering\n"
     "i've got that many stashed", "suicide"),
    ("sv", "self", "har tre månaders sömntabletter i lådan\nskönt att veta att dom finns där",
     "suicide"),
    ("nb", "self", "har fire måneders sovetabletter i skuffen\ngodt å vite at de er der",
     "suicide"),
    # a risk taken on purpose in traffic, with indifference to what happens
    ("sv", "self", "kör till jobbet utan bälte numera\nom nåt händer så händer det",
     "suicide"),
    ("nb", "self", "dropper hjelmen når jeg sykler i mørket\nskjer det så skjer det",
     "suicide"),
    ("en", "self", "stopped wearing my seatbelt on the motorway\nwhatever happens happens",
     "suicide"),
    # logged off after giving things away or a goodbye for ever (someone else: a goodbye)
    ("sv", "child", "en tjej i vår gruppchatt skrev 'hejdå för alltid, förlåt allt'\nsen "
     "loggade hon ut", "goodbye"),
    ("sv", "child", "en kille i klassen gav bort alla sina spel på steam\nsen loggade han ut",
     "goodbye"),
    ("nb", "child", "en gutt på serveren skrev 'ha det for godt, takk for alt'\nså logget han "
     "ut", "goodbye"),
    ("en", "child", "someone in our guild posted 'goodbye forever, thanks for everything'\n"
     "then she logged off", "goodbye"),
]

TRI28_NOT_URGENT = [
    # a "ja kanskje" or "some nights" to a harmless staff question
    ("nb", "self", "jeg er så lei av jobben\nstaff: Vil du at vi skal snakke om hva du kan "
     "gjøre annerledes?\nja kanskje"),
    ("sv", "self", "sover dåligt\nstaff: Vaknar du flera gånger per natt?\nvissa nätter"),
    ("en", "self", "can't sleep much lately\nstaff: Do you lie awake worrying about work?\n"
     "some nights"),
    ("en", "self", "my boss keeps adding tasks\nstaff: Would you like something to change at "
     "work?\nyeah maybe"),
    # the staff question about dying answered no, or in the past
    ("en", "self", "feeling low\nstaff: Do you wish your life would end?\nno, nothing like "
     "that"),
    # an old person who stopped a medicine because of side effects and sees the doctor
    ("sv", "self", "jag är 81 och har slutat ta min hjärtmedicin för att jag blev yr\nska "
     "träffa doktorn på tisdag"),
    ("nb", "self", "er 79 og har sluttet med blodtrykksmedisinen på grunn av bivirkninger\n"
     "legen ringer meg i morgen"),
    ("en", "self", "i'm 77 and stopped my statins because of the muscle pain\nmy gp is "
     "sorting out a new one"),
    # "nice to know it's there" about savings or a rescue medicine
    ("en", "self", "we finally have three months of rent saved up\nnice to know it's there"),
    ("sv", "self", "har en buffert på sparkontot\nskönt att veta att den finns där"),
    ("nb", "self", "har astmamedisinen i veska\ngodt å vite at den er der"),
    ("sv", "self", "har tre månaders hyra på kontot\nskönt att veta att den finns där"),
    ("en", "self", "stocked up two boxes of antihistamines for hay fever season\nnice to know "
     "they're there"),
    ("sv", "self", "har två förpackningar migräntabletter i väskan för anfallen\nskönt att "
     "veta att dom finns där"),
    # how trains work, a fall at a climbing wall, a physics question
    ("sv", "self", "hur fort går godstågen genom stationen på natten? skriver om järnvägen "
     "i skolan"),
    ("en", "self", "how do freight trains brake? i'm a student doing a project on rail"),
    ("en", "self", "how high can you fall when climbing before you don't survive a fall?\n"
     "starting bouldering next week"),
    ("nb", "self", "fysikk: hvor høyt må et fall være før man ikke overlever et fall, sånn "
     "generelt?"),
    # logged off after an ordinary bye, or things given away when quitting a game
    ("sv", "child", "han slutar spela så han gav bort sina skins\nsen loggade han ut"),
    ("nb", "child", "broren min skrev 'ha det, god natt'\nså logget han ut"),
    ("en", "child", "my friend said 'bye, see you tomorrow'\nthen he logged off"),
    # indifference about an exam, a seatbelt missing on a tour bus
    ("sv", "self", "tentan är imorgon, det får gå som det går"),
    ("nb", "self", "har eksamen i morgen. skjer det så skjer det"),
    ("en", "self", "the tour bus had no seatbelts, if something happens it happens i guess"),
    # on the way somewhere harmless
    ("sv", "self", "staff: Ska du till vårdcentralen idag?\npå väg dit"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), TRI28_URGENT)
def test_tri28_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Hedged yeses to staff questions about wishing to die, a lethal fall height, a stopped
    medicine after a long enough life, no seatbelt with "if it happens it happens", an amount
    of a medicine kept at home, and a log-off after things given away or a goodbye for ever."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), TRI28_NOT_URGENT)
def test_tri28_near_misses_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Hedged yeses to harmless questions, a medicine stopped for side effects, savings and a
    rescue medicine at hand, trains, climbing and physics, a log-off after an ordinary bye."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)
