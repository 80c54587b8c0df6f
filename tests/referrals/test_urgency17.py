"""Urgency mechanisms learnt from blind set 17 (indirect death wishes and farewells, and others
in danger told by a third party; branch tri17).

Each mechanism in wordings of our own (not the set's), checked to be missed before, by the
concept rules alone (``model=None``), with calm, general or unrelated wordings beside them that
must stay not urgent. Then the set's false alarms with a general cause, in our own wordings,
gone (rules and model), and alarming counter-examples that must stay urgent. Lines are
separated by newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

B17_URGENT = [
    # nobody will notice or miss it if I am gone (future tense)
    ("nb", "self", "tror ikke noen kommer til å savne noe hvis jeg blir borte", "suicide"),
    ("sv", "self", "ingen kommer ens märka nåt om jag försvinner", "suicide"),
    # the insurance that pays the debts, with a death word
    ("nb", "self", "forsikringa dekker lånet om jeg dør\nhar tenkt mye på det i det siste",
     "suicide"),
    ("sv", "self", "försäkringen täcker skulderna om jag dör, har räknat på det", "suicide"),
    ("en", "self", "the insurance would pay off the mortgage if i died. ive done the maths",
     "suicide"),
    # one of "our" residents: a professional telling of one person, not asking in general
    ("en", "professional", "i work nights at a care home\none of our residents wrote a goodbye "
     "note and walked out, his phone is off", "goodbye"),
    # praying not to wake, every night: a habit makes the wish no less
    ("en", "self", "im 81 and every night i pray not to wake up in the morning", "suicide"),
    ("sv", "self", "jag ber till gud varje kväll att jag inte ska vakna", "suicide"),
    ("nb", "self", "jeg ber til gud hver kveld om å slippe å våkne", "suicide"),
    # hard to wake after pills
    ("sv", "relative", "min sambo har tagit sömntabletter och är väldigt svår att väcka",
     "medical"),
    ("en", "relative", "my brother took his sleeping pills and is really hard to wake",
     "medical"),
    ("nb", "relative", "kona har tatt sovetabletter og er veldig vanskelig å vekke", "medical"),
    # two farewell acts: accounts deleted and forgiveness asked
    ("sv", "self", "har tagit bort mitt insta och bett alla om förlåtelse", "suicide"),
    ("nb", "self", "har slettet snapchat og bedt alle om tilgivelse", "suicide"),
    ("en", "self", "deleted my instagram and asked everyone for forgiveness", "suicide"),
    # a life wished for, "but" ways to do it looked for
    ("sv", "self", "jag vill ju leva egentligen\nmen jag har letat efter sätt att göra det",
     "suicide"),
    ("nb", "self", "jeg vil leve, egentlig\nmen jeg har søkt etter måter å gjøre det på",
     "suicide"),
    ("en", "self", "i do want to live\nbut ive been looking up ways to do it", "suicide"),
    # "sometimes" as the answer to a staff member's suicide question
    ("nb", "self", "er så sliten\nstaff: Tenker du på å ta livet ditt?\ninnimellom", "suicide"),
    ("en", "self", "so tired of it all\nstaff: Are you thinking about ending your life?\n"
     "now and then", "suicide"),
]

B17_NOT_URGENT = [
    # nobody will notice something else
    ("sv", "self", "ingen kommer märka om jag går tidigt från festen"),
    ("en", "self", "nobody will notice if i leave the party early"),
    ("nb", "self", "ingen kommer til å merke det hvis jeg tar fri i morgen"),
    # the insurance without a death
    ("sv", "self", "försäkringen täcker skulderna om bilen blir stulen?"),
    ("nb", "self", "dekker forsikringen lånet hvis jeg blir arbeidsledig?"),
    # one of our residents, asked about in general
    ("sv", "professional", "hur ska vi som personal agera om en av våra boende skriver ett "
     "avskedsbrev?"),
    # praying for someone else's life
    ("en", "relative", "i pray every night that my dad doesnt die in surgery tomorrow"),
    # hard to wake as a habit
    ("sv", "relative", "min dotter tar melatonin och är väldigt svår att väcka på morgnarna"),
    # one such act alone
    ("sv", "self", "har raderat tiktok för att plugga mer inför tentan"),
    ("en", "self", "i asked my sister for forgiveness after the fight, we are good now"),
    # a way looked for with no "but"
    ("sv", "self", "jag vill leva hälsosamt\noch letar efter sätt att göra det billigt"),
    # "sometimes" to another question; a no to the suicide question
    ("sv", "self", "mår rätt okej\nstaff: Dricker du alkohol?\nibland"),
    ("nb", "self", "er litt sliten\nstaff: Tenker du på å ta livet ditt?\nnei, ikke engang av "
     "og til"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B17_URGENT)
def test_b17_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Nobody will notice, the insurance paying the debts, one of our residents, praying not to
    wake, hard to wake, deleted accounts and forgiveness, ways looked for after "but", and
    "sometimes" as an answer."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), B17_NOT_URGENT)
def test_b17_counter_examples_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """The same words about something else, in general, as a habit, or alone stay not urgent
    (rules and model)."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


# False alarms of blind set 17 that have a general cause, in wordings of our own: each must
# now stay not urgent (rules and model), and the alarming counter-example must stay urgent.
B17_NOW_NOT_URGENT = [
    # a burden at work
    ("sv", "self", "känner mig som en börda på jobbet sen sjukskrivningen\nhur kommer man "
     "tillbaka?"),
    ("nb", "self", "føler meg som en belastning for kollegene etter sykemeldingen"),
    ("en", "self", "i feel like a burden at work since my sick leave, how do i get back"),
    # tired of life with someone
    ("sv", "relative", "så less på livet med min sambo och hans spelande, hur får jag honom att "
     "söka hjälp"),
    ("nb", "relative", "er så lei av livet med ham og pengespillet hans"),
    # dying for a smoke
    ("en", "self", "day 4 off the smokes and id die for a cigarette right now"),
    # a side effect read about in the leaflet
    ("sv", "self", "bipacksedeln säger att den kan ge självmordstankar men jag har inga såna"),
    ("nb", "self", "pakningsvedlegget sier at den kan gi selvmordstanker, det har jeg ikke"),
    ("en", "self", "the leaflet says it can cause suicidal thoughts, i have none"),
    # may I drink on my medicine, asked ahead
    ("sv", "self", "tar sertralin sen i höstas, mår bra\nfår man dricka vin till maten när man "
     "äter det?"),
    ("sv", "self", "äter antidepressiva, inga mörka tankar\nundrar om jag kan ta en öl på "
     "kräftskivan?"),
    ("nb", "self", "bruker antidepressiva og har det fint\nlurer bare på om jeg kan ta en øl i "
     "bursdagen til kompisen?"),
    # a goodbye before a move
    ("en", "self", "said goodbye to everyone at work today, moving to Bergen next month"),
    ("nb", "self", "har sagt ha det til alle på jobben, flytter til Tromsø neste uke"),
    # a will written for a reason about the heirs
    ("sv", "relative", "vill skriva testamente så att min dotter får huset\nvill bara ha "
     "ordning på pappren"),
    ("nb", "relative", "vil skrive testament slik at sønnen min ikke får alt\nbare vil ha orden "
     "på papirene"),
    # an overdose days ago of someone now in hospital care
    ("sv", "relative", "min pappa överdoserade i lördags, han är inlagd nu och mår bättre. hur "
     "pratar jag med honom?"),
    ("en", "relative", "my son overdosed on heroin last weekend. he is in hospital and awake "
     "now, how do i support him"),
    # a friend's threat called a joke after a filler word
    ("sv", "relative", "polaren skrev att han skulle hoppa från bron om laget förlorade\nasså "
     "det var skämt, alla skrattade"),
]

B17_STAYS_URGENT = [
    ("sv", "self", "jag känner mig som en börda för alla", "suicide"),
    ("en", "self", "i feel like a burden to everyone", "suicide"),
    ("sv", "self", "jag är så trött på livet", "suicide"),
    ("sv", "self", "jag har fått självmordstankar av medicinen", "suicide"),
    ("sv", "self", "har tagit 30 citalopram och druckit en flaska vin nu", "overdose"),
    ("sv", "self", "har tagit 20 sobril och druckit öl, kan jag ta en öl till?", "overdose"),
    ("sv", "self", "tog nåt piller på festen, nu rusar hjärtat. e det farligt", "overdose"),
    ("sv", "relative", "min bror har överdoserat nu och han ligger på akuten men jag är rädd",
     "overdose"),
    ("sv", "relative", "min bror överdoserade nyss, han ligger på golvet", "overdose"),
    ("sv", "self", "har sagt hejdå till alla", "suicide"),
    ("nb", "professional", "jobber på en institusjon\nen av våre beboere la igjen et "
     "avskjedsbrev og svarer ikke på telefonen", "goodbye"),
    ("sv", "self", "har skrivit testamente och gett bort katten", "suicide"),
    # someone else's jump from a bridge, told by a friend: `third_party_danger` since top42
    ("sv", "relative", "polaren skrev att han skulle hoppa från bron\ndet var inget skämt",
     "third_party_danger"),
    # a habit in the line does not make "hard to wake" a habit when the line says now
    # (blind set 16 lost a catch to the first form of this veto)
    ("nb", "relative", "han tar sovepiller hver kveld og nå er han veldig vanskelig å vekke",
     "medical"),
    ("en", "relative", "he takes sleeping pills every night and now he is very hard to wake",
     "medical"),
]


@pytest.mark.parametrize(("lang", "role", "text"), B17_NOW_NOT_URGENT)
def test_b17_false_alarms_with_a_general_cause_are_gone(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """A burden at work, tired of life with someone, dying for a smoke, a side effect, a drink
    asked about ahead, a goodbye before a move, a will for the heirs, someone in hospital care
    days after an overdose, a joke called one."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B17_STAYS_URGENT)
def test_b17_alarming_counter_examples_stay_urgent(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """The same words with a risk now stay urgent."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)
