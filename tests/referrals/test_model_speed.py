"""The urgency model's reading from per-line work done once (branch perf24) gives the float the
plain loop over the features gave, bit for bit, and below ``least`` stops at the probability."""

from __future__ import annotations

import math
from collections import Counter

from referrals.model import FUNCTION_WORDS, REASON_WORDS, LineFeatures, default_model, line_features

TEXTS = [
    "jag orkar inte mer, ingen skulle sakna mig",
    "jeg har tatt alle pillene mine og er så trøtt",
    "nej nej nej, han kommer hem snart och han är full",
    "I don't want to be here anymore, I have the pills next to me",
    "hej",
    "haha hahaha ja ja",
]


def reference(lines: list[LineFeatures]) -> tuple[float, str, tuple[str, ...]]:
    """The reading as a loop over the features, as ``UrgencyModel.read`` was written before."""
    model = default_model()
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(line.counts)
    vector: dict[str, tuple[int, float]] = {}
    for feature, count in counts.items():
        i = model._index.get(feature)
        if i is not None:
            vector[feature] = (i, (1.0 + math.log(count)) * model._idf[i])
    norm = math.sqrt(sum(value * value for _, value in vector.values()))
    if norm:
        vector = {f: (i, value / norm) for f, (i, value) in vector.items()}
    score = model._intercept + sum(value * model._weight[i] for i, value in vector.values())
    kinds = list(model._kind_intercepts)
    for i, value in vector.values():
        row = model._kind_row[i]
        if row >= 0:
            for k in range(len(kinds)):
                kinds[k] += value * model._kind_weights[row + k]
    contribution: dict[tuple[int, int], float] = {}
    for number, line in enumerate(lines):
        for feature, positions in line.origins.items():
            if feature in vector:
                i, value = vector[feature]
                for position in positions:
                    key = (number, position)
                    share = value * model._weight[i] / len(positions)
                    contribution[key] = contribution.get(key, 0.0) + share
    best = sorted(
        (
            k
            for k, v in contribution.items()
            if v > 0 and lines[k[0]].words[k[1]] not in FUNCTION_WORDS
        ),
        key=lambda k: -contribution[k],
    )[:REASON_WORDS]
    shown = tuple(dict.fromkeys(lines[n].words[p] for n, p in sorted(best)))
    kind = model._kinds[max(range(len(kinds)), key=kinds.__getitem__)]
    return 1.0 / (1.0 + math.exp(-score)), kind, shown


def test_a_reading_is_the_loops_float_bit_for_bit() -> None:
    model = default_model()
    windows = [[t] for t in TEXTS] + [
        TEXTS[:3],
        TEXTS,
        [TEXTS[0], TEXTS[2], TEXTS[0]],
        TEXTS[4:] * 3,
    ]
    for window in windows:
        lines = [line_features(text) for text in window]
        verdict = model.read(lines)
        probability, kind, shown = reference(lines)
        assert verdict.probability.hex() == probability.hex(), window
        assert (verdict.kind, verdict.words) == (kind, shown), window


def test_below_least_only_the_probability_is_worked_out() -> None:
    model = default_model()
    lines = [model.line(line_features(text)) for text in TEXTS[:2]]
    full = model.read_lines(lines)
    assert full.probability >= model.threshold and full.words
    high = model.read_lines(lines, least=1.0)
    assert high.probability == full.probability
    assert (high.kind, high.words) == ("", ())
    assert model.read_lines(lines, least=model.threshold) == full
