"""A lost answer on the real app in a terminal (R16, R18, R19): the console script in tmux at
80x24 with TERM=linux, a sale to the simulator's "delivered but dropped" number, by keys
alone. The answer never comes; the app lands on the check in the sales report, finds the
top-up there and shows the receipt with the report as proof.

The demo's dealer and clock run 60 times faster (``RECARGA_DEMO_TIME_SCALE``, documented in
docs/lost-answers.md), so the report's delay of up to a few simulated minutes passes in
seconds of real time."""

from __future__ import annotations

import time

import pytest
from tmux_driver import (
    LOOK_EVERY,
    SCRIPT,
    Tmux,
    exported_sales,
    have_tmux,
    isolated_env,
    log_in_and_send_telcel_50,
    quit_app,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not have_tmux(), reason="tmux is not installed (apt-get install tmux)"),
]

DROPPED = "5555550005"  # the simulator's row 5: delivered, then the connection drops
FAST = {"RECARGA_DEMO_TIME_SCALE": "60"}


@pytest.fixture
def tmux(tmp_path):
    sessions: list[Tmux] = []

    def open_one() -> Tmux:
        session = Tmux(isolated_env(tmp_path / "home", **FAST))
        sessions.append(session)
        return session

    yield open_one
    for session in sessions:
        session.kill()


def first_of(term: Tmux, *texts: str) -> str:
    """Wait until any of the texts shows; the one that did."""
    for _ in range(150):
        shown = term.screen()
        for text in texts:
            if text in shown:
                return text
        time.sleep(LOOK_EVERY)
    raise AssertionError(f"none of {texts!r} showed; the screen was:\n{term.screen()}")


def test_r16_r19_a_dropped_answer_ends_confirmed_from_the_sales_report(tmux, tmp_path):
    journal = tmp_path / "journal"
    term = tmux()
    term.start(["env", "RECARGA_DEMO_TIME_SCALE=60", str(SCRIPT), "--demo", "--journal",
                str(journal)], term="linux")
    term.wait_for("Usuario:")
    log_in_and_send_telcel_50(term, DROPPED)
    if "El sistema está lento" in first_of(term, "El sistema está lento", "No llegó respuesta",
                                           "Recarga realizada"):
        term.keys("e")  # the demo's evening peak (R15): send now
    shown = term.wait_for("Recarga realizada", "el reporte de ventas", within=60)
    assert "555 555 0005" in shown
    term.keys("Enter")
    term.wait_for("F2 para vender")  # home itself: the receipt shows the balance too
    quit_app(term)

    rows = exported_sales(journal, term.env)
    assert len(rows) == 1, rows
    sale = rows[0]
    assert (sale["msisdn"], sale["state"], sale["found_in"]) == (DROPPED, "confirmed", "report")
    assert sale["carrier_folio"] and sale["attempts"] == "1"
