"""Queue, claims, transfers, closing hours and resume, against a real relay on loopback."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from relay import auth
from relay.config import RelayConfig
from relay.hours import OpeningHours
from relay.server import Relay
from relay.storage import ConversationRecord
from tests.support import Client, add_staff_async


async def test_claim_race_has_exactly_one_winner(relay: Relay) -> None:
    """Two staff claiming the same visitor at once: one gets it, the other a clear error."""
    anna = await Client.staff(relay.port, "anna")
    bo = await Client.staff(relay.port, "bo")
    visitor = await Client.visitor(relay.port)
    await visitor.say("Hej")
    queued = await anna.expect("queued")
    conversation = queued["entry"]["conversation"]
    await asyncio.gather(anna.send({"type": "claim", "conversation": conversation}),
                         bo.send({"type": "claim", "conversation": conversation}))
    outcomes = []
    for client in (anna, bo):
        frames = await client.drain(0.5)
        kinds = {f["type"] for f in frames}
        if "conversation" in kinds:
            outcomes.append("won")
        else:
            error = next(f for f in frames if f["type"] == "error")
            assert error["code"] == "already_claimed"
            assert "already answered" in error["message"]
            outcomes.append("lost")
    assert sorted(outcomes) == ["lost", "won"]


async def test_queue_is_fifo_and_positions_update_as_it_moves(relay: Relay) -> None:
    """Visitors are served first come first served and see their place move up."""
    anna = await Client.staff(relay.port, "anna")
    visitors = []
    for n in range(3):
        v = await Client.visitor(relay.port)
        await v.say(f"visitor {n}")
        visitors.append(v)
    assert (await visitors[2].expect("queue", position=3))["wait_s"] is not None
    await anna.send({"type": "claim"})
    info = await anna.expect("conversation")
    assert info["messages"][0]["text"] == "visitor 0"
    await visitors[2].expect("queue", position=2)
    await visitors[1].expect("queue", position=1)


async def test_transfer_moves_the_chat_and_tells_everyone(relay: Relay) -> None:
    """A transfer hands the chat and a note to a colleague; the visitor sees the new name."""
    anna = await Client.staff(relay.port, "anna")
    bo = await Client.staff(relay.port, "bo")
    visitor = await Client.visitor(relay.port)
    await visitor.say("Hej")
    await anna.send({"type": "claim"})
    conversation = (await anna.expect("conversation"))["id"]
    await anna.send({"type": "transfer", "conversation": conversation, "to": "bo",
                     "note": "Vill prata om spel"})
    await anna.expect("released", conversation=conversation, to="bo")
    info = await bo.expect("conversation", id=conversation)
    assert info["staff"] == "bo"
    assert [m["kind"] for m in info["messages"]] == ["visitor", "note"]
    assert (await visitor.expect("claimed", staff="Bo"))
    # The previous holder can no longer write in it.
    await anna.send({"type": "message", "conversation": conversation, "text": "x", "cid": "a1"})
    assert (await anna.expect("error", cid="a1"))["code"] == "forbidden"
    # A transfer to someone who is not logged in is refused.
    await bo.send({"type": "transfer", "conversation": conversation, "to": "sara"})
    assert (await bo.expect("error"))["code"] == "not_online"


async def test_transfer_back_to_queue_keeps_arrival_place(relay: Relay) -> None:
    """Returning a chat to the queue puts it back before visitors who came later."""
    anna = await Client.staff(relay.port, "anna")
    first = await Client.visitor(relay.port)
    await first.say("first")
    second = await Client.visitor(relay.port)
    await second.say("second")
    await anna.send({"type": "claim"})
    conversation = (await anna.expect("conversation"))["id"]
    await anna.send({"type": "transfer", "conversation": conversation})
    await anna.expect("released", conversation=conversation, to=None)
    assert [e.conversation for e in relay.queue.ordered()][0] == conversation


async def test_visitor_leaving_is_shown_to_staff_at_once(relay: Relay) -> None:
    """When the visitor ends the chat, the staff member holding it is told immediately."""
    anna = await Client.staff(relay.port, "anna")
    visitor = await Client.visitor(relay.port)
    await visitor.say("Hej")
    await anna.send({"type": "claim"})
    conversation = (await anna.expect("conversation"))["id"]
    await visitor.send({"type": "leave", "reason": "ended"})
    ended = await anna.expect("ended", conversation=conversation)
    assert ended["by"] == "visitor"
    assert (await visitor.expect("ended"))["by"] == "visitor"


async def test_waiting_visitor_who_leaves_is_dequeued(relay: Relay) -> None:
    """A visitor leaving the queue disappears from every staff queue."""
    anna = await Client.staff(relay.port, "anna")
    visitor = await Client.visitor(relay.port)
    await visitor.say("Hej")
    conversation = (await anna.expect("queued"))["entry"]["conversation"]
    await visitor.send({"type": "leave", "reason": "quick_exit"})
    dequeued = await anna.expect("dequeued", conversation=conversation)
    assert dequeued["reason"] == "left"
    assert len(relay.queue) == 0


async def test_typing_and_moment_reach_the_other_side(relay: Relay) -> None:
    """Typing indicators go both ways and 'I need a moment' reaches staff."""
    anna = await Client.staff(relay.port, "anna")
    visitor = await Client.visitor(relay.port)
    await visitor.say("Hej")
    await anna.send({"type": "claim"})
    conversation = (await anna.expect("conversation"))["id"]
    await visitor.send({"type": "typing", "active": True})
    await anna.expect("typing", conversation=conversation, active=True)
    await anna.send({"type": "typing", "conversation": conversation, "active": True})
    await visitor.expect("typing", active=True)
    await visitor.send({"type": "moment"})
    await anna.expect("moment", conversation=conversation)


async def test_reload_resumes_with_exactly_the_missed_lines(relay: Relay) -> None:
    """A visitor who reconnects with the token gets what was missed, once, and can go on."""
    anna = await Client.staff(relay.port, "anna")
    visitor = await Client.visitor(relay.port)
    await visitor.say("one")
    token = next(f for f in visitor.seen if f["type"] == "started")["token"]
    await anna.send({"type": "claim"})
    conversation = (await anna.expect("conversation"))["id"]
    await visitor.close()
    for n in range(3):
        await anna.send({"type": "message", "conversation": conversation, "text": f"reply {n}",
                         "cid": f"r{n}"})
        await anna.expect("ack", cid=f"r{n}")
    again = await Client.visitor(relay.port, resume=token, last_seq=2)
    resumed = await again.expect("resumed")
    assert resumed["state"] == "active" and resumed["last_seq"] == 4
    await again.drain(0.3)
    lines = [f for f in again.seen if f["type"] == "message"]
    assert [line["text"] for line in lines] == ["reply 1", "reply 2"]
    # A resend of an already stored line (lost ack) is acknowledged again, not stored twice.
    first_cid = next(f for f in visitor.seen if f["type"] == "ack")["cid"]
    await again.send({"type": "message", "text": "one", "cid": first_cid})
    assert (await again.expect("ack", cid=first_cid))["seq"] == 1
    assert relay.live[conversation].last_seq == 4


async def test_unknown_resume_token_is_refused_clearly(relay: Relay) -> None:
    """A made-up or guessed token resumes nothing and says so."""
    visitor = await Client.visitor(relay.port, resume="x" * 43)
    error = await visitor.expect("error")
    assert error["code"] == "unknown_token"


async def test_tokens_no_random_source_makes_are_unknown_without_a_lookup(
        relay: Relay) -> None:
    """A token of base64url characters but not random ("Q" thirty times) is unknown: even a
    stored chat with that token is not found by it (the database is not asked), a first line
    carrying it starts nothing, and a token the widget makes still works."""
    weak = "Q" * 30
    await relay.storage.create_conversation(ConversationRecord(
        9000, auth.token_hash(weak), "Besökare 9000", "sv", None, "closed", 1.0))
    resumer = await Client.visitor(relay.port, resume=weak)
    assert (await resumer.expect("error"))["code"] == "unknown_token"
    assert not any(f.get("type") == "resumed" for f in resumer.seen + await resumer.drain(0.2))
    anna = await Client.staff(relay.port, "anna")  # the chat is open
    visitor = await Client.visitor(relay.port)
    await visitor.send({"type": "message", "text": "hej", "cid": "w1", "token": "R" * 30})
    error = await visitor.expect("error", cid="w1")
    assert error["code"] == "unknown_token", error
    assert not any(f.get("type") == "started" for f in visitor.seen + await visitor.drain(0.2))
    assert [record.id for record, _ in await relay.storage.live_conversations()] == []
    ack = await visitor.say("hej igen", token="q2Hc9v0xT4mJb1aR7yKpWg")
    assert ack["seq"] == 1
    await anna.close()


async def test_a_message_of_spaces_and_zero_width_characters_is_blank(relay: Relay) -> None:
    """Only whitespace and invisible characters (zero-width space, joiner, BOM, Hangul
    filler) is an empty message: refused, no chat started; visible text with them is taken."""
    anna = await Client.staff(relay.port, "anna")  # the chat is open
    visitor = await Client.visitor(relay.port)
    for n, text in enumerate(["   \u200b ", "\u200d\ufeff\u2060", "\u3164 \u200b\n\t"]):
        await visitor.send({"type": "message", "text": text, "cid": f"b{n}"})
        error = await visitor.expect("error", cid=f"b{n}")
        assert error["code"] == "bad_frame" and error["message"] == "message is empty"
    assert not any(f.get("type") == "started" for f in visitor.seen + await visitor.drain(0.2))
    assert (await visitor.say("\u200bhej\u200b"))["seq"] == 1
    await anna.close()


async def test_staff_reconnect_with_session_and_sync_fills_the_gap(relay: Relay) -> None:
    """Staff log in again with the session token and get exactly the lines they missed."""
    anna = await Client.staff(relay.port, "anna")
    token = anna.session["token"]
    visitor = await Client.visitor(relay.port)
    await visitor.say("one")
    await anna.send({"type": "claim"})
    conversation = (await anna.expect("conversation"))["id"]
    await anna.close()
    await visitor.say("two")
    await visitor.say("three")
    again = await Client.staff(relay.port, session=token)
    info = await again.expect("conversation", id=conversation)
    assert info["last_seq"] == 3 and info["messages"] == []
    await again.send({"type": "sync", "conversation": conversation, "after": 1})
    two = await again.expect("message", seq=2)
    three = await again.expect("message", seq=3)
    assert (two["text"], three["text"]) == ("two", "three")


async def test_closed_hours_answer_with_next_opening_and_help_now(tmp_path: Path) -> None:
    """Outside opening hours a visitor gets a closed status, and a first message is refused
    with the next opening time and the emergency contacts, storing nothing."""
    hours = OpeningHours(weekly={}, exceptions={})  # never open
    cfg = replace(RelayConfig(host="127.0.0.1", port=0, database=tmp_path / "x.db"), hours=hours)
    await add_staff_async(cfg.database, "anna")
    async with Relay(cfg) as relay:
        await Client.staff(relay.port, "anna")
        visitor = await Client.visitor(relay.port)
        status = await visitor.expect("status")
        assert status["open"] is False and status["reason"] == "hours"
        assert any(e["phone"] == "112" for e in status["emergency"])
        await visitor.send({"type": "message", "text": "hallå?", "cid": "c1"})
        closed = await visitor.expect("closed", cid="c1")
        assert closed["emergency"] and closed["reason"] == "hours"
        assert relay.live == {}
        assert (await relay.storage.max_ids())[0] == 0, "a conversation was stored"


async def test_no_staff_online_is_closed_even_within_hours(tmp_path: Path) -> None:
    """Within opening hours but with nobody logged in, visitors are told, not left waiting."""
    cfg = replace(RelayConfig(host="127.0.0.1", port=0, database=tmp_path / "x.db"),
                  hours=OpeningHours(always_open=True))
    await add_staff_async(cfg.database, "anna")
    async with Relay(cfg) as relay:
        visitor = await Client.visitor(relay.port)
        assert (await visitor.expect("status"))["reason"] == "no_staff"
        anna = await Client.staff(relay.port, "anna")
        assert (await visitor.expect("status"))["open"] is True
        await anna.close()
        assert (await visitor.expect("status"))["reason"] == "no_staff"


async def test_cutoff_and_opening_follow_the_relay_clock(tmp_path: Path) -> None:
    """With the default hours, 13:55 on a Monday is the last-entry cut-off and 12:30 is open."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    moment = [datetime(2026, 11, 23, 13, 55, tzinfo=ZoneInfo("Europe/Stockholm")).timestamp()]
    cfg = RelayConfig(host="127.0.0.1", port=0, database=tmp_path / "x.db")
    await add_staff_async(cfg.database, "anna")
    async with Relay(cfg, clock=lambda: moment[0]) as relay:
        await Client.staff(relay.port, "anna")
        visitor = await Client.visitor(relay.port)
        status = await visitor.expect("status")
        assert status["open"] is False and status["reason"] == "cutoff"
        assert status["next_open"] == "2026-11-24T12:00:00+01:00"
        moment[0] -= 85 * 60  # 12:30
        later = await Client.visitor(relay.port)
        assert (await later.expect("status"))["open"] is True


async def test_supervisor_sees_every_chat_and_looks_are_audited(relay: Relay) -> None:
    """A supervisor lists all live chats read-only, follows one (audited) and whispers to staff."""
    sara = await Client.staff(relay.port, "sara")
    anna = await Client.staff(relay.port, "anna")
    visitor = await Client.visitor(relay.port)
    await visitor.say("Hej")
    await anna.send({"type": "claim"})
    conversation = (await anna.expect("conversation"))["id"]
    overview = await sara.expect("conversation", id=conversation)
    assert overview["readonly"] is True and overview["staff"] == "anna"
    await sara.send({"type": "whisper", "conversation": conversation, "text": "Hallå",
                     "cid": "w0"})
    assert (await sara.expect("error", cid="w0"))["code"] == "forbidden"  # not following yet
    await sara.send({"type": "view", "conversation": conversation})
    followed = await sara.expect("conversation", id=conversation, readonly=True, timeout=5)
    assert [m["text"] for m in followed["messages"]] == ["Hej"]
    await visitor.say("Mer text")
    await sara.expect("message", conversation=conversation, text="Mer text")
    await sara.send({"type": "whisper", "conversation": conversation, "text": "Fråga om barnen",
                     "cid": "w1"})
    whisper = await anna.expect("message", kind="whisper")
    assert whisper["text"] == "Fråga om barnen"
    await visitor.drain(0.3)
    assert not any("Fråga om barnen" in str(f) for f in visitor.seen)
    # Ordinary staff cannot follow someone else's chat.
    bo = await Client.staff(relay.port, "bo")
    await bo.send({"type": "view", "conversation": conversation})
    assert (await bo.expect("error"))["code"] == "forbidden"
    await anna.send({"type": "close", "conversation": conversation})
    await sara.expect("ended", conversation=conversation)
    actions = [(e.actor, e.action) for e in await relay.storage.audit_entries()]
    assert ("sara", "view") in actions and ("anna", "claim") in actions
    assert ("anna", "close") in actions


async def test_waiting_visitors_are_told_when_nobody_will_answer_after_hours(
        tmp_path: Path) -> None:
    """Outside hours with no staff online past the grace period, waiting visitors' chats end
    with a closed status instead of a queue that nobody serves."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    moment = [datetime(2026, 11, 23, 13, 0, tzinfo=ZoneInfo("Europe/Stockholm")).timestamp()]
    cfg = replace(RelayConfig(host="127.0.0.1", port=0, database=tmp_path / "x.db"),
                  staff_grace_s=60)
    await add_staff_async(cfg.database, "anna")
    async with Relay(cfg, clock=lambda: moment[0]) as relay:
        anna = await Client.staff(relay.port, "anna")
        visitor = await Client.visitor(relay.port)
        await visitor.say("Hej, finns det någon?")
        await anna.close()
        await visitor.expect("status", reason="no_staff")
        moment[0] += 2 * 3600  # 15:00, closed, and nobody has been online for two hours
        await relay.hub.close_queue_after_hours()
        ended = await visitor.expect("ended")
        assert ended["by"] == "system"
        status = next(f for f in visitor.seen if f["type"] == "status" and not f["open"])
        assert status["next_open"] and status["emergency"]
        assert len(relay.queue) == 0


async def test_a_first_line_sent_again_with_its_token_rejoins_the_chat(relay: Relay) -> None:
    """A widget that lost ``started`` sends its first line again with the token it made: it
    gets the same chat back (one queue entry, one stored line, the same seq), not a second."""
    bo = await Client.staff(relay.port, "bo")
    token = "k" * 10 + "AZaz09_-" + "x" * 8
    first = {"type": "message", "text": "Min pappa dricker", "cid": "f1", "token": token,
             "lang": "sv", "role": "child"}
    visitor = await Client.visitor(relay.port)
    await visitor.send(first)
    assert (await visitor.expect("started"))["token"] == token
    seq = (await visitor.expect("ack", cid="f1"))["seq"]
    await visitor.ws.close()  # as if the phone lost signal before it read what came back
    again = await Client.visitor(relay.port)
    await again.send(first)
    started = await again.expect("started")
    assert started["token"] == token
    assert (await again.expect("resumed"))["state"] == "queued"
    assert (await again.expect("ack", cid="f1"))["seq"] == seq
    queued = [f["entry"] for f in bo.seen + await bo.drain(0.3) if f["type"] == "queued"]
    assert {entry["conversation"] for entry in queued} == {queued[0]["conversation"]}
    assert queued[0]["role"] == "child"
    await bo.send({"type": "claim"})
    info = await bo.expect("conversation")
    assert [m["text"] for m in info["messages"]] == ["Min pappa dricker"]
    await again.say("Är du kvar?")
    assert (await bo.expect("message", conversation=info["id"]))["text"] == "Är du kvar?"
    # The token then resumes like a relay-made one, and a malformed one is refused.
    await again.send({"type": "leave", "reason": "ended"})
    await again.expect("ended")
    late = await Client.visitor(relay.port)
    await late.send({**first, "cid": "f2"})
    assert (await late.expect("error", cid="f2"))["code"] == "unknown_token"
    await late.send({**first, "cid": "f3", "token": "short"})
    assert (await late.expect("error", cid="f3"))["code"] == "bad_frame"


async def test_the_same_first_line_on_two_connections_at_once_starts_one_chat(
        relay: Relay) -> None:
    """Two sockets racing with one token make one conversation; nobody's commit fails."""
    bo = await Client.staff(relay.port, "bo")
    other = await Client.visitor(relay.port)
    token = "RaceToken_" + "r" * 16
    first = {"type": "message", "text": "Hej igen", "cid": "r1", "token": token}
    a, b = await Client.visitor(relay.port), await Client.visitor(relay.port)
    await asyncio.gather(a.send(first), b.send(first), other.send(
        {"type": "message", "text": "Någon annan", "cid": "o1"}))
    assert (await other.expect("ack", cid="o1"))["seq"] == 1
    seen = {id(c): c.seen + await c.drain(0.5) for c in (a, b)}
    acked = [f["seq"] for frames in seen.values() for f in frames
             if f["type"] == "ack" and f["cid"] == "r1"]
    assert acked and set(acked) == {1}  # the window that rejoined last holds the chat
    assert not [f for frames in seen.values() for f in frames if f["type"] == "error"]
    assert not [f for f in other.seen if f["type"] == "error"]
    conversations = {f["entry"]["conversation"] for f in bo.seen + await bo.drain(0.3)
                     if f["type"] == "queued"}
    assert len(conversations) == 2  # the raced chat once, and the other visitor's


async def test_lines_in_flight_when_the_visitor_leaves_are_counted(relay: Relay) -> None:
    """A leave right behind a line (no wait for its ack) still counts that line when closing."""
    await Client.staff(relay.port, "bo")
    visitor = await Client.visitor(relay.port)
    await visitor.say("Första")
    await visitor.send({"type": "message", "text": "Andra, strax före jag går", "cid": "last"})
    await visitor.send({"type": "leave", "reason": "ended"})
    await visitor.expect("ended")
    assert (await visitor.expect("ack", cid="last"))["seq"] == 2
    await relay.storage.flush()
    (record,) = [r for r in [await relay.storage.conversation(1)] if r is not None]
    assert record.state == "closed" and record.visitor_lines == 2
