"""mextic/recargas' Taecel requests against the simulator's Taecel face, read as its
WebserviceClient.js reads them (node_mextic.py)."""

from __future__ import annotations

import pytest
from contract_wire import fast_clock, send
from node_mextic import (
    CODES,
    PRICES,
    get_balance,
    read_balance,
    read_recharge,
    read_request,
    request_txn,
    status_txn,
)

from recarga_tui.sim.taecel import make_app

KEY, NIP = "demo", "1234"


@pytest.fixture
def taecel():
    return make_app(seed=11, clock=fast_clock())


async def recharge(app, sim: str, code: str) -> dict:
    """taecelRecharge (WebserviceClient.js:165-249): RequestTXN, then StatusTXN."""
    trans_id = read_request((await send(app, request_txn(KEY, NIP, sim, code))).content)
    return read_recharge((await send(app, status_txn(KEY, NIP, trans_id))).content)


async def test_mextic_balance_is_read_from_tiempo_aire(taecel):
    answer = await send(taecel, get_balance(KEY, NIP))
    assert read_balance(answer.status_code, answer.content) == 100_000.0


@pytest.mark.parametrize("code", CODES)
async def test_mextic_sells_each_of_its_products_without_monto(taecel, code):
    # config/services.js:10 (TEL010) and :63-73 (PSL010 ... PSL300); 555555xxx0: delivered
    sim = f"555555{CODES.index(code):03d}0"
    result = await recharge(taecel, sim, code)
    assert result["monto"] == PRICES[code] and len(result["folio"]) == 6
    assert not result["debug_missing"] and result["nota"] == ""
    ledger = taecel.state.world.ledger
    assert [(x["sku"], x["msisdn"], x["amount"]) for x in ledger] == [
        (code, sim, PRICES[code] * 100)]
