"""The Taecel decoder on the answers Taecel really gave, and on a hostile dealer's.

The real answers are in taecel_samples.py, each with its source. Whatever the body, the
classifiers return an outcome and never raise; anything that is not a known refusal is
Unknown, origin dealer (R16).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
import taecel_samples as real
from hypothesis import given
from hypothesis import strategies as st
from msgspec.structs import replace

from recarga_tui.dealer import Confirmed, Pending, Rejected, Unknown, match
from recarga_tui.dealer.taecel import (
    MEXICO_CITY,
    SERVICIOS,
    Accepted,
    Catalog,
    MoneyError,
    RecentTopup,
    TimeError,
    api,
    classify_request,
    classify_status,
    format_fecha,
    format_money,
    matching,
    parse_fecha,
    parse_money,
    read_balance,
    read_products,
    read_sales,
    state_of,
)
from recarga_tui.dealer.taecel.money import (
    form_amount,
    format_pesos,
    parse_form_amount,
)
from recarga_tui.domain.faults import Certainty, Origin

MX = timezone(timedelta(hours=-6))


# --- RequestTXN ---------------------------------------------------------------------------


def test_request_taken_names_taecels_reference_and_time():
    outcome = classify_request(real.REQUEST_OK_2025)
    assert outcome == Accepted("250500041824", datetime(2025, 5, 1, 16, 55, 3, tzinfo=MX),
                               "Consulta Exitosa")
    assert outcome.at.tzinfo is MEXICO_CITY


def test_request_taken_in_2022_had_no_time():
    assert classify_request(real.REQUEST_OK_2022) == Accepted("220600386450", None,
                                                              "Consulta Exitosa")


def test_r16_3128_is_not_a_rejection_but_a_reason_to_look_in_the_report():
    outcome = classify_request(real.REQUEST_3128)
    assert isinstance(outcome, RecentTopup)
    assert outcome.dealer_code == "3128"
    assert outcome.fault.origin is Origin.DEALER
    assert outcome.fault.must_check and not outcome.fault.money_may_go_back
    assert outcome.message.startswith("Numero recargado en menos de 10 minutos")


def test_3128_as_an_integer_is_the_same_answer():
    body = json.loads(real.REQUEST_3128)
    body["error"] = 3128
    assert isinstance(classify_request(json.dumps(body)), RecentTopup)


@pytest.mark.parametrize("code, origin, error_class", [
    ("1", Origin.CONSUMER, "invalid"), (1, Origin.CONSUMER, "invalid"),
    ("3", Origin.SHOP, "invalid"), ("2130", Origin.SHOP, "refused"), (2130, Origin.SHOP, "refused"),
])
def test_r01_a_known_refusal_of_request_is_definite_with_its_origin(code, origin, error_class):
    body = {"success": False, "error": code, "message": "x", "data": [], "extra": None}
    outcome = classify_request(json.dumps(body))
    assert isinstance(outcome, Rejected)
    assert outcome.fault.origin is origin and outcome.error_class == error_class
    assert outcome.fault.certainty is Certainty.DEFINITE
    assert outcome.dealer_code == str(code)


def test_r16_a_refusal_that_names_a_transaction_is_unknown():
    body = {"success": False, "error": "1", "message": "x", "data": {"transID": "250500000001"}}
    assert isinstance(classify_request(json.dumps(body)), Unknown)


@pytest.mark.parametrize("code", ["405", "9999", "", "E-17", 0, 10**40, "3128 x"])
def test_r16_an_unknown_code_on_request_is_unknown_origin_dealer(code):
    body = {"success": False, "error": code, "message": "Acceso denegado", "data": []}
    outcome = classify_request(json.dumps(body))
    assert isinstance(outcome, Unknown) and outcome.origin is Origin.DEALER
    assert outcome.fault.must_check


def test_a_success_that_carries_an_error_code_is_unknown():
    body = json.loads(real.REQUEST_OK_2025)
    body["error"] = "3128"
    assert isinstance(classify_request(json.dumps(body)), Unknown)


# --- StatusTXN ----------------------------------------------------------------------------


def test_status_exitosa_is_confirmed_with_folio_dealer_time_and_balance_after():
    answer = classify_status(real.STATUS_EXITOSA_2025)
    assert answer.outcome == Confirmed("916581", "250500041824",
                                       datetime(2025, 5, 1, 16, 55, 3, tzinfo=MX), 73490, False)
    txn = answer.transaction
    assert (txn.number, txn.carrier, txn.amount, txn.pool) == ("5555555505", "Telcel", 1000,
                                                               "Tiempo Aire")
    assert txn.delivered


def test_status_exitosa_of_a_bundle_in_2022():
    answer = classify_status(real.STATUS_EXITOSA_2022)
    assert isinstance(answer.outcome, Confirmed)
    assert answer.outcome.carrier_folio == "644439" and answer.outcome.balance_after == 4890
    assert answer.transaction.carrier == "Paquete Amigo Sin Limite"
    assert classify_status(real.STATUS_EXITOSA_60S).outcome.balance_after == 17490


def test_r01_fracasada_invalid_number_is_the_consumers_and_definite():
    answer = classify_status(real.STATUS_INVALID_NUMBER)
    assert isinstance(answer.outcome, Rejected)
    assert answer.outcome.fault.origin is Origin.CONSUMER
    assert answer.outcome.fault.certainty is Certainty.DEFINITE
    assert answer.outcome.fault.code == "dealer.code.invalid_number"
    assert answer.outcome.fault.params["dealer_message"] == "Teléfono no valido"
    assert answer.transaction.status == "Fracasada"  # the trailing space is gone
    assert answer.transaction.state == "failed" and answer.transaction.folio == ""


def test_r01_fracasada_invalid_amount_is_the_shops():
    outcome = classify_status(real.STATUS_INVALID_AMOUNT).outcome
    assert isinstance(outcome, Rejected) and outcome.fault.origin is Origin.SHOP
    assert outcome.error_class == "invalid" and outcome.dealer_code == "3"


def test_r01_2130_saldo_insuficiente_is_the_shops_and_definite():
    answer = classify_status(real.STATUS_2130)
    assert isinstance(answer.outcome, Rejected)
    assert answer.outcome.fault.origin is Origin.SHOP and answer.outcome.dealer_code == "2130"
    assert answer.outcome.fault.money_may_go_back
    assert answer.transaction.note == "Saldo insuficiente"
    assert answer.transaction.amount == 20000


def test_r16_the_intentionally_garbled_status_is_unknown_and_names_nothing():
    answer = classify_status(real.STATUS_GARBLED)
    assert isinstance(answer.outcome, Unknown) and answer.transaction is None
    assert answer.outcome.reason == "malformed" and answer.outcome.origin is Origin.DEALER


@pytest.mark.parametrize("status", ["En Proceso", "EN PROCESO ", "Pendiente"])
def test_status_in_progress_is_pending(status):
    body = json.loads(real.STATUS_EXITOSA_2025)
    body["data"].update(Status=status, Folio="")
    answer = classify_status(json.dumps(body))
    assert answer.outcome == Pending("250500041824", "250500041824",
                                     datetime(2025, 5, 1, 16, 55, 3, tzinfo=MX))


@pytest.mark.parametrize("success, error, status", [
    (True, 0, "Fracasada "),        # success, but failed
    (False, "1", "Exitosa"),        # a refusal of a delivered sale
    (True, 0, "No Procesada"),      # a status no source explains
    (False, "7777", "Fracasada "),  # failed, for a reason nobody knows
    (False, "3128", "Fracasada "),  # 3128 belongs to RequestTXN
    (False, "1", "En Proceso"),
])
def test_r16_contradictions_and_unknown_statuses_are_unknown(success, error, status):
    body = json.loads(real.STATUS_INVALID_NUMBER)
    body.update(success=success, error=error)
    body["data"]["Status"] = status
    answer = classify_status(json.dumps(body))
    assert isinstance(answer.outcome, Unknown) and answer.outcome.fault.must_check
    assert answer.transaction is not None  # what it said is kept for the notebook


def test_status_of_an_unknown_transaction_is_unknown():
    body = {"success": False, "error": "2", "message": "Transacción no encontrada", "data": []}
    answer = classify_status(json.dumps(body))
    assert isinstance(answer.outcome, Unknown) and answer.transaction is None


# --- queries ------------------------------------------------------------------------------


def test_balance_has_the_pools_as_taecel_rounds_them():
    pools = read_balance(real.BALANCE)
    assert [(p.id, p.name, p.balance) for p in pools] == [
        ("1", "Tiempo Aire", 89_996_813_400), ("2", "Pago de Servicios", 9_991_365_400),
        ("3", "Timbres CFDI", 569_700)]


def test_products_have_carriers_with_their_fields_and_products():
    catalog = read_products(real.PRODUCTS)
    assert isinstance(catalog, Catalog)
    telcel, cfe = catalog.carriers
    assert telcel.fields[0].name == "referencia" and telcel.fields[0].confirm
    assert (telcel.fields[0].min, telcel.fields[0].max) == (10, 10)
    assert telcel.fields[0].leading_zero is False
    assert cfe.id == "40" and cfe.category_id == SERVICIOS and cfe.pool_id == "2"
    assert [(f.name, f.min, f.max) for f in cfe.fields] == [("referencia", 12, 30),
                                                            ("monto", 1, 5000)]
    assert catalog.product("TEL010").amount == 1000
    assert catalog.product("CFE000").amount is None  # an open amount
    assert catalog.product("CFE000").carrier_id == "40"


def test_sales_lines_are_typed_and_only_delivered_ones_are_proof():
    lines = read_sales(real.SALES)
    assert [(x.trans_id, x.number, x.amount, x.delivered) for x in lines] == [
        ("250500041824", "5555555505", 1000, True), ("250500041830", "5555555510", 5000, False)]
    assert lines[0].at == datetime(2025, 5, 1, 16, 55, 3, tzinfo=MX)
    assert lines[0].folio == "916581" and lines[1].status == "Fracasada"


def test_r19_one_unreadable_line_makes_the_whole_report_unknown():
    body = json.loads(real.SALES)
    body["data"][1]["Monto"] = "$4.980,00"
    assert isinstance(read_sales(json.dumps(body)), Unknown)


def test_an_empty_day_is_an_empty_report_not_a_sale_taken():
    body = b'{"success":true,"error":0,"message":"Consulta Exitosa","data":[],"extra":null}'
    assert read_sales(body) == () and read_balance(body) == ()
    assert isinstance(classify_request(body), Unknown)
    assert isinstance(classify_status(body).outcome, Unknown)


def test_a_refused_query_is_unknown_about_no_sale():
    body = {"success": False, "error": "405", "message": "Acceso denegado", "data": []}
    for read in (read_sales, read_balance, read_products):
        outcome = read(json.dumps(body))
        assert isinstance(outcome, Unknown) and outcome.origin is Origin.DEALER
        assert outcome.fault.code == "dealer.taecel.query_refused"
        assert outcome.details["dealer_message"] == "Acceso denegado"


# --- the hostile dealer -------------------------------------------------------------------

HOSTILE = [
    b"", b" ", b"null", b"[]", b"{}", b"0", b'"ok"', b"\xff\xfe", b"\x00" * 10,
    b"<html><head><title>500 Internal Server Error</title></head><body>nginx</body></html>",
    b"<br />\n<b>Fatal error</b>:  Uncaught PDOException in /var/www/api.php:12",
    b'{"success":"true","error":0,"data":{"transID":"1"}}',          # success as text
    b'{"success":1,"error":0,"data":{"transID":"1"}}',               # success as a number
    b'{"success":true,"error":null,"data":{"transID":"1"}}',         # no code
    b'{"success":true,"error":1.5,"data":{"transID":"1"}}',          # a float code
    b'{"success":true,"error":0,"data":{"transID":250500041824}}',   # an id as a number
    b'{"success":true,"error":0,"data":{"transID":""}}',
    b'{"success":true,"error":0,"data":{}}',                         # empty data
    b'{"success":true,"error":0}',
    b'{"success":true,"error":0,"data":{"transID":"1","fecha":"0000-00-00 00:00:00"}}',
    b'{"success":true,"error":0,"data":{"transID":"1","fecha":"2025-02-30 10:00:00"}}',
    b'{"success":true,"error":0,"data":{"transID":"' + b"9" * 5000 + b'"}}',  # too long
    b'{"success":true,"error":1e400,"data":{}}',                     # a huge number
    b'{"success":true,"error":0,"data":{"transID":"\\ud800"}}',      # a lone surrogate
    b'{"success":true,"error":0,"data":' + b"[" * 100_000 + b"]" * 100_000 + b"}",  # deep
    b"[" * 1_000_000,
    b'{"success":true,"error":0,"data":{"transID":"1"}',             # cut short
    b'{"success":true,"error":0,"message":"' + b"x" * 900_000 + b'","data":{}}',
]


@pytest.mark.parametrize("body", HOSTILE, ids=range(len(HOSTILE)))
def test_r16_a_hostile_body_is_unknown_never_an_exception(body):
    assert isinstance(classify_request(body), Unknown)
    assert isinstance(classify_status(body).outcome, Unknown)
    for read in (read_sales, read_balance, read_products):
        assert isinstance(read(body), Unknown)


@pytest.mark.parametrize("field, value", [
    ("Monto", "$4.980,00"), ("Monto", "20.005"), ("Monto", "$-5.00"), ("Monto", 10),
    ("Monto", "$99999999999999999999.00"), ("Monto", "$١٠.٠٠"), ("Saldo Final", "N/A"),
    ("Fecha", "2025-05-01T16:55:03-06:00"), ("Fecha", "01/05/2025 16:55:03"),
    ("TransID", 250500041824), ("Status", None), ("Telefono", ["5555555505"]),
])
def test_r16_a_wrong_field_in_status_is_unknown(field, value):
    body = json.loads(real.STATUS_EXITOSA_2025)
    body["data"][field] = value
    answer = classify_status(json.dumps(body))
    assert isinstance(answer.outcome, Unknown) and answer.transaction is None


def test_strings_are_made_safe_and_a_bom_is_no_garbage():
    body = json.loads(real.STATUS_EXITOSA_2025)
    body["data"]["Folio"] = "\u202e916\u0007581 "
    body["message"] = "Transacción\nExitosa"
    answer = classify_status(b"\xef\xbb\xbf" + json.dumps(body).encode())
    assert answer.outcome.carrier_folio == "916581"
    assert classify_status(json.dumps(body, ensure_ascii=False)).outcome.carrier_folio == "916581"


def test_unknown_fields_are_ignored_as_taecel_adds_them():
    body = json.loads(real.STATUS_EXITOSA_2025)
    body["data"]["NuevoCampo"] = {"a": [1, 2, 3]}
    body["otro"] = True
    assert isinstance(classify_status(json.dumps(body)).outcome, Confirmed)


# --- money and times ----------------------------------------------------------------------


@pytest.mark.parametrize("text, centavos", [
    ("$4,980.00", 498000), ("$20.00", 2000), ("$1,258.05", 125805), ("$0.00", 0),
    ("899,968,134", 89_996_813_400), ("5,697", 569_700), ("10", 1000), (" $734.90 ", 73490),
    ("$1,000,000.01", 100_000_001),
])
def test_money_strings_are_exact_centavos(text, centavos):
    assert parse_money(text) == centavos


@pytest.mark.parametrize("text", [
    "$4.980,00", "20.005", "20.5", "$-5.00", "-5", "1e3", "$", "", " ", "$$5", "5$", "1,00",
    "12,3456", ",100", "1,000.0", "$ 5.00", "٣", "NaN", "Infinity", "0x10", "5.00 MXN",
    "1_000", "9" * 41,
])
def test_money_garbage_is_refused_not_guessed(text):
    with pytest.raises(MoneyError):
        parse_money(text)


@given(st.integers(min_value=0, max_value=10**13))
def test_money_round_trips_through_taecels_format(centavos):
    text = format_money(centavos)
    assert text.startswith("$") and text[-3] == "."
    assert parse_money(text) == centavos


@given(st.integers(min_value=0, max_value=10**11))
def test_pool_balance_round_trips_in_whole_pesos(pesos):
    assert parse_money(format_pesos(pesos * 100)) == pesos * 100


@given(st.integers(min_value=1, max_value=10**10))
def test_form_amount_round_trips(centavos):
    assert parse_form_amount(form_amount(centavos)) == centavos


@given(st.text(max_size=12))
def test_money_parser_never_accepts_what_it_cannot_write(text):
    try:
        centavos = parse_money(text)
    except MoneyError:
        return
    bare = text.strip().lstrip("$").replace(",", "")
    assert centavos == round(float(bare) * 100)


def test_fecha_is_mexico_city_with_its_past_daylight_time():
    assert parse_fecha("2025-05-01 16:55:03").utcoffset() == timedelta(hours=-6)
    assert parse_fecha("2021-07-01 12:00:00").utcoffset() == timedelta(hours=-5)
    moment = datetime(2025, 5, 1, 22, 55, 3, tzinfo=UTC)
    assert format_fecha(moment) == "2025-05-01 16:55:03"
    with pytest.raises(ValueError):
        format_fecha(datetime(2025, 5, 1))


@pytest.mark.parametrize("text", ["0000-00-00 00:00:00", "2025-02-30 10:00:00",
                                  "2025-5-1 1:02:03", "2025-05-01", "２０２５-05-01 16:55:03",
                                  "2025-05-01 16:55:03-06:00", ""])
def test_fecha_garbage_is_refused(text):
    with pytest.raises(TimeError):
        parse_fecha(text)


@pytest.mark.parametrize("status, state", [
    ("Exitosa", "delivered"), ("EXITOSA", "delivered"), ("Fracasada ", "failed"),
    ("fracasada", "failed"), ("En Proceso", "in_progress"), ("No Procesada", "unknown"),
    ("", "unknown"), ("Éxitosa", "delivered"),
])
def test_status_is_read_without_case_accents_or_trailing_spaces(status, state):
    assert state_of(status) == state


# --- holding an answer against the sale sent (match.py) ------------------------------------


def test_a_status_counts_only_when_it_is_about_the_sale_sent():
    catalog = read_products(real.PRODUCTS)
    txn = classify_status(real.STATUS_EXITOSA_2025).transaction
    sent = match.Sent("250500041824", "5555555505", "TEL010", 1000)
    assert matching.differences(sent, txn, catalog) == ()
    assert matching.differences(replace(sent, msisdn="5555555506"), txn, catalog) == (
        "msisdn",)
    assert matching.differences(match.Sent("250500041824", "5555555505", "CFE000", 1000), txn,
                                catalog) == ("sku",)
    assert matching.differences(sent, txn, None) == ("sku",)  # no catalog, no comparison
    assert matching.differences(match.Sent("250500041825", "5555555505", "TEL010", 2000), txn,
                                catalog) == ("ref", "amount")


def test_forms_carry_the_credentials_and_pesos():
    form = api.request_txn("k", "n", "TEL020", "5555555505", 2000)
    assert form == {"key": "k", "nip": "n", "producto": "TEL020", "referencia": "5555555505",
                    "monto": "20.00"}
    assert api.url("https://taecel.com/app/api/", "StatusTXN") == (
        "https://taecel.com/app/api/StatusTXN")
    with pytest.raises(ValueError):
        api.url(api.BASE_URL, "DeleteEverything")


@pytest.mark.parametrize("monto, centavos", [(10, 1000), ("10", 1000), ("10.50", 1050),
                                              (10.5, 1050), (0, None), ("0", None)])
def test_a_products_amount_may_be_a_number_or_text(monto, centavos):
    body = json.loads(real.PRODUCTS)
    body["data"]["productos"][0]["Monto"] = monto
    assert read_products(json.dumps(body)).product("TEL010").amount == centavos


@pytest.mark.parametrize("where, field, value", [
    ("productos", "Monto", -10), ("productos", "Monto", 10.555), ("productos", "Monto", 10**30),
    ("productos", "Monto", "$4.980,00"), ("productos", "Monto", True), ("productos", "Codigo", ""),
    ("productos", "CarrierID", None), ("carriers", "BolsaID", ""), ("carriers", "Campos", {}),
])
def test_r16_a_wrong_field_in_the_catalog_makes_it_unknown(where, field, value):
    body = json.loads(real.PRODUCTS)
    body["data"][where][0][field] = value
    assert isinstance(read_products(json.dumps(body)), Unknown)


@pytest.mark.parametrize("value", ["abc", "--5", "1.5", "", 1.5, None])
def test_r16_a_wrong_limit_of_a_field_makes_the_catalog_unknown(value):
    body = json.loads(real.PRODUCTS)
    body["data"]["carriers"][0]["Campos"][0]["Min"] = value
    assert isinstance(read_products(json.dumps(body)), Unknown)


def test_a_carrier_without_fields_has_none():
    body = json.loads(real.PRODUCTS)
    body["data"]["carriers"][0]["Campos"] = None
    assert read_products(json.dumps(body)).carriers[0].fields == ()
