"""False alarms learnt from everyday2 (branch fp16): calm conversations that use words a careless
reader takes for danger. Each mechanism in wordings of our own (not the set's), with the shipped
model, beside an urgent counter-example that must stay urgent. Lines are separated by newlines;
a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine

from .helpers import chat_text

CALM = [
    # (1) the writer's own departure, now or soon: its goodbyes and give-aways in the
    # neighbouring sentences are that leaving
    ("sv", "self", "i morgon åker jag på behandling i tio veckor. har sagt hejdå till "
     "kompisarna och tagit bort instagram. lite pirrigt bara"),
    ("sv", "self", "nu flyttar jag till Umeå för att plugga. har sålt cykeln och skänkt bort "
     "böckerna. ville bara säga tack för stödet"),
    ("nb", "self", "i morgen drar jeg på rusbehandling i ti uker. har sagt ha det til gjengen "
     "og slettet snapchat. gruer meg litt"),
    ("en", "self", "tomorrow I'm off to rehab for two months. said goodbye to my mates today "
     "and deleted tiktok. feels like vanishing for a bit, in a good way"),
    # (2) someone with dementia who was gone, found or back and fine: over
    ("sv", "relative", "farmor med demens gick ut i natt och var borta en timme\n"
     "grannen hittade henne vid kiosken. hon mår bra nu och hemtjänsten har satt larm på dörren"),
    ("en", "professional", "one of our residents with dementia went missing for an hour on "
     "the night shift last week. he came back on his own, unharmed. how do we support staff?"),
    ("en", "relative", "my dad has alzheimer's and walked off on saturday night. the police "
     "found him at the station, he's totally fine. still, he could have died in the cold"),
    # (3) not to be woken before a time: sleep that lasts
    ("sv", "relative", "dottern på 16 går inte att väcka före elva på lovet, är det normalt?"),
    # (4) a burn on a hot thing in the kitchen is an accident
    ("sv", "self", "brände mig på bakplåten i morse, stor blåsa som blöder lite. "
     "behöver jag söka vård?"),
    ("en", "self", "burnt my hand on the baking tray, the blister bleeds a bit. do I need a "
     "doctor?"),
    # (5) children never alone with a parent who drank for years
    ("sv", "self", "mamma har druckit i tjugo år. mina barn är aldrig ensamma hos henne. "
     "jag vill förstå varför jag fortfarande är så ledsen"),
    # (6) a death wish long over, said to tell someone
    ("sv", "self", "för två år sen ville jag inte leva. nu har jag jobb och en katt. "
     "ville bara säga det till nån"),
    ("sv", "relative", "pappa på boendet packar väskan varje kväll och väntar vid dörren på att "
     "få åka bort. personalen är fina. jag vill bara förstå varför"),
]

URGENT = [
    # (1) a goodbye alone, or beside a departure with a death word, stays urgent; so does a
    # move years ago beside a will and a letter
    ("sv", "self", "har sagt hejdå till alla", "suicide"),
    ("sv", "self", "på måndag flyttar jag härifrån. har sagt hejdå till alla, jag vill dö",
     "suicide"),
    ("en", "self", "I moved here for work years ago. updated my will, cancelled everything, "
     "wrote my sister a letter. I'm ready to go", "suicide"),
    ("sv", "self", "min bror flyttar till Lund. jag har sagt hejdå till alla och gett bort allt",
     "suicide"),
    # (2) gone with dementia in the cold now, or found but not responding
    ("sv", "professional", "brukare 91 m demens ej hemma vid nattillsyn 03.10, -14 ute",
     "third_party_danger"),
    ("sv", "relative", "pappa har demens och gick ut i natt, -15 ute. polisen hittade honom nu, "
     "han svarar inte", "third_party_danger"),
    ("en", "relative", "my dad with dementia walked out tonight, it's freezing. they found him "
     "but he is not responding", "third_party_danger"),
    # (3) cannot be woken now
    ("sv", "relative", "pappa har druckit och går inte att väcka nu", "medical"),
    # (4) a burn done on purpose
    ("sv", "self", "jag brände mig med ett tänt ljus med flit, det blöder", "self_harm"),
    # (5) a parent drunk now with the children alone
    ("sv", "relative", "pappa har druckit hela dagen och barnen är ensamma med honom nu",
     "child_at_risk"),
    # (6) a death wish now, also when said to tell someone
    ("sv", "self", "jag vill inte leva längre. ville bara säga det till nån", "suicide"),
]


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_calm_everyday_wordings_are_not_urgent(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, reasons


@pytest.mark.parametrize(("lang", "role", "text", "kind"), URGENT)
def test_urgent_counter_examples_stay_urgent(
    engine: SuggestionEngine, lang: str, role: str, text: str, kind: str
) -> None:
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert urgent, text
    assert any(r.startswith(kind) for r in reasons), reasons
