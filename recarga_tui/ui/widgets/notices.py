"""The dealer's two notices, always on screen (R10).

The blue box is the system status, the yellow box the general message. Colour marks them where
the terminal has colour; their labels say which is which where it has none (NO_COLOR, a
monochrome console). Each shows its age, so an old notice is not taken for news.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ...domain.faults import name_key
from ...i18n import t
from ..shop import shop_of
from ..textual_private import forget_closed_watchers
from .line import fitted, rows_of


def age_text(updated_at: datetime | None, now: datetime) -> str:
    if updated_at is None:
        return ""
    minutes = max(0, int((now - updated_at).total_seconds() // 60))
    if minutes < 1:
        return t("notices.age.now")
    if minutes < 120:
        return t("notices.age.minutes", minutes=minutes)
    return t("notices.age.hours", hours=minutes // 60)


class NoticesBar(Vertical):
    """Blue system status over yellow general message; refreshed by the app itself."""

    def compose(self) -> ComposeResult:
        # The dealer writes these texts: shown as they are, never read as markup.
        yield Static("", id="system-status", classes="notice", markup=False)
        yield Static("", id="general-message", classes="notice", markup=False)

    tight = False  # one row each: the screen's body needs the rows (ui/room.py)

    def on_mount(self) -> None:
        self._width = 0
        self._wholes: dict[str, tuple[str, int]] = {}  # each box's whole text, its rows
        self.watch(self.app, "notices", self._show, init=True)
        self.watch(self.app, "minute", lambda _: self._show(shop_of(self).notices), init=False)

    def on_unmount(self) -> None:
        forget_closed_watchers(self.app)

    def on_resize(self) -> None:
        if self.content_size.width != self._width:  # the dealer's words fitted again
            self._show(shop_of(self).notices)

    def squeeze(self, tight: bool) -> None:
        """One row each (``tight``), or the rows of their ``max-height`` again."""
        self.tight = tight
        self.set_class(tight, "-tight")
        self._show(shop_of(self).notices)

    def rows_regained(self) -> int:
        """The rows the notices would take again out of ``tight``."""
        width = self.content_size.width
        return sum(min(rows, rows_of(whole, width - 2)) - 1
                   for whole, rows in self._wholes.values())

    def _put(self, box: Static, head: str, text: str, tail: str = "") -> None:
        """One notice in the rows its box has (``max-height``; one when ``tight``): the
        dealer's text shortened with an ellipsis when the whole does not fit (the home
        screen gives it more rows)."""
        self._width = self.content_size.width
        width = self._width - box.styles.gutter.width
        name = box.id or ""
        limit = box.styles.max_height
        rows = int(limit.value) if limit is not None and limit.is_cells else 2
        if self.tight:  # the rows it has out of ``tight``, as last seen there
            rows = self._wholes[name][1] if name in self._wholes else 2
        self._wholes[name] = (head + text + tail, rows)
        box.update(fitted(head, text, tail, width, 1 if self.tight else rows))

    def _failure(self, now: datetime) -> str | None:
        """Why the last attempt to fetch the notices failed, with its origin and age (R01)."""
        services = shop_of(self).services
        health = services.health
        if health.notices_failed_at is None:
            return None
        fault = health.notices_failure
        origin = t(name_key(fault.origin)) if fault is not None else t("fault.dealer.name")
        return t("notices.failed", origin=origin, age=age_text(health.notices_failed_at, now),
                 seconds=services.settings.dealer.notices_refresh_seconds)

    def _show(self, notices: Any) -> None:
        status = self.query_one("#system-status", Static)
        general = self.query_one("#general-message", Static)
        services = shop_of(self).services
        if not services.capabilities.notices:
            self._show_own_measure(status, general)
            return
        now = services.clock.now()
        failure = self._failure(now)
        if notices is None:
            if services.notebook.read_only:
                what = t("notices.not_asked")
            else:
                what = failure or t("notices.unknown")
            self._put(status, t("notices.status.label") + " ", what)
            status.set_class(True, "-unknown")
            self._put(general, t("notices.general.label") + " ", "—")
            return
        st = notices.system_status
        level = t(f"notices.level.{st.level}")
        stale = ""
        if services.health.notices_failed_at is not None:
            stale = " " + t("notices.stale", age=age_text(services.health.notices_failed_at, now))
        self._put(status, f"{t('notices.status.label')} [{level}] ", st.text,
                  f"  ({age_text(st.updated_at, now)}){stale}")
        for name in ("normal", "slow", "down"):
            status.set_class(st.level == name, f"-{name}")
        status.set_class(False, "-unknown")
        gm = notices.general_message
        self._put(general, f"{t('notices.general.label')} ", gm.text or "—",
                  f"  ({age_text(gm.updated_at, now)})")

    def _show_own_measure(self, status: Static, general: Static) -> None:
        """A dealer that publishes no notices: said, with the app's own measure of slowness
        instead, the peak window and the dealer's measured latency (R10, R15)."""
        services = shop_of(self).services
        self._put(status, f"{t('notices.status.label')} ",
                  t("notices.none", dealer=services.capabilities.name,
                    measure=own_measure(services)))
        slow = services.health.slowness().slow
        for name, on in (("normal", not slow), ("slow", slow), ("down", False),
                         ("unknown", False)):
            status.set_class(on, f"-{name}")
        self._put(general, f"{t('notices.general.label')} ",
                  t("notices.none.general", phone=services.settings.contacts.phone))


def own_measure(services: Any) -> str:
    """The app's own word on slowness: the median latency measured and the peak window."""
    proc = services.settings.procedure
    window = {"start": proc.peak_start.strftime("%H:%M"), "end": proc.peak_end.strftime("%H:%M")}
    if not services.health.measured:
        return t("notices.measure.none", **window)
    return t("notices.measure", seconds=f"{services.health.median_latency():.1f}",
             slow=f"{proc.slow_latency_seconds:g}", **window)
