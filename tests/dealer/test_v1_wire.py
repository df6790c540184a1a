"""Protocol v1's declarations (dealer/v1/wire.py): what the client refuses to believe, and
what the simulator refuses to take, each said once."""

from __future__ import annotations

import json
from typing import Any

import httpx
import msgspec
import pytest

from recarga_tui.dealer.protocol import ProtocolViolation
from recarga_tui.dealer.text import mend_surrogates
from recarga_tui.dealer.v1 import wire

NOW = "2025-03-14T19:45:02.120-06:00"
TOPUP = {"topup_id": "T1", "client_ref": "R1", "status": "success", "carrier_folio": "123",
         "dealer_folio": "D1", "amount": 5000, "balance_after": 100, "created_at": NOW,
         "updated_at": NOW, "replayed": False}
CATALOG = {"carriers": [{"id": "telcel", "name": "Telcel", "status": "up"}],
           "products": [{"sku": "TEL-050", "carrier_id": "telcel", "amount": 5000,
                         "description": "Recarga"}]}
SESSION = {"token": "tok-1", "expires_at": NOW, "shop": {"id": "S1", "name": "Tienda"}}


def _read(data: Any, kind: type) -> Any:
    return wire.read(json.dumps(data).encode(), kind)


@pytest.mark.parametrize("change", [
    {"amount": True}, {"amount": 50.0}, {"amount": "5000"}, {"balance_after": False},
    {"created_at": "2025-03-14T19:45:02"}, {"updated_at": "ayer"},
    {"status": "done"}, {"carrier_folio": None}, {"carrier_folio": "   "},
    {"status": "failed", "carrier_folio": None},
    {"topup_id": "x" * 2001},
])
def test_a_record_that_breaks_a_rule_of_v1_is_a_violation(change):
    with pytest.raises(ProtocolViolation):
        _read(TOPUP | change, wire.Topup)


def test_a_record_that_fits_becomes_the_apps_record_with_safe_texts():
    record = _read(TOPUP | {"carrier_folio": " 12\u202e3\x1b ", "dealer_folio": None,
                            "extra": "a dealer may add fields"}, wire.Topup)
    assert record.carrier_folio == "123" and record.dealer_folio is None
    assert record.created_at.utcoffset() is not None and not record.replayed


@pytest.mark.parametrize("data", [
    CATALOG | {"products": [CATALOG["products"][0] | {"carrier_id": "nadie"}]},
    CATALOG | {"products": [CATALOG["products"][0] | {"amount": 0}]},
    CATALOG | {"carriers": [CATALOG["carriers"][0] | {"status": "maybe"}]},
])
def test_a_catalog_with_a_product_of_no_carrier_or_amount_is_a_violation(data):
    with pytest.raises(ProtocolViolation):
        _read(data, wire.Catalog)


@pytest.mark.parametrize("token", ["", "tok en", "tok\x01", "ñ" * 3, "x" * 513])
def test_a_token_is_visible_ascii_without_spaces(token):
    with pytest.raises(ProtocolViolation):
        _read(SESSION | {"token": token}, wire.Session)


def test_the_token_of_a_session_is_never_in_its_repr():
    assert "tok-1" not in repr(_read(SESSION, wire.Session))


@pytest.mark.parametrize("body", [b"", b"[", b"[" * 100_000, b"\xff", b"null", b"[1]"])
def test_what_is_not_an_answer_is_a_violation(body):
    with pytest.raises(ProtocolViolation):
        wire.read(body, wire.Balance)


def test_an_escaped_lone_surrogate_becomes_the_replacement_character():
    body = json.dumps(TOPUP | {"carrier_folio": "48\ud800", "dealer_folio": "\\ud800"}).encode()
    record = wire.read(body, wire.Topup)
    assert record.carrier_folio == "48\ufffd" and record.dealer_folio == "\\ud800"
    assert mend_surrogates(b'"\\ud83d\\ude00"') == b'"\\ud83d\\ude00"'  # a pair stays


def test_an_error_without_retry_after_says_none_rather_than_null():
    body = {"error": {"code": "X", "class": "refused", "origin": "carrier", "message": "m"}}
    assert b"retry_after" not in msgspec.json.encode(msgspec.convert(body, wire.Error))


# --- the simulator's side -----------------------------------------------------------------


@pytest.fixture
async def dealer(sim_app, world) -> httpx.AsyncClient:
    token = world.login("DEMO-01", "demo", "demo")["token"]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=sim_app),
                                 base_url="http://dealer.sim",
                                 headers={"Authorization": f"Bearer {token}"}) as http:
        yield http


def _code(answer: httpx.Response) -> tuple[int, str]:
    return answer.status_code, answer.json()["error"]["code"]


@pytest.mark.parametrize("query", [
    {"from": "2025-03-15T00:00:00-06:00", "to": "2025-03-14T00:00:00-06:00"},
    {"from": "2025-03-14T00:00:00-06:00", "to": "3671-01-01T00:00:00-06:00"},
    {"from": "2025-03-14T00:00:00", "to": "2025-03-15T00:00:00-06:00"},
    {"from": "2025-03-14T00:00:00-06:00"},
])
async def test_a_period_backwards_out_of_range_naive_or_half_is_bad_request(dealer, query):
    for path in ("/v1/sales", "/v1/statement"):
        assert _code(await dealer.get(path, params=query)) == (400, "BAD_REQUEST")


@pytest.mark.parametrize("change", [
    {"deposited_at": "0978-01-01T10:00:00-06:00"}, {"amount": 0}, {"amount": True},
    {"bank": ""}, {"reference": "x" * 61},
])
async def test_a_deposit_that_breaks_a_rule_is_bad_request(dealer, change):
    body = {"bank": "BBVA", "amount": 100, "reference": "R1",
            "deposited_at": "2025-01-01T10:00:00-06:00"} | change
    assert _code(await dealer.post("/v1/deposits", json=body)) == (400, "BAD_REQUEST")


async def test_a_topup_of_a_product_not_in_the_catalog_is_unknown_sku(dealer):
    body = {"client_ref": "W-1", "sku": "NADA-1", "msisdn": "2727215380", "amount": 5000}
    assert _code(await dealer.post("/v1/topups", json=body)) == (422, "UNKNOWN_SKU")


async def test_a_whole_amount_written_with_a_point_is_taken_as_json_schema_reads_it(dealer):
    body = {"client_ref": "W-2", "sku": "TEL-050", "msisdn": "2727215380", "amount": 5000.0}
    answer = await dealer.post("/v1/topups", json=body)
    assert answer.status_code in (200, 202) and answer.json()["amount"] == 5000
    half = body | {"client_ref": "W-3", "amount": 5000.5}
    assert _code(await dealer.post("/v1/topups", json=half)) == (400, "BAD_REQUEST")
