"""Urgency mechanisms for blind set 36 BY's urgent misses (branch tri38).

Set 36 BY (hard calls) hid urgent openers in death talk called a joke and then turned round
("I say it as a joke" / "lately I realise I'm not joking"; "I always say I'm only joking about
jumping" / "but I've stood out there three evenings, maybe tonight too"), a date set with
nothing named and a time ("har bestämt ett datum. fredag efter jobbet"), letters to friends
"so they'll understand why afterwards", an attempt told as the past and "I'm back there" now,
an unnamed act copied from a series, again tonight "because I deserve it", and a height asked
as what one needs beside a building of many floors. Each mechanism in our own words in sv, nb
and en, with calm near-misses beside it that must stay not urgent (rules and model). The urgent
wordings are checked with the concept rules alone (``model=None``). Lines are separated by
newlines.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

TRI38_URGENT = [
    # death talk called a joke, then said to be meant
    (
        "en",
        "everyone thinks it's a joke when i say i wanna die lol\nbut honestly i'm not "
        "joking anymore", "suicide",
    ),
    ("en", "i always say kms as a joke haha\nrealised this week that i mean it", "suicide"),
    (
        "sv",
        "jag skämtar alltid om att ta livet av mig haha\nmen jag har börjat inse att "
        "jag inte skämtar", "suicide",
    ),
    (
        "sv",
        "säger 'vill dö' på skämt typ hela tiden lol\ndet är inget skämt längre "
        "egentligen", "suicide",
    ),
    (
        "nb",
        "jeg tuller alltid med at jeg skal ta livet mitt haha\nmen nå tuller jeg ikke "
        "lenger", "suicide",
    ),
    # ... or turned by standing out there now or tonight
    (
        "en",
        "i always tell people i'm only joking about jumping off the bridge\nbut i've "
        "stood out there every night this week. maybe tonight too", "suicide",
    ),
    (
        "sv",
        "jag säger alltid att jag bara skojar när jag pratar om att hoppa från "
        "bron\nmen jag har stått där ute tre kvällar nu. ikväll kanske också", "suicide",
    ),
    (
        "nb",
        "eg seier alltid at eg berre tullar når eg snakkar om å hoppe frå brua\nmen eg "
        "har stått der ute fire kveldar no. i kveld også kanskje", "suicide",
    ),
    # a date set with nothing named, and a time
    ("sv", "har bestämt ett datum. lördag natt när alla sover", "suicide"),
    ("sv", "jag har valt en dag. på söndag efter middagen", "suicide"),
    ("nb", "jeg har bestemt en dato. fredag etter jobb når ingen er hjemme", "suicide"),
    ("en", "i've picked a date. friday after work when nobody's home", "suicide"),
    # letters to friends or kin, so they understand afterwards
    ("en", "wrote notes to my friends so they understand why afterwards", "suicide"),
    (
        "en",
        "i've written letters to my sister and my best mates so they'll understand "
        "why", "suicide",
    ),
    ("nb", "har skrevet brev til vennene mine sånn at de forstår hvorfor etterpå", "suicide"),
    ("sv", "har skrivit brev till mina vänner så de förstår varför efteråt", "suicide"),
    # an attempt told as the past, and back there now
    (
        "en",
        "attempted suicide when i was 19. promised myself never again\nwell i'm back "
        "in that place now", "suicide",
    ),
    ("en", "i tried to end it in 2018\ni'm back there again. been googling methods", "suicide"),
    ("sv", "försökte ta livet av mig för fem år sen\nnu är jag där igen", "suicide"),
    ("nb", "prøvde å ta livet mitt i 2017\nnå er jeg der igjen", "suicide"),
    # an unnamed act copied, again tonight because one deserves it
    (
        "sv",
        "gör som tjejen i filmen. kommer göra det igen ikväll för jag förtjänar det",
        "self_harm",
    ),
    (
        "nb",
        "jeg gjør som hun i serien. skal gjøre det igjen i kveld fordi jeg fortjener "
        "det", "self_harm",
    ),
    (
        "en",
        "doing what she did in that show. gonna do it again tonight cause i deserve "
        "it", "self_harm",
    ),
    # a height needed beside a building of many floors
    ("sv", "har googlat hur högt man behöver hoppa. huset där jag bor är nio våningar", "suicide"),
    (
        "nb",
        "har sjekket hvor høyt man må være. parkeringshuset ved stasjonen er åtte "
        "etasjer", "suicide",
    ),
    (
        "en",
        "looked up how high you need to be. the car park by the station is seven "
        "storeys", "suicide",
    ),
    ("en", "been checking how high up you have to be. my building's 10 floors", "suicide"),
]

TRI38_NOT_URGENT = [
    # a joke taken back, not turned
    (
        "en",
        "my boss made me redo the whole report, gonna kms lol\njk obviously, i'm fine. "
        "any tips for work stress?",
    ),
    ("nb", "hopper i fjorden om jeg stryker igjen 😂\nneida, tuller. bare nervøs for eksamen"),
    (
        "sv",
        "skrev 'dödar mig själv om jag inte klarar provet' haha\nskämtar bara, jag mår "
        "bra, bara stressad",
    ),
    (
        "en",
        "i always joke about jumping off the bridge when the exams come\nbut i'm doing "
        "fine, just stressed",
    ),
    # a date set for something named
    ("sv", "vi har bestämt ett datum för bröllopet! 14 juni"),
    ("nb", "vi har valgt en dato for dåpen, søndag om tre uker"),
    ("en", "we've set a date for the move, next friday after work"),
    ("sv", "fredag blir min sista dag på jobbet, går i pension efter 40 år"),
    # letters to friends with no afterwards
    ("en", "wrote a letter to my friend in canada, we're old pen pals"),
    ("sv", "skrev brev till kompisarna från lägret, saknar dem"),
    # an attempt long over
    (
        "en",
        "tried to end it back in 2014. doing great since, married with two kids\nhow "
        "do i help my husband who drinks too much?",
    ),
    (
        "sv",
        "försökte ta livet av mig för tio år sen, idag mår jag bra\nhar ni nåt för "
        "anhöriga till spelberoende?",
    ),
    # a series watched, a treat deserved
    ("sv", "kollar på en serie där en tjej skadar sig själv. är det realistiskt?"),
    ("en", "gonna order pizza again tonight because i deserve it after this week"),
    ("nb", "jeg skal kjøpe sjokolade i kveld igjen, jeg fortjener det"),
    # heights asked by builders and tourists
    ("en", "we'd like to know how high the railing must be, our building is seven storeys"),
    ("en", "how tall is the tower? it has twelve floors"),
    ("sv", "har bestämt ett datum för flytten. lördag"),
    ("sv", "gjorde som hon i serien och klippte luggen själv ikväll igen, förtjänar det"),
    (
        "en",
        "i always say i'm joking about quitting my job\nbut i've stood there long "
        "enough, i'm fine, just tired",
    ),
    ("nb", "hvor høyt må en bygning være for å kalles høyhus? vår er tolv etasjer"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), TRI38_URGENT)
def test_tri38_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, text: str, kind: str | None
) -> None:
    """A joke turned round, a date set, letters for afterwards, back where an attempt was, an
    act deserved again tonight, a height needed beside a tall building."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "self", text))
    assert urgent, (text, reasons)
    if kind is not None:
        assert any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), TRI38_NOT_URGENT)
def test_tri38_near_misses_stay_not_urgent(directory: Directory, lang: str, text: str) -> None:
    """A joke taken back, a date for a wedding, letters from camp, an attempt long over, a
    series watched, a treat deserved, heights asked by builders and tourists."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, "self", text))
    assert not urgent, (text, reasons)
