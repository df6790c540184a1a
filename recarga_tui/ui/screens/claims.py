"""Customer claims (F5 on home): the notebook's sales to a number, or with a carrier folio, in
the last ``claims_days`` days, each with its proof and the words to tell the customer (R03,
R04, R18, R19). F2 files a clarification for the sale under the cursor (R11); F3 reprints the
ticket of a top-up that was done, marked REIMPRESIÓN, and sends nothing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from textual import work
from textual.binding import Binding
from textual.widget import Widget

from ...domain import phone
from ...domain.claims import Proof
from ...domain.money import pesos
from ...domain.sale import Sale
from ...i18n import t
from ...services.claims import ask_about, search
from ..desk import who_text
from ..keys import key
from ..moves import Home
from ..printing import Reprints
from ..session import with_session
from ..widgets.ask import AskLine
from ..widgets.box import Box
from ..widgets.entry import Entry
from ..widgets.line import Line
from ..widgets.table import PlainTable
from .base import ShopScreen

MOVE = Binding.Group("key.move", compact=True)
QUERY_CHARS = "0123456789 -.()+ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"




class ClaimsScreen(Reprints, ShopScreen):
    CSS_PATH = "claims.tcss"
    HELP_TOPIC = "claims"
    FOOTER_IN_ROWS = True  # with the reprint key, more than one line holds
    BINDINGS = [
        key("enter", "search", "key.search"),
        key("up", "move(-1)", "key.up", key_display="↑", group=MOVE),
        key("down", "move(1)", "key.down", key_display="↓", group=MOVE),
        key("f2", "clarify", "key.clarify"),
        key("f3", "reprint", "key.reprint"),
        key("f8", "clear", "key.clear"),
        key("escape,f9", "back", "key.back", key_display="F9"),
    ]

    NEEDS_DEALER = frozenset({"clarify"})
    NEEDS_CAPABILITY = {"clarify": "clarifications"}
    WRITES = frozenset({"reprint"})  # a reprint is an event in the notebook
    REPRINT_KEY = "F3"

    def __init__(self) -> None:
        super().__init__()
        self.found: list[Proof] = []

    def selected_sale(self) -> Sale | None:
        item = self._selected() if self.found else None  # (nothing listed before mount)
        return item.sale if item else None

    def compose_body(self) -> Iterable[Widget]:
        days = self.shop.services.settings.app.claims_days
        with Box(id="claims-box"):
            yield Entry(t("claims.query", days=days), id="claims-query", max_length=24,
                        allowed=QUERY_CHARS)
            yield PlainTable(id="claims-table")
            yield Line("", id="claims-proof")
            yield Line("", id="claims-say")
            yield AskLine(self.shop.services.settings)

    def on_mount(self) -> None:
        self.query_one("#claims-query", Entry).active = True
        self.query_one(PlainTable).set_columns([
            t("claims.col.when"), t("claims.col.number"), t("claims.col.amount"),
            t("claims.col.state"), t("claims.col.folio")])
        self.say(t("claims.hint"))

    def active_entry(self) -> Entry | None:
        return self.query_one("#claims-query", Entry)

    def action_search(self) -> None:
        query = self.query_one("#claims-query", Entry).value.strip()
        if not any(ch.isdigit() for ch in query):
            self.say(t("claims.query_empty"), level="warning")
            return
        self.found = search(self.shop.services, query)
        table = self.query_one(PlainTable)
        table.clear()
        for item in self.found:
            sale = item.sale
            table.add_plain_row([self.shop_time(sale.created_at, "%m-%d %H:%M"),
                                 phone.group(sale.msisdn),
                                 pesos(sale.amount), t(f"claims.state.{sale.state.value}"),
                                 item.carrier_folio or "—"], key=sale.ref)
        days = self.shop.services.settings.app.claims_days
        if self.found:
            self.say(t("claims.found", count=len(self.found), days=days))
        else:
            self.say(t("claims.none", days=days), level="warning")
        self._detail()

    def _when(self, at: datetime | None) -> str:
        return self.shop_time(at, "%Y-%m-%d %H:%M:%S", missing="—")

    def _selected(self) -> Proof | None:
        row = self.query_one(PlainTable).cursor_row
        return self.found[row] if self.found and row < len(self.found) else None

    def _detail(self) -> None:
        self.refresh_bindings()  # the reprint key follows the sale under the cursor
        item = self._selected()
        proof_line = self.query_one("#claims-proof", Line)
        say_line = self.query_one("#claims-say", Line)
        if item is None:
            proof_line.update("")
            say_line.update("")
            return
        found_in = t(f"claims.found_in.{item.found_in}") if item.found_in else "—"
        proof_line.update(t(
            "claims.proof", ref=item.sale.ref, accepted=self._when(item.accepted_at),
            paid=self._when(item.paid_at), handed=pesos(item.sale.handed),
            change=pesos(item.sale.change), sent=self._when(item.sent_at),
            folio=item.carrier_folio or "—",
            found_in=found_in) + "".join(f" · {who}" for who in [who_text(item.sale)] if who))
        say_line.update(t("claims.say", words=t(
            item.say_key, day=self.shop_time(item.accepted_at, "%Y-%m-%d", missing="—"),
            time=self.shop_time(item.accepted_at, "%H:%M:%S", missing="—"),
            folio=item.carrier_folio or "—",
            number=phone.group(item.sale.msisdn))))

    def action_clear(self) -> None:
        """A new search: the text, the list and the proof cleared."""
        self.query_one("#claims-query", Entry).value = ""
        self.found = []
        self.query_one(PlainTable).clear()
        self._detail()
        self.say(t("claims.hint"))

    def action_move(self, delta: int) -> None:
        self.query_one(PlainTable).move(delta)
        self._detail()

    def action_clarify(self) -> None:
        item = self._selected()
        if item is None:
            self.say(t("claims.pick_first"), level="warning")
            return
        self.say(t("report.clarifying"))
        self._clarify(item)


    @work(exclusive=True, group="claims-clarify", exit_on_error=False)
    async def _clarify(self, item: Proof) -> None:
        services = self.shop.services
        answer = await with_session(self.app, lambda: ask_about(services, item))
        due = self.shop_time(answer.due_at, "%Y-%m-%d %H:%M")
        self.say(t("clarify.sent", id=answer.id, due=due))

    def action_back(self) -> None:
        self.move(Home())
