"""Concept classes (concepts/<lang>.toml) and the rules that combine them (issue 11)."""

from __future__ import annotations

import pytest

from referrals import Conversation, Directory, SuggestionEngine
from referrals.concepts import load_concepts
from tests.referrals.helpers import chat

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
    guard against losing them). One Swedish case with "hur man" is a known miss."""
    from referrals.evaluation import evaluate, read_labelled_cases
    from tests.referrals.helpers import DATA

    report = evaluate(engine, read_labelled_cases(DATA / "concept_wordings.jsonl"))
    wrong = [r.case.name for r in report.results if not r.urgent_correct]
    assert len(wrong) <= 1, wrong


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
    urgent, reasons = SuggestionEngine(directory, model=None).urgency(
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
