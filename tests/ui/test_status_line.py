"""The status line at 80 columns: what the cashier acts on is never cut, the shop's name is
shortened with an ellipsis rather than dropped, and home names shop and terminal in full."""

from __future__ import annotations

from counter_more_helpers import sku
from ui_helpers import login, screen_text, wait_for

from recarga_tui.services.counter import Product
from recarga_tui.ui.widgets.status import fit

SIZE = (80, 24)
SHOP = "Abarrotes y Misceláneas La Esperanza de San Juan"
PARTS = ["20:00", "Terminal DEMO-01", "Saldo $100,000.00", "Pendientes: 2"]
SHORT = ["20:00", "DEMO-01", "Saldo $100,000.00", "Pendientes: 2"]


def test_a_name_that_fits_is_whole_with_wide_separators():
    assert fit(PARTS[:2], SHORT[:2], "Abarrotes Lupita", 78) == \
        "20:00  ·  Terminal DEMO-01  ·  Abarrotes Lupita"


def test_a_long_name_is_cut_with_an_ellipsis_and_the_rest_is_whole():
    line = fit(PARTS, SHORT, SHOP, 78)
    assert len(line) == 78 and line.endswith("…")
    assert "Pendientes: 2" in line and "Saldo $100,000.00" in line
    assert line.startswith("20:00 · Terminal DEMO-01 · ")   # narrowed to keep the name
    assert "Abarrotes y Mi" in line


def test_short_of_room_the_name_keeps_a_letter_and_the_parts_are_never_cut():
    parts = [*PARTS, "DEMO", "SOLO LECTURA"]
    line = fit(parts, [*SHORT, "DEMO", "SOLO LECTURA"], SHOP, 78)
    assert line.endswith("SOLO LECTURA · A…") and "DEMO-01" in line


def test_r14_a_balance_in_dollars_loses_its_label_before_the_name_its_last_letter():
    # Reloadly's account in dollars, a pending count, a sale not written and the demo: the
    # short parts leave the name no column; the balance's figure and code say what it is.
    parts = ["12:26", "Terminal DEMO-01", "Saldo 5,791.88 USD", "Pendientes: 5",
             "SIN ANOTAR: 1", "DEMO"]
    short = [parts[0], "DEMO-01", *parts[2:]]
    shorter = [*short[:2], "5,791.88 USD", *parts[3:]]
    line = fit(parts, short, "Reloadly (demo)", 78, shorter)
    assert line == "12:26 · DEMO-01 · 5,791.88 USD · Pendientes: 5 · SIN ANOTAR: 1 · DEMO · Reloa…"
    assert len(fit(parts, short, "Reloadly (demo)", 78)) > 78    # without it: cut
    # With room for a letter the label stays.
    assert "Saldo $5,791.88" in fit([*parts[:2], "Saldo $5,791.88", *parts[3:]],
                                    [*short[:2], "Saldo $5,791.88", *parts[3:]],
                                    "Reloadly (demo)", 78, shorter)


def test_before_layout_nothing_is_cut():
    assert fit(PARTS, SHORT, SHOP, 0).endswith(SHOP)


async def test_home_names_shop_and_terminal_and_the_status_line_keeps_a_long_name(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        app.shop_name = SHOP
        counter = app.services.counter                     # paid, not sent: one pending
        counter.pay(counter.accept(counter.start(
            "2727215380", Product(sku(app, 5000), "telcel", 5000))), 5000)
        app.refresh_pending()
        await wait_for(pilot, lambda: app.pending_count == 1)
        text = screen_text(app)
        assert f"Tienda: {SHOP}  ·  Terminal: DEMO-01" in text
        status = str(app.screen.query_one("#status-line").render())
        assert "Pendientes: 1" in status and "Abarrotes y Misc" in status
        assert status.endswith("…") and len(status) <= 78
