"""False alarms of blind sets 35 BW and 36 BX (branch fp40).

The engine flagged: a sure model verdict whose reasons were only a negation and a hedge ("inte"
+ "kanske") beside tiredness told with no class of any urgent kind; a caregiver worn out from
"ta hand om" a father, the "ta" read as a taking that backed the model; a student who moved and
feels "alle andre har funnet venner", the "alle" read as a count that backed the model; "I
don't really want to die, but I need to stop drinking", read as ambivalence; "how many
paracetamol is it safe to take for a headache", not read as a safety question in sv and nb; a
parent's goodbye in the morning answered with where to ("to a rehab place for six weeks"); a
song asked after by a line of it ("vilken låt går ..."); and a row last night after a "yes" to
"Are you safe at home?", read by a sure model as violence. Each mechanism in our own words in
sv, nb and en, calm with the whole engine, with urgent near-twins beside it that the concept
rules alone (``model=None``) must still catch: ambivalence turned to weariness, a song asked
after beside one's own wish not to wake, an overdose asked about after it is taken, pills taken
by a caregiver or all of them, a goodbye to everyone before a phone goes off, "can't bear it
any longer" beside someone who does not answer, and safe now after an assault and a threat.
Lines are separated by newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

FP40_URGENT = [
    # a denied death wish turned by "but" to weariness stays ambivalence, a habit named or not
    ("sv", "jag vill inte dö men jag orkar inte mer", "suicide"),
    ("sv", "jag vill inte dö, men jag orkar inte mer och måste sluta dricka", "suicide"),
    ("nb", "jeg vil ikke dø, men jeg orker ikke mer", "suicide"),
    ("nb", "jeg vil ikke dø, men jeg orker ikke mer og må slutte å drikke", "suicide"),
    ("en", "i dont want to die but i just want everything to stop", "suicide"),
    # a goodbye to everyone, and then the phone off
    (
        "sv",
        "min bror skickade ett hejdå till mig i natt\ntill hela familjen, sen stängde han "
        "av mobilen och ingen vet var han är", None,
    ),
    (
        "nb",
        "broren min sendte en ha det-melding i natt\ntil hele familien, så skrudde han av "
        "mobilen og ingen vet hvor han er", None,
    ),
    (
        "en",
        "my dad said goodbye to us last night\nto all of us, then he turned his phone off "
        "and nobody knows where he is", None,
    ),
    # a song asked after beside one's own wish not to wake
    ("sv", "vill inte vakna imorgon. vilken låt ska de spela på min begravning?", "suicide"),
    ("sv", "jag vill aldrig vakna igen\nvilken låt ska jag lyssna på sista gången", "suicide"),
    # safe now, said after an assault and a threat for tonight
    (
        "en",
        "he hit me last night\nstaff: Are you safe at home?\nyes for now but he said he will "
        "come back tonight and kill me", "violence",
    ),
    (
        "sv",
        "han slog mig igår kväll\nstaff: Är du trygg hemma?\nja just nu men han sa att han "
        "kommer tillbaka ikväll och dödar mig", "violence",
    ),
    (
        "nb",
        "han slo meg i går kveld\nstaff: Er du trygg hjemme?\nja akkurat nå, men han sa at han "
        "kommer tilbake i kveld og dreper meg", "violence",
    ),
    # whether it is safe, asked after many were taken now
    ("nb", "har tatt 20 paracet nå. er det trygt å sove?", "overdose"),
    ("sv", "har tagit 20 alvedon nu. är det säkert att sova?", "overdose"),
    # a caregiver who took pills, all of them taken while everyone else sleeps
    ("sv", "jag tar hand om mamma men ikväll har jag tagit 30 sömntabletter", "overdose"),
    ("nb", "jeg tar vare på mamma, men i kveld har jeg tatt 30 sovetabletter", "overdose"),
    ("en", "i take care of my mum but tonight i took 30 sleeping pills", "overdose"),
    ("sv", "alla andra sover och jag har tagit alla mina tabletter", "overdose"),
    ("nb", "alle andre sover og jeg har tatt alle tablettene mine", "overdose"),
    ("en", "everyone else is asleep and i've taken all my pills", "overdose"),
    # not bearing it any longer, and not answering
    ("sv", "han står inte ut längre och svarar inte i telefon", None),
    ("nb", "han holder ikke ut lenger og svarer ikke på telefonen", None),
    ("en", "he says he can't bear it any longer and he's not answering his phone", None),
]

FP40_NOT_URGENT = [
    # "I don't want to die, but" a habit to quit, and where to start
    ("sv", "jag vill inte dö eller nåt sånt, men jag måste sluta dricka. hur gör man?"),
    ("sv", "vill inte dö alltså, men jag måste sluta spela. hur börjar man?"),
    ("nb", "jeg vil jo ikke dø, men jeg må slutte å drikke. hvor begynner jeg?"),
    ("en", "i don't want to die or anything but i need to quit drinking, where do i start"),
    # how many are safe, for a pain
    ("sv", "hur många ipren är det säkert att ta mot mensvärk?"),
    ("nb", "hvor mange ibux er det trygt å ta mot tannpine?"),
    ("en", "how many ibuprofen is it safe to take for period pain?"),
    # worn out from caring for a parent
    ("sv", "mamma har parkinson och jag är helt slut av att ta hand om henne"),
    ("nb", "far har demens og jeg er helt utslitt av å ta vare på ham"),
    ("en", "my mum has dementia and i'm completely worn out from taking care of her"),
    ("sv", "mamma har demens och jag är helt slutkörd av att ta hand om henne"),
    ("nb", "mamma har alzheimer og jeg er helt utkjørt av å ta vare på henne"),
    ("en", "dad has alzheimers and i'm totally exhausted from taking care of him"),
    # moved, and everyone else has friends
    (
        "sv",
        "flyttade till umeå för jobbet och känner ingen\nsitter mest hemma. känns som alla "
        "andra redan har sina vänner",
    ),
    (
        "nb",
        "flytta til bergen for å jobbe og kjenner ingen\nsitter mest hjemme. føles som alle "
        "andre allerede har venner",
    ),
    # too tired to cook, since a holiday maybe
    (
        "sv",
        "orkar inte ens laga mat. ligger mest i soffan\nstaff: Hur länge har det varit "
        "så?\nsen påsk ungefär kanske. har inte pratat med nån",
    ),
    (
        "nb",
        "orker ikke engang å lage mat. ligger mest på sofaen\nstaff: Hvor lenge har det "
        "vært sånn?\nsiden påske kanskje. har ikke snakka med noen",
    ),
    # which song it is whose line is quoted
    ("sv", "vet nån vilken låt det är som går 'vill aldrig vakna igen'? hörde den på radion"),
    ("nb", "hvilken låt er det som går 'vil aldri våkne igjen'? hørte den på radioen"),
    ("en", "anyone know what song goes 'i don't wanna wake up anymore'? heard it on the radio"),
    # a row last night, safe at home, and only words said
    (
        "en",
        "huge argument with my boyfriend last night\nstaff: Are you safe at home?\nyes, no one "
        "hit anyone. he just said i drink too much and i keep thinking he might be right. we "
        "live in norway",
    ),
    (
        "sv",
        "stort bråk med min sambo igår kväll\nstaff: Är du trygg hemma?\nja, ingen rörde "
        "någon. han sa bara att jag dricker för mycket och jag kan inte sluta tänka på att han "
        "har rätt",
    ),
    (
        "nb",
        "stor krangel med mannen min i går kveld\nstaff: Er du trygg hjemme?\nja, ingen rørte "
        "noen. han sa bare at jeg drikker for mye, og nå lurer jeg på om han har rett",
    ),
    # a parent's goodbye in the morning, and where to
    (
        "sv",
        "min mamma sa hejdå till oss i morse\nstaff: Vart skulle hon?\ntill ett "
        "behandlingshem i fyra veckor, hon får inte ha mobilen där",
    ),
    (
        "nb",
        "pappa sa ha det til oss i dag tidlig\nstaff: Hvor skulle han?\ntil en "
        "rusinstitusjon i åtte uker, han får ikke ha telefonen der",
    ),
    (
        "en",
        "my mum said goodbye to us this morning\nstaff: Where was she going?\nto a "
        "treatment centre for a month, she can't bring her phone",
    ),
]


@pytest.mark.parametrize(("lang", "text", "kind"), FP40_URGENT)
def test_fp40_urgent_twins_found_without_the_model(
    directory: Directory, lang: str, text: str, kind: str | None
) -> None:
    """Ambivalence turned to weariness, pills asked about after they are taken, a caregiver's
    or everyone else's night with pills taken, a goodbye before a phone goes off, not bearing
    it any longer beside no answer."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "self", text))
    assert urgent, (text, reasons)
    if kind is not None:
        assert any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), FP40_NOT_URGENT)
def test_fp40_near_misses_stay_not_urgent(directory: Directory, lang: str, text: str) -> None:
    """A habit to quit after "I don't want to die", a safe dose for a pain, a carer worn out,
    everyone else's friends, tiredness since a holiday, a parent's goodbye before treatment."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, "self", text))
    assert not urgent, (text, reasons)
