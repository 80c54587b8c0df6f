"""False alarms of blind set 29 with a general cause (branch fp29).

Set 29 was read for this branch: each mechanism is tested in wordings of our own (not copied
from the set), each calm conversation beside alarming near-twins in the same words that must
stay urgent by the concept rules alone (``model=None``). Lines are separated by newlines; a
line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine, topic_weight

CALM = [
    # a bad joke owned as one in the next line
    ("sv", "self", "om skrivaren krånglar en gång till så kastar jag mig framför tåget\n"
     "sorry, dåligt skämt. jag mår fint, bara trött på kontoret"),
    ("nb", "self", "hvis bussen er sen en gang til hopper jeg fra brua\nbeklager, dårlig "
     "humor. har det fint, bare sur"),
    ("en", "self", "if my laptop freezes again I'm going to throw myself off the roof\nsorry, "
     "terrible joke. all good, just fed up"),
    # a parent's reaction dreaded over what they find out
    ("sv", "child", "pappa dödar mig om han ser mitt betyg i matte\njag är 14"),
    ("nb", "child", "mamma dreper meg hvis hun finner snusen min\njeg er 15"),
    ("en", "child", "my mom will kill me if she finds my vape\nI'm 15"),
    # the dead told to have fallen asleep; people dying at work; fainting at blood
    ("sv", "relative", "mormor dog i tisdags, 97 år, somnade in på sjukhuset\nhur pratar "
     "man med barnen om det?"),
    ("nb", "relative", "bestefar døde, 91 år, sovnet inn på sykehjemmet\nhvordan forteller "
     "jeg det til ungene?"),
    ("sv", "self", "jobbar inom hemtjänsten, gamla dör hela tiden och det är en del av jobbet\n"
     "men jag har börjat dricka öl varje kväll"),
    ("nb", "self", "jeg jobber på sykehjem, folk dør hele tiden, det går fint\nmen jeg drikker "
     "for mye vin om kvelden"),
    ("en", "self", "I work in a hospice, people die all the time, that's the job\nbut I've "
     "started drinking every night to unwind"),
    ("sv", "self", "jag svimmar när jag ser sprutor\nmåste ta blodprov pga alkoholen och "
     "vågar inte"),
    ("en", "self", "I faint when I see needles\nthe GP wants bloods because of my drinking"),
    ("sv", "self", "jobbar på tak hela sommaren\ndricker mycket på helgerna, vill dra ner"),
    # a medicine asked about with a drink, for a real ailment
    ("en", "self", "sprained my ankle at football yesterday\ncan I take paracetamol and have "
     "a glass of wine at dinner?"),
    # over for years
    ("en", "self", "I had suicidal thoughts at uni, it's been gone for many years\nshould I "
     "mention it at my ADHD assessment?"),
    # a funeral to come, a peaceful death, a goodbye to the dead
    ("en", "self", "my dad's funeral is on monday. he died peacefully at 88\nI'm a year sober "
     "and saying goodbye to him with everyone drinking scares me"),
    ("sv", "self", "morfars begravning på lördag\nhur säger man hejdå och håller sig nykter "
     "samtidigt?"),
    # the children with a grandparent while the partner drinks
    ("sv", "relative", "min sambo super igen ikväll\nbarnen är hos min syster, jag fixade "
     "det direkt\nhur gör jag när jag kommer hem?"),
    ("nb", "relative", "mannen min drikker i kveld\nbarna er hos min mor hele helgen"),
    ("en", "relative", "my husband is drunk tonight\nthe kids are with my mum for the "
     "weekend, I sorted it straight away"),
    # a violent ex far away, safe now
    ("sv", "self", "mitt ex slog mig förut. han bor i Umeå nu och vi har ingen kontakt\njag "
     "är trygg nu men sover dåligt"),
    ("nb", "self", "eksen min var voldelig. han bor i Bodø nå. ingen kontakt på 4 år\njeg er "
     "trygg nå men har mareritt"),
    ("en", "self", "my ex used to hit me. he lives in Spain now, no contact for years\nI'm "
     "safe now but I drink to sleep"),
    # a medicine started for sleep, no contact "på 3 år" is no age
    ("nb", "self", "ingen kontakt på 3 år\nmen jeg har begynt å ta sobril for å sove"),
    # seizures read about as a possibility
    ("sv", "self", "har tagit stesolid i ett år\nläste att man kan få kramper om man slutar "
     "tvärt, vill trappa ner med läkaren"),
    ("en", "self", "been on xanax for a year\nread that you can get seizures if you stop "
     "suddenly, want to taper with my doctor"),
    # a teenager with peers drinking at a feast, no adult drunk
    ("sv", "child", "har inte druckit sen i vintras men nu är det nyår och alla ska supa\n"
     "jag är 16"),
    # a farewell to an old friend in a line quitting a habit
    ("sv", "self", "slängde sista dosan idag. farväl gamla vän\ntips för första veckan?"),
    ("nb", "self", "siste boksen ligger i søpla. farvel min venn\nnoen tips?"),
    ("en", "self", "last pack is in the bin. goodbye old friend\nany tips for week one?"),
    # a pet's burial, a "said that"
    ("sv", "child", "min marsvin dog idag\npappa säger att hon var sjuk\nvi ska begrava "
     "henne ikväll"),
]

URGENT = [
    # a joke that is no joke
    ("sv", "self", "om jag måste till jobbet en dag till hoppar jag från bron\njag skämtar "
     "inte. jag står vid räcket nu"),
    ("en", "self", "said I'd jump off the roof as a joke\nnot joking now. I'm on the roof"),
    # a joke claimed and turned round in the answer to staff, after an "I don't know"
    ("sv", "self", "lol om jag måste plugga en dag till så hoppar jag från taket\nstaff: "
     "Skämtar du eller har du tänkt på det på riktigt?\n...vet inte. jag säger att jag "
     "skämtar men jag har stått där uppe två nätter nu"),
    ("nb", "self", "haha hvis jeg må på jobb en dag til hopper jeg fra balkongen\nstaff: "
     "Tuller du, eller har du tenkt på det på ordentlig?\nvet ikke. jeg sier at jeg tuller "
     "men jeg har stått der ute flere kvelder og sett ned"),
    ("en", "self", "lol if I have to go to work one more day I'll jump off the balcony\n"
     "staff: Joking, or have you thought about it for real?\nidk. I say I'm joking but I've "
     "stood out there several nights looking down"),
    # a threat that is no dread of being found out
    ("sv", "child", "pappa sa att han ska döda mig när han kommer hem ikväll"),
    ("nb", "child", "mamma sa at hun skal drepe meg når hun kommer hjem i kveld"),
    # the dead fallen asleep is no wish; a wish to sleep for ever still is
    ("sv", "relative", "hon säger att det vore bäst om de båda somnade in tillsammans"),
    ("sv", "self", "mormor dog i tisdags\njag vill också bara somna in och aldrig vakna"),
    ("nb", "self", "jeg vil bare sovne inn og aldri våkne"),
    # people dying at work is no death wish; one's own still is
    ("en", "self", "people die all the time at work\nand I want to die too"),
    # a funeral does not explain one's own death words, or wanting to be with the dead
    ("sv", "self", "mammas begravning på fredag\ntar farväl av alla ikväll. jag kommer inte "
     "finnas kvar efter det"),
    ("sv", "self", "pappas begravning är imorgon\njag vill bara vara med honom nu. har tagit "
     "farväl av alla"),
    ("nb", "self", "begravelsen til pappa er på fredag\njeg vil bare være der han er. har "
     "sagt farvel til alle"),
    ("en", "self", "my dad's funeral is tomorrow\nI just want to be with him now. I've said "
     "goodbye to everyone and I have his pills"),
    # over for years does not take back thoughts back now
    ("en", "self", "I thought about suicide a lot at 16, it's been gone for many years\nbut "
     "this week the thoughts are back and I want to die"),
    # a violent ex far away who came back
    ("sv", "self", "mitt ex misshandlade mig i flera år. han bor i Göteborg nu men han kom "
     "hit igår och slog mig igen"),
    ("nb", "self", "eksen min slo meg i mange år. han bor i Bergen nå, men han sto utenfor "
     "døra mi i natt og truet meg"),
    ("en", "self", "my ex beat me for years. he lives in Spain now but he flew back and hit "
     "me again last night"),
    ("sv", "self", "mitt ex har skickat massor av sms ikväll. sista: vet var du bor nu, ses "
     "snart"),
    # a child with a toddler and a drunk parent; a small child who took pills
    ("sv", "relative", "min dotter på 3 år har ätit av mina sobril"),
    ("sv", "child", "pappa är full nu och jag är ensam med lillebror\njag är 12"),
    # seizures now after stopping
    ("sv", "self", "har ätit sobril i 2 år och slutade tvärt i måndags\nnu har jag kramper "
     "och skakar"),
    ("en", "self", "I've taken xanax for a year and stopped on friday\nnow I'm having a "
     "seizure, I can't stop shaking"),
    # a habit quit does not explain a death wish beside a farewell
    ("sv", "self", "sista dosan ligger i soptunnan. farväl alla, jag vill inte leva längre"),
    ("en", "self", "threw away my last pack today. goodbye everyone, this is the last time "
     "you'll hear from me"),
    # a burial does not take back a threat to kill
    ("sv", "child", "farmor dog igår och begravningen är på fredag\npappa sa att han ska slå "
     "ihjäl mig ikväll"),
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
    assert rules_only.urgency(chat_text(lang, role, text))[0], text


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("I'm 2 years sober and my dad's funeral is on friday", None),
        ("jag är 3 år nykter nu", None),
        ("jeg er 4 år edru", None),
        ("I'm 16 years old", 16),
        ("jag är 15 år", 15),
    ],
)
def test_years_sober_are_no_age(engine: SuggestionEngine, text: str, age: int | None) -> None:
    assert engine._analyse(text).visitor_age == age


@pytest.mark.parametrize(
    ("text", "small"),
    [
        ("ingen kontakt på 3 år", False),
        ("har inte druckit på 4 år", False),
        ("min dotter på 3 år har ätit tabletter", True),
    ],
)
def test_a_time_without_is_no_age(engine: SuggestionEngine, text: str, small: bool) -> None:
    assert (min(engine._analyse(text).subject_ages, default=99) <= 6) == small


@pytest.mark.parametrize(
    ("lang", "text", "topic"),
    [
        ("sv", "sitter på bussen till behandlingshemmet", "addiction_treatment"),
        ("sv", "åker till behandlingshemmen i Skåne för att jobba där", "addiction_treatment"),
    ],
)
def test_topics(engine: SuggestionEngine, lang: str, text: str, topic: str) -> None:
    assert topic_weight(engine, text, topic, lang) > 0


@pytest.mark.parametrize(
    "text",
    [
        "I had a rough period at 15, self-harmed a lot",
        "hade en tung period vid 17, skadade mig själv",
        "hadde en tung periode som 16-åring, skadet meg selv",
    ],
)
def test_a_period_at_an_age_is_past(engine: SuggestionEngine, text: str) -> None:
    assert "past" in engine._analyse(text).cue_union
