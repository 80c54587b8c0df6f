"""Concept classes (concepts/<lang>.toml) and the rules that combine them (issue 11)."""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine
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
