"""A sale through a transact.asmx distributor on the real app in a terminal (R10, R16, R19):
``--demo --dealer transact`` in tmux at 80x24 with TERM=linux, by keys alone. The notices bar
says the dealer publishes none and shows the app's own measure; the sale goes to the
simulator's "delivered, then the connection drops" number; the answer never comes, and the
check finds the sale by CheckTransaction under the request id asked before DoT: the receipt
says so, and the notebook holds one sale, sent once, with the dealer's ticket.

The demo's dealer and clock run 60 times faster (``RECARGA_DEMO_TIME_SCALE``)."""

from __future__ import annotations

import json
import subprocess

import pytest
from tmux_driver import (
    EXITED,
    SCRIPT,
    Tmux,
    have_tmux,
    isolated_env,
    log_in_and_send_telcel_50,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not have_tmux(), reason="tmux is not installed (apt-get install tmux)"),
]

DROPPED = "5555550005"  # the simulator's row 5: delivered, then the connection drops


@pytest.fixture
def term(tmp_path):
    session = Tmux(isolated_env(tmp_path / "home", RECARGA_DEMO_TIME_SCALE="60"))
    yield session
    session.kill()


def test_r16_r19_a_dropped_dot_ends_confirmed_by_checktransaction(term, tmp_path):
    journal = tmp_path / "journal"
    term.start(["env", "RECARGA_DEMO_TIME_SCALE=60", str(SCRIPT), "--demo", "--dealer",
                "transact", "--journal", str(journal)], term="linux")
    term.wait_for("Usuario:", "no publica avisos")  # R10: said before login
    log_in_and_send_telcel_50(term, DROPPED)
    shown = term.wait_for("Recarga realizada", "la consulta al distribuidor", within=90)
    assert "555 555 0005" in shown
    term.keys("Enter")
    term.wait_for("F2 para vender")  # home itself: the receipt shows the balance too
    term.keys("F10")
    term.wait_for("¿Salir de la app?")
    term.keys("F10")
    term.wait_for(f"{EXITED}0")

    export = subprocess.run(
        [str(SCRIPT), "--demo", "--dealer", "transact", "--journal", str(journal), "journal",
         "export", "--format", "jsonl"],
        env=term.env, capture_output=True, text=True, timeout=60, check=True)
    rows = [json.loads(line) for line in export.stdout.splitlines() if line.strip()]
    assert len(rows) == 1, export.stdout
    sale = rows[0]
    assert (sale["msisdn"], sale["state"], sale["found_in"]) == (DROPPED, "confirmed", "lookup")
    assert sale["carrier_folio"] and str(sale["attempts"]) == "1"
