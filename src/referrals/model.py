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
import itertools
import json
import math
import operator
import re
from array import array
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
WORD_CACHE_SIZE: Final = 16384
CACHED_WORD_LENGTH: Final = 30
"""The features of this many distinct words up to this long are kept (a few MB at most)."""

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
    return list(_word_features(word))


def _word_features(word: str) -> tuple[str, ...]:
    """``word_features``, kept for the words of ordinary length (most words of a new line
    have been seen before); the last feature is "w:" and the folded word."""
    if len(word) > CACHED_WORD_LENGTH:
        return _features_of_word(word)
    return _cached_word_features(word)


def _features_of_word(word: str) -> tuple[str, ...]:
    plain = fold(word)
    padded = f" {plain} "
    found: list[str] = []
    for size in NGRAM_SIZES:
        if len(padded) < size:
            break
        found.extend(padded[i : i + size] for i in range(len(padded) - size + 1))
    found.append("w:" + plain)
    return tuple(found)


_cached_word_features: Final = functools.lru_cache(maxsize=WORD_CACHE_SIZE)(_features_of_word)


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
    counts: dict[str, int] = {}
    origins: dict[str, list[int]] = {}
    plain: list[str] = []
    for position, word in enumerate(seen):
        found = _word_features(word)
        plain.append(found[-1][2:])  # the folded word, without its "w:"
        for feature in found:
            count = counts.get(feature)
            if count is None:
                counts[feature] = 1
                origins[feature] = [position]
            else:
                counts[feature] = count + 1
                origins[feature].append(position)
    for position, (a, b) in enumerate(zip(plain, plain[1:], strict=False)):
        feature = f"b:{a} {b}"
        count = counts.get(feature)
        if count is None:
            counts[feature] = 1
            origins[feature] = [position, position + 1]
        else:
            counts[feature] = count + 1
            origins[feature].extend((position, position + 1))
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

    def line(self, features: LineFeatures) -> ModelLine:
        """One line as this model reads it, worked out once (the engine caches it per line):
        the features it knows, by their position in its arrays, with their counts, tf-idf
        values in the line alone and weights. What only a verdict over the threshold needs
        (kind weights, which words each feature came from) is worked out when first asked."""
        idf, weight = self._idf, self._weight
        counts = {
            i: count
            for i, count in zip(
                map(self._index.get, features.counts), features.counts.values(), strict=True
            )
            if i is not None
        }
        # A feature once in the line has the value 1 * idf = idf, the same float.
        values = dict(zip(counts, map(idf.__getitem__, counts), strict=True))
        for i, count in counts.items():
            if count > 1:
                values[i] = (1.0 + math.log(count)) * idf[i]
        weights = dict(zip(counts, map(weight.__getitem__, counts), strict=True))
        return ModelLine(features, counts, values, weights)

    def _details(self, line: ModelLine) -> _LineDetails:
        """What a verdict over the threshold needs of a line (``ModelLine.details``)."""
        if line.details is not None:
            return line.details
        rows, kind_weights, size = self._kind_row, self._kind_weights, len(self._kinds)
        kinded: dict[int, tuple[float, ...]] = {}
        for i in line.counts:
            row = rows[i]
            if row >= 0:
                kinded[i] = tuple(kind_weights[row : row + size])
        known = [f for f in line.features.counts if f in self._index]
        lengths = tuple(len(line.features.origins[f]) for f in known)
        by_word: dict[int, list[int]] = {}
        for number, feature in enumerate(known):
            for position in line.features.origins[feature]:
                by_word.setdefault(position, []).append(number)
        line.details = _LineDetails(
            kinded, lengths, tuple((position, tuple(found)) for position, found in by_word.items())
        )
        return line.details

    def read(self, lines: Sequence[LineFeatures]) -> ModelVerdict:
        """Probability that these neighbouring visitor lines are urgent, the kind, and the
        words whose features weighed most towards urgent (as the visitor typed them)."""
        return self.read_lines([self.line(features) for features in lines])

    def read_lines(self, lines: Sequence[ModelLine], *, least: float = 0.0) -> ModelVerdict:
        """``read`` from lines' ``line()``. Below the probability ``least`` the kind and the
        words are not worked out (the verdict has an empty kind and no words): the engine asks
        for them only from its threshold on, and most windows it reads stay below it.

        The lines are read as one text: the tf-idf vector of their summed counts (unknown
        features left out, as the vectoriser does), l2-normalised. Every value is the same
        float, summed in the same order, as when this was a loop over the features (and so
        as in training); the loops run in C (dicts merged, ``map``, ``sum``, ``reduce``), which
        makes a read of six lines several times cheaper.
        """
        counts: dict[int, int] = {}
        values: dict[int, float] = {}
        weights: dict[int, float] = {}
        shared: set[int] = set()
        for line in lines:
            # A feature of an earlier line keeps its place (dict.update does not move a key)
            # and sums its counts, as a Counter did.
            both = counts.keys() & line.counts.keys()
            summed = {i: line.counts[i] + counts[i] for i in both}
            counts.update(line.counts)
            counts.update(summed)
            values.update(line.values)
            weights.update(line.weights)
            shared |= both
        idf = self._idf
        for i in shared:
            values[i] = (1.0 + math.log(counts[i])) * idf[i]
        vector = list(values.values())
        norm = math.sqrt(sum(map(operator.mul, vector, vector)))
        if norm:
            vector = list(map(operator.truediv, vector, itertools.repeat(norm, len(vector))))
        score = self._intercept + sum(map(operator.mul, vector, weights.values()))
        probability = 1.0 / (1.0 + math.exp(-score))
        if probability < least:
            return ModelVerdict(probability, "", ())
        value_of = dict(zip(values, vector, strict=True))
        details = [self._details(line) for line in lines]
        kinded: dict[int, tuple[float, ...]] = {}
        for detail in details:
            kinded.update(detail.kinded)
        kind_scores = list(self._kind_intercepts)
        if kinded:
            kinded_values = list(map(value_of.__getitem__, kinded))
            columns = zip(*kinded.values(), strict=True)  # per kind, its weights
            kind_scores = [
                functools.reduce(operator.add, map(operator.mul, kinded_values, column), start)
                for start, column in zip(kind_scores, columns, strict=True)
            ]
        kind = self._kinds[max(range(len(kind_scores)), key=kind_scores.__getitem__)]
        contribution: dict[tuple[int, int], float] = {}
        for number, (line, detail) in enumerate(zip(lines, details, strict=True)):
            values_here = map(value_of.__getitem__, line.counts)
            products = map(operator.mul, values_here, line.weights.values())
            shares = list(map(operator.truediv, products, detail.lengths))
            for position, found in detail.by_word:
                contribution[(number, position)] = functools.reduce(
                    operator.add, map(shares.__getitem__, found), 0.0
                )
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


class ModelLine:
    """A line as ``UrgencyModel`` reads it (``UrgencyModel.line``). Each mapping is keyed by
    the position in the model's arrays of a feature the model knows, in the line's order."""

    __slots__ = ("counts", "details", "features", "values", "weights")

    def __init__(
        self,
        features: LineFeatures,
        counts: Mapping[int, int],
        values: Mapping[int, float],
        weights: Mapping[int, float],
    ) -> None:
        self.features = features
        self.counts = counts
        self.values = values
        """The feature's tf-idf value (sublinear tf) in this line alone, not normalised."""
        self.weights = weights
        self.details: _LineDetails | None = None
        """Worked out by the model the first time a verdict over its threshold reads the
        line."""

    @property
    def words(self) -> tuple[str, ...]:
        return self.features.words


@dataclass(frozen=True, slots=True)
class _LineDetails:
    """What only a verdict over the threshold needs of a line, in the order of its features."""

    kinded: Mapping[int, tuple[float, ...]]
    """The kind weights of the features that have them."""
    lengths: tuple[int, ...]
    """How many word positions each feature came from (a word pair: two)."""
    by_word: tuple[tuple[int, tuple[int, ...]], ...]
    """Word position -> the features (by their order in the line) that came from it, once
    per time they did, in the order of the features, and the positions in the order they
    were first met: the order ``read`` always added the words' shares in."""


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
