"""What the shop earned on a Reloadly top-up: the transaction's ``discount`` (what the account
was not charged of the price), in pesos as it is for an account in pesos, else at the top-up's
own rate; no discount, or one in a currency the answer gives no rate for, is no figure (the
shop's configured rate is used, domain/earnings.py). The documented transactions, with the
sale's own fields put in (``reloadly_samples.mexican``)."""

from __future__ import annotations

import json

import pytest
import reloadly_samples as doc
from scripted import Reloadly
from test_reloadly_adapter import MOVISTAR_50, logged_in, taken

from recarga_tui.dealer.outcomes import Confirmed
from recarga_tui.dealer.reloadly.answers import decode
from recarga_tui.dealer.reloadly.judge import earning_of
from recarga_tui.dealer.reloadly.shapes import Transaction


def txn(body: str, **fields: object) -> Transaction:
    mexican = doc.mexican(body, ref=MOVISTAR_50.ref, msisdn=MOVISTAR_50.msisdn,
                          operator_id=9103, pesos="258.75", **fields)
    return decode(mexican.encode(), Transaction)


def test_r03_a_discount_in_dollars_is_the_shops_earning_at_the_top_ups_own_rate():
    # The SDK's transaction: 15 USD requested, 1.80 USD of discount; here 258.75 pesos given.
    assert earning_of(txn(doc.TOPUP_SDK)) == 3105  # 1.80 x 258.75 / 15 = 31.05 pesos


@pytest.mark.parametrize("fields, expected", [
    ({"discount": 2.5, "discountCurrencyCode": "MXN"}, 250),     # an account in pesos
    ({"discount": 0.333, "discountCurrencyCode": "MXN"}, 33),    # rounded down
    ({"discount": 0, "discountCurrencyCode": "USD"}, 0),         # it says: nothing
    ({"discount": None}, None),                                  # it does not say
    ({"discount": -1}, None),
    ({"discountCurrencyCode": "EUR"}, None),                     # no rate for euros
    ({"requestedAmount": 0}, None),
])
def test_r03_what_the_answer_does_not_say_plainly_is_no_figure(fields, expected):
    assert earning_of(txn(doc.TOPUP_SDK, **fields)) == expected


def test_r03_a_transaction_in_no_peso_is_no_figure():
    plain = decode(doc.TOPUP_OA.encode(), Transaction)
    assert earning_of(plain) is None  # naira discounted, pounds delivered


async def test_r03_the_confirmed_top_up_carries_the_dealers_figure():
    body = json.loads(doc.mexican(doc.STATUS_SDK, ref=MOVISTAR_50.ref,
                                  msisdn=MOVISTAR_50.msisdn, operator_id=9103, pesos="50.00",
                                  discount=0.15, requestedAmount=2.9))
    body.update(status="SUCCESSFUL", code=None)
    body["transaction"]["status"] = "SUCCESSFUL"
    script = Reloadly({"async": [taken()], "status": [(200, json.dumps(body))]})
    outcome = await (await logged_in(script)).send_topup(MOVISTAR_50)
    assert isinstance(outcome, Confirmed)
    assert outcome.earning == 258 == outcome.record.earning  # 0.15 x 50 / 2.90 = 2.586
