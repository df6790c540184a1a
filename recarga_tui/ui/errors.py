"""Errors in the cashier's words: the origin and the next step (R01).

Its own module, importing no screen and not the App, so every screen can use it without an
import circle.
"""

from __future__ import annotations

from ..config import Settings
from ..domain.faults import Origin, describe, name_key
from ..i18n import catalog, t


def describe_error(exc: BaseException) -> str:
    """An error in the cashier's words: its origin and the next step (R01)."""
    fault = getattr(exc, "fault", None)
    if fault is not None:
        return describe(fault)
    code = getattr(exc, "code", None)
    if isinstance(code, str):
        params = dict(getattr(exc, "params", {}))
        step = params.pop("step", None)
        try:
            if step is not None and {f"journal.not_written.{step}", f"{code}.why"} <= set(
                    catalog()):
                # A step of a sale the notebook refused: which one, what that left undone,
                # then why and what to do; what was written before stays (R03).
                return f"{t(f'journal.not_written.{step}')} {t(f'{code}.why', **params)}"
            return t(code, **params)
        except KeyError:
            pass
    return t("error.unexpected")


def refresh_failed(exc: BaseException, settings: Settings) -> str:
    """A failed refresh in the cashier's words: its origin, what failed, and that the app
    keeps the last known state and tries again by itself (R01). Not a sale's words: nothing
    was sent, so nothing is "unknown" about a top-up."""
    fault = getattr(exc, "fault", None)
    origin = fault.origin if fault is not None else Origin.SHOP
    what = t(fault.code, **fault.params) if fault is not None else t("refresh.unexpected")
    return t("refresh.failed", origin=t(name_key(origin)), what=what,
             seconds=settings.dealer.notices_refresh_seconds)
