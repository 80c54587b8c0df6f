"""Urgency mechanisms and kinds for blind sets 37 BZ and 38 CA/CB's Swedish misses (branch tri42a).

The Swedish urgent misses of BZ, CA and CB told danger by what surrounds it: a nurse counting
doses for herself, scared it does not scare her; not wanting to wake tomorrow, then "I don't
[get it] anymore" after a question, read as a risk over; the thoughts a therapist knows of back,
badly; a date set and a relief to have it; a relapse after years sober with a wish not to
exist; punishing oneself tonight with things laid out; a father drinking now who threatens a
blow for telling; a passive wish not to wake with only acting on it denied; a wife taken by the
throat told in inverted word order; a suicide joke that is no joke any more; packs of a
painkiller bought by a customer "for good"; the key of the gun cabinet on one after a gun
laughed off.

Each mechanism in our own words in sv, nb and en; urgent wordings with the concept rules alone
(``model=None``), calm near-twins with rules and model. Lines are separated by newlines; a
line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

TRI42A_URGENT = [
    # doses counted for oneself, unnerving
    ("sv", "jobbar på ett boende och räknar ut doser till mig själv på kvällarna. det skrämmer "
     "mig", "suicide"),
    ("nb", "jobber på sykehjem og har begynt å regne på doser til meg selv. det skremmer meg",
     "suicide"),
    ("en", "i'm a carer and i keep calculating the doses for myself at night. it scares me",
     "suicide"),
    # not wanting to wake, then a proform answer to one's own question
    ("sv", "jag vill inte vakna i morgon. förstår ni? jag gör inte det längre", "suicide"),
    ("nb", "vil ikke våkne i morgen. skjønner dere? jeg gjør ikke det lenger", "suicide"),
    # the thoughts back, badly
    ("sv", "psykologen sa att jag skulle ringa om tankarna kom tillbaka\nnu är tankarna "
     "tillbaka. ordentligt", "suicide"),
    ("nb", "tankene har kommet tilbake. skikkelig denne gangen", "suicide"),
    ("en", "told my counsellor i'd reach out if the thoughts came back. they're back now. "
     "badly", "suicide"),
    # a date set, and a relief
    ("sv", "jag har valt dagen. en lättnad faktiskt", "suicide"),
    ("nb", "jeg har bestemt dagen. det er nesten godt å ha noe å se fram til", "suicide"),
    ("en", "i've picked the date. it's almost a relief to have something to look forward to",
     "suicide"),
    # a relapse after years sober, not wanting to exist
    ("sv", "var nykter i fem år och nu ett återfall. vill inte finnas mer", "suicide"),
    ("nb", "edru i fire år og nå tilbakefall. vil ikke leve mer", "suicide"),
    ("en", "sober for three years and now a relapse. i don't want to be here anymore",
     "suicide"),
    # punishing oneself tonight, things laid out
    ("sv", "ska straffa mig själv i natt. har plockat fram allt i badrummet", "self_harm"),
    ("nb", "skal straffe meg selv i kveld igjen, har lagt fram tingene på badet", "self_harm"),
    ("en", "gonna punish myself again tonight, already laid everything out in the bathroom",
     "self_harm"),
    # a wife taken by the throat, told by the one who did it, with drink tonight
    ("sv", "igår tog han min syster om halsen. hon bor kvar där", "violence"),
    ("en", "last night i grabbed my girlfriend by the throat. she's still here", "violence"),
    # a suicide joke that is no joke any more
    ("sv", "jag har alltid skämtat om att ta livet av mig\ndet är inte kul längre", "suicide"),
    ("nb", "jeg har alltid tullet med at jeg skal ta livet mitt\ndet er ikke morsomt lenger",
     "suicide"),
    ("en", "i always joke that i'll kill myself\nit's not funny anymore", "suicide"),
    # packs bought by a customer "for good"
    ("sv", "jobbar i kassan. en kund köpte fyra förpackningar ipren och sa att nu räcker det "
     "för gott", "third_party_danger"),
    ("nb", "jobber på apotek. en kunde kjøpte tre pakker paracet og sa at nå holder det for "
     "godt", "third_party_danger"),
    ("en", "i work at a pharmacy. a customer bought three boxes of paracetamol and said this "
     "will do for good", "third_party_danger"),
    # the gun cabinet's key on one after a gun laughed off
    ("sv", "sa till polaren att jag kan ju ta geväret ut i skogen haha\nnyckeln till "
     "vapenskåpet har jag i fickan", "suicide"),
    ("nb", "sa til kona at jeg kan jo ta med hagla ut i skogen lol\nnøkkelen har jeg i lomma",
     "suicide"),
    ("en", "told my wife i could always take the rifle out to the woods lol\ngot the key "
     "in my pocket", "suicide"),
]

TRI42A_CHILD_KIND = [
    # a threat of a blow for telling, the father drinking now: a child at risk
    ("sv", "pappa säger att han ska slå mig om jag berättar. han har börjat dricka nu ikväll",
     "child_at_risk"),
    ("nb", "pappa sa han skal slå meg hvis jeg forteller det. han drikker nå", "child_at_risk"),
    ("en", "my dad says he'll hit me if i tell anyone. he's drinking now", "child_at_risk"),
]

TRI42A_PASSIVE = [
    # a passive wish not to wake, only acting on it denied
    ("sv", "Jag hoppas varje kväll att jag slipper vakna. Inte så att jag skulle göra något "
     "åt det. Men det vore skönt."),
    ("nb", "Håper hver kveld at jeg slipper å våkne. Ikke sånn at jeg ville gjort noe med det "
     "selv."),
    ("en", "I hope every night that I won't wake up. Not that I would do anything about it. "
     "But it would be a relief."),
]

TRI42A_NOT_URGENT = [
    # a nurse counting doses for patients
    "jobbar natt och räknar doser till patienterna i huvudet, det skrämmer mig hur trött jag är",
    # the thoughts of a named worry back
    "tankarna om jobbet har kommit tillbaka rejält sen semestern",
    "tankarna kom tillbaka förra vintern men nu mår jag bra",
    # a date set for a wedding
    "vi har bestämt datumet för bröllopet, skönt att ha något att se fram emot",
    # a sober time with no relapse
    "nykter i två år och inget återfall, vill fira det",
    # punishing oneself with guilt
    "jag straffar mig själv med dåligt samvete hela tiden",
    # a threat told long ago
    "när jag var liten sa pappa att han skulle slå mig om jag berättade. nu är han nykter",
    # a joke told as a joke
    "vi skämtade om att vi skulle dö av tristess på mötet haha",
    # packs bought, no end
    "en kund köpte tre förpackningar alvedon inför resan, sa att det räcker hela sommaren",
    # a hunter's key
    "jag jagar älg, nyckeln till vapenskåpet har jag alltid i fickan",
    # a proform answer after a question with no risk
    "röker du? jag gör inte det längre",
]


@pytest.mark.parametrize(("lang", "text", "kind"), TRI42A_URGENT)
def test_tri42a_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, text: str, kind: str
) -> None:
    """Doses counted for oneself, a wake denied then a proform answer, the thoughts back
    badly, a date with relief, a relapse, punishing oneself tonight, a throat grabbed, a joke no
    longer, packs bought for good, a gun cabinet's key after a gun laughed off."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "self", text))
    assert urgent, (text, reasons)
    assert any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text", "kind"), TRI42A_CHILD_KIND)
def test_tri42a_tell_threat_is_a_child_at_risk(
    directory: Directory, lang: str, text: str, kind: str
) -> None:
    """A father drinking now who threatens a blow for telling: a child at risk (a blow
    threatened now is also violence, listed first by the kinds' order)."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "child", text))
    assert urgent, (text, reasons)
    assert any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), TRI42A_PASSIVE)
def test_tri42a_acting_denied_keeps_a_passive_wish(
    directory: Directory, lang: str, text: str
) -> None:
    """"Not that I'd do anything about it" takes back no hope not to wake."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "self", text))
    assert urgent, (text, reasons)
    assert reasons[0].startswith("suicide:"), (text, reasons)


@pytest.mark.parametrize("text", TRI42A_NOT_URGENT)
def test_tri42a_near_misses_stay_not_urgent(directory: Directory, text: str) -> None:
    """Doses for patients, named worries back or over, a wedding date, no relapse, guilt, a
    threat in childhood, a joke, packs for a trip, a hunter's key, an answer about smoking."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text("sv", "self", text))
    assert not urgent, (text, reasons)


TRI42A_NOT_URGENT_NB_EN = [
    ("nb", "jobber natt og regner ut doser til pasientene, det skremmer meg hvor sliten jeg er"),
    ("nb", "vi har bestemt datoen for bryllupet, deilig å ha noe å se fram til"),
    ("nb", "edru i to år og ingen tilbakefall, vil feire det"),
    ("nb", "jeg straffer meg selv med dårlig samvittighet hele tiden"),
    ("nb", "en kunde kjøpte tre pakker paracet før ferien, sa det holder hele sommeren"),
    ("nb", "jeg jakter elg, nøkkelen til våpenskapet har jeg alltid i lomma"),
    ("nb", "røyker du? jeg gjør ikke det lenger"),
    ("en", "i work nights counting doses for the patients, it scares me how tired i am"),
    ("en", "the thoughts about work have come back badly since the holiday"),
    ("en", "we've set the date for the wedding, so nice to have something to look forward to"),
    ("en", "sober two years and no relapse, want to celebrate"),
    ("en", "a customer bought three boxes of paracetamol for the trip, said it will do for the "
     "summer"),
    ("en", "i hunt deer, the key to the gun safe is always in my pocket"),
    ("en", "do you smoke? i don't anymore"),
]


@pytest.mark.parametrize(("lang", "text"), TRI42A_NOT_URGENT_NB_EN)
def test_tri42a_near_misses_stay_not_urgent_nb_en(
    directory: Directory, lang: str, text: str
) -> None:
    """The same near-twins in Norwegian and English, with rules and model."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, "self", text))
    assert not urgent, (text, reasons)
