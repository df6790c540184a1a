"""The C# WCF client of Pagaqui against the simulator's transact face: SOAP 1.2, WCF's
envelopes, Pagaqui's extra DoT fields, read as WCF and the integrator read them
(csharp_pagaqui.py)."""

from __future__ import annotations

import pytest
from contract_wire import fast_clock, send
from csharp_pagaqui import (
    DotNetThrew,
    call,
    integrator_reads,
    products,
    result_of,
    tresponse,
)

from recarga_tui.sim.transact import make_app

USER, PASSWORD = "demo", "demo"
PAGAQUI_EXTRAS = (("pv", "PV0001"), ("latitude", "19.4326"), ("longitude", "-99.1332"))


@pytest.fixture
def transact():
    return make_app(seed=23, clock=fast_clock())


async def answer(app, operation: str, *fields: tuple[str, str]):
    got = await send(app, call(operation, *fields))
    return result_of(got.headers.get("content-type", ""), got.content, operation)


async def request_id(app, licence: str = "") -> str:
    found = await answer(app, "GetTRequestID", ("username", USER), ("password", PASSWORD),
                         ("licence", licence))
    return found.text or ""


async def test_pagaqui_soap12_gets_an_id_and_sells_with_its_extra_fields(transact):
    rid = await request_id(transact, "DEMO")
    sold = tresponse(await answer(transact, "DoT", ("TRequestID", rid), ("username", USER),
                                  ("skuCode", "TEL-050"), ("op_account", "5555550000"),
                                  ("monto", "50"), *PAGAQUI_EXTRAS))
    assert (sold["rcode"], sold["op_account"]) == ("0", "5555550000")
    assert len(integrator_reads(sold)) == 6
    checked = tresponse(await answer(transact, "CheckTransaction", ("TRequestID", rid),
                                     ("username", USER)))
    assert checked["rcode"] == "0" and integrator_reads(checked) == integrator_reads(sold)
    assert [(x["msisdn"], x["amount"]) for x in transact.state.world.ledger] == [
        ("5555550000", 5000)]


async def test_pagaqui_reads_a_refusal_without_a_null(transact):
    rid = await request_id(transact)
    refused = tresponse(await answer(transact, "DoT", ("TRequestID", rid), ("username", USER),
                                     ("skuCode", "TEL-050"), ("op_account", "5555550001"),
                                     ("monto", "50"), *PAGAQUI_EXTRAS))
    assert refused["rcode"] == "5" and integrator_reads(refused) == ""  # "", never null


async def test_pagaqui_loads_the_sku_list_and_reads_products_by_position(transact):
    listed = products(await answer(transact, "GetSkuList", ("username", USER),
                                   ("password", PASSWORD)))
    by_sku = {sku: (name, checksku, regex) for name, sku, checksku, regex in listed}
    assert by_sku["TEL-050"] == ("TELCEL", "0", "^[0-9]{10}$")
    assert by_sku["SRV-CFE"] == ("CFE", "0", "^[0-9]{30}$")


async def test_a_soap12_request_the_face_cannot_read_is_a_soap12_fault(transact):
    got = await send(transact, call("DoX", ("username", USER)))
    assert got.status_code == 500
    assert got.headers["content-type"].startswith("application/soap+xml")
    assert b"<soap:Value>soap:Sender</soap:Value>" in got.content
    with pytest.raises(DotNetThrew, match="FaultException"):
        result_of(got.headers["content-type"], got.content, "DoX")


async def test_wcf_on_the_soap11_port_is_answered_in_soap11(transact):
    # RHMilano/POS-Back's WCF proxy (TiempoAireBusiness.cs): GetTRequestID with its licence,
    # DoT with form_addons null (left out), the envelope ``s:``, no XML declaration.
    got = await send(transact, call("GetTRequestID", ("username", USER),
                                    ("password", PASSWORD), ("licence", "DEMO"), soap12=False))
    rid = result_of(got.headers["content-type"], got.content, "GetTRequestID",
                    soap12=False).text or ""
    got = await send(transact, call("DoT", ("TRequestID", rid), ("username", USER),
                                    ("skuCode", "TEL-050"), ("op_account", "5555550000"),
                                    ("monto", "50"), soap12=False))
    sold = tresponse(result_of(got.headers["content-type"], got.content, "DoT", soap12=False))
    assert sold["rcode"] == "0" and len(integrator_reads(sold)) == 6
