"""gogl92/taecel's requests against the simulator's Taecel face, read as gogl92/taecel reads
them (php_gogl92.py): its test matrix must give its own ``result.csv`` row for row."""

from __future__ import annotations

import json
import re

import pytest
from contract_wire import fast_clock, send
from php_gogl92 import (
    PhpThrew,
    fputcsv,
    get_balance,
    get_products,
    request,
    request_txn,
    status_txn,
)

from recarga_tui.sim.taecel import make_app

KEY, NIP = "demo", "1234"  # the face's demo account (gogl92 reads TAECEL_KEY, TAECEL_NIP)

# tests/Unit/TaecelTest.php:367-376, matrizDePruebasProvider: referencia, carrier, codigo, monto
MATRIX = [
    ("5555555505", "Telcel", "TEL010", 10), ("5555555510", "Telcel", "TEL050", 50),
    ("5555555515", "Telcel", "TEL100", 100), ("5555555520", "Telcel", "TEL150", 150),
    ("5555555525", "Telcel", "TEL200", 200), ("5555555530", "Movistar", "MOV010", 10),
    ("5555555540", "Movistar", "MOV050", 50), ("5555555560", "Movistar", "MOV100", 100),
    ("5555555565", "Movistar", "MOV120", 120), ("5555555200", "Movistar", "MOV150", 150),
]
# result.csv at d134aa7: the real Taecel's answers to the first eight rows.
RESULT_CSV = """\
5555555505,Telcel,TEL010,10,"2025-05-01 16:55:03",250500041824,916581,Exitosa,
5555555510,Telcel,TEL050,50,,,,fracasada,"Teléfono no valido, error: 1"
5555555515,Telcel,TEL100,100,"2025-05-01 16:55:20",250500041844,760543,Exitosa,
5555555520,Telcel,TEL150,150,,,,fracasada,"Servicio no disponible"
5555555525,Telcel,TEL200,200,"2025-05-01 16:55:49",250500041866,656809,Exitosa,
5555555530,Movistar,MOV010,10,"2025-05-01 16:56:15",250500041880,541505,Exitosa,
5555555540,Movistar,MOV050,50,,,,fracasada,"Monto Invalido, error: 3"
5555555560,Movistar,MOV100,100,"2025-05-01 16:57:26",250500041939,298837,Exitosa,
""".splitlines()
# The three values of a delivered row that differ from run to run, and their shapes.
FECHA, TRANS_ID, FOLIO = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", r"\d{12}", r"\d{6}"


@pytest.fixture
def taecel():
    return make_app(seed=5, clock=fast_clock())


async def call(app, operation: str, fields: list[tuple[str, str]]):
    answer = await send(app, request(operation, [("key", KEY), ("nip", NIP), *fields]))
    return answer.status_code, answer.content


async def matrix_row(app, referencia: str, carrier: str, codigo: str, monto: int) -> list:
    """TaecelTest::testMatrizDePruebas (tests/Unit/TaecelTest.php:23-75): requestTxn, then
    statusTxn, and the CSV row it writes; on any Throwable, the row of a failure."""
    try:
        trans_id = request_txn(*await call(app, "RequestTXN", [
            ("producto", codigo), ("referencia", referencia), ("monto", str(monto))]))
        info = status_txn(*await call(app, "StatusTXN", [("transID", trans_id)]))
        return [referencia, carrier, codigo, monto, info["Fecha"], info["TransID"],
                info["Folio"], info["Status"], info["Nota"]]
    except PhpThrew as threw:
        return [referencia, carrier, codigo, monto, "", "", "", "fracasada", str(threw)]


async def test_gogl92_matrix_gives_its_own_result_csv_row_for_row(taecel):
    for (referencia, carrier, codigo, monto), real in zip(MATRIX, RESULT_CSV, strict=False):
        row = await matrix_row(taecel, referencia, carrier, codigo, monto)
        if row[7] == "Exitosa":
            assert re.fullmatch(FECHA, row[4]) and re.fullmatch(TRANS_ID, row[5])
            assert re.fullmatch(FOLIO, row[6])  # six digits, as every real Folio
            real_values = real.split(",")
            row[4:7] = [real_values[4].strip('"'), real_values[5], real_values[6]]
        assert fputcsv(row) == real


async def test_gogl92_matrix_row_9_mov120_is_sold_as_its_log_shows(taecel):
    # logs/laravel.log at d134aa7, its last line: RequestTXN of 5555555565 MOV120 answered
    # {"success":true,"error":0,...,"data":{"transID":"250500041988",...}}
    trans_id = request_txn(*await call(taecel, "RequestTXN", [
        ("producto", "MOV120"), ("referencia", "5555555565"), ("monto", "120")]))
    assert re.fullmatch(TRANS_ID, trans_id)
    row = await matrix_row(taecel, "5555555200", "Movistar", "MOV150", 150)
    assert row[7] == "Exitosa"  # row 10: any other number follows the world (here, delivered)


async def test_gogl92_base_url_with_a_trailing_slash_reaches_get_balance(taecel):
    assert request("getBalance", []).path == "//getBalance"
    pools = get_balance(*await call(taecel, "getBalance", []))
    assert [(p["ID"], p["Bolsa"]) for p in pools] == [("1", "Tiempo Aire"),
                                                      ("2", "Pago de Servicios")]
    assert pools[0]["Saldo"] == 100.0  # floatval("100,000"): gogl92's own reading


async def test_gogl92_models_take_every_carrier_and_product(taecel):
    proveedores, productos = get_products(*await call(taecel, "getProducts", []))
    # TaecelTest::testGetProductos (tests/Unit/TaecelTest.php:92-115) and the providers' tests
    assert productos and all(p["BolsaID"] > 0 and p["CategoriaID"] > 0 and p["CarrierID"] > 0
                             for p in productos)
    assert all(isinstance(p["Monto"], int | float) for p in productos)
    assert {p["CategoriaID"] for p in proveedores} >= {1, 2, 3}
    telcel = next(p for p in proveedores if "elcel" in p["Nombre"])
    # getProductsByCarrier (src/Taecel.php:210-219) compares with ===: both ints
    assert any(p["CarrierID"] == telcel["ID"] for p in productos)
    assert all(c["Min"] <= c["Max"] for p in proveedores for c in p["Campos"])
    assert {p["Codigo"] for p in productos} >= {row[2] for row in MATRIX}


async def test_status_txn_has_the_fields_of_the_2025_answers_logo_last(taecel):
    # logs/laravel.log at d134aa7: every StatusTXN's data, in this order
    logged = ["TransID", "Fecha", "Carrier", "Telefono", "Folio", "Status", "Monto", "Cargo",
              "Abono", "Via", "Región", "Timeout", "IP", "Bolsa", "Comision", "Nota", "pin",
              "Saldo Final", "logo"]
    trans_id = request_txn(*await call(taecel, "RequestTXN", [
        ("producto", "TEL010"), ("referencia", "5555555505"), ("monto", "10")]))
    status, body = await call(taecel, "StatusTXN", [("transID", trans_id)])
    data = json.loads(body)["data"]
    assert list(data) == logged and data["logo"].endswith("/telcel.png")
    assert b'"logo":"https:\\/\\/' in body  # its slashes escaped, as PHP writes them
