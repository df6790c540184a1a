"""A dealer exchange runs in a context of its own (dealer/detached.py): its timers, kept by
asyncio until their due time even when cancelled, hold nothing of the caller (a screen's
worker, and through it the screen)."""

from __future__ import annotations

import asyncio
import contextvars

import pytest

from recarga_tui.dealer.detached import detached

CALLER: contextvars.ContextVar[str] = contextvars.ContextVar("caller")


async def test_the_exchange_sees_none_of_the_callers_variables_and_answers_it():
    CALLER.set("the send screen's worker")

    async def exchange() -> str:
        async with asyncio.timeout(30):  # a timer made here holds this task's context
            await asyncio.sleep(0)
        return CALLER.get("nothing")

    loop = asyncio.get_running_loop()
    # A timer due sooner keeps the cancelled one in the loop, as the app's own timers do.
    sooner = loop.call_later(10, lambda: None)
    try:
        assert await detached(exchange()) == "nothing"
        assert CALLER.get() == "the send screen's worker"
        kept = [handle for handle in loop._scheduled  # type: ignore[attr-defined]
                if handle.cancelled()]
        assert kept and all(CALLER not in handle._context for handle in kept)
    finally:
        sooner.cancel()


async def test_its_failure_comes_back_to_the_caller():
    async def exchange() -> None:
        raise TimeoutError

    with pytest.raises(TimeoutError):
        await detached(exchange())


async def test_cancelling_the_caller_cancels_the_exchange():
    started, cancelled = asyncio.Event(), asyncio.Event()

    async def exchange() -> None:
        started.set()
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    caller = asyncio.create_task(detached(exchange()))
    await started.wait()
    caller.cancel()
    with pytest.raises(asyncio.CancelledError):
        await caller
    await asyncio.wait_for(cancelled.wait(), 1)
