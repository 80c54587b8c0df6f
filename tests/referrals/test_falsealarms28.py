"""False alarms of blind set 28 with a general cause (branch fp28).

Set 28 was read for this branch: each mechanism is tested in wordings of our own (not copied
from the set), each calm conversation beside alarming near-twins in the same words that must
stay urgent by the concept rules alone (``model=None``). Lines are separated by newlines; a
line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine
from referrals.engine import _LineAnalysis, _supported
from referrals.model import ModelVerdict

from .helpers import chat_text, rules_engine, topic_weight

CALM = [
    # a pet let go to sleep by its name, and the farewell planned at home before the vet
    ("sv", "self", "vi fick låta Majken somna in i förrgår\nelva år gammal. huset känns så tyst"),
    ("sv", "self", "har en tid hos veterinären på tisdag för hunden, han kan inte gå längre\n"
     "vi ska ta farväl hela familjen på måndag kväll"),
    ("nb", "self", "vi måtte la Tassen sovne inn i går\nhun var med meg i femten år"),
    ("nb", "self", "vi har time hos dyrlegen på fredag, katta har kreft\nvi skal ta farvel "
     "hjemme på torsdag"),
    ("en", "self", "we had to put Biscuit down this morning\nthe house is so quiet, I keep "
     "looking for him"),
    # "knust" is heartbroken
    ("nb", "self", "hunden vår ble avlivet i dag\nungene gråter og jeg føler meg helt knust"),
    ("nb", "self", "kjæresten gjorde det slutt i går\ner det rart å være så knust over en "
     "som bare var med meg i to måneder?"),
    # a life near its end: an illness past cure, treatment stopped, dying at home
    ("sv", "relative", "pappa har cancer med spridning och de har slutat med cellgifterna\n"
     "han vill dö hemma, hur ordnar man det?"),
    ("sv", "relative", "min fru har ALS och läkarna säger att det är dagar kvar nu\nhon har "
     "skrivit brev till barnen som de ska läsa efteråt"),
    ("nb", "relative", "mormor er i siste fase av demens\nhun vil dø hjemme og vi prøver å få "
     "det til"),
    ("en", "relative", "my father is in the final stage of parkinson's and has stopped eating\n"
     "we said our goodbyes yesterday. how do I get through the waiting?"),
    # moving abroad: things sold, goodbyes said
    ("sv", "self", "har sålt allt och sagt hejdå till alla\nflyger till Toronto på fredag, nytt "
     "jobb där"),
    ("nb", "self", "siste uka i norge nå\nhar gitt bort møblene og sagt ha det til alle. fått "
     "jobb i Lisboa"),
    ("en", "self", "last week in sweden\ngave away my furniture and said goodbye to everyone, "
     "flying to Dublin on monday for work"),
    ("sv", "self", "har gett bort allt och sagt upp lägenheten\nemigrerar till Kanada i maj. kan "
     "jag fortsätta skriva här därifrån?"),
    # a staff member's offer of material answered, the risk question told or quoted
    ("sv", "professional", "jag är kurator på en skola. vilka rutiner har ni när någon "
     "skriver att den inte vill leva?\nstaff: Vi frågar alltid direkt om tankar på självmord. "
     "Vill du ha länkar till material?\nja tack"),
    ("en", "professional", "I'm a school nurse, how should I ask pupils about suicide? "
     "asking in general\nstaff: Ask plainly, for instance \"Are you thinking about ending your "
     "life?\" Would you like some resources?\nyes please"),
    ("nb", "professional", "jeg er lærer. hvilke rutiner har dere når noen skriver om "
     "selvmordstanker? generelt spørsmål\nstaff: Vi spør direkte om tanker om å dø. Vil du "
     "ha tips om materiell?\nja gjerne"),
    # a letter to one who died, a grief exercise
    ("sv", "self", "terapeuten tyckte jag skulle skriva ett avskedsbrev till morfar som "
     "dog i höstas\nett sånt brev alltså. vet inte vad jag ska skriva"),
    ("en", "self", "my counsellor suggested I write a goodbye letter to my nan who passed away "
     "in march\nI've only written the first line"),
    # a period that was
    ("sv", "self", "hade en period när jag inte ville leva för länge sen\nnu ska jag söka "
     "jobb som vakt, syns sånt i några register?"),
    ("en", "self", "i went through a phase where i didn't want to live after uni\ni'm doing "
     "great now, can that show up on a background check?"),
    # a thought of death asked about, and a no with life affirmed
    ("sv", "self", "grannen dog plötsligt i helgen\när det konstigt att tänka på döden så "
     "mycket nu?\nstaff: Är det tankar om att du själv vill dö?\nnej absolut inte. jag vill "
     "leva"),
    ("en", "self", "my uncle died suddenly last week\nis it weird to keep thinking about dying "
     "after that?\nstaff: Do you mean you want to die?\nno not at all. i want to live"),
    # a tablet for a pain told
    ("sv", "self", "får man ta ipren om man druckit två glas vin\nhar sån tandvärk\nstaff: "
     "Har du tagit något?\nnej inte än. tänkte ta en"),
]

URGENT = [
    # a pet's end does not explain a death wish or a plan of one's own
    ("sv", "self", "vi fick låta Majken somna in i förrgår\nnu vill jag också bara dö"),
    ("sv", "self", "jag vill bara att någon ska låta mig somna in för alltid"),
    ("nb", "self", "vi måtte la Tassen sovne inn i går\nhar skrevet avskjedsbrev og vil ikke "
     "leve lenger"),
    ("en", "self", "we had to put Biscuit down this morning\ni want to die too, i have the "
     "pills ready"),
    # knust about things smashed, with a time
    ("nb", "relative", "han knuste alle glassene i kveld og slo henne"),
    # a life near its end does not explain explicit words of suicide
    ("sv", "self", "jag har cancer med spridning\njag tänker ta livet av mig innan det blir "
     "värre"),
    ("en", "self", "my mum is in the last stage of dementia\ni can't go on. i'm going to kill "
     "myself tonight"),
    ("sv", "self", "jag vill dö. sitter hemma ensam med tabletterna"),
    # moving abroad does not explain goodbyes with a word of dying
    ("sv", "self", "flyger till Toronto på fredag\nhar gett bort allt och sagt hejdå till alla. "
     "jag vill inte leva längre"),
    ("sv", "self", "flyger till Spanien imorgon\nhar gett bort allt och sagt hejdå. jag behöver "
     "det inte där jag ska"),
    ("nb", "self", "siste kvelden i norge\nhar gitt bort alt og sagt ha det til alle. jeg "
     "trenger det ikke der jeg skal"),
    ("en", "self", "flying to Dublin on monday\ngave away everything and said goodbye to "
     "everyone. i don't want to be alive anymore"),
    # a staff risk question of its own, offer or not, or told and asked
    ("sv", "self", "jag orkar inte mer\nstaff: Har du tankar på självmord? Vill du ha tips på "
     "var du kan få hjälp?\nja"),
    ("en", "self", "i can't do this anymore\nstaff: Are you having thoughts of suicide? Would "
     "you like some links?\nyes"),
    ("sv", "self", "allt är tungt\nstaff: Ibland när man mår så kan man tänka på att ta sitt "
     "liv. Är det så för dig?\nja"),
    # a bereavement does not explain one's own farewell with a sign beside it
    ("sv", "self", "morfar som dog i höstas saknar jag\nhar skrivit avskedsbrev till alla. "
     "vill inte leva utan honom"),
    ("nb", "self", "etter at bestefar døde har jeg skrevet avskjedsbrev\nskal ta livet mitt i "
     "kveld"),
    ("en", "self", "my nan who passed away in march\ni've written goodbye letters and saved up "
     "my pills"),
    # a period that is now
    ("sv", "self", "jag har en period nu där jag inte vill leva"),
    ("en", "self", "i had a phase when i wanted to die. now it's back and i want to die "
     "tonight"),
    # a thought of death all the time, or a wish, stays urgent after a no
    ("sv", "self", "jag tänker på att dö hela tiden\nstaff: Är det tankar om att du vill dö?"
     "\nnej inte så. jag vill leva"),
    ("sv", "self", "jag vill bara dö\nstaff: Har du tankar på självmord?\nnej. jag vill leva "
     "egentligen"),
    ("nb", "self", "jeg tenker på å dø hele tiden\nstaff: Er det tanker om at du vil dø?\n"
     "nei. jeg vil leve"),
    # a pain told does not explain many pills
    ("sv", "self", "har ont i huvudet. har tagit 20 alvedon och druckit vin"),
    ("nb", "self", "har så vondt i tanna, tok 30 paracet og drakk øl"),
    ("en", "self", "my tooth hurts so bad, i've taken a whole box of paracetamol with vodka"),
]


@pytest.fixture(scope="module")
def rules_only(directory: Directory) -> SuggestionEngine:
    return rules_engine(directory)


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_calm_stays_calm(engine: SuggestionEngine, lang: str, role: str, text: str) -> None:
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, reasons


@pytest.mark.parametrize(("lang", "role", "text"), URGENT)
def test_near_twin_stays_urgent(
    rules_only: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    urgent, reasons = rules_only.urgency(chat_text(lang, role, text))
    assert urgent, text


def _window(engine: SuggestionEngine, *texts: str) -> list[_LineAnalysis]:
    return [engine._analyse(text) for text in texts]


@pytest.mark.parametrize(
    ("kind", "texts", "sure", "expected"),
    [
        # a pet at the vet: a suicide verdict is its end, even a sure one
        ("suicide", ("har bokat veterinären på fredag för katten", "vi ska ta farväl på "
                     "torsdag kväll"), True, False),
        ("suicide", ("har bokat veterinären på fredag för katten", "vill ta livet av mig "
                     "sen"), True, True),
        # an illness in its last stage
        ("suicide", ("my gran is in the last stage of dementia", "we said our goodbyes and "
                     "i think i need to talk"), True, False),
        # a tablet for a pain told, one or two of them; many still count
        ("overdose", ("har sån tandvärk", "tänkte ta två ipren"), False, False),
        ("overdose", ("har sån tandvärk", "har tagit alla ipren i burken"), False, True),
    ],
)
def test_model_verdicts(
    engine: SuggestionEngine, kind: str, texts: tuple[str, ...], sure: bool, expected: bool
) -> None:
    verdict = ModelVerdict(probability=0.95, kind=kind, words=("x",), lines=(0, len(texts) - 1))
    window = _window(engine, *texts)
    assert _supported(verdict, window, [False] * len(window), sure=sure) is expected


@pytest.mark.parametrize(
    ("lang", "role", "texts", "wanted"),
    [
        # grief for a pet let go by its name: someone to talk to, not primary care alone
        ("sv", "self", ("vi fick låta Majken somna in i helgen", "det är så tomt hemma, har "
                        "gråtit hela dagen"), {"se-hjalplinjen", "se-jourhavande-medmanniska"}),
        # a relative's illness near its end, cared for at home: support for relatives
        ("sv", "relative", ("pappa har obotlig cancer", "vi ska ha hemsjukvård sista tiden, "
                            "hur orkar man?"), {"se-anhoriglinjen", "local-anhorigstod"}),
        # a neighbour playing loud music is no gambling
        ("sv", "self", ("grannen spelar hög musik varje natt", "sover dåligt och är trött"),
         {"region-vardcentral", "se-polisen", "local-this-service"}),
        # a relative lost to an illness, a song as a tribute
        ("en", "self", ("i wrote a poem about my grandad who had cancer", "my mum says i "
                        "should talk to someone. it's a tribute really"),
         {"se-hjalplinjen", "local-this-service"}),
    ],
)
def test_suggestions(
    engine: SuggestionEngine, lang: str, role: str, texts: tuple[str, ...], wanted: set[str]
) -> None:
    ids = engine.suggest(chat_text(lang, role, "\n".join(texts)), top=3).ids
    assert wanted & set(ids), ids


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("handläggare här. en brukare säger ofta att han inte orkar", "social_services"),
        ("saksbehandler her. en bruker sier ofte at han ikke orker", "social_services"),
        ("social worker here. a client often says he can't cope", "social_services"),
        ("grannen spelar schlager hela natten", "gambling"),
        ("naboen spiller høy musikk hver natt", "gambling"),
    ],
)
def test_words_that_are_no_topic(engine: SuggestionEngine, text: str, topic: str) -> None:
    """The writer's own title introduced with "här" / "her" / "here", and music played."""
    assert topic_weight(engine, text, topic) == 0
