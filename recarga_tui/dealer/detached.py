"""A dealer exchange run in a context of its own.

A timeout that did not fire (every answer that came in time) leaves its cancelled timer in
asyncio's event loop until the time it was set for, and the timer holds the context it was
made in. Made in a screen's worker, that context holds the worker and the worker its screen:
each sale's screens, every widget of them, stayed in memory for as long as the call could
have lasted (30 s and more), and on a busy counter Python's full garbage collection, walking
them all, grew to a fifth of a second, a key that seemed not taken. The exchange's own task,
in an empty context, holds nothing of the caller's; cancelling the caller cancels it too.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


async def detached(work: Coroutine[Any, Any, T]) -> T:
    """``await work``, in a task whose context holds none of the caller's variables."""
    return await asyncio.create_task(work, context=contextvars.Context())
