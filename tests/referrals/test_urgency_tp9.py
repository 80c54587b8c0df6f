"""Third-party danger and children at risk after blind set 9 (branch tp9).

Each mechanism learnt from blind set 9's misses and false alarms of these two kinds, in wordings
of our own (not the set's), by the concept rules alone (``model=None``), with alarming wordings
that must stay not urgent beside them. Lines are separated by newlines; a line starting with
"staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory

from .helpers import chat_text, rules_engine

TP9_URGENT = [
    # someone fallen who cannot get up, or lying still
    ("sv", "relative", "farfar har ramlat i köket\nhan kommer inte upp och jag är i Umeå",
     "third_party_danger"),
    ("nb", "relative", "naboen har falt på trappa og kommer seg ikke opp, han roper litt",
     "third_party_danger"),
    ("en", "relative", "my gran has fallen in the garden and she can't get up, I'm at work",
     "third_party_danger"),
    ("nb", "relative", "mormor har falt og kommer seg ikke opp av gulvet", "third_party_danger"),
    ("sv", "relative", "en kvinna ligger på trottoaren och rör sig inte, hon verkar full",
     "third_party_danger"),
    ("nb", "relative", "en mann ligger i grøfta og rører seg ikke", "third_party_danger"),
    # drunk on a road
    ("sv", "relative", "en full kille vinglar mitt i vägen utanför krogen", "third_party_danger"),
    ("en", "relative", "a drunk woman is staggering along the motorway in the dark",
     "third_party_danger"),
    # through the ice; at the very edge, drunk
    ("sv", "child", "en tjej har gått genom isen vid badplatsen!!", "third_party_danger"),
    ("en", "child", "a dog walker went through the ice on the pond and is holding on",
     "third_party_danger"),
    ("sv", "relative", "en full kille står ytterst på kajkanten och vinglar", "third_party_danger"),
    # confused, demented or psychotic out in the cold, on a road
    ("sv", "relative", "mamma är dement och har gått ut utan jacka, det är minus femton",
     "third_party_danger"),
    ("nb", "relative", "bestefar er helt forvirret og går langs motorveien", "third_party_danger"),
    ("en", "relative", "my uncle sounded confused on the phone, he's walking along the motorway",
     "third_party_danger"),
    ("en", "relative", "my dad with alzheimers wandered off along the motorway",
     "third_party_danger"),
    ("nb", "relative", "kjæresten min er psykotisk og gikk ut barbeint i natt",
     "third_party_danger"),
    ("en", "relative", "my brother is manic and walking down the middle of the road shouting",
     "third_party_danger"),
    ("sv", "relative", "min syster är manisk, har inte sovit på flera nätter\n"
     "hon står på taket nu och säger att hon kan flyga", "third_party_danger"),
    # fire or smoke where someone does not open
    ("sv", "relative", "brandvarnaren piper hos min gamla granne och han öppnar inte",
     "third_party_danger"),
    ("nb", "relative", "det kommer røyk fra leiligheten til tante og hun svarer ikke",
     "third_party_danger"),
    ("en", "relative", "there's smoke coming out of my dad's flat and he isn't answering",
     "third_party_danger"),
    # a cry for help passed on, then silence
    ("sv", "relative", "min vän skrev hjälp till mig för en kvart sen\nnu är mobilen avstängd",
     "third_party_danger"),
    ("en", "relative", "my flatmate texted me help from a party\nthen nothing, not picking up",
     "third_party_danger"),
    ("nb", "relative", "eg høyrer naboen rope om hjelp, og han åpner ikke", "third_party_danger"),
    ("en", "relative", "my mate just messaged 'help' from some guys car and now his location "
     "is off", "third_party_danger"),
    # heard from *before* the silence explains nothing
    ("sv", "relative", "min syster hörde av sig i morse och lät konstig\nsen dess svarar hon inte "
     "och hon har en pistol hemma", "third_party_danger"),
    # a grown child in danger is someone in danger, not a child at risk
    ("sv", "relative", "min son 22 sitter i en bil med en som är full och kör, han skrev nyss",
     "third_party_danger"),
    # a psychedelic taken, out in the cold
    ("en", "relative", "my cousin took some acid and wandered off barefoot, it's freezing outside",
     "third_party_danger"),
    ("sv", "relative", "kompisen har tagit svamp och sprang ut barfota i skogen",
     "third_party_danger"),
    # blue in the face, not a blue folder
    ("sv", "relative", "min sambo ligger på golvet och är helt blå i ansiktet",
     "third_party_danger"),
    # a small child alone: the adult gone, nobody opens
    ("sv", "relative", "ett litet barn, kanske 3 år, gråter i trapphuset\ningen öppnar hos dem",
     "child_at_risk"),
    ("en", "relative", "a toddler is crying on the balcony next door and nobody opens",
     "child_at_risk"),
    ("nb", "child", "pappa dro på byen og er ikke hjemme, jeg er alene med lillesøster",
     "child_at_risk"),
    # a drinking habit told beside a drunk state now does not hide it; a sober adult away
    ("sv", "child", "pappa är jättefull nu och jag är ensam med lillebror, han dricker mycket",
     "child_at_risk"),
    ("en", "child", "dad drinks a lot and tonight he is passed out and im alone with my little "
     "brother, im 9", "child_at_risk"),
    ("sv", "child", "mamma är full ikväll och pappa är nykter men han är på jobbet, jag är ensam "
     "med min lillasyster", "child_at_risk"),
    ("sv", "relative", "grannarna lämnar sina småbarn ensamma på kvällarna och går ut och super",
     "child_at_risk"),
    ("nb", "child", "mamma ligger på badegulvet og det er masse tomme flasker, lillebror på 3 "
     "gråter", "child_at_risk"),
    ("en", "child", "theres lots of empty bottles and dad wont wake up, my sister is 4",
     "child_at_risk"),
    # a small child alone by a road
    ("en", "relative", "a little boy about 4 is walking alone by the road in his pyjamas, no "
     "adults around", "child_at_risk"),
    ("nb", "relative", "ei lita jente på kanskje 3 år går alene langs veien", "child_at_risk"),
    # sober before, drunk now: the same adult
    ("sv", "child", "pappa är nykter sedan tre månader men nu är han full igen och jag är hemma "
     "med lillasyster 4", "child_at_risk"),
    # "not sober" is drunk
    ("en", "child", "mum is not sober at all and im alone with my baby sister", "child_at_risk"),
    # a carer out of it, with bottles, cans or a smell of drink, told by a child
    ("sv", "child", "mamma sover på golvet och det är tomma flaskor överallt\njag är 9",
     "child_at_risk"),
    ("en", "child", "dad is asleep on the kitchen floor and there are empty cans everywhere\n"
     "im 8", "child_at_risk"),
    ("nb", "child", "mamma har tatt noe og er rar i øynene\njeg er 10 og passer lillebror",
     "child_at_risk"),
    # calling someone again and again is no habit: the fall is now (review of the merge)
    ("sv", "relative", "mormor har ramlat och kommer inte upp, jag har ringt flera gånger",
     "third_party_danger"),
    ("en", "relative", "grandma has fallen and can't get up, I've called her many times",
     "third_party_danger"),
    ("nb", "relative", "bestemor har falt og kommer seg ikke opp, jeg har ringt mange ganger",
     "third_party_danger"),
    ("en", "relative", "grandma fell out of bed and can't get up, she is lying on the floor",
     "third_party_danger"),
]

TP9_NOT_URGENT = [
    # not getting up in the morning; a fall long ago
    ("sv", "self", "jag kommer inte upp ur sängen på morgnarna, allt känns tungt"),
    ("en", "self", "some days I just can't get up, everything feels pointless to plan"),
    # not getting up the stairs; falls again and again; a fall now looked after
    ("sv", "relative", "pappa ramlade förra månaden och kommer inte upp för trappan lika lätt"),
    ("en", "relative", "my grandad fell last week and can't get up the stairs without help"),
    ("nb", "relative", "mor er dement og har falt flere ganger i år, hvordan søker vi sykehjem"),
    ("sv", "relative", "mormor är förvirrad och har ramlat, nu är hon på sjukhuset och får hjälp"),
    # a road that is only where someone lives
    ("sv", "relative", "min bror är psykotisk men får hjälp, han bor nära motorvägen"),
    ("en", "relative", "my dad has dementia and gets confused, he lives near the motorway"),
    # dementia and confusion without a danger now
    ("sv", "relative", "mamma är dement och blir förvirrad på kvällarna, hur får jag avlösning?"),
    ("nb", "relative", "pappa er dement og jeg trenger råd om sykehjemsplass"),
    # psychosis without a place of danger, treated
    ("en", "relative", "my brother had a psychosis last year and is on medication now, "
     "how can I support him?"),
    # a smoke alarm with a flat battery
    ("sv", "self", "brandvarnaren piper hela tiden för batteriet är slut, haha"),
    # the one who did not answer has written since, or why is known
    ("sv", "relative", "min bror var på fyllan och svarade inte på en timme\n"
     "nu skrev han att han är hemma, jag är bara trött på hans drickande"),
    ("en", "relative", "my dad hasn't answered for three days\n"
     "he's at sea with no signal, it's always like that"),
    # help with something is no cry for help
    ("sv", "relative", "min kompis skrev hjälp mig med matten och nu svarar hon inte, typiskt"),
    ("en", "relative", "my sister texted help me pick a dress and now she's not answering"),
    # a grown-up brother who was drunk and has written since ("han e 19")
    ("sv", "relative", "lillebror e full på stan o svarade inte\nnu skrev han att han e hemma. "
     "han e 20 o jag oroar mig för hans drickande"),
    # blue things and blue moods
    ("sv", "self", "la alla kvitton i den blå mappen, skönt att det är klart"),
    ("en", "relative", "my mum is feeling blue since the divorce, how can I help her?"),
    ("sv", "relative", "vi gick hem längs vägen fulla igår, pinsamt"),
    ("sv", "child", "vi bor vid vägen och min lillebror 3 leker på gården med mamma"),
    ("en", "self", "when i was a little girl my dad drank every night and left us alone"),
    # a sober adult there
    ("sv", "child", "pappa är nykter, mamma är full men sover, allt är lugnt"),
    ("sv", "child", "pappa är full men mamma är nykter och är här med oss"),
    ("sv", "child", "pappa är full på festen\nmen mamma är nykter och kör oss hem"),
    ("en", "child", "uncle got drunk at the wedding\nmum is sober and we're going home with her"),
    ("nb", "child", "pappa sover på gulvet etter festen, mamma er her og passer på oss"),
    # dementia is not a danger by itself; an unanswered phone is the illness
    ("sv", "relative", "min mormor är dement och svarar inte i telefon, hon bor på ett boende"),
    ("en", "relative", "my grandad has dementia and doesn't answer his phone much anymore"),
    # grown-up children of drinkers; a habit, not a state now
    ("sv", "self", "min mamma har druckit hela mitt liv. jag är 34 nu och undrar om det finns "
     "stöd för vuxna barn till alkoholister"),
    ("nb", "child", "pappa drikker mye på kveldene, men han er snill. jeg er 14"),
    ("en", "child", "my mum drinks wine in the evenings and gets sad, she is nice though. im 12"),
    ("en", "child", "my mum is an alcoholic but she has been in rehab and we're doing well now"),
    # "lager" in Norwegian is making, not beer
    ("nb", "child", "pappa lager mat i kveld og mamma jobber natt"),
    # unsure about something in the cold is no confused mind in the cold
    ("sv", "self", "det är minusgrader ute och jag är så förvirrad över vad jag vill plugga"),
    ("nb", "self", "det er minus ti ute og jeg er forvirret over hva jeg skal velge"),
    ("en", "self", "it's freezing outside and i'm confused about which course to pick"),
    # durations are no ages; colours, comparisons, feelings and lists are no danger
    ("sv", "relative", "min man är full nu och är 10 minuter bort"),
    ("en", "self", "my new car is blue"),
    ("nb", "self", "bilen min er helt blå"),
    ("sv", "self", "Han rök ut ur laget förra veckan och nu sitter han ensam hemma"),
    ("nb", "self", "det brenner i brystet når jeg tenker på henne"),
    ("en", "self", "I texted my friend yesterday, then nothing. I feel so alone"),
    ("sv", "self", "det är ytterst på min lista just nu att plugga till provet"),
    ("en", "relative", "my wife is drunk tonight, she cries like a little girl"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), TP9_URGENT)
def test_tp9_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Someone else in danger now, and a child with an intoxicated or absent adult."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), TP9_NOT_URGENT)
def test_tp9_mechanisms_keep_their_scope(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Alarming wordings without a danger now stay not urgent by the rules."""
    rules_only = rules_engine(directory)
    assert rules_only.urgency(chat_text(lang, role, text)) == (False, []), text
