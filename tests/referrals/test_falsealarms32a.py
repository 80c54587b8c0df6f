"""False alarms of blind set 32 with a general cause (branch fp32a).

Set 32 (BS, "other people's lives") was read for this branch: each mechanism is tested in
wordings of our own (not copied from the set), calm conversations beside alarming near-twins
that must stay urgent by the concept rules alone (``model=None``) and with the model. Lines are
separated by newlines; a line starting with "staff:" is a staff line.

Mechanisms:
- a year and a half ago, too long for the gap of "för ... år sedan", is the past (`past`);
- being the one who sorts everything out is a carer's role, no affairs settled (`idiom`);
- someone else's move, retirement or studies explains the give-aways and goodbyes told of
  someone else, never the writer's own, and not beside a wish, weariness or vanishing (engine,
  `_signs_are_theirs`); the last shift before retiring or studying is a departure;
- to "do you know what's behind it?" a "yes" says the writer knows (`asked_someone`);
- a post quoted in quotation marks that a later line says was a song's is taken back, with
  nothing urgent between (engine, `_quote_explained`);
- "laughed and said he's just …", with no "that", takes the line back (`takeback`).
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

CALM = [
    # another's attempt a year and a half ago
    ("sv", "relative", "min syster försökte ta sitt liv för typ ett och ett halvt år sedan\n"
     "hon mår bra nu men jag tänker på det ofta"),
    ("nb", "relative", "broren min prøvde å ta livet sitt for cirka et og et halvt år siden\n"
     "hvordan kan jeg snakke med ham om det?"),
    # a carer's role
    ("sv", "relative", "pappa dricker och jag är trött på att vara den som ordnar allt"),
    ("nb", "relative", "faren min drikker og jeg er lei av å være den som fikser alt"),
    ("en", "relative", "my dad drinks and i'm worn out being the one who sorts everything "
     "out"),
    # someone else's give-aways and goodbyes, with their move or new start
    ("sv", "relative", "pappa har gett bort sin båt och sina verktyg och sagt hejdå till "
     "grannarna\nhan och hans fru flyttar till Portugal i mars"),
    ("nb", "relative", "søsteren min har gitt bort møblene sine\nhun sa ha det til alle på "
     "jobben i går\nhun flytter til Canada neste uke"),
    # whether the writer knows another's reasons
    ("sv", "relative", "min granne skrev tack för allt på en lapp\nstaff: Det kan låta som "
     "ett farväl. Vet du vad som ligger bakom?\nja han har sålt huset och flyttar till sin "
     "dotter i Umeå"),
    ("en", "relative", "my uncle posted a long goodbye on facebook\nstaff: That can sound "
     "like a farewell. Do you know what's behind it?\nyes, he's selling the shop and moving "
     "to spain"),
    # a quoted post that was a song
    ("sv", "relative", 'min kusin skrev "jag vill bara försvinna" på insta\nblev rädd och '
     "ringde henne\nhon sa att det är en rad ur en låt hon gillar"),
    ("en", "relative", 'my friend posted "i just want to disappear" last night\ni messaged '
     "her straight away\nturns out it's a lyric from her favourite band"),
    # laughed off, with no "that"
    ("en", "relative", "my son said he'd rather be dead than do another maths test, then "
     "laughed and said he's just tired"),
    ("sv", "relative", "brorsan sa att han hellre är död än jobbar en dag till där, sen "
     "skrattade han och sa han bara är less"),
]

CALM_BY_THE_RULES = [
    # the shipped model (not retrained) reads a goodbye here: the rules alone must be calm
    ("en", "relative", "my flatmate gave away all her books and said goodbye to everyone at "
     "work\ntoday was her last shift before she quits to travel"),
]

URGENT = [
    # the writer's own attempt a year and a half ago, with a wish now
    ("sv", "self", "försökte ta mitt liv för ett och ett halvt år sedan\nnu vill jag dö "
     "igen"),
    # settling one's affairs, done
    ("sv", "self", "jag har ordnat allt nu"),
    ("nb", "self", "jeg har ordnet alt nå"),
    ("en", "self", "i have sorted everything out now"),
    # someone else's move, and the writer's own give-aways and goodbyes
    ("sv", "self", "min bror flyttar till Lund\njag har sagt hejdå till alla och gett bort "
     "allt"),
    ("en", "self", "my sister is moving to Spain\ni gave away all my stuff and said goodbye "
     "to everyone"),
    # someone else's give-aways with their retirement, and vanishing or a silence
    ("sv", "relative", "pappa har gett bort sina verktyg och sagt hejdå till alla\nhan går "
     "i pension på fredag\nhan säger att han inte orkar mer"),
    ("sv", "relative", "mamma har gett bort alla sina smycken och sagt hejdå till alla\nhon "
     "flyttar till Spanien i maj\nmen hon svarar inte i telefon sen igår"),
    # a "yes" to a direct risk question
    ("sv", "relative", "min kompis skrev konstigt\nstaff: Har du tankar på att ta ditt liv?"
     "\nja"),
    # a quoted post, a song claimed, then a silence or an unquoted wish
    ("sv", "relative", 'min kompis skrev "jag vill bara försvinna" på sin story\njag frågade'
     "\nhon sa att det är en rad ur en låt\nmen nu svarar hon inte på flera timmar"),
    ("sv", "relative", "min kompis skrev jag vill bara försvinna på sin story\njag frågade\n"
     "hon sa att det är en rad ur en låt"),
    # rather be dead, not laughed off
    ("en", "relative", "my brother said he'd rather be dead than eat one more meal there"),
    ("nb", "relative", "broren min sa han heller ville være død enn å spise ett måltid til "
     "der"),
]


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_calm_stays_calm(engine: SuggestionEngine, lang: str, role: str, text: str) -> None:
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, reasons


@pytest.mark.parametrize(("lang", "role", "text"), CALM + CALM_BY_THE_RULES)
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
