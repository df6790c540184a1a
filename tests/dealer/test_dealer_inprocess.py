"""The client against the simulator in-process (httpx.ASGITransport), as the demo runs it."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import httpx
import pytest

from recarga_tui.config import DealerSettings
from recarga_tui.dealer import (
    BadCredentials,
    Confirmed,
    DealerClient,
    DealerError,
    Found,
    NotVisible,
    Pending,
    Rejected,
    SessionExpired,
    Unknown,
)
from recarga_tui.dealer.match import Sent
from recarga_tui.domain.faults import Certainty, Origin
from recarga_tui.i18n import t
from recarga_tui.sim import SimClock, make_app

SKU, AMOUNT = "TEL-050", 5000


def frozen_clock(hour: int = 10) -> SimClock:
    """A clock that moves only when told to (POST /sim/clock): nothing depends on speed."""
    return SimClock.frozen_at(hour)


async def _advance(control: httpx.AsyncClient, seconds: float) -> None:
    answer = await control.post("/sim/clock", json={"advance_seconds": seconds})
    assert answer.status_code == 200


async def _arrived(world, client_ref: str) -> None:
    """Wait until the dealer holds the top-up sent under ``client_ref`` (its request is in),
    before its clock is moved on; bounded, never a speed assertion."""
    for _ in range(5000):
        if any(key[-1] == client_ref for key in world.topups):
            return
        await asyncio.sleep(0.001)
    raise AssertionError(f"the dealer never received {client_ref}")


def _ledger_count(world, client_ref: str) -> int:
    world.tick()
    return sum(1 for e in world.ledger if e["client_ref"] == client_ref)


# --- R16 / R19: the dropped answer of a delivered top-up ---------------------------------------


async def test_r16_r19_dropped_answer_is_unknown_then_found_after_the_reflection_window():
    app = make_app(seed=1, clock=frozen_clock())
    world = app.state.world
    async with DealerClient.in_process(app) as dealer, httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://dealer.sim") as control:
        await dealer.login("demo", "demo")
        sending = asyncio.create_task(dealer.send_topup(Sent("R16-1", "5555550005", SKU, AMOUNT)))
        await _arrived(world, "R16-1")
        await _advance(control, 1)  # the carrier delivers; then the connection drops
        outcome = await sending
        assert isinstance(outcome, Unknown) and outcome.reason == "dropped"
        assert outcome.fault.certainty is Certainty.UNKNOWN
        ledger = (await control.get("/sim/ledger")).json()
        assert [e["msisdn"] for e in ledger if e["client_ref"] == "R16-1"] == ["5555550005"]
        # Not visible yet: it must not be read as "never received" before the window (R19).
        assert isinstance(await dealer.lookup_ref("R16-1"), NotVisible)
        day = world.now() - timedelta(hours=1), world.now() + timedelta(hours=1)
        assert (await dealer.sales_report(*day)).find("R16-1") is None
        await _advance(control, 11 * 60)
        found = await dealer.lookup_ref("R16-1")
        assert isinstance(found, Found) and found.record.status == "success"
        line = (await dealer.sales_report(*day, msisdn="5555550005")).find("R16-1")
        assert line is not None and line.carrier_folio == found.record.carrier_folio


async def test_r19_sales_report_shows_a_sale_only_after_its_reflection_delay():
    app = make_app(seed=2, clock=frozen_clock())
    world = app.state.world
    async with DealerClient.in_process(app) as dealer, httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://dealer.sim") as control:
        await dealer.login("demo", "demo")
        sending = asyncio.create_task(dealer.send_topup(Sent("R19-1", "5555550000", SKU, AMOUNT)))
        await _arrived(world, "R19-1")
        await _advance(control, 1)
        assert isinstance(await sending, Confirmed)
        span = world.now() - timedelta(hours=1), world.now() + timedelta(hours=1)
        assert (await dealer.sales_report(*span)).lines == ()
        await _advance(control, 600)
        report = await dealer.sales_report(*span)
        assert [line.client_ref for line in report.lines] == ["R19-1"]
        assert report.total == AMOUNT


# --- one client_ref, one top-up ----------------------------------------------------------------


async def test_fifty_concurrent_sends_of_one_ref_give_one_ledger_entry(client, world):
    outcomes = await asyncio.gather(*(
        client.send_topup(Sent("SAME-REF", "5555550000", SKU, AMOUNT)) for _ in range(50)))
    assert _ledger_count(world, "SAME-REF") == 1
    assert sum(1 for o in outcomes if isinstance(o, Confirmed) and not o.replayed) == 1
    assert all(isinstance(o, (Confirmed, Pending)) for o in outcomes)


async def test_same_ref_with_another_body_is_ref_mismatch_and_sends_nothing(client, world):
    assert isinstance(await client.send_topup(Sent("MIS-1", "5555550000", SKU, AMOUNT)), Confirmed)
    other = await client.send_topup(Sent("MIS-1", "5555550010", SKU, AMOUNT))
    assert isinstance(other, Rejected) and other.dealer_code == "REF_MISMATCH"
    assert other.fault.origin is Origin.SHOP
    assert _ledger_count(world, "MIS-1") == 1


async def test_unknown_product_and_wrong_amount_are_the_shops_definite_faults(client):
    unknown = await client.send_topup(Sent("SKU-1", "5555550000", "NOPE-1", AMOUNT))
    wrong = await client.send_topup(Sent("SKU-2", "5555550000", SKU, AMOUNT + 1))
    assert isinstance(unknown, Rejected) and unknown.dealer_code == "UNKNOWN_SKU"
    assert isinstance(wrong, Rejected) and wrong.dealer_code == "AMOUNT_MISMATCH"


async def test_insufficient_balance_is_the_shops_and_a_deposit_fixes_it(client, control, world):
    await control.post("/sim/balance", json={"available": 1000})
    outcome = await client.send_topup(Sent("BAL-1", "5555550000", SKU, AMOUNT))
    assert isinstance(outcome, Rejected)
    assert (outcome.fault.origin, outcome.error_class) == (Origin.SHOP, "refused")
    assert outcome.dealer_code == "INSUFFICIENT_BALANCE"
    deposit = await client.notify_deposit("BBVA", 100_000, "REF123", world.now())
    assert deposit.state == "received"
    await control.post("/sim/clock", json={"advance_minutes": 16})
    assert [d.state for d in await client.deposits()] == ["accepted"]
    assert (await client.balance()).available == 101_000
    # Nothing reached the carrier, so the same reference may go again once there is money.
    assert isinstance(await client.send_topup(Sent("BAL-1", "5555550000", SKU, AMOUNT)), Confirmed)


async def test_the_client_never_resends_a_topup_by_itself():
    posts = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal posts
        if request.url.path == "/v1/sessions":
            return httpx.Response(201, json={"token": "tok", "expires_at":
                                             "2030-01-01T00:00:00-06:00",
                                             "shop": {"id": "S", "name": "S"}})
        posts += 1
        raise httpx.ReadError("connection reset")

    async with DealerClient("http://dealer.test", terminal_id="DEMO-01",
                            transport=httpx.MockTransport(handler)) as dealer:
        await dealer.login("demo", "demo")
        outcome = await dealer.send_topup(Sent("ONCE-1", "5555550000", SKU, AMOUNT))
    assert isinstance(outcome, Unknown) and posts == 1


# --- sessions ---------------------------------------------------------------------------------


async def test_bad_credentials_are_the_shops_fault(sim_app):
    async with DealerClient.in_process(sim_app) as dealer:
        with pytest.raises(BadCredentials) as caught:
            await dealer.login("demo", "wrong")
    assert caught.value.fault.origin is Origin.SHOP
    assert not dealer.logged_in


async def test_session_expired_asks_for_the_password_again(client, control, world):
    await control.post("/sim/sessions/expire")
    with pytest.raises(SessionExpired) as caught:
        await client.balance()
    assert caught.value.dealer_code == "SESSION_EXPIRED"
    assert t(caught.value.fault.code) == t("dealer.code.session_expired")
    assert not client.logged_in
    refused = await client.send_topup(Sent("EXP-1", "5555550000", SKU, AMOUNT))
    assert isinstance(refused, Rejected) and refused.needs_login
    assert _ledger_count(world, "EXP-1") == 0
    await client.login("demo", "demo")
    assert (await client.balance()).currency == "MXN"


async def test_send_with_a_lapsed_session_is_rejected_for_login(client, control, world):
    await control.post("/sim/sessions/expire")
    outcome = await client.send_topup(Sent("EXP-2", "5555550000", SKU, AMOUNT))
    assert isinstance(outcome, Rejected) and outcome.needs_login
    assert outcome.fault.certainty is Certainty.DEFINITE
    assert _ledger_count(world, "EXP-2") == 0


async def test_r12_no_password_or_token_in_logs_or_reprs(sim_app, world, caplog):
    world.terminals["DEMO-01"].users["cajera"] = "Contra-Secreta-9931"
    caplog.set_level(logging.DEBUG)
    async with DealerClient.in_process(sim_app) as dealer:
        session = await dealer.login("cajera", "Contra-Secreta-9931")
        await dealer.balance()
        await dealer.send_topup(Sent("R12-1", "5555550005", SKU, AMOUNT))  # logs a dropped answer
        with pytest.raises(BadCredentials) as caught:
            await dealer.login("cajera", "Contra-Secreta-0000")
        shown = " ".join([caplog.text, repr(dealer), str(dealer), repr(session), str(session),
                          repr(caught.value), str(caught.value)])
    assert session.token not in shown
    assert "Contra-Secreta" not in shown


# --- notices, catalog, latency ----------------------------------------------------------------


async def test_r10_notices_show_the_blue_and_yellow_boxes_as_the_dealer_sets_them(client,
                                                                                  control):
    first = await client.notices()
    assert first.system_status.level == "normal"
    await control.post("/sim/notices", json={
        "system_status": {"level": "slow", "text": "Telcel lento"},
        "general_message": {"text": "Mañana mantenimiento de 2 a 4"}})
    notices = await client.notices()
    assert (notices.system_status.level, notices.system_status.text) == ("slow", "Telcel lento")
    assert notices.general_message.text == "Mañana mantenimiento de 2 a 4"
    assert notices.general_message.updated_at.utcoffset() is not None


async def test_r10_outage_scenario_says_system_down(client, control):
    await control.post("/sim/scenario", json={"scenario": "outage"})
    assert (await client.notices()).system_status.level == "down"
    catalog = await client.catalog()
    assert catalog.carrier("telcel").status == "down"
    outcome = await client.send_topup(Sent("OUT-1", "2721234567", SKU, AMOUNT))
    assert isinstance(outcome, Rejected) and outcome.dealer_code == "CARRIER_DOWN"


async def test_r15_peak_window_of_the_sim_clock_says_slow():
    app = make_app(seed=1, clock=frozen_clock(hour=20))
    async with DealerClient.in_process(app) as dealer:
        notices = await dealer.notices()
    assert notices.system_status.level == "slow"


async def test_r15_latency_of_each_call_is_measured(client):
    before = len(client.latencies)
    await client.notices()
    await client.balance()
    assert len(client.latencies) == before + 2
    assert all(x >= 0 for x in client.latencies)


async def test_catalog_has_mexican_carriers_and_is_cached_by_etag(client, control):
    catalog = await client.catalog()
    names = {c.name for c in catalog.carriers}
    assert {"Telcel", "Movistar", "AT&T", "Bait", "Unefon"} <= names
    assert {p.amount for p in catalog.products if p.carrier_id == "telcel"} == {
        x * 100 for x in (10, 20, 30, 50, 100, 150, 200, 300, 500)}
    assert await client.catalog() is catalog  # 304 Not Modified
    await control.post("/sim/carriers", json={"carrier_id": "bait", "status": "down"})
    fresh = await client.catalog()
    assert fresh.etag != catalog.etag and fresh.carrier("bait").status == "down"


# --- the account: statement, clarifications, fault reports (R11, R14) -----------------------


async def test_r14_statement_keeps_the_running_balance(client, world):
    start = world.now() - timedelta(minutes=1)
    for i in range(3):
        assert isinstance(await client.send_topup(Sent(f"ST-{i}", "5555550000", SKU, AMOUNT)),
                          Confirmed)
    statement = await client.statement(start - timedelta(days=1), world.now() + timedelta(1))
    balance = statement.opening_balance
    for move in statement.movements:
        balance += move.amount
        assert move.balance == balance
    assert statement.closing_balance == balance == (await client.balance()).available
    assert [m.kind for m in statement.movements].count("topup") == 3


async def test_r11_clarification_is_due_in_24_hours_and_answered_in_writing(client, control):
    asked = await client.ask_clarification("topup", "No veo la recarga", client_ref="ST-0")
    assert asked.due_at - asked.created_at == timedelta(hours=24)
    assert asked.status == "open" and asked.answer is None
    await control.post("/sim/clock", json={"advance_minutes": 180})
    (answered,) = await client.clarifications()
    assert answered.status == "answered" and answered.answer


async def test_r11_fault_report_is_received_without_a_written_answer(client, world):
    receipt = await client.fault_report(Origin.CARRIER, "Telcel no responde", ["A-1", "A-2"])
    assert receipt.origin is Origin.CARRIER
    assert world.fault_reports[-1]["client_refs"] == ["A-1", "A-2"]


async def test_queries_before_login_raise_a_typed_error(sim_app):
    async with DealerClient.in_process(sim_app) as dealer:
        with pytest.raises(DealerError) as caught:
            await dealer.balance()
    assert caught.value.fault.origin is Origin.SHOP


async def test_from_settings_keeps_the_configured_timeouts():
    settings = DealerSettings(url="https://dealer.example.mx", connect_timeout=3.0,
                              read_timeout=7.0, send_timeout=25.0)
    async with DealerClient.from_settings(settings) as dealer:
        assert (dealer.connect_timeout, dealer.read_timeout, dealer.send_timeout) == (3, 7, 25)
        assert dealer.base_url == "https://dealer.example.mx"
