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
    waits = [estimate_wait(p, 1, 600) for p in range(1, 8)]
    assert waits == sorted(waits)
    assert waits[0] is not None and waits[0] >= 60
