"""Case codes and the questions' rules without a socket: entropy, normalising, hashing, the
word lists, the guessing throttle, the inbox order, the statistics and the config table."""

from __future__ import annotations

import math
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from relay import protocol
from relay.config import ConfigError, load_config
from relay.question_words import WORDS
from relay.questions import (
    CODE_BITS,
    GuessThrottle,
    code_hash,
    inbox_order,
    new_code,
    normalise,
    normalise_word,
    question_stats,
)
from relay.storage.questions import QuestionRecord


def test_word_lists_have_256_distinct_words_after_normalising() -> None:
    """Each language's list has 256 words (8 bits each), distinct as typed without accents."""
    for lang, words in WORDS.items():
        assert len(words) == 256, lang
        assert len({normalise_word(w) for w in words}) == 256, lang
        assert all(re.fullmatch(r"[a-zåäöæø]+", w) for w in words), lang


def test_a_code_has_at_least_64_bits_of_entropy() -> None:
    """Four words of 256 and ten digits: 65.2 bits, all drawn by ``secrets``."""
    assert CODE_BITS == pytest.approx(4 * 8 + 10 * math.log2(10), abs=0.05)
    assert CODE_BITS >= 64
    codes = {new_code("sv") for _ in range(2000)}
    assert len(codes) == 2000
    assert all(re.fullmatch(r"([a-zåäö]+-){4}\d{5}-\d{5}", c) for c in codes)
    assert new_code("nb").split("-")[0] in WORDS["nb"]
    assert new_code("en").split("-")[0] in WORDS["en"]


def test_a_code_is_found_however_it_is_typed() -> None:
    """Case, accents, separators and digit groups do not matter; a wrong or partial code
    hashes to something else or to nothing."""
    code = "björk-moln-tåg-sol-38472-10956"
    same = ["BJÖRK MOLN TÅG SOL 38472 10956", "bjork, moln, tag, sol 3847210956",
            " Björk–Moln–Tåg–Sol–384-721-0956 "]
    assert {code_hash(c) for c in same} == {code_hash(code)}
    assert normalise(code) == "bjork-moln-tag-sol-3847210956"
    assert code_hash("björk-moln-tåg-sol-38472-10957") != code_hash(code)
    assert code_hash("björk-moln-tåg-38472-10956") is None
    assert code_hash("x" * 500) is None
    assert len(code_hash(code) or "") == 64


def test_guessing_delay_grows_per_connection_and_under_a_flood() -> None:
    """Free mistakes first, then a doubling delay up to the cap; a relay-wide flood delays
    even a fresh connection, and the flood is forgotten after a minute."""
    now = [0.0]
    throttle = GuessThrottle(free_failures=3, base_delay_s=1, max_delay_s=30,
                             global_free_per_minute=10, global_step_s=0.5,
                             clock=lambda: now[0])
    assert [throttle.delay_s(n) for n in range(9)] == [0, 0, 0, 1, 2, 4, 8, 16, 30]
    for _ in range(14):
        throttle.failed()
    assert throttle.delay_s(0) == 2.0 and throttle.failures == 14
    now[0] = 61
    assert throttle.delay_s(0) == 0


def test_inbox_order_is_urgent_first_then_oldest() -> None:
    def entry(question: int, urgent: bool, asked_at: float) -> protocol.InboxEntry:
        return protocol.InboxEntry(id=question, urgent=urgent, reasons=[], lang=None, role=None,
                                   state="open", staff=None, staff_name=None,
                                   asked_at=asked_at, last_visitor_at=None, unread=0,
                                   answered=False, read=False, preview="")

    entries = [entry(1, False, 10.0), entry(2, True, 30.0), entry(3, False, 5.0)]
    assert [e["id"] for e in sorted(entries, key=inbox_order)] == [2, 3, 1]


def test_question_statistics() -> None:
    """Asked, answered, share read and time to first answer (median, p90) by hand."""
    tz = ZoneInfo("Europe/Stockholm")
    monday_20h = 1_764_615_600.0  # 2025-12-01 20:00 in Stockholm
    records = [
        QuestionRecord(1, None, None, "sv", "self", "closed", monday_20h,
                       first_answer_at=monday_20h + 3600, answer_read=True, tags=["oro"]),
        QuestionRecord(2, None, None, "en", None, "open", monday_20h + 86400,
                       first_answer_at=monday_20h + 86400 + 7200, answer_read=False),
        QuestionRecord(3, None, None, None, "relative", "open", monday_20h + 60),
    ]
    stats = question_stats(records, tz)
    assert (stats.asked, stats.answered, stats.read) == (3, 2, 1)
    assert stats.share_read == 0.5
    assert stats.first_answer_median_s == 5400 and stats.first_answer_p90_s == 7200
    assert stats.by_weekday[:2] == [2, 1] and stats.by_hour[20] == 3
    assert stats.who == {"self": 1, "unknown": 1, "relative": 1}
    assert stats.to_dict()["share_read"] == 0.5


def test_questions_config_table(tmp_path: Path) -> None:
    """[questions] is read with its defaults, and a wrong value names the file and line."""
    path = tmp_path / "lotsen.toml"
    path.write_text('[questions]\nretention_days = 7\nmax_open = 50\n'
                    'offer_when = "closed_or_busy"\n', encoding="utf-8")
    questions = load_config(path).questions
    assert (questions.enabled, questions.retention_days, questions.max_open,
            questions.offer_when) == (True, 7, 50, "closed_or_busy")
    path.write_text('[questions]\n\noffer_when = "always"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"lotsen.toml:3: questions.offer_when"):
        load_config(path)
