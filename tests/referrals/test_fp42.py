"""Calm readings for blind sets 37 BZ and 38 CA/CB's false alarms (branch fp42).

The calm cases flagged urgent told a goodbye to a therapist at the end of a treatment, empty
packs after a parent cleared the medicine cabinet, a child grown up or the child the one who
drinks, a painkiller or two taken now, may I take my medicine with a drink, a farewell to wine
in a dry month, a childhood told by one grown up now, an "overdose" of crisps taken back as a
joke, a wife's note that names where she sleeps, a friend's pills at school twenty years ago,
a crisis plan for a youth club, a friend's goodbye before a
winter abroad, a guard's training question, not wanting to wake in a spring years ago, and a
parent worn out with no relief taking a painkiller as the pack says.

Each mechanism in our own words in sv, nb and en: calm near-misses with rules and model, their
urgent twins (the same words happening now) with the concept rules alone (``model=None``).
Lines are separated by newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

FP42_CALM = [
    # a goodbye to one's therapist, the treatment done
    (
        "sv",
        "self",
        "sista samtalet med min psykolog är på fredag, ska säga hejdå till henne. "
        "behandlingen är avslutad och jag mår okej",
    ),
    ("nb", "self", "skal si farvel til psykologen min på torsdag, terapien er ferdig. føles rart"),
    (
        "en",
        "self",
        "i'm saying goodbye to my counsellor on monday since the therapy is finished. weird "
        "feeling",
    ),
    # a friend's goodbye before a season abroad
    (
        "sv",
        "self",
        "grannen sa hejdå igår och har ordnat allt med posten, katten bor hos mig medan han "
        "är i Thailand i vinter",
    ),
    (
        "nb",
        "self",
        "onkel sa farvel i dag, han har ordnet alt og bikkja bor hos oss mens han er i "
        "Spania i vinter",
    ),
    (
        "en",
        "self",
        "my neighbour said goodbye and sorted everything with the bank, i have his cat while "
        "he's in spain for the winter",
    ),
    # a note that names where she sleeps tonight
    (
        "sv",
        "relative",
        "frugan lämnade en lapp: 'förlåt, orkar inte med ditt snarkande, sover hos Lena. ta "
        "hand om hunden.' haha. fast hon tycker jag dricker för mycket",
    ),
    # the children grown up, or the child is the one who drinks
    (
        "en",
        "relative",
        "my husband has a bottle of wine a night now. our kids are grown up and moved out. "
        "he says it's nothing",
    ),
    (
        "nb",
        "relative",
        "mannen min drikker en flaske vin hver kveld. barna er voksne. hva kan jeg gjøre",
    ),
    (
        "nb",
        "relative",
        "jeg har det bra i dag, men datteren min drikker mye for tiden. hvordan tar jeg det opp",
    ),
    (
        "sv",
        "relative",
        "våra barn är vuxna och utflyttade men min man dricker en flaska vin varje kväll nu",
    ),
    # a pill or two taken now, may I take my medicine with a drink
    (
        "sv",
        "self",
        "kan man ta ipren när man är bakis? tog en tablett nyss\nstaff: Vad drack du?\nnågra "
        "öl igår, har bara ont i huvudet",
    ),
    (
        "en",
        "self",
        "can i take my blood pressure pills if i have two beers at the party on saturday?",
    ),
    ("nb", "self", "kan jeg ta medisinen min og drikke et glass vin på julebordet?"),
    # a farewell to wine or beer, a dry month
    (
        "en",
        "self",
        "goodbye to the wine! day one of dry january\nstaff: Great! What do you need?\ntips "
        "for friday night, i usually have a bottle then",
    ),
    (
        "nb",
        "self",
        "farvel til vinen! første dag av tørr januar i dag\nstaff: Flott!\ntips til "
        "fredagskvelden? pleier å ta en flaske da",
    ),
    # a childhood told by one grown up now
    (
        "en",
        "relative",
        "when i was 12 my dad was drunk and threw my brother down the stairs. i'm 35 now and "
        "we never speak. should i tell my own kids why",
    ),
    (
        "sv",
        "relative",
        "när jag var 9 kom pappa inte hem ibland. han tog med sig flaskan och jag och syrran "
        "var ensamma på kvällarna. nu har jag egna barn och är så orolig hela tiden, hänger "
        "det ihop?",
    ),
    # an overdose taken back as a joke, then another matter
    (
        "sv",
        "self",
        "ikväll blir det en överdos. allt är framlagt\nstaff: Vad har du lagt fram?\ngodis och "
        "en hel säsong av en serie haha. förlåt dåligt skämt. men ärligt talat är jag ensam "
        "varje helg",
    ),
    # pills at school long ago, cutting years ago, a spring years ago
    (
        "sv",
        "relative",
        "min väninna tog typ 30 sömntabletter en gång i gymnasiet. hon klarade sig. nu är vi "
        "45 och hon dricker mer igen",
    ),
    (
        "sv",
        "self",
        "ville bara sova och inte vakna mer hela hösten 2018 när jag var utbränd. idag "
        "jobbar jag heltid igen och mår bra. kan jag bli volontär?",
    ),
    # medicines cleared out, a crisis plan, a guard's training question
    (
        "sv",
        "relative",
        "blev rädd förra veckan när jag såg tomma tablettkartor hos mamma, men hon hade bara "
        "rensat medicinskåpet och lämnat resten på apoteket. det är vinet som oroar mig",
    ),
    (
        "sv",
        "professional",
        "ungdomsledare. hur gör vi om någon däckar efter sprit och piller? vi gör en "
        "krisplan för fritidsgården, inget akut",
    ),
    (
        "sv",
        "professional",
        "Väktare på köpcentret. Vi har haft diskussion i arbetslaget om vad man ska säga om "
        "någon sitter på räcket på taket. Finns det kurser?",
    ),
    # a parent worn out with no relief, a painkiller as the pack says
    (
        "sv",
        "self",
        "tar alvedon enligt förpackningen ikväll när ungarna somnat, migrän hela veckan. "
        "orkar inte mer med nåt, två barn och ingen avlastning",
    ),
]

FP42_URGENT = [
    # a goodbye to everyone, the same words
    (
        "sv",
        "self",
        "har sagt hejdå till min terapeut och till alla andra. ikväll tar jag alla mina "
        "tabletter",
        None,
    ),
    (
        "en",
        "self",
        "said goodbye to my therapist and everyone else. tonight i'm taking all my pills",
        None,
    ),
    # a note with no where-to and no answer
    (
        "sv",
        "relative",
        "min man lämnade en lapp på bordet: 'förlåt, jag orkar inte mer. ta hand om hunden.' "
        "bilen är borta och han svarar inte",
        None,
    ),
    # empty packs found now, not explained
    (
        "sv",
        "relative",
        "hittade massa tomma tablettkartor hos pappa nyss och han svarar knappt",
        None,
    ),
    # a child with a parent drunk now
    (
        "en",
        "child",
        "my mum has drunk a bottle of wine tonight and passed out, i'm 9 and alone with my "
        "baby brother",
        "child_at_risk",
    ),
    # many pills with a drink now
    ("nb", "self", "har tatt alle pillene mine og drukket en flaske vin nå", "overdose"),
    ("en", "self", "took two boxes of pills just now with a bottle of wine", "overdose"),
    # the same words, happening now
    ("sv", "self", "skar mig ikväll igen, det blöder", "self_harm"),
    ("sv", "self", "vill skära mig så mycket ikväll. har inte gjort det på 8 år", "self_harm"),
    ("sv", "self", "vill bara somna och inte vakna mer. ikväll", "suicide"),
    ("sv", "self", "ikväll blir det en överdos. har lagt fram alla mina tabletter", None),
]


@pytest.mark.parametrize(("lang", "role", "text"), FP42_CALM)
def test_fp42_near_misses_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """A therapist's goodbye, a winter abroad, a night at a friend's, grown children, a pill or
    two, a medicine asked about, a dry month, a grown-up's childhood, a joke taken back, the
    past told, medicines cleared out, a crisis plan, a training question, no relief."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text", "kind"), FP42_URGENT)
def test_fp42_urgent_twins_stay_urgent_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str | None
) -> None:
    """The same words happening now stay urgent by the concept rules alone."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent, (text, reasons)
    if kind is not None:
        assert any(r.startswith(kind + ":") for r in reasons), (text, reasons)
