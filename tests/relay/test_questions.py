"""Questions outside opening hours over real websockets: ask, code, answer, read, reply,
wrong codes, the inbox each staff member sees, retention and privacy (issue 14)."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from typing import Any

import pytest

from relay.config import RelayConfig
from relay.hours import OpeningHours
from relay.questions import QuestionsConfig, code_hash
from relay.server import Relay
from tests.support import (
    Client,
    add_staff_async,
    database_text,
    db_arg,
    new_cid,
    sql_connection,
)


def closed_config(config: RelayConfig, **questions: Any) -> RelayConfig:
    """The fixture's config, but outside opening hours (no weekly hours at all)."""
    return replace(config, hours=OpeningHours(weekly={}),
                   questions=replace(QuestionsConfig(), **questions))


def urgent_triage(texts: list[str], lang: str | None, role: str | None) -> tuple[bool, list[str]]:
    """The relay's triage hook with one rule, so a test can tell urgent from not."""
    hit = [t for t in texts if "ta mitt liv" in t.lower()]
    return bool(hit), ["ta mitt liv"] if hit else []


@pytest.fixture
async def closed_relay(config: RelayConfig) -> Any:
    """A relay outside opening hours with staff 'anna', 'bo' and supervisor 'sara'."""
    await add_staff_async(config.database, "anna")
    await add_staff_async(config.database, "bo")
    await add_staff_async(config.database, "sara", supervisor=True)
    async with Relay(closed_config(config), triage=urgent_triage) as running:
        yield running


async def entry_where(staff: Client, **fields: Any) -> dict[str, Any]:
    """The next inbox entry update whose entry has these fields."""
    while True:
        entry = (await staff.expect("question"))["entry"]
        if all(entry.get(k) == v for k, v in fields.items()):
            return entry  # type: ignore[no-any-return]


async def ask(port: int, text: str, **extra: Any) -> tuple[Client, dict[str, Any]]:
    visitor = await Client.visitor(port, purpose="questions", lang="sv")
    status = await visitor.expect("status")
    assert status["questions"]["offer"] is True
    cid = new_cid()
    await visitor.send({"type": "ask", "text": text, "cid": cid, **extra})
    return visitor, await visitor.expect("asked", cid=cid)


async def test_ask_answer_read_reply(closed_relay: Relay) -> None:
    """A question is acknowledged with a code; staff take it from the inbox and answer; the
    visitor reads the answer on a new connection with the code and replies; staff see it."""
    port = closed_relay.port
    anna = await Client.staff(port, "anna")
    assert (await anna.expect("inbox"))["entries"] == []
    visitor, asked = await ask(port, "Hur pratar jag med min pappa om hans drickande?")
    code = asked["code"]
    assert asked["urgent"] is False and asked["retention_days"] == 14
    assert len(code.split("-")) == 6
    entry = (await anna.expect("question"))["entry"]
    assert entry["unread"] == 1 and entry["staff"] is None and entry["preview"].startswith("Hur")
    await visitor.close()

    await anna.send({"type": "question_open", "question": entry["id"]})
    thread = await anna.expect("question_thread")
    assert thread["readonly"] is False and thread["entry"]["staff"] == "anna"
    assert [line["kind"] for line in thread["lines"]] == ["visitor"]
    await anna.send({"type": "question_answer", "question": entry["id"],
                     "text": "Hej!\nBra att du skriver.", "cid": "a1"})
    ack = await anna.expect("question_ack", cid="a1")
    assert ack["seq"] == 2
    await anna.send({"type": "question_answer", "question": entry["id"], "text": "intern",
                     "cid": "n1", "note": True})
    await anna.expect("question_ack", cid="n1")

    again = await Client.visitor(port, purpose="questions")
    await again.send({"type": "read", "code": code.upper().replace("-", " ")})
    read = await again.expect("thread")
    assert read["state"] == "open"
    assert [(line["kind"], line["text"]) for line in read["lines"]] == [
        ("visitor", "Hur pratar jag med min pappa om hans drickande?"),
        ("staff", "Hej!\nBra att du skriver.")], "notes never reach the visitor"
    assert read["lines"][1]["author"] == "Anna"
    assert (await entry_where(anna, read=True))["id"] == entry["id"]
    await again.send({"type": "reply", "text": "Tack, jag provar.", "cid": "r1"})
    assert (await again.expect("ack", cid="r1"))["seq"] == 4
    line = await anna.expect("question_line", text="Tack, jag provar.")
    assert line["kind"] == "visitor" and line["question"] == entry["id"]

    await anna.send({"type": "question_close", "question": entry["id"], "role": "relative",
                     "tags": ["alkohol"]})
    await anna.expect("question_gone", question=entry["id"], reason="closed")
    await again.send({"type": "reply", "text": "En sak till", "cid": "r2"})
    assert (await again.expect("error", cid="r2"))["code"] == "ended"
    third = await Client.visitor(port, purpose="questions")
    await third.send({"type": "read", "code": code})
    assert (await third.expect("thread"))["state"] == "closed"


async def test_colleagues_see_only_their_own_and_unassigned(closed_relay: Relay) -> None:
    """Once Anna takes a question, Bo's inbox loses it; supervisor Sara still sees it, and her
    reading it is written to the audit log."""
    port = closed_relay.port
    anna, bo, sara = [await Client.staff(port, name) for name in ("anna", "bo", "sara")]
    _, _ = await ask(port, "En fråga")
    question = (await bo.expect("question"))["entry"]["id"]
    await anna.send({"type": "question_open", "question": question})
    await anna.expect("question_thread")
    await bo.expect("question_gone", question=question, reason="taken")
    await bo.send({"type": "question_open", "question": question})
    assert (await bo.expect("error"))["code"] == "forbidden"
    await bo.send({"type": "question_answer", "question": question, "text": "x", "cid": "b1"})
    assert (await bo.expect("error", cid="b1"))["code"] == "forbidden"
    await sara.send({"type": "question_open", "question": question})
    assert (await sara.expect("question_thread"))["readonly"] is True
    bo_again = await Client.staff(port, "bo")
    assert (await bo_again.expect("inbox"))["entries"] == []
    sara_again = await Client.staff(port, "sara")
    assert [e["id"] for e in (await sara_again.expect("inbox"))["entries"]] == [question]
    audit = await closed_relay.storage.audit_entries()
    assert ("sara", "question_view") in {(a.actor, a.action) for a in audit}
    assert ("anna", "question_take") in {(a.actor, a.action) for a in audit}


async def test_urgent_question_first_in_inbox_and_told_to_the_visitor(closed_relay: Relay) -> None:
    """Triage runs on the question at once: the visitor's ``asked`` says urgent with the
    emergency contacts, and the inbox lists it before older questions."""
    port = closed_relay.port
    await ask(port, "en vanlig fråga")
    _, asked = await ask(port, "Jag vill ta mitt liv")
    assert asked["urgent"] is True
    assert asked["emergency"][0]["phone"] == "112"
    assert asked["next_open"] is None or "T" in asked["next_open"]
    anna = await Client.staff(port, "anna")
    entries = (await anna.expect("inbox"))["entries"]
    assert [e["urgent"] for e in entries] == [True, False]
    assert entries[0]["reasons"] == ["ta mitt liv"]


async def test_wrong_codes_are_throttled_and_reveal_nothing(closed_relay: Relay) -> None:
    """Wrong codes get one and the same answer, after a delay that grows per connection, are
    counted, and a real code still works afterwards on another connection."""
    closed_relay.questions.throttle.base_delay_s = 0.2
    _, asked = await ask(closed_relay.port, "fråga")
    guesser = await Client.visitor(closed_relay.port, purpose="questions")
    answers, times = [], []
    for n in range(6):
        started = time.monotonic()
        await guesser.send({"type": "read", "code": f"sol-sol-sol-sol-00000-0000{n}"})
        answers.append(await guesser.expect("error", timeout=10))
        times.append(time.monotonic() - started)
    await guesser.send({"type": "read", "code": "not a code at all"})
    answers.append(await guesser.expect("error", timeout=10))
    assert {(a["code"], a["message"]) for a in answers} == {
        ("bad_code", "No question has that code. Check it and try again.")}
    assert max(times[:3]) < 0.15, "the first few mistakes are answered at once"
    assert times[3] >= 0.18 and times[5] >= 0.75, f"delays grow: {times}"
    assert closed_relay.counters["question_code_wrong"] == 7
    assert closed_relay.questions.throttle.failures == 7
    other = await Client.visitor(closed_relay.port, purpose="questions")
    await other.send({"type": "read", "code": asked["code"]})
    await other.expect("thread")


async def test_a_flood_of_wrong_codes_slows_every_check(closed_relay: Relay) -> None:
    """Wrong codes from many connections (no per-connection count builds up) raise a delay
    for everyone once the relay-wide rate is exceeded."""
    throttle = closed_relay.questions.throttle
    throttle.global_free_per_minute, throttle.global_step_s = 5, 0.1
    for n in range(8):
        guesser = await Client.visitor(closed_relay.port, purpose="questions")
        await guesser.send({"type": "read", "code": f"sol-sol-sol-sol-00000-0000{n}"})
        await guesser.expect("error", timeout=10)
        await guesser.close()
    assert throttle.delay_s(0) == pytest.approx(0.3)
    started = time.monotonic()
    fresh = await Client.visitor(closed_relay.port, purpose="questions")
    await fresh.send({"type": "read", "code": "sol-sol-sol-sol-00000-00009"})
    await fresh.expect("error", timeout=10)
    assert time.monotonic() - started >= 0.25
    assert closed_relay.counters["question_code_delayed"] >= 1


async def test_resend_after_a_lost_asked_gets_a_new_code_not_a_second_question(
        closed_relay: Relay) -> None:
    """The same key asked twice is one question; the second ``asked`` carries a new code and
    the first one stops working (it was never shown)."""
    key = "k" * 30
    _, first = await ask(closed_relay.port, "fråga", key=key)
    _, second = await ask(closed_relay.port, "fråga", key=key)
    assert first["code"] != second["code"]
    assert await closed_relay.storage.max_question_id() == 1
    reader = await Client.visitor(closed_relay.port, purpose="questions")
    await reader.send({"type": "read", "code": first["code"]})
    assert (await reader.expect("error"))["code"] == "bad_code"
    await reader.send({"type": "read", "code": second["code"]})
    await reader.expect("thread")


async def test_not_offered_while_open_and_refused_when_full(relay: Relay,
                                                            config: RelayConfig) -> None:
    """With the chat open and staff online, asking is refused (write in the chat); outside
    hours the inbox takes ``max_open`` unanswered questions and politely refuses the next."""
    anna = await Client.staff(relay.port, "anna")
    await anna.expect("inbox")
    visitor = await Client.visitor(relay.port, purpose="questions")
    status = await visitor.expect("status")
    assert status["open"] and status["questions"] == {"offer": False, "retention_days": 14}
    await visitor.send({"type": "ask", "text": "fråga", "cid": "q1"})
    assert (await visitor.expect("error", cid="q1"))["code"] == "questions_not_now"
    await relay.stop()
    async with Relay(closed_config(config, max_open=1)) as closed:
        await ask(closed.port, "first")
        late = await Client.visitor(closed.port, purpose="questions")
        await late.send({"type": "ask", "text": "second", "cid": "q2"})
        assert (await late.expect("error", cid="q2"))["code"] == "questions_full"


async def test_questions_switched_off(config: RelayConfig) -> None:
    """``[questions] enabled = false``: status says so and the frames are refused."""
    async with Relay(closed_config(config, enabled=False)) as running:
        visitor = await Client.visitor(running.port, purpose="questions")
        assert (await visitor.expect("status"))["questions"] is None
        await visitor.send({"type": "ask", "text": "fråga", "cid": "q1"})
        assert (await visitor.expect("error", cid="q1"))["code"] == "questions_off"


async def test_a_questions_socket_is_not_counted_as_a_closed_visit(closed_relay: Relay) -> None:
    """The question bundle's own socket does not count the same widget opening twice."""
    await Client.visitor(closed_relay.port)
    await ask(closed_relay.port, "fråga")
    await asyncio.sleep(0.1)
    assert closed_relay.counters["closed_visits"] == 1


async def test_purge_removes_text_and_keeps_the_record(closed_relay: Relay,
                                                       config: RelayConfig) -> None:
    """Past retention, a closed question and one whose answer was never read lose their text,
    code and triage words; the statistics record stays. A read, open one is kept."""
    port = closed_relay.port
    anna = await Client.staff(port, "anna")
    codes = []
    for text in ("stängd fråga", "oläst svar", "läst svar"):
        _, asked = await ask(port, text)
        codes.append(asked["code"])
    for question in (1, 2, 3):
        await anna.send({"type": "question_open", "question": question})
        await anna.expect("question_thread")
        await anna.send({"type": "question_answer", "question": question, "text": "svar",
                         "cid": f"a{question}"})
        await anna.expect("question_ack", cid=f"a{question}")
    reader = await Client.visitor(port, purpose="questions")
    await reader.send({"type": "read", "code": codes[2]})
    await reader.expect("thread")
    await anna.send({"type": "question_close", "question": 1, "tags": ["oro"]})
    await anna.expect("question_gone", question=1)
    closed_relay.clock = lambda: time.time() + 15 * 86400
    assert await closed_relay.questions.purge() == 2
    await anna.expect("question_gone", question=2, reason="purged")
    db = sql_connection(config.database)
    rows = db.execute("SELECT id, code_hash, key_hash, reasons, purged, asked_at, "
                      "first_answer_at, answer_read, tags FROM questions ORDER BY id").fetchall()
    assert [(r[0], r[1], r[3], r[4]) for r in rows[:2]] == [(1, None, None, 1), (2, None, None, 1)]
    assert rows[0][8] == '["oro"]' and rows[0][6] is not None and rows[1][7] == 0
    assert rows[2][1] == code_hash(codes[2]) and rows[2][4] == 0 and rows[2][7] == 1
    texts = [r[0] for r in db.execute("SELECT text FROM question_lines ORDER BY id")]
    assert texts == ["läst svar", "svar"]
    db.close()
    reader2 = await Client.visitor(port, purpose="questions")
    await reader2.send({"type": "read", "code": codes[0]})
    assert (await reader2.expect("error"))["code"] == "bad_code"


async def test_no_address_user_agent_or_code_is_stored(closed_relay: Relay,
                                                       config: RelayConfig) -> None:
    """After asking, answering and reading, no column of the database holds the client's
    address, its user agent or the case code in clear."""
    port = closed_relay.port
    _, asked = await ask(port, "fråga")
    anna = await Client.staff(port, "anna")
    await anna.send({"type": "question_open", "question": 1})
    await anna.expect("question_thread")
    await anna.send({"type": "question_answer", "question": 1, "text": "svar", "cid": "a"})
    await anna.expect("question_ack", cid="a")
    reader = await Client.visitor(port, purpose="questions")
    await reader.send({"type": "read", "code": asked["code"]})
    await reader.expect("thread")
    await closed_relay.storage.flush()
    dump = database_text(config.database)
    assert "127.0.0.1" not in dump
    assert "Python" not in dump and "websockets" not in dump.lower()
    for word in asked["code"].split("-"):
        assert f"'{word}'" not in dump
    stored = code_hash(asked["code"])
    assert stored is not None
    assert asked["code"] not in dump and stored in dump


async def test_lotsen_stats_reports_questions(closed_relay: Relay, config: RelayConfig) -> None:
    """``lotsen stats`` counts questions asked, answered and read, the time to the first
    answer, and when they were asked — from the records, with no text."""
    import json

    from typer.testing import CliRunner

    from lotsen.cli import _register, app

    _, asked = await ask(closed_relay.port, "fråga ett")
    await ask(closed_relay.port, "fråga två")
    anna = await Client.staff(closed_relay.port, "anna")
    await anna.send({"type": "question_open", "question": 1})
    await anna.expect("question_thread")
    await anna.send({"type": "question_answer", "question": 1, "text": "svar", "cid": "a"})
    await anna.expect("question_ack", cid="a")
    reader = await Client.visitor(closed_relay.port, purpose="questions")
    await reader.send({"type": "read", "code": asked["code"]})
    await reader.expect("thread")
    await closed_relay.storage.flush()
    _register()
    runner = CliRunner()
    result = await asyncio.to_thread(
        runner.invoke, app, ["stats", "--format", "json", "--db", db_arg(config.database)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)["questions"]
    assert (figures["asked"], figures["answered"], figures["read"]) == (2, 1, 1)
    assert figures["share_read"] == 1.0 and figures["first_answer_s"]["median"] >= 0
    assert sum(figures["by_weekday"]) == 2 and sum(figures["by_hour"]) == 2
    table = await asyncio.to_thread(runner.invoke, app, ["stats", "--db", db_arg(config.database),
                                                         "--lang", "en"])
    assert table.exit_code == 0, table.output
    assert "Questions asked" in table.output and "Time to first answer" in table.output
    swedish = await asyncio.to_thread(runner.invoke, app,
                                      ["stats", "--db", db_arg(config.database)])
    assert "Ställda frågor" in swedish.output and "Questions asked" not in swedish.output
    assert "fråga" not in table.output + result.output


async def test_offered_when_busy_if_configured(config: RelayConfig) -> None:
    """``offer_when = "closed_or_busy"``: open with staff online, questions are offered once a
    new visitor would wait 15 minutes or more, and taken."""
    await add_staff_async(config.database, "anna")
    async with Relay(replace(config, questions=QuestionsConfig(
            offer_when="closed_or_busy"))) as running:
        anna = await Client.staff(running.port, "anna")
        await anna.expect("inbox")
        first = await Client.visitor(running.port, purpose="questions")
        assert (await first.expect("status"))["questions"]["offer"] is False
        for n in range(4):
            waiting = await Client.visitor(running.port)
            await waiting.say(f"hej {n}")
        running.hub.broadcast_status()  # what the relay's tick does every few seconds
        assert (await first.expect("status"))["questions"]["offer"] is True
        _, asked = await ask(running.port, "Kan jag fråga här i stället?")
        assert asked["next_open"] is None, "open now: answered during today's hours"


async def test_lotsen_purge_applies_the_question_period(config: RelayConfig) -> None:
    """``lotsen purge`` deletes the text of questions closed longer ago than
    ``[questions] retention_days`` too, and keeps their records."""
    from typer.testing import CliRunner

    from lotsen.cli import _register, app

    await add_staff_async(config.database, "anna")
    async with Relay(closed_config(config)) as running:
        await ask(running.port, "gammal fråga")
        anna = await Client.staff(running.port, "anna")
        await anna.send({"type": "question_open", "question": 1})
        await anna.expect("question_thread")
        await anna.send({"type": "question_close", "question": 1})
        await anna.expect("question_gone", question=1)
    db = sql_connection(config.database)
    with db:
        db.execute("UPDATE questions SET closed_at = closed_at - 15 * 86400")
    db.close()
    _register()
    result = await asyncio.to_thread(CliRunner().invoke, app,
                                     ["purge", "--db", db_arg(config.database)])
    assert result.exit_code == 0, result.output
    assert "Purged the text of 1 question(s)" in result.output
    db = sql_connection(config.database)
    assert db.execute("SELECT COUNT(*) FROM question_lines").fetchone() == (0,)
    assert db.execute("SELECT purged, code_hash FROM questions").fetchall() == [(1, None)]
    db.close()


async def test_offered_while_the_queue_is_full(config: RelayConfig) -> None:
    """A full queue closes the chat for newcomers (``queue_closed``): questions are offered
    then, whatever ``offer_when`` says, and taken."""
    await add_staff_async(config.database, "anna")
    async with Relay(replace(config, max_waiting=1)) as running:
        anna = await Client.staff(running.port, "anna")
        await anna.expect("inbox")
        waiting = await Client.visitor(running.port)
        await waiting.say("hej")
        newcomer = await Client.visitor(running.port, purpose="questions")
        status = await newcomer.expect("status")
        assert (status["reason"], status["questions"]["offer"]) == ("queue_closed", True)
        await newcomer.send({"type": "ask", "text": "Kan jag fråga här?", "cid": "q1"})
        await newcomer.expect("asked", cid="q1")
