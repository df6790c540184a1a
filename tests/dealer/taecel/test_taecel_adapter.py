"""The Taecel adapter behind the dealer port, fed Taecel's real answers (taecel_samples.py)
through an httpx MockTransport: every operation and answer becomes a typed outcome with its
origin (R01), anything short of a definite answer is Unknown (R16), the key and nip are seen
nowhere (R12), and what Taecel lacks says where to ask instead (R09, R11, R14)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from urllib.parse import parse_qs

import httpx
import pytest
import taecel_samples as real

from recarga_tui.config import ContactSettings, DealerSettings, Settings
from recarga_tui.dealer import match
from recarga_tui.dealer.outcomes import (
    BadCredentials,
    Confirmed,
    DealerError,
    Found,
    NotVisible,
    Rejected,
    SessionExpired,
    Unknown,
)
from recarga_tui.dealer.port import Dealer, Lookup, SaleKey
from recarga_tui.dealer.reading import outcome_of
from recarga_tui.dealer.taecel import MEXICO_CITY
from recarga_tui.dealer.taecel.adapter import (
    CAPABILITIES,
    SESSION_TOKEN,
    TaecelDealer,
    configured_credentials,
)
from recarga_tui.dealer.taecel.kind import KEY_ENV, NIP_ENV, TaecelSettings
from recarga_tui.domain.faults import Certainty, Origin

KEY, NIP = "k3y-Secreta", "n1p-Secreto"
REF = "DEMO-01-250501-abcd1234"
Body = str | bytes | Callable[[httpx.Request], httpx.Response]


def products() -> str:
    """getProducts: the sample's catalog (built, see taecel_samples.PRODUCTS) with the other
    products the real answers below name: Telcel $50, Movistar $50 and $100, a bundle."""
    body = json.loads(real.PRODUCTS)
    carriers = body["data"]["carriers"]
    carriers.append({**carriers[0], "ID": "2", "Nombre": "Movistar"})
    carriers.append({**carriers[0], "ID": "20", "Nombre": "Paquete Amigo Sin Limite",
                     "CategoriaID": "2", "Categoria": "Paquetes"})
    telcel10 = body["data"]["productos"][0]
    body["data"]["productos"] += [
        {**telcel10, "Codigo": code, "Carrier": carrier, "CarrierID": cid, "Monto": pesos,
         "CategoriaID": cat}
        for code, carrier, cid, pesos, cat in (
            ("TEL050", "Telcel", "1", "50", "1"), ("MOV050", "Movistar", "2", "50", "1"),
            ("MOV100", "Movistar", "2", "100", "1"),
            ("PASL20", "Paquete Amigo Sin Limite", "20", "20", "2"),
            ("PASL200", "Paquete Amigo Sin Limite", "20", "200", "2"))]
    return json.dumps(body)


class Taecel:
    """A scripted Taecel: each operation answers the next body of its list (the last one
    again when the list runs out); every request is kept, form and all."""

    def __init__(self, **answers: list[Body]) -> None:
        self.answers = {"getProducts": [products()], "getBalance": [real.BALANCE], **answers}
        self.requests: list[tuple[str, dict[str, str]]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        operation = request.url.path.rsplit("/", 1)[-1]
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        self.requests.append((operation, form))
        queue = self.answers[operation]
        body = queue.pop(0) if len(queue) > 1 else queue[0]
        if callable(body):
            return body(request)
        return httpx.Response(200, content=body.encode() if isinstance(body, str) else body,
                              headers={"content-type": "application/json"})

    def operations(self) -> list[str]:
        return [op for op, _ in self.requests]


def dealer(taecel: Taecel, **options: object) -> TaecelDealer:
    options = {"send_timeout": 2.0, "read_timeout": 2.0, "poll_pause": 0.01, **options}
    return TaecelDealer("https://taecel.example/app/api", key=KEY, nip=NIP,
                        contacts=ContactSettings(phone="(272) 111 2233", email="mesa@example.mx"),
                        transport=httpx.MockTransport(taecel), **options)


async def logged_in(taecel: Taecel, **options: object) -> TaecelDealer:
    d = dealer(taecel, **options)
    await d.login("", "")
    return d


def sent(number: str, sku: str, pesos: int) -> match.Sent:
    return match.Sent(REF, number, sku, pesos * 100)


async def sell(taecel: Taecel, what: match.Sent, **options: object):
    noted: list[str] = []
    d = await logged_in(taecel, **options)
    outcome = await d.send_topup(what, note_id=noted.append)
    await d.aclose()
    return outcome, noted


# --- the port ---------------------------------------------------------------------------------


def test_the_adapter_is_a_dealer_of_the_port_that_knows_no_reference():
    assert isinstance(dealer(Taecel()), Dealer)
    caps = CAPABILITIES
    assert (caps.name, caps.sale_key, caps.pools, caps.lookup, caps.sales_report) == (
        "Taecel", SaleKey.NONE, True, True, True)
    assert not (caps.notices or caps.statement or caps.deposits or caps.clarifications
                or caps.fault_reports or caps.same_key_again)


# --- a sale -----------------------------------------------------------------------------------


async def test_r03_a_delivered_sale_is_confirmed_with_taecels_record_and_its_id_noted_first():
    taecel = Taecel(RequestTXN=[real.REQUEST_OK_2025], StatusTXN=[real.STATUS_EXITOSA_2025])
    outcome, noted = await sell(taecel, sent("5555555505", "TEL010", 10))
    assert noted == ["250500041824"]
    assert isinstance(outcome, Confirmed)
    assert (outcome.carrier_folio, outcome.dealer_folio, outcome.balance_after) == (
        "916581", "250500041824", 73490)
    record = outcome.record
    assert (record.topup_id, record.client_ref, record.msisdn, record.sku, record.amount,
            record.carrier_folio, record.dealer_folio, record.status) == (
        "250500041824", REF, "5555555505", "TEL010", 1000, "916581", "250500041824", "success")
    assert record.created_at == datetime(2025, 5, 1, 16, 55, 3, tzinfo=MEXICO_CITY)
    assert record.created_at.utcoffset() == timedelta(hours=-6)
    request = dict(taecel.requests)["RequestTXN"]
    assert request == {"key": KEY, "nip": NIP, "producto": "TEL010",
                       "referencia": "5555555505", "monto": "10.00"}
    assert dict(taecel.requests)["StatusTXN"]["transID"] == "250500041824"


async def test_a_bundle_of_2022_is_confirmed_by_its_carrier_name_and_an_answer_without_fecha():
    taecel = Taecel(RequestTXN=[real.REQUEST_OK_2022], StatusTXN=[
        real.STATUS_EXITOSA_2022.replace("220600387497", "220600386450")])
    outcome, noted = await sell(taecel, sent("9631562456", "PASL20", 20))
    assert noted == ["220600386450"] and isinstance(outcome, Confirmed)
    assert outcome.record.sku == "PASL20" and outcome.carrier_folio == "644439"


@pytest.mark.parametrize("status, number, sku, pesos, origin, code", [
    (real.STATUS_INVALID_NUMBER, "5555555510", "TEL050", 50, Origin.CONSUMER, "1"),
    (real.STATUS_INVALID_AMOUNT, "5555555540", "MOV050", 50, Origin.SHOP, "3"),
    (real.STATUS_2130, "9631562456", "PASL200", 200, Origin.SHOP, "2130"),
])
async def test_r01_a_known_failure_is_a_definite_rejection_with_its_origin(
        status, number, sku, pesos, origin, code):
    trans_id = json.loads(status)["data"]["TransID"]
    taecel = Taecel(RequestTXN=[real.REQUEST_OK_2025.replace("250500041824", trans_id)],
                    StatusTXN=[status])
    outcome, noted = await sell(taecel, sent(number, sku, pesos))
    assert noted == [trans_id]
    assert isinstance(outcome, Rejected) and outcome.fault.origin is origin
    assert outcome.dealer_code == code and outcome.fault.certainty is Certainty.DEFINITE


async def test_r16_3128_after_a_lost_answer_is_unknown_never_a_rejection():
    outcome, noted = await sell(Taecel(RequestTXN=[real.REQUEST_3128]),
                                sent("9631562456", "PASL20", 20))
    assert noted == [] and isinstance(outcome, Unknown)
    assert outcome.fault.must_check and outcome.details["dealer_code"] == "3128"
    assert outcome.fault.code == "dealer.taecel.recent_topup"


async def test_r16_a_garbled_status_is_asked_again_until_it_tells():
    taecel = Taecel(RequestTXN=[real.REQUEST_OK_2025],
                    StatusTXN=[real.STATUS_GARBLED, real.STATUS_EXITOSA_2025])
    outcome, _ = await sell(taecel, sent("5555555505", "TEL010", 10))
    assert isinstance(outcome, Confirmed)
    assert taecel.operations().count("StatusTXN") == 2
    assert taecel.operations().count("RequestTXN") == 1  # never a second sale


async def test_r16_a_sale_still_in_progress_at_the_send_time_is_unknown_with_its_id():
    in_progress = real.STATUS_EXITOSA_2025.replace('"Exitosa"', '"En Proceso"').replace(
        '"916581"', '""')
    taecel = Taecel(RequestTXN=[real.REQUEST_OK_2025], StatusTXN=[in_progress])
    outcome, noted = await sell(taecel, sent("5555555505", "TEL010", 10), send_timeout=0.3)
    assert isinstance(outcome, Unknown) and outcome.details["dealer_id"] == "250500041824"
    assert outcome.fault.must_check and noted == ["250500041824"]
    assert taecel.operations().count("StatusTXN") >= 2


@pytest.mark.parametrize("change", [
    ('"Telefono":"5555555505"', '"Telefono":"5555555506"'),   # another number
    ('"Monto":"$10.00"', '"Monto":"$20.00"'),                 # another amount
    ('"Carrier":"Telcel"', '"Carrier":"Movistar"'),           # another product
    ('"TransID":"250500041824"', '"TransID":"250500041825"'),  # another sale
])
async def test_r16_an_answer_about_another_sale_is_unknown_mismatch(change):
    status = real.STATUS_EXITOSA_2025.replace(*change)
    outcome, _ = await sell(Taecel(RequestTXN=[real.REQUEST_OK_2025], StatusTXN=[status]),
                            sent("5555555505", "TEL010", 10))
    assert isinstance(outcome, Unknown) and outcome.reason == "mismatch"
    assert outcome.details["dealer_id"] == "250500041824" and outcome.details["mismatch"]


async def test_r16_a_failure_under_a_code_nobody_knows_is_unknown_with_its_id():
    status = real.STATUS_INVALID_NUMBER.replace('"error":"1"', '"error":"9001"')
    trans_id = "250500041830"
    outcome, _ = await sell(Taecel(RequestTXN=[real.REQUEST_OK_2025.replace("250500041824",
                                                                            trans_id)],
                                   StatusTXN=[status]), sent("5555555510", "TEL050", 50))
    assert isinstance(outcome, Unknown) and outcome.details["dealer_id"] == trans_id


@pytest.mark.parametrize("body", ["", "<html>502</html>", '{"success":true}',
                                  '{"success":false,"error":"405","message":"x","data":[]}'])
async def test_r16_an_unreadable_or_unknown_request_answer_is_unknown(body):
    outcome, noted = await sell(Taecel(RequestTXN=[body]), sent("5555555505", "TEL010", 10))
    assert isinstance(outcome, Unknown) and outcome.origin is Origin.DEALER and noted == []


def raising(exc: type[Exception]) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc("boom", request=request)
    return handler


async def test_r01_no_connection_is_a_definite_not_sent_a_timeout_an_unknown():
    never, _ = await sell(Taecel(RequestTXN=[raising(httpx.ConnectError)]),
                          sent("5555555505", "TEL010", 10))
    assert isinstance(never, Rejected) and never.fault.origin is Origin.NETWORK
    assert never.may_retry and never.fault.certainty is Certainty.DEFINITE
    late, _ = await sell(Taecel(RequestTXN=[raising(httpx.ReadTimeout)]),
                         sent("5555555505", "TEL010", 10))
    assert isinstance(late, Unknown) and late.reason == "timeout"
    cut, _ = await sell(Taecel(RequestTXN=[raising(httpx.RemoteProtocolError)]),
                        sent("5555555505", "TEL010", 10))
    assert isinstance(cut, Unknown) and cut.reason == "dropped"


async def test_r16_a_status_that_times_out_is_unknown_with_the_id_to_look_it_up_by():
    outcome, noted = await sell(Taecel(RequestTXN=[real.REQUEST_OK_2025],
                                       StatusTXN=[raising(httpx.ReadTimeout)]),
                                sent("5555555505", "TEL010", 10))
    assert isinstance(outcome, Unknown) and outcome.reason == "timeout"
    assert outcome.details["dealer_id"] == "250500041824" == noted[0]


async def test_an_answer_over_1_mb_is_not_read():
    huge = b'{"success":true,"error":0,"data":{"transID":"' + b"1" * 1_100_000 + b'"}}'
    outcome, _ = await sell(Taecel(RequestTXN=[huge]), sent("5555555505", "TEL010", 10))
    assert isinstance(outcome, Unknown) and outcome.reason == "too_large"


async def test_a_notebook_that_cannot_note_the_id_does_not_stop_the_sale():
    d = await logged_in(Taecel(RequestTXN=[real.REQUEST_OK_2025],
                               StatusTXN=[real.STATUS_EXITOSA_2025]))

    def broken(_: str) -> None:
        raise OSError("disk full")

    outcome = await d.send_topup(sent("5555555505", "TEL010", 10), note_id=broken)
    assert isinstance(outcome, Confirmed) and outcome.record.topup_id == "250500041824"


async def test_without_login_nothing_is_sent():
    taecel = Taecel()
    outcome = await dealer(taecel).send_topup(sent("5555555505", "TEL010", 10))
    assert isinstance(outcome, Rejected) and outcome.needs_login and taecel.requests == []


# --- the lookup -------------------------------------------------------------------------------


def looked(number: str, sku: str, pesos: int, dealer_id: str | None) -> Lookup:
    return Lookup(sent(number, sku, pesos), dealer_id, datetime(2025, 5, 1, 16, 55,
                                                                tzinfo=MEXICO_CITY))


async def test_r19_without_a_transid_the_lookup_says_not_visible_without_asking():
    taecel = Taecel()
    d = await logged_in(taecel)
    assert await d.lookup(looked("5555555505", "TEL010", 10, None)) == NotVisible(REF)
    assert "StatusTXN" not in taecel.operations()


async def test_r19_the_lookup_by_transid_finds_the_record_the_checker_believes():
    d = await logged_in(Taecel(StatusTXN=[real.STATUS_EXITOSA_2025]))
    found = await d.lookup(looked("5555555505", "TEL010", 10, "250500041824"))
    assert isinstance(found, Found)
    assert match.differences(sent("5555555505", "TEL010", 10), match.Named(
        found.record.client_ref, found.record.msisdn, found.record.sku,
        found.record.amount)) == ()
    assert isinstance(outcome_of(found.record), Confirmed)


async def test_r01_the_lookup_of_a_known_failure_is_a_rejection_with_its_origin_and_words():
    d = await logged_in(Taecel(StatusTXN=[real.STATUS_INVALID_NUMBER]))
    found = await d.lookup(looked("5555555510", "TEL050", 50, "250500041830"))
    outcome = outcome_of(found.record)
    assert isinstance(outcome, Rejected) and outcome.fault.origin is Origin.CONSUMER
    assert outcome.fault.code == "dealer.code.invalid_number"


async def test_r16_the_lookup_of_a_failure_under_an_unknown_code_leaves_it_to_the_report():
    status = real.STATUS_INVALID_NUMBER.replace('"error":"1"', '"error":"9001"')
    d = await logged_in(Taecel(StatusTXN=[status]))
    assert await d.lookup(looked("5555555510", "TEL050", 50, "250500041830")) == NotVisible(REF)


async def test_r16_a_contradiction_found_by_the_lookup_decides_nothing():
    status = real.STATUS_EXITOSA_2025.replace('"success":true', '"success":false')
    d = await logged_in(Taecel(StatusTXN=[status]))
    found = await d.lookup(looked("5555555505", "TEL010", 10, "250500041824"))
    assert isinstance(outcome_of(found.record), Unknown)


async def test_a_garbled_lookup_is_a_failed_query_not_an_answer():
    d = await logged_in(Taecel(StatusTXN=[real.STATUS_GARBLED]))
    with pytest.raises(DealerError) as failed:
        await d.lookup(looked("5555555520", "TEL010", 10, "250500041850"))
    assert failed.value.fault.certainty is Certainty.NONE


# --- queries ----------------------------------------------------------------------------------


async def test_r14_the_balance_is_every_pool_in_centavos_airtime_first():
    d = await logged_in(Taecel())
    await d.catalog()
    balances = await d.balances()
    assert [(p.id, p.name, p.available) for p in balances.pools] == [
        ("1", "Tiempo Aire", 89_996_813_400), ("2", "Pago de Servicios", 9_991_365_400),
        ("3", "Timbres CFDI", 569_700)]
    assert balances.main.name == "Tiempo Aire" and balances.currency == "MXN"


async def test_r03_the_catalog_maps_categories_campos_open_amounts_and_pools():
    from recarga_tui.domain.catalog import Category, FieldKind

    d = await logged_in(Taecel())
    catalog = await d.catalog()
    assert catalog.product("TEL010").amount == 1000
    assert catalog.product("PASL20").category is Category.BUNDLE
    bill = catalog.product("CFE000")
    assert (bill.category, bill.amount, bill.pool) == (Category.BILL, 0, "2")
    (reference,) = bill.fields  # the amount's Campo is asked apart, as the open amount
    assert (reference.key, reference.kind, reference.min_length, reference.max_length,
            reference.confirm) == ("referencia", FieldKind.REFERENCE, 12, 30, True)
    assert (bill.min_amount, bill.max_amount) == (100, 500000)
    assert catalog.categories == (Category.AIRTIME, Category.BUNDLE, Category.BILL)
    assert {c.name for c in catalog.carriers} == {"Telcel", "Movistar",
                                                  "Paquete Amigo Sin Limite", "CFE"}


async def test_r19_the_report_asks_both_days_around_midnight_and_keeps_delivered_lines():
    taecel = Taecel(getSales=[real.SALES])
    d = await logged_in(taecel)
    start = datetime(2025, 4, 30, 23, 0, tzinfo=MEXICO_CITY)
    report = await d.sales_report(start, datetime(2025, 5, 1, 23, 0, tzinfo=MEXICO_CITY))
    asked = [(f["fecha"], f["bolsa"]) for op, f in taecel.requests if op == "getSales"]
    # Both pools: airtime and bundles are paid from Tiempo Aire, bills from Servicios.
    assert asked == [("2025-04-30", "1"), ("2025-04-30", "2"), ("2025-05-01", "1"),
                     ("2025-05-01", "2")]
    # The same line on both days' answers is one line.
    (line,) = report.lines
    assert (line.client_ref, line.topup_id, line.msisdn, line.sku, line.amount,
            line.carrier_folio, line.dealer_folio) == (
        "", "250500041824", "5555555505", "TEL010", 1000, "916581", "250500041824")
    assert line.created_at == line.reflected_at == datetime(2025, 5, 1, 16, 55, 3,
                                                            tzinfo=MEXICO_CITY)
    assert report.total == 1000
    assert (await d.sales_report(start, start + timedelta(days=1), msisdn="27")).lines == ()


async def test_r19_one_unreadable_line_makes_the_report_a_failed_query():
    broken = real.SALES.replace('"Monto":"$50.00"', '"Monto":"50,00"')
    d = await logged_in(Taecel(getSales=[broken]))
    with pytest.raises(DealerError):
        await d.sales_report(datetime(2025, 5, 1, tzinfo=MEXICO_CITY),
                             datetime(2025, 5, 1, 20, tzinfo=MEXICO_CITY))


@pytest.mark.parametrize("ask, words", [
    (lambda d: d.notices(), "dealer.lacks.notices"),
    (lambda d: d.statement(datetime.now(MEXICO_CITY), datetime.now(MEXICO_CITY)),
     "dealer.lacks.statement"),
    (lambda d: d.deposits(), "dealer.lacks.deposits"),
    (lambda d: d.clarifications(), "dealer.lacks.clarifications"),
    (lambda d: d.ask_clarification("saldo", "x"), "dealer.lacks.clarifications"),
    (lambda d: d.fault_report(Origin.DEALER, "x"), "dealer.lacks.fault_reports"),
])
async def test_r14_what_taecel_lacks_says_so_and_where_to_ask(ask, words):
    from recarga_tui.i18n import t

    with pytest.raises(DealerError) as lacking:
        await ask(dealer(Taecel()))
    fault = lacking.value.fault
    assert fault.code == words and fault.certainty is Certainty.NONE
    text = t(fault.code, **fault.params)
    assert "Taecel" in text and "(272) 111 2233" in text and "mesa@example.mx" in text


# --- the key and the nip (R12) ----------------------------------------------------------------


async def test_r12_login_checks_key_and_nip_with_getbalance_and_keeps_no_token_of_them():
    taecel = Taecel()
    d = dealer(taecel)
    session = await d.login("", "")
    assert d.logged_in and session.token == SESSION_TOKEN and NIP not in repr(session)
    assert taecel.requests == [("getBalance", {"key": KEY, "nip": NIP})]


async def test_r12_a_refused_key_or_nip_is_bad_credentials_and_nothing_is_held():
    refused = '{"success":false,"error":"405","message":"Acceso no autorizado","data":[]}'
    d = dealer(Taecel(getBalance=[refused]))
    with pytest.raises(BadCredentials):
        await d.login("", "otro")
    assert not d.logged_in
    with pytest.raises(SessionExpired):
        await d.balances()


async def test_r12_the_typed_nip_is_the_one_sent_and_the_key_the_configs():
    taecel = Taecel()
    d = TaecelDealer("https://t.example", key=KEY, transport=httpx.MockTransport(taecel))
    with pytest.raises(BadCredentials):
        await d.login("maria", "")
    await d.login("maria", "4321")
    assert taecel.requests[-1] == ("getBalance", {"key": KEY, "nip": "4321"})


def test_r12_the_environment_gives_the_key_and_nip_and_wins_over_the_file():
    settings = DealerSettings(kind="taecel",
                              sections=(TaecelSettings(key="file-key", nip="file-nip"),))
    assert NIP not in repr(settings) and "file-nip" not in repr(settings)
    creds = configured_credentials(settings, {KEY_ENV: "env-key", NIP_ENV: "env-nip"})
    assert (creds.key, creds.nip) == ("env-key", "env-nip")
    assert "env-nip" not in repr(creds)
    creds = configured_credentials(settings, {})
    assert (creds.key, creds.nip) == ("file-key", "file-nip")
    d = TaecelDealer.from_settings(Settings(dealer=settings), environ={})
    assert "file-nip" not in repr(d) and "file-key" not in repr(d)


async def test_r12_neither_the_key_nor_the_nip_reach_a_log(caplog):
    caplog.set_level(logging.DEBUG)
    taecel = Taecel(RequestTXN=[real.REQUEST_OK_2025],
                    StatusTXN=[real.STATUS_GARBLED, real.STATUS_EXITOSA_2025],
                    getSales=[real.SALES])
    d = await logged_in(taecel)
    await d.catalog()
    await d.balances()
    outcome = await d.send_topup(sent("5555555505", "TEL010", 10))
    await d.lookup(looked("5555555505", "TEL010", 10, "250500041824"))
    await d.sales_report(datetime(2025, 5, 1, tzinfo=MEXICO_CITY),
                         datetime(2025, 5, 1, 23, tzinfo=MEXICO_CITY))
    assert isinstance(outcome, Confirmed) and caplog.records
    for text in (caplog.text, repr(d), repr(outcome)):
        assert KEY not in text and NIP not in text


async def test_r04_a_bill_whose_campos_name_no_amount_is_still_an_open_amount():
    """CFE's amount is what the customer's bill says: its ``Campos`` may hold no ``monto``.
    The bill takes a typed amount within the app's own limits, never (0, 0), which offered
    the bill and then could not sell it."""
    from recarga_tui.domain.catalog import OPEN_AMOUNT_LIMITS

    body = json.loads(products())
    for carrier in body["data"]["carriers"]:
        carrier["Campos"] = [f for f in carrier["Campos"] if f["Campo"] != "monto"]
    d = await logged_in(Taecel(getProducts=[json.dumps(body)]))
    bill = (await d.catalog()).product("CFE000").for_sale()
    assert bill.open_amount and (bill.min_amount, bill.max_amount) == OPEN_AMOUNT_LIMITS
    assert bill.priced(45_050).amount == 45_050
