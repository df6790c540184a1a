"""Capture: the company with one key, the number typed twice (R03), the amount with one key.

The second entry is typed as the customer reads it from the note or says it; a mismatch shows
which digits differ and asks again. A sale of the same number and amount a few minutes ago is
pointed out before going on. Nothing is owed here: leaving is always safe.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from textual.containers import Vertical
from textual.events import Key
from textual.widget import Widget

from ...domain import phone
from ...domain.money import pesos
from ...domain.sale import Sale, SaleError
from ...i18n import t
from ...services.counter import Product
from ..errors import describe_error
from ..keys import key
from ..widgets.entry import Entry
from ..widgets.line import Line
from .base import ShopScreen

PICK_KEYS = "1234567890"
# What people type around the digits of a number: the domain reads it (phone.normalize).
PHONE_CHARS = "0123456789 -.()+"


# The box's width at 80 columns, less its padding: the rows of choices fit in it.
CHOICES_WIDTH = 74


def in_columns(items: list[str], width: int = CHOICES_WIDTH) -> str:
    """Items in rows of equal columns, never one split across two lines ("7" apart from its
    "$200.00"), as many to a row as ``width`` holds."""
    if not items:
        return ""
    cell = max(len(item) for item in items) + 3
    per_row = max(1, (width + 3) // cell)
    rows = [items[i:i + per_row] for i in range(0, len(items), per_row)]
    return "\n".join("".join(item.ljust(cell) for item in row).rstrip() for row in rows)


@dataclass
class Draft:
    """The entries of a sale being captured; kept when the read-back sends the cashier back."""

    carrier_id: str | None = None
    first: str = ""
    second: str = ""
    product: Product | None = None
    sale: Sale | None = None        # the captured sale, once there is one
    carried_from: Sale | None = None  # a rejected sale whose money pays this one


class CaptureScreen(ShopScreen):
    CSS_PATH = "capture.tcss"
    HELP_TOPIC = "capture"
    BINDINGS = [
        key(",".join(PICK_KEYS), "pick", "key.pick", key_display="1-9"),
        key("f3", "stage('carrier')", "key.change_carrier"),
        key("f4", "stage('first')", "key.retype_number"),
        key("enter", "enter", "key.continue", show=False),
        key("escape,f9", "leave", "key.back", key_display="F9"),
    ]

    def __init__(self, draft: Draft | None = None) -> None:
        super().__init__()
        self.draft = draft or Draft()
        self.stage = "carrier"
        self._options: list[Any] = []

    def compose_body(self) -> Iterable[Widget]:
        with Vertical(id="capture-box"):
            yield Line("", id="carrier-line")
            yield Line("", id="choices")
            yield Entry(t("capture.first_label"), id="first", max_length=24,
                        allowed=PHONE_CHARS, max_digits=phone.MAX_TYPED_DIGITS)
            yield Entry(t("capture.second_label"), id="second", max_length=24,
                        allowed=PHONE_CHARS, max_digits=phone.MAX_TYPED_DIGITS)
            yield Line("", id="compare")
            yield Line("", id="duplicate")

    def on_mount(self) -> None:
        first, second = self.query_one("#first", Entry), self.query_one("#second", Entry)
        first.value, second.value = self.draft.first, self.draft.second
        self.set_stage("first" if self.draft.carrier_id else "carrier")

    # --- the stages ---

    def set_stage(self, stage: str) -> None:
        self.stage = stage
        first, second = self.query_one("#first", Entry), self.query_one("#second", Entry)
        first.active = stage == "first"
        second.active = stage == "second"
        if stage == "first":
            second.value = ""
        if stage in ("carrier", "first"):
            self.query_one("#compare", Line).update("")
        self.query_one("#duplicate", Line).update("")
        self._render_carrier_line()
        self._render_choices()
        self.refresh_bindings()

    def _catalog(self) -> Any:
        return self.shop.services.health.catalog

    def _render_carrier_line(self) -> None:
        health = self.shop.services.health
        text = (t("capture.carrier", carrier=health.carrier_name(self.draft.carrier_id))
                if self.draft.carrier_id else t("capture.pick_carrier"))
        self.query_one("#carrier-line", Line).update(text)

    def _render_choices(self) -> None:
        choices = self.query_one("#choices", Line)
        catalog = self._catalog()
        if catalog is None:
            self._options = []
            choices.update(t("capture.no_catalog"))
            return
        if self.stage == "carrier":
            self._options = list(catalog.carriers)[: len(PICK_KEYS)]
            choices.update("\n".join(
                f"{PICK_KEYS[i]}  {c.name}" + (f"  ({t('capture.carrier_down')})"
                                               if c.status == "down" else "")
                for i, c in enumerate(self._options)))
        elif self.stage == "product":
            products = [p for p in catalog.products if p.carrier_id == self.draft.carrier_id]
            self._options = products[: len(PICK_KEYS)]
            choices.update(t("capture.pick_amount") + "\n" + in_columns(
                [f"{PICK_KEYS[i]} {pesos(p.amount)}" for i, p in enumerate(self._options)]))
        else:
            self._options = []
            choices.update("")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if super().check_action(action, parameters) is not True:
            return False
        if action == "pick":
            return self.stage in ("carrier", "product")
        if action == "stage" and parameters and parameters[0] == "first":
            return self.draft.carrier_id is not None
        return True

    # --- keys ---

    def active_entry(self) -> Entry | None:
        if self.stage in ("first", "second"):
            return self.query_one(f"#{self.stage}", Entry)
        return None

    async def take_key(self, event: Key) -> None:
        # One key picks: the binding only shows it in the footer; the digit says which.
        if self.stage in ("carrier", "product") and event.character \
                and event.character in PICK_KEYS:
            event.stop()
            event.prevent_default()
            self._pick(PICK_KEYS.index(event.character))
            return
        await super().take_key(event)

    def action_pick(self) -> None:
        """Shown in the footer; the digit itself is read in :meth:`take_key`."""

    def action_stage(self, stage: str) -> None:
        if stage == "first":  # F4: the number is typed again, both times
            self.query_one("#first", Entry).value = ""
            self.query_one("#compare", Line).update("")
        self.set_stage(stage)

    def _pick(self, index: int) -> None:
        if index >= len(self._options):
            self.say(t("capture.no_such_choice"), level="warning")
            return
        option = self._options[index]
        if self.stage == "carrier":
            if option.status == "down":
                self.say(t("capture.carrier_is_down", carrier=option.name), level="warning")
                return
            self.draft.carrier_id = option.id
            self.say("")
            self.set_stage("first")
        else:
            self.draft.product = Product(option.sku, option.carrier_id, option.amount)
            self._after_product()

    def action_enter(self) -> None:
        """Enter ends an entry, or goes on past the repeated-sale warning."""
        if self.stage == "first":
            self._first_done(self.query_one("#first", Entry).value)
        elif self.stage == "second":
            self._second_done(self.query_one("#second", Entry))
        elif self.stage == "duplicate":
            self._to_readback()

    def _first_done(self, value: str) -> None:
        try:
            phone.normalize(value)
        except SaleError as err:
            self.say(t(err.code, **err.params), level="warning")
            return
        self.draft.first = value
        self.say(t("capture.ask_second"))
        self.set_stage("second")

    def _second_done(self, second: Entry) -> None:
        self.draft.second = second.value
        result = phone.compare(self.draft.first, second.value)
        compare = self.query_one("#compare", Line)
        if not result.matches:
            compare.update(result.render())
            self.say(result.text(), level="warning")
            second.value = ""
            return
        compare.update(t("capture.numbers_match", number=phone.group(result.msisdn or "")))
        self.say("")
        self.set_stage("product")

    def _after_product(self) -> None:
        product = self.draft.product
        assert product is not None
        msisdn = phone.normalize(self.draft.first)
        recent = [s for s in self.shop.services.counter.recent_same(msisdn, product.amount)
                  if self.draft.sale is None or s.ref != self.draft.sale.ref]
        if recent:
            last = recent[-1]
            self.stage = "duplicate"
            self.refresh_bindings()
            self.query_one("#duplicate", Line).update(t(
                "capture.duplicate", amount=pesos(product.amount), number=phone.group(msisdn),
                time=self.shop_time(last.created_at), state=t(f"state.{last.state.value}")))
            return
        self._to_readback()

    def _to_readback(self) -> None:
        from .readback import ReadbackScreen

        product = self.draft.product
        assert product is not None
        msisdn = phone.normalize(self.draft.first)
        counter = self.shop.services.counter
        try:
            if self.draft.sale is None:
                extra = {"carried_from": self.draft.carried_from.ref} \
                    if self.draft.carried_from else {}
                self.draft.sale = counter.start(msisdn, product, **extra)
            elif (self.draft.sale.msisdn, self.draft.sale.sku) != (msisdn, product.sku):
                self.draft.sale = counter.correct(self.draft.sale, msisdn, product)
        except SaleError as err:
            self.say(describe_error(err), level="error")
            return
        self.set_stage("product")
        self.app.push_screen(ReadbackScreen(self.draft))

    def action_leave(self) -> None:
        """Back home. A captured sale is closed as abandoned: nothing was paid, nothing owed."""
        sale = self.draft.sale
        if sale is not None:
            try:
                self.shop.services.counter.abandon(sale, reason="left_at_capture")
            except SaleError:
                pass  # already past capture (paid or beyond): nothing to close here
        self.app.pop_screen()
