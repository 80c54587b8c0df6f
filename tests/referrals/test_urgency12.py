"""Urgency mechanisms learnt from blind set 12's misses and false alarms (branch tri12).

Each mechanism in wordings of our own (not the set's), by the concept rules alone
(``model=None``), with alarming wordings that must stay not urgent beside them. Lines are
separated by newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

B12_URGENT = [
    # scratching oneself until it bleeds, also told of a relative, with a time or blood
    ("nb", "relative", "mora mi river seg til blods på armene i natt", "self_harm"),
    ("sv", "relative", "min bror klöser sig till blods igår kväll när han var full", "self_harm"),
    ("sv", "self", "jag river mig till blods ikväll igen", "self_harm"),
    ("en", "relative", "my sister was scratching herself bloody last night", "self_harm"),
    ("en", "self", "i keep clawing myself until it bleeds again tonight", "self_harm"),
    # cutting "a little", the object left out, with tonight or a wish
    ("sv", "self", "tänker dricka lite och sen skära lite\ngör det ikväll", "self_harm"),
    ("nb", "self", "vil skjære litt i kveld igjen", "self_harm"),
    # papers put in order, and not believing one can go on much longer
    ("sv", "self", "har skrivit mitt testamente. tror inte att jag orkar längre", "suicide"),
    ("nb", "self", "jeg har skrevet testament\njeg tror ikke jeg orker så lenge lenger",
     "suicide"),
    ("en", "self", "i've written my will. i don't think i can keep going much longer",
     "suicide"),
    # a drawing of oneself in a coffin or a grave, now
    ("nb", "professional", "en elev har nettopp tegnet seg selv i ei kiste", "suicide"),
    ("sv", "relative", "min son ritade sig själv i en kista igår", "suicide"),
    ("en", "relative", "my daughter drew herself lying in a coffin tonight", "suicide"),
    # someone with dementia gone out in slippers (dressed for indoors)
    ("en", "professional", "a resident with dementia has gone out in her slippers",
     "third_party_danger"),
    ("sv", "relative", "pappa har demens och har gått ut i tofflorna", "third_party_danger"),
    ("nb", "relative", "bestefar har demens og har gått ut i tøflene", "third_party_danger"),
]

B12_NOT_URGENT = [
    # scratching a rash, an itch, a cat
    ("nb", "relative", "gutten min klør seg på armene av eksemen, hva gjør vi"),
    ("sv", "self", "katten rev mig till blods igår när jag klippte klorna"),
    ("en", "self", "the cat scratched me bloody last night, do i need a tetanus shot"),
    ("nb", "self", "katten klorte meg til blods i går, trenger jeg stivkrampevaksine"),
    # cutting a little food tonight, by the rules and the model
    ("sv", "self", "ska skära lite lök ikväll till middagen"),
    ("nb", "self", "skal skjære litt brød i kveld til maten"),
    # a will written calmly; tired of a job
    ("sv", "self", "har skrivit testamente. tror inte att jag orkar jobba heltid längre"),
    ("nb", "self", "vi skrev testament i fjor og har det fint"),
    ("en", "self", "i don't think i can keep this job much longer, any advice?"),
    # a coffin in a costume, a drawing long ago
    ("nb", "self", "kledde meg ut som vampyr og la meg selv i ei kiste på festen"),
    ("nb", "self", "jeg tegnet meg selv i en kiste i kunsttimen for ti år siden, nå maler jeg"),
    ("en", "self", "as a kid i drew myself in a coffin once, now i teach art"),
    # slippers at home
    ("en", "relative", "my mum has dementia and shuffles around the flat in her slippers"),
    ("sv", "relative", "farmor har demens och sitter i tofflorna framför tvn"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B12_URGENT)
def test_b12_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Scratching until it bleeds, a will with no strength left, dementia out in slippers."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), B12_NOT_URGENT)
def test_b12_mechanisms_keep_their_scope(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Alarming wordings without a danger now stay not urgent by the rules."""
    rules_only = rules_engine(directory)
    assert rules_only.urgency(chat_text(lang, role, text)) == (False, []), text


MODEL_NOT_URGENT = [
    # a cut while cooking: the model's self-harm verdict needs no accident beside it
    ("sv", "self", "ska skära lite lök ikväll till middagen"),
    # a relative's drinking or drug use, and the writer worn out by it or thinking what it is
    ("sv", "relative", "mamma dricker igen varje kväll och jag orkar inte mer med henne"),
    ("nb", "relative", "faren min drikker hver helg og jeg orker ikke mer"),
    ("en", "relative", "my sister is using again, i think it's meth"),
    ("en", "relative", "my dad is drinking again every night and i can't take it anymore"),
    # a wish to talk or to hear a voice
    ("nb", "self", "vil bare høre en stemme i kveld, bor alene"),
    ("en", "self", "just would like a chat tonight, the house is quiet"),
]

MODEL_URGENT = [
    # a wish to talk before something is still read by the model
    ("sv", "self",
     "ville bara prata med nån innan. har packat det jag behöver och kör iväg ikväll"),
    ("en", "self", "i just want to talk to someone before i go tonight, i've written letters"),
    # a relative's drinking beside a death wish of one's own
    ("sv", "relative", "pappa dricker igen och jag vill inte leva längre"),
    ("en", "relative", "my brother is using again and i want to die"),
]


@pytest.mark.parametrize(("lang", "role", "text"), MODEL_NOT_URGENT)
def test_the_model_does_not_count_for_a_habit_a_wish_to_talk_or_cooking(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """A learnt suicide verdict backed only by a wish, a thought or being worn out does not
    count beside a relative's drinking or drugs, nor when the wish is to talk; a self-harm
    verdict does not count beside cooking or sport."""
    assert SuggestionEngine(directory).urgency(chat_text(lang, role, text)) == (False, []), text


@pytest.mark.parametrize(("lang", "role", "text"), MODEL_URGENT)
def test_a_wish_to_talk_before_or_a_death_wish_beside_a_habit_stays_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Talking "before", and a death wish of one's own, are still suicide."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith("suicide:") for r in reasons), (text, reasons)


TAKEN_BACK = [
    # a height and a jump told across lines, taken back by the next line
    ("sv", "relative", "min bror sa att han hoppar från taket om laget åker ur\ndet var ett skämt"),
    ("en", "relative", "my husband said he'd jump off the balcony if City lost\nit was a joke"),
    # a joke, of course; laughed off; just a saying
    ("sv", "self", "jag skrev 'jag ska döda honom' om min syster\nskämt såklart"),
    ("nb", "self", "jeg skrev at jeg skal drepe ham, broren min\nspøk selvfølgelig"),
    ("en", "self", "i texted 'gonna kill myself' after the match\nobviously a joke"),
    ("sv", "relative",
     "sonen skrev 'vill dö' efter provet\nhan skrattade och sa att alla säger så"),
    ("en", "relative", "my son wrote 'i want to die' about his exam\neveryone says that, he said"),
]

NOT_TAKEN_BACK = [
    # a joke others believe in, doubted by the writer
    ("sv", "child", "en kille i klassen skrev att han ska hoppa från taket ikväll\n"
     "alla tror han skämtar men jag vet inte"),
    ("en", "child", "a girl in my class posted that she'll jump off the roof tonight\n"
     "everyone thinks she's joking but i'm not sure"),
    # a joke taken back, but then said again
    ("sv", "self", "jag vill dö\nskämt såklart\nnej förresten, jag vill dö på riktigt"),
]


@pytest.mark.parametrize(("lang", "role", "text"), TAKEN_BACK)
def test_a_joke_of_course_or_laughed_off_takes_back_the_line_before(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """"Skämt såklart", "obviously a joke", "laughed and said everyone says that" take back
    the line before, also what the rules read across lines (a height and a jump)."""
    rules_only = rules_engine(directory)
    assert rules_only.urgency(chat_text(lang, role, text)) == (False, []), text


@pytest.mark.parametrize(("lang", "role", "text"), NOT_TAKEN_BACK)
def test_a_doubted_joke_takes_nothing_back(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """"But I don't know" after a joke, or the wish said again, stays urgent."""
    urgent, _ = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent, text


B12_SCOPE_NOT_URGENT = [
    # how dangerous a mix is, asked about a prescription
    ("sv", "self", "hur farligt är det att ta sobril och alkohol? läkaren skrev ut det"),
    ("nb", "self", "hvor farlig er det å blande vival og alkohol? fikk det av legen"),
    ("en", "self", "how dangerous is it to take valium with alcohol? my doctor prescribed it"),
    # past violence, said not to be a danger now
    ("sv", "self", "min pappa slog mig när jag var liten. nu drömmer jag om det, är inte i fara"),
    ("nb", "self", "eksen slo meg i mange år. nå er jeg ikke i fare, men jeg sover dårlig"),
    ("en", "self", "my ex hit me for years. i'm not in danger now but the memories come back"),
    # a glass of wine is a drink, not a drug
    ("nb", "self", "jeg tar et glass vin til middag hver dag nå, er det for mye?"),
    ("en", "self", "i've started having a glass of wine at lunch now, am i drinking too much?"),
    # an age after a parent is no count of pills
    ("nb", "relative", "far (84) tar sovetabletter og glemmer om han har tatt dem"),
    ("sv", "relative", "mamma 79 tar sömntabletter och glömmer om hon tagit dem"),
    # "hit" is "here" after a move
    ("sv", "self", "kom hit från Syrien för två år sen, känner ingen. vill bara prata"),
    ("nb", "self", "flyttet hit i fjor og kjenner ingen, vil bare snakke litt"),
    # writing crime fiction
    ("sv", "self", "jag skriver en deckare, hur mycket morfin som krävs för att döda någon?"),
    ("nb", "self", "jeg skriver en krimroman. hvor mye insulin som skal til for å drepe noen?"),
    ("en", "self", "i'm writing a crime novel: how much insulin it takes to kill someone?"),
    # a son who started drinking like his father
    ("sv", "relative", "nu har sonen börjat dricka som sin pappa och jag är rädd"),
    ("nb", "relative", "nå har sønnen vår begynt å drikke som faren og jeg er redd"),
    ("en", "relative", "now my son has started drinking like his dad and i'm scared"),
]

B12_SCOPE_URGENT = [
    # the same words with a danger now
    ("sv", "self", "tog 20 sobril och en flaska vin nyss", "overdose"),
    ("en", "relative", "my dad hit my mum tonight and i'm not safe", "violence"),
    ("sv", "self", "han kom hit och slog mig igår", "violence"),
    ("nb", "relative", "mor (81) har tatt alle sovetablettene sine i kveld", "overdose"),
    ("sv", "child", "pappa har börjat dricka och är full nu, jag är ensam med honom",
     "child_at_risk"),
    ("sv", "self", "jag googlar hur mycket insulin som krävs för att dö", "suicide"),
]


@pytest.mark.parametrize(("lang", "role", "text"), B12_SCOPE_NOT_URGENT)
def test_b12_scope_keeps_alarming_words_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """How dangerous (a safety question), not in danger, a glass of wine, a parent's age,
    "hit" as "here", crime fiction, and drinking "like his dad" are not urgent."""
    rules_only = rules_engine(directory)
    assert rules_only.urgency(chat_text(lang, role, text)) == (False, []), text


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B12_SCOPE_URGENT)
def test_b12_scope_leaves_danger_now_urgent(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """The same words with something taken, a blow or a drunk adult now stay urgent."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


def test_a_no_to_a_staff_suicide_question_leaves_a_bare_thought_to_the_rules(
    directory: Directory,
) -> None:
    """Grief ("tenker hele tiden på om jeg kunne gjort noe") and a clear "no" to a staff
    suicide question: the model's verdict, backed by the thought alone, does not count; a
    "yes" to the same question is urgent by the rules."""
    grief = ("min bror døde av en overdose i fjor\n"
             "jeg tenker hele tiden på om jeg kunne gjort noe\n"
             "staff: Har du tanker om å ta livet ditt?\n")
    engine = SuggestionEngine(directory)
    assert engine.urgency(chat_text("nb", "relative", grief + "nei, ikke i det hele tatt")) == (
        False, [])
    urgent, reasons = engine.urgency(chat_text("nb", "relative", grief + "ja, av og til"))
    assert urgent and reasons[0].startswith("suicide:"), reasons
