"""Selling through Taecel on the real app in a terminal: ``recarga-tui --demo --dealer
taecel`` in tmux at 80x24 with TERM=linux, by keys alone. The sale goes to the simulator's
"delivered, then the connection drops" number: RequestTXN's answer (and so the transID) never
reaches the shop, the check finds the sale in getSales by number, product, amount and time,
and the receipt shows the report as the proof (R16, R19). The notices bar says Taecel
publishes none (R10). The demo runs 60 times faster (``RECARGA_DEMO_TIME_SCALE``)."""

from __future__ import annotations

import csv
import io
import subprocess

import pytest
from test_e2e_lost_answer import first_of
from tmux_driver import (
    EXITED,
    SCRIPT,
    Tmux,
    have_tmux,
    isolated_env,
    sell_fifty_pesos_of_telcel,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not have_tmux(), reason="tmux is not installed (apt-get install tmux)"),
]

DROPPED = "5555550005"  # the world's row 5: delivered, then the connection drops


def test_r16_r19_taecel_a_dropped_answer_ends_confirmed_from_getsales(tmp_path):
    journal = tmp_path / "journal"
    term = Tmux(isolated_env(tmp_path / "home", RECARGA_DEMO_TIME_SCALE="60"))
    try:
        term.start([str(SCRIPT), "--demo", "--dealer", "taecel", "--journal", str(journal)],
                   term="linux")
        shown = term.wait_for("Usuario:")
        assert "usuario demo (la llave)" in shown and "1234 (el NIP)" in shown
        term.text("demo")
        term.keys("Enter")
        term.text("1234")
        term.keys("Enter")
        shown = term.wait_for("Saldo")
        assert "Taecel no publica avisos" in shown and "1234" not in shown  # R10, R12
        sell_fifty_pesos_of_telcel(term, DROPPED)
        if "El sistema está lento" in first_of(term, "El sistema está lento",
                                               "No llegó respuesta", "Recarga realizada"):
            term.keys("e")
        shown = term.wait_for("Recarga realizada", "el reporte de ventas", within=90)
        assert "555 555 0005" in shown
        term.keys("Enter")
        term.wait_for("F2 para vender")  # home itself: the receipt shows the balance too
        term.keys("F10")
        term.wait_for("¿Salir de la app?")
        term.keys("F10")
        term.wait_for(f"{EXITED}0")
    finally:
        term.kill()

    export = subprocess.run(
        [str(SCRIPT), "--demo", "--journal", str(journal), "journal", "export", "--format",
         "jsonl"], env=term.env, capture_output=True, text=True, timeout=60, check=True)
    rows = export.stdout.strip().splitlines()
    assert len(rows) == 1, export.stdout
    csv_export = subprocess.run(
        [str(SCRIPT), "--demo", "--journal", str(journal), "journal", "export", "--format",
         "csv"], env=term.env, capture_output=True, text=True, timeout=60, check=True)
    (sale,) = list(csv.DictReader(io.StringIO(csv_export.stdout)))
    assert (sale["msisdn"], sale["state"], sale["found_in"]) == (DROPPED, "confirmed", "report")
    assert sale["carrier_folio"] and sale["attempts"] == "1"
