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
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from textual import work
from textual.events import Key
from textual.widget import Widget

from ...domain import catalog, phone
from ...domain.catalog import PHONE_FIELD, Category, Field, FieldKind, Product
from ...domain.faults import describe
from ...domain.money import parse as parse_money
from ...domain.money import pesos
from ...domain.sale import Sale, SaleError
from ...i18n import t, tc
from ..errors import describe_error
from ..keys import key
from ..widgets.box import Box
from ..widgets.entry import Entry
from ..widgets.line import Line
from .base import ShopScreen

PICK_KEYS = "1234567890"
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


@dataclass
class Draft:
    """The entries of a sale being captured; kept when the read-back sends the cashier back."""

    carrier_id: str | None = None
    first: str = ""
    second: str = ""
    product: Product | None = None
    sale: Sale | None = None        # the captured sale, once there is one
    carried_from: Sale | None = None  # a rejected sale whose money pays this one
    category: Category | None = None
    fields: tuple[Field, ...] = (PHONE_FIELD,)  # what is typed, from the catalog
    values: dict[str, str] = dataclass_field(default_factory=dict)  # each field as agreed
    index: int = 0                  # the field being typed
    amount_typed: str = ""          # an open amount, as typed

    @property
    def account(self) -> str:
        """What the sale goes to: the phone number, or the service's reference."""
        spec = self.fields[0]
        if spec.kind is FieldKind.PHONE:
            return phone.normalize(self.first)
        return self.values.get(spec.key) or catalog.field_value(self.first, spec)

    @property
    def extra(self) -> dict[str, str]:
        """The fields typed besides the first, journaled with the sale."""
        return {k: v for k, v in self.values.items() if k != self.fields[0].key}


def shown_account(spec: Field, value: str) -> str:
    """A number grouped 3-3-4, a reference in fours: as it is read aloud."""
    return phone.group(value) if spec.kind is FieldKind.PHONE else catalog.group_reference(value)


class CaptureScreen(ShopScreen):
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

    def __init__(self, draft: Draft | None = None) -> None:
        super().__init__()
        self.draft = draft or Draft()
        self.stage = "category"
        self._options: list[Any] = []
        self._detected: str | None = None  # the company the dealer says the number is of

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
        self._shape_entries()
        first, second = self.query_one("#first", Entry), self.query_one("#second", Entry)
        first.value, second.value = self.draft.first, self.draft.second
        self.query_one("#amount", Entry).value = self.draft.amount_typed
        if self.draft.carrier_id:
            self.set_stage("first")
        elif self._only_category():
            self._after_category()
        else:
            self.set_stage("category")

    def _only_category(self) -> bool:
        """A catalog of one category (an older dealer: airtime) skips the choice."""
        catalog_ = self._catalog()
        if catalog_ is None or len(catalog_.categories) > 1:
            return False
        self.draft.category = catalog_.categories[0] if catalog_.categories \
            else Category.AIRTIME
        return True

    # --- the stages ---

    def set_stage(self, stage: str) -> None:
        self.stage = stage
        first, second = self.query_one("#first", Entry), self.query_one("#second", Entry)
        first.active = stage == "first"
        second.active = stage == "second"
        amount = self.query_one("#amount", Entry)
        amount.active = stage == "amount"
        amount.display = stage == "amount" or bool(self.draft.product
                                                   and self.draft.product.open_amount)
        if stage == "first":
            second.value = ""
        if stage in ("category", "carrier", "first"):
            self.query_one("#compare", Line).update("")
        self.query_one("#duplicate", Line).update("")
        self._render_carrier_line()
        self._render_choices()
        self.refresh_bindings()

    def _catalog(self) -> Any:
        return self.shop.services.health.catalog

    def _is_bill(self) -> bool:
        return self.draft.category is Category.BILL

    def _render_carrier_line(self) -> None:
        health = self.shop.services.health
        if self.draft.carrier_id:
            key_ = "capture.service" if self._is_bill() else "capture.carrier"
            text = t(key_, carrier=health.carrier_name(self.draft.carrier_id))
        elif self.stage in ("first", "second"):  # the number first, the company after it
            text = t("capture.number_first")
        elif self.stage == "category":
            text = t("capture.pick_category")
        else:
            text = t("capture.pick_service" if self._is_bill() else "capture.pick_carrier")
        if self.draft.category is not None and self.stage != "category":
            text = f"{t(f'category.{self.draft.category.value}')} · {text}"
        self.query_one("#carrier-line", Line).update(text)

    def _render_choices(self) -> None:
        choices = self.query_one("#choices", Line)
        catalog_ = self._catalog()
        if catalog_ is None:
            self._options = []
            choices.update(t("capture.no_catalog"))
            return
        if self.stage == "category":
            self._options = list(catalog_.categories)[: len(PICK_KEYS)]
            choices.update("\n".join(f"{PICK_KEYS[i]}  {t(f'category.{c.value}')}"
                                      for i, c in enumerate(self._options)))
        elif self.stage == "carrier":
            carriers = list(self._carriers(catalog_))
            # The company the dealer detected comes first; the others keep their order.
            carriers.sort(key=lambda c: c.id != self._detected)
            self._options = carriers[: len(PICK_KEYS)]
            choices.update("\n".join(
                f"{PICK_KEYS[i]}  {c.name}"
                + (f"  ({t('capture.detected')})" if c.id == self._detected else "")
                + (f"  ({t('capture.carrier_down')})" if c.status == "down" else "")
                for i, c in enumerate(self._options)))
        elif self.stage == "product":
            self._options = list(self._products(catalog_))[: len(PICK_KEYS)]
            choices.update(self._product_list())
        elif self.stage == "amount" and self.draft.product is not None:
            self._options = []
            product = self.draft.product
            low, high = product.limits
            choices.update(tc("capture.amount_limits", product.category, low=pesos(low),
                              high=pesos(high)))
        else:
            self._options = []
            choices.update("")

    def _carriers(self, catalog_: Any) -> Any:
        if self.draft.category is None:
            return catalog_.carriers
        return catalog_.carriers_of(self.draft.category)

    def _products(self, catalog_: Any) -> list[Any]:
        category = self.draft.category or Category.AIRTIME
        if self.draft.carrier_id is None:
            return []
        return list(catalog_.products_of(self.draft.carrier_id, category))

    def _product_list(self) -> str:
        """Airtime amounts in columns; a bundle or a bill one a line, with what it gives."""
        if self.draft.category in (None, Category.AIRTIME):
            return t("capture.pick_amount") + "\n" + in_columns(
                [f"{PICK_KEYS[i]} {amount_shown(p)}" for i, p in enumerate(self._options)])
        heading = "capture.pick_bundle" if self.draft.category is Category.BUNDLE \
            else "capture.pick_bill_product"
        rows = [fitted(f"{PICK_KEYS[i]}  {product_row(p)}") for i, p in enumerate(self._options)]
        return "\n".join([t(heading), *rows])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if super().check_action(action, parameters) is not True:
            return False
        if action == "pick":
            return self.stage in ("category", "carrier", "product")
        # F3 and F4 say "service" and "reference" for a bill, "company" and "number" else.
        if action in ("change_service", "retype_reference"):
            stage = "carrier" if action == "change_service" else "first"
            return self._is_bill() and self._stage_allowed(stage)
        if action == "stage" and parameters:
            stage = str(parameters[0])
            if stage in ("carrier", "first") and self._is_bill():
                return False
            return self._stage_allowed(stage)
        return True

    def _stage_allowed(self, stage: str) -> bool:
        if stage == "first":
            return self.draft.carrier_id is not None or (
                self._number_first() and self.stage != "category")
        if stage == "category":
            catalog_ = self._catalog()
            return (self.stage != "category" and catalog_ is not None
                    and len(catalog_.categories) > 1)
        if stage == "carrier":
            return self.stage != "category"
        return True

    # --- keys ---

    def active_entry(self) -> Entry | None:
        if self.stage in ("first", "second", "amount"):
            return self.query_one(f"#{self.stage}", Entry)
        return None

    async def take_key(self, event: Key) -> None:
        # One key picks: the binding only shows it in the footer; the digit says which.
        if self.stage in ("category", "carrier", "product") and event.character \
                and event.character in PICK_KEYS:
            event.stop()
            event.prevent_default()
            self._pick(PICK_KEYS.index(event.character))
            return
        await super().take_key(event)

    def action_change_service(self) -> None:
        self.action_stage("carrier")

    def action_retype_reference(self) -> None:
        self.action_stage("first")

    def action_pick(self) -> None:
        """Shown in the footer; the digit itself is read in :meth:`take_key`."""

    def action_stage(self, stage: str) -> None:
        if stage == "first":  # F4: the number is typed again, both times
            self.query_one("#first", Entry).value = ""
            self.query_one("#compare", Line).update("")
            self.draft.values.clear()
            self.draft.index = 0
            self._detected = None
            self._shape_entries()
        if stage in ("category", "carrier"):  # another company: its fields may differ
            self.draft.carrier_id = None
            self.draft.product = None
            if stage == "category":
                self.draft.category = None
        self.set_stage(stage)

    def _pick(self, index: int) -> None:
        if index >= len(self._options):
            self.say(t("capture.no_such_choice"), level="warning")
            return
        option = self._options[index]
        if self.stage == "category":
            self.draft.category = option
            self.say("")
            self._after_category()
        elif self.stage == "carrier":
            self._carrier_picked(option)
        else:
            self._product_picked(option.for_sale())

    def _carrier_picked(self, option: Any) -> None:
        if option.status == "down":
            self.say(t("capture.carrier_is_down", carrier=option.name), level="warning")
            return
        changed = option.id != self.draft.carrier_id
        self.draft.carrier_id = option.id
        number = self.draft.values.get(PHONE_FIELD.key) if self._number_first() else None
        if changed:
            self._take_fields()
        self.say("")
        fields = self.draft.fields
        if number and len(fields) == 1 and fields[0].kind is FieldKind.PHONE:
            self.draft.values[fields[0].key] = number  # the number confirmed before it
            self._to_product()
            return
        self.set_stage("first")

    def _take_fields(self) -> None:
        """The fields of the company's products (a company's products ask the same)."""
        products = self._products(self._catalog()) if self._catalog() is not None else []
        self.draft.fields = products[0].for_sale().fields if products else (PHONE_FIELD,)
        self.draft.values.clear()
        self.draft.index = 0
        self._shape_entries()

    def _product_picked(self, product: Product) -> None:
        self.draft.product = product
        if product.open_amount:
            self.set_stage("amount")
            return
        self._after_product()

    def action_enter(self) -> None:
        """Enter ends an entry, or goes on past the repeated-sale warning."""
        if self.stage == "first":
            self._first_done(self.query_one("#first", Entry).value)
        elif self.stage == "second":
            self._second_done(self.query_one("#second", Entry))
        elif self.stage == "amount":
            self._amount_done(self.query_one("#amount", Entry).value)
        elif self.stage == "duplicate":
            self._to_readback()

    # --- the fields: typed, and typed again where the catalog says so (R03) ---

    def _spec(self) -> Field:
        return self.draft.fields[min(self.draft.index, len(self.draft.fields) - 1)]

    def _shape_entries(self) -> None:
        """The two entries as the field being typed asks: its label, characters, length."""
        spec = self._spec()
        first, second = self.query_one("#first", Entry), self.query_one("#second", Entry)
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

    def _first_done(self, value: str) -> None:
        spec = self._spec()
        try:
            agreed = phone.normalize(value) if spec.kind is FieldKind.PHONE \
                else catalog.field_value(value, spec)
        except SaleError as err:
            self.say(t(err.code, **err.params), level="warning")
            return
        self.draft.first = value
        if not spec.confirm:
            self._field_agreed(spec, agreed)
            return
        self.say(t("capture.ask_second" if spec.kind is FieldKind.PHONE
                   else "capture.ask_second_field"))
        self.set_stage("second")

    def _second_done(self, second: Entry) -> None:
        self.draft.second = second.value
        spec = self._spec()
        compare = self.query_one("#compare", Line)
        if spec.kind is FieldKind.PHONE:
            result = phone.compare(self.draft.first, second.value)
            if not result.matches:
                self._differ(compare, second, result.render(), result.text())
                return
            self._field_agreed(spec, result.msisdn or "")
            return
        agreed = catalog.field_value(self.draft.first, spec)
        found = catalog.compare_field(agreed, "".join(ch for ch in second.value
                                                      if ch not in " -.\t"))
        if not found.matches:
            self._differ(compare, second, found.render(),
                         t("capture.fields_differ", count=len(found.positions)))
            return
        self._field_agreed(spec, agreed)

    def _differ(self, compare: Line, second: Entry, marks: str, text: str) -> None:
        """Two entries that differ: where, and the second asked again; nothing goes on."""
        compare.update(marks)
        self.say(text, level="warning")
        second.value = ""

    def _field_agreed(self, spec: Field, value: str) -> None:
        self.draft.values[spec.key] = value
        key_ = "capture.numbers_match" if spec.kind is FieldKind.PHONE \
            else "capture.fields_match"
        self.query_one("#compare", Line).update(
            t(key_, number=shown_account(spec, value), value=shown_account(spec, value)))
        self.say("")
        if self.draft.index + 1 < len(self.draft.fields):  # the next field of the product
            self.draft.index += 1
            self._shape_entries()
            self.query_one("#first", Entry).value = ""
            self.set_stage("first")
            return
        if self.draft.carrier_id is None:  # the number first: now its company
            self.set_stage("carrier")
            self._detect(value)
            return
        self._to_product()

    # --- the number first, for a dealer that detects its company ---

    def _number_first(self) -> bool:
        """Whether the number is asked before the company: a dealer that detects it, selling
        to a phone (airtime, bundles; a bill's service is its own choice)."""
        return (self.shop.services.capabilities.detects_carrier
                and self.draft.category is not Category.BILL)

    def _after_category(self) -> None:
        if not self._number_first():
            self.set_stage("carrier")
            return
        self.draft.fields, self.draft.index = (PHONE_FIELD,), 0
        self.draft.values.clear()
        self._detected = None
        self._shape_entries()
        self.query_one("#first", Entry).value = ""
        self.set_stage("first")

    @work(exclusive=True, group="detect-carrier", exit_on_error=False)
    async def _detect(self, msisdn: str) -> None:
        """The company of the number, asked of the dealer while the cashier sees the list;
        advice that comes late, or never, changes nothing but the order."""
        found = await self.shop.services.counter.detect_carrier(msisdn)
        if self.stage == "carrier" and self.draft.values.get(PHONE_FIELD.key) == msisdn:
            self._detected = found
            self._render_choices()

    def _to_product(self) -> None:
        """The product next; a service with one product (a bill) takes it at once."""
        catalog_ = self._catalog()
        products = self._products(catalog_) if catalog_ is not None else []
        if len(products) == 1 and self.draft.category is Category.BILL:
            self._product_picked(products[0].for_sale())
            return
        self.set_stage("product")

    def _amount_done(self, typed: str) -> None:
        product = self.draft.product
        assert product is not None
        try:
            priced = product.priced(parse_money(typed))
        except SaleError as err:  # worded for what is sold: a bill's amount, not a top-up's
            self.say(tc(err.code, product.category, **err.params), level="warning")
            return
        self.draft.amount_typed = typed
        self.draft.product = priced
        self.say("")
        self._after_product()

    def _after_product(self) -> None:
        product = self.draft.product
        assert product is not None
        fault = self.shop.services.counter.pool_short(product, self.shop.services.health.balance)
        if fault is not None:  # refused before anything is collected (R01, R14)
            self.say(describe(fault), level="error")
            return
        account = self.draft.account
        spec = self.draft.fields[0]
        recent = [s for s in self.shop.services.counter.recent_same(account, product.amount,
                                                                    product.sku)
                  if self.draft.sale is None or s.ref != self.draft.sale.ref]
        if recent:
            last = recent[-1]
            self.stage = "duplicate"
            self.refresh_bindings()
            words = "capture.duplicate_bill" if self._is_bill() else "capture.duplicate"
            self.query_one("#duplicate", Line).update(t(
                words, amount=pesos(product.amount), number=shown_account(spec, account),
                time=self.shop_time(last.created_at), state=t(f"state.{last.state.value}")))
            return
        self._to_readback()

    def _to_readback(self) -> None:
        from .readback import ReadbackScreen

        product = self.draft.product
        assert product is not None
        account = self.draft.account
        counter = self.shop.services.counter
        carrier = self.shop.services.health.carrier_name(product.carrier_id)
        try:
            if self.draft.sale is None:
                extra = {"carried_from": self.draft.carried_from.ref} \
                    if self.draft.carried_from else {}
                self.draft.sale = counter.start(account, product, fields=self.draft.extra,
                                                carrier=carrier, **extra)
            elif (self.draft.sale.msisdn, self.draft.sale.sku, self.draft.sale.amount) != (
                    account, product.sku, product.amount):
                self.draft.sale = counter.correct(self.draft.sale, account, product,
                                                  self.draft.extra, carrier)
        except SaleError as err:
            self.say(describe_error(err), level="error")
            return
        self.set_stage("amount" if product.open_amount else "product")
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


def amount_shown(product: Any) -> str:
    """A fixed amount, or an open one's limits ("$10.00-$500.00": typed next), never the
    $0.00 an open amount is listed at."""
    if product.open_amount:
        return f"{pesos(max(1, product.min_amount))}-{pesos(product.max_amount)}"
    return pesos(product.amount)


def fitted(text: str, width: int = CHOICES_WIDTH) -> str:
    """One line of the box; what does not fit ends in "…" (the read-back says it whole)."""
    return text if len(text) <= width else text[:width - 1].rstrip(" ,·") + "…"


def product_row(product: Any) -> str:
    """A bundle or bill as one line of the list: price, name, validity, what it gives."""
    price = t("capture.amount_label").rstrip(":") if product.open_amount else pesos(product.amount)
    parts = [price, product.name or product.description]
    if product.validity:
        parts.append(product.validity)
    if product.description and product.description != product.name:
        parts.append(product.description)
    return " · ".join(parts)
