"""Urgency mechanisms learnt from blind sets 18 and 20's urgent misses (branch tri20).

Each mechanism in wordings of our own (not the sets'), checked to be missed before, by the
concept rules alone (``model=None``), with calm near-misses in the same words beside them that
must stay not urgent (rules and model). Lines are separated by newlines; a line starting with
"staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

B20_URGENT = [
    # withdrawal: the drink or the medicine named between the stop and the days; creatures on
    # the walls, voices, not knowing the day or the year, talk with people not there (V2 order)
    ("sv", "self", "har slutat med vodkan för fyra dagar sen\nnu ser jag små kryp på väggarna "
     "och skakar", "medical"),
    ("sv", "relative", "morfar slutade dricka för 3 dagar sen. nu pratar han med folk som inte "
     "finns och vet inte vilken dag det är", "medical"),
    ("sv", "self", "slutade med stesolid för fem dagar sen efter ett år\nnu hör jag röster",
     "medical"),
    ("nb", "self", "sluttet med sobril for tre dager siden etter et år\nnå hører jeg stemmer",
     "medical"),
    ("nb", "relative", "pappa slutta å drikke for fire dager siden. nå snakker han med folk som "
     "ikke er der og vet ikke hvilken dag det er", "medical"),
    ("en", "self", "came off my diazepam four days ago after two years\nnow i'm hearing voices",
     "medical"),
    ("en", "relative", "my mum stopped the vodka three days ago. now she keeps asking what year "
     "it is", "medical"),
    # a "no" to a staff question about how, after a death wish, answers the how
    ("sv", "self", "jag tänker på att dö hela tiden\nstaff: Har du tänkt på hur?\nnej inte så. "
     "bara att det vore skönt att slippa", "suicide"),
    ("nb", "self", "jeg tenker på å dø hele tiden\nstaff: Har du tenkt på hvordan?\nnei ikke "
     "sånn. bare at det hadde vært godt å slippe", "suicide"),
    ("en", "self", "i think about dying all the time\nstaff: Have you got a plan?\nno, not like "
     "that", "suicide"),
    # the way worked out, the act left unnamed, with a time
    ("sv", "self", "har räknat ut hur jag skulle göra det. inte ikväll, men snart", "suicide"),
    ("nb", "self", "jeg har regnet ut hvordan jeg skal gjøre det. ikke i kveld, men snart",
     "suicide"),
    ("en", "self", "i've figured out how i would do it. not tonight, but soon", "suicide"),
    # thinking of it, or a plan made, answers a staff suicide question
    ("sv", "self", "hur länge dröjer det innan någon hittar en\nstaff: Tänker du på att ta ditt "
     "liv?\ntänker på det. har inte bestämt nåt", "suicide"),
    ("nb", "self", "staff: Tenker du på å ta livet ditt?\ntenker på det. har ikke bestemt meg",
     "suicide"),
    ("en", "self", "staff: Are you thinking of ending your life?\nwell. been planning it for a "
     "while", "suicide"),
    # the old words for ending one's days
    ("sv", "relative", "farfar sa att han tar sig av daga om de flyttar honom till boendet. han "
     "har en älgstudsare", "suicide"),
    ("nb", "relative", "far sier at han tar seg av dage hvis de sender ham på sykehjem",
     "suicide"),
    ("en", "relative", "my dad says he'll do away with himself if they put him in a home",
     "suicide"),
    # refusing food so that it goes faster, to be done
    ("sv", "relative", "mormor har slutat äta. hon säger att då går det fortare och så är hon "
     "färdig", "suicide"),
    ("nb", "relative", "bestemor har slutta å spise. hun sier at da går det fortere", "suicide"),
    ("en", "relative", "my gran has stopped eating. she says it goes faster that way and then "
     "she's done", "suicide"),
    # chest pain in other words after a stimulant; grey lips and nodding off after an opioid
    ("sv", "relative", "min sambo tog kokain i natt och nu har han smärtor i bröstet som "
     "strålar ut i armen", "overdose"),
    ("nb", "relative", "venninna mi tok noen oxy for en time siden, nå nikker hun av hele tida "
     "og leppene er grå", "overdose"),
    ("en", "relative", "my mate chewed a fentanyl patch half an hour ago, now he keeps nodding "
     "off and his lips look grey", "overdose"),
    # a letter to one's family "just in case", the case left unnamed
    ("sv", "self", "igår skrev jag ett brev till barnen, ifall.", "suicide"),
    ("nb", "self", "i natt skrev jeg et brev til ungene, i tilfelle.", "suicide"),
    ("en", "self", "left a letter for the kids, just in case", "suicide"),
    # hitting one's own body with an object, now
    ("sv", "self", "har slagit mina egna ben med en hammare när ångesten kommer\nden kommer nu "
     "och hammaren ligger här", "self_harm"),
    ("nb", "self", "jeg slår mine egne lår med en hammer når angsten kommer\nden kommer nå",
     "self_harm"),
    ("en", "self", "i've been hitting my own thighs with a hammer when it gets bad\nit's bad "
     "now", "self_harm"),
    # a finger twisted or broken by him, days ago
    ("sv", "self", "han vred om fingret på mig i förrgår så det knakade\nnu säger han förlåt "
     "hela tiden", "violence"),
    ("nb", "self", "samboeren min vrei armen min i går\nnå er han snill igjen", "violence"),
    ("en", "self", "he twisted my finger until it snapped two days ago\nnow he's all sorry",
     "violence"),
    # small children alone in town, the adult at the pub
    ("sv", "other", "två barn, 4 och 6, springer runt själva på stan. de säger att mamma är på "
     "krogen", "child_at_risk"),
    ("nb", "other", "to barn på 5 og 7 går rundt alene i sentrum. de sier pappa er på puben",
     "child_at_risk"),
    ("en", "other", "two kids, 4 and 6, walking around alone in town, they say mum is at the "
     "pub", "child_at_risk"),
]

B20_NOT_URGENT = [
    # a stop with no delirium, or a long-standing symptom of dementia
    ("sv", "self", "slutade med snuset för tre dagar sen. nu är jag så rastlös"),
    ("en", "self", "stopped the wine two days ago and honestly i feel great"),
    ("sv", "relative", "mormor har demens och vet inte vilken dag det är, det är jobbigt"),
    # a "no" to "what do you mean?" still takes the laugh back
    ("en", "self", "i wish i was dead lol\nstaff: What do you mean?\nno not like that, just "
     "tired of exams"),
    # the way worked out for something named
    ("sv", "self", "har räknat ut hur jag ska göra det med lånet, banken ringer snart"),
    ("en", "self", "i've worked out how i would do it, the whole kitchen reno, starting soon"),
    # a staff question answered no
    ("en", "self", "staff: Are you thinking of killing yourself?\nno i'm not thinking about it"),
    # ending one's days as a football joke
    ("sv", "self", "han sa att han ska ta sig av daga om Djurgården förlorar haha"),
    # stopping a food, faster weight loss
    ("sv", "relative", "mormor har slutat äta socker, då går det fortare att gå ner i vikt"),
    ("en", "relative", "my grandad stopped eating meat, says the weight loss goes faster that "
     "way"),
    # chest pain at running, nodding off in a chair
    ("en", "relative", "she has pains in her chest when she runs, the doctor says it's asthma"),
    ("sv", "relative", "pappa nickar till framför tv:n varje kväll"),
    ("en", "relative", "my grandpa nods off all the time in his chair, is that normal at 90?"),
    # a letter whose case is named
    ("sv", "self", "skrev ett brev till barnen ifall de vill veta hur det var när de föddes"),
    ("en", "self", "left a letter for my kids in case they want to know how they were born"),
    # an accident, the adult at the pub with work
    ("en", "self", "i broke my wrist skiing last week"),
    ("sv", "self", "pappa är på krogen med jobbet ikväll"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B20_URGENT)
def test_b20_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Withdrawal with the substance named, a "no" to how after a death wish, the way worked
    out, thinking of it as an answer, ending one's days, refusing food to go faster, chest pain
    and grey lips after a drug, a letter "just in case", hitting oneself with an object, a
    finger twisted, and children alone with the adult at the pub."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), B20_NOT_URGENT)
def test_b20_near_misses_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """The same words about something else, with the case named, a habit, or a joke stay not
    urgent (rules and model)."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)
