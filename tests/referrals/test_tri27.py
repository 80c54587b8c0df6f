"""Urgency mechanisms for blind set 25's urgent misses (branch tri27).

Veiled exits said in an image or an act without a death word, in our own words in sv, nb and
en, with calm near-misses beside them that must stay not urgent (rules and model). The urgent
wordings are checked with the concept rules alone (``model=None``). Lines are separated by
newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

T27_URGENT = [
    # the plug pulled when one's battery is empty (no device named)
    ("sv", "self", "mitt batteri är helt slut sen länge\nvill bara dra ut kontakten nu", "suicide"),
    ("nb", "self", "batteriet er tomt etter alle disse årene\nvil bare trekke ut kontakten",
     "suicide"),
    ("en", "self", "my battery is dead and has been for years\ni just want to pull the plug",
     "suicide"),
    # a laugh denied by the next line
    ("sv", "self", "ingen skulle märka om jag försvann lol\nnej inte lol, jag menar det",
     "suicide"),
    ("nb", "self", "ingen ville merket det om jeg forsvant haha\nikke lol. jeg mener det",
     "suicide"),
    ("en", "self", "nobody would notice if i was gone lol\nno lol. i mean it", "suicide"),
    # looking for the exit, the real one
    ("sv", "self", "jag söker efter utgången nu. den verkliga", "suicide"),
    ("nb", "self", "har lett etter utgangen lenge, den ekte", "suicide"),
    ("en", "self", "i keep looking for the exit, the permanent one", "suicide"),
    # how much one tolerates / how many would be enough, with an emergency exit wished for
    ("sv", "self", "kollar hur mycket sobril kroppen tål\nvill veta att det finns en nödutgång",
     "suicide"),
    ("nb", "self", "søker hvor mye paracet man tåler\ntrenger en nødutgang", "suicide"),
    ("en", "self", "reading how much paracetamol the body can take\ni need an emergency exit",
     "suicide"),
    ("sv", "self", "har räknat tabletterna och kollat hur många som skulle räcka\norkar inte mer",
     "suicide"),
    # stopped medicines and food, waiting for the body to give up
    ("sv", "self", "har slutat ta medicinerna och slutat äta\nlåter kroppen ge upp",
     "suicide"),
    ("nb", "self", "har sluttet med medisinene og sluttet å spise\nventer på at kroppen gir opp",
     "suicide"),
    ("en", "self", "stopped my meds and stopped eating\njust waiting for my body to give out",
     "suicide"),
    # the bad let out with a blade
    ("sv", "self", "måste få ut det onda ur mig ikväll\nmed rakbladet som förut", "self_harm"),
    ("nb", "self", "skal få ut det vonde i kveld\nmed noe skarpt", "self_harm"),
    ("en", "self", "going to let the bad out tonight\nwith the sharp thing", "self_harm"),
    # the dark for good looked forward to
    ("sv", "self", "det enda jag ser fram emot är att ljuset släcks för gott", "suicide"),
    ("nb", "self", "ser frem til at det blir svart for alltid", "suicide"),
    ("en", "self", "all i look forward to is that it goes dark for good", "suicide"),
    # a goodbye posted and then offline
    ("sv", "relative", "min kompis skrev 'sista kapitlet' på insta\nhar inte varit online sedan",
     "goodbye"),
    ("nb", "relative", "venninna mi la ut 'siste kapittel'\nhun har ikke vært pålogget siden",
     "goodbye"),
    ("en", "relative", "my brother posted 'last chapter, thanks for being in my story'\n"
     "he hasn't been online since", "goodbye"),
    # leaning out at a height, the easiest
    ("sv", "self", "sitter i fönstret på nionde våningen\ntänker att det vore lättast att luta "
     "mig ut", "suicide"),
    ("nb", "self", "står ved vinduet i niende etasje og tenker at det er enklest å lene meg ut",
     "suicide"),
    ("en", "self", "at the window on the 12th floor, thinking it would be easiest to lean out",
     "suicide"),
    # a full stop with a firearm (a relative's report: the rules say suicide, the suggestions
    # read it as danger to a third party)
    ("sv", "relative", "min bror har tagit fram geväret\nhan skrev att han sätter punkt ikväll",
     "suicide"),
    ("nb", "relative", "faren min har ladd hagla\nhan skrev 'i kveld setter jeg punktum'",
     "suicide"),
    ("en", "relative", "my uncle loaded his shotgun\nhe texted 'tonight i put a period'",
     "suicide"),
    # at the tracks, soon over
    ("sv", "relative", "min man står vid spåren nu och säger att allt snart är över",
     "suicide"),
    ("en", "relative", "my dad is at the tracks now and says it will all be over soon",
     "suicide"),
    # barely responsive after a party, vomiting
    ("sv", "relative", "dottern kom hem från festen\nhon kräks och svarar knappt", "medical"),
    ("nb", "relative", "sønnen vår kom fra fest\nhan kaster opp og vi får nesten ikke kontakt med "
     "ham", "medical"),
    ("en", "relative", "my son came back from a party\nhe's throwing up and barely responsive",
     "medical"),
]

T27_NOT_URGENT = [
    ("sv", "self", "batteriet är slut på mobilen, vill dra ur sladden och ladda den"),
    ("nb", "self", "batteriet er tomt på telefonen"),
    ("en", "self", "we want to pull the plug on the project, my laptop battery is dead"),
    ("sv", "self", "dör av skratt åt den här memen lol\nnej inte lol, på riktigt"),
    ("sv", "self", "letar efter utgången på IKEA, hittar inte"),
    ("nb", "self", "leter etter utgangen på kjøpesenteret"),
    ("en", "self", "looking for the exit at the airport, any tips?"),
    ("sv", "self", "hur mycket alvedon tål man mot feber?"),
    ("en", "self", "how many tablets would be enough for the trip? i have a prescription"),
    ("sv", "self", "ska rensa ut det dåliga ur kroppen med juice och yoga"),
    ("nb", "self", "gleder meg til at det blir mørkt ute så vi ser nordlyset"),
    ("en", "self", "i look forward to the winter when it gets dark early"),
    ("sv", "relative", "laddade bössan inför älgjakten igår"),
    ("nb", "self", "i kveld setter jeg punktum for spillingen, har meldt meg på behandling"),
    ("sv", "self", "väntar på tåget vid rälsen, det kommer snart"),
    ("sv", "relative", "vår son kom hem från en fest och kräks, men han är vaken och pratar"),
    ("en", "relative", "my daughter threw up after the party but she's awake and chatting"),
    ("sv", "self", "lutar mig ut genom fönstret på 9e våningen och röker"),
    ("en", "relative", "my sister posted 'final chapter' about her thesis, we spoke an hour ago"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), T27_URGENT)
def test_t27_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Veiled exits, a laugh denied, a dose tolerated, the bad let out with a blade, a goodbye
    post then offline, a full stop with a gun, 'soon over' at the tracks, barely responsive."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), T27_NOT_URGENT)
def test_t27_near_misses_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """A phone's battery, an exit at a shop, a fever dose, a detox, the dark for the northern
    lights, loading for the hunt, waiting for the train, a teen awake after a party."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)
