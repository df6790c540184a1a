"""The five origins of a failure (R01), the next step for each, and definite vs unknown."""

import pytest

from recarga_tui import i18n
from recarga_tui.domain import faults
from recarga_tui.domain.faults import Certainty, Fault, Origin, describe, next_step
from recarga_tui.domain.phone import PhoneError, normalize


def test_r01_there_are_exactly_the_five_origins_of_the_procedure():
    assert {o.value for o in Origin} == {"consumer", "shop", "dealer", "network", "carrier"}


@pytest.mark.parametrize("origin", list(Origin))
@pytest.mark.parametrize("lang", ["es", "en"])
def test_r01_every_origin_has_a_name_a_meaning_and_a_next_step_in_both_languages(origin, lang):
    for key in (faults.name_key(origin), faults.what(origin), next_step(origin)):
        assert key in i18n.catalog()
        assert i18n.t(key, lang=lang).strip()


def test_r01_next_step_keys_follow_the_catalog_convention():
    assert next_step(Origin.DEALER) == "fault.dealer.next"
    assert faults.what(Origin.CARRIER) == "fault.carrier.what"
    assert next_step("shop") == "fault.shop.next"  # type: ignore[arg-type]


def test_r01_next_steps_are_distinct_per_origin():
    texts = {i18n.t(next_step(o), lang="es") for o in Origin}
    assert len(texts) == len(Origin)


def test_r01_consumer_next_step_is_to_read_the_number_back_again():
    text = i18n.t(next_step(Origin.CONSUMER), lang="en")
    assert "read the number back" in text


def test_r19_dealer_and_network_faults_check_the_sales_report_first():
    for origin in (Origin.DEALER, Origin.NETWORK):
        assert "sales report" in i18n.t(next_step(origin), lang="en")
        assert "reporte de ventas" in i18n.t(next_step(origin), lang="es")
    assert "control desk" in i18n.t(next_step(Origin.DEALER), lang="en")


def test_r17_carrier_next_step_tells_the_truth_and_offers_to_defer_or_give_back():
    text = i18n.t(next_step(Origin.CARRIER), lang="en")
    assert "truth" in text and "later" in text and "money back" in text


def test_r01_describe_names_the_origin_the_fault_and_the_next_step():
    fault = Fault(Origin.SHOP, "sale.bad_amount", certainty=Certainty.DEFINITE)
    lines = describe(fault, "es").splitlines()
    assert lines[0] == i18n.t("fault.heading", lang="es", origin="esta tienda")
    assert lines[1] == i18n.t("sale.bad_amount", lang="es")
    assert lines[2] == i18n.t("fault.shop.next", lang="es")
    assert lines[3] == i18n.t("fault.definite.next", lang="es")


def test_r01_describe_fills_in_the_fault_params_and_follows_the_language():
    with pytest.raises(PhoneError) as caught:
        normalize("272 721")
    fault = Fault.of(caught.value, Origin.CONSUMER)
    assert "6 of 10" in describe(fault, "en")
    i18n.set_language("en")
    try:
        assert describe(fault).splitlines()[0] == "Where it failed: the customer"
    finally:
        i18n.set_language("es")


def test_r16_a_fault_is_unknown_unless_said_definite():
    fault = Fault(Origin.NETWORK, "sale.bad_amount")
    assert fault.certainty is Certainty.UNKNOWN
    assert fault.must_check
    assert not fault.money_may_go_back


def test_r16_an_unknown_fault_tells_not_to_resend_or_give_money_back():
    text = describe(Fault(Origin.DEALER, "sale.bad_amount"), "en")
    assert i18n.t("fault.unknown.next", lang="en") in text
    assert "do not send it again or give the money back" in text


def test_r02_only_a_definite_fault_lets_money_go_back():
    definite = Fault(Origin.CARRIER, "sale.bad_amount", certainty=Certainty.DEFINITE)
    assert definite.money_may_go_back and not definite.must_check
    assert "give the money back" in describe(definite, "en").splitlines()[-1]


def test_a_domain_refusal_becomes_a_definite_fault_with_its_params():
    error = PhoneError("phone.too_short", count=3)
    fault = Fault.of(error, Origin.CONSUMER)
    assert fault == Fault(Origin.CONSUMER, "phone.too_short", {"count": 3}, Certainty.DEFINITE)


def test_fault_keeps_its_original_three_fields_positionally():
    fault = Fault(Origin.CARRIER, "x.code", {"a": 1})
    assert (fault.origin, fault.code, fault.params) == (Origin.CARRIER, "x.code", {"a": 1})


@pytest.mark.parametrize("certainty", list(Certainty))
def test_every_certainty_has_words_in_both_languages(certainty):
    for lang in i18n.LANGUAGES:
        assert i18n.t(faults.certainty_step(certainty), lang=lang).strip()


def test_r01_an_unknown_outcome_keeps_its_origin_through_the_checks_that_follow():
    from datetime import datetime, timedelta, timezone

    from recarga_tui.domain.faults import fault_of
    from recarga_tui.domain.sale import Sale, State

    at = datetime(2026, 11, 25, 10, 0, tzinfo=timezone(timedelta(hours=-6)))
    sale = Sale.capture("DEMO-01-1", "5555550005", "telcel", "TEL-050", 5000, at)
    for state, data in ((State.ACCEPTED, {}), (State.PAID, {"handed": 5000, "change": 0}),
                        (State.SENDING, {"attempt": 1}),
                        (State.UNKNOWN, {"origin": "network", "code": "dealer.unknown.dropped"}),
                        (State.UNKNOWN, {"check": "report", "result": "absent"}),
                        (State.UNKNOWN, {"check": "report", "result": "absent"})):
        sale = sale.advance(state, at, **data)
    fault = fault_of(sale, State.UNKNOWN)
    assert fault.origin is Origin.NETWORK and fault.code == "dealer.unknown.dropped"
