"""Concept classes (concepts/<lang>.toml) and the rules that combine them (issue 11)."""

from __future__ import annotations

import pytest

from referrals import Conversation, Directory, SuggestionEngine
from referrals.concepts import load_concepts
from tests.referrals.helpers import chat, rules_engine

URGENT = [
    # passive death wish in indirect words
    ("sv", "self", "ibland vill jag bara forsvinna fran allt", "suicide"),
    ("sv", "self", "vill bara somna och aldrig vakna", "suicide"),
    ("en", "self", "everyone would be better off without me tbh", "suicide"),
    ("nb", "self", "tenker på døden hele tiden", "suicide"),
    ("sv", "self", "tänker pa doden hela tiden", "suicide"),
    # ambivalence
    ("sv", "self", "jag vill inte dö men jag orkar inte heller", "suicide"),
    # self-harm now
    ("sv", "self", "har skurit mig igen ikväll", "self_harm"),
    # overdose now
    ("en", "self", "took a load of my sleeping pills with the wine", "overdose"),
    # violence announced / recent
    ("en", "child", "dad hit mum yesterday and says he'll do it again tonight", "violence"),
    # goodbye from someone unreachable
    ("sv", "relative", "sambon sms:ade förlåt för allt. nu svarar han inte", "goodbye"),
    # child with a drinking adult at night
    ("sv", "self", "jag har druckit hela dagen och är ensam med barnen i natt", "child_at_risk"),
]

NOT_URGENT = [
    ("sv", "professional", "Vilka rutiner har ni för suicidprevention på skolor?"),
    ("en", "self", "that song goes 'i want to die in your arms' lol"),
    ("sv", "self", "jag vill inte dö, jag vill bara ha hjälp"),
    ("sv", "self", "för tio år sedan ville jag dö, nu mår jag bra"),
    ("sv", "self", "pappa tar sina tabletter och dricker vin varje dag"),
]


def test_every_language_file_has_the_rule_classes() -> None:
    """Each of sv, nb and en defines every concept class the rules read."""
    from referrals.rules import RULE_CLASSES

    concepts = load_concepts().concepts
    for name in RULE_CLASSES:
        assert {"sv", "nb", "en"} <= set(concepts[name]), name


@pytest.mark.parametrize(("lang", "role", "text", "kind"), URGENT)
def test_urgent_by_concepts_with_kind_and_words(
    engine: SuggestionEngine, lang: str, role: str, text: str, kind: str
) -> None:
    """Unseen wordings of the issue's missed kinds are urgent, of the right kind, with words."""
    urgent, reasons = engine.urgency(chat(lang, role, text))
    assert urgent, text
    assert any(reason.startswith(f"{kind}: ") for reason in reasons), reasons


@pytest.mark.parametrize(("lang", "role", "text"), NOT_URGENT)
def test_alarming_but_not_urgent(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """General professional questions, quotes, negations, past risk and habits are not urgent."""
    assert engine.urgency(chat(lang, role, text)) == (False, [])


@pytest.mark.parametrize(("lang", "text"), [("sv", "hmm"), ("nb", "hei"), ("en", "hi")])
def test_suggestions_are_never_empty(engine: SuggestionEngine, lang: str, text: str) -> None:
    """With nothing to match, the own intake service and 1177 (or legevakt) are suggested."""
    ids = engine.suggest(chat(lang, "self", text), top=3).ids
    expected = {"nb": {"no-kommune-rus-psykisk", "no-legevakt"}}.get(
        lang, {"local-oppenvard-missbruk", "se-1177"}
    )
    assert expected <= set(ids)


def test_wordings_written_while_building_the_concepts(engine: SuggestionEngine) -> None:
    """concept_wordings.jsonl: urgent and alarming-but-not-urgent wordings written by the
    engine's authors while building the classes (so no estimate of unseen performance, only a
    guard against losing them). One Swedish case with "hur man" is a known miss; since dod36
    one known false alarm: a named pupil who "pratat om dödstankar" with "vart ska vi vända
    oss?" is a specific case by the professional rules, as the same line with
    "självmordstankar" or "att hon vill dö" already was."""
    from referrals.evaluation import evaluate, read_labelled_cases
    from tests.referrals.helpers import DATA

    report = evaluate(engine, read_labelled_cases(DATA / "concept_wordings.jsonl"))
    wrong = [r.case.name for r in report.results if not r.urgent_correct]
    assert len(wrong) <= 2, wrong


RULE_MECHANISMS_URGENT = [
    # negated life after a wish or a will
    ("sv", "self", "har ingen ork att leva längre"),
    ("nb", "self", "eg har ikkje lyst å leve meir"),
    ("en", "self", "honestly i dont want to be here anymore"),
    # a denial the next message turns round
    ("nb", "self", "vil ikke dø egentlig\nmen kunne ønske jeg bare sovnet for godt"),
    # poisoning: something taken and the body in trouble
    ("sv", "self", "tog en massa grejer på festen och nu rusar hjärtat och jag har ont i bröstet"),
    # violence told across lines with a time, or an injury
    ("sv", "self", "min man tryckte upp mig mot väggen\nhan kommer hem ikväll"),
    ("nb", "child", "far min har kasta mor i veggen\nho blør"),
    # violence heard, going on now
    ("sv", "relative", "det dunsar hos grannen och någon skriker sluta, det har hållit på länge"),
    # a decision with the means at hand
    ("sv", "self", "har bestämt mig\nhar tabletterna framme"),
    # an answer to a staff risk question that does not start with yes
    ("en", "self", "i feel low\nstaff: Have you had thoughts of ending your life?\nhonestly yes"),
]

RULE_MECHANISMS_NOT_URGENT = [
    ("sv", "self", "jag vill leva, men jag behöver hjälp med spelandet"),
    ("sv", "self", "jag orkar inte leva med den här ångesten, kan jag få träffa en psykolog"),
    ("sv", "self", "jag tänker mycket på döden\ninte så att jag vill dö, mer existentiellt"),
    ("en", "self", "tried to end my life in 2015, doing well these days"),
    ("sv", "relative", "min mamma tar sina tabletter och sover hela dagarna"),
    ("sv", "relative", "pappa har slutat ta medicinen\nhan spenderar massa pengar"),
    ("nb", "relative", "faren min drikker hver helg men han slår ikke"),
    ("en", "relative", "how common is self harm among teenagers? i want to be informed"),
    ("sv", "relative", "han har inga självmordstankar säger han\nmen jag orkar inte bära allt"),
]


def _conversation(lang: str, role: str, text: str) -> Conversation:
    return chat(lang, role, *text.split("\n"))


@pytest.mark.parametrize(("lang", "role", "text"), RULE_MECHANISMS_URGENT)
def test_rule_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Each mechanism of the third blind round, by the concept rules alone (no learnt model)."""
    urgent, reasons = rules_engine(directory).urgency(
        _conversation(lang, role, text)
    )
    assert urgent and reasons, text


@pytest.mark.parametrize(("lang", "role", "text"), RULE_MECHANISMS_NOT_URGENT)
def test_rule_mechanisms_keep_their_scope(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """Living with something, taking back, past years, durations, counts far from pills,
    negation after the verb, general questions and others' denials are not urgent."""
    assert engine.urgency(_conversation(lang, role, text)) == (False, []), text


# Mechanisms learnt from blind set 5 (own wordings, not the set's): (lang, role, text, kind).
BLIND5_URGENT = [
    # a small child and medicines, even when the parent asks whether it is dangerous
    ("sv", "relative", "min treåring har fått tag i mina sömntabletter, är det farligt?",
     "overdose"),
    ("en", "relative", "my toddler got into the paracetamol in my handbag", "overdose"),
    # out in the cold while drunk
    ("nb", "relative", "faren min gikk ut full uten jakke og det er minus 15",
     "third_party_danger"),
    # life insurance with a burden, or with gambling debts
    ("sv", "self", "har spelskulder. livförsäkringen skulle lösa allt för familjen", "suicide"),
    ("en", "self", "they'd be better off with the life insurance than with me", "suicide"),
    # a high place with thinking of it
    ("sv", "self", "stod på bron igår kväll och tänkte på hur lätt det vore", "suicide"),
    # giving away, then saying one will not need it
    ("sv", "relative", "han har gett bort sin gitarr och sa att han inte kommer behöva den",
     "suicide"),
    # self-harm told with the verb first, and planned for the night
    ("sv", "self", "när ångesten kommer bränner jag mig med tändaren. gjorde det nyss",
     "self_harm"),
    # a weapon held against someone at home, and an announced return
    ("sv", "relative", "han höll en kniv mot sin syster och sa att han kommer tillbaka ikväll",
     "violence"),
    # "I don't know" before the yes, and "maybe", to a staff question about jumping
    ("nb", "self", "Tenker du på å hoppe?\nvet ikke. ja kanskje", "suicide"),
]

BLIND5_NOT_URGENT = [
    # a dose or a duration is not a count of pills
    ("sv", "self", "har ätit sertralin i 8 år och vill trappa ner, hur gör man"),
    ("en", "self", "i take 10 mg diazepam a day, prescribed. can i stop on my own?"),
    # a person walking past is not a risk that is over, and nothing here is a risk
    ("sv", "self", "jag går förbi systembolaget varje dag och tänker på vin"),
    # an essay or a thesis is a general question
    ("en", "self", "writing an essay on overdose deaths for school, where can i find data"),
    # a pet on the balcony is not a high place with a thought
    ("sv", "self", "min katt sitter på balkongen hela dagarna, tänker skaffa en till"),
]


def _split_staff(lang: str, role: str, text: str) -> Conversation:
    """Lines ending in "?" before a visitor's answer are the staff member's question."""
    lines = text.split("\n")
    conversation = Conversation.from_dict({
        "lang": lang, "role": role,
        "messages": [
            {"sender": "staff" if line.endswith("?") and n < len(lines) - 1 else "visitor",
             "text": line}
            for n, line in enumerate(lines)
        ],
    })
    return conversation


@pytest.mark.parametrize(("lang", "role", "text", "kind"), BLIND5_URGENT)
def test_blind5_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Each mechanism learnt from blind set 5's misses, by the concept rules alone."""
    urgent, reasons = rules_engine(directory).urgency(
        _split_staff(lang, role, text)
    )
    assert urgent and reasons[0].startswith(kind + ":"), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), BLIND5_NOT_URGENT)
def test_blind5_mechanisms_keep_their_scope(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """By the rules, doses and durations, walking past, essays and pets on balconies stay not
    urgent. (The shipped model, whose own first example was "på balkongen och tänker …", still
    reads the cat as a death wish: a known false alarm of the model, docs/referrals.md.)"""
    rules_only = rules_engine(directory)
    assert rules_only.urgency(_conversation(lang, role, text)) == (False, []), text


def test_topic_words_are_data_in_the_concept_files() -> None:
    """The suggestion topics (one per directory category) are read from the TOML files, in
    every language, as the urgency classes are."""
    topics = load_concepts().topics
    assert {"alcohol", "gambling", "suicide", "children_of_parents"} <= set(topics)
    assert all(set(by_lang) == {"sv", "nb", "en"} for by_lang in topics.values())
    assert "spel*" in topics["gambling"]["sv"]["strong"] + topics["gambling"]["sv"]["normal"]


# Mechanisms learnt from blind set 6 (own wordings, not the set's): (lang, role, text, kind).
BLIND6_URGENT = [
    # self-harm verbs without an object, burning with a lighter, scratching, in the third person
    ("sv", "self", "tänker rispa lite i natt igen", "self_harm"),
    ("nb", "self", "brente meg med lighteren for ti minutter siden", "self_harm"),
    ("en", "self", "been scratching my wrists for hours now", "self_harm"),
    ("en", "professional", "my student says she is cutting her arms again tonight",
     "self_harm"),
    # no sign of life for days from someone who does not open
    ("sv", "relative", "farbror öppnar inte dörren\nposten har samlats i en vecka",
     "third_party_danger"),
    ("en", "relative", "my uncle hasn't opened the door all week\nthe mail is piling up",
     "third_party_danger"),
    # someone who has decided, and does not answer (or has decided, and now)
    ("nb", "relative", "venninnen min sa i går at hun har bestemt seg\nhun svarer ikke",
     "third_party_danger"),
    ("sv", "relative", "hon har bestämt sig nu, sa hon i telefonen", "suicide"),
    # a hose taken to a car
    ("en", "self", "parked the car in the woods, brought the garden hose", "suicide"),
    ("sv", "self", "sitter i bilen med slangen från garaget", "suicide"),
    # refusing food and medicines with a euphemism for dying
    ("sv", "relative", "farfar har slutat äta och säger att han bara vill få somna",
     "suicide"),
    # a state told in the past tense, today or just now, is now
    ("nb", "relative", "faren hentet sønnen vår på 4 nettopp og var tydelig full",
     "child_at_risk"),
    # mixing a medicine with alcohol, and cannot stand
    ("sv", "relative", "mamma har blandat sömntabletter och vin och kan inte stå upp",
     "overdose"),
    # the wrong side of a railing; the edge of a quay with a jump
    ("sv", "relative", "en tjej står på fel sida av räcket på gångbron", "third_party_danger"),
    ("en", "relative", "a guy at the edge of the pier keeps saying he'll jump", "suicide"),
    # "the only way out" with the trains
    ("en", "self", "the freight trains pass my window all night. only real way out i can see",
     "suicide"),
    # a rope looked at, after losing everything on betting
    ("sv", "self",
     "spelat bort allt på casinot\nhar ett rep i garderoben. sitter och tittar på det",
     "suicide"),
    # an intoxicated adult alone with a baby who cannot look after it
    ("en", "self", "alone with the baby tonight and very high\ncant look after him properly",
     "child_at_risk"),
    # Swedish "å" for "att"
    ("sv", "relative", "går inte å väcka honom efter festen", "medical"),
    # one's own funeral planned, with thoughts
    ("nb", "self", "har begynt å planlegge min egen begravelse", "suicide"),
    # a hedged yes to a staff risk question
    ("en", "self", "Do you have thoughts of ending your life?\nsort of", "suicide"),
    # asking whether this is the place to write "if one ..." is the writer's own case
    ("sv", "self", "är det rätt ställe om man inte vill leva längre", "suicide"),
    # "all the time" about a symptom is not a habit
    ("sv", "child", "pappa har tagit massa piller och somnar hela tiden", "overdose"),
    # second round, from what the rules alone missed (the model had caught these)
    # self-harm with "själv" between, planned for when someone sleeps
    ("sv", "self", "när sambon sover ska jag göra mig själv illa", "self_harm"),
    # a body in trouble after taking something: snoring strangely, twitching, eyes rolling
    ("en", "relative", "she took some pill at the club\nnow she's twitching and her eyes "
                       "keep rolling back", "overdose"),
    # a child telling that a sibling swallowed a parent's pills
    ("nb", "child", "lillebroren min har spist av pappas tabletter tror jeg", "overdose"),
    # a small child in a stairwell in a nappy whose adult does not open
    ("sv", "relative", "en liten kille på typ 3 år går runt i bara blöja i trapphuset\n"
                       "pappan öppnar inte", "child_at_risk"),
    # a goodbye ("glöm mig") and location sharing turned off
    ("sv", "relative", "han skrev glöm mig och förlåt\nhar stängt av dela plats", "goodbye"),
    # a firearm announced for a school
    ("en", "relative", "a boy in my class said he'll bring his dad's gun to school tomorrow",
     "third_party_danger"),
    # "the point of me"
    ("en", "self", "honestly whats the point of me", "suicide"),
    # things sorted out and a pet left with someone
    ("en", "self", "sorted out my affairs\nleft my dog with my sister for good", "suicide"),
    # how many tablets it would take, with words between
    ("sv", "relative", "hittade en lapp där han räknat ut hur många av sina sömntabletter som "
                       "skulle behövas", "suicide"),
    # no sign of life: newspapers outside, the TV on day and night, and no answer
    ("nb", "relative", "naboen svarer ikke på døra, avisene ligger utenfor og tv-en står på "
                       "hele døgnet", "third_party_danger"),
    # children alone since yesterday, the parent out with friends
    ("en", "relative", "the kids next door have been alone since yesterday, their dad went "
                       "out with friends", "child_at_risk"),
    # locked in the bathroom while a drunk partner bangs on the door
    ("sv", "self", "han har druckit hela dagen och bankar på dörren\nsitter inlåst i "
                   "badrummet", "violence"),
    # hit, a threat that next time is worse, coming home at a time
    ("sv", "self", "han har slagit mig\nsa att nästa gång blir det värre\nhan kommer hem vid "
                   "fem", "violence"),
    # a benzodiazepine by its trade name, a whole pack
    ("nb", "self", "tok en hel pakke rivotril nå", "overdose"),
    # a burn on purpose is no accident
    ("en", "self", "burned my arm on the stove on purpose tonight", "self_harm"),
    # "nobody would find out"
    ("en", "self", "if i disappeared nobody back home would even find out", "suicide"),
]

BLIND6_NOT_URGENT = [
    # a joke marked by a laugh, in the line or a "because" after it
    ("nb", "self", "matteprøven i morgen kommer til å drepe meg 💀"),
    ("sv", "self", "brorsan sa att han ska döda mig\nför att jag åt upp hans glass 😂"),
    # taking back: just joking, the drink talking, "not like that"
    ("en", "self", "posted that i'd hang myself if we lost the final\njust kidding obviously"),
    ("sv", "self", "skrev att jag ville dö igår\ndet var fyllan som pratade, mår bra nu"),
    # hyperbole and idioms: ashamed to death, hungover, no way out of debt, adult children
    ("sv", "self", "jag skäms ihjäl över mina skulder"),
    ("en", "self", "was so hungover i wished i was dead lol, is drinking every weekend a lot?"),
    ("sv", "self", "ser ingen utväg ur skulderna, vill ha hjälp med en budget"),
    ("en", "relative", "is there a group for adult children of parents who don't answer calls?"),
    # a screenplay is fiction
    ("en", "self", "writing a screenplay where the mother overdoses, how do paramedics talk?"),
    # "gemensam" is not "ensam"; no proof is a possibility
    ("sv", "relative", "min exman dricker, vi har gemensam vårdnad om vår son som är 5"),
    ("sv", "relative", "har inga bevis på att hon kör berusad med barnen, det är en känsla"),
    # lying in bed scrolling is no one in danger; not knowing where to start is no one missing
    ("sv", "self", "ligger o kollar på spelreklam hela kvällarna"),
    ("sv", "self", "har druckit upp lönen, vet inte var jag ska börja"),
    # a wish to die in hospice is the end of a life, not a suicide risk
    ("en", "relative", "my dad is in hospice and says he wishes he could fall asleep and not "
                       "wake up"),
    # a weekend habit of a teenager, and a hose for washing the car
    ("sv", "relative", "nu har min dotter på 16 börjat dricka på helgerna"),
    ("en", "self", "need a new hose to wash the car, lol not urgent"),
    # a tired parent alone with the kids asking for respite
    ("sv", "relative", "jag klarar inte ta hand om barnen ensam längre, finns det avlastning?"),
    # the way out of an addiction is no means
    ("en", "self", "the only way out of this habit is to quit the pills slowly"),
    # burning oneself on the stove is an accident
    ("sv", "self", "brände mig på spisen igår, hur länge gör det ont?"),
    # scars still there are not self-harm going on
    ("en", "self", "i still have scars from cutting myself years ago, can they be removed?"),
    # asking whether this is the place for a pupil's case is a general question
    ("sv", "professional", "är det rätt ställe om en elev säger att hon vill dö?"),
    # jumping from a jetty is a summer swim
    ("sv", "self", "ska hoppa från bryggan i hamnen med kompisarna ikväll"),
    # hurting oneself by accident ("jeg har slått meg") is no assault
    ("nb", "self", "jeg har slått meg på albuen i går, hvor lenge er det vondt?"),
    # a child of a drinking parent asking about groups is no poisoning
    ("sv", "child", "pappa dricker mycket o jag vill inte ta hem kompisar\njag e 11"),
    # a hose to a car being repaired
    ("sv", "self", "bytte slangen till bilen på verkstaden idag"),
    # the way out of debt, and a hunting rifle at work
    ("sv", "self", "ser ingen väg ut ur skulderna, behöver budgetrådgivning"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), BLIND6_URGENT)
def test_blind6_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Each mechanism learnt from blind set 6's misses, by the concept rules alone."""
    urgent, reasons = rules_engine(directory).urgency(
        _split_staff(lang, role, text)
    )
    assert urgent and reasons[0].startswith(kind + ":"), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), BLIND6_NOT_URGENT)
def test_blind6_mechanisms_keep_their_scope(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Jokes marked by a laugh or taken back, hyperbole, fiction, hospice, habits and the
    narrowed words of blind set 6 stay not urgent by the rules."""
    rules_only = rules_engine(directory)
    assert rules_only.urgency(_split_staff(lang, role, text)) == (False, []), text


BLIND7_URGENT = [
    # a decision *for* a time ("bestemt meg for i kveld")
    ("nb", "self", "orker ikkje mer. eg har bestemt meg for i natt", "suicide"),
    ("sv", "self", "har bestämt mig för ikväll nu", "suicide"),
    # a staff question that says a wish to die itself, answered "ja"
    ("sv", "self", "vill bara vara hos morfar igen\nMenar du att du vill dö?\nja kanske",
     "suicide"),
    # answers that say yes by how often, or by the means or place at hand
    ("nb", "self", "Tenker du på å ta livet ditt?\nhver dag nesten", "suicide"),
    ("en", "self", "Are you thinking about ending your life?\nall the time honestly", "suicide"),
    ("sv", "self", "Har du tankar på att skada dig?\nsitter på taket nu", "suicide"),
    # means ready; patches collected
    ("nb", "self", "eg har pillene klare i skuffen", "suicide"),
    ("en", "self", "been saving up my fentanyl patches for weeks, not sure when", "suicide"),
    # an engine in a closed garage
    ("sv", "self", "sitter i garaget med porten stängd och funderar på att starta motorn",
     "suicide"),
    ("en", "self", "i'm in the car in the garage. might just start the engine and wait",
     "suicide"),
    # a better parent if I vanished
    ("nb", "self", "ungen hadde fått en bedre mamma hvis jeg ble borte", "suicide"),
    # a laugh does not hide breathing trouble after pills and drink
    ("sv", "self", "tog några extra tramadol o lite vin, svårt att andas lol", "overdose"),
    ("en", "self", "had a few extra oxy and beers haha but now i'm dizzy and nauseous",
     "overdose"),
    # a small child and a medicine in a compound, or an edible
    ("sv", "relative", "min 2åring har ätit av farfars hjärtmediciner", "overdose"),
    ("en", "relative", "our 3 year old got into my brother's thc edibles", "overdose"),
    # a small child (a pram) with an adult drunk now
    ("sv", "relative", "en jättefull man på bussen nu med en barnvagn, bebisen gråter",
     "child_at_risk"),
    # a child: the parent asleep on the floor, and "vin" as the answer
    ("nb", "child", "eg er 9. pappa sover på gulvet\nHar pappa drukket noe?\nøl. masse",
     "child_at_risk"),
    # psychosis with a knife, or at a height now
    ("sv", "relative",
     "min son hör röster och har tagit en kökskniv, säger att grannen förföljer honom",
     "third_party_danger"),
    ("en", "relative", "my sister is psychotic, hearing voices, and is on the roof right now",
     "third_party_danger"),
    # throwing at someone, hurting someone answered with an injury
    ("nb", "child", "stefar kastet en flaske på mamma i natt", "violence"),
    ("sv", "relative", "Har han gjort henne illa?\nhennes läpp är svullen sen i morse", "violence"),
    # hiding while things are thrown
    ("sv", "child", "det låter som att saker kastas där ute\njag har låst dörren till toan",
     "violence"),
    # an ex who knows where you live and comes tonight
    ("en", "self", "my ex texted 'i know where you live. see you tonight'", "violence"),
    # someone who bought a rope and says it will soon be over
    ("nb", "relative", "kollegaen min har kjøpt tau og sier at alt snart er over", "suicide"),
    # self-harm told as the past that has started again
    ("sv", "self", "jag skar mig som tonåring. efter skilsmässan har det börjat igen", "self_harm"),
    # northern and western pronouns
    ("nb", "self", "ingen ville savne mæ", "suicide"),
    # at a height, thinking of how it would be
    ("sv", "self", "står på balkongen på tionde våningen och tänker på hur tyst det skulle bli",
     "suicide"),
]

BLIND7_NOT_URGENT = [
    # irony laughed at, dark humour, meaning nothing by it
    ("nb", "self", "sa at eg kunne like godt hoppe fra brua, men det var bare ironi"),
    ("sv", "relative", "han säger 'jag hoppar från bron om AIK förlorar' men det är svart humor"),
    ("en", "self", "told my mate i'd kill myself if i failed, it was a joke, i passed"),
    # a past attempt with a bare year, self-harm as a teenager that is over
    ("sv", "self", "jag försökte ta livet av mig 2009. mår bra idag och undrar om samtalsstöd"),
    ("en", "self", "i self harmed as a teenager. i don't self-harm anymore, just want to talk"),
    # money short at the month's end, dependence worry
    ("sv", "child", "mamma spelar på nätet och vi har inga pengar till mat i slutet av månaden"),
    ("nb", "relative", "bestemor tar mange sovepiller, jeg er redd hun blir avhengig"),
    # a trend, not now; "not so that"
    ("sv", "child", "pappa dricker mer nu efter skilsmässan, det är jobbigt"),
    ("sv", "relative",
     "min sambo dricker varje kväll, inte så han blir våldsam, mer att han sover"),
    # professionals training staff
    ("en", "professional",
     "we want to train line managers on how to respond if someone talks about suicide"),
    # a quarrel alone, a locked door with music, a daily dose
    ("sv", "child", "mina föräldrar bråkar nu, jag har låst dörren och lyssnar på musik"),
    ("sv", "self", "tar 6 om dan av mina värktabletter nu, hur trappar jag ner?"),
    # psychosis, treated, without a weapon or a height
    ("nb", "relative", "broren min har psykose og hører stemmer, han er innlagt på avdelingen"),
    # a garage and an engine that has nothing to do with it
    ("en", "self", "my car won't start in the garage, the engine makes a noise"),
    # past self-harm, anxiety again, no self-harm
    ("sv", "self", "jag skar mig när jag var 15. nu har jag ångest igen men skadar mig inte"),
    # a small child and a glass of wine, no one in charge alone or at night
    ("sv", "relative", "min sambo har druckit två glas vin, bebisen sover gott"),
    # packing for a trip, a plan for the weekend
    ("sv", "self", "har packat det jag behöver för resan till Spanien ikväll"),
    ("sv", "self", "nu har jag en plan för helgen, ska träffa kompisar ikväll"),
    # a teenager is no toddler
    ("sv", "self", "e 55 o har druckit sen jag va tonåring, finns det AA här?"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), BLIND7_URGENT)
def test_blind7_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Each mechanism learnt from blind set 7's misses, by the concept rules alone."""
    urgent, reasons = rules_engine(directory).urgency(
        _split_staff(lang, role, text)
    )
    assert urgent and reasons[0].startswith(kind + ":"), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), BLIND7_NOT_URGENT)
def test_blind7_mechanisms_keep_their_scope(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Irony, dark humour, past years, month's-end money, dependence worries, trends,
    quarrels, daily doses and treated psychosis of blind set 7 stay not urgent by the rules."""
    rules_only = rules_engine(directory)
    assert rules_only.urgency(_split_staff(lang, role, text)) == (False, []), text


@pytest.mark.parametrize(("lang", "texts", "urgent"), [
    ("sv", ("har bestämt mig för att sluta snusa", "i kväll tar jag sista prillan"), False),
    ("nb", ("nå har jeg bestemt meg, jeg skal slutte å drikke", "i kveld er siste ølen"), False),
    ("en", ("ok I've decided, I'm quitting vaping", "tonight is my last one ever"), False),
    ("sv", ("har bestämt mig för att sluta dricka", "och sen ta livet av mig ikväll"), True),
])
def test_quitting_a_habit_is_not_a_farewell(
    engine: SuggestionEngine, lang: str, texts: tuple[str, ...], urgent: bool
) -> None:
    """A decision and a "last" about a habit ("sista ciggen") are not a plan to end a life;
    the same decision beside words about a life still is."""
    assert engine.urgency(chat(lang, "self", *texts))[0] is urgent
