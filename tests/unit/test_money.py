"""Money in centavos: parsing what the cashier types, formatting, change and cash warnings."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recarga_tui import i18n
from recarga_tui.domain import money
from recarga_tui.domain.money import (
    BILLS,
    COINS,
    CashRisk,
    Kind,
    MoneyError,
    cash_warnings,
    change,
    change_breakdown,
    from_pesos,
    parse,
    pesos,
)
from recarga_tui.domain.sale import SaleError

amounts = st.integers(0, money.MAX_AMOUNT)

# The config defaults, in pesos: large bill 500, small top-up 50, check bills from 200.
LARGE, SMALL, CHECK = from_pesos(500), from_pesos(50), from_pesos(200)


def _refusal(text: str) -> MoneyError:
    with pytest.raises(MoneyError) as caught:
        parse(text)
    return caught.value


# --- constants and conversion ---


def test_the_mexican_bills_and_coins():
    assert BILLS == tuple(from_pesos(p) for p in (1000, 500, 200, 100, 50, 20))
    assert COINS == (from_pesos(20), from_pesos(10), from_pesos(5), from_pesos(2),
                     from_pesos(1), 50)


def test_from_pesos_gives_centavos():
    assert from_pesos(500) == 50_000
    assert from_pesos(0) == 0


@pytest.mark.parametrize("bad", [1.5, 50.0, Decimal("50"), "50", True, None])
def test_from_pesos_refuses_anything_but_int(bad):
    with pytest.raises(TypeError):
        from_pesos(bad)


# --- formatting ---


@pytest.mark.parametrize("centavos, text", [
    (0, "$0.00"),
    (5, "$0.05"),
    (50, "$0.50"),
    (5000, "$50.00"),
    (123450, "$1,234.50"),
    (100_000_000, "$1,000,000.00"),
    (-1000, "-$10.00"),
])
def test_pesos_formats_with_thousands_and_two_decimals(centavos, text):
    assert pesos(centavos) == text


def test_pesos_refuses_a_float():
    with pytest.raises(TypeError):
        pesos(12.5)


@pytest.mark.parametrize("centavos, currency, text", [
    (579_710, "MXN", "$5,797.10"),
    (579_710, " mxn", "$5,797.10"),
    (579_710, "USD", "5,797.10 USD"),
    (-1050, "usd", "-10.50 USD"),
    (5, "EUR", "0.05 EUR"),
    (100, "", "1.00 ???"),          # a dealer that names no currency is no pesos either
    (100, "US$", "1.00 ???"),
])
def test_r18_a_balance_in_another_currency_than_pesos_says_its_code(centavos, currency, text):
    """A dollar balance written "$5,797.10" would read as pesos: only pesos get the sign."""
    assert money.in_currency(centavos, currency) == text
    assert money.is_pesos(currency) == text.startswith(("$", "-$"))


# --- parsing ---


@pytest.mark.parametrize("text, centavos", [
    ("50", 5000),
    ("50.00", 5000),
    ("50.5", 5050),
    ("1000.5", 100050),
    ("$1,000", 100000),
    ("$ 1,234.56", 123456),
    ("  20  ", 2000),
    ("0.50", 50),
    (".5", 50),
    ("50.", 5000),
    ("0", 0),
    ("12,345,678", 1_234_567_800),
])
def test_parse_reads_what_a_cashier_types(text, centavos):
    limit = 20_000_000 * 100
    assert parse(text, limit=limit) == centavos


@pytest.mark.parametrize("text, code", [
    ("", "money.empty"),
    ("   ", "money.empty"),
    ("$", "money.empty"),
    ("-50", "money.negative"),
    ("-$50", "money.negative"),
    ("$-50", "money.negative"),
    ("\u221250", "money.negative"),
    ("50.123", "money.too_many_decimals"),
    ("cincuenta", "money.letters"),
    ("50 pesos", "money.letters"),
    ("5O", "money.letters"),
    ("50#", "money.bad_chars"),
    ("50 00", "money.bad_chars"),
    ("1,00", "money.bad_format"),
    ("50,5", "money.bad_format"),
    ("1,0000", "money.bad_format"),
    (",100", "money.bad_format"),
    ("1.2.3", "money.bad_format"),
    (".", "money.bad_format"),
    ("999999999", "money.too_large"),
    ("100,000.01", "money.too_large"),
])
def test_parse_refuses_bad_input_with_a_catalog_key(text, code):
    error = _refusal(text)
    assert error.code == code
    assert isinstance(error, SaleError)
    assert error.code in i18n.catalog()
    i18n.t(error.code, **error.params)


def test_parse_names_the_letters_it_found():
    assert _refusal("5O0x").params == {"chars": "O x"}


def test_parse_takes_the_limit_up_to_and_including_it():
    assert parse("100,000") == money.MAX_AMOUNT
    assert _refusal("100,000.01").params == {"limit": "$100,000.00"}


def test_parse_refuses_a_float():
    with pytest.raises(TypeError):
        parse(50.0)  # type: ignore[arg-type]


@given(amounts)
def test_formatted_amounts_parse_back(centavos):
    assert parse(pesos(centavos)) == centavos


@given(st.integers(0, 99_999), st.integers(0, 99))
def test_plain_decimal_entries_parse_exactly(whole, cents):
    assert parse(f"{whole}.{cents:02d}") == whole * 100 + cents


@given(st.text(max_size=12))
def test_parse_gives_centavos_or_a_known_refusal(text):
    try:
        value = parse(text)
    except MoneyError as error:
        assert error.code in i18n.catalog()
    else:
        assert isinstance(value, int) and 0 <= value <= money.MAX_AMOUNT


# --- change (R07) ---


def test_change_is_what_is_handed_minus_what_is_due():
    assert change(from_pesos(30), from_pesos(50)) == from_pesos(20)
    assert change(from_pesos(30), from_pesos(30)) == 0


def test_r07_handed_less_than_due_is_refused_no_credit():
    with pytest.raises(MoneyError) as caught:
        change(from_pesos(50), from_pesos(20))
    error = caught.value
    assert error.code == "money.no_credit"
    assert error.params["missing"] == "$30.00"
    assert error.params["missing_centavos"] == 3000
    text = i18n.t(error.code, **error.params)
    assert "$30.00" in text and "fía" in text


def test_r07_no_credit_words_say_to_collect_it_all_in_english_too():
    es, en = i18n.catalog()["money.no_credit"]
    assert "No credit" in en and "No se fía" in es


@given(st.integers(1, money.MAX_AMOUNT), st.integers(0, money.MAX_AMOUNT))
def test_r07_change_is_never_negative_and_never_owes(due, handed):
    if handed < due:
        with pytest.raises(MoneyError):
            change(due, handed)
    else:
        assert change(due, handed) + due == handed


@pytest.mark.parametrize("due, handed", [(30.0, 5000), (3000, 50.0), (3000, "50")])
def test_change_refuses_floats_and_text(due, handed):
    with pytest.raises(TypeError):
        change(due, handed)


def test_change_refuses_negative_amounts():
    with pytest.raises(MoneyError):
        change(-100, 100)


# --- cash warnings (R06) ---


def _kinds(due: int, handed: int) -> set[CashRisk]:
    return {w.kind for w in cash_warnings(due, handed, LARGE, SMALL, CHECK)}


def test_r06_a_large_bill_for_a_small_topup_warns():
    warnings = cash_warnings(from_pesos(20), from_pesos(500), LARGE, SMALL, CHECK)
    large = [w for w in warnings if w.kind is CashRisk.LARGE_BILL]
    assert len(large) == 1
    assert large[0].code == "money.warn.large_bill"
    text = i18n.t(large[0].code, **large[0].params)
    assert "$500.00" in text and "$20.00" in text and "$480.00" in text


def test_r06_the_thresholds_are_inclusive():
    assert CashRisk.LARGE_BILL in _kinds(SMALL, LARGE)
    assert CashRisk.LARGE_BILL not in _kinds(SMALL + 100, LARGE)
    assert CashRisk.LARGE_BILL not in _kinds(SMALL, LARGE - 100)


def test_r06_a_large_bill_for_a_large_topup_does_not_warn_of_change():
    assert CashRisk.LARGE_BILL not in _kinds(from_pesos(500), from_pesos(500))


def test_r06_a_check_bill_reminder_from_the_threshold():
    assert CashRisk.CHECK_BILL in _kinds(from_pesos(100), from_pesos(200))
    assert CashRisk.CHECK_BILL in _kinds(from_pesos(100), from_pesos(1000))
    assert CashRisk.CHECK_BILL not in _kinds(from_pesos(100), from_pesos(100))


def test_r06_exact_small_payment_has_no_warning():
    assert cash_warnings(from_pesos(20), from_pesos(20), LARGE, SMALL, CHECK) == []


def test_r06_thresholds_come_from_arguments():
    # A shop that cannot change a 200 for a 30-peso top-up says so in its config.
    warnings = cash_warnings(from_pesos(30), from_pesos(200), from_pesos(200), from_pesos(30),
                             from_pesos(1000))
    assert [w.kind for w in warnings] == [CashRisk.LARGE_BILL]


def test_r06_every_warning_renders_in_both_languages():
    for warning in cash_warnings(from_pesos(20), from_pesos(1000), LARGE, SMALL, CHECK):
        for lang in i18n.LANGUAGES:
            assert i18n.t(warning.code, lang=lang, **warning.params)


def test_r06_warnings_refuse_floats():
    with pytest.raises(TypeError):
        cash_warnings(20.0, 500, LARGE, SMALL, CHECK)  # type: ignore[arg-type]


# --- change breakdown ---


def test_change_breakdown_uses_the_largest_bills_and_coins_first():
    parts = change_breakdown(from_pesos(480))
    assert [(d.value, d.kind, n) for d, n in parts] == [
        (from_pesos(200), Kind.BILL, 2),
        (from_pesos(50), Kind.BILL, 1),
        (from_pesos(20), Kind.BILL, 1),
        (from_pesos(10), Kind.COIN, 1),
    ]


def test_change_breakdown_of_nothing_is_empty():
    assert change_breakdown(0) == []


def test_change_breakdown_refuses_centavos_no_coin_can_give():
    with pytest.raises(MoneyError) as caught:
        change_breakdown(from_pesos(5) + 30)
    assert caught.value.code == "money.no_coin"


@given(st.integers(0, 200_000).map(lambda n: n * 50))
def test_change_breakdown_adds_up_to_the_amount(amount):
    parts = change_breakdown(amount)
    assert sum(d.value * n for d, n in parts) == amount
    values = [d.value for d, _ in parts]
    assert values == sorted(values, reverse=True) and len(set(values)) == len(values)
    # Greedy never gives two of a value whose double is a bill or coin of its own.
    for d, n in parts:
        if d.value in (from_pesos(500), from_pesos(50), from_pesos(5), 50):
            assert n == 1
