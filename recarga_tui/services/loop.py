"""The one loop the background work of the counter runs on: the check of unknown sales and
the deferred queue each do one round, again and again, until the app stops."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

log = logging.getLogger(__name__)


async def every(interval: Callable[[], float], round_: Callable[[], Awaitable[Any]], what: str,
                sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
    """Run ``round_`` forever, ``interval()`` real seconds apart. A round that fails (the
    journal or the dealer hiccups) is logged and the next one comes as planned: nothing the
    dealer does stops the check of a sale (R16, R19)."""
    while True:
        try:
            await round_()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("%s failed; trying again", what)
        await sleep(interval())
