"""False alarms of blind set 24 with a general cause (branch fp25).

Set 24 was read for this branch: each mechanism is tested in wordings of our own (not copied
from the set), each flagged before, beside alarming wordings in the same words that stay urgent
by the concept rules alone (``model=None``). Lines are separated by newlines; a line starting
with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine
from referrals.engine import _supported
from referrals.model import ModelVerdict

from .helpers import chat_text, rules_engine

CALM = [
    # a farewell said to a habit, or to gambling accounts closed
    ("sv", "self", "nu säger jag farväl till spriten\nhällde ut allt i morse, vad ska jag äta "
     "för att sova bättre?"),
    ("nb", "self", "farvel til flaska fra i dag. hvordan kommer jeg gjennom første uka?"),
    ("en", "self", "farewell to the bottle tonight. poured it all out, what happens to my body "
     "in the first week?"),
    ("sv", "self", "ikväll stängde jag mina konton på spelsidorna\nhejdå för gott. hur gör jag "
     "så jag inte kan öppna nya?"),
    # a funeral or a hospice, and the goodbyes of the conversation
    ("sv", "relative", "farfar ligger på hospice sedan i måndags\nvi har tagit farväl "
     "allihop nu. hur pratar jag med min lillebror om det?"),
    ("nb", "self", "morfar ble begravet i går\nvi sa farvel ved kista og jeg visste ikke hva "
     "jeg skulle gjøre"),
    ("en", "self", "my grandad was buried today\nwe all said goodbye to him and now it is over. "
     "is it normal to feel numb?"),
    # a pet let go to sleep
    ("sv", "self", "vi fick låta katten somna in i förrgår, hon var sjuk\njag saknar henne, "
     "inga mörka tankar men mycket gråt"),
        # the one who did not answer has called
    ("sv", "relative", "min bror har inte svarat sen i förrgår, han bor ensam och dricker\n"
     "vänta\nnu ringde han! batteriet hade dött. kan jag få prata om hur jag orkar med honom?"),
    ("nb", "relative", "faren min har ikke svart på telefonen siden i går, han drikker og bor "
     "alene\nvent\nnå ringte han! telefonen hadde dødd. kan jeg få støtte selv?"),
    # "just like" is no time
    ("sv", "child", "min kompis pappa dricker precis som min pappa gör\nfinns det nån jag kan "
     "prata med om det?"),
    # a parent who will "kill me" for what they find out
    ("sv", "child", "pappa kommer döda mig om han får veta att jag var på fest i fredags\ndrack "
     "för mycket och spydde, mår bra nu. är 15"),
    ("nb", "child", "mamma kommer til å drepe meg hvis hun får vite at jeg røyker\nhvordan "
     "slutter man?"),
    ("en", "professional", "I teach maths. A boy said today \"my mum's gonna kill me when she "
     "sees my grades\" and laughed.\nWhen should a teacher report a concern? It's a general "
     "question."),
    # a song or a show, and the line before shown to be a quote
    ("en", "relative", "my daughter wrote 'i want to kill myself' in her notebook\nstaff: Have "
     "you talked with her?\nyes, it's a line from a song she sings in the choir. she "
     "laughed at me"),
    ("sv", "child", "mamma såg att jag lyssnar på en rocklåt som heter typ 'jag vill dö ung'\n"
     "nu tror hon att jag vill ta livet av mig. jag mår bra på riktigt, hur förklarar jag?"),
    ("nb", "relative", "så på tv i går og den delen med selvmordstanker fikk meg til å tenke "
     "på broren min\nhan hadde det tungt for to år siden men sier det er over nå"),
    # laughing emojis told of, a teenager's exaggeration
    ("sv", "relative", "min dotter skrev 'vill dö' när jag sa att hon måste diska\nföljt av "
     "fem skrattgubbar. hur pratar man med tonåringar om sånt?"),
    # panic, a racing heart and a fear of fainting with nothing taken
    ("sv", "self", "får panikattacker i affären. hjärtat rusar och jag tror att jag ska svimma\n"
     "nu vågar jag knappt handla"),
    ("sv", "self", "plugget tar livet av mig\nsover 4 timmar per natt och hjärtat rusar. hur "
     "får man hjälp med stress?"),
    # a getaway
    ("sv", "self", "vill bara försvinna\ntill en ö utan mobiltäckning i två veckor haha\n"
     "staff: Låter som du behöver vila\nja, är så trött på jobbet"),
    # professionals asking in general
    ("en", "professional", "I'm a new GP here. When a patient mentions suicidal thoughts, "
     "which units should I refer them to? Just trying to learn."),
    ("nb", "professional", "Jeg er lærer og vil lage et opplegg for klassene om selvskading.\n"
     "staff: Gjelder det en elev du er bekymret for nå?\nNei, ingen akutt. Det er generelt."),
    ("nb", "professional", "Vi er sykepleiere og vil bli bedre på å informere om "
     "overdosefare etter avrusning.\nstaff: Gjelder det en pasient nå?\nRutinen generelt."),
    # a friend moving away
    ("sv", "self", "kompisen flyttar till japan på lördag\nsista kvällen ikväll, hon är den "
     "enda"),
]

URGENT = [
    # a farewell to one's family, and a goodbye with drink
    ("sv", "self", "säger farväl till alla ikväll. har sparat tabletter", "suicide"),
    ("en", "self", "goodbye to everyone. i have saved my pills for tonight", "suicide"),
    ("sv", "self", "hejdå för gott. jag vill inte leva längre", "suicide"),
    # a bereavement and one's own wish or plan
    ("sv", "relative", "mormor begravdes idag\nhar skrivit farväl till alla. jag vill inte "
     "leva utan henne", "suicide"),
    ("en", "self", "my mum was buried today. i have saved up my pills and i will take them "
     "tonight", "suicide"),
    # a pet and one's own wish
    ("sv", "self", "hunden dog igår. nu vill jag också bara dö", "suicide"),
    # someone still unreachable after a goodbye
    ("sv", "relative", "min bror skrev hejdå till mig i natt och nu svarar han inte", "goodbye"),
    # a parent's threat now
    ("sv", "self", "pappa sa att han ska döda mig när han kommer hem ikväll", "violence"),
    ("en", "self", "my dad is going to kill me when he gets home tonight, he hit me yesterday",
     "violence"),
    # a song named, and the wish one's own
    ("sv", "self", "lyssnar på en rocklåt\njag vill ta livet av mig ikväll", "suicide"),
    ("sv", "self", "mamma tror att jag vill dö och hon har rätt", "suicide"),
    ("en", "self", "my mum thinks i want to kill myself and she's right", "suicide"),
    # pills taken, and a racing heart
    ("sv", "self", "tog 20 tabletter för en timme sen, hjärtat rusar", "overdose"),
    # vanishing somewhere for good
    ("sv", "self", "vill bara försvinna\ntill andra sidan. har tabletterna framme",
     "suicide"),
    # a professional's one pupil now
    ("nb", "professional", "Jeg er helsesykepleier. En elev kutter seg nå på toalettet",
     "self_harm"),
]


@pytest.mark.parametrize(("lang", "role", "text"), CALM)
def test_b24_read_false_alarms_with_a_general_cause_are_gone(
    engine: SuggestionEngine, lang: str, role: str, text: str
) -> None:
    """A farewell said to a habit, goodbyes at a funeral or a hospice, a pet let go, someone
    who did not answer and has called, "just like", a parent's anger at what they find out, a
    quote shown to be one, laughing emojis told of, a racing heart with nothing taken, a
    getaway, professionals asking in general and a friend moving away are not urgent."""
    urgent, reasons = engine.urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text", "kind"), URGENT)
def test_b24_read_alarming_counter_examples_stay_urgent_by_the_rules(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """The same words with a risk now stay urgent, by the concept rules alone."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


# The learnt model's verdicts (its words change with every retraining, so its checks are tested
# on a verdict given here): visitor lines with a staff line between, whether the model is sure,
# whether a staff suicide question was answered no, and whether the verdict counts.
MODEL_VERDICTS = [
    # a no to the staff member's question whether the one told of wants to die
    ("suicide", ["Mormor säger att allt är meningslöst nu för tiden",
                 "Nej, inte så. Hon har mest tråkigt."], True, True, False),
    ("suicide", ["Bestefar sier at alt er meningsløst", "Nei, ikke sånn. Han kjeder seg."],
     True, True, False),
    # ... but the answer goes on with a wish to be gone, or no "no" was said
    ("suicide", ["Mormor säger att allt är meningslöst nu för tiden",
                 "Nej inte så. Men jag vill inte vara kvar"], True, True, True),
    ("suicide", ["Mormor säger att allt är meningslöst nu för tiden",
                 "Hon har mest tråkigt."], True, False, True),
    # a habit quit: gambling accounts closed, and a goodbye "for good"
    ("suicide", ["stängde mina konton hos spelbolagen ikväll", "hejdå för gott"], True, False,
     False),
    ("en", ["closed my accounts on the casino sites tonight", "goodbye for good"], True, False,
     False),
    ("suicide", ["stängde mina konton hos spelbolagen ikväll", "hejdå för gott, vill dö"],
     True, False, True),
    # the one who did not answer has called since
    ("goodbye", ["brorsan svarar inte sen igår", "nu ringde han! mobilen hade dött"], True,
     False, False),
    ("goodbye", ["brorsan svarar inte sen igår och skrev hejdå"], True, False, True),
    # a relative's vaping and the writer's wish to handle it better
    ("suicide", ["my daughter is 14 and vapes", "I want to handle it better"], False, False,
     False),
    ("suicide", ["my daughter is 14 and vapes", "I want to die"], False, False, True),
]


@pytest.mark.parametrize(("kind", "lines", "sure", "denied", "counts"), MODEL_VERDICTS)
def test_b24_read_model_verdicts_a_calm_reading_explains(
    engine: SuggestionEngine, kind: str, lines: list[str], sure: bool, denied: bool,
    counts: bool,
) -> None:
    """A no to the staff member's suicide question with no word of dying or of life anywhere
    the model read, a habit quit, and someone who has called since turn down the model's
    verdict even when it is sure; a relative's smoking or vaping beside a will alone does when
    it is not sure."""
    verdict = ModelVerdict(0.95 if sure else 0.7, "suicide" if kind == "en" else kind,
                           ("x",), tuple(range(len(lines))))
    window = [engine._analyse(line) for line in lines]
    assert _supported(
        verdict, window, [False] * len(lines), sure=sure, denied=denied
    ) is counts, lines


def test_b24_read_a_move_told_is_no_flight_for_the_model(engine: SuggestionEngine) -> None:
    """Past the model's ``any_kind`` cut a class of another kind will do, but a move told
    ("flyttar till Japan") is no flight from violence; fleeing from someone who hit still is."""
    verdict = ModelVerdict(0.88, "suicide", ("x",), (0, 1))

    def counts(*lines: str) -> bool:
        window = [engine._analyse(line) for line in lines]
        return _supported(verdict, window, [False] * len(lines), sure=False, any_kind=True)

    assert not counts("kompisen flyttar till japan på lördag", "sista kvällen ikväll")
    assert counts("jag flydde från honom ikväll, han slog mig", "sista kvällen")
