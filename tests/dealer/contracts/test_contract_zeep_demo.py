"""The zeep "recargasyservicios" demo's requests against the simulator's transact face, read
as zeep reads them in its default strict mode (python_zeep_demo.py).

zeep itself is not installed for this: it brings lxml and requests (~26 MB, over a second
to import) to a suite that needs one rule of it, transcribed in ``read_sequence``. The demo
was also run once with zeep 4.3.3 itself against ``recarga-tui sim --dealer transact``
(docs/dealers/transact.md, "Public clients checked")."""

from __future__ import annotations

import pytest
from contract_wire import fast_clock, send
from defusedxml.ElementTree import fromstring
from python_zeep_demo import (
    ZeepError,
    balance,
    call,
    get_wsdl,
    read_sequence,
    result_of,
    sequence_of,
)

from recarga_tui.sim.transact import make_app

USER, PASSWORD = "demo", "demo"
# RHMilano/POS-Back, Project.Business/Connected Services/ProxyTiempoAire/transact.wsdl: a
# public WSDL's TResponse, which has no rcode_detail.
PUBLIC_TRESPONSE = ["transaction_id", "rcode", "rcode_description", "op_account",
                    "op_authorization", "printData", "xmlDevData"]


@pytest.fixture
def transact():
    return make_app(seed=19, clock=fast_clock())


async def tresponse(app, wsdl: bytes, operation: str, *fields: tuple[str, str]) -> dict:
    answer = await send(app, call(operation, *fields))
    return read_sequence(result_of(answer.content, operation), sequence_of(wsdl, "TResponse"))


async def sell(app, wsdl: bytes, number: str, monto: str) -> tuple[str, dict, dict]:
    """requestId, solicitaTAE, checkTransaction (lines 27-69), zeep reading each answer."""
    answer = await send(app, call("GetTRequestID", ("username", USER), ("password", PASSWORD),
                                  ("licence", "")))
    rid = result_of(answer.content, "GetTRequestID").text
    assert rid  # else verifyRequestId: "La solicitud de la transaccion Fallo"
    dot = await tresponse(app, wsdl, "DoT", ("TRequestID", rid), ("username", USER),
                          ("skuCode", "TEL-050"), ("op_account", number), ("monto", monto))
    check = await tresponse(app, wsdl, "CheckTransaction", ("TRequestID", rid),
                            ("username", USER))
    return rid, dot, check


async def test_zeep_demo_finds_the_wsdl_at_question_wsdl(transact):
    answer = await send(transact, get_wsdl())
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/xml")
    wsdl = answer.content
    # what the face sends, declared in its order: rcode_detail after the description
    assert sequence_of(wsdl, "TResponse") == [
        "transaction_id", "rcode", "rcode_description", "rcode_detail", "op_account",
        "op_authorization", "printData", "xmlDevData"]
    assert b'location="http://sim.test/transact.asmx"' in wsdl  # where it was asked
    assert b'name="transactSoap12"' in wsdl


@pytest.mark.parametrize("monto", ["50", "50.0"])
async def test_zeep_demo_sells_and_reads_strictly(transact, monto):
    wsdl = (await send(transact, get_wsdl())).content
    assert balance((await send(transact, call(
        "GetBalance", ("username", USER), ("password", PASSWORD)))).content) == "100000.00"
    _, dot, check = await sell(transact, wsdl, "5555550000", monto)
    assert (dot["rcode"], dot["op_account"], len(dot["op_authorization"])) == (
        "0", "5555550000", 6)
    assert check["rcode"] == "0" and check["op_authorization"] == dot["op_authorization"]
    assert len(transact.state.world.ledger) == 1


async def test_zeep_demo_reads_a_refusal_and_its_detail_strictly(transact):
    wsdl = (await send(transact, get_wsdl())).content
    _, dot, _ = await sell(transact, wsdl, "5555550001", "50")  # the world's invalid number
    assert (dot["rcode"], dot["rcode_detail"], dot["op_account"]) == (
        "5", "INVALID_NUMBER", "5555550001")


async def test_a_success_is_read_strictly_with_a_public_wsdl_too(transact):
    # A deployment without rcode_detail in its WSDL: the face leaves it out when empty, so
    # zeep strict with that WSDL reads a sale, and lax loses nothing of it.
    answer = await send(transact, call("GetTRequestID", ("username", USER),
                                       ("password", PASSWORD), ("licence", "")))
    rid = result_of(answer.content, "GetTRequestID").text or ""
    sold = await send(transact, call("DoT", ("TRequestID", rid), ("username", USER),
                                     ("skuCode", "TEL-050"), ("op_account", "5555550000"),
                                     ("monto", "50")))
    result = result_of(sold.content, "DoT")
    strict = read_sequence(result, PUBLIC_TRESPONSE)
    assert strict["rcode"] == "0" and strict == read_sequence(result, PUBLIC_TRESPONSE, False)
    assert set(strict) == set(PUBLIC_TRESPONSE)


def test_the_transcribed_rule_refuses_what_zeep_strict_refuses():
    body = ('<r xmlns="http://tempuri.org/"><transaction_id>0</transaction_id><rcode>3</rcode>'
            "<rcode_description>Sin Saldo $0.00</rcode_description><rcode_detail>SR029A"
            "</rcode_detail><op_account>2222222222</op_account><op_authorization />"
            "<printData /><xmlDevData /></r>")  # RecargasTae's recorded failure answer
    with pytest.raises(ZeepError, match="rcode_detail"):
        read_sequence(fromstring(body), PUBLIC_TRESPONSE)
    lax = read_sequence(fromstring(body), PUBLIC_TRESPONSE, strict=False)
    assert "op_account" not in lax and lax["rcode"] == "3"  # lax loses what follows
