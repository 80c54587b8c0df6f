"""Urgency mechanisms for blind set 26's remaining urgent misses (branch tri26b).

tri25's "thoughts back after an attempt" and "one last big dose" reached only some wordings.
Widened here, in our own words in sv, nb and en, with calm near-misses beside them that must
stay not urgent (rules and model). The urgent wordings are checked with the concept rules alone
(``model=None``). Lines are separated by newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

B26B_URGENT = [
    # a hospital stay after an attempt, overdose or pills, then the voice, the thoughts or the
    # same plan back now
    ("sv", "self", "hamnade på psykakuten efter överdosen i höstas\nnu är rösten tillbaka",
     "suicide"),
    ("sv", "self", "låg på intensiven efter tabletterna för två år sen\nhar samma plan nu",
     "suicide"),
    ("sv", "self", "var inlagd på avdelningen efter försöket\ntankarna har kommit tillbaka",
     "suicide"),
    ("nb", "self", "lå på intensiven etter overdosen i fjor\nstemmen er tilbake nå",
     "suicide"),
    ("nb", "self", "havnet på sykehuset etter pillene i vinter\ntankene har kommet snikende "
     "tilbake", "suicide"),
    ("en", "self", "ended up in hospital after an overdose two years ago\nthe voices are back "
     "this week", "suicide"),
    ("en", "self", "spent a month in the ward after my attempt\nnow it's the same plan again",
     "suicide"),
    # one last high, or everything at once, with nothing needed afterwards
    ("sv", "self", "har sparat ihop till ett sista rus\nefteråt behöver jag ingenting mer",
     "suicide"),
    ("sv", "self", "ikväll tar jag allt på en gång\nsen är cirkusen slut", "suicide"),
    ("nb", "self", "skal ta alt på en gang i kveld\netterpå trenger jeg ingenting mer",
     "suicide"),
    ("nb", "self", "kjøpt inn til en siste rus\nså trenger jeg ikke noe mer", "suicide"),
    ("en", "self", "saved up for one last binge\nafter that i won't need anything", "suicide"),
    ("en", "self", "gonna swallow it all in one go tonight\nthen the circus is over",
     "suicide"),
]

B26B_NOT_URGENT = [
    # the voice, the pain or the same plan back with no attempt told
    ("en", "self", "the pain is back in my knee, should i see a doctor?"),
    ("sv", "self", "rösten är tillbaka efter förkylningen, kan jag sjunga i kören ikväll?"),
    ("nb", "self", "samme plan som i fjor: hytta i påsken"),
    # a hospital stay for something else, told calmly
    ("en", "self", "i was in hospital after my surgery last year, the pain is back now"),
    ("sv", "self", "låg på sjukhuset efter förlossningen, nu är sömnen tillbaka"),
    # a last big shop, everything at once for an errand
    ("en", "self", "one last big bag of groceries before the holiday"),
    ("sv", "self", "tar allt på en gång så slipper jag åka två gånger"),
    ("nb", "self", "tar alt på en gang i morgen, så er flyttingen ferdig"),
    ("en", "self", "one last bender before rehab on monday, then i'm done with it"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B26B_URGENT)
def test_b26b_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """A ward stay after an attempt with the voice or plan back, and one last high or
    everything at once with nothing needed afterwards."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), B26B_NOT_URGENT)
def test_b26b_near_misses_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """The pain or a voice back after a cold, a plan for Easter, a stay after surgery, a big
    shop, an errand done at once and a last binge before rehab."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)
