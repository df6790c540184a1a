"""The published PHP getSales script against the simulator's Taecel face: its multipart
forms are read as PHP's ``$_POST`` reads them, and its check of the day's sales works
(php_getsales.py)."""

from __future__ import annotations

import pytest
from contract_wire import fast_clock, send
from php_getsales import multipart, topped_up, trans_id

from recarga_tui.dealer.taecel.times import MEXICO_CITY
from recarga_tui.sim.taecel import make_app

KEY, NIP = "demo", "1234"
TELEFONO = "5555550100"  # the script's $telefono (line 11); here a number the world delivers


@pytest.fixture
def taecel():
    return make_app(seed=13, clock=fast_clock())


def today(app) -> str:
    """``date("Y-m-d")`` where the shop is."""
    return app.state.world.now().astimezone(MEXICO_CITY).strftime("%Y-%m-%d")


async def run_script(app) -> bool:
    """The script once (lines 14-64): getSales of today; if the number is not there, TEL050
    to it and StatusTXN of its transID. True when it topped up."""
    sales = await send(app, multipart("getSales", [("key", KEY), ("nip", NIP),
                                                  ("fecha", today(app))]))
    if topped_up(sales.content, TELEFONO):
        return False
    taken = await send(app, multipart("RequestTXN", [("key", KEY), ("nip", NIP),
                                                    ("producto", "TEL050"),
                                                    ("referencia", TELEFONO)]))
    found = trans_id(taken.content)
    assert isinstance(found, str)  # $response->data->transID
    status = await send(app, multipart("StatusTXN", [("key", KEY), ("nip", NIP),
                                                    ("transID", found)]))
    assert status.json()["data"]["Status"] == "Exitosa"
    return True


async def test_getsales_script_multipart_forms_carry_the_credentials(taecel):
    answer = await send(taecel, multipart("getSales", [("key", KEY), ("nip", NIP),
                                                      ("fecha", today(taecel))]))
    body = answer.json()
    assert (body["success"], body["error"], body["data"]) == (True, 0, [])  # not a 405


async def test_getsales_script_tops_up_once_and_then_finds_the_sale(taecel):
    world = taecel.state.world
    assert await run_script(taecel) is True
    world.clock.advance(600)  # past the reflection delay (R19: under 10 minutes)
    assert await run_script(taecel) is False  # getSales shows it: "Recarga Exitosa"
    assert [(x["msisdn"], x["sku"]) for x in world.ledger] == [(TELEFONO, "TEL050")]
