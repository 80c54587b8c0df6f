"""Train the urgency model (referrals/urgency_model.json.gz) from the labelled sets.

    pip install -e '.[train]'            # scikit-learn, only needed here
    python scripts/train_urgency_model.py [--exclude FILE ...] [--out PATH]

Reads every labelled file in tests/referrals/data except the frozen test part
(blind_test.jsonl), which no model may ever see. A case's text is its visitor lines; its label
is ``urgent``. The kind model learns from urgent cases: the labelled ``urgent_kind`` where there
is one, else the concept rules' first kind (cases the rules do not flag and that have no kind
are left out of it). The features are ``referrals.model.features``, the same function the
engine uses at run time, so training and use cannot drift apart.

``--exclude`` leaves sets out, to measure the model on a set it has not seen (docs/referrals.md,
"Evaluation"); the shipped model is trained on all of them.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

from referrals import Conversation, SuggestionEngine, load_directory
from referrals.model import FORMAT, MODEL_FILE, features

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "referrals" / "data"
FROZEN = "blind_test.jsonl"
THRESHOLD = 0.8
"""Chosen by leaving one blind set out at a time (blind_dev, blind3_a, blind3_b: the model
trained without it, the rules as they are): the lowest of 0.5, 0.6, 0.7, 0.8 at which the
flags the model adds to the rules' were at least 90 % right (0.6: 74 %, 0.7: 85 %, 0.8: 16 of
16). The margin over the 85 % target is there because those sets flatter the rules, which were
tuned on them; docs/referrals.md has the table."""
C = 8.0
"""Inverse regularisation, checked the same way: C = 2 and 32 added fewer right flags or more
wrong ones than 8 at their best thresholds."""
MIN_DF = 2
KIND_WEIGHT_FLOOR = 0.05
"""Kind weights smaller than this are left out of the file (the kind is only shown)."""


def training_files(exclude: set[str]) -> list[Path]:
    """Every labelled set except the frozen test part and the excluded ones."""
    return [
        path
        for path in sorted(DATA.glob("*.jsonl"))
        if path.name != FROZEN and path.name not in exclude
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--exclude", action="append", default=[], help="a set to leave out")
    parser.add_argument("--out", type=Path, default=ROOT / "src/referrals" / MODEL_FILE)
    args = parser.parse_args()
    files = training_files(set(args.exclude))
    engine = SuggestionEngine(load_directory(), model=None)
    docs: list[list[str]] = []
    labels: list[bool] = []
    kinds: list[str | None] = []
    for path in files:
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            docs.append([m["text"] for m in case["messages"] if m["sender"] == "visitor"])
            labels.append(bool(case.get("urgent")))
            kind = case.get("urgent_kind") if case.get("urgent") else None
            if case.get("urgent") and not kind:
                urgent, reasons = engine.urgency(Conversation.from_dict(case))
                kind = reasons[0].split(":", 1)[0] if urgent else None
            kinds.append(kind)

    def analyse(doc: list[str]) -> list[str]:
        return [feature for text in doc for feature in features(text)]

    vectoriser = TfidfVectorizer(analyzer=analyse, sublinear_tf=True, min_df=MIN_DF)
    matrix = vectoriser.fit_transform(docs)
    urgency = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    urgency.fit(matrix, labels)
    rows = [i for i, kind in enumerate(kinds) if kind]
    kind_model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    kind_model.fit(matrix[rows], [kinds[i] for i in rows])

    names = vectoriser.get_feature_names_out()
    weights = urgency.coef_[0]
    kind_weights = {}
    for column, name in enumerate(names):
        column_weights = [float(w) for w in kind_model.coef_[:, column]]
        if max(abs(w) for w in column_weights) >= KIND_WEIGHT_FLOOR:
            kind_weights[str(name)] = [round(w, 4) for w in column_weights]
    model = {
        "format": FORMAT,
        "threshold": THRESHOLD,
        "trained_on": [
            f"{path.name} {hashlib.sha256(path.read_bytes()).hexdigest()[:16]}" for path in files
        ],
        "intercept": round(float(urgency.intercept_[0]), 6),
        "features": {
            str(name): [round(float(idf), 5), round(float(weight), 6)]
            for name, idf, weight in zip(names, vectoriser.idf_, weights, strict=True)
        },
        "kinds": {
            "classes": [str(k) for k in kind_model.classes_],
            "intercepts": [round(float(b), 4) for b in kind_model.intercept_],
            "weights": kind_weights,
        },
    }
    text = json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    print(
        f"{args.out}: {len(docs)} cases from {len(files)} files, {len(names)} features, "
        f"{len(rows)} with a kind ({', '.join(model['kinds']['classes'])})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
