"""A data bundle and a bill payment sold by keys on the real app in tmux (``--demo``, 80x24,
the Linux console), every key the cashier presses counted from home to the receipt: a bundle
within 30 keys, a bill payment with a 12-digit reference within 50. The journal's export
then holds each sale with its category and product (R03)."""

from __future__ import annotations

import pytest
from tmux_driver import (
    SCRIPT,
    Tmux,
    exported_sales,
    have_tmux,
    isolated_env,
    log_in_demo,
    quit_app,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not have_tmux(), reason="tmux is not installed (apt-get install tmux)"),
]

NUMBER = "5555550000"       # the simulator's row 0: an instant success
REFERENCE = "555555000000"  # a 12-digit test reference (CFE): an instant success
BUNDLE_KEYS, BILL_KEYS = 30, 50


class CountedTmux(Tmux):
    """Every key sent is counted: a named key is one, typed text one per character."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.pressed = 0

    def keys(self, *keys: str) -> None:
        self.pressed += len(keys)
        super().keys(*keys)

    def text(self, *keys: str) -> None:
        self.pressed += len("".join(keys))
        super().text(*keys)


@pytest.fixture
def term(tmp_path):
    session = CountedTmux(isolated_env(tmp_path / "home"))
    yield session
    session.kill()


def log_in(term: CountedTmux) -> None:
    term.wait_for("Usuario:")
    log_in_demo(term)
    term.wait_for("F2 para vender")
    term.pressed = 0  # counted from home, as the cashier starts a sale


def sell_a_bundle(term: CountedTmux) -> None:
    term.keys("F2")
    term.wait_for("Paquetes")
    term.keys("2")                     # Paquetes
    term.wait_for("Telcel")
    term.keys("1")                     # Telcel
    term.text(NUMBER)
    term.keys("Enter")
    term.text(NUMBER)
    term.keys("Enter")
    term.wait_for("Amigo Sin Límite 50")
    term.keys("1")
    shown = term.wait_for("vigencia 7 días", "paquete")
    assert "1.5 GB" in shown
    term.keys("a")
    term.wait_for("Recibido")
    term.keys("F4")                    # a $100 bill
    term.keys("Enter")
    term.wait_for("Paquete vendido", "555 555 0000")


def pay_a_bill(term: CountedTmux) -> None:
    term.keys("F2")
    term.wait_for("Pago de servicios")
    term.keys("3")                     # Pago de servicios
    term.wait_for("CFE")
    term.keys("1")                     # CFE
    term.wait_for("Número de servicio")
    term.text(REFERENCE)
    term.keys("Enter")
    term.text(REFERENCE)
    term.keys("Enter")
    term.wait_for("Importe a pagar")
    term.text("450")
    term.keys("Enter")
    shown = term.wait_for("importe $450.00", "referencia")
    assert "cinco cinco cinco cinco, cinco cinco cero cero, cero cero cero cero" in shown
    term.keys("a")
    term.wait_for("Recibido")
    term.keys("F6")                    # a $500 bill
    term.keys("Enter")
    term.wait_for("Pago de servicio realizado", "5555 5500 0000")


def test_r03_r04_r05_a_bundle_and_a_bill_by_keys_within_their_counts(term, tmp_path):
    journal = tmp_path / "journal"
    term.start([str(SCRIPT), "--demo", "--journal", str(journal)], term="linux")
    log_in(term)
    sell_a_bundle(term)
    bundle_keys = term.pressed
    assert bundle_keys <= BUNDLE_KEYS, bundle_keys
    term.keys("Enter")                 # the receipt left: home again
    term.wait_for("F2 para vender")
    term.pressed = 0
    pay_a_bill(term)
    bill_keys = term.pressed
    assert bill_keys <= BILL_KEYS, bill_keys
    term.keys("Enter")
    term.wait_for("F2 para vender")
    quit_app(term)

    rows = {row["category"]: row for row in exported_sales(journal, term.env)}
    assert rows["bundle"]["state"] == rows["bill"]["state"] == "confirmed"
    assert (rows["bundle"]["msisdn"], rows["bundle"]["product"]) == (
        NUMBER, "Amigo Sin Límite 50")
    assert (rows["bill"]["msisdn"], rows["bill"]["amount"]) == (REFERENCE, "450.00")
    print(f"keys: bundle {bundle_keys}, bill {bill_keys}")
