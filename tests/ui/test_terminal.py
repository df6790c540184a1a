"""Any terminal: below 80x24 a message instead of a broken screen, and on the Linux console
only glyphs its fonts have (ui/terminal.py, docs/terminales.md)."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from ui_helpers import capture, login, wait_for

from recarga_tui.domain.sale import State
from recarga_tui.ui.screens.readback import ReadbackScreen
from recarga_tui.ui.terminal import wants_plain_glyphs
from recarga_tui.ui.widgets.big_digits import plain_rows

SIZE = (80, 24)
# Every font of the Linux console has code page 437; the kernel's built-in one has no more.
CP437 = set(bytes(range(32, 256)).decode("cp437"))


def cells(app) -> str:
    """The characters on the terminal, as the cashier sees them."""
    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(),
                      force_terminal=True, color_system=None, record=True)
    console.print(app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens))
    return console.export_text()


def drawn(text: str) -> set[str]:
    """Lines, blocks and symbols (U+2190..U+25FF): what the app draws rather than writes."""
    return {c for c in text if "\u2190" <= c <= "\u25ff"}


@pytest.fixture
def term(monkeypatch):
    monkeypatch.delenv("RECARGA_TUI_GLYPHS", raising=False)

    def set_term(value: str) -> None:
        monkeypatch.setenv("TERM", value)

    return set_term


@pytest.mark.parametrize("env, plain", [
    ({"TERM": "linux"}, True),
    ({"TERM": "xterm-256color"}, False),
    ({"TERM": "tmux-256color", "RECARGA_TUI_GLYPHS": "plain"}, True),
    ({"TERM": "linux", "RECARGA_TUI_GLYPHS": "full"}, False),
])
def test_plain_glyphs_on_the_linux_console_or_when_asked(env, plain):
    assert wants_plain_glyphs(env) is plain


def test_plain_big_digits_use_code_page_437_and_keep_digits_apart():
    rows = plain_rows("0123456789 $.")
    assert drawn("".join(rows)) <= CP437
    assert len({len(r) for r in rows}) == 1
    assert all(row[3] == " " for row in rows)  # a blank column after each big digit


async def test_r04_read_back_on_the_linux_console_draws_only_console_glyphs(shop, term):
    term("linux")
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, "5555550000")
        assert isinstance(app.screen, ReadbackScreen)
        shown = cells(app)
        assert drawn(shown) <= CP437, drawn(shown) - CP437
        assert "┌── ┌── ┌──" in shown          # 555, drawn digit by digit


async def test_login_box_is_square_on_the_console_and_round_elsewhere(shop, term):
    term("linux")
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = cells(app)
        assert "┌" in shown and "╭" not in shown
        assert "⏎" not in shown and "Enter" in shown   # the footer names the key
    app.services.close_journal()  # the next copy writes too, so it logs in
    term("xterm-256color")
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "╭" in cells(app)


async def test_r04_below_80x24_a_message_and_no_key_accepts_the_read_back(shop, term):
    term("xterm-256color")
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, "5555550000")
        await pilot.resize_terminal(70, 20)
        await pilot.pause()
        shown = cells(app)
        assert "La ventana es muy chica" in shown and "70 por 20" in shown
        assert "555" not in shown
        await pilot.press("a", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadbackScreen)
        sales = app.services.notebook.sales_of_day(app.services.clock.now().date())
        assert [s.state for s in sales] == [State.CAPTURED]
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        shown = cells(app)
        assert "La ventana es muy chica" not in shown
        assert "no se aceptan reclamaciones" in shown


async def locked(pilot) -> None:
    """Logged in, then the screen locked with Ctrl+L."""
    from recarga_tui.ui.screens.lock import LockScreen

    await login(pilot)
    await pilot.press("ctrl+l")
    await pilot.pause()
    assert isinstance(pilot.app.screen, LockScreen)


async def test_r12_the_lock_on_the_linux_console_draws_only_console_glyphs(shop, term):
    term("linux")
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await locked(pilot)
        shown = cells(app)
        assert drawn(shown) <= CP437, drawn(shown) - CP437
        assert "┌" in shown


async def test_r12_below_80x24_the_lock_shows_the_message_and_takes_no_password(shop, term):
    from recarga_tui.ui.screens.lock import LockScreen

    term("xterm-256color")
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await locked(pilot)
        await pilot.resize_terminal(70, 20)
        await pilot.pause()
        shown = cells(app)
        assert "La ventana es muy chica" in shown and "Contraseña" not in shown
        await pilot.press(*"demo", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, LockScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press(*"demo", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, LockScreen))


@pytest.mark.parametrize("shown, printed", [
    ("f1", "F1"), ("f10", "F10"), ("a", "A"), ("^l", "Ctrl+L"), ("⏎", "⏎"), ("Enter", "Enter"),
    ("F9", "F9"), ("↑", "↑"),
])
def test_keys_show_as_printed_on_the_keyboard_and_the_key_card(shown, printed):
    from recarga_tui.ui.terminal import as_printed

    assert as_printed(shown) == printed


def test_r04_the_footers_arrows_read_as_arrows_on_the_linux_console():
    # "?" for an arrow would leave the cashier guessing which key moves (↑ Campo anterior).
    from recarga_tui.ui.console_glyphs import DRAWABLE, drawable

    assert drawable("↑ Campo anterior  ←→ Día  ↑↓ Mover") == "^ Campo anterior  <> Día  ^v Mover"
    assert set(drawable("↑↓←→")) <= DRAWABLE
