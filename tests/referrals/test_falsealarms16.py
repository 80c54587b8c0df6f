"""False alarms learnt from blind set 16 (branch fp16b): calm conversations that the engine
flagged urgent for a general reason. Each mechanism in wordings of our own (not the set's), each
checked to be flagged before, now not urgent with the shipped model; beside them alarming
wordings in the same words that must stay urgent by the concept rules alone (``model=None``).
Lines are separated by newlines; a line starting with "staff:" is a staff line.

The mechanisms: word sense ("banken" is the bank, not "banket"); the scope of past time (a short
clause that dates the sentence before it, a decade gone by, a war, a past told after "men");
professionals asking in general (a lesson, how to ask); quotes and jokes (a saying called his
humour, a death wish said over a lost game or written as a meme); negation scope (a denial
followed by "men" and someone else's view); a message its sender explained as a move; a body's
alarm that calmed down; a medicine refused or taken as a routine; self-harm over for years; the
idioms of death seen at work, of vanishing into a screen and of fearing to die in a panic.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine
from referrals.engine import _supported
from referrals.model import ModelVerdict

from .helpers import chat_text, rules_engine

CALM = [
    # (1) word sense: the bank is no beating
    ("sv", "self", "min sambo och jag måste gå till banken nu och prata om skulderna"),
    ("nb", "self", "kona og jeg må til banken nå for å snakke om gjelda"),
    ("en", "relative", "my husband and I are going to the bank now about the loan"),
    # (2) a short clause that only dates the sentence before it
    ("en", "self", "I took an overdose twice before I got sober. That was 2016. I work now and "
     "would like a peer group."),
    ("sv", "self", "Jag försökte ta livet av mig när jag var arbetslös. Det var 2012. Nu har jag "
     "jobb och vill prata med andra som varit där."),
    ("nb", "self", "i fengselet tenkte jeg på å dø hver dag. nå er det sju år siden, og jeg har "
     "jobb og familie"),
    # (2) a decade gone by
    ("sv", "relative", "min morbror försökte ta livet av sig på 90-talet, han har det bra nu. "
     "jag vill förstå mer om det"),
    ("nb", "relative", "onkelen min prøvde å ta livet sitt på 1990-tallet. han har det fint nå"),
    ("en", "relative", "my grandad tried to kill himself in the 70s. he is 85 now and I'm "
     "writing our family history"),
    # (2) a past told after "men" is that clause's own
    ("sv", "relative", "hon jobbar igen men när hon var som sämst för tre år sen försökte hon "
     "hoppa från en bro. finns det stöd för föräldrar?"),
    ("nb", "relative", "han studerer igjen, men da han var sykest for to år siden prøvde han å "
     "hoppe fra en bro. finnes det grupper for foreldre?"),
    ("en", "relative", "she is stable now but when she was at her worst two years ago she tried "
     "to jump from a bridge. are there groups for parents?"),
    # (2) in the war
    ("sv", "relative", "farmor säger att hon ville dö under kriget. nu vill hon berätta sin "
     "historia för barnbarnen"),
    ("nb", "relative", "bestefar sier at han ville dø under krigen. nå vil han fortelle "
     "historien sin"),
    ("en", "relative", "my grandmother says she wanted to die during the war. now she wants to "
     "tell her story"),
    # (3) professionals asking in general: a lesson, how to ask
    ("sv", "professional", "jag är lärare och planerar en lektion om självmordstankar för "
     "niorna. vad ska jag ta med?"),
    ("sv", "professional", "jag jobbar inom hemtjänsten. hur ska jag fråga en äldre om "
     "självmordstankar på ett varsamt sätt?"),
    ("nb", "professional", "jeg er helsefagarbeider. hvordan skal jeg spørre en beboer om "
     "selvmordstanker på en god måte?"),
    ("nb", "professional", "jeg er lærer og planlegger en time om selvmordstanker for "
     "tiendeklasse. hva bør jeg ta med?"),
    ("en", "professional", "I'm a youth worker planning a lesson on how to talk about suicide "
     "with teenagers. What should I include?"),
    # (4) a saying called his humour, just something she says
    ("sv", "relative", "farfar säger ofta 'när jag är död får ni sälja stugan'. Det är bara "
     "hans humor. Jag undrar mest hur vi får honom att sluta köra bil."),
    ("nb", "relative", "Mamma sier ofte 'den dagen jeg ikke kan gå på ski, kan dere skyte meg'. "
     "Det er bare noe hun sier. Hun er frisk."),
    ("en", "relative", "my mum says all the time 'when I'm dead you can fight over the house'. "
     "it's just her humour. she's 80 and fit."),
    # (4) a death wish said over a lost game, or written as a meme; a joking manner
    ("sv", "self", "'jag vill dö' skrev jag till min bror när Djurgården förlorade mot AIK igår. "
     "Han tog det på allvar. Var kan man prata om stress?"),
    ("nb", "self", "Jeg skrev 'nå hopper jeg fra brua' til kompisen da vi tapte i kortspill. Han "
     "ble redd, men jeg har det fint."),
    ("en", "self", "I texted my mate 'i want to die' when we lost the final on Sunday. now he's "
     "worried about me, I'm fine though"),
    ("sv", "professional", "ungdomarna på fritidsgården skriver 'jag vill dö' som ett meme hela "
     "tiden. hur bemöter vi det?"),
    ("en", "professional", "the kids on my discord server write 'i wanna kill myself' as a meme. "
     "how should our mods react?"),
    ("sv", "self", "jag har ett skämtsamt sätt och skrev 'nu hoppar jag från taket' när jobbet "
     "strulade. jag mår bra."),
    # (5) a denial, then "men" and someone else's view
    ("sv", "self", "Jag har inga tankar på att ta livet av mig, men min sambo tycker att jag "
     "borde prata med någon om stressen."),
    ("nb", "self", "Jeg vil ikke dø, men legen mener jeg bør snakke med noen om søvnen."),
    ("en", "self", "I have no thoughts of killing myself, but my wife thinks I should talk to "
     "someone."),
    # (6) a message its sender explained as a move
    ("sv", "relative", "Min syster skrev 'ta hand om hunden åt mig, jag är klar med allt' igår. "
     "Men hon ringde i morse, hon menade att hon ska flytta till Göteborg."),
    ("nb", "relative", "Broren min skrev 'ta vare på katten, jeg er ferdig med alt' i går. Han "
     "ringte i dag, han mente at han skal flytte til Bergen."),
    ("en", "relative", "my flatmate texted 'look after the cat for me, I'm done with everything' "
     "last night. she called this morning, she meant she's moving to Oslo"),
    # (7) a body's alarm that calmed down; the fear of dying in a nightmare
    ("sv", "self", "vaknade i natt av en mardröm, hjärtat rusade och jag trodde jag skulle dö. "
     "men det lugnade sig efter en stund. kan man få medicin mot mardrömmar?"),
    ("nb", "self", "våknet i natt av et mareritt, hjertet banket hardt og jeg trodde jeg skulle "
     "dø. men det roet seg etter en stund. kan legen gi meg medisin mot mareritt?"),
    ("en", "self", "woke up last night from a nightmare, my heart was racing and I thought I'd "
     "die. it calmed down after a while. can I get medication for nightmares?"),
    # (8) a medicine refused
    ("sv", "relative", "min dotter vägrar ta medicinen nu när hon mår bättre, hur kan vi prata "
     "med henne?"),
    ("nb", "relative", "sønnen vår nekter å ta medisinen nå som han føler seg bedre. hva kan vi "
     "gjøre?"),
    ("en", "relative", "my son refuses to take his medication now that he feels better. what "
     "can we do?"),
    # (9) whenever one takes one's own medicine: a routine
    ("sv", "self", "när jag tar min adhd-medicin med kaffe får jag hjärtklappning haha, ska jag "
     "prata med läkaren?"),
    ("nb", "self", "når jeg tar medisinen min med kaffe får jeg hjertebank haha, bør jeg si det "
     "til legen?"),
    ("en", "self", "when i take my ritalin with coffee my heart races a bit lol, should i "
     "mention it to my doctor?"),
    # (10) no self-harm for years
    ("sv", "self", "Jag har inte skadat mig själv på fyra år nu, men ärren på armarna syns. Går "
     "det att ta bort dem?"),
    ("nb", "self", "jeg har ikke skadet meg selv på tre år nå, men de gamle kuttene på armene "
     "synes. kan de fjernes?"),
    ("en", "self", "I haven't self-harmed in four years now, but you can still see the old cuts "
     "on my arms. can the scars be removed?"),
    # (11) death seen at work is others'
    ("sv", "self", "Jag var ambulanssjukvårdare i trettio år och har sett mycket död och ibland "
     "drömmer jag om det."),
    ("nb", "self", "Jeg har vært brannmann i tjue år og har sett mye død, og noen ganger drømmer "
     "jeg om det."),
    ("en", "self", "I'm a retired nurse, I've seen a lot of death and sometimes I dream about "
     "it. who can I talk to?"),
    # (11) vanishing into a screen, a game or a book
    ("nb", "relative", "Sønnen min sier ofte at han vil forsvinne inn i spillet. Han har sagt "
     "det i årevis."),
    ("sv", "relative", "Min bror säger ofta att han ska försvinna in i datorn. Det är en del av "
     "hans vanföreställningar och hans team vet om det."),
    ("en", "relative", "my brother often says he wants to disappear into his computer. it's "
     "part of his delusions, his team knows."),
]

URGENT = [
    # (1) beating, in the verb's own forms
    ("nb", "child", "faren min banket mamma i går kveld og nå er han full igjen", "violence"),
    ("nb", "self", "typen min banka meg i natt", "violence"),
    # (2) a past attempt and a wish or an act now
    ("en", "self", "I overdosed in 2018. Tonight I took 40 pills again.", "overdose"),
    ("nb", "self", "jeg tok en overdose i 2019. i kveld har jeg tatt 30 piller igjen", "overdose"),
    ("sv", "self", "försökte ta livet av mig 2012. nu vill jag dö igen", "suicide"),
    ("sv", "self", "det är fem år sedan nu. men jag vill fortfarande dö", "suicide"),
    ("nb", "relative", "han prøvde å ta livet sitt på 80-tallet, og nå sier han at han vil dø",
     "suicide"),
    ("sv", "relative", "han mår bättre men för två år sen försökte han hoppa från en bro, och "
     "igår sa han att han vill dö", "suicide"),
    ("en", "self", "I wanted to die during the war, and I want to die now", "suicide"),
    # (3) a professional telling of one client now
    ("sv", "professional", "jag jobbar som undersköterska. hur ska jag fråga en boende om "
     "självmordstankar? en av våra boende sa idag att hon vill dö", "suicide"),
    ("nb", "professional", "jeg er helsefagarbeider. en beboer sa i dag at han vil ta livet "
     "sitt, hvordan skal jeg spørre ham om det?", "suicide"),
    ("en", "professional", "I'm a teacher planning a lesson on suicide. one of my pupils told "
     "me today she wants to kill herself", "suicide"),
    # (4) a joke taken back, and then meant; a game lost and a wish now; a life lost to illness
    ("sv", "self", "'jag vill dö' sa jag när Luleå förlorade. men ärligt talat vill jag inte "
     "leva längre", "suicide"),
    ("nb", "self", "skrev 'vil dø' da vi tapte finalen. men ærlig talt har jeg lyst til å dø",
     "suicide"),
    ("en", "self", "i wrote 'i want to die' when we lost the match, but honestly i do want to "
     "die", "suicide"),
    ("sv", "self", "skrev 'jag vill dö' som ett meme men ärligt talat vill jag det på riktigt",
     "suicide"),
    ("en", "self", "we lost the final and i want to kill myself tonight", "suicide"),
    ("sv", "self", "pappa förlorade kampen mot cancern och nu vill jag dö", "suicide"),
    ("nb", "relative", "mamma sier ofte 'skyt meg'. det er bare noe hun sier\nmen nå har hun "
     "sluttet å spise og sier hun vil dø", "suicide"),
    # (5) a denial, then the writer's own "but"
    ("sv", "self", "Jag vill inte dö, men jag orkar inte mer", "suicide"),
    ("en", "self", "I don't want to kill myself but sometimes I think it would be easier",
     "suicide"),
    ("nb", "self", "jeg vil ikke dø egentlig\nmen jeg orker ikke mer", "suicide"),
    # (6) an explicit word beside the explanation; a goodbye and silence
    ("sv", "relative", "han skrev 'ta hand om katten, jag vill ta livet av mig' igår. han "
     "menade att han skulle flytta, säger han", "suicide"),
    ("sv", "relative", "min bror skrev 'ta hand om katten' igår kväll och nu svarar han inte",
     "goodbye"),
    # (7) calmed down, but pills were taken
    ("sv", "self", "tog 20 sömntabletter i natt, hjärtat rusade men det lugnade sig, nu är jag "
     "jättetrött", "overdose"),
    ("en", "self", "took a bunch of pills an hour ago, my heart raced but it calmed down. now "
     "my chest hurts and i cant breathe", "overdose"),
    # (8) a medicine refused, and pills taken
    ("sv", "relative", "han vägrar ta medicinen och har tagit 30 sömntabletter nu", "overdose"),
    ("en", "relative", "she stopped taking her meds and now she took 30 of her sleeping pills",
     "overdose"),
    # (9) not a routine: all of them now
    ("sv", "self", "tog alla mina ritalin nu med energidryck och hjärtat rusar", "overdose"),
    ("en", "self", "took like 10 of my ritalin just now with energy drinks and my heart is "
     "racing", "overdose"),
    # (10) over, then turned by "men" and a time now
    ("sv", "self", "har inte skadat mig själv på två år men ikväll har jag skurit mig igen",
     "self_harm"),
    ("en", "self", "i havent self harmed in a year but tonight i cut myself again", "self_harm"),
    ("sv", "self", "jag mår bra nu, men igår tänkte jag på att ta livet av mig", "suicide"),
    # (11) the writer's own wish beside the idioms
    ("sv", "self", "jag har sett mycket död i mitt jobb och nu vill jag själv dö", "suicide"),
    ("nb", "self", "jeg vil bare forsvinne for alltid", "suicide"),
    ("en", "self", "i just want to disappear and never come back", "suicide"),
]


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_b16_false_alarms_with_a_general_cause_are_gone(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """The bank, dated and past attempts, general questions, sayings and banter, others' view
    after a denial, an explained message, a calmed alarm, a refused or routine medicine,
    self-harm over for years, and idioms are not urgent (rules and model)."""
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text", "kind"), URGENT)
def test_b16_alarming_counter_examples_stay_urgent_by_the_rules(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """The same words with a risk now, one client now, or a joke turned serious stay urgent,
    by the concept rules alone."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


def test_a_learnt_violence_verdict_backed_only_by_a_saying_needs_a_time(
    engine: SuggestionEngine,
) -> None:
    """"Han säger att allt är bra" backs no learnt violence verdict by itself; a time beside
    the saying, or an act, still does."""
    verdict = ModelVerdict(0.7, "violence", ("tyst", "säger", "allt"), (0,))

    def supported(text: str) -> bool:
        return _supported(verdict, [engine._analyse(text)], [False], sure=False)

    assert not supported("pappa har blivit så tyst sen mamma dog. han säger att allt är bra")
    assert not supported("my dad has gone quiet since mum died. he says that everything is fine")
    assert supported("pappa säger att han kommer hem ikväll och då får vi se")
    assert supported("han knuffade mig i tisdags och säger att ingen kommer tro mig")
