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

from ...i18n import t


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

    def on_mount(self) -> None:
        self.watch(self.app, "notices", self._show, init=True)
        self.watch(self.app, "minute", lambda _: self._show(self.app.notices), init=False)

    def _failure(self, now: datetime) -> str | None:
        """Why the last attempt to fetch the notices failed, with its origin and age (R01)."""
        from ...domain.faults import name_key

        services = self.app.services
        health = services.health
        if health.notices_failed_at is None:
            return None
        fault = health.notices_failure
        origin = t(name_key(fault.origin)) if fault is not None else t("fault.dealer.name")
        return t("notices.failed", origin=origin, age=age_text(health.notices_failed_at, now),
                 seconds=services.settings.dealer.notices_refresh_seconds)

    def _none_published(self, status: Static, general: Static) -> None:
        """A dealer without notices: said so, with the app's own measure of its speed in
        their place (R10, R15), marked slow when the measure or the peak hours say so."""
        services = self.app.services
        proc = services.settings.procedure
        latency = services.health.median_latency()
        slow = services.health.slowness().slow
        status.update(t("notices.status.label") + " " + t(
            "dealer.no_notices.none", dealer=services.capabilities.name,
            latency=(f"{max(latency, 0.1):.1f} s" if latency
                     else t("dealer.no_notices.not_measured")),
            slow=f"{proc.slow_latency_seconds:g}",
            peak=f"{proc.peak_start:%H:%M}-{proc.peak_end:%H:%M}"))
        for name in ("normal", "slow", "down", "unknown"):
            status.set_class(name == ("slow" if slow else "normal"), f"-{name}")
        general.update(t("notices.general.label") + " " + t(
            "dealer.no_notices.no_message", dealer=services.capabilities.name))

    def _show(self, notices: Any) -> None:
        status = self.query_one("#system-status", Static)
        general = self.query_one("#general-message", Static)
        services = self.app.services
        now = services.clock.now()
        if not services.capabilities.notices:
            self._none_published(status, general)
            return
        failure = self._failure(now)
        if notices is None:
            if services.notebook.read_only:
                what = t("notices.not_asked")
            else:
                what = failure or t("notices.unknown")
            status.update(t("notices.status.label") + " " + what)
            status.set_class(True, "-unknown")
            general.update(t("notices.general.label") + " —")
            return
        st = notices.system_status
        level = t(f"notices.level.{st.level}")
        stale = ""
        if services.health.notices_failed_at is not None:
            stale = " " + t("notices.stale", age=age_text(services.health.notices_failed_at, now))
        status.update(f"{t('notices.status.label')} [{level}] {st.text}  "
                      f"({age_text(st.updated_at, now)}){stale}")
        for name in ("normal", "slow", "down"):
            status.set_class(st.level == name, f"-{name}")
        status.set_class(False, "-unknown")
        gm = notices.general_message
        general.update(f"{t('notices.general.label')} {gm.text or '—'}  "
                       f"({age_text(gm.updated_at, now)})")
