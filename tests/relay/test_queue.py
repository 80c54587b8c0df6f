"""The waiting queue orders urgent first, then strictly by arrival."""

from __future__ import annotations

from relay.queue import QueueEntry, WaitingQueue, estimate_wait


def entry(queue: WaitingQueue, conversation: int) -> QueueEntry:
    return QueueEntry(conversation, f"V{conversation}", 0.0, queue.next_arrival())


def test_fifo_then_urgent_first_keeps_arrival_order_among_urgent() -> None:
    """Urgent conversations jump the queue but keep their arrival order among themselves."""
    queue = WaitingQueue()
    for conversation in (1, 2, 3, 4):
        queue.add(entry(queue, conversation))
    assert [e.conversation for e in queue.ordered()] == [1, 2, 3, 4]
    assert queue.mark_urgent(4, ["suicide"]) == 0
    assert queue.mark_urgent(3, ["overdose"]) == 0  # 3 arrived before 4
    assert [e.conversation for e in queue.ordered()] == [3, 4, 1, 2]
    assert queue.first().conversation == 3  # type: ignore[union-attr]
    queue.remove(3)
    assert queue.index(1) == 1


def test_requeued_conversation_returns_to_its_arrival_place() -> None:
    """A conversation put back in the queue goes back to where its arrival puts it."""
    queue = WaitingQueue()
    first = entry(queue, 1)
    queue.add(first)
    queue.add(entry(queue, 2))
    queue.remove(1)
    queue.add(first)
    assert [e.conversation for e in queue.ordered()] == [1, 2]


def test_wait_estimate_grows_with_position_and_needs_staff() -> None:
    """The estimate is None with nobody online and never shrinks further back in the queue."""
    assert estimate_wait(1, 0, 600) is None
    estimates = [estimate_wait(p, 1, 600) for p in range(1, 8)]
    waits = [w for w in estimates if w is not None]
    assert len(waits) == len(estimates)
    assert waits == sorted(waits)
    assert waits[0] >= 60


def test_front_arrival_puts_an_entry_first_in_its_class() -> None:
    """An entry given ``front_arrival()`` goes before every entry of its class that is
    already waiting, but a non-urgent one stays behind urgent entries."""
    queue = WaitingQueue()
    for conversation in (1, 2, 3):
        queue.add(entry(queue, conversation))
    queue.mark_urgent(3, ["suicide"])
    requeued = QueueEntry(4, "V4", 0.0, queue.front_arrival())
    assert queue.add(requeued) == 1
    assert [e.conversation for e in queue.ordered()] == [3, 4, 1, 2]
    again = QueueEntry(5, "V5", 0.0, queue.front_arrival(), urgent=True)
    assert queue.add(again) == 0
    assert [e.conversation for e in queue.ordered()] == [5, 3, 4, 1, 2]


def test_head_at_and_entries_from_follow_queue_order() -> None:
    """The bounded views staff and position updates use agree with ``ordered()``."""
    queue = WaitingQueue()
    for conversation in range(1, 8):
        queue.add(entry(queue, conversation))
    queue.mark_urgent(5, ["overdose"])
    ordered = queue.ordered()
    for count in range(0, 9):
        assert queue.head(count) == ordered[:count]
    for index in range(-1, 9):
        expected = ordered[index] if 0 <= index < len(ordered) else None
        assert queue.at(index) is expected
    for start in range(0, 9):
        assert queue.entries_from(start) == ordered[start:]
    for place, item in enumerate(ordered):
        assert queue.index(item.conversation) == place
    queue.remove(3)
    assert [e.conversation for e in queue.ordered()] == [5, 1, 2, 4, 6, 7]
