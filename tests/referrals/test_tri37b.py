"""Urgency mechanisms for blind set 35's Norwegian and English urgent misses (branch tri37b).

Set 35 (BV) hid urgent openers in how to write a farewell letter "asking for myself", being gone
for good so that one's parents have one thing less to fight about, being tired of pretending
and wanting "it" to end, burning oneself and wanting to do it more, the quietest way "to go",
a trip told to work that "is no trip", life paused and never unpaused, a suicide word with
"lol" taken back by "not even joking", and a woman on a window ledge who says she will jump "if
anyone comes in". Each mechanism in our own words in sv, nb and en, with calm near-misses
beside it that must stay not urgent (rules and model). The urgent wordings are checked with
the concept rules alone (``model=None``). Lines are separated by newlines.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

TRI37B_URGENT = [
    # a general question the writer then says is their own; a suicide note named
    ("nb", "korleis skriv ein eit avskjedsbrev\ndet er til meg sjølv", "suicide"),
    ("sv", "hur skriver man ett avskedsbrev\nfrågar för egen del", "suicide"),
    ("en", "how do you write a goodbye letter\nasking for myself", "suicide"),
    ("en", "how do you write a suicide note? i'm asking for me", "suicide"),
    ("nb", "jeg har skrevet et selvmordsbrev", "suicide"),
    ("sv", "har skrivit självmordsbrevet nu", "suicide"),
    # oneself gone for good, one thing less for the others
    ("nb", "om eg er borte for alltid har foreldra mine ein ting mindre å krangle om", "suicide"),
    ("sv", "utan mig har de ett problem mindre", "suicide"),
    ("en", "if i disappeared for good mom and dad would have one less thing to argue about",
     "suicide"),
    # tired of pretending, wanting "it" to end
    ("nb", "orker ikke å late som at alt er bra\nvil bare at det skal være over", "suicide"),
    ("sv", "orkar inte låtsas längre. vill bara att det ska sluta", "suicide"),
    ("en", "sick of faking a smile\nwant it to be over", "suicide"),
    # burnt oneself, wanting to do it more
    ("nb", "brant meg med sigg på armen\nvil gjøre det mer", "self_harm"),
    ("sv", "brände mig med en tändare\nvill göra det mer", "self_harm"),
    ("en", "held a lighter to my wrist\ni want to do it more often", "self_harm"),
    # the quietest, most peaceful way "to go"
    ("nb", "kva er den mest fredelege måten å forsvinne på", "suicide"),
    ("sv", "vad är det mest fridfulla sättet att gå", "suicide"),
    ("en", "whats the most peaceful way to go", "suicide"),
    ("en", "gentlest way to slip away?", "suicide"),
    # a trip told to others that is none
    ("nb", "har sagt til alle at jeg skal reise bort en stund. det blir ingen reise", "suicide"),
    ("sv", "alla tror jag ska resa bort. det finns ingen resa", "suicide"),
    ("en", "sold my guitar and my bike. everyone thinks i'm going travelling. there's no trip",
     "suicide"),
    # life paused, never resumed
    ("nb", "vil bare trykke på pauseknappen på livet og aldri trykke play igjen", "suicide"),
    ("sv", "vill bara ta paus från att existera och aldrig fortsätta", "suicide"),
    ("en", "i want to pause my life and never press play again", "suicide"),
    # a laugh taken back: "not even joking", "dead serious"
    ("nb", "har lyst å ta livet av meg lol\ntuller ikke engang", "suicide"),
    ("sv", "vill bara dö haha\nhelt seriöst", "suicide"),
    ("en", "lowkey want to kms lmao\nnot really kidding", "suicide"),
    # at a height, a jump said with a condition after it
    ("nb", "en mann står på kanten av taket og sier han hopper om noen kommer nærmere", None),
    ("sv", "en tjej sitter på broräcket och säger att hon hoppar om någon kommer närmare", None),
    ("en", "guy on the bridge railing says he'll jump if someone comes closer", None),
]

TRI37B_NOT_URGENT = [
    # farewell letters to colleagues; a question owned that is harmless
    ("nb", "hvordan skriver man et avskjedsbrev til en kollega som slutter"),
    ("en", "how do you write a farewell letter to a colleague who is retiring"),
    ("nb", "hvordan søker man om bostøtte\nspør for meg selv"),
    ("sv", "hur skriver man en jobbansökan\nfrågar för egen del"),
    ("nb", "vi leste om et selvmordsbrev i en roman på skolen"),
    # moving out, a dog or a headache gone, a week away
    ("en", "if i move out my parents will have one less thing to fight about"),
    ("nb", "nå som hunden er borte for godt har vi en ting mindre å krangle om"),
    ("en", "my headache disappeared, one less thing to worry about"),
    ("sv", "om jag blir borta en vecka på semester har de en sak mindre att bråka om"),
    ("en", "if i'm gone for the weekend my parents have one less thing to fight about"),
    # pretending about a hobby; a season or a quarrel to end
    ("nb", "lei av å late som jeg liker fotball. vil at sesongen skal ta slutt"),
    ("en", "tired of pretending i like his band lol"),
    ("nb", "lei av krangelen med kjæresten, vil bare at det skal ta slutt for godt"),
    ("nb", "eksamensuka er fæl, vil bare at det skal være over"),
    # burns in the kitchen or from a drink
    ("nb", "brant meg med lighter da jeg tente grillen"),
    ("nb", "brant meg på teen i morges"),
    ("en", "burnt myself on my coffee this morning"),
    ("sv", "brände mig på kaffet i morse"),
    # quiet ways to go somewhere, to fall asleep
    ("en", "what's the quietest way to go to work without waking the baby"),
    ("en", "we're driving to oslo, what's the best way to go"),
    ("nb", "hva er den roligste måten å sovne på?"),
    ("sv", "vilket är det tystaste sättet att gå i trappan"),
    # a trip off for money or cancelled, a cover for a job interview
    ("en", "sold my car, cancelled the gym. the trip got cancelled so there is no trip this year"),
    ("sv", "sålde bilen för vi har ingen råd. det blir ingen resa i sommar"),
    ("nb", "sa opp treningssenteret, det finnes ingen reise til Spania i år heller, for dyrt"),
    ("en", "told my boss i'm travelling but really i'm going to a job interview lol"),
    # a game paused, a week's rest
    ("en", "i wish i could pause the game and never unpause lol it's that good"),
    ("en", "i wish i could press pause on life for a week and go to the beach"),
    # an exam "killing" one, not joking
    ("en", "lol this exam will kill me\nnot even joking it's so hard"),
    ("nb", "matteprøven dreper meg lol\ntuller ikke engang, den er umulig"),
    # jumps asked ahead, or for fun
    ("en", "what do you do if someone on a bridge says they'll jump"),
    ("en", "the kids jump off the pier if anyone dares them, it's a summer thing"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), TRI37B_URGENT)
def test_tri37b_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, text: str, kind: str | None
) -> None:
    """A question owned, a suicide note, gone for good with one thing less, tired of
    pretending, burns wanted more, the quietest way to go, no trip, life paused, a laugh taken
    back and a jump threatened at a height. ``kind`` None: any urgent kind (a height is also
    someone in danger)."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "self", text))
    assert urgent, (text, reasons)
    if kind is not None:
        assert any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), TRI37B_NOT_URGENT)
def test_tri37b_near_misses_stay_not_urgent(directory: Directory, lang: str, text: str) -> None:
    """Farewell letters at work, a move out, a hobby pretended, kitchen burns, quiet routes, a
    trip called off, a game paused, an exam and jumps for fun."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, "self", text))
    assert not urgent, (text, reasons)
