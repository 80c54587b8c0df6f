"""False alarms of blind set 22 with a general cause (branch fp22).

Set 22 was not read for this branch (its figures only): each mechanism is in wordings of our
own, flagged before, beside alarming wordings in the same words that stay urgent by the concept
rules alone (``model=None``). Lines are separated by newlines; a line starting with "staff:" is
a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

CALM = [
    # a habit of violence or a span of it, with no time of its own: the "now" of another
    # sentence (where the writer is, where he lives) does not time it
    ("sv", "relative", "pappa slår mamma när han dricker. nu sitter jag på jobbet och tänker på "
     "det"),
    ("en", "child", "dad hits mum when he drinks. right now i'm at school wondering what to do"),
    ("en", "relative", "my brother hits his wife sometimes when he's drunk. i've just moved to "
     "a new town now"),
    ("nb", "relative", "broren min slår kona si når han er full. nå har jeg flyttet til en ny by"),
    ("sv", "self", "min exman slog mig under 8 år. nu bor han i Norge och vi har ingen kontakt"),
    ("nb", "self", "han slo meg i ti år. nå bor han i Bergen og vi har ingen kontakt"),
    ("en", "self", "my ex hit me for eight years. he lives in Spain now and we have no contact"),
    # a shared life that is over dates what happened in it
    ("sv", "self", "när vi bodde ihop slog han mig. nu bor jag själv och vill prata om det"),
    ("nb", "self", "da vi bodde sammen slo han meg. nå bor jeg alene og vil snakke om det"),
    ("en", "self", "when we lived together he hit me. now i live alone and want to talk about it"),
    # a threat of a consequence that is no violence: debt collection, eviction, divorce
    ("sv", "self", "inkasso hotar med kronofogden nu och jag vet inte hur jag ska betala hyran"),
    ("nb", "self", "banken truer med inkasso nå og jeg vet ikke hvordan jeg skal betale"),
    ("en", "self", "the bank is threatening to repossess the house now and i can't pay"),
    ("sv", "self", "hyresvärden hotar att vräka oss nu, vi ligger efter med hyran"),
    ("en", "self", "my landlord is threatening to evict us now, we're behind on rent"),
    ("sv", "relative", "min man hotar med skilsmässa nu om jag inte slutar spela"),
    ("nb", "relative", "kona truer med å gå fra meg nå på grunn av spillegjelden"),
    ("en", "relative", "my wife is threatening to leave me now because of my gambling debts"),
    # a hotel is no threat ("hot*")
    ("sv", "self", "vi bor på hotell nu efter branden och pengarna räcker inte"),
    ("nb", "self", "vi bor på hotell nå etter brannen og pengene strekker ikke til"),
    ("en", "self", "i'm staying at a hotel now after the divorce and money is tight"),
    # money to pay back, and "we'll see whether", are no threats
    ("sv", "relative", "min bror ska få betala tillbaka lånet nu, han har spelat bort allt"),
    ("sv", "self", "jag ska få se nu om jag får jobbet"),
    # "slå" and blows that strike no one: a bet, a loan jumped at, accounts merged, a set
    # switched off, a record, a game won, a thought
    ("sv", "self", "min sambo slog vad om 5000 på travet igår, nu har vi inga pengar"),
    ("sv", "self", "pappa slog till på ett lån igår, nu har han 300 000 i skulder"),
    ("sv", "self", "min fru slog ihop våra konton igår och nu ser jag alla skulder"),
    ("nb", "self", "jeg slo sammen kontoene våre i går og nå ser jeg all gjelda"),
    ("nb", "self", "kona slo av tv-en i går og sa at vi må snakke om gjelda"),
    ("sv", "self", "han slår alla rekord i spelande nu"),
    ("sv", "self", "min man slog mig i poker ikväll och nu vill han ha pengarna"),
    ("nb", "self", "mannen min slo meg i poker i kveld og nå vil han ha pengene"),
    ("en", "self", "my husband beat me at poker tonight and now he wants the money i owe him"),
    ("en", "self", "it hit me tonight how much debt we have"),
    ("en", "self", "he hit rock bottom tonight after losing the house money"),
    # things sold or given up to pay debts: money, no farewell
    ("sv", "self", "jag har sålt allt och sagt upp lägenheten för att betala spelskulderna. vad "
     "gör jag nu?"),
    ("nb", "self", "jeg har solgt alt og sagt opp leiligheten for å betale gjelda. hva gjør jeg "
     "nå?"),
    ("en", "self", "i sold everything and cancelled the flat to pay off my debts. what now?"),
    # a yes to a staff question that the answer dates in the past and says is over
    ("sv", "self", "pengarna räcker inte och jag mår dåligt\nstaff: Har du haft tankar på att ta "
     "ditt liv?\nja för många år sedan, men inte nu. nu vill jag bara ha hjälp med en budget"),
    ("nb", "self", "pengene strekker ikke til og jeg har det vondt\nstaff: Har du hatt tanker om "
     "å ta livet ditt?\nja for mange år siden, men ikke nå. nå vil jeg bare ha hjelp med "
     "budsjett"),
    ("en", "self", "money is tight and i feel low\nstaff: Do you ever have thoughts of ending "
     "your life?\nyes years ago, but not now. now i just want help with a budget"),
    # a death taken for granted, and a wish about what comes after it; how a will is written
    ("sv", "self", "när jag dör vill jag att barnen ärver huset och inte min sambo. hur skriver "
     "man testamente?"),
    ("nb", "self", "når jeg dør vil jeg at barna skal arve huset. hvordan skriver man "
     "testament?"),
    ("en", "self", "when i die i want my kids to inherit the house, not my partner. how do i "
     "write a will?"),
    ("sv", "relative", "pappa säger alltid att när han dör vill han bli begraven vid sjön. han "
     "dricker mycket, hur tar jag upp det?"),
    ("sv", "self", "om jag dör före min fru vill jag att hon ska klara sig ekonomiskt. vad ska "
     "jag tänka på?"),
    ("en", "self", "i'm 70. if i die before my wife i want her to be ok financially. what "
     "should i think about?"),
    # a life insurance taken out, cancelled or compared, in a chat about debts: a product
    ("sv", "self", "jag har skulder hos kronofogden. banken vill att jag tecknar en "
     "livförsäkring till bolånet, är det smart?"),
    ("nb", "self", "vi har spillegjeld og sa opp livsforsikringen for å spare penger. hvordan "
     "lager vi budsjett?"),
]


URGENT = [
    # a habit with a time of its own, a last time, or an act now
    ("sv", "child", "storebror slår mig ofta. ikväll slog han mig igen", "violence"),
    ("sv", "self", "han slår mig ofta\nsenast i förrgår", "violence"),
    ("en", "child", "dad hits mum when he drinks and he's hitting her right now", "violence"),
    ("nb", "child", "pappa slår mamma når han drikker. nå slår han henne igjen", "violence"),
    ("en", "self", "he has hit me for years and tonight he said he will kill me", "violence"),
    ("sv", "self", "han slår mig varje helg och ikväll kommer han hem full, jag är rädd",
     "violence"),
    # a shared life now, and an act tonight
    ("sv", "self", "vi bor ihop och han slog mig nu ikväll", "violence"),
    ("en", "self", "when we were married he hit me. tonight he came to my flat and hit me again",
     "violence"),
    # threats of violence stay threats
    ("sv", "self", "han hotar med kniv nu och jag har låst in mig", "violence"),
    ("sv", "self", "min man hotar att döda mig ikväll", "violence"),
    ("nb", "self", "han truer med å drepe meg i kveld", "violence"),
    ("en", "self", "my husband is threatening me with a knife now", "violence"),
    ("sv", "self", "han sa att jag ska få betala för det här ikväll, han är full och arg",
     "violence"),
    # a threat to take one's life is no consequence of money
    ("sv", "relative", "min bror hotar att ta livet av sig nu", "suicide"),
    ("nb", "relative", "broren min truer med å ta livet sitt nå", "suicide"),
    # blows that strike someone
    ("sv", "self", "min man slog mig ikväll när han förlorade på poker", "violence"),
    ("nb", "self", "mannen min slo meg i kveld da han tapte i poker", "violence"),
    ("en", "self", "my husband beat me tonight after he lost at poker", "violence"),
    ("en", "self", "he hit me tonight because i lost the money", "violence"),
    ("sv", "self", "han slog till mig ikväll för att jag inte gav honom pengarna", "violence"),
    # things given away with no debt to pay, beside a word of not needing them
    ("sv", "self", "jag har sålt allt och gett bort katten. jag kommer inte behöva något där jag "
     "ska", "suicide"),
    # a yes not dated in the past, or a past one that comes back now
    ("sv", "self", "allt är kaos med skulderna\nstaff: Har du tankar på att ta ditt liv?\nja, "
     "men inte nu", "suicide"),
    ("sv", "self", "allt är kaos med skulderna\nstaff: Har du tankar på att ta ditt liv?\nja "
     "för många år sedan och nu igen ikväll", "suicide"),
    ("en", "self", "money is tight and i feel low\nstaff: Do you ever have thoughts of ending "
     "your life?\nyes years ago and again tonight, i have the pills here", "suicide"),
    # a wish to die beside the arrangements for after it
    ("sv", "self", "när jag dör vill jag att ni vet att det inte var ert fel. jag vill dö "
     "ikväll", "suicide"),
    ("en", "self", "i want to die. when i die i want my cat to go to my sister", "suicide"),
    ("nb", "self", "jeg vil dø. når jeg dør skal katten til søsteren min", "suicide"),
    ("sv", "self", "jag har skrivit testamente och avskedsbrev, när jag dör ska katten till "
     "mamma", "suicide"),
    # a life insurance that would pay, in a chat about debts, or checked to pay out
    ("sv", "self", "jag har spelskulder på 400 000. livförsäkringen skulle lösa allt för "
     "familjen", "suicide"),
    ("en", "self", "gambling debts everywhere. at least my life insurance would pay off the "
     "house", "suicide"),
    ("nb", "self", "spillegjelda er enorm. livsforsikringen ville ordnet alt for familien",
     "suicide"),
    ("sv", "self", "jag har spelskulder. har kollat att livförsäkringen betalar ut, premien är "
     "betald", "suicide"),
    # fleeing to a hotel after violence
    ("en", "self", "we fled to a hotel tonight because he hit me and threatened to kill us",
     "violence"),
]


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_b22_false_alarms_with_a_general_cause_are_gone(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """A habit or a span of violence with no time of its own, a shared life that is over,
    threats of debt collection, eviction or divorce, a hotel, money to pay back, "we'll see
    whether", "slå" and blows that strike no one ("slog vad", "beat me at poker"), things sold
    to pay debts, a yes to a staff question dated in the past and over, arrangements for after
    one's death and a life insurance as a product are not urgent (rules and model)."""
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text", "kind"), URGENT)
def test_b22_alarming_counter_examples_stay_urgent_by_the_rules(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """The same words with a risk now stay urgent, by the concept rules alone."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)
