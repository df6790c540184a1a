"""Reloadly's answers read by the pure functions (answers.py, catalog.py, judge.py), on the
bodies its documents and SDK print (reloadly_samples.py): every documented shape is read,
both where two sources disagree, and nothing else is (R16)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest
import reloadly_samples as doc

from recarga_tui.dealer import match
from recarga_tui.dealer.outcomes import Confirmed, Pending, Rejected, Unknown
from recarga_tui.dealer.reloadly import answers, catalog, judge
from recarga_tui.domain.catalog import Category
from recarga_tui.domain.faults import Certainty, Origin

REF = "DEMO-01-261125-0000abcd"
NUMBER = "5512345678"
AT = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)


def sent(sku: str = "RLD-9103-5000", amount: int = 5000) -> match.Sent:
    return match.Sent(REF, NUMBER, sku, amount)


# --- the token -----------------------------------------------------------------------------


@pytest.mark.parametrize("body, life", [
    (doc.TOKEN_OA, 5184000),   # OA: expires_in a number
    (doc.TOKEN_SDK, 5184000),  # SDK: the same, with no scope
    (doc.TOKEN_SW, 5184000),   # SW: expires_in a text
])
def test_r12_the_token_and_its_life_read_in_every_documented_shape(body, life):
    token, seconds = answers.token_of(body.encode())
    assert token == json.loads(body)["access_token"] and seconds == life


@pytest.mark.parametrize("body", [
    b'{"access_token": "x"}', b'{"access_token": "", "expires_in": 60}',
    b'{"access_token": "x", "expires_in": "soon"}', b'{"access_token": "x", "expires_in": 0}',
    b'{"access_token": "x", "expires_in": true}', b"<html>", b"",
])
def test_r12_a_token_without_its_life_is_no_token(body):
    with pytest.raises(answers.Unreadable):
        answers.token_of(body)


# --- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize("body, code", [
    (doc.TOKEN_401_OA, "INVALID_CREDENTIALS"), (doc.INVALID_TOKEN_OA, "INVALID_TOKEN"),
    (doc.INVALID_PHONE_OA, "INVALID_RECIPIENT_PHONE"),
    (doc.COUNTRY_NOT_SUPPORTED_OA, "COUNTRY_NOT_SUPPORTED"),
    (doc.INVALID_AUDIENCE_SDK, "INVALID_AUDIENCE"), (doc.INVALID_TOKEN_SDK, "INVALID_TOKEN"),
    (doc.ACCESS_DENIED_SDK, ""),            # errorCode null
    (doc.TOKEN_EXPIRED_SW, "TOKEN_EXPIRED"),  # timeStamp a number, details with items
    (doc.NOT_FOUND_OA, ""),                 # Spring's own 404: status and error, no code
])
def test_r01_every_documented_error_body_is_read_with_its_code(body, code):
    error = answers.error_of(body.encode())
    assert error is not None and answers.code_of(error) == code and error.message


def test_r01_a_body_that_is_no_error_reads_as_none():
    assert answers.error_of(b"<html><body>502 Bad Gateway</body></html>") is None
    assert answers.error_of(b'{"transactionId": 1}') is None


# --- transactions ------------------------------------------------------------------------------


def test_r03_the_openapi_topup_example_is_read_field_by_field():
    txn = answers.transaction_of(doc.TOPUP_OA.encode())
    assert (txn.transactionId, txn.status, txn.operatorId) == (4602843, "SUCCESSFUL", 535)
    assert txn.recipientPhone == 447951631337  # OA: a number
    assert txn.requestedAmount == Decimal("3168.4") and txn.deliveredAmount == Decimal("4.9985")
    assert txn.balanceInfo is not None and txn.balanceInfo.oldBalance == Decimal("5109.53732")
    assert answers.parse_time(txn.transactionDate) == datetime(2021, 12, 6, 8, 13, 39,
                                                               tzinfo=UTC)


def test_r03_the_sdk_topup_fixture_is_read_and_has_no_status():
    txn = answers.transaction_of(doc.TOPUP_SDK.encode())
    assert txn.recipientPhone == "50936377111" and txn.status is None  # SDK: a text, no status
    assert txn.deliveredAmount == Decimal("1089.31")


def test_r16_the_openapi_example_confirms_nothing_for_a_sale_in_pesos():
    """The example's top-up went to a British number in pounds: for any sale of this shop it
    is an answer about another sale."""
    txn = answers.transaction_of(doc.TOPUP_OA.encode())
    outcome = judge.outcome(txn, sent(), "52", AT)
    assert isinstance(outcome, Unknown) and outcome.reason == "mismatch"
    assert set(outcome.details["mismatch"]) == {"ref", "msisdn", "sku", "amount"}


@pytest.mark.parametrize("body", [doc.TOPUP_OA, doc.TOPUP_SDK])
def test_r16_a_documented_topup_with_the_sales_fields_is_its_delivery(body):
    """Both documented shapes (the phone a number or a text, the status given or not) with
    the sale's own fields: a delivery, with Reloadly's ids as the proof (R03)."""
    mine = doc.mexican(body, ref=REF, msisdn=NUMBER, operator_id=9103, pesos="50.00")
    txn = answers.transaction_of(mine.encode())
    outcome = judge.outcome(txn, sent(), "52", AT, status=(txn.status or "SUCCESSFUL"))
    assert isinstance(outcome, Confirmed)
    assert outcome.dealer_folio == str(txn.transactionId)
    assert outcome.balance_after is None  # the balance is in the account's currency, not pesos


@pytest.mark.parametrize("field, value", [
    ("customIdentifier", "DEMO-01-261125-0000ffff"), ("recipientPhone", "525512345679"),
    ("operatorId", 9104), ("deliveredAmount", 100.0), ("deliveredAmountCurrencyCode", "USD"),
    ("customIdentifier", None), ("recipientPhone", None), ("operatorId", None),
])
def test_r16_a_transaction_that_differs_in_one_field_is_about_another_sale(field, value):
    mine = json.loads(doc.mexican(doc.TOPUP_OA, ref=REF, msisdn=NUMBER, operator_id=9103,
                                  pesos="50.00"))
    mine[field] = value
    txn = answers.transaction_of(json.dumps(mine).encode())
    outcome = judge.outcome(txn, sent(), "52", AT, status="SUCCESSFUL")
    assert isinstance(outcome, Unknown) and outcome.reason == "mismatch"


def test_r16_pesos_requested_count_when_none_are_said_delivered():
    mine = json.loads(doc.mexican(doc.TOPUP_SDK, ref=REF, msisdn=NUMBER, operator_id=9103,
                                  pesos="50.00"))
    mine.update(deliveredAmountCurrencyCode="USD", requestedAmount=50,
                requestedAmountCurrencyCode="MXN")
    txn = answers.transaction_of(json.dumps(mine).encode())
    assert judge.pesos_of(txn) == 5000


def test_r16_an_amount_with_more_than_centavos_is_no_amount_sold():
    assert answers.exact_centavos(Decimal("4.9985")) is None
    assert answers.exact_centavos(Decimal("50")) == 5000
    assert answers.exact_centavos(Decimal("-1")) is None
    assert answers.exact_centavos(Decimal("NaN")) is None


# --- the status of a top-up --------------------------------------------------------------------


def test_r16_the_status_in_the_sdks_shape_holds_the_transaction_inside():
    status = answers.status_of(doc.STATUS_SDK.encode())
    assert status.status == "SUCCESSFUL" and status.code == ""
    assert status.transaction is not None and status.transaction.transactionId == 1


def test_r16_the_status_in_the_openapis_shape_is_the_transaction_itself():
    status = answers.status_of(doc.STATUS_OA.encode())
    assert status.status == "SUCCESSFUL"
    assert status.transaction is not None and status.transaction.transactionId == 4602843


@pytest.mark.parametrize("status, expected", [
    ("SUCCESSFUL", Confirmed), ("PROCESSING", Pending), ("PENDING", Pending),
    ("FAILED", Rejected), ("REFUNDED", Rejected), ("ON_HOLD", Unknown), ("", Unknown),
])
def test_r16_each_status_is_its_outcome_and_an_undocumented_one_decides_nothing(status,
                                                                               expected):
    body = json.loads(doc.mexican(doc.STATUS_SDK, ref=REF, msisdn=NUMBER, operator_id=9103,
                                  pesos="50.00"))
    body["status"] = body["transaction"]["status"] = status
    txn = answers.transaction_of(json.dumps(body["transaction"]).encode())
    outcome = judge.outcome(txn, sent(), "52", AT, status=status)
    assert isinstance(outcome, expected)
    if isinstance(outcome, Rejected):  # R01: a failed top-up is the carrier's, definite
        assert outcome.fault.origin is Origin.CARRIER
        assert outcome.fault.certainty is Certainty.DEFINITE


def test_r01_a_failed_status_with_a_documented_code_takes_its_origin():
    body = json.loads(doc.mexican(doc.STATUS_SDK, ref=REF, msisdn=NUMBER, operator_id=9103,
                                  pesos="50.00"))
    txn = answers.transaction_of(json.dumps(body["transaction"]).encode())
    outcome = judge.outcome(txn, sent(), "52", AT, status="FAILED",
                            code="INVALID_RECIPIENT_PHONE")
    assert isinstance(outcome, Rejected) and outcome.fault.origin is Origin.CONSUMER


@pytest.mark.parametrize("body", [b'{"code": null, "message": null}', b"[]", b"null",
                                  b'{"status": 7}', b"\xff\xfe"])
def test_r16_a_status_that_says_none_is_unreadable(body):
    with pytest.raises(answers.Unreadable):
        answers.status_of(body)


@pytest.mark.parametrize("body, expected", [(doc.ASYNC_OA, "4602843"), (doc.ASYNC_SDK, "1")])
def test_r19_the_asynchronous_answer_names_its_transaction(body, expected):
    assert answers.taken_id(body.encode()) == expected


@pytest.mark.parametrize("body", [b"{}", b'{"transactionId": "12a"}', b'{"transactionId": -5}',
                                  b'{"transactionId": true}'])
def test_r16_an_asynchronous_answer_without_a_plain_id_is_unreadable(body):
    with pytest.raises(answers.Unreadable):
        answers.taken_id(body)


# --- the report --------------------------------------------------------------------------------


def test_r19_the_sdks_report_page_is_read_whole():
    lines, last = answers.page_of(doc.REPORT_SDK.encode())
    assert [t.transactionId for t in lines] == [10657, 10658, 10666, 10667, 10668] and last
    assert lines[2].recipientPhone == "17863241259"


def test_r19_the_openapis_report_example_with_its_placeholder_lines_is_refused_whole():
    """OA's report example ends with "{}" where more lines would follow: a line without its
    id could be the sale looked for, so the page is not half read."""
    with pytest.raises(answers.Unreadable):
        answers.page_of(doc.REPORT_OA.encode())


def test_r19_a_report_as_a_bare_list_is_one_page():
    lines, last = answers.page_of(json.dumps([json.loads(doc.TRANSACTION_SDK)]).encode())
    assert len(lines) == 1 and last


# --- balance, operators, catalog ---------------------------------------------------------------


@pytest.mark.parametrize("body, units", [(doc.BALANCE_OA, 500000), (doc.BALANCE_SDK, 100000)])
def test_r14_the_balance_is_read_in_its_currency(body, units):
    found = answers.balance_of(body.encode())
    assert found.currencyCode == "USD" and answers.minor_units(found.balance) == units


def test_r14_a_balance_is_never_shown_above_what_it_holds():
    assert answers.minor_units(Decimal("5109.53732")) == 510953
    assert answers.minor_units(Decimal("2004.50999")) == 200450


@pytest.mark.parametrize("body, ids", [
    (doc.OPERATORS_SDK, ["340", "645", "581", "173", "172"]),  # SDK: a list
    (doc.OPERATOR_OA, ["88"]),                                 # OA: one object
    (doc.OPERATORS_SW, ["173", "174"]),                        # SW: the 2018 shape
    (json.dumps({"content": json.loads(doc.OPERATORS_SDK)}), ["340", "645", "581", "173",
                                                              "172"]),  # a page
])
def test_r04_the_operators_of_a_country_in_every_documented_shape(body, ids):
    assert [op.key for op in answers.operators_of(body.encode())] == ids


def test_r04_the_documented_operators_sell_nothing_in_pesos():
    """Haiti's, Nigeria's, Colombia's and a PIN operator: nothing the counter sells."""
    ops = answers.operators_of(doc.OPERATORS_SDK.encode())
    ops += answers.operators_of(doc.OPERATOR_OA.encode())
    assert catalog.catalog_of(ops).products == ()


def test_r04_fixed_local_amounts_and_a_local_range_become_products():
    """The SDK's Nigerian operators read as the counter would read them were its money
    naira: the data operator's local fixed amounts with their descriptions ("50.00" keys),
    the airtime one's local range as an open amount; the PIN operator is not sold."""
    ops = answers.operators_of(doc.OPERATORS_SDK.encode())
    found = catalog.catalog_of(ops, currency="NGN")
    open_amount = found.product("RLD-340")
    assert open_amount is not None and open_amount.open_amount
    assert (open_amount.min_amount, open_amount.max_amount) == (500, 5000000)
    data = found.products_of("9mobile-etisalat-nigeria", Category.BUNDLE)
    assert data[0].sku == "RLD-645-5000" and data[0].amount == 5000
    assert data[0].description == "25MB (24 hours)" and len(data) == 17
    assert [c.name for c in found.carriers] == ["9Mobile (Etisalat) Nigeria"]


def test_r04_descriptions_as_a_list_are_read_as_well_as_a_map():
    op = json.loads(doc.OPERATORS_SDK)[1]
    op["localFixedAmountsDescriptions"] = [{"amount": 100, "description": "Data 40MB"}]
    found = catalog.products_of(answers.operators_of(json.dumps([op]).encode())[0], "NGN")
    assert found[1].description == "Data 40MB" and found[0].description.endswith("$50.00")


@pytest.mark.parametrize("name, brand", [
    ("Telcel Mexico", ("telcel-mexico", "Telcel Mexico")),
    ("Telcel Mexico Bundles", ("telcel-mexico", "Telcel Mexico")),
    ("Movistar Mexico Data", ("movistar-mexico", "Movistar Mexico")),
    ("AT&T Mexico PIN", ("at-t-mexico", "AT&T Mexico")),
    ("\u202eTelcel\u202c Mexico", ("telcel-mexico", "Telcel Mexico")),
    ("", ("reloadly", "Reloadly")),
])
def test_r04_an_operator_is_the_company_of_its_brand(name, brand):
    assert catalog.brand_of(name) == brand


@pytest.mark.parametrize("sku, parts", [
    ("RLD-9103-5000", catalog.SkuParts("9103", 5000)), ("RLD-9101", catalog.SkuParts("9101", None)),
    ("TEL-050", None), ("RLD-x", None), ("RLD-1-2-3", None),
])
def test_r16_a_sku_says_what_is_sent(sku, parts):
    assert catalog.parse_sku(sku) == parts


# --- phones and times --------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    ("525512345678", NUMBER), ("+525512345678", NUMBER), (525512345678, NUMBER),
    (NUMBER, NUMBER), ("447951631337", None), ("52551234567", None), ("５５12345678", None),
    (True, None), (None, None),
])
def test_r04_a_number_as_reloadly_writes_it(value, expected):
    assert answers.local_number(value, "52") == expected


@pytest.mark.parametrize("text, expected", [
    ("2021-12-06 08:13:39", datetime(2021, 12, 6, 8, 13, 39, tzinfo=UTC)),
    ("2020-12-24T10:00:00Z", datetime(2020, 12, 24, 10, tzinfo=UTC)),  # SDK promotions' form
    ("yesterday", None), ("", None), (None, None),
])
def test_r03_times_without_an_offset_are_utc(text, expected):
    assert answers.parse_time(text) == expected
