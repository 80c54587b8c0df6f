"""Urgency mechanisms and kinds for blind sets 35 BW and 36 BX, Norwegian and English (tri40b).

The two sets hid urgent openers in thoughts "om" something carried all day and growing, a walk
in front of a train, death as the only thing looked forward to, no other way seen for it to
stop, nothing keeping one here with a dead wife's morphine at hand, slang for a father out of
it beside a small child, parents fighting with bangs and a scared child, no proper answer got
from someone lying in the cold, a medicine pack found empty beside drink and drowsiness, and an
urge to cut now after two clean years. Some findings had the wrong first kind: a writer at a
height, a teenager hitting herself, a blow to the wall by someone's head, a parent's last charge
with his phone off, a bus wished to hit one, someone lying drunk in the cold, a body shaking in
withdrawal. Each mechanism in our own words in sv, nb and en, with calm near-misses beside it
that must stay not urgent (rules and model). The urgent wordings are checked with the concept
rules alone (``model=None``); the kind cases check the first reason's kind. Lines are separated
by newlines.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

TRI40B_URGENT = [
    # thoughts "om" something, carried for a span or growing: "about", not "what if"
    ("nb", "self", "går med tanker om å ta livet mitt hele tiden nå, og de blir verre", "suicide"),
    ("sv", "self", "har burit på tankar om att ta livet av mig hela veckan", "suicide"),
    ("nb", "self", "har hatt tanker om å dø hele dagen i dag", "suicide"),
    # stepping or walking in front of a train or a vehicle, with a wish or a thought
    ("nb", "self", "vurderer å gå ut foran toget på vei hjem i kveld", "suicide"),
    ("sv", "self", "funderar på att kliva ut framför tåget imorgon bitti", "suicide"),
    ("en", "self", "i keep thinking about walking out in front of the bus tomorrow", "suicide"),
    # an ending looked forward to (the idiom "that died" no longer owns "that dying")
    ("en", "self", "is it weird that dying is all i look forward to these days", "suicide"),
    # no other way seen for it to stop, with death talk in the line
    ("en", "self", "i need it all to stop and i can't see another way for it to end", "suicide"),
    ("nb", "self", "jeg vil at alt skal ta slutt og ser ingen annen måte", "suicide"),
    ("sv", "self", "jag vill att allt ska ta slut och ser inget annat sätt", "suicide"),
    # nothing keeping one here, with the means at hand
    (
        "en", "self",
        "my husband died in may. there's nothing keeping me here now. his pills are still "
        "in the drawer", "suicide",
    ),
    (
        "nb", "self",
        "kona døde i fjor. det er ingenting som holder meg her lenger. har fortsatt "
        "tablettene hennes", "suicide",
    ),
    (
        "sv", "self",
        "frun dog i våras, inget som håller mig kvar längre. hennes tabletter ligger kvar i "
        "skåpet", "suicide",
    ),
    # a slang word for being wasted, beside a small child
    ("nb", "child", "mamma er helt kåla og broren min er bare 3", "child_at_risk"),
    # parents fighting now with bangs, or a child scared by the banging
    ("nb", "child", "mamma og pappa slåss nå, det dunker i veggen", "violence"),
    ("sv", "child", "mamma och pappa slåss nu och det smäller i köket, jag är så rädd", "violence"),
    ("en", "child", "mum and dad are fighting right now, there's banging downstairs. i'm scared",
     "violence"),
    # no proper answer got from someone lying in the cold
    (
        "en", "unknown",
        "a woman is lying by the bus stop, it's minus 15 and i can't get any response out "
        "of her", "third_party_danger",
    ),
    (
        "nb", "unknown",
        "en mann ligger på benken ute, det er minus 18 og jeg får ikke noe svar ut av ham",
        "third_party_danger",
    ),
    # a medicine pack found empty, with drowsiness or drink
    (
        "en", "relative",
        "dad's been on the wine since lunch\nhis sleeping pill packet is empty and he can "
        "barely keep his eyes open", "overdose",
    ),
    (
        "nb", "relative",
        "mor har drukket vin hele kvelden\nbrettet med sovetabletter er tomt og hun snøvler",
        "overdose",
    ),
    # an urge to cut now, after a streak of not doing it
    ("nb", "self", "har så sykt lyst til å kutte i kveld. har ikke gjort det på et år",
     "self_harm"),
    ("sv", "self", "har inte gjort det på ett år. men har så sjukt sug att skära ikväll",
     "self_harm"),
    ("en", "self", "i want to cut so badly tonight. haven't done it in a year", "self_harm"),
]

TRI40B_KINDS = [
    # the writer at a height, no one else named in its sentence: suicide
    ("en", "self", "my wife left me. standing on the roof of our block now. so calm up here",
     "suicide"),
    ("nb", "self", "sitter på taket på skolen nå. helt stille her", "suicide"),
    # ... someone else there: danger to a third party
    ("en", "relative", "my brother is on the roof of his building and won't talk to me",
     "third_party_danger"),
    # blows to oneself told of someone else: self-harm
    (
        "en", "relative",
        "my son (14) has been punching himself in the legs tonight till they bruised",
        "self_harm",
    ),
    ("nb", "relative", "datteren min har slått seg selv med en stekespade i kveld", "self_harm"),
    # a blow to the wall by someone's head, a threat: violence
    (
        "en", "self",
        "my partner hit the wall beside my face yesterday and said next time it won't be "
        "the wall", "violence",
    ),
    # a parent's last charge, and his phone off: a goodbye
    (
        "en", "relative",
        "my father texted me 'take care of your sister' an hour ago. now his phone is off",
        "goodbye",
    ),
    # a bus wished to hit one: suicide, not violence
    ("en", "self", "if a car hit me tonight i'd be relieved honestly", "suicide"),
    # someone lying drunk in the cold, not moving: danger to a third party
    (
        "en", "unknown",
        "a guy is lying outside the pub and not moving. stinks of booze. it's minus 12",
        "third_party_danger",
    ),
    # someone else's death talk, told by a relative: danger to a third party ...
    (
        "en", "relative",
        "my brother is driving around drunk right now and he said he would drive off a cliff",
        "third_party_danger",
    ),
    ("sv", "relative", "min kusin kör bil full nu och säger att hon ska köra in i ett träd",
     "third_party_danger"),
    # ... the writer's own beside it stays suicide
    ("en", "relative", "my brother drinks every night and honestly i want to die too", "suicide"),
    # a body shaking in withdrawal is no self-harm ("rister i" is not "ristar i")
    (
        "nb", "relative",
        "mor sluttet brått å drikke for to dager siden\nnå har hun kramper og rister i "
        "hele kroppen", "medical",
    ),
]

TRI40B_NOT_URGENT = [
    ("nb", "Jeg har ingen tanker om å ta livet mitt, men sorgen etter mora mi er tung"),
    ("sv", "jag har inga tankar om att ta livet av mig, men jobbet tär"),
    ("en", "i walked in front of the train to get a photo of the engine"),
    ("nb", "jeg gikk foran toget for å ta bilde av lokomotivet"),
    ("en", "my grandad who died in march always said he looked forward to the summers"),
    ("en", "i can't see any other way for the noise from the neighbours to stop than moving"),
    ("en", "nothing keeping me in york since the job ended, so i'm moving to leeds in june"),
    ("nb", "det er ingenting som holder meg i Bergen lenger, vurderer å flytte hjem"),
    ("nb", "mamma og pappa krangler nå igjen, så irriterende"),
    ("en", "my sister and i are fighting over the tv again lol"),
    ("en", "the medicine box is empty, need to go to the pharmacy tomorrow"),
    ("nb", "har snust i fem år. vil kutte. hvor får jeg hjelp?"),
    ("nb", "har ikke gjort det på to år og har det fint nå"),
    ("en", "i punched the wall next to my bed once when i was 16, silly"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), TRI40B_URGENT)
def test_tri40b_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Thoughts carried and growing, a train walked in front of, death looked forward to, no
    other way, nothing keeping one here, slang for wasted, parents fighting, no answer in the
    cold, a pack found empty, an urge to cut after clean years."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent, (text, reasons)
    assert any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text", "kind"), TRI40B_KINDS)
def test_tri40b_first_kind(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """The first reason names the kind the labelling rules give."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent, (text, reasons)
    assert reasons[0].startswith(kind + ":"), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), TRI40B_NOT_URGENT)
def test_tri40b_near_misses_stay_not_urgent(directory: Directory, lang: str, text: str) -> None:
    """Thoughts denied, a photo by the train, a move, a quarrel, a pack to refill, snus quit,
    a blow long ago."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, "self", text))
    assert not urgent, (text, reasons)
