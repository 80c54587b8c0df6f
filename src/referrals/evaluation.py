"""Measure the engine on labelled conversations: top-3 hit rate, urgent recall and precision.

A labelled case is a conversation in the dev.jsonl format plus ``expect_top3_any`` (a hit when
any of these ids is among the top three suggestions) and ``urgent`` (the expected verdict);
optionally ``urgent_kind`` (suicide, self_harm, overdose, violence, child_at_risk, goodbye,
third_party_danger) and ``hard_negative`` (a non-urgent case that looks alarming).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from referrals.engine import Conversation, ConversationError, SuggestionEngine
from vocabulary.phrases import PhrasedError


@dataclass(frozen=True, slots=True)
class LabelledCase:
    """One conversation with the services and the urgency verdict a counsellor expects."""

    name: str
    conversation: Conversation
    expect_top3_any: tuple[str, ...]
    urgent: bool
    urgent_kind: str | None = None
    hard_negative: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, default_name: str = "") -> LabelledCase:
        """Read one line of a labelled file; raises ConversationError (a ValueError) saying
        what is wrong."""
        conversation = Conversation.from_dict(data)
        expected = data.get("expect_top3_any", [])
        if not isinstance(expected, list) or not all(isinstance(x, str) for x in expected):
            raise ConversationError("labelled.expect_top3_any")
        urgent = data.get("urgent", False)
        if not isinstance(urgent, bool):
            raise ConversationError("labelled.urgent")
        kind = data.get("urgent_kind")
        if kind is not None and not isinstance(kind, str):
            raise ConversationError("labelled.urgent_kind")
        hard = data.get("hard_negative", False)
        if not isinstance(hard, bool):
            raise ConversationError("labelled.hard_negative")
        name = data.get("case", default_name)
        return cls(str(name), conversation, tuple(expected), urgent, kind, hard)


@dataclass(frozen=True, slots=True)
class CaseResult:
    """What the engine said about one case."""

    case: LabelledCase
    top3: tuple[str, ...]
    urgent: bool
    urgent_reasons: tuple[str, ...]

    @property
    def hit(self) -> bool:
        """Whether an expected service is among the top three (vacuously true if none expected)."""
        return not self.case.expect_top3_any or bool(
            set(self.top3) & set(self.case.expect_top3_any)
        )

    @property
    def urgent_correct(self) -> bool:
        return self.urgent == self.case.urgent

    @property
    def kind(self) -> str:
        """The engine's first (most pressing) urgent kind, or "none"."""
        if not self.urgent_reasons:
            return "none"
        return self.urgent_reasons[0].split(":", 1)[0]


@dataclass(frozen=True, slots=True)
class EvaluationReport:
    """Figures over a set of cases, and the cases the engine got wrong."""

    results: tuple[CaseResult, ...] = field(default_factory=tuple)

    @property
    def cases(self) -> int:
        return len(self.results)

    @property
    def top3_hit_rate(self) -> float:
        scored = [r for r in self.results if r.case.expect_top3_any]
        return sum(r.hit for r in scored) / len(scored) if scored else 1.0

    @property
    def urgent_recall(self) -> float:
        expected = [r for r in self.results if r.case.urgent]
        return sum(r.urgent for r in expected) / len(expected) if expected else 1.0

    @property
    def urgent_precision(self) -> float:
        flagged = [r for r in self.results if r.urgent]
        return sum(r.case.urgent for r in flagged) / len(flagged) if flagged else 1.0

    def confusion(self) -> Counter[tuple[str, str]]:
        """(labelled kind, engine's kind) -> cases; "none" for a non-urgent label or verdict."""
        return Counter(
            ((r.case.urgent_kind or "urgent") if r.case.urgent else "none", r.kind)
            for r in self.results
        )

    @property
    def hard_negatives_flagged(self) -> tuple[int, int]:
        """(hard negatives flagged urgent, hard negatives in the set)."""
        hard = [r for r in self.results if r.case.hard_negative]
        return sum(r.urgent for r in hard), len(hard)

    @property
    def misses(self) -> list[CaseResult]:
        """Cases with no expected service in the top three, or the wrong urgency verdict."""
        return [r for r in self.results if not r.hit or not r.urgent_correct]


def read_labelled_cases(path: Path) -> list[LabelledCase]:
    """Read a JSON-lines file of labelled cases; ConversationError (a ValueError) names the
    line that is wrong."""
    cases: list[LabelledCase] = []
    with Path(path).open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                cases.append(LabelledCase.from_dict(data, default_name=f"line {number}"))
            except (json.JSONDecodeError, ValueError) as error:
                raise ConversationError(
                    "labelled.at", where=f"{path}:{number}",
                    problem=error.phrase if isinstance(error, PhrasedError) else error,
                ) from None
    return cases


def evaluate(engine: SuggestionEngine, cases: Iterable[LabelledCase]) -> EvaluationReport:
    """Run every case through ``engine`` and collect the figures."""
    results = []
    for case in cases:
        verdict = engine.suggest(case.conversation, top=3)
        results.append(
            CaseResult(case, tuple(verdict.ids), verdict.urgent, tuple(verdict.urgent_reasons))
        )
    return EvaluationReport(tuple(results))
