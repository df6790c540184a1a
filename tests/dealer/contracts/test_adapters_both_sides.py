"""The app's adapters on both sides of every point where public clients and answers disagree:
whichever side a deployment takes, the adapter reads it the same (or sends what every side
takes).

Taecel: the base URL with or without its last ``/``; ``monto`` sent (gogl92, the app) or not
(mextic, the getSales script); getSales with ``bolsa`` (the app, the Java POS) or without it
(the script), and its lines with or without ``Bolsa``; getProducts' ids and amounts as
numbers or text (``10``, ``10.0``, ``"10"``, ``"10.00"``). transact: answers with ``soap:``
or ``s:``, with or without an XML declaration, with or without ``rcode_detail``;
``op_authorization`` of six digits or ten; an empty licence; "AT&T" or "ATT" in GetSkuList."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from contract_wire import fast_clock

from recarga_tui.dealer import Confirmed, Rejected
from recarga_tui.dealer.http import in_process
from recarga_tui.dealer.match import Sent
from recarga_tui.dealer.taecel import api
from recarga_tui.dealer.taecel.adapter import TaecelDealer
from recarga_tui.dealer.taecel.times import MEXICO_CITY
from recarga_tui.dealer.transact import parse_dot, parse_sku_list
from recarga_tui.dealer.transact.adapter import TransactDealer
from recarga_tui.dealer.transact.catalog import catalog_of
from recarga_tui.sim import taecel as taecel_face
from recarga_tui.sim import transact as transact_face
from recarga_tui.sim.taecel import catalog as taecel_catalog
from recarga_tui.sim.taecel.bodies import php_json

KEY, NIP = "demo", "1234"


class Recorded(httpx.AsyncBaseTransport):
    """The simulator in-process, with the path and form of every request kept."""

    def __init__(self, app: Any) -> None:
        self.inner = in_process(app)
        self.seen: list[tuple[str, bytes]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append((request.url.path, await request.aread()))
        return await self.inner.handle_async_request(request)


# --- Taecel -----------------------------------------------------------------------------------


@pytest.mark.parametrize("base", ["http://sim.test", "http://sim.test/"])
async def test_taecel_adapter_never_depends_on_the_base_urls_last_slash(base):
    app = taecel_face.make_app(seed=29, clock=fast_clock())
    wire = Recorded(app)
    dealer = TaecelDealer(base, key=KEY, nip=NIP, transport=wire, send_timeout=5.0)
    await dealer.login("", "")
    assert (await dealer.catalog()).products
    outcome = await dealer.send_topup(Sent("T-1", "5555550000", "TEL050", 5000))
    assert isinstance(outcome, Confirmed) and len(outcome.carrier_folio) == 6
    assert all(path.count("/") == 1 for path, _ in wire.seen)  # "/getBalance", never "//"
    sent_form = next(form for path, form in wire.seen if path.endswith("/RequestTXN"))
    assert b"monto=50.00" in sent_form  # the app sends monto; the face takes it or none
    await dealer.aclose()


async def test_taecel_adapter_report_asks_with_bolsa_and_reads_lines_with_or_without_it():
    app = taecel_face.make_app(seed=31, clock=fast_clock())
    dealer = TaecelDealer("http://sim.test", key=KEY, nip=NIP, transport=Recorded(app),
                          send_timeout=5.0)
    await dealer.login("", "")
    start = app.state.world.now()
    assert isinstance(await dealer.send_topup(Sent("T-2", "5555550010", "TEL020", 2000)),
                      Confirmed)
    app.state.world.clock.advance(600)
    with_bolsa = await dealer.sales_report(start - timedelta(minutes=1), app.state.world.now())
    assert [line.msisdn for line in with_bolsa.lines] == ["5555550010"]
    day = start.astimezone(MEXICO_CITY).date()
    without = dict(api.get_sales(KEY, NIP, day, "1"))
    del without["bolsa"]  # the getSales script's form: every pool of the day
    async with httpx.AsyncClient(transport=in_process(app), base_url="http://sim.test") as http:
        lines = (await http.post("/getSales", data=without)).json()["data"]
    assert [x["Telefono"] for x in lines] == ["5555550010"] and "Bolsa" in lines[0]
    stripped = [{k: v for k, v in line.items() if k != "Bolsa"} for line in lines]
    body = php_json({"success": True, "error": 0, "message": "Consulta Exitosa",
                     "data": stripped, "extra": None})
    mock = TaecelDealer("http://sim.test", key=KEY, nip=NIP, transport=httpx.MockTransport(
        lambda request: httpx.Response(200, content=body if request.url.path.endswith(
            "getSales") else taecel_answer(request))))
    await mock.login("", "")
    report = await mock.sales_report(start - timedelta(minutes=1), app.state.world.now())
    assert [line.msisdn for line in report.lines] == ["5555550010"]
    await dealer.aclose()
    await mock.aclose()


def _as_text(data: dict[str, Any], monto: Any) -> dict[str, Any]:
    """getProducts as the Java POS's models read it: every number as its digits."""
    def text(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: text(v) for k, v in value.items()}
        if isinstance(value, list):
            return [text(v) for v in value]
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    written = text(data)
    for product in written["productos"]:
        product["Monto"] = monto(int(product["Monto"]))
    return written


def taecel_answer(request: httpx.Request, products: dict[str, Any] | None = None) -> bytes:
    data: Any = [{"ID": "1", "Bolsa": "Tiempo Aire", "Saldo": "1,000"},
                 {"ID": "2", "Bolsa": "Pago de Servicios", "Saldo": "50,000"}]
    if request.url.path.endswith("getProducts"):
        data = products if products is not None else taecel_catalog.products_data()
    return php_json({"success": True, "error": 0, "message": "Consulta Exitosa", "data": data,
                     "extra": None})


@pytest.mark.parametrize("written", [
    lambda data: data,                                    # numbers (the face, gogl92's models)
    lambda data: _as_text(data, str),                     # "10" (the Java POS's Strings)
    lambda data: _as_text(data, lambda pesos: f"{pesos}.00"),  # "10.00"
    lambda data: _as_text(data, float),                   # 10.0
], ids=["numbers", "text", "text-with-cents", "floats"])
async def test_taecel_adapter_reads_the_catalog_whether_numbers_are_numbers_or_text(written):
    data = written(taecel_catalog.products_data())
    dealer = TaecelDealer("https://taecel.example/app/api", key=KEY, nip=NIP,
                          transport=httpx.MockTransport(lambda request: httpx.Response(
                              200, content=taecel_answer(request, data))))
    await dealer.login("", "")
    catalog = await dealer.catalog()
    assert catalog.product("TEL010").amount == 1000 and catalog.product("MOV120").amount == 12000
    assert catalog.product("PSL150").amount == 15000
    pools = {p.sku: p.pool for p in catalog.products}
    assert pools["TEL010"] == pools["PSL150"] != pools["CFE000"]
    await dealer.aclose()


# --- transact ---------------------------------------------------------------------------------

SENT = Sent("DEMO-01-250314-a1b2c3d4", "2222222222", "TEL-050", 5000)
AT = datetime(2025, 3, 14, 19, 45, tzinfo=UTC)


def dot_answer(prefix: str, declaration: bool, detail: str | None, authorization: str,
               rcode: int = 0) -> bytes:
    envelope = "http://schemas.xmlsoap.org/soap/envelope/"
    detail_element = "" if detail is None else f"<rcode_detail>{detail}</rcode_detail>"
    body = (f'<{prefix}:Envelope xmlns:{prefix}="{envelope}"><{prefix}:Body>'
            '<DoTResponse xmlns="http://tempuri.org/"><DoTResult>'
            f"<transaction_id>12357</transaction_id><rcode>{rcode}</rcode>"
            f"<rcode_description>Transaccion Aprobada</rcode_description>{detail_element}"
            "<op_account>2222222222</op_account>"
            f"<op_authorization>{authorization}</op_authorization><printData /><xmlDevData />"
            f"</DoTResult></DoTResponse></{prefix}:Body></{prefix}:Envelope>")
    return ((('<?xml version="1.0" encoding="utf-8"?>') if declaration else "") + body).encode()


@pytest.mark.parametrize("prefix", ["soap", "s"])
@pytest.mark.parametrize("declaration", [True, False])
@pytest.mark.parametrize("detail", [None, "", "SR029A"])
@pytest.mark.parametrize("authorization", ["502735", "8594531750"])
def test_transact_adapter_reads_a_sale_whatever_the_deployment_writes(
        prefix, declaration, detail, authorization):
    outcome = parse_dot(dot_answer(prefix, declaration, detail, authorization), SENT,
                        request_id="3234653462", at=AT)
    assert isinstance(outcome, Confirmed)
    assert (outcome.carrier_folio, outcome.dealer_folio) == (authorization, "12357")


@pytest.mark.parametrize("detail", [None, "SR029A"])
def test_transact_adapter_reads_a_refusal_with_or_without_its_detail(detail):
    body = dot_answer("soap", True, detail, "", rcode=5)
    outcome = parse_dot(body, SENT, request_id="3234653462", at=AT)
    assert isinstance(outcome, Rejected) and outcome.fault.code == "dealer.code.invalid_number"


@pytest.mark.parametrize("licence", ["", "DEMO"])
async def test_transact_adapter_sells_with_or_without_a_licence(licence):
    app = transact_face.make_app(seed=37, clock=fast_clock())
    dealer = TransactDealer("http://sim.test", licence=licence, transport=in_process(app),
                            send_timeout=5.0)
    await dealer.login("demo", "demo")
    sent = Sent("DEMO-01-260101-0000abcd", "5555550000", "TEL-050", 5000)
    rid = await dealer.request_id(sent)
    outcome = await dealer.send_topup(sent, dealer_id=rid)
    assert isinstance(outcome, Confirmed) and len(outcome.carrier_folio) == 6
    assert [x["client_ref"] for x in app.state.world.ledger] == [rid]
    await dealer.aclose()


@pytest.mark.parametrize("name", ["AT&amp;T", "ATT"])
def test_transact_adapter_names_att_one_company_whichever_way_it_is_written(name):
    inner = (f"<products><product><name>{name}</name><sku>ATT-050</sku><monto>50.00</monto>"
             "<info>Recarga</info><costo>50</costo><checksku>0</checksku>"
             "<regex>^[0-9]{10}$</regex><stype>1</stype><opid>3</opid></product></products>")
    escaped = inner.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = ('<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap='
            '"http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetSkuListResponse '
            f'xmlns="http://tempuri.org/"><GetSkuListResult>{escaped}</GetSkuListResult>'
            "</GetSkuListResponse></soap:Body></soap:Envelope>").encode()
    catalog = catalog_of(parse_sku_list(body))
    assert [(c.id, p.sku) for c in catalog.carriers for p in catalog.products] == [
        ("att", "ATT-050")]


def test_the_faces_catalogs_are_json_the_php_way():
    # A guard on the bodies above: the face's getProducts is what php_json writes.
    data = taecel_catalog.products_data()
    assert json.loads(php_json(data)) == data
