"""The cash close (F8 on home): for the day or the shift (since a time typed, or since login),
the confirmed sales by company, cash taken, change given, money given back, the sales still
unknown or deferred and what the drawer owes for them, and the balance used against the
dealer's statement. P writes it as printable text and CSV to a folder; I prints it on the
ticket printer."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta
from typing import Any

from textual import work
from textual.containers import VerticalScroll
from textual.widget import Widget

from ...i18n import t
from ...services.cash_close import (
    compute,
    day_period,
    render,
    statement_used,
    to_csv,
    write,
)
from ..keys import key
from ..moves import Home
from ..printing import start_print
from ..session import with_session
from ..widgets.ask import AskLine
from ..widgets.entry import Entry
from ..widgets.line import Line
from .base import ShopScreen


class CashCloseScreen(ShopScreen):
    CSS_PATH = "cash_close.tcss"
    HELP_TOPIC = "close"
    FOOTER_IN_ROWS = True  # more keys than one line holds
    BINDINGS = [
        key("left", "day(-1)", "key.day_before", key_display="←"),
        key("right", "day(1)", "key.day_after", key_display="→"),
        key("up", "scroll(-1)", "key.up", key_display="↑"),
        key("down", "scroll(1)", "key.down", key_display="↓"),
        key("d", "whole_day", "key.today", key_display="D"),
        key("t", "shift_from", "key.shift", key_display="T"),
        key("l", "since_login", "key.login_shift", key_display="L"),
        key("p", "print", "key.print", key_display="P"),
        key("i", "print_slip", "key.print_close", key_display="I"),
        key("enter", "apply", "key.apply", show=False),
        key("escape,f9", "back", "key.back", key_display="F9"),
    ]

    NEEDS_PRINTER = frozenset({"print_slip"})
    # P writes the close's files beside the notebook: not in a copy that only looks.
    WRITES = frozenset({"print"})

    def __init__(self) -> None:
        super().__init__()
        self.start: datetime | None = None
        self.end: datetime | None = None
        self.mode = "day"
        self.used: int | None = None
        self.text = ""
        self.close: Any = None
        self._typing = False

    def compose_body(self) -> Iterable[Widget]:
        yield Entry(t("close.since_label"), id="close-since", max_length=5,
                    allowed="0123456789:")
        with VerticalScroll(id="close-scroll", can_focus=False):
            yield Line("", id="close-text")
        # The close is checked against the dealer's statement: where to ask about it (R14).
        yield AskLine(self.shop.services.settings)

    def on_mount(self) -> None:
        self.query_one("#close-since", Entry).display = False
        self._set_day(self.shop.services.clock.now().date())

    def active_entry(self) -> Entry | None:
        return self.query_one("#close-since", Entry) if self._typing else None

    # --- the period ---

    def _set_day(self, day: Any) -> None:
        self.mode = "day"
        self.start, self.end = day_period(day, self.shop.services.clock.now().tzinfo)
        self.refresh_close()

    def _set_shift(self, start: datetime) -> None:
        now = self.shop.services.clock.now()
        self.mode = "shift"
        # The end is just after now, so a sale paid this very second is in.
        self.start, self.end = start, now + timedelta(seconds=1)
        self.refresh_close()

    def action_day(self, delta: int) -> None:
        assert self.start is not None
        day = self.step_day(self.start.date(), delta)
        if day is not None:
            self._set_day(day)

    def action_whole_day(self) -> None:
        self._stop_typing()
        self._set_day(self.shop.services.clock.now().date())

    def action_since_login(self) -> None:
        self._stop_typing()
        at = getattr(self.shop, "logged_in_at", None)
        if at is None:
            self.say(t("close.no_login_time"), level="warning")
            return
        self._set_shift(at)

    def action_shift_from(self) -> None:
        entry = self.query_one("#close-since", Entry)
        entry.display = True
        entry.value = ""
        entry.active = True
        self._typing = True
        self.say(t("close.type_time"))

    def _stop_typing(self) -> None:
        entry = self.query_one("#close-since", Entry)
        entry.active = False
        entry.display = False
        self._typing = False

    def action_apply(self) -> None:
        if not self._typing:
            return
        text = self.query_one("#close-since", Entry).value.strip()
        now = self.shop.services.clock.now()
        try:
            hour, minute = (int(x) for x in text.split(":"))
            since = datetime.combine(now.date(), time(hour, minute), tzinfo=now.tzinfo)
        except ValueError:
            self.say(t("close.bad_time", text=text), level="warning")
            return
        if since > now:
            self.say(t("close.future_time", text=text), level="warning")
            return
        self._stop_typing()
        self.say("")
        self._set_shift(since)

    # --- computing and showing ---

    def refresh_close(self) -> None:
        assert self.start is not None and self.end is not None
        self.close = compute(self.shop.services, self.start, self.end)
        self.used = None
        self._show()
        self.load_statement()

    def _render_text(self) -> str:
        services = self.shop.services
        names = services.health.carrier_names(self.close.sales)
        header = {"terminal": services.settings.dealer.terminal_id,
                  "shop": self.shop.shop_name or "",
                  "kind": t(f"close.kind.{self.mode}")}
        return render(self.close, names, header, self.used, offline=not self.shop.connected,
                      no_statement=self._no_statement())

    def _no_statement(self) -> str:
        """The statement line of a dealer that gives none (""), connected or not: the close
        never waits for what will not come."""
        promises = self.shop.services.promises
        return "" if promises.statement else promises.no_statement()

    def _show(self) -> None:
        self.text = self._render_text()
        self.query_one("#close-text", Line).update(self.text)

    @work(exclusive=True, group="close-statement", exit_on_error=False)
    async def load_statement(self) -> None:
        services, start, end = self.shop.services, self.start, self.end
        if start is None or end is None:
            return  # no period chosen yet: nothing to ask for
        if not self.shop.connected or not services.promises.statement:
            return  # the close from the notebook alone; it says why the statement is missing
        used = await with_session(self.app, lambda: statement_used(services, start, end))
        if (start, end) == (self.start, self.end):
            self.used = used
            self._show()

    def action_scroll(self, delta: int) -> None:
        self.query_one("#close-scroll", VerticalScroll).scroll_relative(y=delta * 3,
                                                                         animate=False)

    def action_print(self) -> None:
        try:
            printed = write(self.shop.services, self.close, self._render_text(),
                            to_csv(self.close, self.used))
        except OSError as exc:
            self.say(t("close.write_failed", reason=exc.strerror or str(exc)), level="error")
            return
        self.say(t("close.written", text=str(printed.text), csv=printed.csv.name))

    def action_print_slip(self) -> None:
        printing = self.shop.services.printing
        slip = printing.cash_close_slip(self.close, self.shop.shop_name,
                                        kind=t(f"close.kind.{self.mode}"), used=self.used,
                                        offline=not self.shop.connected,
                                        no_statement=self._no_statement())
        start_print(self, slip, "I")

    def action_back(self) -> None:
        self.move(Home())
