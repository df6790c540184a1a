"""MattersLC/RecargasTae's requests against the simulator's transact face, read as its
XmlParser.kt reads them (kotlin_recargastae.py)."""

from __future__ import annotations

import httpx
import pytest
from contract_wire import fast_clock, send
from kotlin_recargastae import INT32, do_t, dot_result, get_sku_list, get_t_request_id, products
from kotlin_recargastae import request_id as read_request_id

from recarga_tui.sim.transact import make_app
from recarga_tui.sim.transact.catalog import document

USER, PASSWORD = "demo", "demo"  # the face's demo account (RecargasTae's is its own)


@pytest.fixture
def transact():
    return make_app(seed=17, clock=fast_clock())


async def get_do_t(app, number: str, sku: str = "TEL-050", monto: float = 50.0):
    """CompaniasRepoImpl.getDoT (lines 112-166): a new id from GetTRequestID with the licence
    "" (line 71), then DoT under it."""
    rid = read_request_id((await send(app, get_t_request_id(USER, PASSWORD, ""))).text)
    assert rid is not None  # else "Error: No se pudo obtener getTRequestID": nothing is sold
    return dot_result((await send(app, do_t(rid, USER, sku, number, monto))).text)


async def test_recargastae_gets_a_request_id_with_an_empty_licence(transact):
    answer = await send(transact, get_t_request_id(USER, PASSWORD, ""))
    assert answer.status_code == 200 and read_request_id(answer.text) == "3200000001"


async def test_recargastae_reads_every_product_as_the_service_writes_it(transact):
    read = products((await send(transact, get_sku_list(USER, PASSWORD))).text)
    assert len(read) == document().count("<product>") == 56
    # It unescapes only &lt; and &gt;: no name or description may need more.
    assert not [p for p in read if "&" in str(p["name"]) + str(p["info"])]
    assert {p["name"] for p in read} >= {"TELCEL", "MOVISTAR", "ATT", "UNEFON", "CFE"}
    assert {p["stype"] for p in read} == {1, 2, 3}


async def test_recargastae_sells_and_reads_the_do_t_answer(transact):
    result = await get_do_t(transact, "5555550000")  # the world's row 0: delivered at once
    assert (result["rcode"], result["op_account"]) == (0, "5555550000")
    assert 0 < int(result["transaction_id"]) <= INT32
    ledger = transact.state.world.ledger
    assert [(x["sku"], x["amount"]) for x in ledger] == [("TEL-050", 5000)]


async def test_recargastae_reads_a_refusal_with_its_rcode_detail(transact):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=transact),
                                 base_url="http://sim.test") as control:
        await control.post("/sim/balance", json={"available": 0})
    result = await get_do_t(transact, "5512345678")
    # as its recorded failure: rcode 3, "Sin Saldo $0.00", a detail (there "SR029A")
    assert (result["rcode"], result["rcode_description"]) == (3, "Sin Saldo $0.00")
    assert result["rcode_detail"] == "INSUFFICIENT_BALANCE"
