"""Urgency mechanisms for blind set 33's short urgent openers (branch tri33).

Set 33 (BT) hid urgent openers in a question how many sleeping pills it takes not to wake, how
long it takes to bleed out, the quickest way never to feel anything again, a dose of insulin
worked out with enough at home, a bare decision with a day chosen, a last post scheduled,
tiredness of breathing and waking, a prayer to be taken in one's sleep, and cutting deeper than
usual (nynorsk). And three calm openers were read as urgent: "ingen planer om å ta livet mitt",
a dog that ate sleeping pills, clothes given to a charity shop in a detox. Each mechanism in our
own words in sv, nb and en, with calm near-misses beside it that must stay not urgent (rules and
model). The urgent wordings are checked with the concept rules alone (``model=None``). Lines
are separated by newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

TRI33_URGENT = [
    # a question about a lethal amount, method or time, asked with "man" / "you"
    ("sv", "hur många insomningstabletter måste man ta för att inte vakna igen", "suicide"),
    ("sv", "hur lang tid tar det innan man forbloder", "suicide"),
    ("sv", "vad är det snabbaste sättet att aldrig känna nånting igen", "suicide"),
    ("nb", "kor mange sovetablettar må ein ta for å ikkje vakne", "suicide"),
    ("nb", "hvor lang tid tar det å blø ut fra håndleddet", "suicide"),
    ("nb", "hvor mye vival er nok til å dø", "suicide"),
    ("en", "how many sleeping pills would you need to never wake up", "suicide"),
    ("en", "how long until you bleed to death from your wrist", "suicide"),
    ("en", "easiest way to never feel anything ever again", "suicide"),
    # a dose worked out, and enough at home
    ("sv", "har kollat hur många sobril som behövs\njag har nog hemma", "suicide"),
    ("nb", "har regnet ut hvor mye insulin det ville trenge. har nok hjemme", "suicide"),
    ("en", "worked out how much insulin it would take. i have enough at home", "suicide"),
    # a bare decision with a day chosen; a last message set to go out
    ("sv", "nu har jag bestämt mig\ntorsdag blir det", "suicide"),
    ("nb", "eg har bestemt meg. laurdag blir det.", "suicide"),
    ("en", "i've made up my mind. sunday it is", "suicide"),
    ("sv", "har tidsinställt ett mejl till min syster på fredag. det blir mitt sista", "suicide"),
    ("nb", "har tidsinnstilt ei melding til søndag. det blir den siste", "suicide"),
    ("en", "scheduled a post for monday night. it will be my last", "suicide"),
    # tired of breathing, of waking; to be taken in one's sleep; never to feel again
    ("sv", "less på att andas. less på att vakna", "suicide"),
    ("nb", "eg er trøytt av å vakne kvar morgon", "suicide"),
    ("en", "just sick of breathing", "suicide"),
    ("sv", "ber till gud att han ska hämta mig i sömnen", "suicide"),
    ("nb", "ber til gud om at han tar meg i søvne", "suicide"),
    ("en", "every night i pray god takes me in my sleep", "suicide"),
    ("nb", "eg vil aldri kjenne noko igjen", "suicide"),
    # self-harm worse than usual
    ("sv", "skar djupare än vanligt i kväll\nhandduken är blodig", "self_harm"),
    ("nb", "kutta meg djupare enn vanleg no", "self_harm"),
    ("en", "cut myself worse than usual tonight", "self_harm"),
]

TRI33_NOT_URGENT = [
    # a professional's, a novelist's or a treatment's dose question; a death in hospice
    ("sv", "jag är sjuksköterska, hur mycket insulin brukar en patient med typ 1 behöva?"),
    ("nb", "jeg skriver en krimroman, hvor mye insulin skal til for å drepe noen?"),
    ("sv", "hur många sömntabletter får man ta per natt?"),
    ("en", "my grandma is in hospice, how long does it take for her to die?"),
    ("sv", "hur lång tid tar det att bli av med abstinensen"),
    # a decision with its object; a scheduled post about a sale; a diabetic's supply
    ("sv", "har bestämt mig för att sluta dricka. fredag blir det sista ölen"),
    ("en", "i've decided to quit drinking. friday is my last beer"),
    ("nb", "har planlagt et innlegg på facebook til lørdag om konserten vår"),
    ("sv", "jag har diabetes och har tillräckligt med insulin hemma för resan"),
    # tired of waking early, of breathing smoke; a prayer for someone else
    ("sv", "trött på att vakna tidigt för jobbet"),
    ("nb", "lei av å våkne klokka fem hver dag for å rekke bussen"),
    ("en", "tired of breathing in my neighbour's smoke"),
    ("en", "i pray for my mum every night"),
    # a plan to die denied; a kitchen cut
    ("nb", "Nei, jeg har ingen planer om å ta livet mitt. Jeg vil bare ha hjelp med alkoholen."),
    ("sv", "nej, jag har inga planer på att ta livet av mig, jag vill ha hjälp med spelandet"),
    ("en", "cut my finger deeper than usual while cooking"),
    # a pet that ate pills; clothes to a charity shop in a detox
    ("nb", "Hunden vår åt tre av sovetablettene mine i går, dyrlegen sier han er fin\n"
     "har jeg for mange piller liggende?"),
    ("en", "the dog ate two of my sleeping pills yesterday, vet says he's fine"),
    ("sv", "har gett bort alla mina kläder till myrorna och raderat instagram, digital detox!"),
    ("en", "gave all my clothes to goodwill and deleted instagram, digital detox lol"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), TRI33_URGENT)
def test_tri33_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, text: str, kind: str
) -> None:
    """A lethal question asked with "man", a dose with enough at home, a decision with a day,
    a last post scheduled, tiredness of breathing, a prayer to be taken, never to feel again,
    and self-harm worse than usual."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "self", text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), TRI33_NOT_URGENT)
def test_tri33_near_misses_stay_not_urgent(directory: Directory, lang: str, text: str) -> None:
    """A professional's, a novelist's or a treatment's question, a death in hospice, a decision
    with its object, a diabetic's supply, tired of waking early, a denied plan, a kitchen cut,
    a pet's pills and a charity shop's clothes."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, "self", text))
    assert not urgent, (text, reasons)
