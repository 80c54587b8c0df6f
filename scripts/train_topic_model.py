"""Train the topic model (referrals/topic_model.json.gz) from the labelled sets.

    pip install -e '.[train]'            # scikit-learn, only needed here
    python scripts/train_topic_model.py [--exclude FILE ...] [--out PATH] [--c C]

Reads the same files as ``train_urgency_model.py`` (every labelled set in tests/referrals/data
except the frozen test part, blind_test.jsonl, which no model may ever see). A case's text is
its visitor lines, each read alone as tf-idf over ``referrals.model.features`` (the function
the engine uses at run time) and summed (``line_sums``, as ``TopicModel.read_lines`` reads).
Its labels are the first categories of the services in its ``expect_top3_any`` (in the
shipped directory, but catch-all services): the topics a right answer is about. One logistic
regression per category (but ``NOT_LEARNT``) learns them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from train_urgency_model import MIN_DF, ROOT, checksums, training_files

from referrals import CATEGORIES, load_directory
from referrals.model import TOPIC_FORMAT, TOPIC_MODEL_FILE, features

C = 4.0
"""Inverse regularisation (docs/referrals.md, "A learnt reading of topics")."""
BROADEST = 6
"""A right service with more categories than this says nothing of the topic: Norway's
municipal drug, alcohol and mental health service (eight categories, the first addiction
treatment) is a right answer in most Norwegian cases, and as a label it taught the model that
Norwegian is addiction ("A learnt reading of topics")."""
NOT_LEARNT = frozenset({"emergency"})
"""Categories the model does not learn. Whether a conversation calls for 112 / 113 is the
urgency verdict's to say (one verdict, which staff can override); a model that read "emergency"
from a gambling debt would put 112 first in a calm chat. Left out, it cost three top-3 hits of
601 on the parts outside the model when the weight was chosen ("A learnt reading of topics")."""
WEIGHT_FLOOR = 0.1
"""Weights smaller than this are left out of the file; every feature keeps its idf, so the
vector's length (and so every probability) is the one the model was trained with. At 0.05 the
file was 2.2 MB, at 0.1 1.6 MB, with every figure on the unread sets the same."""


def labelled(files: list[Path]) -> tuple[list[list[str]], list[set[str]]]:
    """Each case's visitor lines, and the first categories of its right services."""
    directory = load_directory()
    docs: list[list[str]] = []
    labels: list[set[str]] = []
    for path in files:
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            data = json.loads(line)
            categories = {
                directory[sid].categories[0]
                for sid in data.get("expect_top3_any", [])
                if sid in directory and 0 < len(directory[sid].categories) <= BROADEST
            }
            if not categories:
                continue
            docs.append([m["text"] for m in data["messages"] if m["sender"] == "visitor"])
            labels.append(categories)
    return docs, labels


def line_sums(vectoriser: Any, docs: list[list[str]]) -> Any:
    """Each case as the engine reads it (``TopicModel.read_lines``): the sum of its lines'
    tf-idf vectors, each line read alone, divided by the root of their squared lengths' sum."""
    lines = [[text] for doc in docs for text in doc]
    owner = [row for row, doc in enumerate(docs) for _ in doc]
    per_line = vectoriser.transform(lines)
    squares = np.asarray(per_line.multiply(per_line).sum(axis=1)).ravel()
    joined = sparse.csr_matrix(
        (np.ones(len(owner)), (owner, np.arange(len(owner)))), shape=(len(docs), len(owner))
    )
    norms = np.sqrt(joined @ squares)
    norms[norms == 0.0] = 1.0
    return sparse.diags(1.0 / norms) @ (joined @ per_line)


def fit(docs: list[list[str]], labels: list[set[str]], c: float, trained_on: list[str]) -> Any:
    """One model per category that some case has; the model file's contents."""

    def analyse(doc: list[str]) -> list[str]:
        return [feature for text in doc for feature in features(text)]

    vectoriser = TfidfVectorizer(analyzer=analyse, sublinear_tf=True, min_df=MIN_DF, norm=None)
    vectoriser.fit(docs)
    matrix = line_sums(vectoriser, docs)
    categories = [
        category
        for category in CATEGORIES
        if category not in NOT_LEARNT and any(category in found for found in labels)
    ]
    names = [str(name) for name in vectoriser.get_feature_names_out()]
    weights: list[list[tuple[int, float]]] = [[] for _ in names]
    intercepts = []
    for k, category in enumerate(categories):
        model = LogisticRegression(C=c, max_iter=5000)
        model.fit(matrix, [category in found for found in labels])
        intercepts.append(round(float(model.intercept_[0]), 5))
        for column, weight in enumerate(model.coef_[0]):
            if abs(weight) >= WEIGHT_FLOOR:
                weights[column].append((k, round(float(weight), 4)))
    offsets = [0]
    for column_weights in weights:
        offsets.append(offsets[-1] + len(column_weights))
    return {
        "format": TOPIC_FORMAT,
        "trained_on": trained_on,
        "categories": categories,
        "intercepts": intercepts,
        "features": names,
        "idf": [round(float(idf), 5) for idf in vectoriser.idf_],
        "offsets": offsets,
        "kinds": [k for column_weights in weights for k, _ in column_weights],
        "weights": [w for column_weights in weights for _, w in column_weights],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--exclude", action="append", default=[], help="a set to leave out")
    parser.add_argument("--out", type=Path, default=ROOT / "src/referrals" / TOPIC_MODEL_FILE)
    parser.add_argument("--c", type=float, default=C, help=f"C (default {C:g})")
    args = parser.parse_args()
    files = training_files(set(args.exclude))
    docs, labels = labelled(files)
    model = fit(docs, labels, args.c, checksums(files))
    text = json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    print(
        f"{args.out}: {len(docs)} cases from {len(files)} files, {len(model['features'])} "
        f"features, categories {', '.join(model['categories'])}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
