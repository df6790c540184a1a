"""The simulated transact.asmx dealer: every operation read by the app's parsers, the test
numbers and scenarios through the service's shapes, credentials, repeated ids, the ledger of
the one world, and requests a hostile shop might send."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from datetime import UTC, datetime

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from live_sim import quiet_clock

from recarga_tui.dealer import DealerError, NotVisible, Pending, Rejected, Unknown
from recarga_tui.dealer.match import Sent
from recarga_tui.dealer.transact import (
    TransactConfirmed,
    build,
    parse_balance,
    parse_check,
    parse_dot,
    parse_request_id,
    parse_sku_list,
)
from recarga_tui.domain.faults import Certainty, Origin
from recarga_tui.sim import SimClock, faces
from recarga_tui.sim import catalog as carriers
from recarga_tui.sim.server import build_server
from recarga_tui.sim.transact import make_app
from recarga_tui.sim.transact.calls import BadCall, read_call

PATH = "/transact.asmx"
TIMEOUT = 1.0  # real seconds the shop waits for DoT here (40 s simulated at the fast clock)


class Shop:
    """What the port will do, in a few lines: the requests, the bytes, the parsers."""

    def __init__(self, app) -> None:
        self.app = app
        self.world = app.state.world
        self.http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                      base_url="http://dealer.sim")

    async def post(self, request: build.Request, timeout: float = 5.0) -> httpx.Response:
        return await asyncio.wait_for(
            self.http.post(PATH, content=request.body, headers=request.headers), timeout)

    async def request_id(self, user: str = "demo", password: str = "demo",
                         licence: str = "DEMO") -> str:
        answer = await self.post(build.get_request_id(user, password, licence))
        return parse_request_id(answer.content)

    async def sell(self, number: str, sku: str = "TEL-050", amount: int = 5000, *,
                   rid: str | None = None, user: str = "demo", timeout: float = TIMEOUT,
                   tick: float | None = 1.0):
        """DoT, and its outcome; "timeout" or "dropped" when no answer came. On a frozen
        clock, ``tick`` simulated seconds pass every few real milliseconds while the shop
        waits (None: the clock stays where it is)."""
        rid = rid or await self.request_id()
        sent = Sent(f"DEMO-01-{rid}", number, sku, amount)
        call = asyncio.ensure_future(self.post(build.do_t(rid, user, sku, number, amount),
                                               timeout))
        while tick and not call.done():
            await asyncio.sleep(0.002)
            self.advance(tick)
        try:
            answer = await call
        except TimeoutError:
            return rid, sent, "timeout"
        except Exception:  # in-process, a dropped connection is the app's exception
            return rid, sent, "dropped"
        return rid, sent, parse_dot(answer.content, sent, request_id=rid, at=self.now())

    async def check(self, rid: str, sent: Sent, user: str = "demo"):
        answer = await self.post(build.check_transaction(rid, user))
        return parse_check(answer.content, sent, request_id=rid, at=self.now())

    def now(self) -> datetime:
        return self.world.now().astimezone(UTC)

    def advance(self, seconds: float) -> None:
        self.world.clock.advance(seconds)


@pytest.fixture
async def shop():
    """A dealer whose clock moves only when the test (or ``Shop.sell``) moves it."""
    shop = Shop(make_app(seed=7, scenario="normal", clock=SimClock.frozen_at(10)))
    yield shop
    await shop.http.aclose()


# --- every operation, read by the app's own parsers ---------------------------------------------


async def test_every_operation_is_read_by_the_apps_parsers(shop):
    rid = await shop.request_id()
    assert rid.isdigit() and len(rid) == 10
    before = parse_balance((await shop.post(build.get_balance("demo", "demo"))).content)
    assert before == shop.world.balance
    _, sent, outcome = await shop.sell("5555550000", rid=rid)
    assert isinstance(outcome, TransactConfirmed)
    assert outcome.request_id == rid and outcome.carrier_folio
    assert "Numero: 5555550000" in outcome.ticket
    looked = await shop.check(rid, sent)
    assert isinstance(looked, TransactConfirmed)
    assert (looked.carrier_folio, looked.dealer_folio) == (outcome.carrier_folio,
                                                           outcome.dealer_folio)
    after = parse_balance((await shop.post(build.get_balance("demo", "demo"))).content)
    assert before - after == 5000


async def test_the_catalog_holds_top_ups_bundles_and_bills(shop):
    products = parse_sku_list((await shop.post(build.get_sku_list("demo", "demo"))).content)
    assert products.dropped == 0
    by_sku = {p.sku: p for p in products.products}
    for product in carriers.products():
        assert by_sku[product["sku"]].amount == product["amount"]
        assert by_sku[product["sku"]].service_type == 1
    assert by_sku["PAQ-TEL-030"].amount == 3000 and by_sku["PAQ-TEL-030"].service_type == 2
    bills = [p for p in products.products if p.service_type == 3]
    assert len(bills) >= 2 and all(p.amount is None and p.regex for p in bills)
    assert {p.name for p in products.products} >= {"TELCEL", "MOVISTAR", "ATT", "CFE"}
    for product in products.products:  # everything listed can be sold
        assert shop.world.product(product.sku) is not None


async def test_a_data_bundle_and_a_bill_are_sold_like_top_ups(shop):
    _, _, bundle = await shop.sell("5555550000", "PAQ-TEL-030", 3000)
    assert isinstance(bundle, TransactConfirmed)
    _, _, bill = await shop.sell("5555550010", "SRV-TELMEX", 35050)
    assert isinstance(bill, TransactConfirmed)
    assert bill.ticket[0] == "PAGO DE SERVICIO"
    assert [(e["sku"], e["amount"]) for e in shop.world.ledger] == [
        ("PAQ-TEL-030", 3000), ("SRV-TELMEX", 35050)]
    _, _, wrong_reference = await shop.sell("12345", "SRV-CFE", 50000)
    assert isinstance(wrong_reference, Rejected)
    assert wrong_reference.fault.origin is Origin.CONSUMER
    _, _, too_much = await shop.sell("5555550010", "SRV-TELMEX", 10_000_01)
    assert isinstance(too_much, Rejected) and too_much.fault.origin is Origin.SHOP
    _, _, not_sold = await shop.sell("5555550000", "NO-SUCH", 5000)
    assert isinstance(not_sold, Rejected)
    assert not_sold.fault.code == "dealer.code.unknown_sku"
    _, _, wrong_amount = await shop.sell("5555550000", "TEL-050", 4000)
    assert isinstance(wrong_amount, Rejected)
    assert wrong_amount.fault.code == "dealer.code.amount_mismatch"


# --- the test numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize("number, origin, key, error_class", [
    ("5555550001", Origin.CONSUMER, "dealer.code.invalid_number", "invalid"),
    ("5555550002", Origin.CARRIER, "dealer.code.carrier_down", "transient"),
    ("5555550006", Origin.CARRIER, "dealer.code.recent_topup", "refused"),
    ("5555550007", Origin.CARRIER, "dealer.code.carrier_rejected", "refused"),
])
async def test_r01_the_failing_test_numbers_are_definite_refusals_with_their_origin(
        shop, number, origin, key, error_class):
    balance = shop.world.balance
    rid, sent, outcome = await shop.sell(number)
    assert isinstance(outcome, Rejected)
    assert (outcome.fault.origin, outcome.fault.code, outcome.error_class) == (
        origin, key, error_class)
    assert outcome.fault.certainty is Certainty.DEFINITE
    shop.advance(600)
    assert shop.world.balance == balance and shop.world.ledger == []
    assert isinstance(await shop.check(rid, sent), Rejected)


async def test_the_shops_balance_refuses_with_the_published_words(shop):
    await shop.http.post("/sim/balance", json={"available": 100})
    _, _, outcome = await shop.sell("5555550000")
    assert isinstance(outcome, Rejected) and outcome.fault.origin is Origin.SHOP
    assert outcome.fault.code == "dealer.code.insufficient_balance"
    assert outcome.fault.params["dealer_message"] == "Sin Saldo $1.00"


async def test_a_slow_success_answers_after_about_40_simulated_seconds(shop):
    started = shop.world.now()
    _, _, outcome = await shop.sell("5555550003", timeout=5.0)
    assert isinstance(outcome, TransactConfirmed)
    assert (shop.world.now() - started).total_seconds() >= 40


async def test_r16_a_hanging_answer_is_delivered_and_shows_after_the_reflection_delay(shop):
    rid, sent, outcome = await shop.sell("5555550004", timeout=0.3, tick=None)
    assert outcome == "timeout"
    assert isinstance(await shop.check(rid, sent), NotVisible)  # not reflected yet (R19)
    shop.advance(600)
    found = await shop.check(rid, sent)
    assert isinstance(found, TransactConfirmed)
    assert [e["client_ref"] for e in shop.world.ledger] == [rid]


async def test_r16_a_dropped_answer_was_a_sale_the_lookup_shows_later(shop):
    rid, sent, outcome = await shop.sell("5555550005")
    assert outcome == "dropped"
    assert isinstance(await shop.check(rid, sent), NotVisible)
    shop.advance(600)
    assert isinstance(await shop.check(rid, sent), TransactConfirmed)
    assert len(shop.world.ledger) == 1


async def test_rcode_2_for_minutes_until_the_carrier_settles(shop):
    rid, sent, outcome = await shop.sell("5555550008")
    assert isinstance(outcome, Pending)
    shop.advance(60)
    assert isinstance(await shop.check(rid, sent), Pending)
    shop.advance(60)
    assert isinstance(await shop.check(rid, sent), TransactConfirmed)


async def test_r19_a_lost_request_is_never_found_and_goes_again_under_its_id(shop):
    await shop.http.post("/sim/lose", json={"count": 1})
    rid, sent, outcome = await shop.sell("5555550000", timeout=0.3, tick=None)
    assert outcome == "timeout"
    shop.advance(601)
    assert isinstance(await shop.check(rid, sent), NotVisible)
    assert shop.world.ledger == []
    _, _, again = await shop.sell("5555550000", rid=rid)
    assert isinstance(again, TransactConfirmed)
    assert len(shop.world.ledger) == 1


# --- the scenarios ------------------------------------------------------------------------------


async def test_r15_the_peak_is_slower_than_a_quiet_hour():
    async def mean_wait(scenario: str) -> float:
        shop = Shop(make_app(seed=3, scenario=scenario, clock=SimClock.frozen_at(10)))
        waits = []
        for n in range(12):
            rid = await shop.request_id()
            started = shop.world.now()
            await shop.sell(f"27272153{n:02d}", rid=rid, timeout=0.3, tick=0.25)
            waits.append((shop.world.now() - started).total_seconds())
        await shop.http.aclose()
        return sum(waits) / len(waits)

    assert await mean_wait("peak") > 3 * await mean_wait("normal")


async def test_an_outage_refuses_telcel_as_the_carriers_and_sells_bait():
    shop = Shop(make_app(seed=1, scenario="outage", clock=quiet_clock()))
    _, _, telcel = await shop.sell("2727215380")
    assert isinstance(telcel, Rejected) and telcel.fault.code == "dealer.code.carrier_down"
    assert telcel.may_retry
    await shop.http.aclose()


async def test_r16_r19_chaos_every_sale_ends_found_or_refused_and_none_twice():
    shop = Shop(make_app(seed=5, scenario="chaos", clock=SimClock.at(10, scale=2000)))
    sales = [await shop.sell(f"272721{n:04d}", timeout=0.2) for n in range(25)]
    shop.advance(600)
    confirmed = set()
    for rid, sent, first in sales:
        final = first
        if not isinstance(first, (TransactConfirmed, Rejected)):
            final = await shop.check(rid, sent)
        if isinstance(final, Pending):
            shop.advance(300)
            final = await shop.check(rid, sent)
        assert isinstance(final, (TransactConfirmed, Rejected, NotVisible)), (first, final)
        if isinstance(final, TransactConfirmed):
            confirmed.add(rid)
    ledger = [e["client_ref"] for e in shop.world.ledger]
    assert len(ledger) == len(set(ledger)) and set(ledger) == confirmed
    await shop.http.aclose()


# --- credentials and ids ------------------------------------------------------------------------


@pytest.mark.parametrize("user, password, licence", [
    ("demo", "nope", "DEMO"), ("nadie", "demo", "DEMO"), ("demo", "nope", ""),
    ("demo", "demo", "OTRA"), ("demo<&>", "demo", "DEMO")])
async def test_bad_credentials_get_no_request_id(shop, user, password, licence):
    with pytest.raises(DealerError) as caught:
        await shop.request_id(user, password, licence)
    assert caught.value.dealer_code == "NO_REQUEST_ID"


async def test_an_empty_licence_gets_an_id_unless_the_deployment_wants_one(shop):
    assert await shop.request_id(licence="") == "3200000001"  # as RecargasTae and zeep meet it
    switched = await shop.http.post("/sim/licence", json={"required": True})
    assert switched.json() == {"required": True}
    with pytest.raises(DealerError) as caught:
        await shop.request_id(licence="")
    assert caught.value.dealer_code == "NO_REQUEST_ID"
    assert await shop.request_id(licence="DEMO") == "3200000002"
    assert (await shop.http.post("/sim/licence", json={"required": "sí"})).status_code == 400


async def test_bad_credentials_get_no_balance_nor_catalog(shop):
    for request in (build.get_balance("demo", "x"), build.get_sku_list("x", "demo")):
        answer = await shop.post(request)
        with pytest.raises(DealerError) as caught:
            (parse_balance if request.operation == "GetBalance" else parse_sku_list)(
                answer.content)
        assert caught.value.dealer_code == "EMPTY_RESULT"


async def test_an_id_never_handed_out_sells_nothing(shop):
    rid, sent, outcome = await shop.sell("5555550000", rid="9999999999")
    assert isinstance(outcome, Unknown)  # rcode 8 on a DoT: never a refusal (rcodes.py)
    assert isinstance(await shop.check(rid, sent), NotVisible)
    assert shop.world.ledger == []


async def test_another_users_id_sells_nothing(shop):
    rid = await shop.request_id()
    _, sent, outcome = await shop.sell("5555550000", rid=rid, user="otro")
    assert isinstance(outcome, Unknown)
    assert isinstance(await shop.check(rid, sent, user="otro"), Unknown)
    assert shop.world.ledger == []


async def test_a_repeated_request_id_never_tops_up_twice(shop):
    rid = await shop.request_id()
    results = await asyncio.gather(*(shop.sell("5555550000", rid=rid) for _ in range(20)))
    # a repeat that comes while the first is with the carrier sees it in progress
    assert all(isinstance(outcome, (TransactConfirmed, Pending)) for _, _, outcome in results)
    folios = {outcome.carrier_folio for _, _, outcome in results
              if isinstance(outcome, TransactConfirmed)}
    assert len(folios) <= 1 and len(shop.world.ledger) == 1
    _, _, later = await shop.sell("5555550000", rid=rid)
    assert isinstance(later, TransactConfirmed)
    # six digits, as the published answers write it: the last six of the world's folio
    assert later.carrier_folio == shop.world.ledger[0]["carrier_folio"][-6:]
    _, _, other = await shop.sell("5555550009", rid=rid)  # the same id for another number
    assert isinstance(other, Unknown)
    assert len(shop.world.ledger) == 1


async def test_a_failure_that_may_pass_goes_again_under_the_same_id(shop):
    await shop.http.post("/sim/carriers", json={"carrier_id": "telcel", "status": "down"})
    rid, _, first = await shop.sell("2727215380")
    assert isinstance(first, Rejected) and first.may_retry
    await shop.http.post("/sim/carriers", json={"carrier_id": "telcel", "status": None})
    _, _, again = await shop.sell("2727215380", rid=rid)
    assert isinstance(again, TransactConfirmed)
    assert [e["client_ref"] for e in shop.world.ledger] == [rid]


# --- one world ----------------------------------------------------------------------------------


async def test_the_ledger_and_the_controls_are_the_worlds(shop):
    await shop.sell("5555550000")
    assert (await shop.http.get("/sim/ledger")).json() == shop.world.ledger
    clock = (await shop.http.post("/sim/clock", json={"advance_minutes": 5})).json()
    assert clock["scenario"] == "normal"
    assert (await shop.http.post("/sim/scenario", json={"scenario": "peak"})).json() == {
        "scenario": "peak"}
    assert shop.world.scenario == "peak"
    bad = await shop.http.post("/sim/scenario", json={"scenario": "nope"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "BAD_REQUEST"


def test_the_face_is_registered_and_served():
    app = faces.make("transact", seed=2, scenario="chaos", time_scale=50.0, balance=1234)
    assert app.state.world.scenario == "chaos" and app.state.world.balance == 1234
    assert "transact" in faces.names()
    server = build_server(port=0, dealer="transact")
    assert server.config.app.state.request_ids is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_r16_over_a_socket_a_dropped_answer_is_a_cut_connection():
    port = _free_port()
    server = build_server(port=port, dealer="transact", time_scale=1000.0, log_level="critical")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=5) as http:
            rid = parse_request_id((await http.post(
                PATH, content=(r := build.get_request_id("demo", "demo", "DEMO")).body,
                headers=r.headers)).content)
            request = build.do_t(rid, "demo", "TEL-050", "5555550005", 5000)
            with pytest.raises(httpx.HTTPError):
                await http.post(PATH, content=request.body, headers=request.headers)
            world = server.config.app.state.world
            world.clock.advance(600)
            lookup = build.check_transaction(rid, "demo")
            answer = await http.post(PATH, content=lookup.body, headers=lookup.headers)
            sent = Sent("DEMO-01-x", "5555550005", "TEL-050", 5000)
            assert isinstance(parse_check(answer.content, sent, request_id=rid,
                                          at=datetime.now(UTC)), TransactConfirmed)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


# --- what the service takes ---------------------------------------------------------------------


async def test_the_soap_action_must_agree_with_the_body(shop):
    request = build.get_request_id("demo", "demo", "DEMO")
    for action in ('"http://tempuri.org/GetTRequestID"', "http://tempuri.org/GetTRequestID",
                   '""'):
        answer = await shop.http.post(PATH, content=request.body,
                                      headers={**request.headers, "SOAPAction": action})
        assert parse_request_id(answer.content)
    bare = await shop.http.post(PATH, content=request.body,
                                headers={"Content-Type": "text/xml; charset=utf-8"})
    assert parse_request_id(bare.content)
    wrong = await shop.http.post(PATH, content=request.body,
                                 headers={**request.headers,
                                          "SOAPAction": '"http://tempuri.org/DoT"'})
    assert wrong.status_code == 500 and b"soap:Client" in wrong.content
    with pytest.raises(DealerError):
        parse_request_id(wrong.content)


XXE_CALL = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">'
            b'<soap:Body><GetTRequestID xmlns="http://tempuri.org/"><username>&e;</username>'
            b'<password>demo</password><licence>DEMO</licence></GetTRequestID></soap:Body>'
            b'</soap:Envelope>')


@pytest.mark.parametrize("body", [
    XXE_CALL, b"", b"not xml", b"<a>" * 10_000,
    build.get_balance("demo", "demo").body.replace(b"GetBalance", b"DeleteAll"),
    build.get_balance("demo", "demo").body.replace(b"http://tempuri.org/", b"urn:x"),
    b" " * (64 * 1024 + 1),
])
async def test_a_request_the_service_cannot_read_is_a_client_fault(shop, body):
    answer = await shop.http.post(PATH, content=body, headers={"Content-Type": "text/xml"})
    assert answer.status_code == 500 and b"soap:Client" in answer.content
    assert b"root:" not in answer.content
    sent = Sent("r", "5555550000", "TEL-050", 5000)
    outcome = parse_dot(answer.content, sent, request_id="1", at=datetime.now(UTC))
    assert isinstance(outcome, Unknown) and outcome.reason == "server_error"


async def test_a_monto_that_is_not_an_amount_is_a_client_fault(shop):
    rid = await shop.request_id()
    body = build.do_t(rid, "demo", "TEL-050", "5555550000", 5000).body.replace(
        b"<monto>50.00</monto>", b"<monto>cincuenta</monto>")
    answer = await shop.http.post(PATH, content=body, headers={"Content-Type": "text/xml"})
    assert answer.status_code == 500 and shop.world.ledger == []


async def test_only_post_reaches_the_service(shop):
    assert (await shop.http.put(PATH, content=b"<x/>")).status_code == 405
    page = await shop.http.get(PATH)  # ASMX's help page, naming the service description
    assert page.status_code == 200 and b"transact.asmx?WSDL" in page.content
    assert shop.world.topups == {} and len(shop.app.state.request_ids) == 0


XML_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"),
                                 blacklist_characters="\ufffe\uffff"), max_size=60)


@settings(max_examples=200, deadline=None)
@given(username=XML_TEXT, password=XML_TEXT, sku=XML_TEXT, account=XML_TEXT,
       amount=st.integers(1, 100_000_00))
def test_the_dealer_reads_back_exactly_what_the_app_wrote(username, password, sku, account,
                                                          amount):
    call = read_call(build.get_request_id(username, password, "DEMO").body,
                     '"http://tempuri.org/GetTRequestID"')
    assert call.fields == {"username": username, "password": password, "licence": "DEMO"}
    call = read_call(build.do_t("3200000001", username, sku, account, amount).body, None)
    assert (call.get("username"), call.get("skuCode"), call.get("op_account")) == (
        username, sku, account)
    with pytest.raises(BadCall):
        read_call(build.do_t("3200000001", username, sku, account, amount).body,
                  "http://tempuri.org/GetBalance")
