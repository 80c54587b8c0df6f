"""False alarms of blind sets 18 and 20 with a general cause (branch fp20).

Each mechanism in wordings of our own (not the sets'), flagged before, beside alarming
wordings in the same words that stay urgent by the concept rules alone (``model=None``).
Lines are separated by newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

CALM = [
    # a "soon" inside a past phrase ("för snart 20 år sedan") says nothing of now
    ("sv", "self", "för snart 20 år sedan försökte jag ta livet av mig. idag har jag barn och "
     "ett bra liv, undrar bara hur jag berättar det för dem"),
    ("nb", "self", "for snart 20 år siden prøvde jeg å ta livet mitt. i dag har jeg barn og et "
     "godt liv, lurer på hvordan jeg forteller dem det"),
    # a bare year that closes its clause dates it ("2008 och låg inne")
    ("sv", "self", "jag försökte ta livet av mig 2008 och låg inne på psyk en månad. nu är jag "
     "frisk och undrar om det syns i journalen när jag söker jobb"),
    ("nb", "self", "jeg prøvde å ta livet mitt 2008 og lå inne en måned. nå er jeg frisk og "
     "lurer på om det står i journalen"),
    ("en", "self", "i tried to kill myself 2008 and spent a month in hospital. i'm well now and "
     "wonder if it shows up in my records"),
    # a childhood age in dialect ("när ja va 14", "da eg va 14")
    ("sv", "self", "försökte ta livet av mig när ja va 14. nu e ja 30 o mår fint, vill plugga "
     "till skötare"),
    ("nb", "self", "prøvde å ta livet mitt da eg va 14. no er eg 30 og har det fint, vil bli "
     "helsefagarbeider"),
    # "for ti år sia": dialect "since"
    ("nb", "relative", "pappa tok en overdose for tolv år sia. han har det bra nå, men jeg "
     "tenker mye på det"),
    # "it struck me": a thought, not a blow
    ("sv", "self", "när jag packade inför semestern slog det mig hur mycket vin vi köper nu "
     "för tiden. är det normalt?"),
    ("nb", "self", "da jeg ryddet i boden i går slo det meg hvor mange tomflasker vi har nå. er "
     "det for mye?"),
    ("en", "self", "while clearing the garage tonight it struck me how many empty bottles "
     "there are. is that a lot?"),
    # a clinical procedure named, not a risk
    ("sv", "self", "psykologen vill göra en självmordsriskbedömning med mig nu, fast jag mår "
     "bra. är det standard?"),
    ("nb", "self", "fastlegen vil gjøre en selvmordsrisikovurdering nå selv om jeg har det bra. "
     "er det vanlig?"),
    ("en", "self", "my counsellor wants to do a suicide risk assessment now though i feel fine. "
     "is that standard?"),
    # "just how he talks": a saying explained
    ("en", "relative", "my dad keeps saying he'll kill the neighbour over the hedge tonight. "
     "it's just how he talks, he's harmless"),
    ("sv", "relative", "pappa säger hela tiden att han ska döda grannen för häcken ikväll. det "
     "är bara hans sätt att prata"),
    ("nb", "relative", "pappa sier hele tida at han skal drepe naboen på grunn av hekken i "
     "kveld. det er bare sånn han snakker"),
    # a stupid thing to say, taken back
    ("sv", "relative", "min fru sa igår att hon lika gärna kan hänga sig när bilen gick sönder. "
     "sen sa hon att det var dumt sagt"),
    # a move told with a direction, or a house sold, explains things given away
    ("sv", "self", "jag säljer huset och flyttar ner till min son i Malmö. har gett bort "
     "katterna och sålt bilen. finns det AA där?"),
    ("nb", "self", "jeg selger huset og flytter ned til datteren min i Bergen. har gitt bort "
     "hundene og solgt bilen. finnes det AA der?"),
    ("en", "self", "selling the house and moving down to my son in Leeds. gave away the cats "
     "and sold the car. is there AA there?"),
    # punctuation dictated to a phone
    ("en", "self", "i speak to my phone full stop my son thinks i am lonely full stop who can "
     "i talk to question mark"),
    # a span from one age to another is the past
    ("sv", "self", "skar mig från jag var 12 till 15. har varit fri i sju år nu och vill jobba "
     "med unga"),
    ("nb", "self", "skadet meg fra jeg var 12 til 15. har vært fri i sju år nå og vil jobbe med "
     "ungdom"),
    ("en", "self", "i cut myself from when i was 12 to 15. been free for seven years now and "
     "want to work with teens"),
    # "not for real, that is": a wish about someone else taken back
    ("sv", "self", "ibland önskar jag att chefen bara dog. inte på riktigt alltså, men han "
     "gör mitt liv surt"),
    ("nb", "self", "noen ganger ønsker jeg at sjefen bare døde. ikke på ekte altså, men han "
     "gjør livet mitt surt"),
    ("en", "self", "sometimes i wish my boss would just die. not literally of course, but he "
     "makes my life hell"),
    # the alternatives a negation opens share it ("ingen slog eller hotade")
    ("sv", "child", "mamma och pappa skrek på varandra ikväll men ingen slog eller hotade. "
     "jag är 15 och kan inte sova"),
    ("nb", "child", "mamma og pappa krangla i kveld men ingen slo eller truet. jeg er 15 og får "
     "ikke sove"),
    ("en", "child", "my parents had a row tonight but nobody hit or threatened anyone. im 15 "
     "and cant sleep"),
    ("en", "relative", "nobody is in danger tonight, my brother just drinks too much"),
    # a fear of finding someone dead one day, pictured
    ("en", "relative", "my dad drinks every day and i keep picturing finding him dead one day. "
     "how do i raise it?"),
    ("sv", "relative", "pappa dricker varje dag och jag ser framför mig att hitta honom död en "
     "dag. hur tar jag upp det?"),
    ("nb", "relative", "pappa drikker hver dag og jeg ser for meg å finne ham død en dag. "
     "hvordan tar jeg det opp?"),
    # a cramp in a muscle is no fit
    ("sv", "self", "trappar ner subutex nu och får kramper i benen på nätterna. är det normalt?"),
    ("nb", "self", "trapper ned metadon nå og får kramper i leggene om natta. er det vanlig?"),
    ("en", "self", "tapering off methadone now and getting cramps in my legs at night. normal?"),
    # the fear of dying once, told as the past
    ("en", "self", "flying with my prescription next week. last time i ran out i thought i was "
     "gonna die, never again. what papers do i need?"),
    # a professional learning how to ask
    ("en", "professional", "i work in an emergency room and want to get better at asking about "
     "suicidal thoughts. any courses?"),
    ("sv", "professional", "jag jobbar på akuten och vill bli bättre på att fråga om "
     "självmordstankar. finns det kurser?"),
    ("nb", "professional", "jeg jobber på legevakta og vil bli bedre til å spørre om "
     "selvmordstanker. finnes det kurs?"),
    # another's age in chat spelling dates what she wrote
    ("sv", "relative", "min syster skrev i sin dagbok att hon ville dö när hon va 12. nu mår hon "
     "bra"),
    ("nb", "relative", "søstera mi skreiv i dagboka at ho ville dø da ho va 12. no har ho det "
     "bra"),
]


URGENT = [
    # a "soon" that is now, not inside a past phrase
    ("sv", "self", "för snart 20 år sedan försökte jag ta livet av mig. nu vill jag dö igen",
     "suicide"),
    # a year that opens a plan, not a clause closed by it
    ("en", "self", "i tried to kill myself in the past and i'm going to kill myself tonight",
     "suicide"),
    # hitting is hitting
    ("sv", "self", "han slog mig ikväll och nu står han utanför dörren", "violence"),
    ("nb", "self", "han slo meg i kveld og nå står han utenfor døra", "violence"),
    ("en", "self", "he hit me tonight and now he's outside the door", "violence"),
    # an assessment named beside a wish to die now
    ("en", "self", "i want to kill myself tonight. they did a suicide risk assessment last week",
     "suicide"),
    ("sv", "self", "jag vill ta livet av mig ikväll. de gjorde en självmordsriskbedömning förra "
     "veckan", "suicide"),
    # a move beside a word of dying
    ("sv", "self", "flyttar ner till mamma. har gett bort katterna. jag kommer inte behöva dem "
     "där jag ska", "suicide"),
    # a threat with a weapon, not explained as a way of talking
    ("en", "self", "my husband keeps saying he'll kill me tonight and he has the gun out",
     "violence"),
    # self-harm from an age until now
    ("sv", "self", "har skurit mig sen jag var 12 och ikväll gjorde jag det igen", "self_harm"),
    # a negation before an "or else" does not reach past it; an act not negated stays
    ("sv", "self", "han slog mig ikväll och hotade att göra det igen", "violence"),
    ("en", "self", "he didn't stop, he hit me tonight or rather he punched me", "violence"),
    # someone silent after death talk, pictured dead
    ("en", "relative", "my brother said he wants to die and isnt answering his phone, i keep "
     "picturing finding him dead", "third_party_danger"),
    # a fit after taking something, now
    ("sv", "relative", "han tog metadon för en timme sen och nu har han kramper och svarar inte",
     "overdose"),
    ("en", "relative", "she took methadone an hour ago and now she's having a seizure, doesnt "
     "respond", "overdose"),
]


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_b20_false_alarms_with_a_general_cause_are_gone(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """Past phrases holding a "soon", years closing a clause, dialect ages, "it struck me", a
    clinical procedure's name, a saying explained, and a move or a house sold are not urgent
    (rules and model)."""
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text", "kind"), URGENT)
def test_b20_alarming_counter_examples_stay_urgent_by_the_rules(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """The same words with a risk now stay urgent, by the concept rules alone."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)
