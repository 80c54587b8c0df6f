"""Train the urgency model (referrals/urgency_model.json.gz) from the labelled sets.

    pip install -e '.[train]'            # scikit-learn, only needed here
    python scripts/train_urgency_model.py [--exclude FILE ...] [--out PATH] [--c C] [--threshold T]
    python scripts/train_urgency_model.py --loso [--c 4] [--c 8] [--c 16] ...

Reads every labelled file in tests/referrals/data except the frozen test part
(blind_test.jsonl), which no model may ever see. A case's text is its visitor lines; its label
is ``urgent``. The kind model learns from urgent cases: the labelled ``urgent_kind`` where there
is one, else the concept rules' first kind (cases the rules do not flag and that have no kind
are left out of it). The features are ``referrals.model.features``, the same function the
engine uses at run time, so training and use cannot drift apart.

``--exclude`` leaves sets out, to measure the model on a set it has not seen (docs/referrals.md,
"Evaluation"); the shipped model is trained on all of them.

``--loso`` chooses the threshold and the regularisation: each blind dev set (``blind*.jsonl``
but the frozen part) is left out in turn, a model is trained on the rest, and the engine (the
rules, then that model) is run on the left-out set. It prints, per C and threshold, the flags
the model adds to the rules' (right / wrong), summed over the left-out sets, and the model's
own ranking quality there (average precision, from its probability alone). Nothing here ever
reads the frozen part.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.metrics import average_precision_score  # type: ignore[import-untyped]

from referrals import Conversation, SuggestionEngine, load_directory
from referrals.model import FORMAT, MODEL_FILE, UrgencyModel, features, line_features

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "referrals" / "data"
FROZEN = "blind_test.jsonl"
THRESHOLD = 0.6
"""Chosen by leaving one blind set out at a time (``--loso``: the model trained without it,
the rules as they are): the lowest threshold at which the flags the model adds to the rules'
were at least 90 % right, summed over the left-out sets. The margin over the 85 % target is
there because those sets flatter the rules, which were tuned on them; docs/referrals.md has
the tables: with blind set 5 that was C = 16 at 0.7; with blind set 6, C = 8 at 0.6; with
blind set 7 the rule gave C = 4 at 0.7, and the model ships at C = 8 / 0.6: see C)."""
C = 16.0
"""Inverse regularisation, checked the same way (``--loso --c 4 --c 8 --c 16``). Since blind
set 7 (rule fixed before its frozen figures were run): of the values tried, each at its
threshold by the rule above, the **most regularised** (smallest C) whose added right flags are
at least 95 % of the best value's; on a tie, the one with fewer wrong ones. Blind set 7 showed
why: the model retrained with set 6 fitted set 6 and added one catch on the unseen set 7, so a
small gain in left-out flags does not buy a less regularised model. (Before: the value that
adds the most right flags, recall first — blind set 5: 16, tied on right flags; blind set 6:
8.) Blind set 7: C = 4 at 0.7 (+57 / -4), C = 8 at 0.7 (+57 / -5), C = 16 at 0.75 (+55 / -5):
4, which the old rule would also have chosen.)

That choice was then checked on data neither rules nor model had seen: blind set 8 (340
conversations by two more authors, 136 urgent), run with the rules of blind set 7 and three
models — C = 4 / 0.7 with set 7 (the rule's pick): 121/136 caught, 121/124 flags right;
C = 8 / 0.6 with set 7 (blind set 6's settings): 123/136, 123/129; the model as after set 6:
124/136, 124/132. The rule's pick lost urgent recall on the unseen set (as on the frozen part,
66 -> 65), and recall comes first (issue 11), so the shipped model keeps blind set 6's
settings, C = 8 at 0.6, trained on every dev set including sets 7 and 8. Set 8 was used for
this one choice between three models, so it is no longer an unseen estimate. The lesson kept:
the leave-one-set-out counts, on sets the rules were tuned on, undervalue what the model adds
on new wordings; they choose the threshold, an unseen set decides between close C values.
Blind set 9 (P, Q, R added): the rule gave C = 16 at 0.7 (+94 / -10; C = 8 at 0.7 +89 / -6, at
0.6 +93 / -15); on the unread author S it caught 60/75 against C = 8 / 0.6's 61/75, so the
model keeps C = 8 at 0.6. Retrained with sets 14 to 17 and AU's learning part (December 2026),
four C values at 0.6 were run on the unread set 18 (figures only; docs/referrals.md, "The
model retrained with sets 14 to 19"), caught / flags against 178/206 with the old model:
C = 4 175/204; C = 8 178/206 (and a catch fewer on AP's check part); C = 16 181/209; C = 32
183/215 (and a false alarm more on the frozen part, a catch fewer on AP's check part). C = 16
added three catches for three flags there and lost nothing on the other unread parts, so the
model ships at C = 16; set 18 was used for this one choice and is no longer quite unseen."""
SURE = 0.9
"""From this probability the model's verdict stands without a concept class of its kind beside
it (over at least ``referrals.engine.MODEL_SURE_WORDS`` words). Chosen by the threshold's rule
with ``--loso`` before blind set 11 was read: the lowest cut of ``LOSO_SURE`` whose added flags
were at least 90 % right over the left-out sets (0.93: +8 / -0, 0.9: +9 / -1, 0.85: +10 / -4 of
1,332 urgent cases, C = 8 at 0.6). On the sets then outside the model (9 S, 10) 0.9 added 8
right and 1 wrong flag, and on unseen blind set 11 12 right and none wrong (docs/referrals.md,
"Blind set 11")."""
LOSO_SURE = (math.inf, 0.97, 0.93, 0.9, 0.85, 0.8)
ANY_KIND = 0.85
"""From this probability a concept class of any urgent kind backs the model's verdict, not only
one of the kind its kind model named (a will or a state alone never does). Chosen by the same
rule, the lowest cut of ``LOSO_ANY`` whose added flags were at least 90 % right, on the sets
outside the model then (9 S to 13 for the model trained up to set 9: 0.85 +4 / -0, 0.8 +4 / -2)
and on blind set 14 before it was learnt from (the model trained up to set 13: 0.85 +5 / -0,
0.8 +7 / -0, 0.7 +9 / -2): together 0.85 +9 / -0, 0.8 +11 / -2 (docs/referrals.md, "Blind
sets 14 and 15")."""
LOSO_ANY = (math.inf, 0.9, 0.85, 0.8, 0.75, 0.7)
MIN_DF = 2
KIND_WEIGHT_FLOOR = 0.05
"""Kind weights smaller than this are left out of the file (the kind is only shown)."""
LOSO_THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9)
MODEL_WINDOW = 6
"""The latest visitor lines the engine shows the model (``referrals.engine``)."""


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled conversation as the trainer reads it."""

    data: dict[str, Any]
    visitor: list[str]
    urgent: bool
    kind: str | None


def training_files(exclude: set[str]) -> list[Path]:
    """Every labelled set except the frozen test part and the excluded ones."""
    return [
        path
        for path in sorted(DATA.glob("*.jsonl"))
        if path.name != FROZEN and path.name not in exclude
    ]


def checksums(files: list[Path]) -> list[str]:
    """What a model file records it learnt from: each file's name and checksum, which the
    tests compare with the files as they are now."""
    return [f"{path.name} {hashlib.sha256(path.read_bytes()).hexdigest()[:16]}" for path in files]


def read_cases(path: Path, engine: SuggestionEngine) -> list[Case]:
    """The cases of one file; an urgent case without a kind gets the rules' first kind."""
    cases = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        urgent = bool(data.get("urgent"))
        kind = data.get("urgent_kind") if urgent else None
        if urgent and not kind:
            flagged, reasons = engine.urgency(Conversation.from_dict(data))
            kind = reasons[0].split(":", 1)[0] if flagged else None
        visitor = [m["text"] for m in data["messages"] if m["sender"] == "visitor"]
        cases.append(Case(data, visitor, urgent, kind))
    return cases


def fit(
    cases: list[Case],
    c: float,
    threshold: float,
    trained_on: list[str],
    sure: float = SURE,
    any_kind: float = ANY_KIND,
) -> dict[str, Any]:
    """Train both models on the cases; the model file's contents."""
    docs = [case.visitor for case in cases]

    def analyse(doc: list[str]) -> list[str]:
        return [feature for text in doc for feature in features(text)]

    vectoriser = TfidfVectorizer(analyzer=analyse, sublinear_tf=True, min_df=MIN_DF)
    matrix = vectoriser.fit_transform(docs)
    urgency = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    urgency.fit(matrix, [case.urgent for case in cases])
    rows = [i for i, case in enumerate(cases) if case.kind]
    kind_model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    kind_model.fit(matrix[rows], [cases[i].kind for i in rows])

    names = vectoriser.get_feature_names_out()
    weights = urgency.coef_[0]
    kind_weights = {}
    for column, name in enumerate(names):
        column_weights = [float(w) for w in kind_model.coef_[:, column]]
        if max(abs(w) for w in column_weights) >= KIND_WEIGHT_FLOOR:
            kind_weights[str(name)] = [round(w, 4) for w in column_weights]
    return {
        "format": FORMAT,
        "threshold": threshold,
        "sure": sure,
        "any_kind": any_kind,
        "trained_on": trained_on,
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


def _count_added(
    engine: SuggestionEngine, cases: list[Case], by_rules: list[bool], counts: list[int]
) -> None:
    """Add to ``counts`` (right, wrong) the flags the engine raises where the rules did not."""
    for case, flagged in zip(cases, by_rules, strict=True):
        if not flagged and engine.urgency(Conversation.from_dict(case.data))[0]:
            counts[0 if case.urgent else 1] += 1


def leave_one_set_out(by_file: dict[str, list[Case]], c_values: list[float]) -> None:
    """Print what the model adds to the rules on each blind dev set it was not trained on."""
    held_out = [name for name in by_file if name.startswith("blind")]
    rules = SuggestionEngine(load_directory(), model=None)
    rule_flags = {
        name: [rules.urgency(Conversation.from_dict(case.data))[0] for case in by_file[name]]
        for name in held_out
    }
    for c in c_values:
        added = {t: [0, 0] for t in LOSO_THRESHOLDS}
        sure_added = {cut: [0, 0] for cut in LOSO_SURE}
        any_added = {cut: [0, 0] for cut in LOSO_ANY}
        for name in held_out:
            rest = [case for other, cases in by_file.items() if other != name for case in cases]
            model = UrgencyModel(fit(rest, c, THRESHOLD, []))
            model.any_kind = math.inf  # the threshold and the sure cut are chosen without it
            engine = SuggestionEngine(load_directory(), model=model)
            cases = by_file[name]
            probabilities = [
                model.read([line_features(t) for t in case.visitor[-MODEL_WINDOW:]]).probability
                for case in cases
            ]
            ap = average_precision_score([case.urgent for case in cases], probabilities)
            rights = {t: [0, 0] for t in LOSO_THRESHOLDS}
            for threshold in LOSO_THRESHOLDS:
                model.threshold = threshold
                for case, by_rules in zip(cases, rule_flags[name], strict=True):
                    if by_rules:
                        continue
                    if engine.urgency(Conversation.from_dict(case.data))[0]:
                        rights[threshold][0 if case.urgent else 1] += 1
                        added[threshold][0 if case.urgent else 1] += 1
            model.threshold = THRESHOLD
            for cut in LOSO_SURE:
                model.sure = cut
                _count_added(engine, cases, rule_flags[name], sure_added[cut])
            model.sure = SURE
            for cut in LOSO_ANY:
                model.any_kind = cut
                _count_added(engine, cases, rule_flags[name], any_added[cut])
            missed = sum(
                1 for case, f in zip(cases, rule_flags[name], strict=True) if case.urgent and not f
            )
            print(
                f"C={c:g} without {name}: average precision {ap:.3f}; rules miss {missed}; "
                + ", ".join(f"{t:g}: +{r}/-{w}" for t, (r, w) in rights.items())
            )
        print(
            f"C={c:g} all left-out sets: "
            + ", ".join(f"{t:g}: +{r}/-{w}" for t, (r, w) in added.items())
        )
        print(
            f"C={c:g} at {THRESHOLD:g}, trusted alone from (sure): "
            + ", ".join(f"{cut:g}: +{r}/-{w}" for cut, (r, w) in sure_added.items())
        )
        print(
            f"C={c:g} at {THRESHOLD:g}, sure {SURE:g}, a class of any kind from (any_kind): "
            + ", ".join(f"{cut:g}: +{r}/-{w}" for cut, (r, w) in any_added.items())
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--exclude", action="append", default=[], help="a set to leave out")
    parser.add_argument("--out", type=Path, default=ROOT / "src/referrals" / MODEL_FILE)
    parser.add_argument("--loso", action="store_true", help="leave one blind set out in turn")
    parser.add_argument("--c", type=float, action="append", default=[], help="C (default 8)")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="the model's cut")
    parser.add_argument("--sure", type=float, default=SURE, help="trusted alone from")
    parser.add_argument(
        "--any-kind", type=float, default=ANY_KIND, help="a class of any kind backs it from"
    )
    args = parser.parse_args()
    files = training_files(set(args.exclude))
    engine = SuggestionEngine(load_directory(), model=None)
    by_file = {path.name: read_cases(path, engine) for path in files}
    if args.loso:
        leave_one_set_out(by_file, args.c or [C])
        return 0
    cases = [case for cases in by_file.values() for case in cases]
    trained_on = checksums(files)
    model = fit(
        cases, args.c[0] if args.c else C, args.threshold, trained_on, args.sure, args.any_kind
    )
    text = json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    kinds = model["kinds"]["classes"]
    print(
        f"{args.out}: {len(cases)} cases from {len(files)} files, {len(model['features'])} "
        f"features, {sum(1 for case in cases if case.kind)} with a kind ({', '.join(kinds)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
