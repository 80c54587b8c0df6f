"""Questions outside opening hours: case codes, guessing limits, the inbox order and the
statistics of questions. Plain objects and functions, no I/O (``relay.question_desk`` is the
relay's handler that uses them; docs/widget.md "Questions" tells the visitor's side).

A **case code** is four words from the visitor's language's list (``relay.question_words``,
256 words each: 8 bits a word) and ten digits (33.2 bits): ``secrets`` draws every part, so a
code carries 65.2 bits of entropy (``CODE_BITS``). Only the SHA-256 of its normalised form is
stored; the code itself is shown to the visitor once. Normalising forgives what people do when
they copy or read a code aloud: upper case, missing diacritics (å, ä, ö, æ, ø), spaces, dashes
or commas between the parts, digits in other groups.
"""

from __future__ import annotations

import hashlib
import math
import re
import secrets
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from relay import protocol
from relay.question_words import WORDS

CODE_WORDS = 4
CODE_DIGITS = 10
CODE_BITS = round(CODE_WORDS * math.log2(256) + CODE_DIGITS * math.log2(10), 1)  # 65.2
OFFER_WHEN = ("closed", "closed_or_busy")
# With offer_when = "closed_or_busy", the chat counts as busy when a new visitor would wait
# at least this long (the queue's own estimate).
BUSY_WAIT_S = 15 * 60


@dataclass(frozen=True, slots=True)
class QuestionsConfig:
    """``[questions]`` in the config file."""

    enabled: bool = True
    retention_days: int = 14
    max_open: int = 200  # unanswered questions in the inbox before new ones are refused
    offer_when: str = "closed"  # or "closed_or_busy"
    # Against flooding the inbox (docs/security.md): new questions per minute, relay-wide
    # and per visitor connection; beyond either, "questions_full" as when the inbox is full.
    asks_per_minute: int = 10
    asks_per_connection: int = 3


def normalise_word(word: str) -> str:
    """``word`` in lower-case ASCII letters: "Björk" -> "bjork", "Sjø" -> "sjo", "Ære" -> "aere"."""
    word = word.lower().replace("æ", "ae").replace("ø", "o")
    return "".join(c for c in unicodedata.normalize("NFKD", word) if c.isascii() and c.isalpha())


def new_code(lang: str | None) -> str:
    """A fresh case code in the visitor's language, e.g. ``björk-moln-tåg-sol-38472-10956``."""
    words = WORDS.get(lang or "", WORDS["sv"])
    parts = [secrets.choice(words) for _ in range(CODE_WORDS)]
    digits = f"{secrets.randbelow(10 ** CODE_DIGITS):0{CODE_DIGITS}d}"
    return "-".join([*parts, digits[:5], digits[5:]])


def normalise(code: str) -> str | None:
    """The canonical form a code is hashed in, or None if it cannot be a case code."""
    if len(code) > 200:
        return None
    text = code.lower().replace("æ", "ae").replace("ø", "o")
    # Accents go (their combining marks are dropped); any other character separates parts.
    text = "".join(c if c.isascii() else "" if unicodedata.combining(c) else " "
                   for c in unicodedata.normalize("NFKD", text))
    words = re.findall(r"[a-z]+", text)
    digits = "".join(re.findall(r"[0-9]+", text))
    if len(words) != CODE_WORDS or len(digits) != CODE_DIGITS:
        return None
    return "-".join([*words, digits])


def code_hash(code: str) -> str | None:
    """The SHA-256 (hex) a code is stored and looked up by; None for something not a code."""
    canonical = normalise(code)
    if canonical is None:
        return None
    return hashlib.sha256(b"lotsen-question\0" + canonical.encode()).hexdigest()


@dataclass
class GuessThrottle:
    """Wrong case codes slow down whoever sends them, without knowing who that is.

    Per connection: the first ``free_failures`` wrong codes are answered at once, each further
    one after a delay that doubles, up to ``max_delay_s``; after ``close_after`` the connection
    is closed. Across the relay: when more than ``global_free_per_minute`` wrong codes arrived
    in the last minute (a flood from many connections), every code check waits
    ``global_step_s`` for each one above that, up to ``max_delay_s``. No address is kept: the
    connection's own counter lives and dies with the socket. Several relays on one database
    count each other's wrong codes into the relay-wide minute (``failed_elsewhere``).
    """

    free_failures: int = 3
    base_delay_s: float = 1.0
    max_delay_s: float = 30.0
    close_after: int = 30
    global_free_per_minute: int = 60
    global_step_s: float = 0.25
    clock: Callable[[], float] = time.monotonic
    failures: int = 0  # wrong codes since start (reported on /metrics as a counter)
    _recent: deque[float] = field(default_factory=deque)

    def delay_s(self, connection_failures: int) -> float:
        """How long the next code check of a connection with this many failures waits."""
        own = 0.0
        if connection_failures >= self.free_failures:
            own = self.base_delay_s * 2 ** (connection_failures - self.free_failures)
        return min(self.max_delay_s, max(own, self._global_delay()))

    def failed(self) -> None:
        self.failures += 1
        self._recent.append(self.clock())

    def failed_elsewhere(self, count: int) -> None:
        """Wrong codes other relays of the service counted (relay/cluster.py): they slow the
        checks here too, as the relay-wide flood they are part of, but ``failures`` (this
        relay's, on /metrics) stays."""
        now = self.clock()
        self._recent.extend([now] * max(0, min(count, 100_000)))

    def _global_delay(self) -> float:
        cutoff = self.clock() - 60
        while self._recent and self._recent[0] < cutoff:
            self._recent.popleft()
        excess = len(self._recent) - self.global_free_per_minute
        return excess * self.global_step_s if excess > 0 else 0.0


def inbox_order(entry: protocol.InboxEntry) -> tuple[bool, float, int]:
    """Sort key of inbox entries: urgent first, then the oldest question first."""
    return (not entry["urgent"], entry["asked_at"], entry["id"])


# ---------------------------------------------------------------------------------------------
# Statistics (``lotsen stats``): from the records the purge keeps, never from text


@dataclass(frozen=True, slots=True)
class QuestionStats:
    asked: int
    answered: int
    read: int  # answered questions whose answer the visitor read
    first_answer_median_s: float | None
    first_answer_p90_s: float | None
    by_weekday: list[int]  # Monday first, by the local time the question was asked
    by_hour: list[int]
    who: dict[str, int]
    language: dict[str, int]
    tags: dict[str, int]

    @property
    def share_read(self) -> float | None:
        return self.read / self.answered if self.answered else None

    def to_dict(self) -> protocol.QuestionFigures:
        return protocol.QuestionFigures(
            asked=self.asked, answered=self.answered, read=self.read,
            share_read=None if self.share_read is None else round(self.share_read, 3),
            first_answer_s=protocol.AnswerTimes(median=_round(self.first_answer_median_s),
                                                p90=_round(self.first_answer_p90_s)),
            by_weekday=self.by_weekday, by_hour=self.by_hour, who=self.who,
            language=self.language, tags=self.tags)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def question_stats(records: Iterable[Any], timezone: ZoneInfo) -> QuestionStats:
    """Figures of the questions asked in a period (records with ``asked_at``,
    ``first_answer_at``, ``answer_read``, ``role``, ``outcome_role``, ``lang``, ``tags``)."""
    from figures.stats import median, percentile

    rows = list(records)
    waits = sorted(r.first_answer_at - r.asked_at for r in rows if r.first_answer_at is not None)
    by_weekday, by_hour = [0] * 7, [0] * 24
    who: dict[str, int] = {}
    language: dict[str, int] = {}
    tags: dict[str, int] = {}
    for r in rows:
        local = datetime.fromtimestamp(r.asked_at, timezone)
        by_weekday[local.weekday()] += 1
        by_hour[local.hour] += 1
        role = r.outcome_role or r.role or "unknown"
        who[role] = who.get(role, 0) + 1
        lang = r.lang or "unknown"
        language[lang] = language.get(lang, 0) + 1
        for tag in r.tags:
            tags[tag] = tags.get(tag, 0) + 1
    answered = [r for r in rows if r.first_answer_at is not None]
    return QuestionStats(
        asked=len(rows), answered=len(answered), read=sum(1 for r in answered if r.answer_read),
        first_answer_median_s=median(waits), first_answer_p90_s=percentile(waits, 90),
        by_weekday=by_weekday, by_hour=by_hour, who=who, language=language,
        tags=dict(sorted(tags.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


async def load_question_figures(storage: Any, period: Any) -> protocol.QuestionFigures:
    """The ``questions`` figures of a period, as ``lotsen stats --format json`` prints them.

    ``storage`` has ``questions_asked`` (relay.storage.questions) and ``period`` is a
    figures.stats.Period; one place, so the CLI, the report and the stats frame agree.
    """
    asked = await storage.questions_asked(period.start_ts, period.end_ts)
    return question_stats(asked, period.timezone).to_dict()
