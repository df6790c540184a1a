"""Dealer calls from screens: a lapsed session asks for the password in a modal over the
screen (its state stays as it was) and the call that failed is made again (R12)."""

from __future__ import annotations

from typing import Any, Awaitable, Callable, TypeVar

from ..dealer.outcomes import SessionExpired

T = TypeVar("T")


async def with_session(app: Any, call: Callable[[], Awaitable[T]]) -> T:
    """``await call()``; on :class:`SessionExpired`, the password again, then once more.

    Must run in a worker: it waits for the modal to be answered. If the cashier leaves the
    modal without logging in, the original error goes up to be shown with its next step.
    """
    try:
        return await call()
    except SessionExpired:
        from .screens.relogin import ReloginScreen

        if not await app.push_screen_wait(ReloginScreen()):
            raise
        return await call()
