"""False alarms of blind set 23 with a general cause (branch fp24).

Set 23 was read for this branch: each mechanism is tested in wordings of our own (not copied
from the set), each flagged before, beside alarming wordings in the same words that stay urgent
by the concept rules alone (``model=None``). Lines are separated by newlines; a line starting
with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

CALM = [
    # a pet put down at the vet
    ("sv", "self", "vi fick låta vår hund somna in hos veterinären igår, han var 14"),
    ("nb", "self", "katten vår fikk sovne inn hos dyrlegen i dag"),
    ("en", "self", "we had our old dog put to sleep at the vet today and i said goodbye to him"),
    # a goodbye one got to say to someone dying
    ("sv", "relative", "vi fick säga hejdå till farfar på sjukhuset igår"),
    ("nb", "relative", "vi fikk si farvel til bestemor på sykehuset i går"),
    # a quarrel that blew up, and English "small"
    ("sv", "self", "igår small det mellan mig och min sambo, bara skrik. vi ska gå i parterapi"),
    ("en", "professional", "I run a small firm and today a colleague told me he drinks every "
     "night. How can I support him?"),
    # a joke told as one
    ("en", "professional", "at lunch today a colleague joked that he would jump out the window "
     "if the boss calls again"),
    # the line before badly put or meant well, a move or a place in treatment
    ("sv", "self", "hej, ville bara säga hejdå innan jag försvinner\nstaff: hur menar du?\n"
     "haha dåligt formulerat, jag flyttar till Lund imorgon"),
    ("nb", "self", "dette er nok siste gang jeg skriver her\nstaff: hva mener du?\n"
     "haha positivt altså, fikk plass på døgnbehandling fra mandag"),
    ("en", "self", "this is probably the last time i write here\nstaff: what do you mean by "
     "that?\nhaha in a good way! i got a place in residential treatment from monday"),
    # a farewell phrase the departure explains; someone else's farewell, heard from since
    ("en", "self", "I left my husband a goodbye letter this morning and moved out\nstaff: Are "
     "you safe?\nyes, I'm at my sister's. He drank every day for years. Where can I get "
     "support?"),
    ("nb", "relative", "hun har skrevet et avskjedsbrev til meg\nhun svarte nettopp, hun er hos "
     "søsteren sin og flytter ut"),
    # someone else's death foretold
    ("sv", "child", "jag är 11. mormor är jättesjuk och ligger hemma, hon ska dö snart säger "
     "pappa. idag sa hon hejdå till mig"),
    # a yes to "have you asked him?"
    ("sv", "relative", "min mamma har börjat planera sin begravning\nstaff: Har du frågat henne "
     "om hon har tankar på att dö?\nja, hon skrattade och sa att hon mår bra och bara vill ha "
     "ordning"),
    ("nb", "relative", "faren min har begynt å planlegge begravelsen sin\nstaff: Har du spurt "
     "ham om han har tanker om selvmord?\nja, han lo og sa at han har det fint"),
    # an overstatement owns its words
    ("sv", "self", "skolan tar livet av mig just nu\nfår hjärtklappning på kvällarna av stressen, "
     "vart vänder man sig?"),
    ("nb", "self", "jobben tar livet av meg\nfår hjertebank om kveldene av stresset, hvor kan "
     "jeg få hjelp?"),
    # years since one left, a span of several years
    ("sv", "self", "min förra sambo slog mig under flera år men det är fem år sen jag lämnade. "
     "han bor i Skåne nu\njag har fortfarande mardrömmar, vill gå i terapi"),
    ("en", "self", "my ex hit me for several years but it's five years since i left. he lives "
     "in spain now\ni still have nightmares and want therapy"),
    # money short for food, the adults there
    ("sv", "child", "jag är 14. mamma spelar bort lönen hela tiden och nu finns det inga pengar "
     "till mat. hon och pappa bråkar om det"),
    ("nb", "child", "jeg er 14. pappa spiller hele tiden og nå er det ikke penger til mat. de "
     "krangler om det"),
    ("en", "child", "i'm 14. dad gambles all the time and now there's no money for food. mum "
     "and him argue about it"),
    # professionals: a speaker for the pupils, no acute case now
    ("sv", "professional", "Hej, jag är lärare på en högstadieskola.\nVi söker någon som kan "
     "prata om självmord och psykisk ohälsa med eleverna i nian. Vem ska vi kontakta?"),
    ("nb", "professional", "Hei, jeg er lærer.\nVi ønsker noen som kan snakke om selvmord og "
     "selvskading med elevene. Hvem kan vi kontakte?"),
    ("nb", "professional", "Hei, jeg er helsesykepleier. Vi har ingen akutt sak nå, men vil bli "
     "flinkere til å snakke med elevene om selvmordstanker"),
    ("sv", "professional", "Hej, jag är skolkurator. Vi har inget akut fall nu, men vill bli "
     "bättre på att prata med eleverna om självmordstankar"),
    # the day something was found out
    ("nb", "relative", "Datteren vår på 16 røyker hasj, det har vi skjønt nå. Hvordan snakker "
     "vi med henne?"),
    ("en", "relative", "Our son is 16 and smokes weed, we found out today. How do we talk to "
     "him?"),
    # a farewell letter to a habit or a dealer
    ("sv", "self", "skrev ett avskedsbrev ikväll\nstaff: Till vem?\ntill spriten haha. nu är jag "
     "nykter sen en vecka"),
    ("en", "self", "wrote a goodbye letter tonight\nstaff: to who?\nto my dealer lol. blocked "
     "him everywhere"),
    ("nb", "self", "jeg har skrevet et avskjedsbrev til alkoholen i kveld, terapeuten foreslo "
     "det"),
    # a funeral gone through with the priest
    ("en", "self", "I'm 84, I've planned my funeral with the vicar and written my will. My "
     "grandson drinks too much, who can I talk to?"),
    ("nb", "self", "Jeg er 83 og har gått gjennom min begravelse med presten og skrevet "
     "testament. Barnebarnet mitt drikker, hvem kan jeg snakke med?"),
    ("sv", "self", "Jag är 85 och har gått igenom min begravning med prästen och skrivit "
     "testamente. Mitt barnbarn spelar bort sina pengar, vem kan jag prata med?"),
]

URGENT = [
    # a death wish of one's own after the pet's
    ("sv", "self", "hunden fick somna in hos veterinären idag. nu vill jag också bara somna in",
     "suicide"),
    # one's own farewell
    ("sv", "self", "jag vill säga hejdå till er alla", "suicide"),
    # a blow
    ("sv", "self", "han small till mig igår", "violence"),
    # a joke, then the bridge tonight (someone else's act now: `third_party_danger` since top42,
    # as most read sets label it)
    ("en", "relative", "my friend joked that he would jump, but tonight he is standing on the "
     "bridge", "third_party_danger"),
    # badly put, and worse meant
    ("sv", "self", "jag vill bara försvinna\nstaff: hur menar du?\ndåligt formulerat kanske men "
     "jag vill inte leva längre", "suicide"),
    ("en", "self", "i just want to disappear\nstaff: what do you mean?\nbadly worded, i mean i "
     "don't want to live anymore", "suicide"),
    ("en", "self", "this is probably the last time i write here\nstaff: what do you mean by "
     "that?\nhaha nothing. forget it", "suicide"),
    # a farewell and a silence, or a word of dying, beside a move
    ("sv", "relative", "min dotter har skrivit ett avskedsbrev och flyttar ut\nnu svarar hon inte "
     "i telefon", "goodbye"),
    ("en", "self", "I left him a goodbye letter on the table and moved out. i won't be needing "
     "anything where i'm going", "suicide"),
    # one's own wish beside a death foretold
    ("sv", "child", "jag är 12. morfar är sjuk och ska dö snart säger mamma. jag vill också dö",
     "suicide"),
    # what the other answered, told
    ("sv", "relative", "min mamma har börjat ge bort sina saker\nstaff: Har du frågat henne om "
     "hon har tankar på att ta sitt liv?\nja och hon sa ja, hon tänker på det hela tiden",
     "suicide"),
    ("en", "self", "i can't sleep\nstaff: Do you have thoughts of suicide?\nyes", "suicide"),
    # pills taken and a racing heart
    ("sv", "self", "jag har tagit 20 tabletter och får hjärtklappning nu", "overdose"),
    # violence and fleeing now
    ("sv", "self", "han slog mig igår och jag har flytt till mamma nu", "violence"),
    ("sv", "self", "han slår mig när han dricker. nu har jag flytt till mamma", "violence"),
    # no money for food and an adult drunk or gone
    ("sv", "child", "jag är 10. mamma har druckit och sover. vi har inga pengar till mat och "
     "lillebror gråter", "child_at_risk"),
    ("nb", "child", "jeg er 10. mamma kom ikke hjem i går og vi har ikke penger til mat",
     "child_at_risk"),
    # a professional's one pupil, now
    ("sv", "professional", "jag är kurator. en elev sa idag att hon vill ta livet av sig ikväll",
     "suicide"),
    # an adult high now, a child alone
    ("nb", "child", "jeg er 9. pappa røyker hasj nå og jeg er alene med lillebror",
     "child_at_risk"),
    # a farewell letter to one's parents
    ("sv", "self", "skrev ett avskedsbrev ikväll\nstaff: Till vem?\ntill mamma och pappa. jag "
     "orkar inte mer", "suicide"),
    ("sv", "self", "jag har skrivit ett avskedsbrev till min familj ikväll", "suicide"),
    # a funeral planned, and worn out
    ("sv", "self", "Jag är 85 och har planerat min begravning med prästen och skrivit "
     "testamente. Jag orkar inte mer", "suicide"),
]


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_b23_read_false_alarms_with_a_general_cause_are_gone(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """A pet put down at the vet, a goodbye one got to say, a quarrel that blew up, a joke told
    as one, a line badly put, a farewell a departure explains, someone else's death foretold, a
    yes to "have you asked him?", an overstatement, a leaving years ago, money short for food,
    professionals asking in general, the day something was found out, a farewell to a habit
    and a funeral arranged with the priest are not urgent."""
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text", "kind"), URGENT)
def test_b23_read_alarming_counter_examples_stay_urgent_by_the_rules(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """The same words with a risk now stay urgent, by the concept rules alone."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)
