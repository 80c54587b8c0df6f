"""Urgency mechanisms learnt from blind set 14's misses and set 13's last ones (branch tri14u).

Each mechanism in wordings of our own (not the set's), by the concept rules alone
(``model=None``), with alarming wordings that must stay not urgent beside them. Lines are
separated by newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

B14_URGENT = [
    # a seizure or delirium now after stopping drink or sedatives abruptly
    ("en", "relative", "my uncle quit the booze cold turkey on friday and he's just had a "
     "seizure in the hallway", "medical"),
    ("sv", "relative", "morfar slutade med sina sömnpiller tvärt för fyra dagar sen. nu "
     "hallucinerar han och ser spindlar överallt", "medical"),
    ("nb", "relative", "samboeren min sluttet å drikke brått på lørdag, nå fikk han et "
     "krampeanfall på badet", "medical"),
    # blood coughed or thrown up, now or tonight
    ("sv", "relative", "farsan kräks blod nu, han har druckit hela veckan", "medical"),
    ("nb", "self", "jeg har hostet opp blod i kveld og det slutter ikke", "medical"),
    ("en", "relative", "my flatmate is coughing up blood right now and looks grey", "medical"),
    # a drunk driver who has just set off
    ("sv", "relative", "min granne är full och körde iväg med bilen nyss", "third_party_danger"),
    ("en", "relative", "my stepdad is hammered and just drove off in the van with the trailer",
     "third_party_danger"),
    ("nb", "relative", "onkelen min er full og kjørte avgårde med traktoren nå",
     "third_party_danger"),
    # acute psychosis and going into the water
    ("en", "relative", "my sister is psychotic and says she will swim out to the island "
     "tonight", "third_party_danger"),
    ("sv", "relative", "min son är psykotisk och säger att han ska simma över sjön nu",
     "third_party_danger"),
    ("nb", "relative", "broren min er psykotisk og vil svømme over fjorden i natt",
     "third_party_danger"),
    # one's own skin scratched or torn open
    ("sv", "self", "jag har rivit upp armen med en nål ikväll", "self_harm"),
    ("nb", "self", "eg har rispet opp armene med ein nål i natt", "self_harm"),
    ("en", "self", "i scratched my arms raw with a pin again tonight", "self_harm"),
    ("en", "self", "i clawed up my thigh with my nails tonight", "self_harm"),
    # a farewell formula and someone who does not answer
    ("sv", "relative", "min bror skrev 'vi ses på andra sidan' på snap\nhan svarar inte",
     "goodbye"),
    ("en", "relative", "my mate texted 'see you on the other side mate' at 2am\nhe's not "
     "picking up", "goodbye"),
    # "you'll be rid of me" with someone who does not answer or is worn out
    ("nb", "relative", "venninna mi skrev 'snart blir dere kvitt meg'\nhun svarer ikke på "
     "telefonen", "suicide"),
    ("en", "self", "soon you'll all be rid of me. i'm so tired of everything", "suicide"),
    # a laugh others wrote is not the writer's take-back
    ("sv", "relative", "kompisen skrev 'snart är ni av med mig' i chatten, de andra skriver "
     "bara haha\nhon svarar inte", "suicide"),
    # "I don't want to kill myself, but ...": ambivalence
    ("en", "self", "i don't really want to kill myself but i keep looking up methods",
     "suicide"),
    ("sv", "self", "jag vill inte ta livet av mig men jag har inget kvar", "suicide"),
    ("nb", "self", "jeg vil egentlig ikke ta livet mitt, men jeg vet ikke lenger", "suicide"),
    # the one who threatened with a weapon says it was a joke
    ("sv", "self", "igår höll min sambo en kniv mot min hals. idag sa han att det var ett "
     "skämt", "violence"),
    ("en", "self", "my husband held a knife to my throat last night. today he says it was a "
     "joke", "violence"),
    # a debt to dealers, a threat to the family's home, and a time
    ("sv", "relative", "min bror är skyldig pengar till langare och de skickade en bild på "
     "hans mammas hus. de säger ikväll", "third_party_danger"),
    ("en", "relative", "my cousin owes money to a gang and they know where his kids live. "
     "they're coming tonight", "third_party_danger"),
    # an answer that leaves itself to be seen ("du fattar nog") to a question about pills saved
    ("sv", "self", "inget hjälper mot värken längre\nstaff: Vad tänker du göra med "
     "tabletterna du sparar?\ndu förstår nog", "suicide"),
    ("en", "self", "nothing helps anymore\nstaff: What are you planning to do with the pills "
     "you are saving?\nyou know", "suicide"),
]

B13_URGENT = [
    # someone lying there who does not react, in the cold (blind set 13)
    ("sv", "relative", "en kvinna ligger vid busshållplatsen och reagerar inte\ndet är minus 15",
     "third_party_danger"),
    ("en", "relative", "there's a guy lying in the snow outside the station, he's not "
     "responding", "third_party_danger"),
    ("nb", "relative", "det ligger ei dame på isen utenfor butikken, hun reagerer ikke",
     "third_party_danger"),
    # sitting on the edge of a balcony or a roof
    ("sv", "relative", "min kompis sitter på takkanten nu och pratar konstigt",
     "third_party_danger"),
    ("nb", "relative", "naboen min sitter på balkongkanten i fjerde etasje og er full",
     "third_party_danger"),
    ("en", "relative", "my friend is sitting on the ledge of the roof terrace right now",
     "third_party_danger"),
    # a parent smoking a drug off foil, a child there
    ("en", "child", "im 12, mum and her boyfriend are smoking something off foil in the "
     "kitchen and my baby sister is here", "child_at_risk"),
    ("nb", "child", "er 13. pappa røyker noe fra folie på stua nå og lillebror er hjemme",
     "child_at_risk"),
    ("sv", "child", "jag är 11. mamma röker nåt på folie i köket och min lillasyster är här",
     "child_at_risk"),
    # a negation of knowing does not reach what is not known
    ("nb", "self", "pappa vet ikke at jeg kutter meg, og jeg vil gjøre det i kveld igjen",
     "self_harm"),
    ("sv", "self", "mamma vet inte att jag skär mig. jag vill göra det ikväll igen",
     "self_harm"),
    ("en", "self", "nobody knows i cut myself and i want to do it again tonight", "self_harm"),
]

B14_NOT_URGENT = [
    # quitting smoking, a tremor, a seizure told as the past
    ("en", "self", "i quit smoking cold turkey last week and i'm so irritable now"),
    ("sv", "relative", "pappa slutade dricka förra året och mår bra nu, han skakade lite i "
     "början"),
    ("nb", "relative", "sønnen min har epilepsi og fikk et anfall for to år siden, hvordan "
     "snakker jeg med skolen?"),
    # blood coughed up long ago, a nosebleed
    ("sv", "self", "hostade blod när jag hade lunginflammation för tre år sedan, nu röker jag "
     "igen och är orolig"),
    # driving sober; a drunk man who took a taxi; a sober adult who drove the children home
    ("en", "relative", "my uncle got drunk at the wedding, but my aunt never drinks and she "
     "drove us home just now"),
    ("en", "relative", "my dad drove off to work this morning, he has not drunk in years"),
    ("nb", "relative", "faren min var full i går men tok taxi hjem"),
    # swimming as sport; psychosis over
    ("sv", "self", "ska simma över sjön i sommar med klubben"),
    ("en", "relative", "my brother had a psychosis in 2019, today he swims across the bay "
     "every summer"),
    # a cat's scratch; a plaster cast
    ("nb", "self", "katten klorte opp armen min i kveld, må jeg til legen?"),
    ("en", "self", "the cat clawed my hand open tonight, do i need a tetanus shot?"),
    # the other side of the lake; no one silent
    ("sv", "relative", "vi ses på andra sidan sjön, skrev min bror. han har svarat nu"),
    ("en", "self", "see you on the other side of the exams haha, need tips for studying"),
    # moving away
    ("sv", "self", "nu blir ni av med mig, jag flyttar till Umeå i augusti!"),
    # the writer's own laugh still takes a line back
    ("sv", "self", "snart är ni av med mig haha nej skämt, skriver om mitt spelande"),
    # a friend's suicide joke taken back stays taken back
    ("en", "relative", "my friend said she'd kill herself if she failed\nshe said it was a "
     "joke, she passed and is fine"),
    # a debt with no threat or time
    ("en", "relative", "my brother owes money to a dealer, how can we help him pay it back?"),
    ("nb", "relative", "broren min har rusgjeld, hvordan hjelper vi ham med en nedbetalingsplan?"),
    # not reacting to messages or a medicine; the edge of a bed; foil for cooking
    ("nb", "relative", "pappa er full og reagerer ikke på meldingene mine om helgen, hva gjør "
     "jeg?"),
    ("sv", "relative", "mormor reagerar inte på medicinen, läkaren ska byta"),
    ("sv", "self", "satt på sängkanten hela morgonen, vet inte vad man ska välja på gymnasiet"),
    ("en", "relative", "mum is cooking salmon in foil tonight and my brother is home"),
    # a negation still negates a wish told after knowing
    ("en", "self", "i know i don't want to die, i just want the anxiety to stop"),
    # "you know" that is no answer to a risk question
    ("en", "self", "staff: What do you do on weekends?\nyou know, football and stuff"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B14_URGENT)
def test_b14_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Withdrawal, blood coughed up, a drunk driver off, psychosis into water, skin torn open,
    farewells, ambivalence, a perpetrator's joke, a debt with a threat, an implied yes."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B13_URGENT)
def test_b13_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Lying there not reacting in the cold, the edge of a balcony, a drug smoked off foil by
    a child's parent, and "doesn't know i cut myself"."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), B14_NOT_URGENT)
def test_b14_counter_examples_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """The same words where nothing is happening now stay not urgent (rules and model)."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


# False alarms of blind set 14 that have a general cause: each wording must now stay not
# urgent (rules and model), and the alarming counter-example beside it must stay urgent.
B14_NOW_NOT_URGENT = [
    # no longer having such thoughts, told with the verb
    ("sv", "relative", "min pappa sa i januari att han ville dö. nu har han inte såna tankar "
     "längre och jobbar igen. hur pratar jag med honom om det?"),
    ("en", "relative", "my sister said she wanted to die back in april. she doesn't have those "
     "thoughts anymore and is back at uni, how do i bring it up?"),
    # "just something one says", after a staff question
    ("en", "self", "i texted 'im gonna kill myself' after the exam\nstaff: What did you mean "
     "by that?\nit's just something people say lol, i'm fine, need study tips"),
    ("sv", "self", "skrev 'jag tar livet av mig' efter matteprovet\nstaff: Hur menade du?"
     "\nnej det är bara nåt man säger haha, vill ha tips på plugg"),
    # a line that opens by calling it a joke
    ("nb", "self", "skrev 'skal ta livet mitt' i gruppechatten da laget tapte\nstaff: Hvordan "
     "mente du det?\nspøk!! alle skjønte det. men mamma ble redd, hva sier jeg til henne?"),
    ("en", "self", "posted 'gonna kill myself' when my team lost\nstaff: How did you mean it?"
     "\nkidding!! everyone knew. how do i explain that to my dad?"),
    # "it may strike back" (an illness), a farewell letter to work, can't switch off
    ("nb", "relative", "mannen min var deprimert for ti år siden. nå venter vi barn og jeg "
     "lurer på om det kan slå tilbake. hvordan forbereder vi oss?"),
    ("sv", "self", "skrev ett avskedsbrev till kollegorna idag, nu är jag pensionär. känns "
     "tomt"),
    ("en", "professional", "a resident of ours died tonight and i'm not in any danger, i just "
     "can't switch off after the shift. who do carers talk to?"),
    # "last winter", drinking more now as a trend
    ("nb", "self", "sist vinter slo eksen min meg, jeg flyttet ut med en gang. nå tenker jeg "
     "mye på det, hvor kan jeg snakke med noen?"),
    ("nb", "relative", "Mamma har demens. Nå drikker hun mer fordi hun glemmer at hun har "
     "drukket. Jeg er eneste barn og er sliten."),
]

B14_STAYS_URGENT = [
    ("sv", "relative", "hon sa att hon inte har såna tankar längre\nmen ikväll skrev hon att "
     "hon vill dö", "suicide"),
    ("en", "self", "i want to kill myself\nstaff: What do you mean?\nit's not just something "
     "people say, i mean it", "suicide"),
    ("sv", "self", "jag vill dö\nstaff: Menar du det?\nskämtar inte", "suicide"),
    ("en", "self", "i want to die tonight\nstaff: Are you safe?\njoking aside, no", "suicide"),
    ("nb", "self", "samboeren min slår meg når barna sover, i kveld slo han igjen", "violence"),
    ("sv", "self", "har skrivit ett avskedsbrev till min familj ikväll", "suicide"),
    ("en", "relative", "my brother talked about dying tonight and now his phone is switched "
     "off", "third_party_danger"),
    ("nb", "self", "i går slo kjæresten min meg igjen og han kommer hjem i kveld", "violence"),
    ("nb", "child", "jeg er 9. pappa drikker og er full nå og jeg er alene med ham",
     "child_at_risk"),
]


@pytest.mark.parametrize(("lang", "role", "text"), B14_NOW_NOT_URGENT)
def test_b14_false_alarms_with_a_general_cause_are_gone(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Thoughts no longer had, a saying or a joke taken back, idioms, the past, a trend."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B14_STAYS_URGENT)
def test_b14_alarming_counter_examples_stay_urgent(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """The same words with a risk now stay urgent."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)
