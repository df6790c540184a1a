"""The simulator's Reloadly face: the documented shapes exactly (the token service, the
media type asked for, errorCode bodies, money as numbers beside their currency codes, UTC
times), and the failures of the real one (tokens that lapse, answers lost after the charge,
hangs, top-ups in progress, a reference used once) over the shared world."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC

import httpx
import pytest

from recarga_tui.config import DealerSettings, Settings
from recarga_tui.dealer import match
from recarga_tui.dealer.outcomes import Confirmed, Found, NotVisible, Rejected, Unknown
from recarga_tui.dealer.port import Lookup
from recarga_tui.dealer.registry import make
from recarga_tui.domain.faults import Origin
from recarga_tui.sim import faces
from recarga_tui.sim.clock import SimClock
from recarga_tui.sim.reloadly import ACCOUNT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_LOGIN
from recarga_tui.sim.reloadly import app as face_app

V1 = "application/com.reloadly.topups-v1+json"
ERROR_KEYS = {"timeStamp", "message", "path", "errorCode", "infoLink", "details"}
INSTANT, DROPPED, HANGS, PENDING = "5555550000", "5555550005", "5555550004", "5555550008"


@pytest.fixture
def clock() -> SimClock:
    """100 times faster than the wall: a carrier's 0.2 s is 2 ms, the two minutes of
    PHONE_RECENTLY_RECHARGED 1.2 s, and ``advance`` jumps ahead."""
    return SimClock.at(10, scale=100.0)


@pytest.fixture
def sim(clock):
    return faces.make("reloadly", seed=5, clock=clock)


@pytest.fixture
async def http(sim) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=sim),
                                 base_url="http://reloadly.sim") as client:
        yield client


async def token(http: httpx.AsyncClient) -> str:
    answer = await http.post("/oauth/token", json={
        "client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET,
        "grant_type": "client_credentials", "audience": "https://topups.reloadly.com"})
    return str(answer.json()["access_token"])


def headers(value: str) -> dict[str, str]:
    return {"Accept": V1, "Authorization": f"Bearer {value}"}


def topup(ref: str, number: str = INSTANT, operator: object = "9103",
          amount: object = "50.00") -> dict[str, object]:
    return {"operatorId": operator, "amount": amount, "useLocalAmount": True,
            "customIdentifier": ref, "recipientPhone": {"countryCode": "MX",
                                                        "number": f"52{number}"}}


# --- the token service -------------------------------------------------------------------------


async def test_r12_the_token_service_answers_as_documented(http):
    answer = await http.post("/oauth/token", json={
        "client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET,
        "grant_type": "client_credentials", "audience": "https://topups-sandbox.reloadly.com"})
    body = answer.json()
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    assert set(body) == {"access_token", "scope", "expires_in", "token_type"}
    assert body["token_type"] == "Bearer" and body["expires_in"] == face_app.TOKEN_SECONDS


@pytest.mark.parametrize("change, code", [
    ({"client_secret": "wrong"}, "INVALID_CREDENTIALS"),
    ({"audience": "https://giftcards.reloadly.com"}, "INVALID_AUDIENCE"),
])
async def test_r12_credentials_or_audience_refused_in_the_documented_error_shape(http, change,
                                                                              code):
    asked = {"client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET,
             "grant_type": "client_credentials", "audience": "https://topups.reloadly.com"}
    answer = await http.post("/oauth/token", json={**asked, **change})
    assert answer.status_code == 401 and set(answer.json()) == ERROR_KEYS
    assert answer.json()["errorCode"] == code and answer.json()["path"] == "/oauth/token"


async def test_r12_the_airtime_service_asks_its_media_type_and_a_live_token(http, sim, clock):
    good = await token(http)
    assert (await http.get("/accounts/balance",
                           headers={"Authorization": f"Bearer {good}"})).status_code == 406
    none = await http.get("/accounts/balance", headers={"Accept": V1})
    assert none.status_code == 401 and none.json()["errorCode"] == "INVALID_TOKEN"
    assert (await http.get("/accounts/balance", headers=headers(good))).status_code == 200
    clock.advance(face_app.TOKEN_SECONDS)  # its hour is up
    lapsed = await http.get("/accounts/balance", headers=headers(good))
    assert lapsed.status_code == 401 and lapsed.json()["errorCode"] == "TOKEN_EXPIRED"
    assert set(lapsed.json()) == ERROR_KEYS
    fresh = await token(http)
    await http.post("/sim/sessions/expire")  # the test control: every token lapses now
    expired = await http.get("/accounts/balance", headers=headers(fresh))
    assert expired.json()["errorCode"] == "TOKEN_EXPIRED"


# --- the account and the operators -----------------------------------------------------------


async def test_r14_the_balance_is_a_number_beside_its_currency(http, sim):
    answer = await http.get("/accounts/balance", headers=headers(await token(http)))
    assert answer.headers["content-type"] == V1
    body = json.loads(answer.content)
    assert isinstance(body["balance"], float) and body["currencyCode"] == "USD"
    assert b'"balance":5797.10' in answer.content  # $100,000.00 of pesos at 17.25


async def test_r04_the_operators_of_mexico_and_no_other_country(http):
    good = headers(await token(http))
    ops = (await http.get("/operators/countries/MX", headers=good)).json()
    assert "Telcel Mexico PIN" in {op["name"] for op in ops}
    no_pin = (await http.get("/operators/countries/MX?includePin=false", headers=good)).json()
    assert "Telcel Mexico PIN" not in {op["name"] for op in no_pin}
    other = await http.get("/operators/countries/US", headers=good)
    assert other.status_code == 404 and other.json()["errorCode"] == "COUNTRY_NOT_SUPPORTED"


@pytest.mark.parametrize("phone, name", [("525555550000", "Telcel Mexico"),
                                         ("+525555550000", "Telcel Mexico")])
async def test_r04_the_operator_of_a_number_is_detected(http, phone, name):
    answer = await http.get(f"/operators/auto-detect/phone/{phone}/countries/MX",
                            headers=headers(await token(http)))
    assert answer.json()["name"] == name


async def test_r04_a_number_nobody_has_is_not_detected(http):
    answer = await http.get("/operators/auto-detect/phone/521234567890/countries/MX",
                            headers=headers(await token(http)))
    assert answer.status_code == 404
    assert answer.json()["errorCode"] == "COULD_NOT_AUTO_DETECT_OPERATOR"


# --- the top-up --------------------------------------------------------------------------------


async def test_r16_a_transaction_is_money_with_currencies_and_a_utc_time(http, sim):
    good = headers(await token(http))
    answer = await http.post("/topups", json=topup("R-1"), headers=good)
    txn = answer.json()
    assert answer.status_code == 200 and txn["status"] == "SUCCESSFUL"
    assert txn["deliveredAmount"] == 50 and txn["deliveredAmountCurrencyCode"] == "MXN"
    assert txn["requestedAmountCurrencyCode"] == "USD" and txn["requestedAmount"] == 2.9
    info = txn["balanceInfo"]
    assert info["cost"] == pytest.approx(info["oldBalance"] - info["newBalance"])
    created = sim.state.world.topups[(ACCOUNT, "R-1")].created_at
    assert txn["transactionDate"] == created.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    assert txn["customIdentifier"] == "R-1" and txn["recipientPhone"] == "525555550000"


async def test_r16_a_reference_is_taken_once(http, sim):
    good = headers(await token(http))
    assert (await http.post("/topups", json=topup("R-2"), headers=good)).status_code == 200
    again = await http.post("/topups", json=topup("R-2", "5555551110"), headers=good)
    assert again.status_code == 400
    assert again.json()["errorCode"] == "CUSTOM_IDENTIFIER_ALREADY_USED"
    assert len(sim.state.world.ledger) == 1


async def test_r16_a_number_topped_up_two_minutes_ago_waits(http, clock):
    good = headers(await token(http))
    await http.post("/topups", json=topup("R-3"), headers=good)
    soon = await http.post("/topups", json=topup("R-4"), headers=good)
    assert soon.json()["errorCode"] == "PHONE_RECENTLY_RECHARGED"
    clock.advance(face_app.RECENT_SECONDS + 1)
    assert (await http.post("/topups", json=topup("R-5"), headers=good)).status_code == 200


@pytest.mark.parametrize("body, code", [
    (topup("R-6", operator="1"), "OPERATOR_UNAVAILABLE_OR_CURRENTLY_INACTIVE"),
    (topup("R-6", amount="55.00"), "INVALID_AMOUNT_FOR_OPERATOR"),
    (topup("R-6", amount="cincuenta"), "INVALID_AMOUNT"),
    (topup("R-6", operator="9108", amount="100.00"), "INVALID_AMOUNT_FOR_OPERATOR"),
    ({**topup("R-6"), "recipientPhone": {"countryCode": "MX", "number": "5512"}},
     "INVALID_RECIPIENT_PHONE"),
    ({**topup("R-6"), "useLocalAmount": False}, "INVALID_AMOUNT_FOR_OPERATOR"),
])
async def test_r01_a_top_up_refused_records_nothing(http, sim, body, code):
    answer = await http.post("/topups", json=body, headers=headers(await token(http)))
    assert answer.status_code == 400 and answer.json()["errorCode"] == code
    assert sim.state.world.topups == {}


async def test_r16_an_asynchronous_top_up_is_processing_until_the_carrier_answers(http, clock):
    good = headers(await token(http))
    taken = await http.post("/topups-async", json=topup("R-7", PENDING), headers=good)
    txn_id = taken.json()["transactionId"]
    assert taken.json() == {"transactionId": txn_id}
    first = (await http.get(f"/topups/{txn_id}/status", headers=good)).json()
    assert first["status"] == "PROCESSING"
    clock.advance(120)
    later = (await http.get(f"/topups/{txn_id}/status", headers=good)).json()
    assert later["status"] == "SUCCESSFUL"


async def test_r16_the_status_comes_in_both_documented_shapes(http):
    good = headers(await token(http))
    shapes = []
    for n in range(2):
        taken = await http.post("/topups-async", json=topup(f"R-8{n}", f"555555111{n}"),
                                headers=good)
        txn_id = taken.json()["transactionId"]
        shapes.append(set((await http.get(f"/topups/{txn_id}/status", headers=good)).json()))
    assert {"code", "message", "status", "transaction"} in shapes  # the Java SDK's
    assert any("transactionId" in s and "customIdentifier" in s for s in shapes)  # OpenAPI's


async def test_r16_a_token_lapsing_early_in_chaos_turns_the_top_up_away_unrecorded(http, sim,
                                                                                monkeypatch):
    sim.state.world.scenario = "chaos"
    monkeypatch.setattr(face_app, "CHAOS_TOKEN_LAPSE", 1.0)
    answer = await http.post("/topups", json=topup("R-9"), headers=headers(await token(http)))
    assert answer.status_code == 401 and answer.json()["errorCode"] == "TOKEN_EXPIRED"
    assert sim.state.world.topups == {}


# --- the report --------------------------------------------------------------------------------


async def test_r19_the_report_pages_and_filters_by_reference(http, clock):
    good = headers(await token(http))
    for n in range(3):
        await http.post("/topups", json=topup(f"R-1{n}", f"555555200{n}"), headers=good)
    first = (await http.get("/topups/reports/transactions?size=2", headers=good)).json()
    second = (await http.get("/topups/reports/transactions?size=2&page=2",
                             headers=good)).json()
    assert (len(first["content"]), first["last"], first["number"]) == (2, False, 0)
    assert (len(second["content"]), second["last"], second["totalElements"]) == (1, True, 3)
    one = (await http.get("/topups/reports/transactions?customIdentifier=R-11",
                          headers=good)).json()
    assert [line["customIdentifier"] for line in one["content"]] == ["R-11"]
    bad = await http.get("/topups/reports/transactions?startDate=ayer", headers=good)
    assert bad.status_code == 400


async def test_r19_a_dropped_answer_shows_in_the_report_only_after_its_reflection(clock, sim):
    d = make(Settings(dealer=DealerSettings(kind="reloadly", send_timeout=2.0)), sim_app=sim,
             now=clock.now)
    await d.login(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
    sent = match.Sent("R-20", DROPPED, "RLD-9103-5000", 5000)
    outcome = await d.send_topup(sent)
    assert isinstance(outcome, Unknown) and outcome.reason == "dropped"
    assert isinstance(await d.lookup(Lookup(sent, None, clock.now())), NotVisible)
    clock.advance(600)  # past the world's reflection delay (R19: up to 10 minutes)
    found = await d.lookup(Lookup(sent, None, clock.now()))
    assert isinstance(found, Found) and found.record.status == "success"
    assert found.record.client_ref == "R-20"
    assert [entry["client_ref"] for entry in sim.state.world.ledger] == ["R-20"]
    await d.aclose()


async def test_r16_the_adapter_meets_a_hang_and_a_refusal_through_the_face():
    fast = SimClock.at(10, scale=1000.0)
    sim = faces.make("reloadly", seed=5, clock=fast)
    settings = Settings(dealer=DealerSettings(kind="reloadly", send_timeout=0.3,
                                              connect_timeout=0.1))
    d = make(settings, sim_app=sim, now=fast.now, scale=1000.0)
    await d.login(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
    hung = await d.send_topup(match.Sent("R-30", HANGS, "RLD-9103-5000", 5000))
    assert isinstance(hung, Unknown) and hung.reason == "timeout"
    assert (ACCOUNT, "R-30") in sim.state.world.topups  # taken, its answer never came
    refused = await d.send_topup(match.Sent("R-31", "5555550001", "RLD-9103-5000", 5000))
    assert isinstance(refused, Rejected) and refused.fault.origin is Origin.CONSUMER
    done = await d.send_topup(match.Sent("R-32", INSTANT, "RLD-9101", 1234))
    assert isinstance(done, Confirmed)
    await d.aclose()


def test_r09_the_face_is_one_of_the_simulators_with_its_demo_login():
    assert "reloadly" in faces.names()
    assert faces.demo_login("reloadly") == DEMO_LOGIN
    assert DEMO_CLIENT_SECRET in DEMO_LOGIN


def test_r12_the_demo_account_is_the_faces_own_in_the_config():
    from recarga_tui.dealer import registry
    from recarga_tui.dealer.reloadly.kind import DEMO_NAME

    dealer = registry.demo_dealer(replace(DealerSettings(), kind="reloadly"))
    own = registry.section_of(dealer)
    assert (own.client_id, own.client_secret, own.name) == (DEMO_CLIENT_ID,
                                                            DEMO_CLIENT_SECRET, DEMO_NAME)
    assert registry.get("reloadly").demo_login == (DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
