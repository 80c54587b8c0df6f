"""False alarms by the rules found while probing main (branch fp38).

The concept rules read as urgent: a letter written to someone in the simple past ("skrev brev
till mormor igår", "skrev brev til kommunen"), a railing's height asked as a building question
("hur högt måste räcket vara"), "farewell" as an occasion (a leaving do, a colleague's party,
a speech or a card), talk about the word "unalive" rather than its use, and a cat or a plant on
a window ledge. Each mechanism in our own words in sv, nb and en (with typos and without
å/ä/ö), calm with the whole engine, with urgent near-twins beside it that the concept rules
alone (``model=None``) must still catch: letters written and lying ready for one's family
("har skrivit brev till barnen så de förstår"), a goodbye letter, a farewell to life, standing
on a ledge oneself, "unalive myself". Lines are separated by newlines.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

FP38_URGENT = [
    # letters written and lying ready for one's own, or a letter to kin with a sign beside it
    ("sv", "jag har skrivit brev till barnen så de förstår varför", "suicide"),
    ("sv", "har skrivit ett brev till mamma och pappa. ifall.", "suicide"),
    ("sv", "skrev ett brev till barnen ikväll och la det i byrålådan", "suicide"),
    ("sv", "har skrivit ett avskedsbrev till familjen sa att de forstar", "suicide"),
    ("nb", "har skrevet brev til ungene og lagt dem i skuffen", "suicide"),
    ("nb", "jeg har skrevet et brev til mamma i tilfelle.", "suicide"),
    ("nb", "har skrevet avskjedsbrev til familien så de skjønner", "suicide"),
    # a letter sent to one's family, and everything settled now
    ("sv", "skrev brev till barnen ikväll. nu är allt klart", "suicide"),
    ("sv", "skrev brev till mamma och pappa. nu kan jag gå", "suicide"),
    ("nb", "skrev brev til ungene i kveld. nå er alt klart", "suicide"),
    ("en", "wrote a letter to my kids tonight. everything is ready now", "suicide"),
    ("en", "i've written letters to my kids so they understand", "suicide"),
    ("en", "writing a farewell letter to my family so they understand why", "suicide"),
    ("en", "i've written a letter to my mum and put it in the drawer", "suicide"),
    ("en", "i've left a letter for my wife on the table. i'm done", "suicide"),
    ("en", "wrote a letter to my kids just in case.", "suicide"),
    ("en", "i've been writing letters to my parents\nin case, you know", "suicide"),
    # a farewell to life
    ("en", "this is my farewell. sorry for everything", "suicide"),
    ("en", "farewell to life, i'm done", "suicide"),
    ("sv", "det här är mitt farväl till livet", "suicide"),
    ("nb", "dette er mitt farvel. tilgi meg", "suicide"),
    # the word used of oneself
    ("en", "i want to unalive myself", "suicide"),
    ("en", "gonna unalive myself tonight", "suicide"),
    ("sv", "jag vill unalive mig", "suicide"),
    ("nb", "jeg vil unalive meg selv", "suicide"),
    # standing or sitting on a ledge or a railing oneself, or a child on it
    ("en", "im standing on the ledge", None),
    ("en", "i'm sitting on the window ledge and thinking of jumping", None),
    ("sv", "står på balkongräcket nu", None),
    ("sv", "min son på 3 sitter på fönsterkanten och fönstret är öppet", None),
    ("nb", "står på rekkverket nå", None),
]

FP38_NOT_URGENT = [
    # a letter written and sent, to family, an office or a pen pal
    ("sv", "skrev brev till mormor igår, hon blev så glad"),
    ("sv", "skrev brev till kommunen om bygglovet"),
    ("sv", "jag skrev brev till min brevvän i japan"),
    ("sv", "skrev brev till farmor i förra veckan och fick svar idag"),
    ("sv", "skrev brev till kommunen om gatlyktorna"),
    ("nb", "skrev brev til bestemor i går"),
    ("nb", "jeg skrev brev til kommunen om byggesaken"),
    ("nb", "skrev brev til brevvennen min i japan"),
    ("nb", "skrev brev til mormor forrige uke, hun svarte med en gang"),
    ("en", "wrote a letter to my grandma for her birthday"),
    ("en", "wrote a letter to my mum for mothers day"),
    ("en", "i wrote a letter to my sister yesterday, she lives in spain"),
    ("en", "i'm writing a letter to my grandma for her birthday"),
    ("nb", "skrev brev til bestemor i går. nå er alt klart til jul"),
    ("sv", "skrev brev till mormor. nu är allt klart inför flytten"),
    ("en", "wrote a letter to my mum. everything is ready for the move now"),
    # a railing's height, a railing replaced
    ("sv", "hur högt måste räcket vara på en balkong i sju våningar"),
    ("sv", "hur hogt maste racket vara pa balkongen"),
    ("sv", "vi ska byta räcket på altanen, vilken höjd krävs?"),
    ("nb", "hvor høyt må rekkverket være på en balkong i sju etasjer"),
    ("en", "how high does a balcony railing have to be"),
    ("en", "we're replacing the railing on our deck, what height is required?"),
    # "farewell" as an occasion
    ("en", "writing a farewell speech for my leaving do"),
    ("en", "farewell party for a colleague"),
    ("en", "we're throwing a farewell dinner for my boss"),
    ("en", "farwell party at work tomorrow"),
    ("en", "got a farewell card for my teacher"),
    ("sv", "skriver ett farväl-tal till min kollega som går i pension"),
    ("nb", "holder en farvel-tale for sjefen min på fredag"),
    # talk about a word
    ("en", "I watched a video about the word unalive"),
    ("en", "why do people say unalive instead of kill"),
    ("en", "what does unalive mean"),
    ("sv", "såg en video om ordet unalive"),
    ("nb", "så en video om ordet unalive"),
    # an animal or a thing on a window ledge
    ("en", "my cat sits on the window ledge all day"),
    ("en", "our cat loves sleeping on the windowsill"),
    ("en", "the plants sit on the window ledge in summer"),
    ("sv", "katten sitter på fönsterkanten hela dagen"),
    ("sv", "katten sitter pa fonsterkanten hela dagarna"),
    ("nb", "katten sitter på vinduskanten hele dagen"),
]

_FULL: dict[int, tuple[Directory, SuggestionEngine]] = {}


def _full_engine(directory: Directory) -> SuggestionEngine:
    kept = _FULL.get(id(directory))
    if kept is None:
        kept = _FULL[id(directory)] = (directory, SuggestionEngine(directory))
    return kept[1]


@pytest.mark.parametrize(("lang", "text", "kind"), FP38_URGENT)
def test_fp38_urgent_twins_stay_urgent_without_the_model(
    directory: Directory, lang: str, text: str, kind: str | None
) -> None:
    """Letters lying ready for one's family or with a sign beside them, a farewell to life,
    "unalive" said of oneself, a ledge or a railing stood on. ``kind`` None: any urgent kind."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, None, text))
    assert urgent, (text, reasons)
    if kind is not None:
        assert any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), FP38_NOT_URGENT)
def test_fp38_calm_readings_stay_not_urgent(directory: Directory, lang: str, text: str) -> None:
    """A letter sent, a railing's height, a farewell party, a word talked about, a cat on the
    ledge: calm with the whole engine."""
    urgent, reasons = _full_engine(directory).urgency(chat_text(lang, None, text))
    assert not urgent, (text, reasons)
