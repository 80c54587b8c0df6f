"""False alarms of blind set 22 with a general cause (branch fp23).

Set 22 was read for this branch: each mechanism is tested in wordings of our own (not copied
from the set), each flagged before, beside alarming wordings in the same words that stay urgent
by the concept rules alone (``model=None``). Lines are separated by newlines; a line starting
with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

CALM = [
    # a "now" that says it is calm times no act told in another line
    ("sv", "self", "han har knuffat mig några gånger\nnu har det varit lugnt länge, jag undrar "
     "bara varför han blir så"),
    ("nb", "relative", "han har dyttet henne inn i veggen\nnå har det vært rolig lenge, jeg "
     "lurer bare på hvorfor"),
    ("en", "relative", "he has shoved her a few times\nit's quiet now, i just wonder what to "
     "do"),
    # a "now" in a sentence that denies the act
    ("sv", "child", "pappa kastar saker och skriker när han förlorar\nnu har han inte slagit "
     "någon men jag blir rädd"),
    ("en", "child", "dad throws things and yells when his team loses\nnow he hasn't hit anyone "
     "but i get scared"),
    # a "now" that closes a span of years
    ("sv", "self", "jag slog min fru en gång, det är åtta år sen nu och jag vill förstå varför"),
    # repeated acts with no time of their own, a calm now and a father away
    ("nb", "child", "faren min har slått mamma\nnå er han snill og går på jobb"),
    # a date with a place dates the sentence before
    ("en", "self", "my first husband beat me. that was ten years ago in Leeds. i'm safe now and "
     "want to talk about trust"),
    ("sv", "self", "min förra sambo slog mig. det var 7 år sen i Umeå. nu har jag det bra och "
     "vill prata om tillit"),
    ("nb", "self", "min forrige samboer slo meg. det var 7 år siden i Bergen. nå har jeg det "
     "bra"),
    # a year that opens its sentence dates it
    ("sv", "self", "2017 försökte jag ta livet av mig. idag har jag jobb och mår bra, undrar om "
     "jag kan bli volontär"),
    ("nb", "self", "2016 prøvde jeg å ta livet mitt. i dag har jeg jobb og har det bra, lurer "
     "på om jeg kan bli frivillig"),
    # "hit" is "here" in Swedish and Norwegian
    ("sv", "self", "tack för igår kväll. får man skriva hit igen om det blir tungt?"),
    # a heart that beats, breaking up, a slammed door, a fist through a door, crushed by grief
    ("sv", "self", "hjärtat började slå jättehårt ikväll och jag fick panik. min son är 2"),
    ("nb", "self", "hjertet begynte å slå så hardt i kveld at jeg fikk panikk. datteren min er "
     "2"),
    ("en", "self", "my girlfriend broke up with me and now i'm alone in this city"),
    ("sv", "relative", "min dotter på 15 skrek på oss och nu smällde hon i dörren"),
    ("nb", "relative", "mannen min slo knyttneven gjennom døra i går da laget tapte. han har "
     "aldri vært voldelig mot noen"),
    ("nb", "relative", "jeg er helt knust over at jeg ikke så det før, sønnen min fortalte det i "
     "går"),
    # dying of shame, drinking oneself to death told of years gone by
    ("sv", "self", "efter festen ville jag bara dö av skam när jag såg bilderna"),
    ("sv", "self", "jag höll på att supa ihjäl mig en gång, det är tio år sen nu och jag är "
     "nykter"),
    # a kill threat to "you" shouted in a game
    ("sv", "relative", "min son på 11 skriker 'jag ska döda dig' i headsetet när han spelar "
     "fortnite"),
    ("nb", "relative", "sønnen min roper 'jeg skal drepe deg' i headsettet når han spiller "
     "valorant i går"),
    ("en", "relative", "my 12 year old yells 'i'm gonna kill you' into his headset playing "
     "fortnite tonight"),
    # professionals: patients or clients in the plural, how to ask, courses
    ("en", "professional", "I'm a GP. Many of my patients have suicidal thoughts and gambling "
     "debts.\nWhere can they get help with the gambling?"),
    ("sv", "professional", "jag är kurator. flera av mina klienter har självmordstankar och "
     "spelskulder.\nvart kan de vända sig om spelet?"),
    ("nb", "professional", "jeg er sykepleier. mange av mine pasienter har selvmordstanker og "
     "gjeld.\nhvor kan de få hjelp med gjelda?"),
    ("sv", "professional", "jag jobbar på en avdelning dit det ofta kommer patienter som försökt "
     "ta sitt liv. vad kan vi ge anhöriga för stöd?"),
    ("sv", "professional", "vi har klienter som säger att de inte orkar leva. jag vet inte hur "
     "jag ska fråga om självmord"),
    # the day something was told dates the telling, not the act told
    ("en", "professional", "a pupil told me today that her dad hit her when she was little"),
    ("nb", "professional", "en elev fortalte meg i dag at faren slo henne da hun var liten"),
    # a threat said not to be meant, or laughed at by both
    ("sv", "self", "jag kommer mörda honom ikväll 😤\nok inte mörda på riktigt, han tog min "
     "laddare"),
    ("nb", "relative", "mannen min sa 'jeg dreper deg' i kveld da jeg slettet opptaket hans, vi "
     "lo begge to"),
    # a seizure in a sentence of the past is no body in trouble now
    ("en", "relative", "my brother has been sober for a year. last year he had a withdrawal "
     "seizure.\nthere will be drinking at my wedding, how do i support him?"),
    ("sv", "relative", "min syster har varit nykter i ett år. förra året fick hon ett "
     "abstinensanfall med kramper.\ndet blir alkohol på mitt bröllop, hur stöttar jag henne?"),
    # an evening inside a habit ("most nights", "de fleste kveldene") is no tonight
    ("en", "self", "we had a baby in may. i'm on leave now and the wine in the evening is a "
     "habit, 2 or 3 glasses most nights"),
    ("nb", "self", "vi fikk tvillinger i mai. jeg er i permisjon nå og vinen om kvelden har "
     "blitt en vane, 2 eller 3 glass de fleste kveldene"),
    # a leaflet read, a reported no, a joke called one by the one who made it
    ("en", "self", "the leaflet for my new pills says suicidal thoughts can increase and i got "
     "worried"),
    ("en", "self", "the leaflet says you can get suicidal thoughts, i got worried"),
    ("sv", "self", "bipacksedeln säger att man kan få självmordstankar, blev orolig"),
    ("sv", "relative", "jag frågade min man om han tänkt på att dö o han sa nej, han är bara "
     "trött"),
    ("en", "relative", "i asked my sister if she had thought about dying and she said no, she "
     "is just tired"),
]


URGENT = [
    # calm once, an act or a threat now
    ("sv", "self", "nu har det varit lugnt länge men ikväll slog han mig igen", "violence"),
    ("en", "relative", "it's quiet now but he hit her an hour ago and she is bleeding",
     "violence"),
    ("nb", "self", "nå har det vært rolig lenge, men i kveld slo han meg igjen", "violence"),
    # a denied act beside one that happens
    ("sv", "child", "nu har han inte slagit mamma men han hotar att döda henne ikväll",
     "violence"),
    # years gone by, and again tonight
    ("en", "self", "he hit me two years ago and tonight he said he would do it again",
     "violence"),
    ("sv", "self", "han slog mig för två år sen och ikväll sa han att han ska göra det igen",
     "violence"),
    ("nb", "self", "han slo meg for to år siden, og i kveld sa han at han skal gjøre det igjen",
     "violence"),
    # a year and a plan now
    ("sv", "self", "2017 försökte jag ta livet av mig och nu vill jag dö igen", "suicide"),
    # blows that strike someone
    ("sv", "self", "han slog mig hårt ikväll, hjärtat bultar fortfarande", "violence"),
    ("en", "self", "he broke my arm tonight", "violence"),
    ("nb", "self", "han slo meg i kveld og smalt døra etter seg", "violence"),
    # a threat to kill a person at home, game or not
    ("sv", "self", "min man spelar fortnite hela dagarna och ikväll sa han att han ska döda mig",
     "violence"),
    ("en", "self", "he plays games all night and tonight he said he's going to kill me",
     "violence"),
    # told today of an act that happened yesterday or this morning
    ("en", "professional", "a pupil told me today that her dad hit her this morning",
     "violence"),
    ("nb", "professional", "en elev fortalte meg i dag at faren slo henne i går", "violence"),
    # a wish said on the day told of is the risk itself
    ("sv", "relative", "min bror mår bättre men för två år sen försökte han hoppa, och igår "
     "berättade han att han vill dö", "suicide"),
    # a call for help shouted ("rope om hjelp") is no rope, and still a call for help
    ("nb", "relative", "jeg hørte naboen rope om hjelp i kveld og han åpner ikke",
     "third_party_danger"),
    # a threat meant
    ("sv", "self", "han sa att han ska döda mig ikväll och han menar det, ingen skrattade",
     "violence"),
    # a seizure now after drinking
    ("en", "relative", "my brother has been drinking all week and now he is having a seizure on "
     "the floor", "medical"),
    ("sv", "relative", "pappa har druckit hela veckan och nu har han kramper på golvet",
     "medical"),
    # drunk tonight and alone with a baby
    ("en", "self", "we had a baby in may and now he is home alone with me. i'm drunk tonight "
     "and can't look after him", "child_at_risk"),
    # a professional's one patient, now
    ("sv", "professional", "jag är kurator. en av mina klienter sa idag att hon ska ta livet av "
     "sig ikväll", "suicide"),
    # a leaflet read, and a wish of one's own
    ("en", "self", "the leaflet says suicidal thoughts can increase\ni want to kill myself "
     "tonight", "suicide"),
    # a joke not taken back (someone else's, and no answer now: `third_party_danger` since
    # top42, as most read sets label it)
    ("sv", "relative", "min kompis skrev att han ska ta livet av sig ikväll och nu svarar han "
     "inte", "third_party_danger"),
]


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_b22_read_false_alarms_with_a_general_cause_are_gone(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """A calm "now", a "now" beside a denied act or closing years gone by, repeated acts with
    no time, a dated past (a date with its place, a year opening the sentence), idioms ("hit"
    as here, a heart that beats, breaking up, slammed doors, a fist through a door, "knust",
    dying of shame, drinking oneself to death), a kill threat to "you" in a game, professionals
    asking in general, the day of a telling, a threat not meant, a past seizure, an evening in
    a habit, a leaflet, a reported no and a joke called one are not urgent."""
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text", "kind"), URGENT)
def test_b22_read_alarming_counter_examples_stay_urgent_by_the_rules(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """The same words with a risk now stay urgent, by the concept rules alone."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)
