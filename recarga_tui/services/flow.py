"""The capture of a sale as a pure flow: its stages (:class:`Stage`) and the moves between
them, with no screen. The capture screen shows the stage the flow is at and hands it the keys
the cashier typed; everything the capture decides is decided here, and tested without an App
(``tests/services/test_flow.py``).

What it asks, in order: the category (airtime, bundles, bill payments; skipped for a catalog
of one), the company or service, then the fields the catalog names for its products, each
typed twice where the catalog says to confirm it (R03: the phone compared by
``domain/phone.py``, any other field position by position by ``domain/catalog.py``), then the
product and, for an open amount, the amount within its limits. A dealer that detects the
company of a number (``Capabilities.detects_carrier``) is asked the number first for airtime
and bundles: once it is confirmed, the flow names the number to ask about
(:attr:`Capture.to_detect`), the companies are listed at once, and the one detected, when
the answer comes (:meth:`Capture.detected`), moves to the top. A product its pool cannot
cover is refused before any money (R01), and a sale like one made a few minutes ago (same
number or reference, product and amount) is pointed out before going on.

The flow ends at :attr:`Stage.READY`: what to sell is taken, and the read-back comes next
(:func:`take` journals the sale). A correction at the read-back or the payment comes back to
the flow as it was left, every entry kept.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from typing import Any, Protocol

from msgspec import Struct, field

from ..dealer.records import Carrier, Catalog
from ..dealer.records import Product as Listed
from ..domain import catalog as sold_as
from ..domain import phone
from ..domain.catalog import PHONE_FIELD, Category, Field, FieldKind, Product
from ..domain.faults import Fault
from ..domain.money import parse as parse_money
from ..domain.sale import Sale, SaleError
from .counter import Counter
from .health import Health

# At most this many choices, each picked with one key: 1-9, then 0.
PICK_KEYS = "1234567890"


class Stage(StrEnum):
    """Where the capture is."""

    CATEGORY = "category"    # airtime, bundles or bill payments
    CARRIER = "carrier"      # the company or service
    FIRST = "first"          # a field (the number, a reference) typed the first time
    SECOND = "second"        # the same field typed again (R03)
    PRODUCT = "product"      # the amount, bundle or bill product
    AMOUNT = "amount"        # an open amount typed within its limits
    DUPLICATE = "duplicate"  # like a sale of a few minutes ago: Enter goes on
    READY = "ready"          # taken: the read-back next


# The stages where a digit picks one of the choices, and those where keys are typed.
PICKING = frozenset({Stage.CATEGORY, Stage.CARRIER, Stage.PRODUCT})
TYPING = frozenset({Stage.FIRST, Stage.SECOND, Stage.AMOUNT})


class Note(Struct, frozen=True):
    """Words for the cashier, as a catalog key with its parameters: a parameter that is
    itself a Note is worded first. ``category``: worded for what is sold (``i18n.tc``)."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    level: str = "info"
    category: Category | None = None


class Refused(Struct, frozen=True):
    """Refused before any money, said whole: a pool that cannot cover the sale (its fault:
    origin, what, next step; R01), or the notebook that could not write it."""

    reason: Fault | SaleError
    level: str = "error"


Said = Note | Refused


class Marks(Struct, frozen=True):
    """Two entries that differ, with a mark under each position that does (R03)."""

    text: str


class Choice(Struct, frozen=True):
    """One line of the list the cashier picks from: a category, a company or a product."""

    item: Category | Carrier | Listed
    detected: bool = False  # the company the dealer says the number is of
    down: bool = False      # a company the dealer says is down


class Shelf(Protocol):
    """What the flow reads of the shop: the catalog as last read, and the counter's checks."""

    def catalog(self) -> Catalog | None: ...

    def pool_short(self, product: Product) -> Fault | None: ...

    def recent_same(self, account: str, product: Product) -> Sequence[Sale]: ...


class Capture:
    """One sale being captured: its stage, what was chosen and typed, and what to say."""

    def __init__(self, shelf: Shelf, *, detects_carrier: bool = False,
                 carried_from: Sale | None = None) -> None:
        self.shelf = shelf
        self.detects_carrier = detects_carrier
        self.carried_from = carried_from  # a rejected sale whose money pays this one
        self.stage = Stage.CATEGORY
        self.category: Category | None = None
        self.carrier_id: str | None = None
        self.fields: tuple[Field, ...] = (PHONE_FIELD,)  # what is typed, from the catalog
        self.index = 0                                   # the field being typed
        self.values: dict[str, str] = {}                 # each field as agreed
        # What stands in each typed entry (the screen keeps it as the cashier types).
        self.typed: dict[Stage, str] = dict.fromkeys(TYPING, "")
        self.first = ""    # the first entry of the field being confirmed, as typed
        self.product: Product | None = None
        self.detected: str | None = None  # the company the dealer says the number is of
        self.to_detect: str | None = None  # a number to ask the dealer about, once
        self.sale: Sale | None = None      # the captured sale, once there is one
        self.note: Said | None = None      # the message line
        self.compare: Note | Marks | None = None  # two entries compared
        self.duplicate: Sale | None = None  # the sale of a few minutes ago like this one
        self._before_ready = Stage.PRODUCT

    # --- what the screen shows ---

    def catalog(self) -> Catalog | None:
        return self.shelf.catalog()

    @property
    def bill(self) -> bool:
        return self.category is Category.BILL

    @property
    def number_first(self) -> bool:
        """Whether the number is asked before the company: a dealer that detects it, selling
        to a phone (airtime, bundles; a bill's service is its own choice)."""
        return self.detects_carrier and self.category is not Category.BILL

    @property
    def spec(self) -> Field:
        """The field being typed."""
        return self.fields[min(self.index, len(self.fields) - 1)]

    @property
    def account(self) -> str:
        """What the sale goes to: the phone number, or the service's reference."""
        spec = self.fields[0]
        if spec.key in self.values:
            return self.values[spec.key]
        if spec.kind is FieldKind.PHONE:
            return phone.normalize(self.first)
        return sold_as.field_value(self.first, spec)

    @property
    def extra(self) -> dict[str, str]:
        """The fields typed besides the first, journaled with the sale."""
        return {k: v for k, v in self.values.items() if k != self.fields[0].key}

    @property
    def amount_shown(self) -> bool:
        """Whether the amount's entry is on screen: typed now, or typed for the product."""
        return self.stage is Stage.AMOUNT or bool(self.product and self.product.open_amount)

    def choices(self) -> list[Choice]:
        """What a digit picks now, in order (at most ten): none where nothing is picked."""
        catalog = self.catalog()
        if catalog is None:
            return []
        if self.stage is Stage.CATEGORY:
            return [Choice(c) for c in catalog.categories][: len(PICK_KEYS)]
        if self.stage is Stage.CARRIER:
            carriers = list(catalog.carriers_of(self.category) if self.category is not None
                            else catalog.carriers)
            # The company the dealer detected comes first; the others keep their order.
            carriers.sort(key=lambda c: c.id != self.detected)
            return [Choice(c, detected=c.id == self.detected, down=c.status == "down")
                    for c in carriers][: len(PICK_KEYS)]
        if self.stage is Stage.PRODUCT:
            return [Choice(p) for p in self._products(catalog)][: len(PICK_KEYS)]
        return []

    def _products(self, catalog: Catalog) -> tuple[Listed, ...]:
        if self.carrier_id is None:
            return ()
        return catalog.products_of(self.carrier_id, self.category or Category.AIRTIME)

    # --- which keys act (check_action) ---

    def can_pick(self) -> bool:
        return self.stage in PICKING

    def can_change(self, stage: Stage) -> bool:
        """Whether F2 (the category), F3 (the company or service) or F4 (the field again)
        may go back to ``stage`` now."""
        if stage is Stage.FIRST:
            return self.carrier_id is not None or (
                self.number_first and self.stage is not Stage.CATEGORY)
        if stage is Stage.CATEGORY:
            catalog = self.catalog()
            return (self.stage is not Stage.CATEGORY and catalog is not None
                    and len(catalog.categories) > 1)
        if stage is Stage.CARRIER:
            return self.stage is not Stage.CATEGORY
        return False

    # --- the moves ---

    def start(self) -> None:
        """The first stage: the category, skipped for a catalog of one (an older dealer:
        airtime)."""
        catalog = self.catalog()
        if catalog is not None and len(catalog.categories) <= 1:
            self.category = catalog.categories[0] if catalog.categories else Category.AIRTIME
            self._after_category()
            return
        self._go(Stage.CATEGORY)

    def type(self, stage: Stage, text: str) -> None:
        """What stands in a typed entry now (the screen tells it as it changes)."""
        self.typed[stage] = text

    def change(self, stage: Stage) -> None:
        """F2, F3, F4: the category, the company or the field again."""
        if not self.can_change(stage):
            return
        if stage is Stage.FIRST:  # the number is typed again, both times
            self.typed[Stage.FIRST] = ""
            self.compare = None
            self.values.clear()
            self.index = 0
            self.detected = None
        else:  # another company: its fields may differ
            self.carrier_id = None
            self.product = None
            if stage is Stage.CATEGORY:
                self.category = None
        self._go(stage)

    def pick(self, index: int) -> None:
        """The choice under digit ``index`` (0 for key 1)."""
        if not self.can_pick():
            return
        choices = self.choices()
        if index >= len(choices):
            self.note = Note("capture.no_such_choice", level="warning")
            return
        item = choices[index].item
        if isinstance(item, Category):
            self.category = item
            self.note = None
            self._after_category()
        elif isinstance(item, Carrier):
            self._carrier_picked(item)
        else:
            self._product_picked(item.for_sale())

    def enter(self) -> None:
        """Enter: ends an entry, or goes on past the repeated-sale warning."""
        if self.stage is Stage.FIRST:
            self._first_done(self.typed[Stage.FIRST])
        elif self.stage is Stage.SECOND:
            self._second_done(self.typed[Stage.SECOND])
        elif self.stage is Stage.AMOUNT:
            self._amount_done(self.typed[Stage.AMOUNT])
        elif self.stage is Stage.DUPLICATE:
            self._ready()

    def detected_as(self, msisdn: str, carrier_id: str | None) -> bool:
        """The dealer's answer on the company of ``msisdn``: advice that comes late, or never,
        changes nothing but the order of the list, and only while it is the number asked
        about. True when the list changed."""
        if self.stage is Stage.CARRIER and self.values.get(PHONE_FIELD.key) == msisdn:
            self.detected = carrier_id
            return True
        return False

    def taken(self, sale: Sale) -> None:
        """The sale is journaled: a correction from the read-back or the payment comes back
        to the product (or its amount), every entry kept."""
        self.sale = sale
        self._go(Stage.AMOUNT if self.product is not None and self.product.open_amount
                 else Stage.PRODUCT)

    def refused(self, error: SaleError) -> None:
        """The sale could not be journaled: back where it was, with why."""
        self.stage = self._before_ready
        self.note = Refused(error)

    def back_from_payment(self, sale: Sale) -> None:
        """The payment sent the cashier back to correct: the sale captured again."""
        self.sale = sale

    # --- the stages' effects ---

    def _go(self, stage: Stage) -> None:
        self.stage = stage
        if stage is Stage.FIRST:
            self.typed[Stage.SECOND] = ""
        if stage in (Stage.CATEGORY, Stage.CARRIER, Stage.FIRST):
            self.compare = None
        self.duplicate = None

    def _after_category(self) -> None:
        if not self.number_first:
            self._go(Stage.CARRIER)
            return
        self.fields, self.index = (PHONE_FIELD,), 0
        self.values.clear()
        self.detected = None
        self.typed[Stage.FIRST] = ""
        self._go(Stage.FIRST)

    def _carrier_picked(self, carrier: Carrier) -> None:
        if carrier.status == "down":
            self.note = Note("capture.carrier_is_down", {"carrier": carrier.name}, "warning")
            return
        changed = carrier.id != self.carrier_id
        self.carrier_id = carrier.id
        number = self.values.get(PHONE_FIELD.key) if self.number_first else None
        if changed:
            self._take_fields()
        self.note = None
        fields = self.fields
        if number and len(fields) == 1 and fields[0].kind is FieldKind.PHONE:
            self.values[fields[0].key] = number  # the number confirmed before it
            self._to_product()
            return
        self._go(Stage.FIRST)

    def _take_fields(self) -> None:
        """The fields of the company's products (a company's products ask the same)."""
        catalog = self.catalog()
        products = self._products(catalog) if catalog is not None else ()
        self.fields = products[0].for_sale().fields if products else (PHONE_FIELD,)
        self.values.clear()
        self.index = 0

    def _product_picked(self, product: Product) -> None:
        self.product = product
        if product.open_amount:
            self._go(Stage.AMOUNT)
            return
        self._after_product()

    def _to_product(self) -> None:
        """The product next; a service with one product (a bill) takes it at once."""
        catalog = self.catalog()
        products = self._products(catalog) if catalog is not None else ()
        if len(products) == 1 and self.category is Category.BILL:
            self._product_picked(products[0].for_sale())
            return
        self._go(Stage.PRODUCT)

    # --- the fields: typed, and typed again where the catalog says so (R03) ---

    def _first_done(self, value: str) -> None:
        spec = self.spec
        try:
            agreed = phone.normalize(value) if spec.kind is FieldKind.PHONE \
                else sold_as.field_value(value, spec)
        except SaleError as err:
            self.note = Note(err.code, err.params, "warning")
            return
        self.first = value
        if not spec.confirm:
            self._field_agreed(spec, agreed)
            return
        self.note = Note("capture.ask_second" if spec.kind is FieldKind.PHONE
                         else "capture.ask_second_field")
        self._go(Stage.SECOND)

    def _second_done(self, value: str) -> None:
        spec = self.spec
        if spec.kind is FieldKind.PHONE:
            result = phone.compare(self.first, value)
            if not result.matches:
                error = result.first_error or result.second_error
                params: dict[str, Any] = {"count": len(result.positions)}
                if error is not None:
                    params["reason"] = Note(error.code, error.params)
                self._differ(result.render(), Note(result.code, params, "warning"))
                return
            self._field_agreed(spec, result.msisdn or "")
            return
        agreed = sold_as.field_value(self.first, spec)
        found = sold_as.compare_field(agreed, "".join(ch for ch in value if ch not in " -.\t"))
        if not found.matches:
            self._differ(found.render(), Note("capture.fields_differ",
                                              {"count": len(found.positions)}, "warning"))
            return
        self._field_agreed(spec, agreed)

    def _differ(self, marks: str, note: Note) -> None:
        """Two entries that differ: where, and the second asked again; nothing goes on."""
        self.compare = Marks(marks)
        self.note = note
        self.typed[Stage.SECOND] = ""

    def _field_agreed(self, spec: Field, value: str) -> None:
        self.values[spec.key] = value
        shown = shown_account(spec, value)
        self.compare = Note("capture.numbers_match" if spec.kind is FieldKind.PHONE
                            else "capture.fields_match", {"number": shown, "value": shown})
        self.note = None
        if self.index + 1 < len(self.fields):  # the next field of the product
            self.index += 1
            self.typed[Stage.FIRST] = ""
            self._go(Stage.FIRST)
            return
        if self.carrier_id is None:  # the number first: now its company
            self._go(Stage.CARRIER)
            self.to_detect = value
            return
        self._to_product()

    # --- the product and its amount ---

    def _amount_done(self, typed: str) -> None:
        product = self.product
        assert product is not None
        try:
            priced = product.priced(parse_money(typed))
        except SaleError as err:  # worded for what is sold: a bill's amount, not a top-up's
            self.note = Note(err.code, err.params, "warning", product.category)
            return
        self.product = priced
        self.note = None
        self._after_product()

    def _after_product(self) -> None:
        product = self.product
        assert product is not None
        fault = self.shelf.pool_short(product)
        if fault is not None:  # refused before anything is collected (R01, R14)
            self.note = Refused(fault)
            return
        account = self.account
        recent = [s for s in self.shelf.recent_same(account, product)
                  if self.sale is None or s.ref != self.sale.ref]
        if recent:
            self.duplicate = recent[-1]
            self.stage = Stage.DUPLICATE
            return
        self._ready()

    def _ready(self) -> None:
        self._before_ready = self.stage
        self.stage = Stage.READY

    def take_detection(self) -> str | None:
        """The number to ask the dealer about, once (None when there is none)."""
        number, self.to_detect = self.to_detect, None
        return number


def shown_account(spec: Field, value: str) -> str:
    """A number grouped 3-3-4, a reference in fours: as it is read aloud."""
    return phone.group(value) if spec.kind is FieldKind.PHONE else sold_as.group_reference(value)


class Till(Protocol):
    """The counter's side of a capture (``services/counter.py``)."""

    def start(self, msisdn: str, product: Product, *, fields: Mapping[str, str] | None = None,
              carrier: str = "", **data: Any) -> Sale: ...

    def correct(self, sale: Sale, msisdn: str, product: Product,
                fields: Mapping[str, str] | None = None, carrier: str = "") -> Sale: ...


def take(flow: Capture, till: Till, company: Callable[[str], str]) -> Sale:
    """Journal the sale the flow is ready with: captured the first time, corrected after
    (the reference stays); unchanged when nothing that is sold changed. SaleError when the
    notebook refuses it."""
    product = flow.product
    assert flow.stage is Stage.READY and product is not None
    account = flow.account
    carrier = company(product.carrier_id)
    if flow.sale is None:
        extra = {"carried_from": flow.carried_from.ref} if flow.carried_from else {}
        return till.start(account, product, fields=flow.extra, carrier=carrier, **extra)
    if (flow.sale.msisdn, flow.sale.sku, flow.sale.amount) != (
            account, product.sku, product.amount):
        return till.correct(flow.sale, account, product, flow.extra, carrier)
    return flow.sale


class CounterShelf:
    """The flow's :class:`Shelf` at the counter: the catalog and balances ``Health`` last read,
    the counter's checks (``services/counter.py``)."""

    def __init__(self, counter: Counter, health: Health) -> None:
        self.counter = counter
        self.health = health

    def catalog(self) -> Catalog | None:
        return self.health.catalog

    def pool_short(self, product: Product) -> Fault | None:
        return self.counter.pool_short(product, self.health.balance)

    def recent_same(self, account: str, product: Product) -> Sequence[Sale]:
        return self.counter.recent_same(account, product.amount, product.sku)


def new_capture(counter: Counter, health: Health, *, detects_carrier: bool,
                carried_from: Sale | None = None) -> Capture:
    """A new sale's capture at its first stage."""
    flow = Capture(CounterShelf(counter, health), detects_carrier=detects_carrier,
                   carried_from=carried_from)
    flow.start()
    return flow
