"""The demo's ticket printer, end to end: the real app in tmux at 80x24 sells a top-up, P on
the receipt prints it to the demo's file (the screen says where), and that file holds the
sale's carrier folio, read in the printer's code page."""

from __future__ import annotations

import pytest
from test_e2e_sale import sell_one_topup, tmux  # noqa: F401  (tmux: the fixture)
from tmux_driver import SCRIPT, exported_sales, have_tmux, quit_app

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not have_tmux(), reason="tmux is not installed (apt-get install tmux)"),
]


def test_the_demo_prints_the_ticket_to_its_file_with_the_folio(tmux, tmp_path):  # noqa: F811
    journal = tmp_path / "journal"
    tickets = tmp_path / "demo-tickets.prn"  # beside the demo's journal, never inside it
    term = tmux()
    term.start([str(SCRIPT), "--demo", "--journal", str(journal)], term="linux")
    sell_one_topup(term)
    term.keys("p")
    # The folder of a test's journal is long (longer still under xdist's popen-gwN): the
    # line may be cut at the screen's edge before the file's name; the file is read below.
    term.wait_for("Impreso en")
    term.keys("Enter")
    quit_app(term)

    (sale,) = exported_sales(journal, term.env)
    printed = tickets.read_bytes().decode("cp858")
    assert sale["carrier_folio"] and sale["carrier_folio"] in printed
    assert "RECARGA ELECTRÓNICA" in printed and "555 555 0000" in printed
