"""Urgency mechanisms for the urgent conversations blind set 22 missed (branch tri23).

Set 22 is readable this round: each mechanism is a general way of saying a risk that it showed
the engine could not read, written here in our own words in sv, nb and en, checked to be missed
before by the concept rules alone (``model=None``), with calm near-misses in the same words
beside them that must stay not urgent (rules and model). Lines are separated by newlines; a
line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

B23_URGENT = [
    # dying or vanishing said to be what would be simplest or best, with no "om jag" / "if I"
    ("sv", "self", "ibland känns det som att bara sluta existera vore enklast", "suicide"),
    ("sv", "self", "att bara vara borta hade varit det bästa för alla", "suicide"),
    ("nb", "self", "å bare forsvinne hadde vært enklest for alle", "suicide"),
    ("nb", "self", "å bare sove bort hadde vært det enkleste", "suicide"),
    ("en", "self", "honestly just being gone would be easiest for everyone", "suicide"),
    ("en", "self", "vanishing for good would be best for all of them", "suicide"),
    # how good it would be to be spared, said of a euphemism for dying
    ("sv", "self", "jag har tänkt på det. det skulle vara så skönt att slippa.", "suicide"),
    ("nb", "self", "det hadde vært så deilig å få dø", "suicide"),
    ("en", "self", "it'd be so peaceful to be allowed to die", "suicide"),
    # indifference to one's own death, said as "if": a passive death wish
    ("sv", "self", "om jag blev påkörd imorgon skulle jag inte bli ledsen", "suicide"),
    ("sv", "self", "fick jag cancer skulle jag inte ha något emot det ärligt talat", "suicide"),
    ("nb", "self", "hvis jeg fikk hjerteinfarkt i natt hadde jeg ikke blitt lei meg",
     "suicide"),
    ("nb", "self", "om jeg døde i en ulykke ville jeg ikke hatt noe imot det", "suicide"),
    ("en", "self", "if i had a heart attack tomorrow i wouldn't be sad about it", "suicide"),
    ("en", "self", "i wouldn't mind dying in my sleep tonight tbh", "suicide"),
    # thinking of one's gun
    ("sv", "self", "har tänkt mycket på jaktgeväret i källaren på sistone", "suicide"),
    ("nb", "self", "jeg har grublet mye på hagla i våpenskapet i det siste. bare tanker",
     "suicide"),
    ("en", "self", "i keep thinking about the rifle in the closet lately", "suicide"),
    # the last holiday or birthday one will be part of
    ("sv", "self", "jag tror det här blir sista julen jag är med", "suicide"),
    ("nb", "self", "tror dette blir den siste bursdagen jeg feirer", "suicide"),
    ("en", "self", "this is going to be my final christmas i am here for", "suicide"),
    # a blade made ready, with an urge (or self-harm talk) beside it
    ("sv", "self", "har plockat fram rakbladen\nvet inte hur länge jag kan stå emot",
     "self_harm"),
    ("nb", "self", "har lagt frem barberbladet på vasken\nvet ikke hvor lenge jeg klarer å stå "
     "imot", "self_harm"),
    ("en", "self", "i have the razor blades laid out on my desk\ndon't know how long i can "
     "resist", "self_harm"),
    ("en", "self", "i'm in therapy for self harm\ni've got the scissors out on my bed",
     "self_harm"),
    # a body jerking all over with drinking stopped (a withdrawal seizure)
    ("sv", "professional", "jobbar på boende. en boende rycker i hela kroppen nu och svarar "
     "inte\nhan slutade dricka för tre dagar sedan", "medical"),
    ("nb", "relative", "pappa rykker i hele kroppen nå og svarer ikke\nhan sluttet å drikke på "
     "søndag", "medical"),
    ("en", "relative", "my brother is jerking all over on the floor now, not answering\nhe "
     "stopped drinking on monday", "medical"),
    # someone fallen outside in a snowstorm or a thin jacket
    ("sv", "relative", "grannen ramlade i snön och ligger kvar där ute\ndet är snöstorm nu",
     "third_party_danger"),
    ("nb", "professional", "en mann har falt ned i grøfta ved veien\nbare tynn jakke og det "
     "er snøstorm nå", "third_party_danger"),
    ("en", "relative", "my uncle fell down in the yard, he's lying there drunk\nthere's a "
     "blizzard out there", "third_party_danger"),
    # painkillers over the dose tonight with a drink "because it usually helps": the habit is
    # the remedy's, not the taking's
    ("sv", "self", "ikväll tog jag sex extra värktabletter och vin för att det brukar hjälpa\n"
     "nu är jag jättesnurrig och spyr", "overdose"),
    ("nb", "self", "i kveld tok jeg åtte ekstra paracet og øl fordi det pleier å hjelpe\n"
     "nå er jeg kjempesvimmel og sovner hele tiden", "overdose"),
    ("en", "self", "tonight i took lots of extra painkillers with vodka because it usually helps\n"
     "now i'm really drowsy and throwing up", "overdose"),
    # lines of a drug taken, with a small child in one's care: high now
    ("en", "self", "we did a couple of lines. i'm alone with my 2 year old", "child_at_risk"),
    ("nb", "self", "vi tok et par striper. er alene med toåringen min", "child_at_risk"),
    # not around much longer, with what for in between
    ("en", "self", "can someone take my dog? i wont be around to walk him much longer",
     "suicide"),
    # the visitor's own goodbye, then a staff member asking whether they are still there, with
    # no answer: the writer is the one who went silent
    ("sv", "self", "jag ville bara säga tack för allt. hej då\nstaff: Är du kvar? Var är du nu?",
     "goodbye"),
    ("sv", "self", "tack för att ni lyssnade. adjö\nstaff: Hallå, finns du kvar?", "goodbye"),
    ("nb", "self", "ville bare si takk for alt. ha det\nstaff: Er du der? Hvor er du nå?",
     "goodbye"),
    ("en", "self", "thanks for listening to me all these nights. goodbye\nstaff: Are you still "
     "there?", "goodbye"),
    # ... or after other lines, when the visitor's lines carry despair or a farewell
    ("sv", "self", "jag orkar inte mer\nstaff: Jag hör dig. Vill du berätta?\ntack för allt. adjö"
     "\nstaff: Är du kvar?", "goodbye"),
    ("en", "self", "i'm so tired of everything\nstaff: I'm here. Tell me more?\nthanks for "
     "listening. goodbye\nstaff: Are you still there?", "goodbye"),
    # an attempt told as the past, then wanted or thought of again now
    ("sv", "self", "för två år sen försökte jag ta livet av mig. nu vill jag det igen", "suicide"),
    ("sv", "self", "2019 försökte jag ta livet av mig. nu vill jag det igen", "suicide"),
    ("nb", "self", "for to år siden prøvde jeg å ta livet mitt. nå tenker jeg på det igjen",
     "suicide"),
    ("en", "self", "two years ago i tried to kill myself. now i want to again", "suicide"),
]

B23_NOT_URGENT = [
    # a goodbye after help, with no question whether the visitor is there, or answered
    ("sv", "self", "tack för hjälpen, nu ska jag ringa vårdcentralen. hej då\nstaff: Lycka till! "
     "Hör av dig igen om du vill."),
    ("sv", "self", "tack för allt. hej då\nstaff: Är du kvar?\njajamen, ska bara äta. hej"),
    # review: a chat that ended well, or a practical question answered, then staff checking
    ("sv", "self", "tack för hjälpen idag, nu vet jag vart jag ska ringa. hej då!\nstaff: Är du "
     "kvar?"),
    ("sv", "self", "hej har ni öppet på lördag?\nstaff: Ja, 12–16.\nok tack för allt, hejdå\n"
     "staff: Är du kvar?"),
    ("nb", "self", "takk for hjelpen, nå vet jeg hvor jeg skal ringe. ha det\nstaff: Er du der?"),
    ("en", "self", "where can i get help with drinking\nstaff: Alkoholhjälpen is a good start."
     "\nok thanks, bye!\nstaff: Are you still there?"),
    # an attempt told as the past, and something else wanted again now
    ("sv", "self", "för två år sen försökte jag ta livet av mig. nu vill jag börja plugga igen"),
    ("nb", "self", "for to år siden prøvde jeg å ta livet mitt. nå vil jeg begynne å studere "
     "igjen"),
    ("en", "self", "two years ago i tried to kill myself. now i want to go back to work again"),
    ("nb", "self", "takk for praten. ha det\nstaff: Ha en fin kveld, skriv gjerne igjen."),
    ("en", "self", "thanks, that helped. bye\nstaff: Take care, you can always write again."),
    # something other than dying said to be simplest or best
    ("sv", "self", "det vore enklast att ta bussen till jobbet"),
    ("nb", "self", "det hadde vært enklest å ta toget til Bergen"),
    ("en", "self", "it would be easiest for everyone if i just moved out"),
    # how good it would be to be spared something named, or to quit a job
    ("sv", "self", "det skulle vara så skönt att slippa laga mat ikväll"),
    ("nb", "self", "det hadde vært så godt å få slutte i den jobben"),
    ("en", "self", "it would be so nice to get away from it all for a week"),
    # not being sad about something else, or being sad about a death
    ("sv", "self", "om han flyttade skulle jag inte bli ledsen"),
    ("nb", "relative", "hvis pappa fikk hjerteinfarkt ville jeg blitt helt knust"),
    ("en", "self", "i wouldn't mind a new job to be honest"),
    # a remedy that usually helps, taken as prescribed, with no drink or drowsiness
    ("sv", "self", "tar en värktablett på kvällen för att det brukar hjälpa mot ryggen"),
    ("en", "self", "i take one painkiller at night because it usually helps my back"),
    # lines of a drug taken last year
    ("en", "self", "i did a couple of lines at a party last year. now i'm alone with my 2 year "
     "old and fine"),
    # a gun thought of as something else: selling, buying, the hunt
    ("sv", "self", "funderar på att köpa ett nytt jaktgevär till hösten"),
    # last christmas as the past
    ("nb", "self", "sist jul var jeg syk hele tiden"),
    ("en", "self", "last christmas i was sick the whole time"),
    # a blade laid out for shaving or sewing, without self-harm or an urge
    ("sv", "self", "har plockat fram rakhyveln och skummet, ska raka mig innan festen"),
    ("en", "self", "i got the scissors out to cut my fringe tonight"),
    # a jerking leg, a fall on a sunny day
    ("sv", "self", "benen rycker när jag ska somna, är det farligt?"),
    ("en", "relative", "my dad fell in the garden yesterday but he's fine, it was sunny"),
]


B23_NOT_URGENT_RULES = [
    # a gun to be sold or bought, a razor for shaving: the concept rules read no thought of
    # using it (the learnt model alone flags some of these, as it did before tri23)
    ("sv", "self", "vi har funderat på att sälja pappas gamla gevär"),
    ("nb", "self", "vi har tenkt å selge hagla etter jakta i høst"),
    ("en", "self", "been thinking about selling my old rifle to a neighbour"),
    ("en", "self", "we're thinking of selling the old shotgun after the hunting season"),
    ("nb", "self", "har tatt frem barberhøvelen for å barbere meg"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B23_URGENT)
def test_b23_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Dying said to be simplest, indifference to a fatal event, thinking of one's gun, the
    last christmas one is part of, a blade made ready with an urge, a body jerking all over
    after drinking stopped, someone fallen in a snowstorm, and the visitor's own goodbye left
    unanswered when staff ask whether they are still there."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), B23_NOT_URGENT)
def test_b23_near_misses_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Something else said to be simplest, sadness about another's death, a gun bought or
    sold, last christmas as the past, a blade for shaving or sewing, a jerking leg at night
    and a fall on a sunny day stay not urgent (rules and model)."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), B23_NOT_URGENT_RULES)
def test_b23_rules_read_no_risk_in_a_gun_sold_or_a_razor_for_shaving(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Thinking of selling a gun is no thought of it, and a razor taken out ("tatt frem",
    also an urge word) with no other urge or self-harm word is no blade made ready to cut."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)
