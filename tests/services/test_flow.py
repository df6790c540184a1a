"""The capture's stages as a pure flow (services/flow.py), without an App: every dealer kind's
capture is a walk through these moves, and the screen only draws where the flow is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from recarga_tui.dealer.records import Carrier, Catalog
from recarga_tui.dealer.records import Product as Listed
from recarga_tui.domain.catalog import Category, Field, FieldKind, Product
from recarga_tui.domain.faults import Fault, Origin
from recarga_tui.domain.sale import Sale, SaleError
from recarga_tui.services.flow import (
    PICK_KEYS,
    Capture,
    Marks,
    Note,
    Refused,
    Stage,
    take,
)

TZ = timezone(timedelta(hours=-6))
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=TZ)
REFERENCE = Field("referencia", "Número de servicio", FieldKind.REFERENCE, 12, 12)
CONTRACT = Field("contrato", "Contrato", FieldKind.TEXT, 4, 6, confirm=False)
TELCEL = Carrier("telcel", "Telcel", "up")
MOVISTAR = Carrier("movistar", "Movistar", "up")
UNEFON = Carrier("unefon", "Unefon", "down")
CFE = Carrier("cfe", "CFE", "up")
TELMEX = Carrier("telmex", "Telmex", "up")
AIRTIME = tuple(Listed(f"TEL{p}", "telcel", p * 100, f"Telcel ${p}") for p in (20, 50, 100))
MOVI = (Listed("MOV50", "movistar", 5000, "Movistar $50"),
        Listed("MOVOPEN", "movistar", 0, "Movistar abierto", max_amount=50_000,
               min_amount=1_000))
BUNDLE = (Listed("TELPAQ", "telcel", 10_000, "Paquete", Category.BUNDLE, "Amigo", "30 días"),)
BILLS = (Listed("CFE", "cfe", 0, "Pago CFE", Category.BILL, "CFE", fields=(REFERENCE,),
                min_amount=100, max_amount=1_000_000),
         Listed("TELMEX", "telmex", 0, "Telmex", Category.BILL, fields=(REFERENCE, CONTRACT),
                min_amount=100, max_amount=1_000_000),
         Listed("TELMEX2", "telmex", 0, "Telmex 2", Category.BILL, fields=(REFERENCE, CONTRACT),
                min_amount=100, max_amount=1_000_000))
WHOLE = Catalog((TELCEL, MOVISTAR, UNEFON, CFE, TELMEX), (*AIRTIME, *MOVI, *BUNDLE, *BILLS))
ONLY_AIRTIME = Catalog((TELCEL, MOVISTAR), (*AIRTIME, MOVI[0]))


def sale(ref: str, msisdn: str, product: Product) -> Sale:
    return Sale.capture(ref, msisdn, product.carrier_id, product.sku, product.amount, NOW)


@dataclass
class Shelf:
    """The flow's view of the shop, held by the test."""

    listed: Catalog | None = WHOLE
    short: Fault | None = None
    recent: list[Sale] = field(default_factory=list)
    asked: list[tuple[str, str]] = field(default_factory=list)

    def catalog(self) -> Catalog | None:
        return self.listed

    def pool_short(self, product: Product) -> Fault | None:
        return self.short

    def recent_same(self, account: str, product: Product) -> Sequence[Sale]:
        self.asked.append((account, product.sku))
        return self.recent


def started(shelf: Shelf | None = None, **kwargs: Any) -> Capture:
    flow = Capture(shelf or Shelf(), **kwargs)
    flow.start()
    return flow


def typed(flow: Capture, text: str) -> None:
    """The entry of the stage the flow is at, typed, then Enter."""
    flow.type(flow.stage, text)
    flow.enter()


def picked(flow: Capture, *digits: str) -> None:
    for digit in digits:
        flow.pick(PICK_KEYS.index(digit))


def test_r03_airtime_goes_category_company_number_twice_amount_then_ready():
    flow = started()
    assert flow.stage is Stage.CATEGORY
    assert [c.item for c in flow.choices()] == [Category.AIRTIME, Category.BUNDLE, Category.BILL]
    picked(flow, "1")
    assert flow.stage is Stage.CARRIER
    assert [c.item.name for c in flow.choices()] == ["Telcel", "Movistar"]  # airtime's own
    picked(flow, "1")
    assert (flow.stage, flow.carrier_id) == (Stage.FIRST, "telcel")
    typed(flow, "272 721 5380")
    assert flow.stage is Stage.SECOND and flow.note == Note("capture.ask_second")
    typed(flow, "2727215380")
    assert flow.stage is Stage.PRODUCT
    assert flow.compare == Note("capture.numbers_match",
                                {"number": "272 721 5380", "value": "272 721 5380"})
    picked(flow, "2")
    assert flow.stage is Stage.READY
    assert (flow.account, flow.product.sku, flow.extra) == ("2727215380", "TEL50", {})


def test_r03_two_entries_that_differ_show_where_and_ask_the_second_again():
    flow = started()
    picked(flow, "1", "1")
    typed(flow, "2727215380")
    typed(flow, "2727215830")
    assert flow.stage is Stage.SECOND
    assert isinstance(flow.compare, Marks) and "^^" in flow.compare.text
    assert flow.note == Note("phone.compare.differ_many", {"count": 2}, "warning")
    assert flow.typed[Stage.SECOND] == ""  # asked again, from nothing
    typed(flow, "2727215380")
    assert flow.stage is Stage.PRODUCT


def test_r03_a_number_that_is_no_number_stays_on_its_entry_with_why():
    flow = started()
    picked(flow, "1", "1")
    typed(flow, "27272")
    assert flow.stage is Stage.FIRST
    assert isinstance(flow.note, Note) and flow.note.level == "warning"
    assert flow.note.key.startswith("phone.")


def test_r04_a_catalog_of_one_category_skips_the_choice():
    flow = started(Shelf(ONLY_AIRTIME))
    assert (flow.stage, flow.category) == (Stage.CARRIER, Category.AIRTIME)
    assert not flow.can_change(Stage.CATEGORY)  # F2 not offered: there is nothing to change


def test_without_a_catalog_nothing_is_offered_to_pick():
    flow = started(Shelf(None))
    assert flow.stage is Stage.CATEGORY and flow.choices() == []
    picked(flow, "1")
    assert flow.note == Note("capture.no_such_choice", level="warning")


def test_r01_a_company_the_dealer_says_is_down_is_refused_with_its_name():
    flow = started()
    picked(flow, "1")
    flow.category = Category.AIRTIME
    flow.stage = Stage.CARRIER
    shelf_catalog = Catalog((TELCEL, UNEFON), (AIRTIME[0], Listed("UNE", "unefon", 1000, "U")))
    flow.shelf = Shelf(shelf_catalog)
    assert [c.down for c in flow.choices()] == [False, True]
    picked(flow, "2")
    assert flow.stage is Stage.CARRIER
    assert flow.note == Note("capture.carrier_is_down", {"carrier": "Unefon"}, "warning")


def test_r03_a_bill_asks_its_reference_twice_by_position_then_the_amount_in_its_limits():
    flow = started()
    picked(flow, "3")                                       # bill payments
    assert flow.bill and [c.item.name for c in flow.choices()] == ["CFE", "Telmex"]
    picked(flow, "1")                                       # CFE: one product, taken at once
    assert flow.spec == REFERENCE and flow.stage is Stage.FIRST
    typed(flow, "5555 5500 0000")
    assert flow.note == Note("capture.ask_second_field")
    typed(flow, "555555000001")
    assert isinstance(flow.compare, Marks)
    assert flow.note == Note("capture.fields_differ", {"count": 1}, "warning")
    typed(flow, "555555000000")
    assert flow.stage is Stage.AMOUNT and flow.amount_shown
    typed(flow, "0.50")                                     # below its limits: worded for a bill
    assert isinstance(flow.note, Note) and flow.note.category is Category.BILL
    assert flow.stage is Stage.AMOUNT
    typed(flow, "450.50")
    assert flow.stage is Stage.READY
    assert (flow.account, flow.product.amount) == ("555555000000", 45_050)


def test_r03_every_field_of_a_product_in_turn_and_one_not_confirmed_is_typed_once():
    flow = started()
    picked(flow, "3", "2")                                  # Telmex: two products, two fields
    typed(flow, "555555000000")
    typed(flow, "555555000000")
    assert (flow.stage, flow.index, flow.spec) == (Stage.FIRST, 1, CONTRACT)
    assert flow.typed[Stage.FIRST] == ""                    # the next field from nothing
    typed(flow, "AB12")                                     # not confirmed: once
    assert flow.stage is Stage.PRODUCT
    assert flow.compare == Note("capture.fields_match", {"number": "AB12", "value": "AB12"})
    picked(flow, "1")
    typed(flow, "100")
    assert flow.stage is Stage.READY
    assert (flow.account, flow.extra) == ("555555000000", {"contrato": "AB12"})


def test_r04_an_open_amount_of_airtime_is_typed_after_its_product():
    flow = started()
    picked(flow, "1", "2")                                  # Movistar
    typed(flow, "5555550000")
    typed(flow, "5555550000")
    picked(flow, "2")                                       # the open amount
    assert flow.stage is Stage.AMOUNT
    typed(flow, "75")
    assert flow.stage is Stage.READY and flow.product.amount == 7_500


def test_r01_a_pool_that_cannot_cover_the_sale_is_refused_before_any_money():
    fault = Fault(Origin.SHOP, "catalog.pool_short")
    flow = started(Shelf(short=fault))
    picked(flow, "1", "1")
    typed(flow, "5555550000")
    typed(flow, "5555550000")
    picked(flow, "2")
    assert flow.stage is Stage.PRODUCT and flow.note == Refused(fault)


def test_r03_the_same_sale_a_few_minutes_ago_is_pointed_out_and_enter_goes_on():
    earlier = sale("T-1", "5555550000", AIRTIME[1].for_sale())
    shelf = Shelf(recent=[earlier])
    flow = started(shelf)
    picked(flow, "1", "1")
    typed(flow, "5555550000")
    typed(flow, "5555550000")
    picked(flow, "2")
    assert (flow.stage, flow.duplicate) == (Stage.DUPLICATE, earlier)
    assert shelf.asked == [("5555550000", "TEL50")]
    flow.enter()
    assert flow.stage is Stage.READY


def test_r03_the_sale_being_corrected_is_not_its_own_repeat():
    shelf = Shelf()
    flow = started(shelf)
    picked(flow, "1", "1")
    typed(flow, "5555550000")
    typed(flow, "5555550000")
    picked(flow, "2")
    own = sale("T-1", "5555550000", flow.product)
    flow.taken(own)
    shelf.recent = [own]
    picked(flow, "2")
    assert flow.stage is Stage.READY


def test_r04_a_dealer_that_detects_the_company_asks_the_number_first():
    flow = started(detects_carrier=True)
    picked(flow, "1")
    assert flow.stage is Stage.FIRST and flow.carrier_id is None
    assert flow.can_change(Stage.FIRST)                     # F4: the number again
    typed(flow, "5512340007")
    typed(flow, "5512340007")
    assert flow.stage is Stage.CARRIER
    assert flow.take_detection() == "5512340007" and flow.take_detection() is None
    assert [c.item.name for c in flow.choices()] == ["Telcel", "Movistar"]
    assert not flow.detected_as("5500000000", "movistar")   # another number's answer
    assert flow.detected_as("5512340007", "movistar")
    listed = flow.choices()
    assert [(c.item.name, c.detected) for c in listed] == [("Movistar", True),
                                                           ("Telcel", False)]
    picked(flow, "2")                                       # the cashier chooses another
    assert (flow.stage, flow.carrier_id) == (Stage.PRODUCT, "telcel")  # the number kept
    picked(flow, "1")
    assert flow.stage is Stage.READY and flow.account == "5512340007"


def test_r04_a_late_detection_changes_nothing_once_the_company_is_chosen():
    flow = started(detects_carrier=True)
    picked(flow, "1")
    typed(flow, "5512340007")
    typed(flow, "5512340007")
    picked(flow, "1")
    assert not flow.detected_as("5512340007", "movistar")
    assert flow.carrier_id == "telcel"


def test_r04_a_bill_is_never_asked_number_first():
    flow = started(detects_carrier=True)
    picked(flow, "3")
    assert flow.stage is Stage.CARRIER and not flow.number_first


def test_the_keys_to_go_back_act_only_where_they_lead_somewhere():
    flow = started()
    assert not any(flow.can_change(s) for s in (Stage.CATEGORY, Stage.CARRIER, Stage.FIRST))
    assert flow.can_pick()
    picked(flow, "1")
    assert flow.can_change(Stage.CATEGORY) and flow.can_change(Stage.CARRIER)
    assert not flow.can_change(Stage.FIRST)                 # no company yet: no number
    picked(flow, "1")
    assert flow.can_change(Stage.FIRST) and not flow.can_pick()


def test_r03_f4_types_the_number_again_from_nothing_and_f3_another_company():
    flow = started()
    picked(flow, "1", "1")
    typed(flow, "5555550000")
    typed(flow, "5555550000")
    flow.change(Stage.FIRST)
    assert (flow.stage, flow.typed[Stage.FIRST], flow.values, flow.compare) == (
        Stage.FIRST, "", {}, None)
    flow.change(Stage.CARRIER)
    assert (flow.stage, flow.carrier_id, flow.product) == (Stage.CARRIER, None, None)
    flow.change(Stage.CATEGORY)
    assert (flow.stage, flow.category) == (Stage.CATEGORY, None)


@dataclass
class Till:
    """The counter's side, as a test sees it: what it was asked to journal."""

    calls: list[tuple[str, Any]] = field(default_factory=list)
    refuse: bool = False

    def start(self, msisdn: str, product: Product, *, fields: Any = None, carrier: str = "",
              **data: Any) -> Sale:
        if self.refuse:
            raise SaleError("journal.disk_full")
        self.calls.append(("start", (msisdn, product.sku, carrier, data)))
        return sale("T-1", msisdn, product)

    def correct(self, old: Sale, msisdn: str, product: Product, fields: Any = None,
                carrier: str = "") -> Sale:
        self.calls.append(("correct", (old.ref, msisdn, product.sku)))
        return sale(old.ref, msisdn, product)


def ready(flow: Capture, amount: str = "2") -> Capture:
    picked(flow, "1", "1")
    typed(flow, "5555550000")
    typed(flow, "5555550000")
    picked(flow, amount)
    assert flow.stage is Stage.READY
    return flow


def test_r03_the_sale_is_journaled_once_and_corrected_under_its_reference():
    till = Till()
    carried = sale("T-0", "5555550000", AIRTIME[1].for_sale())
    flow = ready(started(carried_from=carried))
    first = take(flow, till, lambda carrier: carrier.title())
    flow.taken(first)
    assert flow.stage is Stage.PRODUCT                      # where a correction comes back
    assert till.calls == [("start", ("5555550000", "TEL50", "Telcel",
                                     {"carried_from": "T-0"}))]
    picked(flow, "2")                                       # the same again: nothing new
    assert take(flow, till, str) is first and len(till.calls) == 1
    flow.taken(first)
    picked(flow, "3")                                       # another amount: corrected
    take(flow, till, str)
    assert till.calls[-1] == ("correct", ("T-1", "5555550000", "TEL100"))


def test_r03_a_sale_the_notebook_refuses_stays_in_capture_with_why():
    flow = ready(started())
    with pytest.raises(SaleError) as refused:
        take(flow, Till(refuse=True), str)
    flow.refused(refused.value)
    assert flow.stage is Stage.PRODUCT and flow.note == Refused(refused.value)
    assert flow.sale is None


def test_r03_a_sale_paid_from_a_rejected_one_starts_at_the_category():
    rejected = sale("T-0", "5555550000", AIRTIME[1].for_sale())
    flow = started(carried_from=rejected)
    assert flow.stage is Stage.CATEGORY and flow.carried_from is rejected
