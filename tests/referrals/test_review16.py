"""Someone who cannot be woken now, said with the verb before its subject (the integration
review of blind sets 15 to 17).

Swedish and Norwegian put the verb before the subject after an adverb: "nu går han inte att
väcka", "nå våkner hun ikke". The medical class knew only "går inte att väcka" and "våkner
ikke", so a line with "nu" first was read as nothing, and with a nightly habit in the same
line ("tar sömntabletter varje kväll") nothing else caught it. The inverted forms count only
after "nu" / "nå": without it, the same order is a condition ("vaknar han inte av
väckarklockan så väcker jag honom"). Sleep that lasts ("vaknar inte längre på nätterna",
"won't wake up until ten") is an idiom now, in either order.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat, rules_engine

UNWAKEABLE_NOW = [
    ("sv", "han tar sömntabletter varje kväll och nu går han inte att väcka"),
    ("sv", "nu vaknar hon inte fast jag skakar henne"),
    ("sv", "pappa har druckit hela kvällen och nu kan jag inte väcka honom"),
    ("nb", "mamma drakk hele kvelden og nå våkner hun ikke"),
    ("nb", "han tar sovepiller hver kveld, og nå får jeg ikke vekket ham"),
]

NOT_URGENT = [
    ("sv", "han sover så gott, vaknar han inte av väckarklockan så väcker jag honom"),
    ("nb", "våkner han ikke av vekkerklokka så vekker jeg ham"),
    ("sv", "på morgnarna går han inte att väcka förrän tio, han är tonåring"),
    ("sv", "nu vaknar han inte längre på nätterna, nya sömntabletterna funkar bra"),
    # sleep that lasts is no body that cannot be woken (these flagged before, inverted or not)
    ("sv", "han vaknar inte längre på nätterna, nya sömntabletterna funkar bra"),
    ("nb", "hun våkner ikke lenger om natta, de nye sovepillene virker"),
    ("en", "she wont wake up until ten on weekends, typical teenager"),
]

STILL_URGENT = [
    ("sv", "hon vaknar inte, jag har skakat henne"),
    ("nb", "han våkner ikke, jeg har ristet ham"),
    ("en", "she wont wake up, i have been shaking her"),
]


@pytest.mark.parametrize(("lang", "text"), UNWAKEABLE_NOW)
def test_someone_who_cannot_be_woken_now_is_medical(
    directory: Directory, lang: str, text: str
) -> None:
    """The rules alone (no model) read the inverted order after "nu" / "nå"."""
    urgent, reasons = rules_engine(directory).urgency(
        chat(lang, "relative", text)
    )
    assert urgent and any(r.startswith("medical:") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), NOT_URGENT)
def test_a_condition_or_a_habit_of_sleeping_late_is_not_urgent(
    directory: Directory, lang: str, text: str
) -> None:
    urgent, reasons = SuggestionEngine(directory).urgency(chat(lang, "relative", text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "text"), STILL_URGENT)
def test_not_waking_now_stays_urgent(directory: Directory, lang: str, text: str) -> None:
    urgent, reasons = rules_engine(directory).urgency(
        chat(lang, "relative", text)
    )
    assert urgent, (text, reasons)


# A hunter's gun kept at home for years is no danger by itself: the model's sure path read
# "hemma" + "30" as third-party danger. With a threat, drink, a wish or a time now it counts.
GUN_KEPT = [
    ("sv", "han har ett vapen hemma, han är jägare sen 30 år"),
    ("nb", "faren min har våpen hjemme, han har jaktet i 30 år"),
]
GUN_NOW = [
    ("nb", "faren min har våpen hjemme, han har jaktet i 30 år, nå er han full og truer mamma"),
    ("sv", "pappa har haft vapen hemma i 30 år och nu sitter han med geväret i knät"),
    ("en", "my husband has had guns at home for 20 years and tonight he is cleaning one and "
     "staring at me"),
]


@pytest.mark.parametrize(("lang", "text"), GUN_KEPT)
def test_a_gun_kept_for_years_is_not_urgent(directory: Directory, lang: str, text: str) -> None:
    urgent, reasons = SuggestionEngine(directory).urgency(chat(lang, "relative", text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "text"), GUN_NOW)
def test_a_gun_with_a_threat_or_a_time_now_stays_urgent(
    directory: Directory, lang: str, text: str
) -> None:
    urgent, reasons = SuggestionEngine(directory).urgency(chat(lang, "relative", text))
    assert urgent, (text, reasons)


# Staff asking what to do if one of their residents does something ask in general; "one of our
# residents" telling what one person did stays a specific case (set 15).
STAFF_ASK_IF = [
    "how should staff act if one of our residents writes a goodbye letter?",
    "how do we respond if one of our clients says they want to die?",
]
STAFF_TELL = [
    "i work nights at a care home. one of our residents wrote a goodbye note and walked out, "
    "his phone is off",
    "what should i do, one of our residents says he wants to die tonight and has pills",
]


@pytest.mark.parametrize("text", STAFF_ASK_IF)
def test_staff_asking_what_if_one_of_our_residents_is_general(
    directory: Directory, text: str
) -> None:
    urgent, reasons = SuggestionEngine(directory).urgency(chat("en", "professional", text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize("text", STAFF_TELL)
def test_staff_telling_of_one_resident_stays_urgent(directory: Directory, text: str) -> None:
    urgent, reasons = SuggestionEngine(directory).urgency(chat("en", "professional", text))
    assert urgent, (text, reasons)


# Someone with dementia out in the cold with the staff or family is not alone there; gone from
# them now, or out alone, they are in danger.
DEMENTIA_MINDED = [
    ("sv", "min mormor 91 år har demens och bor på äldreboende, hon var ute och gick med "
     "personalen i snön idag, det var -12 men hon älskade det"),
    ("en", "grandma has dementia, she went for a walk with the staff in the snow today, minus 10, "
     "she loved it"),
    ("nb", "bestemor har demens, hun var ute og gikk med de ansatte i snøen i dag, minus 12"),
]
DEMENTIA_GONE = [
    ("sv", "mamma är dement och var ute med personalen men nu är hon borta, minus femton ute"),
    ("en", "dad has dementia, he was out with the staff but now we cant find him and its minus 15"),
    ("nb", "bestefar har demens, han var ute med de ansatte men nå finner vi ham ikke, minus 15"),
    ("sv", "mamma är dement och har gått ut utan jacka, det är minus femton"),
]


@pytest.mark.parametrize(("lang", "text"), DEMENTIA_MINDED)
def test_dementia_out_in_the_cold_with_the_staff_is_not_urgent(
    directory: Directory, lang: str, text: str
) -> None:
    urgent, reasons = SuggestionEngine(directory).urgency(chat(lang, "relative", text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "text"), DEMENTIA_GONE)
def test_dementia_gone_or_alone_in_the_cold_stays_urgent(
    directory: Directory, lang: str, text: str
) -> None:
    urgent, reasons = rules_engine(directory).urgency(
        chat(lang, "relative", text)
    )
    assert urgent and any(r.startswith("third_party_danger:") for r in reasons), (text, reasons)
