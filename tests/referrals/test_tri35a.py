"""Urgency mechanisms for blind set 34's Swedish urgent misses (branch tri35a).

Set 34 (BU) hid urgent openers in a conditional suicide threat said in the inverted order ("om
han lämnar mig tar jag livet av mig"), a way to die asked painless "for real", a question what
40 sleeping pills do asked "not for a friend", how high one must jump to surely not survive,
not seeing oneself in a year with plans made, following a dead father to where he is, and
one's own funeral planned with the act soon. Each mechanism in our own words in sv, nb and en,
with calm near-misses beside it that must stay not urgent (rules and model). The urgent
wordings are checked with the concept rules alone (``model=None``). Lines are separated by
newlines.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

TRI35A_URGENT = [
    # a conditional suicide threat: "if X (then) I kill myself", not negated, not over
    ("sv", "om jag får sparken tar jag livet av mig", "suicide"),
    ("sv", "ifall hon gör slut så tar jag mitt liv. hon har redan packat", "suicide"),
    ("sv", "blir jag vräkt så tar jag livet av mej", "suicide"),
    ("sv", "om han lämnar mig gör jag slut på mig själv", "suicide"),
    ("sv", "om jag inte klarar provet imorgon tar jag livet av mig", "suicide"),
    ("sv", "om banken tar huset avslutar jag livet", "suicide"),
    ("nb", "hvis han forlater meg tar jeg livet mitt", "suicide"),
    ("nb", "om eg ikkje kjem inn på skulen tek eg livet mitt", "suicide"),
    ("nb", "hvis hun går fra meg så dreper jeg meg selv", "suicide"),
    ("nb", "dersom jeg mister jobben så avslutter jeg livet", "suicide"),
    ("nb", "jeg tar livet mitt hvis han ikke kommer tilbake", "suicide"),
    ("en", "if he doesn't come back i'll kill myself", "suicide"),
    ("en", "if she goes through with the divorce i will end my life", "suicide"),
    # a way to die asked painless
    ("sv", "finns det nåt sätt att dö som inte gör ont", "suicide"),
    ("sv", "hur dör man utan att det gör ont", "suicide"),
    ("nb", "finst det ein smertefri måte å døy på", "suicide"),
    ("en", "is there a way to die that doesn't hurt", "suicide"),
    # a lethal dose asked "om man", then the friend taken back or asked for real: in sv and nb
    # tri35b's question about taking all of them or a number reads it first, as a plan (suicide);
    # the English one is read by the older intake rule (overdose). Urgent either way.
    ("sv", "vad händer om man tar 30 sömntabletter samtidigt\nnej, inte för en vän", "suicide"),
    ("nb", "ka skjer om man tar alle pillene til pappa på en gang\nspør ikke for moro skyld",
     "suicide"),
    ("en", "what happens if someone swallows 30 sleeping pills at once\nnot for anyone else",
     "overdose"),
    # a height asked so that one surely does not survive
    ("sv", "hur högt måste man hoppa för att vara helt säker på att man inte överlever", "suicide"),
    ("sv", "från vilken höjd överlever man inte ett fall", "suicide"),
    ("nb", "hvor mange etasjer må til for at man ikke overlever fallet", "suicide"),
    ("en", "how high do you need to jump from to be sure you don't survive", "suicide"),
    # not seeing oneself in a year, with plans made
    ("sv", "jag ser inte mig själv om ett år. har planerat allt", "suicide"),
    ("nb", "eg ser ikkje meg sjølv om eitt år. har planlagt det meste", "suicide"),
    # following a dead parent to where they are
    ("sv", "pappa dog förra året\njag vill bara följa efter honom dit han är", "suicide"),
    ("sv", "mamma dog i våras. jag vill följa efter henne", "suicide"),
    ("nb", "mamma døde i vinter. vil bare dit hun er", "suicide"),
    ("en", "dad died last year\ni just want to follow him to wherever he is", "suicide"),
    # one's own funeral planned, with the songs, and the act soon
    ("sv", "har planerat min egen begravning, vilka psalmer\nsnart ska jag göra slag i saken",
     "suicide"),
    ("en", "started planning my own funeral, which songs, who comes\nlike i will do it soon",
     "suicide"),
]

TRI35A_NOT_URGENT = [
    # hyperbole without a death wish; the strain idiom; a past threat; a professional's question
    ("sv", "om jag inte får kaffe dör jag"),
    ("nb", "hvis jeg ikke får kaffe nå dør jeg"),
    ("en", "if i don't get coffee i'm going to die"),
    ("sv", "jobbet tar livet av mig just nu, så mycket övertid"),
    ("nb", "jobben tar livet av meg for tiden"),
    ("sv", "för tio år sedan sa jag att om han lämnade mig tar jag livet av mig. idag mår jag bra"),
    ("sv", "jag är kurator. hur bemöter jag en elev som säger att om hon får underkänt tar hon "
     "livet av sig?"),
    ("en", "if he cheats again i'm ending it with him"),
    # a quote; a joke taken back
    ("sv", "det står i låten \"om du går tar jag livet av mig\", den är så sorglig"),
    ("en", "if i have to sit through another meeting i'll kill myself lol jk, it's fine"),
    # a negation of the thing itself, and "om" as "about"
    ("sv", "Pensionerad polis. Ibland drömmer jag om det. Inga tankar att ta livet av mig, men "
     "frun tycker jag ska prata med någon."),
    # a dying grandmother's pain; old age; a friend who is a pharmacist
    ("sv", "min mormor är döende, kommer hon ha ont när hon dör?"),
    ("sv", "vad händer om man tar två imovane istället för en? läkaren sa en"),
    # a height in sport; a job in a year; following in a father's footsteps
    ("sv", "hur högt måste man hoppa för att klara höjdhoppsprovet"),
    ("sv", "ser inte mig själv på det här jobbet om ett år, har planerat att plugga"),
    ("nb", "ser ikke meg selv i denne jobben om et år, har planlagt å bytte"),
    ("sv", "pappa dog förra året. jag vill följa i hans fotspår och bli snickare"),
    ("en", "dad died last year, i want to follow in his footsteps and become a nurse"),
    ("sv", "vi planerar mormors begravning, vilka låtar ska vi ha"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), TRI35A_URGENT)
def test_tri35a_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, text: str, kind: str
) -> None:
    """A conditional suicide threat, a painless way to die, a lethal dose asked for real, a
    height not to survive, no future with plans, following the dead, a funeral and the act."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "self", text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), TRI35A_NOT_URGENT)
def test_tri35a_near_misses_stay_not_urgent(directory: Directory, lang: str, text: str) -> None:
    """Hyperbole, the strain idiom, a past threat, a professional's question, a quote, a joke,
    a dying grandmother, a doctor's dose, sport, a job, a father's footsteps, another's funeral."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, "self", text))
    assert not urgent, (text, reasons)
