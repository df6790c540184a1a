"""Whatever text a dealer puts in an answer the client accepts, the notebook can write it and
read it back (R01, R03): lone surrogates, control characters, right-to-left overrides, padding.
Nothing the dealer says can crash the app after a top-up, or leave the sale "sending"."""

from __future__ import annotations

import asyncio
import itertools
import json
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recarga_tui.config import Settings
from recarga_tui.dealer import DealerClient, Unknown
from recarga_tui.journal.journal import Journal
from recarga_tui.services.clock import FakeClock
from recarga_tui.services.counter import Counter, Product

TZ = timezone(timedelta(hours=-6))
NOW = "2026-11-25T12:00:01-06:00"
# Every code point, lone surrogates and controls included.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)


def body_for(sent: dict[str, Any], status: str, folio: str, dealer_folio: str,
             topup_id: str, message: str) -> dict[str, Any]:
    body: dict[str, Any] = {
        "topup_id": topup_id or "T", "client_ref": sent["client_ref"], "status": status,
        "carrier_folio": folio or "F", "dealer_folio": dealer_folio, "amount": sent["amount"],
        "balance_after": 10, "created_at": NOW, "updated_at": NOW, "replayed": False,
        "sku": sent["sku"], "msisdn": sent["msisdn"]}
    if status == "failed":
        body["carrier_folio"] = None
        body["error"] = {"code": "CARRIER_REJECTED", "class": "refused", "origin": "carrier",
                         "message": message}
    return body


async def sell(folder: Path, status: str, texts: tuple[str, ...]):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/sessions":
            return httpx.Response(201, json={"token": "tok", "expires_at": NOW,
                                             "shop": {"id": "S", "name": "T"}})
        sent = json.loads(request.content)
        # ensure_ascii (the default) carries lone surrogates as \ud800 escapes: valid JSON.
        return httpx.Response(200, content=json.dumps(body_for(sent, status, *texts)).encode())

    dealer = DealerClient("http://dealer.test", terminal_id="DEMO-01",
                          transport=httpx.MockTransport(handler))
    await dealer.login("demo", "demo")
    journal = Journal.open(folder, tz=TZ)
    tokens = itertools.count(1)
    counter = Counter(journal, dealer, Settings(),
                      FakeClock(datetime(2026, 11, 25, 12, 0, tzinfo=TZ)),
                      lambda: f"{next(tokens):08x}")
    try:
        sale = counter.pay(counter.accept(counter.start("2727215380",
                                                        Product("TEL-050", "telcel", 5000))),
                           5000)
        done = await counter.send(sale)
    finally:
        await dealer.aclose()
        journal.close()
    return done


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(status=st.sampled_from(["success", "failed"]),
       texts=st.tuples(ANY_TEXT, ANY_TEXT, ANY_TEXT, ANY_TEXT))
def test_r03_every_answer_the_client_accepts_is_journaled_and_reads_back(status, texts):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "journal"
        folder.mkdir()
        done = asyncio.run(sell(folder, status, texts))
        assert done.state.value in ("confirmed", "rejected", "unknown")
        with Journal.open(folder, tz=TZ) as again:
            stored = again.get(done.ref)
        assert stored == done                       # on disk exactly as the app kept it
        for step in stored.history:
            for value in step.data.values():
                if isinstance(value, str):
                    value.encode("utf-8")          # every string encodes: no surrogate left
                    assert "\x1b" not in value and "\u202e" not in value


def test_r01_a_folio_with_a_lone_surrogate_is_confirmed_and_written(tmp_path):
    folder = tmp_path / "journal"
    folder.mkdir()
    done = asyncio.run(sell(folder, "success", ("48\ud800", "D\x1b[2J1", "T1", "")))
    assert done.state.value == "confirmed" and not isinstance(done, Unknown)
    data = done.last(done.state).data
    assert data["carrier_folio"] == "48\ufffd" and data["dealer_folio"] == "D[2J1"
    with Journal.open(folder, tz=TZ) as again:
        assert again.get(done.ref) == done


def test_r01_a_refusal_message_with_a_lone_surrogate_is_written(tmp_path):
    folder = tmp_path / "journal"
    folder.mkdir()
    done = asyncio.run(sell(folder, "failed", ("", "D1", "T1", "no \udfff se pudo\u202e")))
    assert done.state.value == "rejected"
    with Journal.open(folder, tz=TZ) as again:
        stored = again.get(done.ref)
    assert stored == done
    assert stored.last(stored.state).data["params"]["dealer_message"] == "no \ufffd se pudo"


def test_r16_an_answer_the_notebook_cannot_write_leaves_the_sale_open_and_checked(tmp_path):
    """Any failure to journal an outcome: the app goes on, the sale is unknown (checked in the
    sales report like any other), never stuck in "sending"."""
    from lost_helpers import scripted

    from recarga_tui.dealer import Confirmed
    from recarga_tui.domain.sale import State

    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        at = clock.now()
        dealer.outcomes.append(Confirmed(object(), "D1", at, None, False))  # type: ignore[arg-type]
        sale = counter.pay(counter.accept(counter.start("2727215380",
                                                        Product("TEL-050", "telcel", 5000))),
                           5000)
        done = asyncio.run(counter.send(sale))
        assert done.state is State.UNKNOWN
        stored = journal.get(sale.ref)
        assert stored.state is State.UNKNOWN and stored in checker.unknown_sales()
        data = stored.last(State.UNKNOWN).data
        assert (data["reason"], data["origin"], data["answered"]) == (
            "unrecordable", "dealer", "confirmed")
