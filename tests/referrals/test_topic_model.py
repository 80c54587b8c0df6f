"""The learnt topic model: it reorders the services the words found, never adds a country's
services to another country's chat or 112 to a calm one, and was trained on every labelled set
except the frozen one."""

from __future__ import annotations

import math

import pytest

from referrals import Directory, SuggestionEngine
from referrals.model import TopicModel, default_topic_model, line_features
from tests.referrals.helpers import chat, trained_on

GAMBLING_AWAY_PAY = (
    "jag har spelat bort hela min sparade lön på en vecka",
    "nu ringer inkasso varje dag och jag ljuger för min fru",
)
"""Gambling named once ("spelat bort"), its debt at length: the words find debt first."""


@pytest.fixture(scope="module")
def rules_only(directory: Directory) -> SuggestionEngine:
    return SuggestionEngine(directory, topic_model=None)


def test_the_topic_model_was_trained_on_every_labelled_set_but_the_frozen_one() -> None:
    """The shipped model lists what it learnt from: every labelled file as it is now, never
    blind_test.jsonl. After changing a set, run: python scripts/train_topic_model.py"""
    found, expected = trained_on("topic_model.json.gz")
    assert found == expected


def test_the_model_reads_a_topic_from_words_around_it() -> None:
    """Spelat bort and a debt collector read as gambling, though neither is a word of the
    gambling topic's list alone."""
    read = default_topic_model().read([line_features(text) for text in GAMBLING_AWAY_PAY])
    assert read["gambling"] > 0.8
    assert max(read, key=read.__getitem__) == "gambling"


def test_the_model_moves_a_second_gambling_service_into_the_top_three(
    engine: SuggestionEngine, rules_only: SuggestionEngine
) -> None:
    """The words alone rank debt advice and the social services' intake over gambling help;
    with the model, two of the three are for gambling."""
    conversation = chat("sv", "self", *GAMBLING_AWAY_PAY)
    gambling = {service.id for service in engine.directory if service.categories[0] == "gambling"}
    with_model = engine.suggest(conversation, top=3).ids
    alone = rules_only.suggest(conversation, top=3).ids
    assert len(gambling & set(alone)) == 1
    assert len(gambling & set(with_model)) == 2


def test_the_model_never_learns_emergency() -> None:
    """112 / 113 are the urgency verdict's to suggest: the model does not read "emergency"."""
    assert "emergency" not in default_topic_model().categories


def test_a_calm_gambling_debt_gets_no_emergency_number(engine: SuggestionEngine) -> None:
    """A pawned ring for a gambling site is calm: the model reads it (over twenty words) and
    the emergency services stay out of the list, as the urgency verdict says."""
    conversation = chat(
        "sv",
        "self",
        "har pantsatt mammas ring för att kunna sätta in mer på sajten, hon vet inget",
        "och nu är lönen slut igen fast det bara är den tionde",
    )
    result = engine.suggest(conversation, top=5)
    assert engine._topic_model_reading(conversation.lines)
    assert not result.urgent
    assert "se-112" not in result.ids


def test_the_model_never_brings_in_another_countrys_services(engine: SuggestionEngine) -> None:
    """A Norwegian chat about gambling gets Norwegian services (or the chat's own)."""
    conversation = chat(
        "nb",
        "self",
        "har brukt opp sparepengene på nettkasino og nå har jeg tatt forbrukslån",
        "kona vet ingenting og jeg klarer ikke å slutte selv om jeg prøver hver dag",
    )
    assert engine._topic_model_reading(conversation.lines)
    countries = {engine.directory[i].country for i in engine.suggest(conversation, top=8).ids}
    assert countries <= {"NO", "*"}


def test_a_few_words_are_not_read(engine: SuggestionEngine, rules_only: SuggestionEngine) -> None:
    """Under twenty words a few letter n-grams would carry the whole (normalised) reading:
    "babyen vår har kolikk" must not read as the topics of a whole conversation."""
    conversation = chat("nb", "self", "babyen vår har kolikk og gråter hele ettermiddagen")
    assert engine._topic_model_reading(conversation.lines) == {}
    assert engine.suggest(conversation).ids == rules_only.suggest(conversation).ids


def test_a_conversation_with_no_visitor_line_is_not_read(
    engine: SuggestionEngine, rules_only: SuggestionEngine
) -> None:
    """Staff lines are never read by the model: a greeting alone ranks as the words do."""
    conversation = chat("sv", None, "staff: Hej! Vad vill du prata om i dag?")
    assert engine.suggest(conversation).ids == rules_only.suggest(conversation).ids


def test_a_model_file_of_another_format_or_with_arrays_that_do_not_fit_is_refused() -> None:
    with pytest.raises(ValueError, match="format"):
        TopicModel({"format": 99, "categories": [], "intercepts": [], "features": {}})
    with pytest.raises(ValueError, match="do not fit"):
        TopicModel(
            {
                "format": 2,
                "categories": ["gambling"],
                "intercepts": [0.0],
                "features": ["w:spel", "w:skuld"],
                "idf": [2.0],
                "offsets": [0, 1, 1],
                "kinds": [0],
                "weights": [1.0],
            }
        )


def test_read_sums_the_lines_then_a_logistic_regression_per_category() -> None:
    """Each line is read alone (tf-idf, sublinear tf), the vectors are summed and divided by
    the root of their squared lengths' sum, then one logistic regression per category; worked
    by hand for two features. scripts/train_topic_model.py (``line_sums``) trains on exactly
    this."""
    model = TopicModel(
        {
            "format": 2,
            "categories": ["gambling", "debt"],
            "intercepts": [-1.0, 0.5],
            "features": ["w:spel", "w:skuld"],
            "idf": [2.0, 1.0],
            "offsets": [0, 1, 2],
            "kinds": [0, 1],
            "weights": [3.0, -2.0],
        }
    )
    read = model.read([line_features("spel spel skuld"), line_features("spel okänt")])
    first = ((1.0 + math.log(2)) * 2.0, 1.0)  # "spel" twice, "skuld" once
    second = (2.0, 0.0)  # "spel" once
    norm = math.sqrt(sum(v * v for v in first + second))
    spel, skuld = first[0] + second[0], first[1] + second[1]
    assert read["gambling"] == pytest.approx(1 / (1 + math.exp(-(-1.0 + 3.0 * spel / norm))))
    assert read["debt"] == pytest.approx(1 / (1 + math.exp(-(0.5 - 2.0 * skuld / norm))))
    nothing = model.read([line_features("okänt")])
    assert nothing["debt"] == pytest.approx(1 / (1 + math.exp(-0.5)))
