"""Urgency mechanisms for blind sets 37 BZ and 38 CA/CB's Norwegian and English misses (branch
tri42b).

The nb/en urgent misses of BZ (short first messages) and CA/CB (whole chats) told danger by
what surrounds it: whether dying hurts asked in the indirect word order ("lurer på om det gjør
vondt å dø"), whether people who take their lives go to heaven asked by one who thinks of it a
lot, antidepressants stockpiled, the least painful way asked in earnest with the way left bare,
burning at numbness with a lighter ready, a gun and "done", blows threatened "when he has
drunk" with drink all day, a fit after days off the booze, a last message to anyone, a death
wish laughed at and asked "is that normal", and a joke part meant with the place looked up.

Each mechanism in our own words in sv, nb and en; urgent wordings with the concept rules alone
(``model=None``), calm near-misses with rules and model. Lines are separated by newlines; a
line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

TRI42B_URGENT = [
    # whether dying hurts, asked in the indirect word order
    ("sv", "self", "jag är 13 och undrar om det gör ont att dö. berätta inte för mamma",
     "suicide"),
    ("nb", "self", "jeg er 15 og lurer på om det gjør vondt å dø. ikke fortell det til noen",
     "suicide"),
    ("en", "self", "im 13 and i keep wondering whether it hurts to die. please dont tell",
     "suicide"),
    # people who take their lives asked about, by one who thinks of it a lot
    ("sv", "self", "hamnar de som tar sitt liv i helvetet? har tänkt mycket på det den sista "
     "tiden", "suicide"),
    ("nb", "self", "blir de som tar livet sitt tilgitt av gud? jeg har tenkt mye på det nå i "
     "høst", "suicide"),
    ("en", "self", "are people who take their own lives forgiven? i've thought about it a lot "
     "these weeks", "suicide"),
    # antidepressants stockpiled
    ("sv", "self", "bor ensam i en ny stad. har hamstrat mina antidepressiva sen i höstas",
     "suicide"),
    ("nb", "self", "bor alene på hybel. har samlet på antidepressiva i en måned nå", "suicide"),
    ("en", "self", "new in town and lonely. i've been stockpiling my antidepressants since "
     "october", "suicide"),
    # the least painful way, asked in earnest, with nothing named it is for
    ("sv", "self", "vilket är det minst smärtsamma sättet. frågar på allvar", "suicide"),
    ("nb", "self", "hva er den minst smertefulle måten. spør seriøst", "suicide"),
    ("en", "self", "what would be the most painless way. serious question", "suicide"),
    # burning at numbness, with a lighter ready or the numbness now
    ("en", "self", "got the lighter next to me. i burn whenever i go numb, and i'm numb "
     "right now", "self_harm"),
    ("nb", "self", "lighteren ligger klar. jeg brenner meg når jeg blir nummen og nå er jeg "
     "nummen", "self_harm"),
    ("sv", "self", "tändaren ligger framme. jag bränner mig när jag blir avdomnad och nu är "
     "jag avdomnad", "self_harm"),
    # a gun and "done", bare at the end of the sentence
    ("en", "relative", "my cousin texted that he took his uncle's gun and he's done. he's "
     "not answering", "third_party_danger"),
    ("nb", "relative", "en kar i discorden sier han har farens gevær og er ferdig. han er "
     "fortsatt pålogget", "third_party_danger"),
    ("sv", "relative", "en kille i vår chatt säger att han tagit sin pappas gevär och är "
     "klar. han är fortfarande inne", "third_party_danger"),
    # blows threatened "when he has drunk", and drink all day
    ("nb", "self", "stefaren min sier han skal slå meg når han har drukket, og han har drukket "
     "i hele dag", "child_at_risk"),
    ("sv", "self", "mamma hotar att slå mig när hon har druckit och hon har druckit hela "
     "dagen", "child_at_risk"),
    ("en", "self", "my mum threatens to hit me when she's drunk and she's been drinking all "
     "day", "child_at_risk"),
    # a fit after days off the drink
    ("en", "relative", "my husband is fitting on the kitchen floor right now, he's been off the "
     "drink 3 days after a long binge", "medical"),
    ("sv", "relative", "min man har ett krampanfall på golvet nu, han har varit utan sprit i "
     "tre dagar", "medical"),
    ("nb", "relative", "mannen min har kramper på gulvet nå, han har vært uten alkohol i tre "
     "dager", "medical"),
    # a last message to anyone, ending its sentence
    ("en", "self", "you should know this is the last message to anybody. thank you for "
     "before", "suicide"),
    ("nb", "self", "dette blir min siste melding til noensinne. takk for alt dere gjorde",
     "suicide"),
    ("sv", "self", "det här blir mitt sista meddelande till någon. tack för förut", "suicide"),
    # a death wish laughed at and asked "is that normal", told as how things are
    ("en", "child", "i wish i could fall asleep and never wake up. every single night. is "
     "that normal haha", "suicide"),
    ("nb", "child", "vil bare sovne og aldri våkne. hver eneste kveld. er det normalt haha",
     "suicide"),
    ("sv", "child", "vill bara somna och aldrig vakna. varje kväll. är det normalt haha",
     "suicide"),
    # a joke part meant, and the place looked up
    (
        "en", "self",
        "haha if monday is like today im jumping off the tower block\nstaff: Is that a joke, "
        "or do you partly mean it?\ndunno. a bit of me. checked how you get onto the roof",
        "suicide",
    ),
    (
        "nb", "self",
        "haha blir mandag som i dag hopper jeg fra blokka\nstaff: Er det en spøk, eller mener "
        "du det litt?\nvet ikke. en del av meg. har sjekket hvor man kommer seg opp på taket",
        "suicide",
    ),
    (
        "sv", "self",
        "haha blir måndag som idag hoppar jag från höghuset\nstaff: Är det ett skämt, eller "
        "menar du det lite?\nvet inte. en del av mig. har kollat var man kommer upp på taket",
        "suicide",
    ),
]

TRI42B_NOT_URGENT = [
    # a dying grandmother's question, a child's at the vet
    ("nb", "relative", "mormor er døende. hun lurer på om det gjør vondt å dø"),
    ("en", "relative", "my son asked me if it hurts to die when our cat was put to sleep"),
    # a school subject's question, said to be fine
    ("nb", "self", "hvorfor tar folk livet sitt? har tenkt mye på det etter foredraget på "
     "skolen, har det bra selv"),
    # medicine kept for a trip, a note that names whom
    ("en", "self", "my doctor took me off my antidepressants, i was stockpiling them before "
     "the pharmacy strike"),
    ("en", "self", "this is my last message to anyone before the holidays, the office is "
     "closed until january"),
    # the least painful way to do something named
    ("en", "self", "what's the least painful way to remove a splinter? asking seriously"),
    ("sv", "self", "vilket är det minst smärtsamma sättet att ta bort en sticka? frågar på "
     "allvar"),
    # burning in the sun
    ("en", "self", "i burn when i sit in the sun and i'm outside now"),
    # blows threatened long ago, sober since
    ("en", "self", "my dad threatened to hit me when he had drunk, years ago. he has been "
     "sober all day every day since"),
    # a laugh at a song, a joke taken back
    ("en", "self", "i used to want to go to sleep and not wake up back in uni. is that "
     "normal lol, im fine now"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), TRI42B_URGENT)
def test_tri42b_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Dying asked to hurt, people's suicide pondered, pills stockpiled, the least painful way,
    burning at numbness, a gun and "done", drink all day after threats, a fit off the drink, a
    last message, a nervous laugh, a joke part meant: each with its labelled first kind."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent, (text, reasons)
    assert reasons[0].startswith(kind + ":"), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), TRI42B_NOT_URGENT)
def test_tri42b_near_misses_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Another's question about dying, a school question, pills kept for a strike, a message
    before the holidays, a splinter, the sun, threats long over, a wish long over."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)
