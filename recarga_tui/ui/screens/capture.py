"""Capture: the category (airtime, bundles, bill payments), the company or service, and the
product each with one key; the number or the service's reference typed twice (R03); a bill's
amount typed within the catalog's limits.

What is typed comes from the catalog (each field's length, format and whether it is
confirmed). The second entry is typed as the customer reads it from the note or the bill, or
says it; a mismatch shows which positions differ and asks again. A sale of the same number
or reference, product and amount a few minutes ago is pointed out before going on. A sale
its pool cannot cover is refused here, before any money (R01). Leaving is always safe.

A dealer that detects the company of a number (``Capabilities.detects_carrier``) is asked the
number first, for airtime and bundles: once it is confirmed, the company is asked of the
dealer in a worker (``Counter.detect_carrier``, with its timeout), and the company detected
comes first in the list, marked as detected; the cashier picks it or any other, and nothing
waits for the answer. The read-back names the company chosen (R04).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from textual import work
from textual.events import Key
from textual.widget import Widget

from ...dealer.records import Carrier
from ...domain import phone
from ...domain.catalog import Category, FieldKind
from ...domain.faults import Fault, describe
from ...domain.money import pesos
from ...domain.sale import SaleError
from ...i18n import t, tc
from ...services.flow import (
    PICK_KEYS,
    TYPING,
    Capture,
    Marks,
    Note,
    Refused,
    Stage,
    shown_account,
    take,
)
from ..errors import describe_error
from ..keys import key
from ..moves import Home, ReadBack
from ..widgets.box import Box
from ..widgets.entry import Entry
from ..widgets.line import Line
from .base import ShopScreen

# What people type around the digits of a number: the domain reads it (phone.normalize).
PHONE_CHARS = "0123456789 -.()+"
# A service's reference: its digits, and the spaces people type between the groups.
REFERENCE_CHARS = "0123456789 "
AMOUNT_CHARS = "0123456789.,$"


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


class CaptureScreen(ShopScreen):
    """Shows the stage the capture's flow is at (``services/flow.py``) and hands it the keys:
    the flow decides, the screen draws."""

    CSS_PATH = "capture.tcss"
    HELP_TOPIC = "capture"
    BINDINGS = [
        key(",".join(PICK_KEYS), "pick", "key.pick", key_display="1-9"),
        key("f2", "stage('category')", "key.change_category"),
        key("f3", "stage('carrier')", "key.change_carrier"),
        key("f3", "change_service", "key.change_service"),
        key("f4", "stage('first')", "key.retype_number"),
        key("f4", "retype_reference", "key.retype_reference"),
        key("enter", "enter", "key.continue", show=False),
        key("escape,f9", "leave", "key.back", key_display="F9"),
    ]

    def __init__(self, flow: Capture) -> None:
        super().__init__()
        self.flow = flow

    def compose_body(self) -> Iterable[Widget]:
        with Box(id="capture-box"):
            yield Line("", id="carrier-line")
            yield Line("", id="choices")
            yield Entry(t("capture.first_label"), id="first", max_length=24,
                        allowed=PHONE_CHARS, max_digits=phone.MAX_TYPED_DIGITS)
            yield Entry(t("capture.second_label"), id="second", max_length=24,
                        allowed=PHONE_CHARS, max_digits=phone.MAX_TYPED_DIGITS)
            yield Entry(t("capture.amount_label"), id="amount", max_length=12,
                        allowed=AMOUNT_CHARS)
            yield Line("", id="compare")
            yield Line("", id="duplicate")

    def on_mount(self) -> None:
        for stage in TYPING:
            entry = self._entry(stage)
            entry.value = self.flow.typed[stage]
            self.watch(entry, "value", partial(self.flow.type, stage), init=False)
        self._show()

    @property
    def stage(self) -> Stage:
        return self.flow.stage

    def _entry(self, stage: Stage) -> Entry:
        return self.query_one(f"#{stage.value}", Entry)

    # --- what the flow is at, drawn ---

    def _show(self) -> None:
        """The screen as the flow now is: its stage, entries, lines and keys."""
        flow = self.flow
        stage = flow.stage
        if stage is Stage.READY:
            self._to_readback()
            return
        self._shape_entries()
        for typed in TYPING:
            entry = self._entry(typed)
            entry.value = flow.typed[typed]
            if stage is not Stage.DUPLICATE:  # the warning leaves the entries as they were
                entry.active = stage is typed
        self._entry(Stage.AMOUNT).display = flow.amount_shown
        compare = flow.compare
        self.query_one("#compare", Line).update(
            compare.text if isinstance(compare, Marks) else
            self._words(compare) if compare is not None else "")
        self.query_one("#duplicate", Line).update(self._duplicate_text())
        self._render_carrier_line()
        self._render_choices()
        self._say_note()
        number = flow.take_detection()
        if number is not None:
            self._detect(number)
        self.refresh_bindings()

    def _words(self, note: Note) -> str:
        params = {k: self._words(v) if isinstance(v, Note) else v for k, v in note.params.items()}
        if note.category is not None:
            return tc(note.key, note.category, **params)
        return t(note.key, **params)

    def _say_note(self) -> None:
        note = self.flow.note
        if note is None:
            self.say("")
        elif isinstance(note, Refused):
            reason = note.reason
            self.say(describe(reason) if isinstance(reason, Fault) else describe_error(reason),
                     level=note.level)
        else:
            self.say(self._words(note), level=note.level)

    def _duplicate_text(self) -> str:
        flow, last = self.flow, self.flow.duplicate
        if last is None or flow.product is None:
            return ""
        words = "capture.duplicate_bill" if flow.bill else "capture.duplicate"
        shown = shown_account(flow.fields[0], flow.account)
        return t(words, amount=pesos(flow.product.amount), number=shown,
                 time=self.shop_time(last.created_at), state=t(f"state.{last.state.value}"))

    def _render_carrier_line(self) -> None:
        flow = self.flow
        health = self.shop.services.health
        if flow.carrier_id:
            key_ = "capture.service" if flow.bill else "capture.carrier"
            text = t(key_, carrier=health.carrier_name(flow.carrier_id))
        elif flow.stage in (Stage.FIRST, Stage.SECOND):  # the number first, the company after
            text = t("capture.number_first")
        elif flow.stage is Stage.CATEGORY:
            text = t("capture.pick_category")
        else:
            text = t("capture.pick_service" if flow.bill else "capture.pick_carrier")
        if flow.category is not None and flow.stage is not Stage.CATEGORY:
            text = f"{t(f'category.{flow.category.value}')} · {text}"
        self.query_one("#carrier-line", Line).update(text)

    def _render_choices(self) -> None:
        flow = self.flow
        choices = self.query_one("#choices", Line)
        if flow.catalog() is None:
            choices.update(t("capture.no_catalog"))
            return
        options = flow.choices()
        if flow.stage is Stage.CATEGORY:
            choices.update("\n".join(f"{PICK_KEYS[i]}  {t(f'category.{c.item.value}')}"
                                      for i, c in enumerate(options)
                                      if isinstance(c.item, Category)))
        elif flow.stage is Stage.CARRIER:
            choices.update("\n".join(
                f"{PICK_KEYS[i]}  {c.item.name}"
                + (f"  ({t('capture.detected')})" if c.detected else "")
                + (f"  ({t('capture.carrier_down')})" if c.down else "")
                for i, c in enumerate(options) if isinstance(c.item, Carrier)))
        elif flow.stage is Stage.PRODUCT:
            choices.update(self._product_list([c.item for c in options]))
        elif flow.stage is Stage.AMOUNT and flow.product is not None:
            low, high = flow.product.limits
            choices.update(tc("capture.amount_limits", flow.product.category, low=pesos(low),
                              high=pesos(high)))
        elif flow.stage is not Stage.DUPLICATE:
            choices.update("")

    def _product_list(self, products: list[Any]) -> str:
        """Airtime amounts in columns; a bundle or a bill one a line, with what it gives."""
        category = self.flow.category
        if category in (None, Category.AIRTIME):
            return t("capture.pick_amount") + "\n" + in_columns(
                [f"{PICK_KEYS[i]} {amount_shown(p)}" for i, p in enumerate(products)])
        heading = "capture.pick_bundle" if category is Category.BUNDLE \
            else "capture.pick_bill_product"
        rows = [fitted(f"{PICK_KEYS[i]}  {product_row(p)}") for i, p in enumerate(products)]
        return "\n".join([t(heading), *rows])

    def _shape_entries(self) -> None:
        """The two entries as the field being typed asks: its label, characters, length."""
        spec = self.flow.spec
        first, second = self._entry(Stage.FIRST), self._entry(Stage.SECOND)
        if spec.kind is FieldKind.PHONE:
            first.label, first.allowed = t("capture.first_label"), PHONE_CHARS
            first.max_length, first.max_digits = 24, phone.MAX_TYPED_DIGITS
        else:
            length = (t("capture.length_exact", count=spec.max_length)
                      if spec.min_length == spec.max_length else
                      t("capture.length_range", low=spec.min_length, high=spec.max_length))
            first.label = t("capture.field_first", field=spec.label, length=length)
            first.allowed = None if spec.kind is FieldKind.TEXT else REFERENCE_CHARS
            # room for the spaces people type between the groups
            first.max_length, first.max_digits = spec.max_length * 2, spec.max_length
        second.label = t("capture.second_label")
        second.allowed, second.max_length, second.max_digits = (
            first.allowed, first.max_length, first.max_digits)
        first.refresh_label()
        second.refresh_label()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if super().check_action(action, parameters) is not True:
            return False
        flow = self.flow
        if action == "pick":
            return flow.can_pick()
        # F3 and F4 say "service" and "reference" for a bill, "company" and "number" else.
        if action in ("change_service", "retype_reference"):
            stage = Stage.CARRIER if action == "change_service" else Stage.FIRST
            return flow.bill and flow.can_change(stage)
        if action == "stage" and parameters:
            stage = Stage(str(parameters[0]))
            if stage in (Stage.CARRIER, Stage.FIRST) and flow.bill:
                return False
            return flow.can_change(stage)
        return True

    # --- keys ---

    def active_entry(self) -> Entry | None:
        if self.flow.stage in TYPING:
            return self._entry(self.flow.stage)
        return None

    async def take_key(self, event: Key) -> None:
        # One key picks: the binding only shows it in the footer; the digit says which.
        if self.flow.can_pick() and event.character and event.character in PICK_KEYS:
            event.stop()
            event.prevent_default()
            self.flow.pick(PICK_KEYS.index(event.character))
            self._show()
            return
        await super().take_key(event)

    def action_change_service(self) -> None:
        self.action_stage("carrier")

    def action_retype_reference(self) -> None:
        self.action_stage("first")

    def action_pick(self) -> None:
        """Shown in the footer; the digit itself is read in :meth:`take_key`."""

    def action_stage(self, stage: str) -> None:
        self.flow.change(Stage(stage))
        self._show()

    def action_enter(self) -> None:
        """Enter ends an entry, or goes on past the repeated-sale warning."""
        self.flow.enter()
        self._show()

    @work(exclusive=True, group="detect-carrier", exit_on_error=False)
    async def _detect(self, msisdn: str) -> None:
        """The company of the number, asked of the dealer while the cashier sees the list;
        advice that comes late, or never, changes nothing but the order."""
        found = await self.shop.services.counter.detect_carrier(msisdn)
        if self.flow.detected_as(msisdn, found):
            self._render_choices()

    def _to_readback(self) -> None:
        services = self.shop.services
        try:
            sale = take(self.flow, services.counter, services.health.carrier_name)
        except SaleError as err:
            self.flow.refused(err)
            self._show()
            return
        self.flow.taken(sale)
        self.move(ReadBack(self.flow))

    def action_leave(self) -> None:
        """Back home. A captured sale is closed as abandoned: nothing was paid, nothing owed."""
        sale = self.flow.sale
        if sale is not None:
            try:
                self.shop.services.counter.abandon(sale, reason="left_at_capture")
            except SaleError:
                pass  # already past capture (paid or beyond): nothing to close here
        self.move(Home())


def amount_shown(product: Any) -> str:
    """A fixed amount, or an open one's limits ("$10.00-$500.00": typed next), never the
    $0.00 an open amount is listed at."""
    if product.open_amount:
        return f"{pesos(max(1, product.min_amount))}-{pesos(product.max_amount)}"
    return pesos(product.amount)


def fitted(text: str, width: int = CHOICES_WIDTH) -> str:
    """One line of the box; what does not fit ends in "…" (the read-back says it whole).

    Cut between words: a figure cut short would say something else ("500 MB" as "50…", and
    on TERM=linux, whose font has no "…", as "50.")."""
    if len(text) <= width:
        return text
    head = text[:width - 1]
    if text[width - 1] != " " and " " in head:
        head = head[:head.rindex(" ")]
    return head.rstrip(" ,·") + "…"


def product_row(product: Any) -> str:
    """A bundle or bill as one line of the list: price, name, validity, what it gives."""
    price = t("capture.amount_label").rstrip(":") if product.open_amount else pesos(product.amount)
    parts = [price, product.name or product.description]
    if product.validity:
        parts.append(product.validity)
    if product.description and product.description != product.name:
        parts.append(product.description)
    return " · ".join(parts)
