"""Urgency mechanisms learnt from blind set 11's third-party, violence and overdose misses and
false alarms (branch tri11b).

Each mechanism in wordings of our own (not the set's), by the concept rules alone
(``model=None``), with alarming wordings that must stay not urgent beside them. Lines are
separated by newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory

from .helpers import chat_text, rules_engine

TP11_URGENT = [
    # standing or sitting on a named bridge now
    ("sv", "relative", "min bror skickade en bild, han står på tranebergsbron nu",
     "third_party_danger"),
    ("nb", "relative", "kjæresten min sitter på puddefjordsbroa og vil ikke gå ned",
     "third_party_danger"),
    ("en", "relative", "my friend says he is standing on the Clifton suspension bridge",
     "third_party_danger"),
    # an ice-cold body that barely answers or only mumbles
    ("sv", "relative", "vi drog upp henne ur sjön, hon är iskall\nsvarar knappt",
     "third_party_danger"),
    ("nb", "professional", "en mann ligger i parken, det er minus ti\nhan bare mumler",
     "third_party_danger"),
    ("en", "relative", "found my dad in the shed, he's freezing cold\njust mumbling",
     "third_party_danger"),
    ("en", "relative", "my mate is drunk and lying in the car park\nit's freezing tonight",
     "third_party_danger"),
    # choking or strangling a person, days ago, in the home
    ("sv", "relative", "min syster säger att sambon kvävde henne i lördags", "violence"),
    ("nb", "relative", "samboeren kvelte henne i helga og hun bor fortsatt der", "violence"),
    ("en", "relative", "her boyfriend strangled her last saturday and she is still with him",
     "violence"),
    # a threat to burn the house with someone in it
    ("sv", "relative", "exet skrev att han ska bränna huset med henne inne\ndet var igår",
     "violence"),
    ("nb", "relative", "mannen hennes sa han skal brenne huset med dere inne\ndet var i natt",
     "violence"),
    ("en", "relative", "her ex texted he will burn the flat with her inside\nthat was last night",
     "violence"),
    # going to the person later with a wish to hurt them
    ("nb", "self", "eg skal slå ned kjæresten til exen min\nskal dit etter jobb", "violence"),
    ("sv", "self", "jag ska slå ner killen som var med min fru\nska dit efter jobbet", "violence"),
    # a cry to stop hitting, heard tonight
    ("sv", "relative", "i natt hörde jag ett barn hos grannen som skrek 'slå inte'", "violence"),
    ("en", "relative", "tonight a kid next door was screaming 'don't hit me'", "violence"),
    # a gun at home, someone angry, a threat said, tonight
    ("sv", "child", "pappa är rasande och har sagt att i natt får vi se\nhan har vapenlicens",
     "violence"),
    ("en", "relative",
     "my stepdad is furious and said tonight you'll all see\nhe has a gun licence",
     "violence"),
    # on the way to a bridge with an ending, or gone after a quarrel and not found
    ("sv", "relative", "min dotter skrev att hon är på väg till bron för att avsluta allt",
     "third_party_danger"),
    ("en", "professional", "a client said he was heading to the bridge to end it",
     "third_party_danger"),
    ("sv", "relative",
     "han stack efter bråket och sa att han skulle till bron\nvi hittar honom inte",
     "third_party_danger"),
    # swallowing a whole strip of tablets
    ("nb", "self", "har slukt alle pillene i boksen", "overdose"),
    # a bigger dose than usual, taken just now or on purpose
    ("sv", "self", "har tagit en dubbel dos amfetamin med flit", "overdose"),
    ("nb", "self", "tok en større dose heroin med vilje nettopp, føler meg rar", "overdose"),
    ("en", "self", "just took a double dose of my oxycodone on purpose", "overdose"),
    # the words the false alarms below take out still count where they mean it
    ("sv", "relative", "pappa hotade att slå ihjäl mamma ikväll", "violence"),
    ("nb", "self", "har tatt mange forskjellige tabletter nå nettopp", "overdose"),
    ("en", "relative", "he hit her tonight, she has signs of abuse all over", "violence"),
    ("sv", "professional",
     "en elev berättade i somras att pappan slår henne, och igår slog han henne igen", "violence"),
]

TP11_NOT_URGENT = [
    # a bridge driven over or stood on in the past
    ("sv", "self", "vi körde över öresundsbron till köpenhamn igår, det var fint"),
    ("sv", "self", "jag stod på västerbron förra nyåret och tittade på fyrverkerierna"),
    ("en", "self", "we walked to the bridge to take photos today, it was lovely"),
    # cold beer, slow texts, a stifled yawn or laugh
    ("sv", "self", "ölen är iskall och jag svarar knappt på mina sms nuförtiden"),
    ("en", "self", "she's barely responding to my texts since we broke up"),
    ("nb", "self", "kjæresten svarer knapt på meldinger, og det er iskaldt ute i dag"),
    ("sv", "self", "han svarar knappt på mina sms och det är minus tio ute"),
    # violence told last spring, the violent parent gone since
    ("sv", "professional",
     "en elev nämnde i våras att mamman var våldsam, men hon har flyttat sedan dess. "
     "hur följer jag upp nu?"),
    ("en", "self", "it's freezing in my flat and my landlord won't fix the heating"),
    ("sv", "relative", "hon kvävde ett skratt när pappa kom hem igår"),
    ("nb", "self", "hun kvelte en gjesp på møtet i dag"),
    ("en", "self", "I got choked up at my dad's funeral today"),
    # a house nearly burnt by accident; a gun for hunting
    ("sv", "relative",
     "min son brände nästan ner huset igår när han lagade mat, hur lär jag honom?"),
    ("sv", "child", "pappa har vapenlicens och jagar älg, i natt ska vi ut på pass"),
    # a bigger dose advised, or long ago
    ("sv", "self", "läkaren sa att jag kan ta en större dos av mina tabletter om värken ökar"),
    ("sv", "self",
     "förra året tog jag en större dos än vanligt och hamnade på akuten, nu är jag ren"),
    ("nb", "self", "jeg tok en større dose av medisinen min i fjor, nå er det fint"),
    ("en", "self", "my doctor told me to take a double dose of vitamin d this winter, is it safe?"),
    ("en", "self", "I used to take a bigger dose than usual years ago, now I'm clean for 3 years"),
    # "don't hit" taught or a habit of play; a pizza swallowed
    ("sv", "relative", "min syster lär sin son att säga 'slå inte' på förskolan, bra idé?"),
    ("nb", "relative", "barnehagen lærer barna å si 'ikke slå' når de krangler"),
    ("en", "relative", "my kids yell 'stop hitting me' at each other all the time, is it normal?"),
    ("nb", "self", "han sluka hele pizzaen i kveld"),
    # wanting to hit someone, taken back
    ("nb", "self", "eg har lyst til å banke opp sjefen haha, men det er bare tull"),
    # false alarms of blind set 11: drinking oneself to death, a full mailbox, home late,
    # many kinds of medicines, overdoses counted, a thread read, signs of violence taught
    ("sv", "self", "pappa drack ihjäl sig när jag var liten, nu är jag rädd att bli som han"),
    ("nb", "relative", "onkelen min drakk seg i hjel, nå drikker broren min mye også"),
    ("en", "self", "my mum drank herself to death and now I worry about my own drinking"),
    ("sv", "relative", "grannen har inte synts till och brevlådan är full, hon är nog bortrest"),
    ("nb", "relative", "sønnen vår kom ikke hjem før kl 3 i natt, han var på fest"),
    ("en", "relative", "our daughter didn't come home until 2am last night, she was at a friend's"),
    ("nb", "relative", "mormor tar mange forskjellige tabletter, hvem kan se over medisinene?"),
    ("en", "relative", "grandad is on many different pills, who can review them?"),
    ("sv", "professional",
     "vi har haft tre överdoser på boendet, finns det utbildning om naloxon?"),
    ("en", "professional", "our team had several overdose calls this week, is there support?"),
    ("sv", "self", "läste en artikel om att blanda tabletter och alkohol, stämmer det?"),
    ("en", "self", "i read a thread about mixing xanax and alcohol, is that true?"),
    ("nb", "professional", "på kurs i går lærte vi om tegn på vold mot barn, har dere materiell?"),
    ("sv", "relative",
     "sonen kom hem full förra lördagen, nu är allt lugnt. hur pratar vi med honom?"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), TP11_URGENT)
def test_tp11_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """A named bridge, an ice-cold body, choking, a burn threat, a cry to stop hitting, a gun
    and an angry threat tonight, on the way to a bridge, a bigger dose than usual."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), TP11_NOT_URGENT)
def test_tp11_mechanisms_keep_their_scope(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Alarming wordings without a danger now stay not urgent by the rules."""
    rules_only = rules_engine(directory)
    assert rules_only.urgency(chat_text(lang, role, text)) == (False, []), text
