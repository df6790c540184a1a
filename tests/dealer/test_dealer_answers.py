"""Whatever the dealer (or the wire) answers, the client gives a typed outcome (R01, R16)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from recarga_tui.dealer import Confirmed, DealerClient, DealerError, Pending, Rejected, Unknown
from recarga_tui.dealer.match import Sent
from recarga_tui.domain.faults import Certainty, Origin

REF, SKU, MSISDN, AMOUNT = "MOCK-1", "TEL-050", "2727215380", 5000
NOW = "2025-03-14T19:45:02.120-06:00"


def record(**changes: Any) -> dict[str, Any]:
    base = {"topup_id": "T1", "client_ref": REF, "status": "success", "carrier_folio": "123",
            "dealer_folio": "D1", "amount": AMOUNT, "balance_after": 100, "created_at": NOW,
            "updated_at": NOW, "replayed": False, "sku": SKU, "msisdn": MSISDN}
    return base | changes


def error(code: str, cls: str, origin: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "class": cls, "origin": origin, "message": "x"} | extra}


async def _client(answer: Callable[[httpx.Request], httpx.Response]) -> DealerClient:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/sessions":
            return httpx.Response(201, json={"token": "tok-123", "expires_at": NOW,
                                             "shop": {"id": "S1", "name": "Tienda"}})
        return answer(request)

    dealer = DealerClient("http://dealer.test", terminal_id="DEMO-01", send_timeout=1.0,
                          transport=httpx.MockTransport(handler))
    await dealer.login("demo", "demo")
    return dealer


async def _send(answer: Callable[[httpx.Request], httpx.Response]):
    async with await _client(answer) as dealer:
        return await dealer.send_topup(Sent(REF, MSISDN, SKU, AMOUNT))


def _raises(exc: Exception) -> Callable[[httpx.Request], httpx.Response]:
    def answer(request: httpx.Request) -> httpx.Response:
        raise exc
    return answer


async def test_a_final_success_is_confirmed():
    outcome = await _send(lambda r: httpx.Response(200, json=record()))
    assert isinstance(outcome, Confirmed) and outcome.carrier_folio == "123"


async def test_a_202_is_pending():
    outcome = await _send(lambda r: httpx.Response(
        202, json=record(status="pending", carrier_folio=None)))
    assert isinstance(outcome, Pending) and outcome.client_ref == REF


@pytest.mark.parametrize("answer,reason", [
    (lambda r: httpx.Response(200, content=b"{not json"), "malformed"),
    (lambda r: httpx.Response(200, content=json.dumps(record()).encode()[:40]), "malformed"),
    (lambda r: httpx.Response(200, json={"status": "success"}), "malformed"),
    (lambda r: httpx.Response(200, json=record(created_at="2025-03-14T19:45:02")), "malformed"),
    (lambda r: httpx.Response(200, json=record(amount="50.00")), "malformed"),
    (lambda r: httpx.Response(200, json=record(carrier_folio=None)), "malformed"),
    (lambda r: httpx.Response(200, json=[1, 2, 3]), "malformed"),
    (lambda r: httpx.Response(200, content=b"\xff\xfe garbage"), "malformed"),
    (lambda r: httpx.Response(200, json=record(client_ref="OTHER")), "mismatch"),
    (lambda r: httpx.Response(200, json=record(amount=AMOUNT * 10)), "mismatch"),
    (lambda r: httpx.Response(500, text="<html>Internal Server Error</html>"), "server_error"),
    (lambda r: httpx.Response(502, text="Bad Gateway"), "server_error"),
    (lambda r: httpx.Response(404, text="Not here"), "malformed"),
    (lambda r: httpx.Response(200, content=b"[" * 100_000), "malformed"),
])
async def test_r16_garbage_answers_are_unknown_never_failed(answer, reason):
    outcome = await _send(answer)
    assert isinstance(outcome, Unknown)
    assert outcome.reason == reason
    assert outcome.origin is Origin.DEALER
    assert outcome.fault.certainty is Certainty.UNKNOWN


async def test_r16_a_huge_answer_is_unknown_without_reading_it_all():
    outcome = await _send(lambda r: httpx.Response(200, content=b" " * 2_000_000))
    assert isinstance(outcome, Unknown) and outcome.reason == "too_large"


async def test_r16_a_huge_streamed_answer_without_length_is_cut_at_the_cap():
    async def endless():
        yield b'{"topup_id": "'
        for _ in range(100):
            yield b"x" * 65536

    outcome = await _send(lambda r: httpx.Response(200, content=endless()))
    assert isinstance(outcome, Unknown) and outcome.reason == "too_large"


@pytest.mark.parametrize("exc,reason", [
    (httpx.ReadTimeout("slow"), "timeout"),
    (httpx.WriteTimeout("slow"), "timeout"),
    (httpx.ReadError("reset"), "dropped"),
    (httpx.RemoteProtocolError("peer closed"), "dropped"),
    (RuntimeError("an in-process app blew up after recording the top-up"), "dropped"),
])
async def test_r16_a_lost_answer_is_unknown_from_the_network(exc, reason):
    outcome = await _send(_raises(exc))
    assert isinstance(outcome, Unknown)
    assert outcome.reason == reason and outcome.origin is Origin.NETWORK


async def test_r01_no_connection_at_all_means_nothing_left_the_shop_origin_network():
    # The shop may be online and the dealer down: not "this shop" (R01).
    outcome = await _send(_raises(httpx.ConnectError("refused")))
    assert isinstance(outcome, Rejected)
    assert outcome.fault.origin is Origin.NETWORK and outcome.may_retry
    assert outcome.fault.certainty is Certainty.DEFINITE


async def test_classification_follows_code_and_class_not_the_http_status():
    busy = await _send(lambda r: httpx.Response(
        500, json=error("DEALER_BUSY", "transient", "dealer", retry_after=60)))
    assert isinstance(busy, Rejected) and busy.may_retry and busy.retry_after == 60
    unsure = await _send(lambda r: httpx.Response(
        400, json=error("CARRIER_TIMEOUT", "unknown", "carrier")))
    assert isinstance(unsure, Unknown) and unsure.origin is Origin.CARRIER


async def test_a_failed_record_with_an_unknown_class_stays_unknown():
    outcome = await _send(lambda r: httpx.Response(200, json=record(
        status="failed", carrier_folio=None,
        error=error("CARRIER_TIMEOUT", "unknown", "carrier")["error"])))
    assert isinstance(outcome, Unknown)


async def test_an_unheard_of_error_code_gets_generic_words_with_its_origin():
    outcome = await _send(lambda r: httpx.Response(
        200, json=record(status="failed", carrier_folio=None,
                         error=error("NEW_THING", "refused", "carrier")["error"])))
    assert isinstance(outcome, Rejected)
    assert outcome.fault.code == "dealer.code.other" and outcome.fault.origin is Origin.CARRIER


@pytest.mark.parametrize("answer,origin", [
    (lambda r: httpx.Response(200, content=b"{truncated"), Origin.DEALER),
    (lambda r: httpx.Response(503, text="down"), Origin.DEALER),
    (lambda r: httpx.Response(200, content=b"x" * 2_000_000), Origin.DEALER),
    (_raises(httpx.ReadTimeout("slow")), Origin.NETWORK),
    (_raises(httpx.ConnectError("refused")), Origin.NETWORK),
    (lambda r: httpx.Response(503, json=error("SYSTEM_DOWN", "transient", "network")),
     Origin.NETWORK),
])
async def test_r01_a_failed_query_names_its_origin_never_a_bare_http_code(answer, origin):
    async with await _client(answer) as dealer:
        with pytest.raises(DealerError) as caught:
            await dealer.balance()
    fault = caught.value.fault
    assert fault.origin is origin
    assert fault.code.startswith("dealer.")
    assert "503" not in str(caught.value)


async def test_latency_is_measured_even_when_the_answer_is_lost():
    async with await _client(_raises(httpx.ReadError("reset"))) as dealer:
        before = len(dealer.latencies)
        await dealer.send_topup(Sent(REF, MSISDN, SKU, AMOUNT))
        assert len(dealer.latencies) == before + 1


async def test_r01_a_huge_answer_leaves_a_line_in_the_log(caplog):
    """Like every other unreadable answer, one too large to read says so in the log."""
    caplog.set_level("WARNING", logger="recarga_tui.dealer")
    outcome = await _send(lambda r: httpx.Response(200, content=b" " * 20_000_000))
    assert isinstance(outcome, Unknown) and outcome.reason == "too_large"
    assert any("larger than" in r.getMessage() for r in caplog.records)
