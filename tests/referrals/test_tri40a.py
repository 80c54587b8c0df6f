"""Urgency mechanisms and kinds for blind sets 35 BW and 36 BX's Swedish misses (branch tri40a).

The Swedish urgent misses of BW (short first messages) and BX (whole chats) told danger by
what surrounds it: standing at the railway tracks not knowing why, notes of how one would do
it found by a parent, whether drowning hurts "for a friend, no, for me", a nurse who knows
which doses would be enough and thinks of it, whether one may write here after hurting oneself
tonight, an old parent hit twice this week, a friend shaking beyond control after smoking a
drug, sleeping pills saved as "a way out", and the highest bridge looked up with no days ahead.
Their kinds: a razor at hand is self-harm, a fall with the head knocked is medical, not waking
after drink alone is medical, and the death talk of one now missing is third-party danger.

Each mechanism in our own words in sv, nb and en; urgent wordings with the concept rules alone
(``model=None``), calm near-misses with rules and model. Lines are separated by newlines; a
line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

TRI40A_URGENT = [
    # standing at the railway tracks, lost
    ("sv", "står vid tågspåret nere vid sjön. vet inte vad jag gör här", "suicide"),
    ("nb", "står ved togskinnene bak hallen. vet ikke hva jeg gjør her", "suicide"),
    ("en", "standing by the railway tracks near the depot. don't know what i'm doing here",
     "suicide"),
    # notes of how one would do it, found, and thought of all the time
    (
        "sv",
        "pappa läste mina anteckningar om hur jag skulle göra. han skriker och jag tänker "
        "ändå på det hela tiden", "suicide",
    ),
    (
        "nb",
        "kjæresten fant notatene mine om hvordan jeg skulle gjøre det. jeg tenker på det hele "
        "tiden", "suicide",
    ),
    ("en", "my sister read my notes on how i would do it. i think about it all the time",
     "suicide"),
    # does drowning hurt, asked for a friend and then for oneself
    ("sv", "gör det ont att drunkna? för en vän alltså. nej för mig", "suicide"),
    ("nb", "gjør det vondt å drukne? spør for en venn. nei, for meg", "suicide"),
    ("en", "does it hurt to drown? asking for a mate. no. for me", "suicide"),
    # a lethal dose known, and pondered
    (
        "sv",
        "är undersköterska och vet precis vilken dos som skulle räcka. tänker på det varje "
        "kväll nu", "suicide",
    ),
    (
        "nb",
        "jobber på apotek og vet hvilken dose som ville holde. tenker på det hele tiden nå",
        "suicide",
    ),
    ("en", "i work in a pharmacy and know which dose would be enough. i think about it a lot",
     "suicide"),
    # may one write here after hurting oneself, tonight
    ("sv", "får man skriva här om man har skadat sig själv\nalltså nu ikväll", "self_harm"),
    ("nb", "kan man skrive her om man har skadet seg selv\naltså nå i kveld", "self_harm"),
    ("en", "can you write here if you've hurt yourself\nlike tonight", "self_harm"),
    # an old parent hit this week
    ("sv", "Min dotter har slagit mig tre gånger den här veckan. Jag är 81.", "violence"),
    ("nb", "Sønnen min har slått meg to ganger denne uka. Jeg er 80.", "violence"),
    # shaking beyond control after smoking a drug
    (
        "sv",
        "min bror rökte spice nyss. nu skakar han helt okontrollerat på soffan", None,
    ),
    (
        "nb",
        "kompisen har røyka spice nettopp og nå rister han helt ukontrollert", None,
    ),
    ("en", "my mate just smoked spice and now he's shaking uncontrollably on the floor", None),
    # sleeping pills saved as a way out
    (
        "sv",
        "fick sömntabletter av läkaren\nhar sparat en massa av dem\nskönt att veta "
        "att det finns en utväg", "suicide",
    ),
    (
        "nb",
        "fikk sovetabletter av legen\nhar spart en del av dem\ngodt å vite at det finnes en "
        "utvei", "suicide",
    ),
    (
        "en",
        "my gp gave me sleeping pills\ni've saved a fair few of them\nnice to know there's a "
        "way out", "suicide",
    ),
    # the highest bridge looked up, with no days ahead, laughed at
    ("sv", "det finns inga kommande dagar. har googlat vilken bro som är högst här lol",
     "suicide"),
    ("nb", "det finnes ingen kommende dager. har sjekka hvilken bru som er høyest her lol",
     "suicide"),
    ("en", "there are no coming days. googled which bridge is the highest round here lol",
     "suicide"),
    # a friend missing after talk of not wanting to live
    (
        "sv",
        "min syster har varit försvunnen sen i morse efter att ha pratat om att inte vilja "
        "leva", "third_party_danger",
    ),
    (
        "nb",
        "broren min har vært forsvunnet siden i går etter å ha snakket om å ikke orke leve",
        "third_party_danger",
    ),
]

TRI40A_FIRST_KIND = [
    # a razor at hand with an urge now: self-harm first, not suicide
    ("sv", "sitter med ett rakblad i handen och suget är enormt just nu", "self_harm"),
    ("nb", "har et barberblad ved siden av meg og suget er så sterkt nå", "self_harm"),
    ("en", "got a razor next to me and the urge is so strong right now", "self_harm"),
    # ... but with an end wished beside it, suicide stays first
    ("sv", "ligger i badet med ett rakblad nu. vill att allt ska ta slut", "suicide"),
    # a fall with the head knocked, then not answering or vomiting: medical, no blow
    (
        "sv",
        "morfar har druckit ikväll\nhan ramlade i trappen och slog i huvudet. nu svarar han "
        "inte och blöder ur näsan", "medical",
    ),
    (
        "nb",
        "far har drukket\nhan datt i trappa og slo hodet, nå er han forvirret og kaster opp",
        "medical",
    ),
    (
        "en",
        "my uncle has been drinking\nhe fell on the ice and hit his head on the kerb. now "
        "he's confused and throwing up", "medical",
    ),
    # not waking after drink alone: medical, not overdose
    (
        "sv",
        "min man drack massor i går kväll\nhan vaknar inte när jag ruskar honom och andas "
        "konstigt", "medical",
    ),
    # one who talked of not living and is now gone: third-party danger, not suicide
    (
        "sv",
        "mamma har pratat om att hon inte orkar leva\nnu vet jag inte var hon är, hon gick ut "
        "i natt och har inte kommit hem", "third_party_danger",
    ),
    # a goodbye note from a grown son who does not answer: goodbye, not a child at risk
    (
        "sv",
        "jag är mamma till en 25-åring med missbruk\nhon lämnade en lapp i brevlådan idag: 'du "
        "har gjort allt du kunnat'. hon svarar inte i telefon", "goodbye",
    ),
]

TRI40A_CHILD_KIND = [
    # a child's drunk parent who has just driven off alone: the danger is on the road
    ("sv", "mamma har druckit hela kvällen och har precis åkt iväg med bilen",
     "third_party_danger"),
    ("nb", "pappa har drukket hele kvelden og nå tok han bilen", "third_party_danger"),
    # ... with a sibling in the car, or the child left alone, a child at risk still
    ("sv", "mamma har druckit och har precis kört iväg med lillasyster i bilen", "child_at_risk"),
    ("sv", "pappa har druckit och precis åkt iväg med bilen. jag är ensam hemma",
     "child_at_risk"),
]

TRI40A_NOT_URGENT = [
    # a traveller at the tracks
    "står vid tågspåret och väntar på pendeln till jobbet",
    # notes of how to do something named
    "mamma hittade mina anteckningar om hur jag skulle göra presentationen. tänker på det "
    "hela tiden",
    # a swimming teacher's question
    "gör det ont att simma med öronbarr?",
    # a nurse's dose for a treatment
    "jobbar som sjuksköterska och vet vilka doser som skulle räcka för att lindra smärtan",
    # hurt oneself in an accident, or a general question
    "min dotter skadade sig själv när hon ramlade från cykeln igår",
    "hur pratar man med en elev som skadar sig själv?",
    # laughing so hard one shakes
    "min kompis skrattade så hon skakade helt okontrollerat",
    # pills saved to hand back
    "fick sömntabletter av läkaren\nhar sparat en del av dem, ska lämna in dem på apoteket",
    # the highest bridge for a photo
    "har kollat vilken bro som är högst här i stan, ska fota utsikten i helgen lol",
    # a fall long over
    "ramlade på isen i förra veckan och slog i huvudet, mår bra nu",
    # a drink this week
    "har druckit lite för mycket den här veckan, vill dra ner",
]


@pytest.mark.parametrize(("lang", "text", "kind"), TRI40A_URGENT)
def test_tri40a_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, text: str, kind: str | None
) -> None:
    """Tracks, notes of how, drowning asked for oneself, a dose enough, hurting oneself
    tonight, hit this week, shaking after a drug, pills saved as a way out, the highest bridge,
    a friend missing after death talk."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "self", text))
    assert urgent, (text, reasons)
    if kind is not None:
        assert any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text", "kind"), TRI40A_FIRST_KIND)
def test_tri40a_first_kind(directory: Directory, lang: str, text: str, kind: str) -> None:
    """The engine's first kind: a razor is self-harm, a knocked head or drink alone medical,
    a missing person's death talk third-party danger."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "relative", text))
    assert urgent, (text, reasons)
    assert reasons[0].startswith(kind + ":"), (text, reasons)


@pytest.mark.parametrize(("lang", "text", "kind"), TRI40A_CHILD_KIND)
def test_tri40a_child_writer_first_kind(
    directory: Directory, lang: str, text: str, kind: str
) -> None:
    """A child's drunk parent driving off alone is third-party danger; with a child in the car
    or left alone, a child at risk."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "child", text))
    assert urgent, (text, reasons)
    assert reasons[0].startswith(kind + ":"), (text, reasons)


@pytest.mark.parametrize("text", TRI40A_NOT_URGENT)
def test_tri40a_near_misses_stay_not_urgent(directory: Directory, text: str) -> None:
    """A traveller at the tracks, notes for a talk, a dose for pain, an accident, a laugh,
    pills handed back, a bridge photographed, a fall over, a drink this week."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text("sv", "self", text))
    assert not urgent, (text, reasons)
