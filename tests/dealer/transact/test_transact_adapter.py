"""The transact adapter behind the dealer port, fed through an httpx MockTransport the answers
of the public clients (RecargasTae, Milano's WSDL, the Pagaqui and Python integrators; see
docs/dealers/transact.md), a malformed one, one with an external entity, and the network's
failures: every answer is a typed outcome with its origin (R01), never a crash, and nothing
short of a definite failure is a rejection (R16)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import httpx
import pytest
from test_transact_answers import LAUGHS, XXE, answer, tresponse

from recarga_tui.config import ContactSettings, DealerSettings
from recarga_tui.dealer import port
from recarga_tui.dealer.match import Sent
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
from recarga_tui.dealer.port import Lookup, SaleKey
from recarga_tui.dealer.transact.adapter import TransactDealer
from recarga_tui.dealer.transact.kind import TransactSettings
from recarga_tui.domain.faults import Certainty, Origin
from recarga_tui.sim.transact.calls import read_call

AT = datetime(2025, 3, 14, 19, 45, tzinfo=UTC)
SENT = Sent("DEMO-01-250314-a1b2c3d4", "2222222222", "TEL-050", 5000)
RID = "3234653462"
CONTACTS = ContactSettings(email="mesa@example.mx", phone="(272) 000 0000")

# RecargasTae XmlParserTest.kt: the published GetTRequestID answer
REQUEST_ID = answer("GetTRequestID", RID)
BALANCE = answer("GetBalance", "&lt;response&gt;&lt;balance&gt;1,234.50&lt;/balance&gt;"
                               "&lt;/response&gt;")
SKUS = answer("GetSkuList", "&lt;products&gt;&lt;product&gt;&lt;name&gt;TELCEL&lt;/name&gt;"
                            "&lt;sku&gt;TEL-050&lt;/sku&gt;&lt;monto&gt;50&lt;/monto&gt;"
                            "&lt;info&gt;Telcel $50&lt;/info&gt;&lt;/product&gt;"
                            "&lt;product&gt;&lt;name&gt;CFE&lt;/name&gt;&lt;sku&gt;SRV-CFE"
                            "&lt;/sku&gt;&lt;monto&gt;0&lt;/monto&gt;&lt;/product&gt;"
                            "&lt;/products&gt;")
NO_SALDO = answer("DoT", "<transaction_id>0</transaction_id><rcode>3</rcode>"
                         "<rcode_description>Sin Saldo $0.00</rcode_description>"
                         "<rcode_detail>SR029A</rcode_detail><op_account>2222222222"
                         "</op_account><op_authorization /><printData /><xmlDevData />")


def in_progress(operation: str = "DoT") -> bytes:
    return answer(operation, tresponse("2", auth="", desc="Transaccion en proceso"))


class Script:
    """A fake transact.asmx: each operation answers the next of its bodies (the last again
    once they run out); an exception instead of bytes is raised by the transport."""

    def __init__(self, **answers: object) -> None:
        self.answers = {op: list(a) if isinstance(a, list) else [a]
                        for op, a in answers.items()}
        self.calls: list[tuple[str, dict[str, str]]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        operation = request.headers["SOAPAction"].strip('"').rpartition("/")[2]
        self.calls.append((operation, read_call(request.content, None).fields))
        queue = self.answers[operation]
        body = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(body, Exception):
            raise body
        status = 500 if b"soap:Fault" in body else 200
        return httpx.Response(status, content=body, headers={"Content-Type": "text/xml"})

    def operations(self) -> list[str]:
        return [op for op, _ in self.calls]


async def dealer_for(script: Script, *, logged_in: bool = True,
                     **options: object) -> TransactDealer:
    settings = DealerSettings(url="https://pagaqui.example.mx/ws/transact.asmx",
                              send_timeout=2.0, read_timeout=2.0,
                              sections=(TransactSettings(licence="LIC-1", name="Pagaqui"),))
    options = {"poll_every": 0.0, "poll_seconds": 0.05, "now": lambda: AT, **options}
    dealer = TransactDealer.from_settings(settings, CONTACTS,
                                          transport=httpx.MockTransport(script), **options)
    if logged_in:
        script.answers.setdefault("GetBalance", [BALANCE])
        await dealer.login("shop1", "s3cr3t")
    return dealer


async def sell(script: Script, **options: object):
    dealer = await dealer_for(script, **options)
    outcome = await dealer.send_topup(SENT, dealer_id=RID)
    await dealer.aclose()
    return outcome


def test_it_is_a_dealer_of_the_port_that_hands_out_the_id_first():
    dealer = TransactDealer("https://pagaqui.example.mx", name="Pagaqui")
    assert isinstance(dealer, port.Dealer)
    caps = dealer.capabilities
    assert (caps.name, caps.sale_key, caps.lookup, caps.same_key_again) == (
        "Pagaqui", SaleKey.DEALER_ID_FIRST, True, True)
    assert not (caps.sales_report or caps.notices or caps.clarifications or caps.fault_reports
                or caps.statement or caps.deposits)


async def test_the_request_id_is_the_published_one_asked_with_the_licence():
    script = Script(GetTRequestID=REQUEST_ID)
    dealer = await dealer_for(script)
    assert await dealer.request_id(SENT) == RID
    assert script.calls[-1] == ("GetTRequestID", {"username": "shop1", "password": "s3cr3t",
                                                  "licence": "LIC-1"})


async def test_an_empty_licence_is_sent_empty_and_the_sale_goes_on(monkeypatch):
    """Public clients send ``licence`` as "" and the real service hands them ids: the app
    requires no licence (docs/dealers/transact.md)."""
    monkeypatch.delenv("RECARGA_DEALER_LICENCE", raising=False)
    script = Script(GetTRequestID=REQUEST_ID, DoT=answer("DoT", tresponse()))
    dealer = TransactDealer.from_settings(
        DealerSettings(url="https://pagaqui.example.mx"), CONTACTS,
        transport=httpx.MockTransport(script), now=lambda: AT)
    script.answers["GetBalance"] = [BALANCE]
    await dealer.login("shop1", "s3cr3t")
    assert await dealer.request_id(SENT) == RID
    assert script.calls[-1] == ("GetTRequestID", {"username": "shop1", "password": "s3cr3t",
                                                  "licence": ""})
    assert isinstance(await dealer.send_topup(SENT, dealer_id=RID), Confirmed)


@pytest.mark.parametrize("licence, key, also", [
    ("LIC-1", "dealer.transact.no_request_id", "no aceptó el usuario, la contraseña o la licencia"),
    ("", "dealer.transact.no_request_id_no_licence", "no tiene licencia configurada"),
])
async def test_r01_an_empty_request_id_is_said_as_it_is(monkeypatch, licence, key, also):
    """An empty GetTRequestID is told as that, with what it may mean: never as "the dealer
    gave no folio"."""
    from recarga_tui.i18n import t

    monkeypatch.delenv("RECARGA_DEALER_LICENCE", raising=False)
    script = Script(GetTRequestID=answer("GetTRequestID", ""))
    dealer = await dealer_for(script, licence=licence)
    with pytest.raises(DealerError) as raised:
        await dealer.request_id(SENT)
    fault = raised.value.fault
    assert fault.code == key and raised.value.dealer_code == "NO_REQUEST_ID"
    words = t(fault.code, **fault.params)
    assert "GetTRequestID sin número de solicitud" in words and also in words
    assert "folio" not in words


async def test_no_request_id_is_a_query_error_and_nothing_is_sold():
    script = Script(GetTRequestID=answer("GetTRequestID", ""))
    dealer = await dealer_for(script)
    with pytest.raises(DealerError) as raised:
        await dealer.request_id(SENT)
    assert raised.value.fault.origin is Origin.DEALER
    assert "DoT" not in script.operations()


async def test_r16_rcode_0_is_confirmed_with_the_folios_and_the_printdata_ticket():
    script = Script(DoT=answer("DoT", tresponse()))
    outcome = await sell(script)
    assert isinstance(outcome, Confirmed)
    assert (outcome.carrier_folio, outcome.dealer_folio) == ("502735", "12357")
    assert outcome.ticket == ("Autorizacion: 502735", "Gracias por su compra")
    assert script.calls[-1] == ("DoT", {"TRequestID": RID, "username": "shop1",
                                        "skuCode": "TEL-050", "op_account": "2222222222",
                                        "monto": "50.00"})


async def test_r01_the_published_sin_saldo_is_a_definite_refusal_of_the_shop():
    outcome = await sell(Script(DoT=NO_SALDO))
    assert isinstance(outcome, Rejected)
    assert (outcome.fault.origin, outcome.fault.certainty) == (Origin.SHOP, Certainty.DEFINITE)


async def test_r16_rcode_2_is_polled_with_checktransaction_until_done():
    script = Script(DoT=in_progress(),
                    CheckTransaction=[in_progress("CheckTransaction"),
                                      answer("CheckTransaction", tresponse())])
    outcome = await sell(script, poll_seconds=5.0)
    assert isinstance(outcome, Confirmed) and outcome.carrier_folio == "502735"
    assert script.operations()[-3:] == ["DoT", "CheckTransaction", "CheckTransaction"]
    assert script.calls[-1][1] == {"TRequestID": RID, "username": "shop1"}


async def test_r16_rcode_2_past_the_polling_is_unknown_never_failed():
    script = Script(DoT=in_progress(), CheckTransaction=in_progress("CheckTransaction"))
    outcome = await sell(script)
    assert isinstance(outcome, Unknown) and outcome.reason == "timeout"
    assert outcome.details.get("expired") is True


@pytest.mark.parametrize("body, reason", [
    (b"<html><body>502 Bad Gateway</body></html>", "malformed"),
    (XXE, "malformed"),
    (LAUGHS, "malformed"),
    (answer("DoT", "<rcode>cero</rcode>"), "malformed"),
    (answer("DoT", tresponse("4", desc="Error general")), "dealer_unknown"),
    (answer("DoT", tresponse("0", account="5555555555")), "mismatch"),
    (b'<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/'
     b'envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>'
     b'Server was unable to process request.</faultstring></soap:Fault></soap:Body>'
     b'</soap:Envelope>', "server_error"),
])
async def test_r16_an_answer_that_is_not_a_definite_one_is_unknown(body, reason):
    outcome = await sell(Script(DoT=body))
    assert isinstance(outcome, Unknown) and outcome.reason == reason
    assert outcome.origin is Origin.DEALER


async def test_r16_a_lost_connection_is_unknown_and_a_refused_one_sent_nothing():
    lost = await sell(Script(DoT=httpx.ReadError("reset")))
    assert isinstance(lost, Unknown) and lost.reason == "dropped"
    late = await sell(Script(DoT=httpx.ReadTimeout("slow")))
    assert isinstance(late, Unknown) and late.reason == "timeout"
    refused = await sell(Script(DoT=httpx.ConnectError("refused")))
    assert isinstance(refused, Rejected) and refused.may_retry
    assert refused.fault.origin is Origin.NETWORK


async def test_an_answer_larger_than_the_cap_is_not_read():
    huge = answer("DoT", tresponse(extra="<x>" + "a" * 1_100_000 + "</x>"))
    outcome = await sell(Script(DoT=huge))
    assert isinstance(outcome, Unknown) and outcome.reason == "too_large"


async def test_without_an_id_or_credentials_nothing_leaves_the_shop():
    script = Script(DoT=answer("DoT", tresponse()))
    dealer = await dealer_for(script)
    no_id = await dealer.send_topup(SENT)
    assert isinstance(no_id, Rejected) and no_id.fault.certainty is Certainty.DEFINITE
    dealer.forget_session()
    assert (await dealer.send_topup(SENT, dealer_id=RID)).needs_login
    assert "DoT" not in script.operations()


async def test_r19_the_lookup_is_checktransaction_under_the_sales_id():
    script = Script(CheckTransaction=[answer("CheckTransaction", tresponse("8", tid="0",
                                                                             auth="")),
                                      answer("CheckTransaction", tresponse())])
    dealer = await dealer_for(script)
    key = Lookup(SENT, RID, AT)
    assert await dealer.lookup(key) == NotVisible(SENT.ref)
    found = await dealer.lookup(key)
    assert isinstance(found, Found)
    record = found.record
    assert (record.client_ref, record.topup_id, record.status, record.msisdn, record.sku,
            record.amount, record.carrier_folio) == (
        SENT.ref, RID, "success", "2222222222", "TEL-050", 5000, "502735")
    assert record.ticket == ("Autorizacion: 502735", "Gracias por su compra")
    assert await dealer.lookup(Lookup(SENT, None, AT)) == NotVisible(SENT.ref)


@pytest.mark.parametrize("rcode, status, error_class", [
    ("2", "pending", None), ("3", "failed", "refused"), ("4", "failed", "unknown"),
    ("6", "failed", "unknown"), ("99", "failed", "unknown")])
async def test_r16_a_lookup_record_says_what_the_rcode_says(rcode, status, error_class):
    script = Script(CheckTransaction=answer("CheckTransaction",
                                            tresponse(rcode, auth="", desc="x")))
    found = await (await dealer_for(script)).lookup(Lookup(SENT, RID, AT))
    assert isinstance(found, Found) and found.record.status == status
    assert (found.record.error.error_class if found.record.error else None) == error_class


@pytest.mark.parametrize("body", [XXE, b"garbage", answer("CheckTransaction", "<rcode/>")])
async def test_a_lookup_answer_that_cannot_be_read_is_a_query_error(body):
    dealer = await dealer_for(Script(CheckTransaction=body))
    with pytest.raises(DealerError) as raised:
        await dealer.lookup(Lookup(SENT, RID, AT))
    assert raised.value.fault.origin is Origin.DEALER


async def test_login_checks_the_password_with_getbalance_and_holds_it_in_memory():
    script = Script(GetBalance=[answer("GetBalance", ""), BALANCE])
    dealer = await dealer_for(script, logged_in=False)
    with pytest.raises(BadCredentials):
        await dealer.login("shop1", "wrong")
    assert not dealer.logged_in
    with pytest.raises(SessionExpired):
        await dealer.balances()
    session = await dealer.login("shop1", "s3cr3t")
    assert dealer.logged_in and session.shop.name == "Pagaqui"
    assert (await dealer.balances()).main.available == 123450


async def test_the_catalog_holds_the_fixed_amount_top_ups_and_the_open_amount_bills():
    from recarga_tui.domain.catalog import Category, FieldKind

    dealer = await dealer_for(Script(GetSkuList=SKUS))
    catalog = await dealer.catalog()
    assert [(c.id, c.name) for c in catalog.carriers] == [("telcel", "Telcel"), ("cfe", "CFE")]
    assert [(p.sku, p.amount, p.category) for p in catalog.products] == [
        ("TEL-050", 5000, Category.AIRTIME), ("SRV-CFE", 0, Category.BILL)]
    bill = catalog.product("SRV-CFE")
    # No regex: any reference up to 30 characters, the dealer's own check beyond.
    assert [(f.kind, f.min_length, f.max_length) for f in bill.fields] == [
        (FieldKind.REFERENCE, 1, 30)]
    assert (bill.min_amount, bill.max_amount) == (100, 1_000_000)


@pytest.mark.parametrize("call", [
    lambda d: d.notices(), lambda d: d.sales_report(AT, AT), lambda d: d.statement(AT, AT),
    lambda d: d.deposits(), lambda d: d.clarifications(),
    lambda d: d.ask_clarification("saldo", "x"), lambda d: d.fault_report(Origin.DEALER, "x"),
    lambda d: d.notify_deposit("BBVA", 100, "x", AT)])
async def test_r09_r14_what_the_service_lacks_says_so_and_where_to_ask(call):
    from recarga_tui.i18n import t

    dealer = await dealer_for(Script())
    with pytest.raises(DealerError) as raised:
        await call(dealer)
    fault = raised.value.fault
    words = t(fault.code, lang="es", **fault.params)
    assert "Pagaqui" in words and CONTACTS.email in words and CONTACTS.phone in words


async def test_r12_the_password_and_licence_are_never_logged_or_shown(caplog):
    caplog.set_level(logging.DEBUG)
    script = Script(GetTRequestID=REQUEST_ID, DoT=answer("DoT", tresponse()))
    dealer = await dealer_for(script)
    await dealer.request_id(SENT)
    await dealer.send_topup(SENT, dealer_id=RID)
    shown = caplog.text + repr(dealer) + repr(dealer._credentials) + repr(
        DealerSettings(sections=(TransactSettings(licence="LIC-1"),)))
    assert "s3cr3t" not in shown and "LIC-1" not in shown


async def test_the_licence_of_the_environment_wins(monkeypatch):
    monkeypatch.setenv("RECARGA_DEALER_LICENCE", "ENV-LIC")
    script = Script(GetTRequestID=REQUEST_ID)
    await (await dealer_for(script)).request_id(SENT)
    assert script.calls[-1][1]["licence"] == "ENV-LIC"
