"""A whole sale on the real app in a terminal: the console script in tmux at 80x24 with
TERM=linux (the shop PC's console), driven by keys alone, then the journal export read back.

This is what the cashier does, end to end: log in, F2, company, the number twice, the amount,
the customer accepts the read-back (R04), a $100 bill is collected before sending (R05, R06),
the receipt, F10; and the notebook holds the sale as confirmed (R03)."""

from __future__ import annotations

import pytest
from tmux_driver import (
    SCRIPT,
    Tmux,
    exported_sales,
    have_tmux,
    isolated_env,
    quit_app,
    sell_fifty_pesos_of_telcel,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not have_tmux(), reason="tmux is not installed (apt-get install tmux)"),
]

NUMBER = "5555550000"  # the simulator's row 0: an instant success


@pytest.fixture
def tmux(tmp_path):
    sessions: list[Tmux] = []

    def open_one(**env: str) -> Tmux:
        session = Tmux(isolated_env(tmp_path / "home", **env))
        sessions.append(session)
        return session

    yield open_one
    for session in sessions:
        session.kill()


def sell_one_topup(term: Tmux) -> None:
    term.wait_for("Usuario:")
    term.text("demo")
    term.keys("Enter")
    term.text("demo")
    term.keys("Enter")
    term.wait_for("F2 para vender", "Saldo")
    sell_fifty_pesos_of_telcel(term, NUMBER)
    term.wait_for("Recarga realizada", "555 555 0000")


def test_r03_r04_r05_a_whole_sale_by_keys_on_the_linux_console(tmux, tmp_path):
    journal = tmp_path / "journal"
    term = tmux()
    term.start([str(SCRIPT), "--demo", "--journal", str(journal)], term="linux")
    sell_one_topup(term)
    quit_app(term)

    rows = exported_sales(journal, term.env)
    assert len(rows) == 1, rows
    sale = rows[0]
    assert (sale["msisdn"], sale["state"], sale["amount"]) == (NUMBER, "confirmed", "50.00")
    assert (sale["handed"], sale["change"]) == ("100.00", "50.00")
    assert sale["accepted_at"] and sale["paid_at"] <= sale["first_sent_at"]
    assert sale["carrier_folio"]


def test_r03_the_control_desk_copy_over_ssh_is_read_only(tmux, tmp_path):
    """What ``command="recarga-tui --read-only"`` in authorized_keys gives the control desk
    (docs/instalacion.md): the notebook to look at, and no way to sell."""
    journal = tmp_path / "journal"
    term = tmux()
    term.start([str(SCRIPT), "--demo", "--read-only", "--journal", str(journal)],
               term="xterm-256color")
    shown = term.wait_for("COPIA DE CONSULTA")          # no dealer login at all
    assert "Usuario:" not in shown and "SOLO LECTURA" in shown
    assert "Vender" not in shown and "F2 para vender" not in shown
    term.keys("F2")
    term.keys("1")
    shown = term.screen()
    assert "Telcel" not in shown and "SOLO LECTURA" in shown
    quit_app(term)
