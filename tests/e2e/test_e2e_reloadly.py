"""Selling through Reloadly on the real app in a terminal: ``recarga-tui --demo --dealer
reloadly`` in tmux at 80x24 with TERM=linux, by keys alone. The demo account's client id and
secret are in the config, so the login asks nothing and the screen never shows them (R12).
Reloadly detects the company: the number comes first, the detected company first in the
list, and the cashier picks another (R04). The sale goes to the simulator's "delivered, then
the connection drops" number: the answer to the top-up never reaches the shop, the check
finds the sale in Reloadly's transactions report by its reference, and the receipt shows the
report as the proof (R16, R19). The notices bar says Reloadly publishes none (R10). The demo
runs 60 times faster (``RECARGA_DEMO_TIME_SCALE``)."""

from __future__ import annotations

import pytest
from test_e2e_lost_answer import first_of
from tmux_driver import EXITED, SCRIPT, Tmux, have_tmux, isolated_env

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not have_tmux(), reason="tmux is not installed (apt-get install tmux)"),
]

DROPPED = "5555550005"  # the world's row 5: delivered, then the connection drops


def test_r16_r19_reloadly_a_dropped_answer_ends_confirmed_from_the_report(tmp_path):
    journal = tmp_path / "journal"
    term = Tmux(isolated_env(tmp_path / "home", RECARGA_DEMO_TIME_SCALE="60"))
    try:
        term.start([str(SCRIPT), "--demo", "--dealer", "reloadly", "--journal", str(journal)],
                   term="linux")
        shown = term.wait_for("pulse Enter para conectar")
        assert "Usuario:" not in shown and "Contraseña:" not in shown
        term.keys("Enter")
        shown = term.wait_for("Saldo")
        assert "Reloadly (demo) no publica avisos" in shown  # R10
        assert "Saldo 5,797.10 USD" in shown  # the account's dollars, never as pesos (R18)
        term.keys("F2")
        term.wait_for("Tiempo aire")
        term.keys("1")
        term.wait_for("Primero el número")  # Reloadly detects the company: the number first
        term.text(DROPPED)
        term.keys("Enter")
        term.text(DROPPED)
        term.keys("Enter")
        shown = term.wait_for("(detectada)", "Movistar Mexico")
        assert "1  Telcel Mexico  (detectada)" in shown  # the world's numbers are Telcel's
        term.keys("2")  # the customer says Movistar: the cashier picks it (R04)
        term.wait_for("$50.00")
        term.keys("4")
        shown = term.wait_for("no se aceptan reclamaciones")
        assert "Movistar Mexico · $50.00" in shown  # the read-back names the company (R04)
        term.keys("a")
        term.wait_for("Recibido")
        term.keys("F4")
        term.keys("Enter")
        if "El sistema está lento" in first_of(term, "El sistema está lento",
                                               "No llegó respuesta", "Recarga realizada"):
            term.keys("e")
        shown = term.wait_for("Recarga realizada", "el reporte de ventas", within=90)
        assert "555 555 0005" in shown and "demo-secret" not in shown  # R12
        term.keys("Enter")
        term.wait_for("F2 para vender")
        term.keys("F10")
        term.wait_for("¿Salir de la app?")
        term.keys("F10")
        term.wait_for(f"{EXITED}0")
    finally:
        term.kill()
