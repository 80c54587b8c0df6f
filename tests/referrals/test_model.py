"""The learnt urgency model: what it reads, that its verdict is explained by words, and that
it was trained on every labelled set except the frozen one."""

from __future__ import annotations

import math

import pytest

from referrals import Directory, SuggestionEngine
from referrals.model import UrgencyModel, default_model, features, line_features
from tests.referrals.helpers import chat, rules_engine, trained_on


def test_features_read_words_without_diacritics_and_pieces_of_them() -> None:
    """Letter n-grams and words are read without å/ä/ö, so "saknar" typed "sakna" or without
    the ring still shares most of its features with the word."""
    found = features("Ingen skulle sakna mig")
    assert "w:sakna" in found and " sak" in found and "b:skulle sakna" in found
    assert set(features("sjalvmord")) == set(features("självmord"))


def test_line_features_know_which_word_each_feature_came_from() -> None:
    """Every feature points back at the words it came from, so reasons are typed words."""
    line = line_features("Vill försvinna")
    assert line.words == ("vill", "försvinna")
    assert line.origins["w:forsvinna"] == (1,)
    assert line.origins["b:vill forsvinna"] == (0, 1)


def test_the_model_reads_an_unseen_passive_death_wish_and_names_its_words() -> None:
    """A wording in none of the concept classes is read as urgent; the reason is the words
    that weighed most, as the visitor typed them."""
    model = default_model()
    text = "jag sitter vid vattnet och tänker hur tyst det skulle bli"
    verdict = model.read([line_features(text)])
    assert verdict.probability >= model.threshold
    assert verdict.kind == "suicide"
    assert verdict.words and all(word in text.split() for word in verdict.words)


def test_ordinary_questions_stay_far_below_the_threshold() -> None:
    """Questions about opening hours, a relative's drinking or gambling are not urgent."""
    model = default_model()
    for text in (
        "hej, när har ni öppet på fredag?",
        "min man dricker för mycket på helgerna, vad kan jag göra",
        "how do I block myself from betting sites?",
    ):
        assert model.read([line_features(text)]).probability < model.threshold / 2, text


def test_the_engine_asks_the_model_only_when_the_rules_find_nothing(
    engine: SuggestionEngine, directory: Directory
) -> None:
    """Rules first: their reasons stand alone; the model's reason appears only when the rules
    are silent, and an engine without the model stays silent there."""
    rules_only = rules_engine(directory)
    explicit = chat("sv", "self", "jag vill ta livet av mig ikväll")
    assert engine.urgency(explicit) == rules_only.urgency(explicit)
    unseen = chat("sv", "self", "jag sitter vid vattnet och tänker hur tyst det skulle bli")
    assert rules_only.urgency(unseen)[0] is False
    urgent, reasons = engine.urgency(unseen)
    assert urgent and reasons[0].startswith("suicide: ")


def test_the_model_was_trained_on_every_labelled_set_but_the_frozen_one() -> None:
    """The shipped model lists what it learnt from: every labelled file as it is now, never
    blind_test.jsonl. After changing a set, run: python scripts/train_urgency_model.py"""
    found, expected = trained_on("urgency_model.json.gz")
    assert found == expected
    assert not any(name.startswith("blind_test") for name in found)


SURE_WORDINGS = (
    # blind set 10, author U: a cut described by what stops it bleeding, no self-harm word
    ("sv", "self", "det blödde mer än vanligt ikväll",
     "har lindat en handduk runt armen men den e rätt röd nu",
     "staff: Hur länge sedan var det?", "kanske en halvtimme"),
    # blind set 10, author T: hiding from violence, no violence word in the writer's lines
    ("sv", "child", "mamma o hennes kille bråkar o han har kastat en stol",
     "jag sitter i garderoben", "vågar inte ringa för han hör"),
)


@pytest.mark.parametrize("wording", SURE_WORDINGS, ids=["bleeding", "wardrobe"])
def test_a_verdict_the_model_is_sure_of_needs_no_concept_class(
    directory: Directory, wording: tuple[str, ...]
) -> None:
    """From the model's sure cut on, its verdict stands without a class of its kind beside it:
    these wordings are urgent only through that, so without the cut they are lost."""
    conversation = chat(*wording)
    engine = SuggestionEngine(directory)
    assert engine.model is not None and engine.model.sure == 0.9
    urgent, reasons = engine.urgency(conversation)
    assert urgent, reasons
    never = SuggestionEngine(directory, model=UrgencyModel.load())
    assert never.model is not None
    never.model.sure = math.inf
    assert never.urgency(conversation) == (False, [])


def test_a_sure_verdict_still_needs_a_line_that_is_now(directory: Directory) -> None:
    """The words told as over are not urgent however sure the model is (the cut is lowered
    here so that this wording, read at about 0.68 by the model retrained with sets 14-19,
    counts as sure)."""
    engine = SuggestionEngine(directory, model=UrgencyModel.load())
    assert engine.model is not None
    engine.model.sure = 0.65
    text = ("för fem år sedan satt jag i garderoben när mamma o hennes kille bråkade "
            "o han kastade en stol")
    assert engine.model.read([line_features(text)]).probability >= 0.65
    assert engine.urgency(chat("sv", "self", text)) == (False, [])
    now = text.replace("för fem år sedan satt", "nu sitter").replace("bråkade", "bråkar")
    assert engine.urgency(chat("sv", "self", now))[0]
