"""The sans-I/O limits of relay/limits.py on their own: login back-off per (name, source),
relay-wide budgets per minute and the bounded queue for password checks."""

from __future__ import annotations

import asyncio

import pytest

from relay.limits import ANONYMOUS, Budget, Busy, LoginThrottle, PasswordSlots
from relay.terminal_text import visible


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_back_off_is_kept_per_name_and_source() -> None:
    """Failures from one source lock that source only; names are exact; a success clears."""
    clock = Clock()
    throttle = LoginThrottle(free_failures=2, clock=clock)
    assert [throttle.failed("anna") for _ in range(3)] == [0.0, 0.0, 2.0]
    assert throttle.just_locked("anna")
    assert throttle.wait_s("anna", ANONYMOUS) == 2.0
    assert throttle.wait_s("anna", "device-hash") == 0.0
    assert throttle.wait_s("ANNA ") == 0.0 and throttle.wait_s("Anna") == 0.0
    clock.now += 2.0
    assert throttle.failed("anna") == 4.0 and not throttle.just_locked("anna")
    throttle.succeeded("anna")
    assert throttle.wait_s("anna") == 0.0


def test_budget_allows_so_many_a_minute_and_counts_the_rest() -> None:
    """A sliding minute: beyond ``per_minute`` events are refused and counted."""
    clock = Clock()
    budget = Budget(3, clock=clock)
    assert [budget.take() for _ in range(5)] == [True, True, True, False, False]
    assert budget.refused == 2
    clock.now += 60.0
    assert budget.take()


async def test_password_slots_bound_the_queue_and_serve_known_consoles_first() -> None:
    """Two run at once; at most ``max_waiting`` strangers wait, never longer than the bound;
    a priority waiter gets the next free slot before strangers who came earlier."""
    slots = PasswordSlots(2, max_waiting=2, max_wait_s=0.3)
    await slots.acquire()
    await slots.acquire()
    order: list[str] = []

    async def wait(name: str, priority: bool = False) -> None:
        await slots.acquire(priority=priority)
        order.append(name)

    strangers = [asyncio.create_task(wait(f"s{i}")) for i in range(2)]
    await asyncio.sleep(0)
    with pytest.raises(Busy):
        await slots.acquire()  # the queue is full
    known = asyncio.create_task(wait("known", priority=True))
    await asyncio.sleep(0)
    slots.release()
    await asyncio.sleep(0.01)
    assert order == ["known"]
    slots.release()
    await asyncio.sleep(0.01)
    assert order == ["known", "s0"]
    with pytest.raises(Busy):
        await strangers[1]  # waited longer than max_wait_s
    await known


def test_visible_writes_out_what_a_terminal_would_obey_or_hide() -> None:
    """Controls, C1, bidi, zero-width, BOM and tag characters are written out; text is not."""
    assert visible("Hej å 😀") == "Hej å 😀"
    assert visible("\x1b]52;c;x\x07") == "\\x1b]52;c;x\\x07"
    assert visible("a\u202eb\u200bc\ufeff\U000e0041") == "a\\u202eb\\u200bc\\ufeff\\U000e0041"
    assert visible("one\ntwo\r") == "one\\x0atwo\\x0d"
    assert visible("one\ntwo\r", keep_newlines=True) == "one\ntwo\\x0d"
    assert visible("\x9b2J\x7f") == "\\x9b2J\\x7f"
