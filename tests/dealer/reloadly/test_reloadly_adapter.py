"""The Reloadly adapter behind the dealer port, fed Reloadly's documented answers
(reloadly_samples.py) through an httpx MockTransport: the token asked with the client id and
secret and renewed (before it lapses, and once on a 401, also in the middle of a sale), each
sale sent once under its reference, its status followed, every answer held against the sale
(R16), every refusal with its origin (R01), the secret seen nowhere (R12), and what Reloadly
lacks said with where to ask instead (R09, R11, R14)."""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import reloadly_samples as doc
from scripted import CLIENT_ID, SECRET, Now, Reloadly, dealer

from recarga_tui.config import DealerSettings, Settings
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
from recarga_tui.dealer.registry import make
from recarga_tui.dealer.reloadly.adapter import CAPABILITIES, SESSION_TOKEN, ReloadlyDealer
from recarga_tui.dealer.reloadly.kind import CLIENT_ID_ENV, CLIENT_SECRET_ENV, ReloadlySection
from recarga_tui.dealer.reloadly.settings import SANDBOX_URL, ReloadlySettings, from_app
from recarga_tui.domain.faults import Certainty, Origin

REF = "DEMO-01-261125-0000abcd"
NUMBER = "5512345678"
MOVISTAR_50 = match.Sent(REF, NUMBER, "RLD-9103-5000", 5000)
TELCEL_75_50 = match.Sent(REF, NUMBER, "RLD-9101", 7550)


def taken(txn_id: int = 4602843) -> tuple[int, str]:
    return 200, json.dumps({"transactionId": txn_id})  # the shape of OA's and SDK's answer


def status(state: str, sent: match.Sent = MOVISTAR_50, *, shape: str = doc.STATUS_SDK,
           code: str | None = None, **fields: object) -> tuple[int, str]:
    """A documented status answer (SDK's shape by default) about ``sent`` in ``state``."""
    parts = sent.sku.split("-")
    pesos = f"{sent.amount // 100}.{sent.amount % 100:02d}"
    body = json.loads(doc.mexican(shape, ref=sent.ref, msisdn=sent.msisdn,
                                  operator_id=int(parts[1]), pesos=pesos, **fields))
    if "transaction" in body:
        body.update(status=state, code=code)
        body["transaction"]["status"] = state
    else:
        body["status"] = state
    return 200, json.dumps(body)


async def logged_in(script: Reloadly, now: Now | None = None, **settings: object
                    ) -> ReloadlyDealer:
    d = dealer(script, now, **settings)
    await d.login("", "")
    return d


# --- what Reloadly is to the app -----------------------------------------------------------


def test_r19_reloadly_knows_a_sale_by_the_shops_reference_and_offers_what_it_has():
    d = dealer(Reloadly())
    assert isinstance(d, Dealer)
    caps = d.capabilities
    assert caps.sale_key is SaleKey.SHOP_REFERENCE and caps.same_key_again
    assert caps.sales_report and caps.lookup
    assert not (caps.notices or caps.statement or caps.deposits or caps.clarifications
                or caps.fault_reports or caps.pools)
    assert CAPABILITIES.name == "Reloadly"


@pytest.mark.parametrize("call", [
    lambda d: d.notices(), lambda d: d.statement(datetime.now(UTC), datetime.now(UTC)),
    lambda d: d.deposits(), lambda d: d.clarifications(),
    lambda d: d.notify_deposit("BBVA", 100, "x", datetime.now(UTC)),
    lambda d: d.ask_clarification("topup", "x"), lambda d: d.fault_report(Origin.DEALER, "x"),
    lambda d: d.request_id(MOVISTAR_50),
])
async def test_r09_r11_r14_what_reloadly_lacks_says_where_to_ask(call):
    script = Reloadly()
    with pytest.raises(DealerError) as raised:
        await call(dealer(script))
    fault = raised.value.fault
    assert raised.value.dealer_code == "NOT_OFFERED" and fault.code.startswith("dealer.lacks.")
    assert fault.params["phone"] == "800 123 4567" and fault.params["dealer"] == "Reloadly"
    assert script.seen == []  # nothing asked of Reloadly


# --- the token -----------------------------------------------------------------------------


async def test_r12_login_asks_a_token_with_the_client_credentials(caplog):
    caplog.set_level(logging.DEBUG)
    script = Reloadly()
    d = dealer(script)
    session = await d.login("", "")
    asked = script.of("token")[0]
    assert str(asked.request.url) == "https://auth.reloadly.com/oauth/token"
    assert asked.json == {"client_id": CLIENT_ID, "client_secret": SECRET,
                          "grant_type": "client_credentials",
                          "audience": "https://topups.reloadly.com"}
    assert session.token == SESSION_TOKEN and d.logged_in
    shown = " ".join([repr(d), repr(d.settings), repr(session), caplog.text])
    assert SECRET not in shown and CLIENT_ID not in shown and "token-1" not in shown


async def test_r12_the_id_typed_as_the_user_and_the_secret_as_the_password():
    script = Reloadly()
    d = dealer(script, client_id="", client_secret="")
    await d.login(" otro-id ", "otro-secreto")
    assert script.of("token")[0].json["client_id"] == "otro-id"
    assert script.of("token")[0].json["client_secret"] == "otro-secreto"


@pytest.mark.parametrize("client_id, secret, user, password", [
    (CLIENT_ID, SECRET, False, False),   # both in the config: the login asks nothing
    (CLIENT_ID, "", False, True),        # the secret typed as the password
    ("", SECRET, True, False),           # the id typed as the user
    ("", "", True, True),
])
def test_r12_the_login_asks_only_what_the_config_does_not_hold(client_id, secret, user,
                                                                password):
    asks = dealer(Reloadly(), client_id=client_id, client_secret=secret).capabilities.login
    assert (asks.user, asks.password) == (user, password) and asks.hint


async def test_r12_what_the_config_holds_is_never_replaced_by_what_was_typed():
    """A login that reads no field uses the config's id and secret alone: text typed into a
    lock or a session's modal never reaches Reloadly's token service."""
    script = Reloadly()
    await dealer(script).login("tecleado", "tecleado")
    asked = script.of("token")[0].json
    assert (asked["client_id"], asked["client_secret"]) == (CLIENT_ID, SECRET)


async def test_r13_no_id_or_secret_is_said_before_anything_is_asked():
    script = Reloadly()
    with pytest.raises(BadCredentials) as raised:
        await dealer(script, client_secret="").login("", "")
    assert raised.value.fault.code == "dealer.reloadly.no_credentials" and script.seen == []


@pytest.mark.parametrize("answer", [(401, doc.TOKEN_401_OA), (401, doc.ACCESS_DENIED_SDK),
                                    (403, "<html>Forbidden</html>")])
async def test_r13_credentials_refused_are_the_shops_to_fix(answer):
    with pytest.raises(BadCredentials) as raised:
        await dealer(Reloadly({"token": [answer]})).login("", "")
    assert raised.value.fault.origin is Origin.SHOP
    assert raised.value.fault.code == "dealer.reloadly.bad_credentials"


async def test_r01_a_wrong_audience_is_the_shops_configuration():
    with pytest.raises(DealerError) as raised:
        await dealer(Reloadly({"token": [(401, doc.INVALID_AUDIENCE_SDK)]})).login("", "")
    assert not isinstance(raised.value, BadCredentials)
    assert raised.value.fault.code == "dealer.reloadly.bad_audience"


@pytest.mark.parametrize("answer", [(200, doc.TOKEN_SDK), (200, doc.TOKEN_SW)])
async def test_r12_both_documented_token_shapes_open_the_session(answer):
    d = dealer(Reloadly({"token": [answer]}))
    await d.login("", "")
    assert d.logged_in


async def test_r12_the_token_is_renewed_before_it_lapses_not_at_every_call():
    script = Reloadly({"balance": [(200, doc.BALANCE_OA)]})
    now = Now()
    d = await logged_in(script, now)
    await d.balances()
    now.advance(3000)  # well within the hour
    await d.balances()
    assert script.tokens == 1
    now.advance(320)  # five minutes before it lapses
    await d.balances()
    assert script.tokens == 2
    assert [s.request.headers["authorization"] for s in script.of("balance")] == [
        "Bearer token-1", "Bearer token-1", "Bearer token-2"]


async def test_r12_every_airtime_call_asks_reloadlys_media_type_with_the_token():
    script = Reloadly({"balance": [(200, doc.BALANCE_SDK)], "operators": [(200, "[]")],
                       "async": [taken()], "status": [status("SUCCESSFUL")]})
    d = await logged_in(script)
    await d.balances()
    await d.catalog()
    await d.send_topup(MOVISTAR_50)
    airtime = [s for s in script.seen if s.route != "token"]
    assert {s.request.headers["accept"] for s in airtime} == {
        "application/com.reloadly.topups-v1+json"}
    assert {s.request.headers["authorization"] for s in airtime} == {"Bearer token-1"}
    assert all(s.request.url.host == "topups.reloadly.com" for s in airtime)


async def test_r12_a_query_turned_away_for_its_token_asks_a_new_one_once():
    script = Reloadly({"balance": [(401, doc.INVALID_TOKEN_SDK), (200, doc.BALANCE_OA)]})
    d = await logged_in(script)
    assert (await d.balances()).currency == "USD"
    assert script.tokens == 2 and len(script.of("balance")) == 2


async def test_r01_a_query_turned_away_even_with_a_new_token_is_reloadlys_and_passes():
    script = Reloadly({"balance": [(401, doc.INVALID_TOKEN_OA)]})
    d = await logged_in(script)
    with pytest.raises(DealerError) as raised:
        await d.balances()
    assert raised.value.fault.origin is Origin.DEALER and raised.value.error_class == "transient"
    assert d.logged_in and len(script.of("balance")) == 2 and script.tokens == 2


async def test_r12_credentials_no_longer_taken_end_the_session_quietly():
    script = Reloadly({"balance": [(200, doc.BALANCE_OA)]})
    script.answers["token"] = [script.new_token, (401, doc.TOKEN_401_OA)]
    now = Now()
    d = await logged_in(script, now)
    now.advance(3500)
    with pytest.raises(SessionExpired):
        await d.balances()
    assert not d.logged_in and script.of("balance") == []


# --- the top-up ------------------------------------------------------------------------------


async def test_r16_the_top_up_goes_once_in_pesos_under_the_sales_reference():
    script = Reloadly({"async": [taken()], "status": [status("SUCCESSFUL")]})
    d = await logged_in(script)
    outcome = await d.send_topup(MOVISTAR_50)
    assert isinstance(outcome, Confirmed) and outcome.dealer_folio == "1"
    (post,) = script.of("async")
    assert post.json == {"operatorId": "9103", "amount": "50.00", "useLocalAmount": True,
                         "customIdentifier": REF,
                         "recipientPhone": {"countryCode": "MX", "number": "525512345678"}}
    assert outcome.record is not None and outcome.record.sku == "RLD-9103-5000"


async def test_r16_an_open_amount_goes_as_typed():
    script = Reloadly({"async": [taken()], "status": [status("SUCCESSFUL", TELCEL_75_50)]})
    d = await logged_in(script)
    assert isinstance(await d.send_topup(TELCEL_75_50), Confirmed)
    assert script.of("async")[0].json["amount"] == "75.50"
    assert script.of("async")[0].json["operatorId"] == "9101"


@pytest.mark.parametrize("sku", ["TEL-050", "RLD-9103-10000"])
async def test_r05_a_product_not_of_reloadly_is_not_sent(sku):
    script = Reloadly()
    d = await logged_in(script)
    outcome = await d.send_topup(match.Sent(REF, NUMBER, sku, 5000))
    assert isinstance(outcome, Rejected) and outcome.fault.certainty is Certainty.DEFINITE
    assert script.of("async") == []


async def test_r12_an_expired_token_mid_sale_is_renewed_and_the_same_top_up_sent_once_more():
    """The token lapsed between its last check and the POST (Reloadly's clock ahead, or a
    token revoked): 401 TOKEN_EXPIRED, nothing recorded; a new token, the same top-up under
    the same customIdentifier, once."""
    script = Reloadly({"async": [(401, doc.TOKEN_EXPIRED_SW), taken()],
                       "status": [status("SUCCESSFUL")]})
    d = await logged_in(script)
    outcome = await d.send_topup(MOVISTAR_50)
    assert isinstance(outcome, Confirmed)
    first, second = script.of("async")
    assert first.json == second.json and second.json["customIdentifier"] == REF
    assert first.request.headers["authorization"] == "Bearer token-1"
    assert second.request.headers["authorization"] == "Bearer token-2"
    assert script.tokens == 2


async def test_r12_a_top_up_turned_away_twice_was_not_made_and_keeps_the_session():
    """A 401 turns the top-up away before Reloadly makes anything: definite, Reloadly's,
    passing; the id and secret still open a token, so the password is not asked."""
    script = Reloadly({"async": [(401, doc.INVALID_TOKEN_OA)]})
    d = await logged_in(script)
    outcome = await d.send_topup(MOVISTAR_50)
    assert isinstance(outcome, Rejected) and not outcome.needs_login and outcome.may_retry
    assert outcome.fault.origin is Origin.DEALER
    assert outcome.fault.certainty is Certainty.DEFINITE
    assert len(script.of("async")) == 2 and d.logged_in


async def test_r12_credentials_no_longer_taken_mid_sale_ask_for_the_password():
    script = Reloadly({"async": [(401, doc.TOKEN_EXPIRED_SW)]})
    d = await logged_in(script)
    script.answers["token"] = [(401, doc.TOKEN_401_OA)]  # the secret was changed meanwhile
    outcome = await d.send_topup(MOVISTAR_50)
    assert isinstance(outcome, Rejected) and outcome.needs_login
    assert not d.logged_in and len(script.of("async")) == 1


async def test_r16_no_token_to_be_had_sends_nothing():
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    script = Reloadly()
    now = Now()
    d = await logged_in(script, now)
    script.answers["token"] = [down]
    now.advance(3590)
    outcome = await d.send_topup(MOVISTAR_50)
    assert isinstance(outcome, Rejected) and outcome.may_retry
    assert outcome.fault.origin is Origin.NETWORK and script.of("async") == []


async def test_r16_a_top_up_in_progress_is_followed_through_its_status():
    script = Reloadly({"async": [taken()],
                       "status": [status("PROCESSING"), status("PROCESSING"),
                                  status("SUCCESSFUL")]})
    d = await logged_in(script)
    assert isinstance(await d.send_topup(MOVISTAR_50), Confirmed)
    assert len(script.of("status")) == 3
    assert script.of("status")[0].request.url.path == "/topups/4602843/status"


@pytest.mark.parametrize("shape", [doc.STATUS_SDK, doc.STATUS_OA])
async def test_r16_both_documented_status_shapes_end_the_sale(shape):
    script = Reloadly({"async": [taken()], "status": [status("SUCCESSFUL", shape=shape)]})
    d = await logged_in(script)
    assert isinstance(await d.send_topup(MOVISTAR_50), Confirmed)


async def test_r16_still_in_progress_when_the_time_is_up_is_unknown_with_reloadlys_id():
    script = Reloadly({"async": [taken(77)], "status": [status("PROCESSING")]})
    d = await logged_in(script, send_timeout=0.05)
    outcome = await d.send_topup(MOVISTAR_50)
    assert isinstance(outcome, Unknown) and outcome.reason == "timeout"
    assert outcome.origin is Origin.CARRIER and outcome.details["dealer_id"] == "77"


async def test_r01_a_failed_status_is_a_definite_refusal_with_its_origin():
    script = Reloadly({"async": [taken()],
                       "status": [status("FAILED", code="INVALID_RECIPIENT_PHONE")]})
    d = await logged_in(script)
    outcome = await d.send_topup(MOVISTAR_50)
    assert isinstance(outcome, Rejected) and outcome.fault.origin is Origin.CONSUMER
    assert outcome.fault.certainty is Certainty.DEFINITE


async def test_r16_the_synchronous_top_up_in_the_sdks_shape_without_a_status():
    mine = doc.mexican(doc.TOPUP_SDK, ref=REF, msisdn=NUMBER, operator_id=9103, pesos="50.00")
    script = Reloadly({"topup": [(200, mine)]})
    d = await logged_in(script, asynchronous=False)
    outcome = await d.send_topup(MOVISTAR_50)
    assert isinstance(outcome, Confirmed) and outcome.dealer_folio == "10670"
    assert script.of("async") == [] and len(script.of("topup")) == 1


async def test_r16_a_synchronous_top_up_processing_is_followed_by_its_id():
    mine = doc.mexican(doc.TOPUP_OA, ref=REF, msisdn=NUMBER, operator_id=9103, pesos="50.00",
                       status="PROCESSING")
    script = Reloadly({"topup": [(200, mine)], "status": [status("SUCCESSFUL")]})
    d = await logged_in(script, asynchronous=False)
    assert isinstance(await d.send_topup(MOVISTAR_50), Confirmed)
    assert script.of("status")[0].request.url.path == "/topups/4602843/status"


# --- refusals and their origins (R01) -------------------------------------------------------


def refusal(code: str, message: str = "no") -> str:
    body = json.loads(doc.INVALID_PHONE_OA)
    body.update(errorCode=code, message=message)
    return json.dumps(body)


@pytest.mark.parametrize("code, origin, error_class", [
    ("INVALID_RECIPIENT_PHONE", Origin.CONSUMER, "invalid"),
    ("INSUFFICIENT_BALANCE", Origin.SHOP, "refused"),
    ("INVALID_AMOUNT_FOR_OPERATOR", Origin.SHOP, "invalid"),
    ("OPERATOR_UNAVAILABLE_OR_CURRENTLY_INACTIVE", Origin.CARRIER, "transient"),
    ("TOPUP_TRANSACTION_FAILED", Origin.CARRIER, "refused"),
    ("TRANSACTION_CANNOT_BE_PROCESSED_AT_THE_MOMENT", Origin.DEALER, "transient"),
    ("COUNTRY_NOT_SUPPORTED", Origin.DEALER, "refused"),
    ("MAX_DAILY_TRANSACTION_COUNT_REACHED", Origin.SHOP, "refused"),
])
async def test_r01_a_documented_refusal_names_its_origin_and_is_definite(code, origin,
                                                                       error_class):
    d = await logged_in(Reloadly({"async": [(400, refusal(code, "Mensaje de Reloadly"))]}))
    outcome = await d.send_topup(MOVISTAR_50)
    assert isinstance(outcome, Rejected)
    assert (outcome.fault.origin, outcome.error_class) == (origin, error_class)
    assert outcome.fault.certainty is Certainty.DEFINITE and outcome.dealer_code == code
    assert outcome.fault.code == f"dealer.code.{code.lower()}"
    assert outcome.fault.params["dealer_message"] == "Mensaje de Reloadly"


async def test_r01_no_connection_at_all_is_the_networks_and_nothing_left_the_shop():
    def down(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            return Reloadly().new_token(request)
        raise httpx.ConnectError("no route to host", request=request)

    d = dealer(Reloadly())
    d._wire._transport = httpx.MockTransport(down)  # the same client, the network gone
    await d.login("", "")
    outcome = await d.send_topup(MOVISTAR_50)
    assert isinstance(outcome, Rejected) and outcome.fault.origin is Origin.NETWORK
    assert outcome.fault.code == "dealer.send.not_sent" and outcome.may_retry


@pytest.mark.parametrize("code, key", [
    ("PHONE_RECENTLY_RECHARGED", "dealer.reloadly.phone_recently_recharged"),
    ("CUSTOM_IDENTIFIER_ALREADY_USED", "dealer.reloadly.custom_identifier_already_used"),
    ("SOMETHING_NEW", "dealer.reloadly.unknown_code"),
])
async def test_r16_a_refusal_that_leaves_the_sale_open_is_unknown(code, key):
    d = await logged_in(Reloadly({"async": [(400, refusal(code))]}))
    outcome = await d.send_topup(MOVISTAR_50)
    assert isinstance(outcome, Unknown) and outcome.fault.code == key
    assert outcome.fault.certainty is Certainty.UNKNOWN


@pytest.mark.parametrize("answer, reason", [
    ((500, b""), "server_error"), ((502, b"<html>Bad Gateway</html>"), "server_error"),
    ((400, b"<html>no</html>"), "malformed"), ((404, doc.NOT_FOUND_OA), "malformed"),
    ((200, b"{not json"), "malformed"), ((200, b'{"transactionId": null}'), "malformed"),
    ((200, b"\xff\xfe\x00"), "malformed"),
])
async def test_r16_an_unreadable_answer_to_the_top_up_is_unknown(answer, reason):
    d = await logged_in(Reloadly({"async": [answer]}))
    outcome = await d.send_topup(MOVISTAR_50)
    assert isinstance(outcome, Unknown) and outcome.reason == reason


# --- the hostile dealer -----------------------------------------------------------------------


@pytest.mark.parametrize("fields", [
    {"customIdentifier": "DEMO-01-261125-0000ffff"}, {"recipientPhone": "525512345679"},
    {"operatorId": 9104}, {"deliveredAmount": 100.0},
    {"customIdentifier": "DEMO-01-261125-0000abc\ud800"},  # a lone surrogate: not our ref
])
async def test_r16_a_status_about_another_sale_is_no_answer(fields):
    script = Reloadly({"async": [taken()], "status": [status("SUCCESSFUL", **fields)]})
    d = await logged_in(script)
    outcome = await d.send_topup(MOVISTAR_50)
    assert isinstance(outcome, Unknown) and outcome.reason == "mismatch"
    assert outcome.details["dealer_id"] == "4602843"


async def test_r16_a_status_that_names_no_sale_confirms_nothing():
    script = Reloadly({"async": [taken()],
                       "status": [(200, '{"code": null, "message": null, '
                                        '"status": "SUCCESSFUL", "transaction": null}')]})
    outcome = await (await logged_in(script)).send_topup(MOVISTAR_50)
    assert isinstance(outcome, Unknown)


async def test_r16_odd_unicode_in_names_is_made_safe_and_matches_nothing_it_should_not():
    body = json.loads(status("SUCCESSFUL", operatorName="Telcel\u202e Mexico\x07\x9b")[1])
    script = Reloadly({"async": [taken()], "status": [(200, json.dumps(body))],
                       "operators": [(200, "[]")],
                       "report": [(200, json.dumps({"content": [body["transaction"]],
                                                    "last": True}))]})
    d = await logged_in(script)
    assert isinstance(await d.send_topup(MOVISTAR_50), Confirmed)
    report = await d.sales_report(datetime.now(UTC) - timedelta(days=1), datetime.now(UTC))
    assert report.lines[0].carrier_id == "telcel-mexico"


async def test_r16_a_hanging_reloadly_is_unknown_when_the_time_is_up():
    async def hang(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            return Reloadly().new_token(request)
        await asyncio.Event().wait()
        raise AssertionError("never answered")

    d = ReloadlyDealer(ReloadlySettings(client_id=CLIENT_ID, client_secret=SECRET,
                                        send_timeout=0.2, connect_timeout=0.05),
                       transport=httpx.MockTransport(hang), now=Now())
    await d.login("", "")
    outcome = await d.send_topup(MOVISTAR_50)
    assert isinstance(outcome, Unknown) and outcome.reason == "timeout"
    assert outcome.origin is Origin.NETWORK


async def test_r16_an_answer_too_large_is_not_read():
    d = await logged_in(Reloadly({"async": [(200, b" " * 1_100_000)]}))
    outcome = await d.send_topup(MOVISTAR_50)
    assert isinstance(outcome, Unknown) and outcome.reason == "too_large"
    assert outcome.origin is Origin.DEALER


# --- the lookup and the report (R19) ------------------------------------------------------------


def report(*lines: dict[str, object], last: bool = True) -> tuple[int, str]:
    page = json.loads(doc.REPORT_SDK)
    page.update(content=list(lines), last=last)
    return 200, json.dumps(page)


def line(sent: match.Sent = MOVISTAR_50, state: str | None = "SUCCESSFUL",
         **fields: object) -> dict[str, object]:
    """A report's line about ``sent``; with ``state`` None, the SDK's: no status at all."""
    txn: dict[str, object] = json.loads(status(state or "", sent, **fields)[1])["transaction"]
    if state is None:
        del txn["status"]
    return txn


def key(sent: match.Sent = MOVISTAR_50, dealer_id: str | None = None) -> Lookup:
    return Lookup(sent, dealer_id, datetime(2026, 11, 25, 12, 0, tzinfo=UTC))


async def test_r19_a_lost_answer_is_found_by_its_reference_in_the_transactions_report():
    script = Reloadly({"report": [report(line(state=None))]})  # the SDK's line: no status
    d = await logged_in(script)
    found = await d.lookup(key())
    assert isinstance(found, Found) and found.record.status == "success"
    assert match.is_about(MOVISTAR_50, match.Named(found.record.client_ref,
                                                   found.record.msisdn, found.record.sku,
                                                   found.record.amount))
    asked = script.of("report")[0].params
    assert asked["customIdentifier"] == REF and asked["page"] == "1"
    assert asked["startDate"] == "2026-11-23 12:00:00"  # two days before the send, in UTC


async def test_r19_the_lookup_prefers_a_delivery_to_a_failure_under_one_reference():
    failed = line(state="FAILED", transactionId=5)
    script = Reloadly({"report": [report(failed, line(transactionId=6))]})
    found = await (await logged_in(script)).lookup(key())
    assert isinstance(found, Found) and found.record.topup_id == "6"


async def test_r19_other_sales_lines_are_not_this_sales_record():
    other = line(match.Sent("DEMO-01-261125-0000ffff", NUMBER, "RLD-9103-5000", 5000))
    found = await (await logged_in(Reloadly({"report": [report(other)]}))).lookup(key())
    assert isinstance(found, NotVisible)


async def test_r19_without_a_report_line_the_id_reloadly_gave_is_asked():
    script = Reloadly({"report": [report()], "status": [status("PROCESSING")]})
    found = await (await logged_in(script)).lookup(key(dealer_id="4602843"))
    assert isinstance(found, Found) and found.record.status == "pending"
    assert script.of("status")[0].request.url.path == "/topups/4602843/status"


async def test_r19_an_id_reloadly_does_not_know_is_not_visible():
    script = Reloadly({"report": [report()], "status": [(404, doc.NOT_FOUND_OA)]})
    assert isinstance(await (await logged_in(script)).lookup(key(dealer_id="9")), NotVisible)


async def test_r19_a_garbled_report_is_a_dealer_fault_not_an_absence():
    script = Reloadly({"report": [(200, doc.REPORT_OA)]})
    with pytest.raises(DealerError) as raised:
        await (await logged_in(script)).lookup(key())
    assert raised.value.fault.origin is Origin.DEALER


def mx_operators() -> str:
    """The SDK's 9Mobile operators as they would be in Mexico (pesos)."""
    ops = json.loads(doc.OPERATORS_SDK)[:2]
    for op, op_id, name in zip(ops, (9101, 9103), ("Telcel Mexico", "Movistar Mexico"),
                               strict=True):
        op.update(id=op_id, operatorId=op_id, name=name, destinationCurrencyCode="MXN")
    ops[1]["localFixedAmounts"] = [50.0, 100.0]
    return json.dumps(ops)


async def test_r19_the_report_reads_every_page_and_keeps_only_deliveries():
    open_line = line(TELCEL_75_50, customIdentifier="A", transactionId=1)
    failed = line(customIdentifier="B", transactionId=2, state="REFUNDED")
    fixed = line(customIdentifier="C", transactionId=3, recipientPhone="525599999999")
    script = Reloadly({"report": [report(open_line, failed, last=False), report(fixed)],
                       "operators": [(200, mx_operators())]})
    d = await logged_in(script)
    start = datetime(2026, 11, 25, tzinfo=UTC)
    found = await d.sales_report(start, start + timedelta(days=1))
    assert [(x.client_ref, x.sku, x.amount) for x in found.lines] == [
        ("A", "RLD-9101", 7550), ("C", "RLD-9103-5000", 5000)]
    assert found.total == 12550
    assert [s.params["page"] for s in script.of("report")] == ["1", "2"]
    only = await d.sales_report(start, start + timedelta(days=1), msisdn="5599999999")
    assert [x.client_ref for x in only.lines] == ["C"]


async def test_r19_a_report_of_endless_pages_is_refused_not_read_for_ever():
    script = Reloadly({"report": [report(line(), last=False)], "operators": [(200, "[]")]})
    with pytest.raises(DealerError) as raised:
        await (await logged_in(script)).sales_report(datetime.now(UTC), datetime.now(UTC))
    assert raised.value.fault.code == "dealer.reloadly.period_too_long"


# --- balance, catalog, detection --------------------------------------------------------------


async def test_r14_the_balance_is_in_the_accounts_currency():
    d = await logged_in(Reloadly({"balance": [(200, doc.BALANCE_OA)]}))
    found = await d.balances()
    assert found.currency == "USD" and found.available == 500000
    assert found.updated_at == datetime(2021, 12, 4, 8, 45, 51, tzinfo=UTC)


async def test_r04_the_catalog_sells_the_local_amounts_of_each_brand():
    script = Reloadly({"operators": [(200, mx_operators())]})
    found = await (await logged_in(script)).catalog()
    assert [c.id for c in found.carriers] == ["telcel-mexico", "movistar-mexico"]
    assert found.product("RLD-9101") is not None and found.product("RLD-9103-10000")
    asked = script.of("operators")[0]
    assert asked.request.url.path == "/operators/countries/MX"
    assert asked.params["includePin"] == "false"


async def test_r04_the_operator_of_a_number_is_detected_as_a_company():
    op = json.loads(mx_operators())[0]
    script = Reloadly({"detect": [(200, json.dumps(op))] * 2})
    d = await logged_in(script)
    assert d.capabilities.detects_carrier
    found = await d.detect(NUMBER)
    assert found is not None and (found.carrier_id, found.carrier_name) == (
        "telcel-mexico", "Telcel Mexico")
    assert found.sold and found.operator_id == "9101"
    assert script.of("detect")[0].request.url.path == (
        "/operators/auto-detect/phone/525512345678/countries/MX")
    # The port's answer: the company of the catalog, offered first at the capture.
    assert await d.detect_carrier(NUMBER) == "telcel-mexico"


async def test_r04_an_operator_not_sold_here_is_no_company_to_offer():
    """An operator priced in dollars only is not in the catalog: nothing to offer first."""
    op = {**json.loads(mx_operators())[0], "supportsLocalAmounts": False,
          "destinationCurrencyCode": "USD"}
    script = Reloadly({"detect": [(200, json.dumps(op))]})
    assert await (await logged_in(script)).detect_carrier(NUMBER) is None


@pytest.mark.parametrize("answer", [
    (404, json.dumps({**json.loads(doc.COUNTRY_NOT_SUPPORTED_OA),
                      "errorCode": "COULD_NOT_AUTO_DETECT_OPERATOR"})),
    (400, refusal("COULD_NOT_AUTO_DETECT_OPERATOR")),
])
async def test_r04_a_number_reloadly_cannot_place_leaves_the_choice_to_the_cashier(answer):
    assert await (await logged_in(Reloadly({"detect": [answer]}))).detect_carrier(NUMBER) \
        is None


# --- the settings -----------------------------------------------------------------------------


def test_r12_the_id_and_secret_come_from_the_environment_and_show_nowhere():
    env = {CLIENT_ID_ENV: CLIENT_ID, CLIENT_SECRET_ENV: SECRET}
    found = from_app(Settings(dealer=DealerSettings(kind="reloadly")), env)
    assert (found.client_id, found.client_secret) == (CLIENT_ID, SECRET)
    assert SECRET not in repr(found) and CLIENT_ID not in repr(found)
    assert found.topups_url == "https://topups.reloadly.com"


def test_r12_the_id_and_secret_of_its_section_the_environment_first():
    section = ReloadlySection(client_id="file-id", client_secret="file-secret", name="Nube")
    dealer = DealerSettings(kind="reloadly", sections=(section,))
    found = from_app(Settings(dealer=dealer), {})
    assert (found.client_id, found.client_secret, found.name) == ("file-id", "file-secret",
                                                                  "Nube")
    found = from_app(Settings(dealer=dealer), {CLIENT_SECRET_ENV: SECRET})
    assert (found.client_id, found.client_secret) == ("file-id", SECRET)
    assert "file-secret" not in repr(section) and "file-id" not in repr(section)


def test_r12_its_section_is_checked_with_the_same_one_line_errors(tmp_path, capsys,
                                                                  monkeypatch):
    from recarga_tui.cli import main

    for name in (CLIENT_ID_ENV, CLIENT_SECRET_ENV):
        monkeypatch.delenv(name, raising=False)
    file = tmp_path / "config.toml"
    file.write_text('[dealer]\nkind = "reloadly"\n[dealer.reloadly]\n'
                    'client_secret = "con espacio"\nregion = "mx"\n', encoding="utf-8")
    file.chmod(0o600)
    assert main(["check-config", str(file)]) == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 2, err
    assert "dealer.reloadly.client_secret" in lines[0] and "con espacio" not in err
    assert "dealer.reloadly.region" in lines[1] and "client_id, client_secret, name" in lines[1]
    file.write_text('[dealer]\nkind = "reloadly"\n', encoding="utf-8")
    monkeypatch.setenv(CLIENT_SECRET_ENV, SECRET)
    assert main(["check-config", str(file)]) == 0
    out = capsys.readouterr().out
    assert f"el client secret viene de la variable {CLIENT_SECRET_ENV}" in out
    assert CLIENT_ID_ENV in out and SECRET not in out  # the id missing: where to put it


def test_r12_the_sandbox_or_a_simulator_by_the_dealers_address():
    sandbox = from_app(Settings(dealer=DealerSettings(url=SANDBOX_URL)), {})
    assert (sandbox.topups_url, sandbox.audience) == (SANDBOX_URL, SANDBOX_URL)
    assert sandbox.auth_url == "https://auth.reloadly.com"
    sim = from_app(Settings(dealer=DealerSettings(url="http://127.0.0.1:8765/")), {})
    assert sim.topups_url == sim.auth_url == "http://127.0.0.1:8765"
    assert sim.audience == "https://topups.reloadly.com"


def test_r12_make_is_the_one_door():
    d = make(Settings(dealer=DealerSettings(kind="reloadly")))
    assert isinstance(d, ReloadlyDealer) and not d.logged_in
