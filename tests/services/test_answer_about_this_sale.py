"""An answer counts only when it is about this sale (R16, R19): reference, number, product and
amount. An answer, a lookup record or a report line about another sale confirms nothing and
rejects nothing: the sale stays unknown, origin the dealer, what differed is journaled, and
the check goes on."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest
from lost_helpers import START, TELCEL_50, line, record, scripted
from msgspec.structs import replace

from recarga_tui.dealer import Confirmed, DealerClient, Rejected, Unknown
from recarga_tui.dealer.match import Named, Sent, differences
from recarga_tui.dealer.records import ErrorBody
from recarga_tui.domain.faults import Fault, Origin
from recarga_tui.domain.sale import State

REF, SKU, MSISDN, AMOUNT = "MOCK-1", "TEL-050", "5555550000", 5000
NOW = "2025-03-14T19:45:02.120-06:00"
LOST = Unknown("timeout", Origin.NETWORK, Fault(Origin.NETWORK, "dealer.unknown.timeout"))
FAILED = {"code": "INVALID_NUMBER", "class": "invalid", "origin": "consumer", "message": "x"}


def answer(**changes: Any) -> dict[str, Any]:
    base = {"topup_id": "T1", "client_ref": REF, "status": "success", "carrier_folio": "123",
            "dealer_folio": "D1", "amount": AMOUNT, "balance_after": 100, "created_at": NOW,
            "updated_at": NOW, "replayed": False, "sku": SKU, "msisdn": MSISDN}
    return base | changes


async def send(body: dict[str, Any]):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/sessions":
            return httpx.Response(201, json={"token": "tok", "expires_at": NOW,
                                             "shop": {"id": "S1", "name": "Tienda"}})
        return httpx.Response(200, json=body)

    async with DealerClient("http://dealer.test", terminal_id="DEMO-01",
                            transport=httpx.MockTransport(handler)) as dealer:
        await dealer.login("demo", "demo")
        return await dealer.send_topup(Sent(REF, MSISDN, SKU, AMOUNT))


OTHER_SALES = {
    "another number": {"msisdn": "2721234567"},
    "another product": {"sku": "TEL-100"},
    "twice the amount": {"amount": AMOUNT * 2},
    "another reference": {"client_ref": "MOCK-2"},
    "no number": {"msisdn": None},
    "no product": {"sku": None},
}


@pytest.mark.parametrize("status", ["success", "failed"])
@pytest.mark.parametrize("change", OTHER_SALES.values(), ids=OTHER_SALES.keys())
async def test_r16_an_answer_about_another_sale_neither_confirms_nor_rejects(change, status):
    body = answer(**change)
    if status == "failed":
        body |= {"status": "failed", "carrier_folio": None, "error": FAILED}
    outcome = await send(body)
    assert not isinstance(outcome, (Confirmed, Rejected))
    assert isinstance(outcome, Unknown) and outcome.reason == "mismatch"
    assert outcome.origin is Origin.DEALER
    assert outcome.details["mismatch"]


async def test_r16_the_answer_about_this_sale_still_counts():
    assert isinstance(await send(answer()), Confirmed)
    failed = await send(answer(status="failed", carrier_folio=None, error=FAILED))
    assert isinstance(failed, Rejected) and failed.fault.origin is Origin.CONSUMER


def test_the_rule_names_each_field_that_differs():
    sent = Sent("R", "5555550000", "TEL-050", 5000)
    assert differences(sent, Named("R", "5555550000", "TEL-050", 5000)) == ()
    assert differences(sent, Named("R", "2721234567", "TEL-100", 10000)) == (
        "msisdn", "sku", "amount")
    assert differences(sent, Named(None, None, None, None)) == ("ref", "msisdn", "sku", "amount")


async def test_r16_the_mismatch_is_journaled_with_the_unknown_outcome(tmp_path):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        dealer.outcomes.append(await send(answer(msisdn="2721234567")))
        sale = counter.pay(counter.accept(counter.start(MSISDN, TELCEL_50)), 5000)
        done = await counter.send(sale)
        assert done.state is State.UNKNOWN
        step = journal.get(sale.ref).last(State.UNKNOWN).data
        assert step["reason"] == "mismatch" and step["origin"] == "dealer"
        assert step["mismatch"] == ["msisdn"]
        assert step["dealer_named"]["msisdn"] == "2721234567"


LOOKUPS = {
    "another number": {"msisdn": "2721234567"},
    "another product": {"sku": "TEL-100"},
    "twice the amount": {"amount": 10000},
}


@pytest.mark.parametrize("status", ["success", "failed"])
@pytest.mark.parametrize("change", LOOKUPS.values(), ids=LOOKUPS.keys())
async def test_r19_a_lookup_record_of_another_sale_is_not_taken(tmp_path, change, status):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        dealer.outcomes.append(LOST)
        sale = counter.pay(counter.accept(counter.start("2727215380", TELCEL_50)), 5000)
        sale = await counter.send(sale)
        error = ErrorBody("CARRIER_REJECTED", "refused", Origin.CARRIER, "no")
        found = record(sale.ref, status, START, error if status == "failed" else None)
        dealer.records[sale.ref] = replace(found, **change)
        clock.advance(11 * 60)                    # past the window: absence is no proof
        after = await checker.check(sale)
        assert after.state is State.UNKNOWN
        assert [t.result for t in checker.tried(after) if t.check == "lookup"] == ["mismatch"]
        assert after.last(State.UNKNOWN).data["lookup"] == "mismatch"


@pytest.mark.parametrize("change", [{"msisdn": "2721234567"}, {"sku": "TEL-100"},
                                    {"amount": 10000}], ids=["number", "product", "amount"])
async def test_r19_a_report_line_of_another_sale_is_not_the_proof(tmp_path, change):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        dealer.outcomes.append(LOST)
        sale = counter.pay(counter.accept(counter.start("2727215380", TELCEL_50)), 5000)
        sale = await counter.send(sale)
        under_ours = line(sale.ref, START + timedelta(seconds=20))
        dealer.lines.append(replace(under_ours, **change))
        lost_ref = line("LOST-REF", START + timedelta(seconds=20))
        dealer.lines.append(replace(lost_ref, **change))
        clock.advance(60)
        after = await checker.check(sale)
        assert after.state is State.UNKNOWN
