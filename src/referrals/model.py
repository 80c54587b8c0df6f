"""A second, learnt signal for urgency: a linear model over letter and word n-grams.

The concept rules (``referrals.rules``) say *why* a conversation is urgent, but they only
know the wordings someone has written into the classes, and people keep finding new ones. This
model was trained on every labelled conversation the project has (never on the frozen test
part) and reads the same text differently: by pieces of words (3-5 letters, so "sakna",
"saknar" and "sakan" share most of them) and by words and word pairs. It is a plain logistic
regression: its verdict is a sum of weights, so the words that pushed it over the threshold are
the reasons staff see, as for the rules.

The engine asks it only when the rules found nothing, over each run of up to three neighbouring
visitor lines. Pure Python at run time (the weights are a gzipped JSON file shipped with the
package); scikit-learn is needed only to train it again: ``python scripts/train_urgency_model.py``.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import re
from array import array
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

from referrals.matching import fold, normalise

MODEL_FILE: Final = "urgency_model.json.gz"
FORMAT: Final = 1
NGRAM_SIZES: Final = (3, 4, 5)
REASON_WORDS: Final = 3
"""How many of the words that weighed most are shown as the reason."""

_WORD: Final = re.compile(r"[^\W\d_]+|[0-9]+")
FUNCTION_WORDS: Final = frozenset(
    """
    och att det som en ett är var vara har hade skulle ska kan jag du han hon vi ni de den man
    mig mej dig sig oss er på i av för med till från om så men eller när då nu bara typ lite
    og å er var være har hadde skulle skal kan jeg eg deg seg meg han hun ho vi dere dei de den
    det på i av for med til fra om så men eller når da nå bare litt ikkje
    and to the a an is was be have had would will can i you he she we they it me him her us
    them on in of for with from if so but or when then now just like my your his their that
    this mer mycket meir mye more much
    """.split()
)
"""Words never shown as a reason: they carry weight in the model, but tell staff nothing."""


def words(text: str) -> list[str]:
    """The words of a line as the model reads them: normalised, lower case, as typed (not
    folded), so reasons can show them."""
    return _WORD.findall(normalise(text))


def word_features(word: str) -> list[str]:
    """Features of one word: its letter 3-5-grams with the word's edges marked, and the
    word itself, both without å/ä/ö/ø/æ (chat is often typed without them)."""
    plain = fold(word)
    padded = f" {plain} "
    found: list[str] = []
    for size in NGRAM_SIZES:
        if len(padded) < size:
            break
        found.extend(padded[i : i + size] for i in range(len(padded) - size + 1))
    found.append("w:" + plain)
    return found


def features(text: str) -> list[str]:
    """Every feature of a text: each word's, and each pair of neighbouring words."""
    seen = words(text)
    found = [feature for word in seen for feature in word_features(word)]
    plain = [fold(word) for word in seen]
    found.extend(f"b:{a} {b}" for a, b in zip(plain, plain[1:], strict=False))
    return found


@dataclass(frozen=True, slots=True)
class LineFeatures:
    """What the model needs from one line: feature counts, and which word each came from."""

    counts: Mapping[str, int]
    words: tuple[str, ...]
    origins: Mapping[str, tuple[int, ...]]
    """Feature -> the positions (in ``words``) of the words it came from."""


def line_features(text: str) -> LineFeatures:
    """Counts and origins of a line's features (the engine caches this per line)."""
    seen = words(text)
    counts: Counter[str] = Counter()
    origins: dict[str, list[int]] = {}
    for position, word in enumerate(seen):
        for feature in word_features(word):
            counts[feature] += 1
            origins.setdefault(feature, []).append(position)
    plain = [fold(word) for word in seen]
    for position, (a, b) in enumerate(zip(plain, plain[1:], strict=False)):
        feature = f"b:{a} {b}"
        counts[feature] += 1
        origins.setdefault(feature, []).extend((position, position + 1))
    return LineFeatures(counts, tuple(seen), {f: tuple(p) for f, p in origins.items()})


@dataclass(frozen=True, slots=True)
class ModelVerdict:
    """The model's reading of a few lines: probability of urgent, likeliest kind, reasons."""

    probability: float
    kind: str
    words: tuple[str, ...]
    lines: tuple[int, ...] = ()
    """Which of the lines read (0 = the first) the words are in."""


class UrgencyModel:
    """Logistic regression over tf-idf weighted n-grams, and a second one for the kind.

    ``probability()`` mirrors scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` followed
    by ``LogisticRegression`` exactly, so the shipped weights mean what they did in training.
    """

    def __init__(self, data: Mapping[str, Any]) -> None:
        if data.get("format") != FORMAT:
            raise ValueError(f"urgency model: format must be {FORMAT}")
        self.threshold = float(data["threshold"])
        # From this probability the verdict stands without a concept class of its kind beside
        # it (the engine's ``_supported``); never, for a file written before there was one.
        self.sure = float(data.get("sure", math.inf))
        # From this probability a concept class of any urgent kind backs the verdict, not only
        # one of the kind the kind model named (the engine's ``_supported``); never, for a file
        # written before there was one.
        self.any_kind = float(data.get("any_kind", math.inf))
        self.trained_on: tuple[str, ...] = tuple(data.get("trained_on", ()))
        table: Mapping[str, Sequence[float]] = data["features"]
        self._index: dict[str, int] = {feature: i for i, feature in enumerate(table)}
        """Feature -> its position in the flat arrays below (arrays, not a float object per
        feature: the loaded model takes about half the memory)."""
        self._idf = array("d", (float(idf) for idf, _ in table.values()))
        self._weight = array("d", (float(weight) for _, weight in table.values()))
        self._intercept = float(data["intercept"])
        self._kinds: tuple[str, ...] = tuple(data["kinds"]["classes"])
        self._kind_intercepts = tuple(float(b) for b in data["kinds"]["intercepts"])
        self._kind_row = array("l", [-1]) * len(self._index)
        """Feature i's kind weights start at ``_kind_row[i]`` in ``_kind_weights`` (one
        per kind), or -1 when it has none."""
        self._kind_weights = array("d")
        for feature, weights in data["kinds"]["weights"].items():
            if len(weights) != len(self._kinds):
                raise ValueError("urgency model: a feature's kind weights do not fit the kinds")
            i = self._index.get(feature)
            if i is None:
                raise ValueError("urgency model: a kind weight for an unknown feature")
            self._kind_row[i] = len(self._kind_weights)
            self._kind_weights.extend(float(w) for w in weights)

    @classmethod
    def load(cls) -> UrgencyModel:
        """The shipped model (``referrals/urgency_model.json.gz``)."""
        raw = resources.files("referrals").joinpath(MODEL_FILE).read_bytes()
        return cls(json.loads(gzip.decompress(raw)))

    def _vector(self, lines: Sequence[LineFeatures]) -> dict[str, tuple[int, float]]:
        """The tf-idf vector of the lines read as one text, l2-normalised, as feature ->
        (its position, its value); unknown features are left out, as the vectoriser does."""
        counts: Counter[str] = Counter()
        for line in lines:
            counts.update(line.counts)
        index, idf = self._index, self._idf
        vector: dict[str, tuple[int, float]] = {}
        for feature, count in counts.items():
            i = index.get(feature)
            if i is not None:
                vector[feature] = (i, (1.0 + math.log(count)) * idf[i])
        norm = math.sqrt(sum(value * value for _, value in vector.values()))
        if norm:
            for feature, (i, value) in vector.items():
                vector[feature] = (i, value / norm)
        return vector

    def read(self, lines: Sequence[LineFeatures]) -> ModelVerdict:
        """Probability that these neighbouring visitor lines are urgent, the kind, and the
        words whose features weighed most towards urgent (as the visitor typed them)."""
        vector = self._vector(lines)
        weight, rows, kind_weights = self._weight, self._kind_row, self._kind_weights
        score = self._intercept + sum(value * weight[i] for i, value in vector.values())
        probability = 1.0 / (1.0 + math.exp(-score))
        kind_scores = list(self._kind_intercepts)
        for i, value in vector.values():
            row = rows[i]
            if row >= 0:
                for k in range(len(kind_scores)):
                    kind_scores[k] += value * kind_weights[row + k]
        kind = self._kinds[max(range(len(kind_scores)), key=kind_scores.__getitem__)]
        contribution: dict[tuple[int, int], float] = {}
        for number, line in enumerate(lines):
            for feature, positions in line.origins.items():
                entry = vector.get(feature)
                if entry is None:
                    continue
                i, value = entry
                share = value * weight[i] / len(positions)
                for position in positions:
                    key = (number, position)
                    contribution[key] = contribution.get(key, 0.0) + share
        best = sorted(
            (
                key
                for key, value in contribution.items()
                if value > 0 and lines[key[0]].words[key[1]] not in FUNCTION_WORDS
            ),
            key=lambda key: -contribution[key],
        )[:REASON_WORDS]
        shown = tuple(dict.fromkeys(lines[n].words[p] for n, p in sorted(best)))
        return ModelVerdict(probability, kind, shown, tuple(sorted({n for n, _ in best})))


@functools.cache
def default_model() -> UrgencyModel:
    """The shipped model, loaded once."""
    return UrgencyModel.load()


TOPIC_MODEL_FILE: Final = "topic_model.json.gz"
TOPIC_FORMAT: Final = 2


class TopicModel:
    """What a conversation is about, learnt: one logistic regression per directory category
    (``referrals.directory.CATEGORIES``) over the same features as ``UrgencyModel``.

    The concept words say which topics a conversation names; this model reads the pieces of
    words around them, so "pantsatt klockan för att spela" speaks of gambling and debt to it
    without either word. The engine adds its probabilities to the topics the words found
    (``referrals.engine.TOPIC_MODEL_WEIGHT``), so it can reorder the services but never
    suggest one of another country or hide a service the words matched. It knows categories,
    not service ids, so it works with any municipality's directory.
    """

    def __init__(self, data: Mapping[str, Any]) -> None:
        if data.get("format") != TOPIC_FORMAT:
            raise ValueError(f"topic model: format must be {TOPIC_FORMAT}")
        self.trained_on: tuple[str, ...] = tuple(data.get("trained_on", ()))
        self.categories: tuple[str, ...] = tuple(data["categories"])
        self._intercepts = tuple(float(b) for b in data["intercepts"])
        names = data["features"]
        self._index: dict[str, int] = {name: i for i, name in enumerate(names)}
        """Feature -> its position in the flat arrays below."""
        self._idf = array("d", data["idf"])
        self._offsets = array("l", data["offsets"])
        """Feature i's weights are ``_kinds`` / ``_weights`` from ``_offsets[i]`` to
        ``_offsets[i + 1]``: flat arrays, a few MB where tuples per feature took 55."""
        self._kinds = array("l", data["kinds"])
        self._weights = array("d", data["weights"])
        if not (
            len(self._idf) == len(names) == len(self._offsets) - 1
            and len(self._kinds) == len(self._weights) == (self._offsets[-1] if names else 0)
            and len(self._intercepts) == len(self.categories)
        ):
            raise ValueError("topic model: its arrays do not fit together")

    @classmethod
    def load(cls) -> TopicModel:
        """The shipped model (``referrals/topic_model.json.gz``)."""
        raw = resources.files("referrals").joinpath(TOPIC_MODEL_FILE).read_bytes()
        return cls(json.loads(gzip.decompress(raw)))

    def line(self, features: LineFeatures) -> TopicLine:
        """One line's share of a reading, worked out once (the engine caches it per line)."""
        index, idfs, offsets, kinds, weights = (
            self._index, self._idf, self._offsets, self._kinds, self._weights
        )
        sums = [0.0] * len(self.categories)
        square = 0.0
        for feature, count in features.counts.items():
            i = index.get(feature)
            if i is None:
                continue
            idf = idfs[i]
            value = (1.0 + math.log(count)) * idf if count > 1 else idf
            square += value * value
            for j in range(offsets[i], offsets[i + 1]):
                sums[kinds[j]] += value * weights[j]
        return TopicLine(tuple(sums), square)

    def read(self, lines: Sequence[LineFeatures]) -> dict[str, float]:
        """Category -> probability that a right service is of that category, for these
        visitor lines: each read alone (tf-idf with sublinear tf, as ``UrgencyModel``), their
        vectors summed and divided by the root of their squared lengths' sum."""
        return self.read_lines([self.line(features) for features in lines])

    def read_lines(self, lines: Sequence[TopicLine]) -> dict[str, float]:
        """``read`` from lines' shares: the sum of their vectors, divided by the root of their
        squared lengths' sum (the representation the model was trained on, so a new message
        costs one line's work, not the whole window's)."""
        sums = [0.0] * len(self.categories)
        square = 0.0
        for line in lines:
            for k, value in enumerate(line.sums):
                sums[k] += value
            square += line.square
        norm = math.sqrt(square) if square > 0.0 else 1.0
        return {
            category: 1.0 / (1.0 + math.exp(-(intercept + total / norm)))
            for category, intercept, total in zip(
                self.categories, self._intercepts, sums, strict=True
            )
        }


@dataclass(frozen=True, slots=True)
class TopicLine:
    """A line's share of a topic reading, read alone: its tf-idf values (sublinear tf) times
    the weights, summed per category, and its vector's squared length."""

    sums: tuple[float, ...]
    square: float


@functools.cache
def default_topic_model() -> TopicModel:
    """The shipped topic model, loaded once."""
    return TopicModel.load()
