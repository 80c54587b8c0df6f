"""Questions outside opening hours on two relays sharing one PostgreSQL database: one inbox
for the service (a question asked through one relay reaches staff on the other at once), an
answer written on one relay is read with the case code through either, takes and closes are
decided by the database, the limits count every relay's questions, and a relay whose LISTEN
connection drops catches up on questions too (issue 16, relay/question_desk.py)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from typing import Any

import psycopg
import pytest

from relay.config import RelayConfig
from relay.server import Relay
from tests import postgres
from tests.relay.test_postgres import database_down
from tests.relay.test_questions import ask, closed_config
from tests.support import Client, add_staff_async, new_cid

pytestmark = pytest.mark.postgres


@contextlib.asynccontextmanager
async def _relays(config: RelayConfig, **questions: Any) -> AsyncIterator[tuple[Relay, Relay]]:
    """Two relays on one database, outside opening hours (``questions``: their
    ``[questions]`` settings), with staff anna, bo and supervisor sara."""
    await add_staff_async(config.database, "anna")
    await add_staff_async(config.database, "bo")
    await add_staff_async(config.database, "sara", supervisor=True)
    closed = closed_config(config, **questions)
    async with Relay(closed) as a, Relay(closed) as b:
        yield a, b


@pytest.fixture
async def closed_two(cluster_config: RelayConfig) -> AsyncIterator[tuple[Relay, Relay]]:
    """Two relays on one database, outside opening hours, with staff anna, bo and sara."""
    async with _relays(cluster_config) as pair:
        yield pair


async def _entry(client: Client, question: int, timeout: float = 5, **fields: Any
                  ) -> dict[str, Any]:
    """The next inbox update of ``question`` with these fields."""
    while True:
        entry: dict[str, Any] = (await client.expect("question", timeout=timeout))["entry"]
        if entry["id"] == question and all(entry.get(k) == v for k, v in fields.items()):
            return entry


async def _asked_and_seen(port: int, staff: Client, text: str) -> tuple[Client, str, int]:
    """A visitor asks on ``port``; ``staff`` (on any relay) sees the question arrive."""
    visitor, asked = await ask(port, text)
    while True:
        entry = (await staff.expect("question", timeout=5))["entry"]
        if entry["preview"] == text:
            return visitor, asked["code"], int(entry["id"])


async def test_asked_on_one_relay_answered_on_the_other_read_through_either(
        closed_two: tuple[Relay, Relay]) -> None:
    """Asked through A: anna on B sees it at once; she answers on B; the visitor reads the
    answer with the code through A and through B, and a reply through A reaches anna on B."""
    a, b = closed_two
    anna = await Client.staff(b.port, "anna")
    assert (await anna.expect("inbox"))["entries"] == []
    visitor, code, question = await _asked_and_seen(a.port, anna, "Hur pratar jag med pappa?")
    await visitor.close()
    await anna.send({"type": "question_open", "question": question})
    thread = await anna.expect("question_thread")
    assert thread["readonly"] is False and thread["entry"]["staff"] == "anna"
    await anna.send({"type": "question_answer", "question": question, "text": "Bra att du skriver.",
                     "cid": "a1"})
    assert (await anna.expect("question_ack", cid="a1"))["seq"] == 2
    expected = [("visitor", "Hur pratar jag med pappa?"), ("staff", "Bra att du skriver.")]
    for port in (a.port, b.port):
        again = await Client.visitor(port, purpose="questions")
        await again.send({"type": "read", "code": code})
        read = await again.expect("thread")
        assert [(line["kind"], line["text"]) for line in read["lines"]] == expected
        assert read["lines"][1]["author"] == "Anna"
        expected.append(("visitor", "Tack!"))
        if port == a.port:
            await again.send({"type": "reply", "text": "Tack!", "cid": "r1"})
            assert (await again.expect("ack", cid="r1"))["seq"] == 3
            line = await anna.expect("question_line", text="Tack!")
            assert line["question"] == question and line["seq"] == 3
        await again.close()
    await _entry(anna, question, read=True)
    assert a.questions.open[question].record.staff == "anna"
    assert a.questions.open[question].last_seq == 3


async def test_a_take_race_across_relays_has_exactly_one_winner(
        closed_two: tuple[Relay, Relay]) -> None:
    """anna on A and bo on B open the same new question at once: the database gives it to
    one; the other is told ``question_taken`` and loses it from the inbox, and both relays
    agree who holds it."""
    a, b = closed_two
    anna = await Client.staff(a.port, "anna")
    bo = await Client.staff(b.port, "bo")
    _, _, question = await _asked_and_seen(a.port, anna, "Vem svarar?")
    await _entry(bo, question)
    await asyncio.gather(anna.send({"type": "question_open", "question": question}),
                         bo.send({"type": "question_open", "question": question}))
    outcome: dict[str, str] = {}
    for name, client in (("anna", anna), ("bo", bo)):
        frames = await client.drain(1.5)
        if any(f["type"] == "question_thread" and not f["readonly"] for f in frames):
            outcome[name] = "won"
        else:
            # Told the database's answer: ``question_taken`` if the take reached the database,
            # ``forbidden`` (as on one relay) if this relay had heard of the winner's first.
            error = next(f for f in frames if f["type"] == "error")
            assert error["code"] in ("question_taken", "forbidden")
            assert any(f["type"] == "question_gone" and f["reason"] == "taken" for f in frames)
            outcome[name] = "lost"
    assert sorted(outcome.values()) == ["lost", "won"]
    winner = next(name for name, result in outcome.items() if result == "won")
    loser = next(name for name in outcome if name != winner)
    for relay in (a, b):
        assert relay.questions.open[question].record.staff == winner
    stored = await a.storage.question(question)
    assert stored is not None and stored.staff == winner
    audit = await a.storage.audit_entries()
    assert [e.actor for e in audit if e.action == "question_take"] == [winner]
    beaten = anna if loser == "anna" else bo
    await beaten.send({"type": "question_answer", "question": question, "text": "x",
                       "cid": "late"})
    assert (await beaten.expect("error", cid="late"))["code"] == "forbidden"


async def test_a_supervisor_who_loses_a_take_race_reads_the_question(
        closed_two: tuple[Relay, Relay]) -> None:
    """sara (supervisor) on A and bo on B open a new question at once: one takes it; if it
    is bo, sara gets the thread read-only rather than an error."""
    a, b = closed_two
    sara = await Client.staff(a.port, "sara")
    bo = await Client.staff(b.port, "bo")
    _, _, question = await _asked_and_seen(a.port, sara, "Till vem?")
    await _entry(bo, question)
    await asyncio.gather(sara.send({"type": "question_open", "question": question}),
                         bo.send({"type": "question_open", "question": question}))
    thread = await sara.expect("question_thread")
    holder = thread["entry"]["staff"]
    assert holder in ("sara", "bo") and thread["readonly"] is (holder == "bo")
    bo_frames = await bo.drain(1.5)
    bo_thread = [f for f in bo_frames if f["type"] == "question_thread"]
    assert bool(bo_thread) is (holder == "bo")
    for relay in (a, b):
        assert relay.questions.open[question].record.staff == holder


async def test_a_close_on_two_relays_at_once_closes_once(
        closed_two: tuple[Relay, Relay]) -> None:
    """anna, logged in on both relays, closes her question on both at once: it is closed
    once (one audit entry); the other console is told ``question_closed``."""
    a, b = closed_two
    on_a = await Client.staff(a.port, "anna")
    on_b = await Client.staff(b.port, "anna")
    _, _, question = await _asked_and_seen(a.port, on_a, "Stäng mig")
    await _entry(on_b, question)
    await on_a.send({"type": "question_open", "question": question})
    await on_a.expect("question_thread", readonly=False)
    await _entry(on_b, question, staff="anna")
    close = {"type": "question_close", "question": question, "role": None, "tags": [],
             "referrals": []}
    await asyncio.gather(on_a.send(close), on_b.send(close))
    results = []
    for client in (on_a, on_b):
        frames = await client.drain(1.5)
        errors = [f["code"] for f in frames if f["type"] == "error"]
        results.append(errors)
        assert any(f["type"] == "question_gone" and f["question"] == question for f in frames)
    # ``forbidden`` (as on one relay) if that relay had heard of the close before.
    assert sorted(results) in ([[], ["question_closed"]], [[], ["forbidden"]])
    audit = await a.storage.audit_entries()
    assert [e.action for e in audit].count("question_close") == 1
    assert question not in a.questions.open and question not in b.questions.open


async def test_a_reply_and_an_answer_at_once_on_two_relays_both_get_a_number(
        closed_two: tuple[Relay, Relay]) -> None:
    """The visitor replies through A while anna answers on B at the same moment: both lines
    are stored, numbered 2 and 3 by the database, each ack says the stored number, and
    anna gets the visitor's line."""
    a, b = closed_two
    anna = await Client.staff(b.port, "anna")
    visitor, code, question = await _asked_and_seen(a.port, anna, "Samtidigt?")
    await anna.send({"type": "question_open", "question": question})
    await anna.expect("question_thread", readonly=False)
    await visitor.send({"type": "read", "code": code})
    await visitor.expect("thread")
    await asyncio.gather(
        visitor.send({"type": "reply", "text": "En sak till", "cid": "v1"}),
        anna.send({"type": "question_answer", "question": question, "text": "Svar",
                   "cid": "s1"}))
    reply = await visitor.expect("ack", cid="v1")
    answer = await anna.expect("question_ack", cid="s1")
    assert sorted([reply["seq"], answer["seq"]]) == [2, 3]
    assert (await anna.expect("question_line", text="En sak till"))["seq"] == reply["seq"]
    stored = {line.cid: line.seq for line in await a.storage.question_lines(question)}
    assert stored["v1"] == reply["seq"] and stored["s1"] == answer["seq"]


async def test_a_purge_on_one_relay_empties_the_others_inbox(
        closed_two: tuple[Relay, Relay]) -> None:
    """A's retention purge of a question whose answer was never read: anna on B is told it
    was purged and B's inbox no longer holds it."""
    a, b = closed_two
    anna = await Client.staff(b.port, "anna")
    _, _, question = await _asked_and_seen(a.port, anna, "Glömd")
    await anna.send({"type": "question_open", "question": question})
    await anna.expect("question_thread", readonly=False)
    await anna.send({"type": "question_answer", "question": question, "text": "Svar",
                     "cid": "a1"})
    await anna.expect("question_ack", cid="a1")
    a.clock = lambda: time.time() + 15 * 86400
    assert await a.questions.purge() == 1
    await anna.expect("question_gone", question=question, reason="purged")
    assert question not in b.questions.open and question not in a.questions.open


@pytest.mark.parametrize("limit", [{"asks_per_minute": 2}, {"max_open": 2}])
async def test_the_limits_count_every_relays_questions(cluster_config: RelayConfig,
                                                        limit: dict[str, int]) -> None:
    """``asks_per_minute`` and ``max_open`` are the service's: with 2, two questions asked
    through A leave none for B, which refuses a third as full."""
    async with _relays(cluster_config, **limit) as (a, b):
        anna = await Client.staff(b.port, "anna")
        for text in ("Första", "Andra"):
            await _asked_and_seen(a.port, anna, text)
        late = await Client.visitor(b.port, purpose="questions", lang="sv")
        await late.expect("status")
        cid = new_cid()
        await late.send({"type": "ask", "text": "Tredje", "cid": cid})
        assert (await late.expect("error", cid=cid))["code"] == "questions_full"


async def test_two_questions_at_once_on_two_relays_never_pass_max_open(
        cluster_config: RelayConfig) -> None:
    """With ``max_open`` 1, two visitors ask at the same moment, one through each relay: the
    database counts under a lock, so exactly one question is taken and the other visitor is
    told ``questions_full``."""
    async with _relays(cluster_config, max_open=1) as (a, b):
        visitors = [await Client.visitor(relay.port, purpose="questions", lang="sv")
                    for relay in (a, b)]
        for visitor in visitors:
            await visitor.expect("status")
        await asyncio.gather(*(visitor.send({"type": "ask", "text": f"Fråga {n}", "cid": f"c{n}"})
                               for n, visitor in enumerate(visitors)))
        outcomes = []
        for n, visitor in enumerate(visitors):
            frames = [f for f in await visitor.drain(1.5) if f.get("cid") == f"c{n}"]
            outcomes.append(frames[0]["type"] if frames[0]["type"] == "asked"
                            else frames[0]["code"])
        assert sorted(outcomes) == ["asked", "questions_full"]
        assert await a.storage.unanswered_questions() == 1


async def test_wrong_codes_on_one_relay_slow_code_checks_on_the_other(
        closed_two: tuple[Relay, Relay]) -> None:
    """A flood of wrong case codes through A counts on B too: once more wrong codes than
    the relay-wide free allowance arrived through A, every code check on B waits."""
    a, b = closed_two
    for relay in (a, b):
        relay.questions.throttle.global_free_per_minute = 2
    guesser = await Client.visitor(a.port, purpose="questions")
    for n in range(3):
        await guesser.send({"type": "read", "code": f"fel-fel-fel-fel-{n:05d}-00000"})
        assert (await guesser.expect("error"))["code"] == "bad_code"
    assert b.questions.throttle.delay_s(0) == 0
    deadline = asyncio.get_running_loop().time() + 5
    while b.questions.throttle.delay_s(0) == 0:  # shared at A's next heartbeat
        assert asyncio.get_running_loop().time() < deadline, "B never heard of A's guesses"
        await asyncio.sleep(0.05)
    assert b.questions.throttle.delay_s(0) == b.questions.throttle.global_step_s
    assert b.questions.throttle.failures == 0  # A's, not B's, on /metrics


async def test_a_dropped_listener_catches_up_on_questions(
        closed_two: tuple[Relay, Relay]) -> None:
    """B's LISTEN connection is cut; meanwhile a question is asked through A and one bo holds
    is closed on A: B listens again, catches up from the table, and anna on B gets the new
    question and loses the closed one."""
    a, b = closed_two
    anna = await Client.staff(b.port, "anna")
    bo = await Client.staff(a.port, "bo")
    _, _, first = await _asked_and_seen(a.port, anna, "Före")
    await bo.send({"type": "question_open", "question": first})
    await bo.expect("question_thread", readonly=False)
    await anna.expect("question_gone", question=first, reason="taken")
    assert b.cluster is not None and b.cluster._listener is not None
    listening = b.cluster._tasks[0]
    listening.cancel()  # B hears nothing until it listens again below
    await asyncio.gather(listening, return_exceptions=True)
    _cut(b)
    assert b.cluster._listener is not None
    await b.cluster._listener.close()
    _, _ = await ask(a.port, "Under avbrottet")
    await bo.send({"type": "question_close", "question": first, "role": None, "tags": [],
                   "referrals": []})
    await bo.expect("question_gone", question=first, reason="closed")
    assert first in b.questions.open and len(b.questions.open) == 1
    b.cluster._tasks[0] = asyncio.create_task(b.cluster._listen())
    await _entry_with(anna, "Under avbrottet")
    assert first not in b.questions.open and len(b.questions.open) == 1
    # And cut as a database restart would: B listens again by itself and catches up.
    await asyncio.wait_for(b.cluster.connected.wait(), 5)
    catch_ups = b.cluster.catch_ups
    _cut(b)
    _, _ = await ask(a.port, "Efter avbrottet")
    await _entry_with(anna, "Efter avbrottet", timeout=10)
    while b.cluster.catch_ups == catch_ups:
        await asyncio.sleep(0.05)
    assert len(b.questions.open) == 2


def _cut(relay: Relay) -> None:
    """Terminate the relay's LISTEN connection on the server."""
    assert relay.cluster is not None and relay.cluster._listener is not None
    pid = relay.cluster._listener.info.backend_pid
    with psycopg.connect(postgres.server_url(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))


async def _entry_with(staff: Client, preview: str, timeout: float = 10) -> None:
    while (await staff.expect("question", timeout=timeout))["entry"]["preview"] != preview:
        pass


async def test_replies_sent_at_once_are_stored_in_the_order_sent(
        closed_two: tuple[Relay, Relay]) -> None:
    """A visitor sends ten replies back to back through A (none waits for its ack): they are
    stored in the order sent, numbered 2..11 without a gap, each ack saying its number, and
    anna on B gets them in that order — as chat lines are (the journal keeps call order)."""
    a, b = closed_two
    anna = await Client.staff(b.port, "anna")
    visitor, code, question = await _asked_and_seen(a.port, anna, "Många rader")
    await anna.send({"type": "question_open", "question": question})
    await anna.expect("question_thread", readonly=False)
    await visitor.send({"type": "read", "code": code})
    await visitor.expect("thread")
    cids = [f"r{n}" for n in range(10)]
    for n, cid in enumerate(cids):
        await visitor.send({"type": "reply", "text": f"Rad {n}", "cid": cid})
    acks = {cid: (await visitor.expect("ack", cid=cid))["seq"] for cid in cids}
    assert [acks[cid] for cid in cids] == list(range(2, 12))
    stored = [(line.seq, line.cid) for line in await a.storage.question_lines(question)]
    assert stored == [(1, stored[0][1]), *zip(range(2, 12), cids, strict=True)]
    seen = [(await anna.expect("question_line", text=f"Rad {n}"))["seq"] for n in range(10)]
    assert seen == list(range(2, 12))


async def test_an_answer_and_a_close_sent_at_once_store_the_answer_first(
        closed_two: tuple[Relay, Relay]) -> None:
    """anna sends her answer and closes the question right after it, without waiting for the
    ack (as on one relay, where the journal keeps them in order): the answer is stored and
    acknowledged, then the question is closed — the close does not overtake the answer."""
    a, _ = closed_two
    anna = await Client.staff(a.port, "anna")
    _, _, question = await _asked_and_seen(a.port, anna, "Svara och stäng")
    await anna.send({"type": "question_open", "question": question})
    await anna.expect("question_thread", readonly=False)
    for n in range(3):
        await anna.send({"type": "question_answer", "question": question,
                         "text": f"Svar {n}", "cid": f"a{n}"})
    await anna.send({"type": "question_close", "question": question, "role": None, "tags": [],
                     "referrals": []})
    for n in range(3):
        assert (await anna.expect("question_ack", cid=f"a{n}"))["seq"] == n + 2
    await anna.expect("question_gone", question=question, reason="closed")
    assert not [f for f in await anna.drain(0.3) if f["type"] == "error"]
    stored = await a.storage.question(question)
    assert stored is not None and stored.state == "closed" and stored.first_answer_at
    texts = [line.text for line in await a.storage.question_lines(question)]
    assert texts == ["Svara och stäng", "Svar 0", "Svar 1", "Svar 2"]


async def test_a_take_and_a_close_while_the_database_is_down_change_nothing(
        closed_two: tuple[Relay, Relay]) -> None:
    """While the database refuses connections, anna's take of a new question and her close
    of the one she holds get a ``storage`` error; afterwards both relays still have both
    questions open as before (the new one unassigned, hers still hers), and both work."""
    a, b = closed_two
    anna = await Client.staff(a.port, "anna")
    _, _, held = await _asked_and_seen(a.port, anna, "Min")
    await anna.send({"type": "question_open", "question": held})
    await anna.expect("question_thread", readonly=False)
    _, _, new = await _asked_and_seen(b.port, anna, "Ny")
    with database_down(a.storage.url):  # type: ignore[attr-defined]
        await anna.send({"type": "question_open", "question": new})
        assert (await anna.expect("error", timeout=20))["code"] == "storage"
        await anna.send({"type": "question_close", "question": held, "role": None, "tags": [],
                         "referrals": []})
        assert (await anna.expect("error", timeout=20))["code"] == "storage"
    for relay in (a, b):
        assert relay.questions.open[new].record.staff is None
        assert relay.questions.open[held].record.staff == "anna"
        assert relay.questions.open[held].record.state == "open"
    deadline = asyncio.get_running_loop().time() + 20
    while True:  # until the pool has connections again
        await anna.send({"type": "question_open", "question": new})
        frames = [f for f in await anna.drain(1) if f["type"] in ("question_thread", "error")]
        if frames and frames[-1]["type"] == "question_thread":
            break
        assert asyncio.get_running_loop().time() < deadline, frames
    assert frames[-1]["readonly"] is False
    await anna.send({"type": "question_close", "question": held, "role": None, "tags": [],
                     "referrals": []})
    await anna.expect("question_gone", question=held, reason="closed", timeout=10)
    for relay in (a, b):
        while held in relay.questions.open or relay.questions.open[new].record.staff is None:
            assert asyncio.get_running_loop().time() < deadline + 10
            await asyncio.sleep(0.05)
