"""Urgency mechanisms learnt from blind set 16's urgent misses (branch tri16).

Each mechanism in wordings of our own (not the set's), checked to be missed before, by the
concept rules alone (``model=None``), with calm near-misses in the same words beside them that
must stay not urgent (rules and model). Lines are separated by newlines; a line starting with
"staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

B16_URGENT = [
    # doing what someone did who took their life, even long ago
    ("sv", "self", "jag gör som mamma gjorde\nstaff: Vad gjorde hon?\nhon hängde sig 1998",
     "suicide"),
    ("nb", "self", "bestefar hengte seg på låven i 1979\nnå gjør jeg som han gjorde", "suicide"),
    ("en", "self", "my uncle killed himself in 2009\ni think im going to do what he did",
     "suicide"),
    # the means made ready, with the act left unnamed or thought of
    ("sv", "self", "har lagt fram bältet på sängen. vet inte om jag vågar göra det", "suicide"),
    ("nb", "self", "har tatt fram reima. vet ikke om jeg klarer å gjøre det", "suicide"),
    ("en", "self", "ive laid out the belt on my bed. dont know if ill do it", "suicide"),
    # a goodbye that tells the chat to stop worrying
    ("sv", "self", "tack för allt ni gjort för mig. oroa er inte mer för mig. hejdå", "suicide"),
    ("nb", "self", "takk for alt. ikke tenk mer på meg. ha det", "suicide"),
    ("en", "self", "thank you for everything. dont worry about me anymore. goodbye", "suicide"),
    # lithium with confusion, a tremor or unsteadiness after losing fluid
    ("sv", "relative", "pappa äter litium och har kräkts sen i söndags. nu är han förvirrad "
     "och darrar", "medical"),
    ("nb", "relative", "mora mi bruker litium, har hatt omgangssyke i to dager og nå er hun "
     "forvirra og går ustøtt", "medical"),
    ("en", "relative", "my wife takes lithium, she had a stomach bug all week and now shes "
     "confused and wobbly", "medical"),
    # withdrawal: stopped days ago, seeing things now
    ("sv", "self", "har druckit varje dag i ett år, slutade i förrgår. nu ser jag saker som inte "
     "är där", "medical"),
    ("nb", "self", "drakk hver dag hele høsten, stoppet for tre dager siden. nå ser jeg ting som "
     "ikke er der", "medical"),
    ("en", "self", "been drinking every day for months, quit yesterday. now im shaking and seeing "
     "stuff that isnt there", "medical"),
    # reading up on ways to die
    ("en", "self", "been reading up on ways to die all week", "suicide"),
    ("sv", "self", "har läst på om olika sätt att dö hela kvällen", "suicide"),
    ("nb", "self", "har lest meg opp på måter å dø på i flere netter nå", "suicide"),
    # voices that tell someone to harm themselves, tonight
    ("sv", "relative", "min bror har psykos och hör röster. ikväll säger rösterna åt honom att "
     "skada sig", "third_party_danger"),
    ("nb", "relative", "samboeren min er psykotisk og hører stemmer. i natt sier han at "
     "stemmene ber ham om å skade seg", "third_party_danger"),
    ("en", "relative", "my flatmate is psychotic, tonight the voices are telling her to hurt "
     "herself",
     "third_party_danger"),
    # a stimulant taken, a tight chest and a numb left arm ("rn": right now)
    ("en", "self", "took two of my mates adderall for the exam. my chest is tight and my left "
     "arm feels numb rn", "overdose"),
    ("sv", "self", "tog ett par piller modafinil för att plugga, nu känns bröstet trångt och "
     "vänster arm domnar", "overdose"),
    ("nb", "self", "tok noen piller for å holde meg våken, nå er brystet trangt og venstre arm "
     "prikker", "overdose"),
    # driving drunk right now
    ("en", "relative", "my mate is driving home drunk rn on the motorway", "third_party_danger"),
    # drunk since a day gone by, a small child there
    ("sv", "relative", "min syster har varit full sen i fredags och hennes tvååring är hemma med "
     "henne", "child_at_risk"),
    ("nb", "relative", "broren min har vært full siden fredag og toåringen hans er der",
     "child_at_risk"),
    ("en", "relative", "my parents have been drunk since saturday and their toddler is there",
     "child_at_risk"),
    # leaving life as one logs out of an app
    ("sv", "self", "ibland vill jag bara checka ut från livet", "suicide"),
    ("nb", "self", "vil bare logge ut av livet", "suicide"),
    ("en", "self", "honestly i just want to log out of life", "suicide"),
    # a threat to stab, from a partner, last night
    ("sv", "self", "sambon sa igår kväll att han ska knivhugga mig om jag går", "violence"),
    ("nb", "self", "kjæresten min sa i går kveld at hun skal knivstikke meg", "violence"),
    ("en", "self", "my bf said last night he'll stab me if i leave", "violence"),
]

B16_NOT_URGENT = [
    # doing what someone did: something else, or not imitating it
    ("sv", "self", "jag gör som min far gjorde, jobbar i skogen och jagar på hösten"),
    ("en", "self", "i do what my dad did every sunday, we go fishing"),
    ("nb", "self", "morfar tok livet sitt da mamma var liten, jeg vil ikke gjøre som han gjorde"),
    ("sv", "self", "pappa tog livet av sig när jag var liten. jag gör som mamma gjorde och pratar "
     "om det"),
    # laid out for a wedding or the week
    ("sv", "self", "har lagt fram bältet och kavajen till bröllopet imorgon"),
    ("nb", "self", "la fram vitaminene for hele uka i dosetten"),
    ("en", "self", "laid out the belt and the suit for the wedding, should i wear a tie?"),
    # don't worry, with no goodbye, or fine
    ("nb", "self", "takk for hjelpen i dag. ikke bekymre dere mer for meg, jeg har fått time hos "
     "psykologen"),
    ("sv", "self", "oroa dig inte för mig, jag har det bra. hejdå"),
    # lithium, calm
    ("sv", "self", "jag har tagit litium i tio år, händerna darrar lite ibland men det är inget "
     "nytt"),
    ("en", "relative", "is it safe to take lithium with a stomach bug? asking for my mum, she is "
     "fine"),
    ("sv", "self", "tar litium, har lite magsjuka och känner mig darrig, ska jag hoppa över en "
     "dos?"),
    ("nb", "relative", "sønnen min bruker litium og hadde omgangssyke i forrige uke, nå er han "
     "frisk igjen"),
    # withdrawal told as past
    ("sv", "self", "för två år sen slutade jag dricka och såg saker som inte fanns, jag är nykter "
     "sen dess"),
    ("en", "self", "when i quit drinking three years ago i saw things that werent there. sober "
     "since, doing well"),
    # research for a thesis
    ("en", "self", "im researching ways to die in victorian novels for my thesis"),
    # voices told of the past, and well now
    ("en", "relative", "my son had voices telling him to hurt himself years ago, he has been well "
     "on medication since 2019"),
    ("sv", "relative", "han hörde röster som sa åt honom att skada sig när han var sjuk förra "
     "året, nu mår han bra"),
    # a racing heart after coffee, no chest pain; an arm slept on
    ("en", "self", "my heart races a bit after my morning coffee, no chest pain, is that normal?"),
    ("sv", "self", "får lite hjärtklappning av kaffe ibland men inget ont i bröstet"),
    ("en", "self", "my left arm is numb from sleeping on it lol"),
    # a drunk driver told of last year
    ("en", "relative", "my friend drove drunk at 140 last year and said he didnt care if he "
     "crashed. he is sober now, how do i talk to him about it?"),
    # drunk once, sober since
    ("sv", "relative", "mamma var full i fredags men har varit nykter sen dess, lillebror är hos "
     "mormor"),
    # logging out of an app, or off for a while
    ("sv", "self", "vill logga ut från instagram en stund och plugga"),
    ("sv", "self", "ska logga ut från livet ett tag och åka till stugan utan mobil"),
    ("en", "self", "i want to log off from life for a week and go camping"),
    # a stab named as a joke
    ("en", "self", "my bf jokes he'll stab me if i eat his fries lol"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B16_URGENT)
def test_b16_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Imitating a suicide told, the means made ready, a goodbye that tells the chat to stop
    worrying, lithium poisoning, recent withdrawal, reading up on ways to die, voices that tell
    someone to harm, a tight chest after a stimulant, "rn", drunk since a day, logging out of
    life, and a threat to stab."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), B16_NOT_URGENT)
def test_b16_near_misses_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """The same words about something else, told as the past, habitual, for a while, or with
    the writer fine stay not urgent (rules and model)."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)
