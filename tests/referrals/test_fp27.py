"""False alarms of blind set 25 with a general cause (branch fp27).

Set 25 was read for this branch: each mechanism is tested in wordings of our own (not copied
from the set), calm ones that must stay calm (rules and model), beside alarming near-twins in
the same words that stay urgent by the concept rules alone (``model=None``). Lines are
separated by newlines.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

CALM = [
    # a team relegated is a game lost: the death wish said over it is a fan's hyperbole
    ("sv", "self", "trodde jag skulle dö när laget åkte ur superettan i söndags\nnåja. hur mycket "
     "snus per dag är för mycket?"),
    ("nb", "self", "ville dø da laget mitt rykket ned i helga haha\nuansett, hvor mye alkohol "
     "er for mye i uka?"),
    ("en", "self", "wanted to die when my team got relegated on saturday lol\nanyway how many "
     "units a week is too much?"),
    # a time or an ache that is "killing me": no one to kill
    ("en", "self", "my back has been killing me this week\nare you open on sundays?"),
    ("sv", "self", "veckan har verkligen dödat mig idag\nhar ni öppet på helgen?"),
    ("nb", "self", "uka har drept meg helt i dag\nhar dere åpent i helga?"),
    # a long journey explains the goodbyes and the things given away
    ("sv", "self", "jag har gett bort nästan allt jag äger och sagt hejdå till alla\nska segla "
     "jorden runt i ett år! hur tar jag med mig min medicin?"),
    ("en", "self", "i have given away all my stuff and said goodbye to everyone\ngoing to "
     "travel around the world for a year! can i bring my meds?"),
    # falling asleep for ever at a past time: a death told, no wish
    ("sv", "self", "farfar hade cancer länge och somnade in igår kväll\njag har svårt att "
     "sova nu, vart kan jag vända mig?"),
    ("nb", "self", "bestefar var syk lenge og sovnet inn i natt\njeg sliter med å sove, hvor "
     "kan jeg få hjelp?"),
    # drinking negated right after the verb
    ("nb", "child", "pappa drikker ikke i kveld, han har lovet det\nkan jeg snakke med noen om "
     "hvordan det var før?"),
    ("sv", "child", "mamma drack inte nånting i helgen, första gången på länge\nkan jag prata "
     "med nån om hur det varit?"),
    # a drink named only in a question whether one may drink
    ("sv", "self", "vi fick vår dotter idag!\nkan man dricka en öl när man ammar?"),
    ("nb", "self", "vi fikk en sønn i dag!\nkan man drikke et glass vin når man ammer?"),
    # an attempt dated by a year and a "when" that tells what the time was like
    ("sv", "self", "försökte ta livet av mig 2012 när jag var som sjukast\nnu mår jag bra. "
     "har ni anhöriggrupper?"),
    ("en", "self", "i tried to kill myself in 2013 when my drinking was at its worst\ni'm "
     "doing well now. do you run support groups?"),
]

URGENT = [
    ("sv", "self", "jag ville dö när laget åkte ur superettan, och ikväll tänker jag ta "
     "livet av mig",
     "suicide"),
    ("en", "self", "he said this week he is killing me tonight", "violence"),
    ("sv", "self", "han har sagt att han ska döda mig ikväll", "violence"),
    ("nb", "self", "han sier han skal drepe meg i kveld", "violence"),
    ("sv", "self", "jag vill bara somna in i natt", "suicide"),
    ("nb", "self", "vil bare sovne inn i natt", "suicide"),
    ("sv", "self", "jag har gett bort allt jag äger och sagt hejdå till alla\nska segla jorden "
     "runt, men egentligen vill jag inte leva längre", "suicide"),
    ("nb", "child", "pappa drakk masse i hele kveld og nå er han full\njeg er alene med "
     "lillebror", "child_at_risk"),
    ("sv", "child", "mamma har druckit hela kvällen och är full nu\njag är ensam med "
     "lillasyster", "child_at_risk"),
    ("sv", "self", "försökte ta livet av mig 2012 när jag var som sjukast\noch ikväll ska jag "
     "ta livet av mig", "suicide"),
    ("en", "self", "tried to kill myself in 2013\nand tonight i am going to kill myself",
     "suicide"),
]


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_b25_read_false_alarms_with_a_general_cause_are_gone(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """A relegation, a time "killing me", a long journey, a death told in the past tense,
    drinking negated, a drink only asked about, and an attempt dated years back are calm."""
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text", "kind"), URGENT)
def test_b25_read_alarming_near_twins_stay_urgent_by_the_rules(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """The same words with a risk now stay urgent, by the concept rules alone."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


def test_b25_a_plain_goodbye_to_the_service_stays_urgent(engine: SuggestionEngine) -> None:
    """A goodbye with no recovery or joy beside it stays urgent."""
    text = "tack för allt, det här blir mitt sista meddelande"
    urgent, _ = engine.urgency(chat_text("sv", "self", text))
    assert urgent
