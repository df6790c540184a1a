"""R12: after a login and a tour of every screen, neither the password nor the session token
is in the journal files, the exports (module and command line), the cash close files, the
logs (DEBUG) or any screen's text (tables and rendered SVG included), nor in a snapshot."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from counter_more_helpers import text_of, world
from ui_helpers import capture, settled, wait_for

from recarga_tui import cli
from recarga_tui.journal.export import write_csv, write_jsonl
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.lock import LockScreen
from recarga_tui.ui.screens.receipt import ReceiptScreen

SIZE = (80, 24)
USER = "cajera"
PASSWORD = "Zq9secreto7731"
SNAPSHOTS = Path(__file__).parent / "__snapshots__"


async def test_r12_no_password_or_token_in_journal_exports_logs_or_screens(shop, tmp_path,
                                                                            caplog, capsys):
    caplog.set_level(logging.DEBUG)
    app = shop()
    world(app).terminals["DEMO-01"].users[USER] = PASSWORD
    seen: list[str] = []

    def look(svg: bool = False) -> None:
        seen.append(text_of(app))
        if svg:  # the rendered screen as a snapshot stores it (slow: a few screens only)
            seen.append(app.export_screenshot())

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*USER, "enter", *PASSWORD)
        look(svg=True)                                            # masked while typed
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        token = app.services.dealer.session.token
        assert token and app.cashier == USER
        await capture(pilot, "5555550000")
        look()
        await pilot.press("a", "f4", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        look()
        await pilot.press("enter")
        tour = [("f4",), ("f5", *"0000", "enter"), ("f6",), ("f6", "f2"), ("f7",),
                ("f7", "f2"), ("f7", "f3"), ("f8", "p"), ("f1",), ("f9",)]
        for keys in tour:
            await pilot.press(*keys)
            await settled(pilot)                                  # the dealer's answers shown
            look()
            app.router.home()
            await pilot.pause()
        await pilot.press("ctrl+l", *PASSWORD)
        look(svg=True)
        assert isinstance(app.screen, LockScreen)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        token_after = app.services.dealer.session.token
        look(svg=True)

    folder = app.services.settings.journal_path()
    sales = app.services.notebook.sales_between(*[app.services.clock.now().date()] * 2)
    assert sales
    exported = io.StringIO()
    write_csv(sales, exported)
    write_jsonl(sales, exported)
    out = tmp_path / "export.jsonl"
    assert cli.main(["--journal", str(folder), "journal", "export", "--format", "jsonl",
                     "-o", str(out)]) == 0
    assert cli.main(["--journal", str(folder), "journal", "export", "--format", "csv"]) == 0
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.suffix == ".csv" for p in files)                # the cash close was written
    places = {
        "screens": "\n".join(seen),
        "exports": exported.getvalue() + capsys.readouterr().out + out.read_text("utf-8"),
        "files": "\n".join(p.read_bytes().decode("utf-8", "replace") for p in files),
        "logs": caplog.text,
        "snapshots": "\n".join(p.read_text("utf-8") for p in SNAPSHOTS.rglob("*.svg")),
    }
    assert caplog.records                                        # the logs were captured
    for name, text in places.items():
        for secret in (PASSWORD, token, token_after):
            assert secret not in text, f"a secret is in the {name}"
