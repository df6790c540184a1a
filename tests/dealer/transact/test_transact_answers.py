"""The transact.asmx service's requests and answers: shapes of the public clients, outcomes,
and a hostile dealer (malformed bodies, XXE, entity bombs, SOAP faults, nested documents).

Sources are named where an envelope is theirs (docs/dealers/transact.md lists them):
RecargasTae = MattersLC/RecargasTae (composeApp/src/...); Milano = RHMilano/POS-Back
(Project.Business/Connected Services/ProxyTiempoAire/transact.wsdl and Reference.cs).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recarga_tui.dealer import DealerError, NotVisible, Pending, Rejected, Unknown
from recarga_tui.dealer.match import Sent
from recarga_tui.dealer.transact import (
    TransactConfirmed,
    after_polling,
    check_transaction,
    do_t,
    get_balance,
    get_request_id,
    get_sku_list,
    parse_balance,
    parse_check,
    parse_dot,
    parse_request_id,
    parse_sku_list,
    pesos,
    pesos_to_centavos,
    soap,
)
from recarga_tui.domain.faults import Certainty, Origin

AT = datetime(2025, 3, 14, 19, 45, tzinfo=UTC)
SENT = Sent("DEMO-01-250314-a1b2c3d4", "2222222222", "TEL-050", 5000)
RID = "3234653462"

ENVELOPE = ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n'
            '    <soap:Body>\n{body}\n    </soap:Body>\n</soap:Envelope>')


def answer(operation: str, inner: str) -> bytes:
    return ENVELOPE.format(body=f'<{operation}Response xmlns="http://tempuri.org/">'
                                f'<{operation}Result>{inner}</{operation}Result>'
                                f'</{operation}Response>').encode()


def tresponse(rcode: str = "0", *, tid: str = "12357", account: str | None = "2222222222",
              auth: str = "502735", desc: str = "Transaccion Aprobada", extra: str = "") -> str:
    account_xml = "" if account is None else f"<op_account>{account}</op_account>"
    return (f"<transaction_id>{tid}</transaction_id><rcode>{rcode}</rcode>"
            f"<rcode_description>{desc}</rcode_description>{account_xml}"
            f"<op_authorization>{auth}</op_authorization>"
            "<printData><PrintData><m_label>Autorizacion</m_label><m_data>502735</m_data>"
            "</PrintData><PrintData><m_label /><m_data>Gracias por su compra</m_data>"
            f"</PrintData></printData><xmlDevData />{extra}")


def dot(body: bytes):
    return parse_dot(body, SENT, request_id=RID, at=AT)


def check(body: bytes):
    return parse_check(body, SENT, request_id=RID, at=AT)


# --- the requests -----------------------------------------------------------------------------


def _call(request) -> dict[str, str]:
    """The operation's fields, read back as the service would: raw text, in order."""
    operation = soap.body_child(soap.parse(request.body))
    assert operation.tag == soap.q(request.operation)
    return {child.tag.split("}")[1]: child.text or "" for child in operation}


def test_envelopes_carry_the_fields_of_the_public_clients_in_their_order():
    # RecargasTae dto/XMLCreator.kt: GetTRequestID(username, password, licence),
    # GetSkuList(username, password), DoT(TRequestID, username, skuCode, op_account, monto);
    # SOAPAction "http://tempuri.org/<op>" as data/CompaniasRepoImpl.kt sends it.
    assert list(_call(get_request_id("u", "p", "L"))) == ["username", "password", "licence"]
    assert list(_call(get_sku_list("u", "p"))) == ["username", "password"]
    assert list(_call(get_balance("u", "p"))) == ["username", "password"]
    fields = _call(do_t(RID, "u", "TEL-050", "2222222222", 5000))
    assert fields == {"TRequestID": RID, "username": "u", "skuCode": "TEL-050",
                      "op_account": "2222222222", "monto": "50.00"}
    # Milano's client (TiempoAireBusiness.cs) and the Python one: CheckTransaction(id, user)
    assert _call(check_transaction(RID, "u")) == {"TRequestID": RID, "username": "u"}
    request = do_t(RID, "u", "TEL-050", "2222222222", 5000)
    assert request.headers == {"Content-Type": "text/xml; charset=utf-8",
                               "SOAPAction": '"http://tempuri.org/DoT"'}


def test_r12_a_request_never_shows_its_body_with_the_password():
    request = get_request_id("demo", "s3cr3t<pw>", "DEMO")
    assert "s3cr3t" not in repr(request) and "s3cr3t" not in str(request)


@pytest.mark.parametrize("hostile", ["<&>", "]]>", "</op_account><rcode>0</rcode>",
                                     "<!DOCTYPE x>", "&amp;", "'\"", "a\r\nb"])
def test_values_with_markup_stay_one_value(hostile):
    fields = _call(do_t(RID, hostile, hostile, hostile, 100))
    assert fields["username"] == fields["skuCode"] == fields["op_account"] == hostile
    assert list(fields) == ["TRequestID", "username", "skuCode", "op_account", "monto"]


@pytest.mark.parametrize("bad", ["a\x00b", "\x1b[2J", "\ufffe", "\ud800"])
def test_text_xml_cannot_carry_is_refused_before_sending(bad):
    with pytest.raises(ValueError):
        get_request_id(bad, "p")


@pytest.mark.parametrize("rid", ["", "-1", "3234 653462", "a" * 65, "<x>", "12;3", 3234653462])
def test_a_request_id_is_checked_before_it_is_sent(rid):
    with pytest.raises(ValueError):
        do_t(rid, "u", "TEL-050", "2222222222", 5000)
    with pytest.raises(ValueError):
        check_transaction(rid, "u")


@pytest.mark.parametrize("amount", [0, -100, True, 10.5, "5000", 100_000_01])
def test_amounts_are_whole_centavos(amount):
    with pytest.raises(ValueError):
        do_t(RID, "u", "TEL-050", "2222222222", amount)


XML_TEXT = st.text(st.characters(blacklist_categories=("Cs",),
                                 blacklist_characters="\x00\x01\x02\x03\x04\x05\x06\x07\x08"
                                 "\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19"
                                 "\x1a\x1b\x1c\x1d\x1e\x1f\ufffe\uffff"), max_size=80)


@settings(max_examples=300, deadline=None)
@given(username=XML_TEXT, password=XML_TEXT, licence=XML_TEXT, sku=XML_TEXT, account=XML_TEXT,
       amount=st.integers(1, 100_000_00))
def test_any_text_put_in_an_envelope_comes_back_equal(username, password, licence, sku,
                                                      account, amount):
    assert _call(get_request_id(username, password, licence)) == {
        "username": username, "password": password, "licence": licence}
    fields = _call(do_t(RID, username, sku, account, amount))
    assert (fields["username"], fields["skuCode"], fields["op_account"]) == (
        username, sku, account)
    assert pesos_to_centavos(fields["monto"]) == amount
    assert _call(get_balance(username, password)) == {"username": username,
                                                      "password": password}


@given(st.integers(1, 100_000_00))
def test_amounts_go_and_come_back_exactly(centavos):
    assert pesos_to_centavos(pesos(centavos)) == centavos


# --- DoT and CheckTransaction -------------------------------------------------------------------


def test_the_published_insufficient_balance_answer_is_a_definite_shop_refusal():
    # Verbatim, RecargasTae composeApp/src/commonTest/kotlin/org/mini/XmlParserTest.kt
    # (test xmlDoT); only the op_account is this test's sale's number.
    body = b"""<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
    <soap:Body>
        <DoTResponse xmlns="http://tempuri.org/">
            <DoTResult>
                <transaction_id>0</transaction_id>
                <rcode>3</rcode>
                <rcode_description>Sin Saldo $0.00</rcode_description>
                <rcode_detail>SR029A</rcode_detail>
                <op_account>2222222222</op_account>
                <op_authorization />
                <printData />
                <xmlDevData />
            </DoTResult>
        </DoTResponse>
    </soap:Body>
</soap:Envelope>"""
    outcome = dot(body)
    assert isinstance(outcome, Rejected)
    assert outcome.fault.origin is Origin.SHOP
    assert outcome.fault.certainty is Certainty.DEFINITE
    assert outcome.fault.code == "dealer.code.insufficient_balance"
    assert outcome.fault.params["dealer_message"] == "Sin Saldo $0.00"


def test_r16_rcode_0_is_the_sale_with_the_carrier_folio_and_the_ticket():
    # TResponse as in Milano's transact.wsdl (transaction_id, rcode, rcode_description,
    # op_account, op_authorization, printData/PrintData{m_label, m_data}, xmlDevData); values
    # as a Python integrator logged one ("Transaccion Aprobada", op_authorization 502735).
    outcome = dot(answer("DoT", tresponse()))
    assert isinstance(outcome, TransactConfirmed)
    assert (outcome.carrier_folio, outcome.dealer_folio, outcome.at) == ("502735", "12357", AT)
    assert outcome.request_id == RID and outcome.transaction_id == 12357
    assert outcome.ticket == ("Autorizacion: 502735", "Gracias por su compra")


@pytest.mark.parametrize("rcode", ["1", "2"])
def test_rcode_1_and_2_are_pending_until_checked(rcode):
    outcome = dot(answer("DoT", tresponse(rcode, auth="", desc="Transaccion en proceso")))
    assert isinstance(outcome, Pending)
    assert outcome.client_ref == SENT.ref


def test_rcode_5_is_the_customers_number():
    outcome = dot(answer("DoT", tresponse("5", tid="0", auth="", desc="Cuenta invalida")))
    assert isinstance(outcome, Rejected) and outcome.fault.origin is Origin.CONSUMER
    assert outcome.fault.code == "dealer.code.invalid_number"
    assert outcome.error_class == "invalid"


@pytest.mark.parametrize("desc, origin, key, error_class", [
    ("Saldo insuficiente", Origin.SHOP, "dealer.code.insufficient_balance", "refused"),
    ("Número inválido", Origin.CONSUMER, "dealer.code.invalid_number", "invalid"),
    ("Carrier no disponible, intente mas tarde", Origin.CARRIER, "dealer.code.carrier_down",
     "transient"),
    ("Sistema saturado", Origin.DEALER, "dealer.code.dealer_busy", "transient"),
    ("Recarga reciente al mismo numero", Origin.CARRIER, "dealer.code.recent_topup",
     "refused"),
    ("Rechazada", Origin.CARRIER, "dealer.code.carrier_rejected", "refused"),
])
def test_r01_a_failure_names_who_refused_it(desc, origin, key, error_class):
    outcome = dot(answer("DoT", tresponse("3", tid="0", auth="", desc=desc)))
    assert isinstance(outcome, Rejected)
    assert (outcome.fault.origin, outcome.fault.code, outcome.error_class) == (
        origin, key, error_class)
    assert outcome.fault.certainty is Certainty.DEFINITE


@pytest.mark.parametrize("rcode", ["4", "6", "7", "8", "9", "10", "11", "12", "40", "99", "-1",
                                   "2147483647"])
def test_r16_codes_that_do_not_say_are_unknown_never_rejected(rcode):
    # 12, 40 and 99 are what integrators make up for "service down", "general error" and
    # "expired" (the Python client, OperacionesPagaqui.cs): never a dealer's refusal.
    outcome = dot(answer("DoT", tresponse(rcode, auth="", desc="El tiempo de espera para la "
                                                               "transaccion ha expirado")))
    assert isinstance(outcome, Unknown), rcode
    assert outcome.fault.certainty is Certainty.UNKNOWN


@pytest.mark.parametrize("rcode", ["7", "8"])
def test_r19_a_lookup_that_finds_nothing_yet_is_not_visible(rcode):
    outcome = check(answer("CheckTransaction", tresponse(rcode, tid="0", auth="")))
    assert outcome == NotVisible(SENT.ref)


def test_a_lookup_answers_like_the_sale():
    assert isinstance(check(answer("CheckTransaction", tresponse())), TransactConfirmed)
    assert isinstance(check(answer("CheckTransaction", tresponse("6"))), Unknown)


def test_r16_an_answer_about_another_number_or_product_confirms_nothing():
    other = dot(answer("DoT", tresponse(account="5555555555")))
    assert isinstance(other, Unknown) and other.reason == "mismatch"
    assert other.details["dealer_named"] == {"msisdn": "5555555555"}
    unnamed = dot(answer("DoT", tresponse(account=None)))
    assert isinstance(unnamed, Unknown) and unnamed.reason == "mismatch"
    wrong_sku = dot(answer("DoT", tresponse(extra="<SKU>MOV-050</SKU>")))
    assert isinstance(wrong_sku, Unknown) and wrong_sku.details["mismatch"] == ["sku"]
    refusal_for_another = dot(answer("DoT", tresponse("3", account="5555555555")))
    assert isinstance(refusal_for_another, Unknown)
    assert isinstance(dot(answer("DoT", tresponse(extra="<SKU>TEL-050</SKU>"))),
                      TransactConfirmed)


def test_dealer_strings_are_made_safe():
    outcome = dot(answer("DoT", tresponse(auth="&#x202E;502735\t", desc="Ok&#x85;&#x200F;")))
    assert isinstance(outcome, TransactConfirmed)
    assert outcome.carrier_folio == "502735" and outcome.description == "Ok"


def test_after_a_minute_of_rcode_2_the_sale_is_unknown_never_failed():
    pending = dot(answer("DoT", tresponse("2", auth="")))
    expired = after_polling(pending)
    assert isinstance(expired, Unknown) and expired.details == {"expired": True}
    assert isinstance(after_polling(NotVisible(SENT.ref)), Unknown)
    confirmed = dot(answer("DoT", tresponse()))
    assert after_polling(confirmed) is confirmed


# --- the hostile dealer -------------------------------------------------------------------------

XXE = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
       b'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
       b'<DoTResponse xmlns="http://tempuri.org/"><DoTResult><transaction_id>1'
       b'</transaction_id><rcode>0</rcode><op_account>2222222222</op_account>'
       b'<op_authorization>&e;</op_authorization></DoTResult></DoTResponse></soap:Body>'
       b'</soap:Envelope>')
LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;")
                                                * 10) for i in range(1, 10))
          + b']><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">'
            b'<soap:Body><DoTResponse xmlns="http://tempuri.org/"><DoTResult><rcode>0</rcode>'
            b'<op_account>2222222222</op_account><op_authorization>&lol9;</op_authorization>'
            b'</DoTResult></DoTResponse></soap:Body></soap:Envelope>')
# What ASMX sends for an exception in the service (HTTP 500).
SOAP_FAULT = ENVELOPE.format(body="<soap:Fault><faultcode>soap:Server</faultcode><faultstring>"
                                  "Server was unable to process request. ---&gt; Object "
                                  "reference not set to an instance of an object."
                                  "</faultstring><detail /></soap:Fault>").encode()
HTML = (b"<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/"
        b"xhtml1/DTD/xhtml1-strict.dtd\"><html><head><title>500 - Internal server error."
        b"</title></head><body><h2>500 - Internal server error.</h2></body></html>")


@pytest.mark.parametrize("body, reason", [
    (answer("DoT", tresponse())[:-40], "malformed"),         # cut in the middle
    (b"", "malformed"),
    (XXE, "malformed"),
    (LAUGHS, "malformed"),
    (SOAP_FAULT, "server_error"),
    (HTML, "malformed"),
    (b"<html><body>Service Unavailable</body></html>", "malformed"),
    (answer("DoT", tresponse()).replace(b'xmlns="http://tempuri.org/"', b""), "malformed"),
    (answer("DoT", tresponse()).replace(b"http://tempuri.org/", b"http://evil.example/"),
     "malformed"),
    (answer("DoT", tresponse()).replace(b"http://schemas.xmlsoap.org/soap/envelope/",
                                        b"http://www.w3.org/2003/05/soap-envelope"),
     "malformed"),                                            # SOAP 1.2: not what was asked
    (answer("CheckTransaction", tresponse()), "malformed"),   # another operation's answer
    (answer("DoT", tresponse().replace("<rcode>0</rcode>", "")), "malformed"),
    (answer("DoT", tresponse().replace("<rcode>0</rcode>", "<rcode>3</rcode><rcode>0</rcode>")),
     "malformed"),
    (answer("DoT", tresponse("0x0")), "malformed"),
    (answer("DoT", tresponse("1e0")), "malformed"),
    (answer("DoT", tresponse("")), "malformed"),
    (answer("DoT", tresponse("<b>0</b>")), "malformed"),
    (answer("DoT", tresponse(tid="12.5")), "malformed"),
    (answer("DoT", "<a>" * 100 + "</a>" * 100), "malformed"),  # too deep
    (b"<a>" + b"<b/>" * 50_000 + b"</a>", "malformed"),           # too many elements
    (b" " * (soap.MAX_ANSWER_BYTES + 1), "too_large"),
    (b"\xff\xfe\x00<", "malformed"),
    (b'<?xml version="1.0" encoding="x-nope"?><a/>', "malformed"),
])
def test_r16_whatever_the_dealer_sends_is_unknown_never_a_crash(body, reason):
    outcome = dot(body)
    assert isinstance(outcome, Unknown)
    assert (outcome.reason, outcome.origin) == (reason, Origin.DEALER)
    assert "root:" not in repr(outcome)
    if b"CheckTransactionResponse" not in body:
        assert isinstance(check(body), Unknown)


def test_an_entity_bomb_is_refused_at_once():
    started = time.monotonic()
    dot(LAUGHS)
    assert time.monotonic() - started < 0.5


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_are_unknown(body):
    assert isinstance(dot(body), Unknown)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_mangled_answer_never_crashes(data):
    body = bytearray(answer("DoT", tresponse()))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(body) - 1))
        body[at] = data.draw(st.integers(0, 255))
    assert isinstance(dot(bytes(body)), (TransactConfirmed, Unknown, Pending, Rejected))
    assert isinstance(check(bytes(body)), (TransactConfirmed, Unknown, Pending, Rejected,
                                           NotVisible))


# --- the queries --------------------------------------------------------------------------------


def test_the_published_request_id_answer():
    # Verbatim, RecargasTae XmlParserTest.kt ("test parseResponse with valid XML").
    body = b"""<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
    <soap:Body>
        <GetTRequestIDResponse xmlns="http://tempuri.org/">
            <GetTRequestIDResult>3234653462</GetTRequestIDResult>
        </GetTRequestIDResponse>
    </soap:Body>
</soap:Envelope>"""
    assert parse_request_id(body) == "3234653462"


def test_the_published_invalid_answer_gives_no_id():
    # Verbatim, RecargasTae XmlParserTest.kt ("test parseResponse with invalid XML").
    body = b"""<soap:Envelope>
    <soap:Body>
        <GetTRequestIDResponse>
            <InvalidNode>12345</InvalidNode>
        </GetTRequestIDResponse>
    </soap:Body>
</soap:Envelope>"""
    with pytest.raises(DealerError) as caught:
        parse_request_id(body)
    assert caught.value.fault.code == "dealer.query.malformed"


@pytest.mark.parametrize("inner, code", [
    ("", "NO_REQUEST_ID"), ("   ", "NO_REQUEST_ID"), ("-1", "BAD_REQUEST_ID"),
    ("0000", "BAD_REQUEST_ID"), ("a" * 65, "BAD_REQUEST_ID"), ("12 34", "BAD_REQUEST_ID"),
    ("&lt;script&gt;", "BAD_REQUEST_ID"), ("<x>1</x>", "NOT_A_STRING"),
])
def test_a_request_id_that_cannot_be_used_is_a_query_error(inner, code):
    with pytest.raises(DealerError) as caught:
        parse_request_id(answer("GetTRequestID", inner))
    assert caught.value.dealer_code == code
    assert caught.value.fault.origin is Origin.DEALER


def test_the_queries_refuse_faults_and_entities():
    for parse in (parse_request_id, parse_balance, parse_sku_list):
        for body in (SOAP_FAULT, XXE, LAUGHS, HTML, b""):
            with pytest.raises(DealerError):
                parse(body)


@pytest.mark.parametrize("inner, centavos", [
    ("&lt;response&gt;&lt;balance&gt;1,234.50&lt;/balance&gt;&lt;/response&gt;", 123450),
    ("&lt;?xml version=\"1.0\" encoding=\"utf-16\"?&gt;&lt;data&gt;&lt;balance&gt;10.5000"
     "&lt;/balance&gt;&lt;/data&gt;", 1050),
    ("&lt;balance&gt;$0.00&lt;/balance&gt;", 0),
    ("<response><balance>-15.25</balance></response>", -1525),
    ("100000.00", 10000000),
])
def test_the_balance_comes_in_exact_centavos(inner, centavos):
    # The Python client reads ET.fromstring(GetBalanceResult).find("balance").text.
    assert parse_balance(answer("GetBalance", inner)) == centavos


@pytest.mark.parametrize("inner", [
    "&lt;response&gt;&lt;balance&gt;0.005&lt;/balance&gt;&lt;/response&gt;",
    "&lt;response&gt;&lt;balance&gt;1e3&lt;/balance&gt;&lt;/response&gt;",
    "&lt;response&gt;&lt;balance&gt;NaN&lt;/balance&gt;&lt;/response&gt;",
    "&lt;response&gt;&lt;saldo&gt;10&lt;/saldo&gt;&lt;/response&gt;",
    "&lt;response&gt;&lt;balance&gt;1&lt;/balance&gt;&lt;balance&gt;2&lt;/balance&gt;"
    "&lt;/response&gt;",
    "&lt;!DOCTYPE r [&lt;!ENTITY e SYSTEM \"file:///etc/passwd\"&gt;]&gt;&lt;r&gt;&lt;balance"
    "&gt;&amp;e;&lt;/balance&gt;&lt;/r&gt;",
    "&lt;response&gt;&lt;balance&gt;1",
    "",
])
def test_a_balance_that_is_not_exact_is_a_query_error(inner):
    with pytest.raises(DealerError) as caught:
        parse_balance(answer("GetBalance", inner))
    assert "root:" not in repr(caught.value.fault)


SKUS = ("&lt;products&gt;"
        "&lt;product&gt;&lt;name&gt;TELCEL&lt;/name&gt;&lt;sku&gt;TEL-050&lt;/sku&gt;"
        "&lt;monto&gt;50.00&lt;/monto&gt;&lt;info&gt;Recarga Telcel $50&lt;/info&gt;"
        "&lt;costo&gt;50&lt;/costo&gt;&lt;checksku&gt;0&lt;/checksku&gt;"
        "&lt;regex&gt;^[0-9]{10}$&lt;/regex&gt;&lt;stype&gt;1&lt;/stype&gt;"
        "&lt;opid&gt;1&lt;/opid&gt;&lt;/product&gt;"
        "&lt;product&gt;&lt;name&gt;AT&amp;amp;T&lt;/name&gt;&lt;sku&gt;ATT-100&lt;/sku&gt;"
        "&lt;monto&gt;100&lt;/monto&gt;&lt;plazo&gt;30 dias&lt;/plazo&gt;&lt;/product&gt;"
        "&lt;product&gt;&lt;name&gt;CFE&lt;/name&gt;&lt;sku&gt;CFE&lt;/sku&gt;"
        "&lt;monto&gt;0&lt;/monto&gt;&lt;checksku&gt;-1&lt;/checksku&gt;"
        "&lt;regex&gt;^[0-9]{30}$&lt;/regex&gt;&lt;stype&gt;3&lt;/stype&gt;&lt;/product&gt;"
        "&lt;product&gt;&lt;name&gt;Repetido&lt;/name&gt;&lt;sku&gt;TEL-050&lt;/sku&gt;"
        "&lt;monto&gt;50&lt;/monto&gt;&lt;/product&gt;"
        "&lt;product&gt;&lt;name&gt;Malo&lt;/name&gt;&lt;sku&gt;&amp;lt;x&amp;gt;&lt;/sku&gt;"
        "&lt;monto&gt;50&lt;/monto&gt;&lt;/product&gt;"
        "&lt;product&gt;&lt;name&gt;Centavo&lt;/name&gt;&lt;sku&gt;X-1&lt;/sku&gt;"
        "&lt;monto&gt;0.001&lt;/monto&gt;&lt;/product&gt;"
        "&lt;/products&gt;")


def test_the_catalog_is_the_escaped_document_of_the_public_client():
    # RecargasTae dto/XmlParser.kt: GetSkuListResult holds escaped <product> elements with
    # name, sku, monto, info, regex, costo, stype, opid; the Pagaqui integrator reads the
    # sixth child as checksku ("-1": ask CheckSku first) and the seventh as regex.
    catalog = parse_sku_list(answer("GetSkuList", SKUS))
    telcel, att, cfe = catalog.products
    assert (telcel.name, telcel.sku, telcel.amount, telcel.cost, telcel.regex) == (
        "TELCEL", "TEL-050", 5000, 5000, "^[0-9]{10}$")
    assert (telcel.service_type, telcel.operator_id, telcel.check_sku) == (1, 1, "0")
    assert (att.name, att.amount, att.extra) == ("AT&T", 10000, (("plazo", "30 dias"),))
    assert (cfe.amount, cfe.check_sku, cfe.service_type) == (None, "-1", 3)
    assert catalog.dropped == 3  # the repeated sku, the sku with markup, the 0.1 centavo


def test_an_entity_inside_the_catalogs_document_is_refused():
    inner = ("&lt;!DOCTYPE p [&lt;!ENTITY e SYSTEM \"file:///etc/passwd\"&gt;]&gt;"
             "&lt;products&gt;&lt;product&gt;&lt;name&gt;&amp;e;&lt;/name&gt;&lt;sku&gt;A"
             "&lt;/sku&gt;&lt;monto&gt;10&lt;/monto&gt;&lt;/product&gt;&lt;/products&gt;")
    with pytest.raises(DealerError) as caught:
        parse_sku_list(answer("GetSkuList", inner))
    assert caught.value.dealer_code == "INNER_MALFORMED"
    bomb = ("&lt;!DOCTYPE p [&lt;!ENTITY a \"aaaaaaaaaa\"&gt;&lt;!ENTITY b \"&amp;a;&amp;a;"
            "&amp;a;&amp;a;\"&gt;]&gt;&lt;products&gt;&amp;b;&lt;/products&gt;")
    with pytest.raises(DealerError):
        parse_sku_list(answer("GetSkuList", bomb))
    undeclared = "&lt;products&gt;&amp;e;&lt;/products&gt;"
    with pytest.raises(DealerError):
        parse_sku_list(answer("GetSkuList", undeclared))


def test_a_catalog_written_as_elements_is_read_too():
    inner = ("<products><product><name>TELCEL</name><sku>TEL-050</sku><monto>50</monto>"
             "</product></products>")
    assert [p.sku for p in parse_sku_list(answer("GetSkuList", inner)).products] == ["TEL-050"]


# --- what the catalog and the ticket say --------------------------------------------------------


def _sku(name: str, sku: str, monto: str, opid: str = "", stype: str = "",
         info: str = "") -> str:
    fields = [("name", name), ("sku", sku), ("monto", monto), ("info", info)]
    fields += [("opid", opid)] if opid else []
    fields += [("stype", stype)] if stype else []
    inner = "".join(f"&lt;{k}&gt;{v}&lt;/{k}&gt;" for k, v in fields)
    return f"&lt;product&gt;{inner}&lt;/product&gt;"


def test_r04_products_named_each_by_its_own_name_are_grouped_by_operator_and_category():
    """A deployment whose ``name`` is the product's ("Telcel $20"), not the company's: the
    companies are the operators, named by what their products share, and a named package
    is a bundle, never a company of airtime."""
    from recarga_tui.dealer.transact.catalog import catalog_of
    from recarga_tui.domain.catalog import Category

    inner = ("&lt;products&gt;"
             + _sku("Telcel $20", "TEL020", "20", opid="1")
             + _sku("Telcel $50", "TEL050", "50", opid="1")
             + _sku("Internet Amigo 7 días", "INA030", "30", opid="1")
             + _sku("Movistar $100", "MOV100", "100", opid="2", stype="1")
             + _sku("Movistar Internet 50", "MOVI50", "50", opid="2", stype="2")
             + _sku("CFE", "SRV-CFE", "0", opid="9", info="Pago de recibo de luz")
             + "&lt;/products&gt;")
    catalog = catalog_of(parse_sku_list(answer("GetSkuList", inner)))
    assert [(c.id, c.name) for c in catalog.carriers] == [
        ("telcel", "Telcel"), ("movistar", "Movistar"), ("cfe", "CFE")]
    kinds = {p.sku: (p.carrier_id, p.category, p.name) for p in catalog.products}
    assert kinds["TEL020"][:2] == ("telcel", Category.AIRTIME)
    assert kinds["INA030"] == ("telcel", Category.BUNDLE, "Internet Amigo 7 días")
    assert kinds["MOVI50"] == ("movistar", Category.BUNDLE, "Movistar Internet 50")
    assert kinds["SRV-CFE"][:2] == ("cfe", Category.BILL)
    assert [c.name for c in catalog.carriers_of(Category.AIRTIME)] == ["Telcel", "Movistar"]


def test_r04_the_company_named_product_list_stays_as_it_was():
    from recarga_tui.dealer.transact.catalog import catalog_of

    inner = ("&lt;products&gt;" + _sku("TELCEL", "TEL-050", "50", info="Telcel $50")
             + _sku("TELCEL", "TEL-100", "100", info="Telcel $100") + "&lt;/products&gt;")
    catalog = catalog_of(parse_sku_list(answer("GetSkuList", inner)))
    assert [(c.id, c.name) for c in catalog.carriers] == [("telcel", "Telcel")]
    assert [p.name for p in catalog.products] == ["Telcel $50", "Telcel $100"]


def test_r03_a_print_data_sent_as_plain_text_is_kept_as_the_tickets_lines():
    body = tresponse().replace(
        "<printData><PrintData><m_label>Autorizacion</m_label><m_data>502735</m_data>"
        "</PrintData><PrintData><m_label /><m_data>Gracias por su compra</m_data>"
        "</PrintData></printData>",
        "<printData>TELCEL RECARGA $50\nAutorizacion 502735\n\n  Gracias  </printData>")
    outcome = dot(answer("DoT", body))
    assert isinstance(outcome, TransactConfirmed)
    assert outcome.ticket == ("TELCEL RECARGA $50", "Autorizacion 502735", "Gracias")
