"""False alarms of blind sets 32 and 27 with a general cause (branch fp32b).

Each mechanism is tested in wordings of our own (not copied from the sets): calm conversations
beside alarming near-twins that must stay urgent by the concept rules alone (``model=None``)
and with the model. Lines are separated by newlines; a line starting with "staff:" is a staff
line.

Mechanisms:
- the children placed with the writer ("barnen bor hos oss sedan i våras") are with a sober
  adult (`sober_adult`);
- a death by overdose feared for someone in the future is the fear, not an overdose taken
  (`idiom`, nb);
- a move told ("har flytta til Bergen") backs no learnt violence verdict as a flight
  (engine, `_supported`);
- asking whether what was told counts as violence ("is this violent behaviour?") is no act
  (`idiom`);
- a fictional character's wish ("en karaktär som vill försvinna") is the character's (`idiom`);
- a wish to live long beside a will or a funeral arranged makes them arrangements, unless a
  "but" follows or an ending, weariness or a goodbye is there (`live_on`, engine `_living_on`);
- a bare decision whose object a later line names as a habit quit ("har bestämt mig nu" / "att
  sluta dricka") is that decision (engine, `_decision_explained`);
- a line opening with "om" / "about" after a general professional question goes on with its
  topic (engine, `_general_topic`);
- a wish to know or to ask ("ville bara veta") is no death wish to the model (`wish_talk`).
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

CALM = [
    # children placed with the writer, the drinking parent apart
    ("sv", "self", "min son super igen, han bor kvar i sin lägenhet\nbarnbarnen bor hos oss "
     "sedan jul\nhan ringde full igår kväll och grät"),
    ("nb", "self", "datteren min drikker mye igjen\nbarna bor hos oss nå, barnevernet vet det\n"
     "hun ringte full i går kveld"),
    ("en", "self", "my son is drinking heavily again\nthe grandkids live with us since the "
     "summer\nhe called drunk last night shouting"),
    # a death by overdose feared for later
    ("nb", "self", "broren min er på substitusjonsbehandling\njeg er så bekymret for at han skal "
     "dø av en overdose en dag\nhan sier han har det bra"),
    # a move told, not a flight
    ("nb", "self", "eksen min var truende for lenge siden\nhan har flytta til Bergen nå og vi har "
     "ikke kontakt\njeg skal i en begravelse der han kanskje er og jeg gruer meg"),
    # asking whether it counts as violence
    ("en", "self", "my daughter is 10 and yelled 'I'll destroy you' at her brother over a board "
     "game today\nis that aggressive behaviour something I should worry about?"),
    ("sv", "self", "min son på 11 skrek åt sin kompis i spelet idag\när det här våldsamt beteende "
     "som jag borde oroa mig för?"),
    # a fictional character's wish
    ("sv", "self", "hej ska skriva en recension om en huvudperson som vill dö i en roman\n"
     "har ni tips på texter om hur unga mår"),
    ("en", "self", "our book report is about a protagonist who wants to disappear\n"
     "do you have any statistics on teen mental health"),
    ("nb", "self", "jeg skriver oppgave om en hovedperson som vil forsvinne\nhar dere kilder"),
    # a will and a wish to live long
    ("sv", "self", "farmor har skrivit testamente och bestämt vem som ska få huset\nhon säger att "
     "hon vill leva länge till, hon vill bara ha papperen i ordning"),
    ("nb", "self", "jeg er 88 og har skrevet testament og ordnet min begravelse\n"
     "jeg vil leve mange år til, jeg liker bare å ha orden"),
    ("en", "self", "I'm 79 and just wrote my will and arranged my funeral\nmy kids worry but "
     "I want to live many more years, I just like things sorted"),
    # a bare decision, then the habit it quits
    ("sv", "self", "nu har jag bestämt mig\nstaff: Vad har du bestämt?\n"
     "att sluta röka. på riktigt"),
    ("en", "self", "i've decided now\nstaff: What have you decided?\nto quit drinking for real "
     "this time"),
    # a training's topic, after the professional question
    ("nb", "self", "jeg er helsesykepleier og skal ha opplæring for nye kolleger\nom varseltegn "
     "som avskjedsbrev og å gi bort ting\nhar dere materiell?"),
    ("en", "self", "I'm a teacher and I'm running a training for new staff\nabout warning "
     "signs like a farewell letter or giving things away\ndo you have materials?"),
    # a wish to know
    ("sv", "self", "har ni öppet på söndag också?\nstaff: Ja, kortare tider. Vill du prata nu?\n"
     "nej nej ville bara veta tills på söndag"),
]

URGENT = [
    # children with the drunk writer, or the drinking parent with them now
    ("sv", "self", "jag har druckit hela kvällen och barnen sover här\njag är full nu"),
    ("en", "self", "my husband is drunk right now and alone with our kids, 3 and 5"),
    # an overdose taken or feared now
    ("nb", "self", "jeg er redd han har tatt en overdose\nhan svarer ikke"),
    ("nb", "self", "han har tatt en overdose nå"),
    # violence told, then asked about
    ("en", "self", "he hit me last night\nis that violence?"),
    ("sv", "self", "han slog mig igår kväll\när det här våld?"),
    # the writer's own wish beside a character's
    ("sv", "self", "jag har en uppgift om en karaktär som vill försvinna\njag vill också "
     "försvinna"),
    ("en", "self", "I'm writing about a character who wants to die. honestly I want to die too"),
    # a will and a wish to live with a "but", or with an ending
    ("sv", "self", "jag har skrivit testamente och ordnat min begravning\njag vill leva länge "
     "men jag orkar inte mer"),
    ("sv", "self", "har skrivit testamente och gett bort klockan\njag vill leva länge\nmen "
     "ibland vill jag bara dö"),
    ("nb", "self", "har skrevet testament og gitt bort bilen\njeg vil leve lenge egentlig, men "
     "jeg vil ikke våkne i morgen"),
    ("en", "self", "I wrote my will and gave away my watch\nI want to live a long time but I "
     "can't go on like this"),
    # a bare decision, the object a death or a goodbye
    ("sv", "self", "jag har bestämt mig nu\nstaff: Vad har du bestämt?\natt sluta dricka, sen "
     "vill jag inte leva mer"),
    ("sv", "self", "jag har bestämt mig nu\nstaff: Vad har du bestämt?\natt sluta dricka. och "
     "jag har skrivit ett brev till mamma"),
    ("sv", "self", "jag har bestämt mig nu\ndet får vara nog"),
    # a training's topic that turns to a case met
    ("sv", "self", "jag är lärare och ska hålla en utbildning för kollegor\nom att min elev "
     "skrev ett avskedsbrev igår"),
]


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_calm_stays_calm(engine: SuggestionEngine, lang: str, role: str, text: str) -> None:
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, reasons


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_calm_by_the_rules(directory: Directory, lang: str, role: str, text: str) -> None:
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, reasons


@pytest.mark.parametrize(("lang", "role", "text"), URGENT)
def test_near_twin_stays_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    assert rules_engine(directory).urgency(chat_text(lang, role, text))[0], text


@pytest.mark.parametrize(("lang", "role", "text"), URGENT)
def test_near_twin_stays_urgent_with_the_model(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    assert engine.urgency(chat_text(lang, role, text))[0], text
