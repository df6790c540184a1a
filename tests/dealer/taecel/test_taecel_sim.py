"""The simulator's Taecel face, read with the Taecel decoder: they must agree.

Every operation, each published test number, the world's failures in Taecel's shapes (slow
hours, answers lost after the charge, requests that hang, sales in progress, the sales report
minutes late, 3128 within 10 minutes), bad credentials, and the ledger shared with the world.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from recarga_tui.dealer import Confirmed, Pending, Rejected, Unknown
from recarga_tui.dealer.taecel import (
    MEXICO_CITY,
    PAQUETES,
    SERVICIOS,
    TAE,
    Accepted,
    Catalog,
    RecentTopup,
    api,
    classify_request,
    classify_status,
    read_balance,
    read_products,
    read_sales,
)
from recarga_tui.domain.faults import Origin
from recarga_tui.sim import SimClock, faces
from recarga_tui.sim.taecel import ACCOUNT, make_app
from recarga_tui.sim.taecel.app import STATUS_HOLD_SECONDS

KEY, NIP = "demo", "1234"
FAST = 1000.0  # simulated seconds per real second


def fast_app(scenario: str = "normal", hour: int = 10, **options: Any):
    return make_app(seed=3, scenario=scenario, clock=SimClock.at(hour, scale=FAST), **options)


@pytest.fixture
def app():
    return fast_app()


@pytest.fixture
def world(app):
    return app.state.world


@pytest.fixture
async def http(app) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://taecel.sim") as client:
        yield client


async def post(http: httpx.AsyncClient, operation: str, form: dict[str, str]) -> httpx.Response:
    answer = await http.post(f"/{operation}", data=form)
    assert answer.status_code == 200  # Taecel answers 200 whatever happened
    return answer


async def sell(http, number: str, producto: str = "TEL050", centavos: int = 5000):
    return classify_request(
        (await post(http, "RequestTXN", api.request_txn(KEY, NIP, producto, number,
                                                        centavos))).content)


async def status(http, trans_id: str):
    return classify_status((await post(http, "StatusTXN",
                                       api.status_txn(KEY, NIP, trans_id))).content)


async def report(http, world, bolsa: str = "1"):
    day = world.now().astimezone(MEXICO_CITY).date()
    return read_sales((await post(http, "getSales", api.get_sales(KEY, NIP, day, bolsa))).content)


async def drive(world, awaitable, step: float = 0.2):
    """Run ``awaitable`` with the world's frozen clock moving only while it runs."""
    task = asyncio.ensure_future(awaitable)
    while not task.done():
        world.clock.advance(step)
        await asyncio.sleep(0.001)
    return task.result()


# --- every operation, read by the decoder ------------------------------------------------


async def test_balance_has_both_pools_as_the_world_holds_them(http, world):
    pools = read_balance((await post(http, "getBalance", api.credentials(KEY, NIP))).content)
    assert [(p.id, p.name) for p in pools] == [("1", "Tiempo Aire"), ("2", "Pago de Servicios")]
    assert pools[0].balance == world.funds("") and pools[1].balance == world.funds("servicios")


async def test_products_are_carriers_bundles_and_bills_with_their_fields(http):
    catalog = read_products((await post(http, "getProducts", api.credentials(KEY, NIP))).content)
    assert isinstance(catalog, Catalog)
    by_category = {c: [x for x in catalog.carriers if x.category_id == c]
                   for c in (TAE, PAQUETES, SERVICIOS)}
    assert {c.name for c in by_category[TAE]} >= {"Telcel", "Movistar", "AT&T", "Unefon", "Bait",
                                                  "Virgin Mobile"}
    assert {c.name for c in by_category[PAQUETES]} >= {"Amigo Sin Límite", "Internet Amigo"}
    bundles = [p for p in catalog.products if p.category_id == PAQUETES]
    assert bundles and all(p.validity and p.description and p.amount for p in bundles)
    assert len(by_category[SERVICIOS]) >= 2
    # CFE's Campos name no amount (it is what the customer's bill says); Telmex's do.
    cfe = next(c for c in by_category[SERVICIOS] if c.name == "CFE")
    (reference,) = cfe.fields
    assert (reference.name, reference.min, reference.max, reference.confirm) == (
        "referencia", 12, 30, True)
    assert catalog.product("CFE000").amount is None
    telmex = next(c for c in by_category[SERVICIOS] if c.name == "Telmex")
    assert [f.name for f in telmex.fields] == ["referencia", "monto"]
    assert all(p.pool_id == "2" for p in catalog.products if p.category_id == SERVICIOS)
    tel020 = catalog.product("TEL020")
    assert tel020.amount == 2000 and tel020.carrier == "Telcel"


async def test_the_wire_has_taecels_quirks(http, world):
    ok = await post(http, "RequestTXN", api.request_txn(KEY, NIP, "TEL050", "5555555510", 5000))
    assert re.fullmatch(rb'\{"success":true,"error":0,"message":"Consulta Exitosa","data":'
                        rb'\{"transID":"\d{12}","fecha":"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"\},'
                        rb'"extra":null\}', ok.content)
    trans_id = ok.json()["data"]["transID"]
    failed = await post(http, "StatusTXN", api.status_txn(KEY, NIP, trans_id))
    body = failed.json()
    assert body["success"] is False and body["error"] == "1"  # a string, beside 0
    assert body["data"]["Status"] == "Fracasada "              # its trailing space
    assert body["data"]["Monto"] == "$50.00" and body["data"]["Saldo Final"] == "$100,000.00"
    assert b'"Regi\\u00f3n"' in failed.content                 # as PHP writes it
    refused = await post(http, "RequestTXN", api.request_txn(KEY, NIP, "XXX", "1", 100))
    assert refused.json()["data"] == [] and isinstance(refused.json()["error"], str)


# --- the published test numbers ----------------------------------------------------------


@pytest.mark.parametrize("ending", ["05", "15", "25", "30", "60"])
async def test_published_success_numbers_are_delivered(http, world, ending):
    taken = await sell(http, f"55555555{ending}")
    assert isinstance(taken, Accepted)
    answer = await status(http, taken.trans_id)
    assert isinstance(answer.outcome, Confirmed)
    assert answer.outcome.balance_after == 10_000_000 - 5000
    assert answer.transaction.number == f"55555555{ending}"
    topup = world.topups[(ACCOUNT, taken.trans_id)]
    assert topup.plan.settle_after == float(ending)  # Taecel's Timeout: the two digits


async def test_r01_number_10_is_an_invalid_number_the_consumers(http, world):
    answer = await status(http, (await sell(http, "5555555510")).trans_id)
    assert isinstance(answer.outcome, Rejected) and answer.outcome.fault.origin is Origin.CONSUMER
    assert world.ledger == [] and world.funds("") == 10_000_000  # nothing charged


async def test_r01_number_40_is_an_invalid_amount_the_shops(http):
    answer = await status(http, (await sell(http, "5555555540")).trans_id)
    assert isinstance(answer.outcome, Rejected) and answer.outcome.fault.origin is Origin.SHOP
    assert answer.outcome.dealer_code == "3"


async def test_r16_number_20_answers_garbage_once_then_the_truth(http, world):
    taken = await sell(http, "5555555520")
    first = await status(http, taken.trans_id)
    assert isinstance(first.outcome, Unknown) and first.outcome.reason == "malformed"
    second = await status(http, taken.trans_id)
    assert isinstance(second.outcome, Confirmed)
    assert [x["client_ref"] for x in world.ledger] == [taken.trans_id]


# --- the world's failures, in Taecel's shapes --------------------------------------------


async def test_r15_slow_hours_slow_request_and_status():
    peak = fast_app("peak")
    face = peak.state.taecel
    assert all(face.latency(f"26120000{n:04d}") >= 2.0 for n in range(50))
    normal = fast_app()
    assert all(normal.state.taecel.latency(f"26120000{n:04d}") < 1.0 for n in range(50))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=peak),
                                 base_url="http://taecel.sim") as http:
        taken = await sell(http, "5555555505")
        topup = peak.state.world.topups[(ACCOUNT, taken.trans_id)]
        assert peak.state.world.now() >= topup.created_at + timedelta(
            seconds=face.latency(taken.trans_id))


async def test_r16_an_answer_lost_after_the_charge(http, world):
    # 5555550005: the world's row 5, delivered and the connection cut before the answer.
    # The simulator cuts the connection: the transport's own error, whichever it is.
    with pytest.raises(Exception):  # noqa: B017
        await http.post("/RequestTXN", data=api.request_txn(KEY, NIP, "TEL050", "5555550005",
                                                            5000))
    (topup,) = world.topups.values()
    assert world.funds("") == 10_000_000 - 5000  # charged: the shop just never heard
    world.clock.advance(600)
    lines = await report(http, world)
    assert [(x.number, x.delivered) for x in lines] == [("5555550005", True)]
    assert [x["client_ref"] for x in world.ledger] == [topup.client_ref]


async def test_r16_after_a_lost_answer_3128_is_the_sign_it_went_through(http, world):
    # The simulator cuts the connection: the transport's own error, whichever it is.
    with pytest.raises(Exception):  # noqa: B017
        await http.post("/RequestTXN", data=api.request_txn(KEY, NIP, "TEL050", "5555550005",
                                                            5000))
    again = await sell(http, "5555550005")
    assert isinstance(again, RecentTopup) and again.fault.must_check
    assert len(world.topups) == 1  # the second attempt sold nothing


async def test_r16_a_request_that_hangs_was_taken_all_the_same(http, world):
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(http.post("/RequestTXN", data=api.request_txn(
            KEY, NIP, "TEL050", "5555550004", 5000)), 0.5)
    world.clock.advance(600)
    world.tick()
    assert [x["msisdn"] for x in world.ledger] == ["5555550004"]


async def test_a_sale_in_progress_is_pending_then_confirmed():
    # 5555550008: the world's row 8, the carrier answers after 90 s. The clock moves only
    # while a call runs: the first status is asked at the sale's second, however slow the
    # machine (on a fast clock, a busy one let the 25 s before the answer pass in between).
    app = make_app(seed=3, clock=SimClock.frozen_at(10))
    world = app.state.world
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://taecel.sim") as http:
        taken = await drive(world, sell(http, "5555550008"))
        first = await drive(world, status(http, taken.trans_id), step=1.0)
        assert isinstance(first.outcome, Pending) and first.transaction.state == "in_progress"
        assert first.transaction.folio == ""
        later = await drive(world, status(http, taken.trans_id), step=1.0)
        assert isinstance(later.outcome, Confirmed)
    assert STATUS_HOLD_SECONDS < 90


async def test_r19_the_report_shows_a_sale_only_after_its_reflection_delay():
    app = make_app(seed=3, clock=SimClock.frozen_at(10))
    world = app.state.world
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://taecel.sim") as http:
        taken = await drive(world, sell(http, "2721234567"))
        topup = world.topups[(ACCOUNT, taken.trans_id)]
        assert topup.reflected_at > world.now()
        world.clock.advance((topup.reflected_at - world.now()).total_seconds() - 1)
        assert await report(http, world) == ()
        world.clock.advance(1)
        (line,) = await report(http, world)
        assert (line.trans_id, line.number, line.amount, line.note) == (
            taken.trans_id, "2721234567", 5000, "Recarga Exitosa")
        assert await report(http, world, bolsa="2") == ()  # another pool's report


async def test_3128_for_the_same_number_within_10_minutes_only():
    app = make_app(seed=3, clock=SimClock.frozen_at(10))
    world = app.state.world
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://taecel.sim") as http:
        first = await drive(world, sell(http, "2721234567"))
        assert isinstance(first, Accepted)
        assert isinstance(await drive(world, sell(http, "2721234567", "TEL020", 2000)),
                          RecentTopup)
        assert isinstance(await drive(world, sell(http, "2721234568")), Accepted)
        world.clock.advance(600)
        assert isinstance(await drive(world, sell(http, "2721234567")), Accepted)


async def test_a_failed_sale_does_not_hold_the_number(http):
    taken = await sell(http, "5555555510")
    assert isinstance((await status(http, taken.trans_id)).outcome, Rejected)
    assert isinstance(await sell(http, "5555555510"), Accepted)


async def test_r01_2130_when_the_pool_is_empty(http, world):
    await http.post("/sim/pools", json={"bolsa": "1", "saldo": 1000})
    answer = await status(http, (await sell(http, "2721234567")).trans_id)
    assert isinstance(answer.outcome, Rejected) and answer.outcome.dealer_code == "2130"
    assert answer.transaction.note == "Saldo insuficiente" and world.ledger == []


async def test_r16_an_outage_is_no_rejection_and_charges_nothing():
    app = fast_app("outage")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://taecel.sim") as http:
        answer = await status(http, (await sell(http, "2721234567")).trans_id)
        assert isinstance(answer.outcome, Unknown) and answer.transaction.state == "failed"
        assert app.state.world.funds("") == 10_000_000


async def test_a_request_lost_on_its_way_is_never_recorded(http, world):
    assert (await http.post("/sim/lose", json={"count": 1})).status_code == 200
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(http.post("/RequestTXN", data=api.request_txn(
            KEY, NIP, "TEL050", "2721234567", 5000)), 0.3)
    assert world.topups == {} and isinstance(await sell(http, "2721234567"), Accepted)


# --- bills -------------------------------------------------------------------------------


async def test_a_bill_of_an_open_amount_is_paid_from_pago_de_servicios(http, world):
    reference = "125478965412365478965230126654"  # 30 digits, as in Taecel's test matrix
    taken = await sell(http, reference, "CFE000", 26000)
    answer = await status(http, taken.trans_id)
    assert isinstance(answer.outcome, Confirmed)
    assert answer.outcome.balance_after == 5_000_000 - 26000
    assert answer.transaction.pool == "Pago de Servicios" and answer.transaction.carrier == "CFE"
    assert world.funds("") == 10_000_000  # Tiempo Aire untouched
    world.clock.advance(600)
    (line,) = await report(http, world, bolsa="2")
    assert line.number == reference and line.delivered


@pytest.mark.parametrize("reference, centavos, expect", [
    ("12345678901", 26000, Unknown),                 # 11 digits: a reference CFE does not take
    ("123456789012", 1_000_100, Rejected),           # above the most the bill takes: error 3
    ("123456789012", 26050, Accepted),
])
async def test_bill_fields_are_checked(http, reference, centavos, expect):
    assert isinstance(await sell(http, reference, "CFE000", centavos), expect)


async def test_a_wrong_amount_for_a_fixed_product_is_error_3(http, world):
    outcome = await sell(http, "2721234567", "TEL050", 2000)
    assert isinstance(outcome, Rejected) and outcome.dealer_code == "3" and world.topups == {}


@pytest.mark.parametrize("monto", ["10", "10.0", "10.00", None])
async def test_monto_is_taken_as_clients_write_it_or_left_out(http, world, monto):
    # gogl92 writes an int ("10"), the app "10.00", a float "10.0"; mextic and the getSales
    # script send none for a product of one price.
    form = {**api.credentials(KEY, NIP), "producto": "TEL010", "referencia": "5555550000"}
    if monto is not None:
        form["monto"] = monto
    taken = classify_request((await post(http, "RequestTXN", form)).content)
    assert isinstance(taken, Accepted) and world.topups[(ACCOUNT, taken.trans_id)].amount == 1000


async def test_a_bundle_sells_from_tiempo_aire(http):
    answer = await status(http, (await sell(http, "2721234567", "ASL100", 10000)).trans_id)
    assert isinstance(answer.outcome, Confirmed)
    assert answer.transaction.carrier == "Amigo Sin Límite"


# --- credentials, odd requests -----------------------------------------------------------


@pytest.mark.parametrize("key, nip", [("demo", "0000"), ("otra", "1234"), ("", "")])
async def test_bad_key_or_nip_is_refused_and_nothing_is_sold(http, world, key, nip):
    forms = {"getBalance": api.credentials(key, nip), "getProducts": api.credentials(key, nip),
             "RequestTXN": api.request_txn(key, nip, "TEL050", "2721234567", 5000),
             "StatusTXN": api.status_txn(key, nip, "250500041824"),
             "getSales": api.get_sales(key, nip, world.now().date(), "1")}
    for operation, form in forms.items():
        body = (await post(http, operation, form)).json()
        assert (body["success"], body["error"], body["data"]) == (False, "405", [])
    outcome = classify_request((await post(http, "RequestTXN", forms["RequestTXN"])).content)
    assert isinstance(outcome, Unknown)  # a code no source explains is no rejection (R16)
    for read, operation in ((read_balance, "getBalance"), (read_sales, "getSales")):
        assert isinstance(read((await post(http, operation, forms[operation])).content), Unknown)
    assert world.topups == {}


async def test_odd_requests_get_odd_answers_that_decode_as_unknown(http):
    not_found = await http.post("/DeleteTXN", data=api.credentials(KEY, NIP))
    assert not_found.status_code == 404 and isinstance(classify_request(not_found.content),
                                                       Unknown)
    assert (await http.get("/RequestTXN")).status_code == 405
    as_json = await http.post("/getBalance", json=api.credentials(KEY, NIP))
    assert as_json.json()["error"] == "405"  # only a url-encoded form is read
    unknown = await status(http, "999999999999")
    assert isinstance(unknown.outcome, Unknown) and unknown.transaction is None


# --- the one world ------------------------------------------------------------------------


async def test_ledger_and_controls_are_the_worlds(http, world):
    taken = await sell(http, "2721234567", "TEL100", 10000)
    await status(http, taken.trans_id)
    ledger = (await http.get("/sim/ledger")).json()
    assert [(x["client_ref"], x["msisdn"], x["sku"], x["amount"], x["carrier_id"])
            for x in ledger] == [(taken.trans_id, "2721234567", "TEL100", 10000, "telcel")]
    assert ledger == world.ledger
    clock = (await http.post("/sim/clock", json={"advance_minutes": 1})).json()
    assert clock["scenario"] == "normal"
    assert (await http.post("/sim/scenario", json={"scenario": "peak"})).json() == {
        "scenario": "peak"}
    assert world.is_peak()
    await http.post("/sim/balance", json={"available": 123_400})
    pools = read_balance((await post(http, "getBalance", api.credentials(KEY, NIP))).content)
    assert pools[0].balance == 123_400
    assert (await http.post("/sim/pools", json={"bolsa": "3", "saldo": 1})).status_code == 400


def test_the_face_is_registered_and_served_over_the_one_world():
    assert "taecel" in faces.names()
    app = faces.make("taecel", seed=1, scenario="chaos", time_scale=10.0)
    assert app.state.world.scenario == "chaos" and app.state.world.clock.scale == 10.0
    assert faces.demo_login("taecel") == "key demo, nip 1234"
    assert faces.demo_login("v1") == "terminal DEMO-01, user demo, password demo"
    from recarga_tui.sim.server import build_server
    assert build_server(port=0, dealer="taecel").config.app.state.world.scenario == "normal"


async def test_balance_option_sets_tiempo_aire():
    app = make_app(balance=777_700)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://taecel.sim") as http:
        pools = read_balance((await post(http, "getBalance", api.credentials(KEY, NIP))).content)
        assert [p.balance for p in pools] == [777_700, 5_000_000]
        assert json.loads((await post(http, "getBalance", api.credentials(KEY, NIP))).content)[
            "data"][0]["Saldo"] == "7,777"
