"""A lapsed dealer session, wherever it is met: the password again in one modal over the
screen (its state stays as it was), then what failed goes on (R12).

The screens' queries, the background refresh, the checks of lost answers, the deferred sales
and the send of a sale all ask the app's :class:`SessionGate`. However many ask at once, the
cashier sees one modal; while the lock (Ctrl+L) is up they wait for it instead, as unlocking
logs in again too.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from textual.screen import Screen

from ..dealer.outcomes import SessionExpired
from ..i18n import t

T = TypeVar("T")

# After "not now", background work does not ask again for this many seconds: the cashier is
# serving someone. A sale being sent, or a screen the cashier opened, always asks.
ASK_AGAIN_AFTER = 180.0
# How often a waiter makes sure the modal is still there: a screen that replaces the top of
# the stack from a worker (an answer arriving) could take it away unanswered.
STILL_THERE_EVERY = 0.5


class SessionGate:
    """One password modal at a time for everything that needs a live session."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._answer: asyncio.Future[bool] | None = None
        self._modal: Screen[Any] | None = None
        self._lock = False  # the modal asked for is the lock (else the lapsed session's)
        self._background = False
        self._declined_at: float | None = None

    @property
    def asking(self) -> bool:
        """Whether a password modal (the lock or a lapsed session) is waiting for the cashier."""
        return self._answer is not None and not self._answer.done()

    def lock(self) -> None:
        """Ctrl+L: everything hidden until the password is typed again (R12)."""
        if not self.asking:
            self._open(lock=True)

    async def renew(self, *, background: bool = False) -> bool:
        """Wait until the cashier typed the password again; False if they said not now.

        Nothing is asked before login (the login screen does it), nor by ``background`` work
        soon after a "not now".
        """
        if self.app.session is None:
            return False
        if not self.asking:
            if background and self._declined_lately():
                return False
            self._background = background
            self._open(lock=False)
        return await self._wait()

    def _declined_lately(self) -> bool:
        return (self._declined_at is not None
                and time.monotonic() - self._declined_at < ASK_AGAIN_AFTER)

    def _open(self, *, lock: bool) -> None:
        self._answer = asyncio.get_running_loop().create_future()
        self._lock = lock
        self._show()

    def _show(self) -> None:
        # Shown from the app's own queue, whoever asked: the answer then comes back through
        # the app, which outlives any screen (a screen's worker may be the first to ask).
        self._modal = None
        self.app.call_later(self._ask)

    def _ask(self) -> None:
        self._modal = self.app.router.ask_password(self._lock, self._answered)

    async def _wait(self) -> bool:
        answer = self._answer
        assert answer is not None
        missing = 0
        while True:
            done, _ = await asyncio.wait({answer}, timeout=STILL_THERE_EVERY)
            if done:
                return answer.result()
            # Gone twice in a row: taken away, not answered (an answer reaches _answered
            # right after the modal leaves the stack).
            shown = self._modal is None or self._modal in self.app.screen_stack
            missing = 0 if shown else missing + 1
            if missing >= 2:
                self._reopen()
                missing = 0

    def _reopen(self) -> None:
        """The modal was taken away unanswered: the same one again, over what is on top."""
        self._show()

    def _answered(self, ok: bool | None) -> None:
        logged_in = bool(ok)
        self._declined_at = None if logged_in else time.monotonic()
        if not logged_in and self._background:
            # Nobody else says it: the balance stands still and pending sales wait (R01).
            self.app.notify(t("session.not_now"), severity="warning", timeout=20)
        if self._answer is not None and not self._answer.done():
            self._answer.set_result(logged_in)


async def with_session(app: Any, call: Callable[[], Awaitable[T]], *,
                       background: bool = False) -> T:
    """``await call()``; on :class:`SessionExpired`, the password again, then once more.

    Must run in a worker: it waits for the modal to be answered. If the cashier leaves the
    modal without logging in, the original error goes up to be shown with its next step.
    """
    try:
        return await call()
    except SessionExpired:
        if not await app.session_gate.renew(background=background):
            raise
        return await call()
