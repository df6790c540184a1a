"""The key bar (widgets/keybar.py): the screen's keys drawn from its ``active_bindings`` as one
widget. It shows the keys that act where they act and only there (dim where Textual's
``check_action`` answers None), in the words of the shop's language when drawn, whole at 80
columns (one line, or rows of equal columns where a screen has more keys), with the key names
the terminal can draw; a change of keys repaints it once, in the frame of the change."""

from __future__ import annotations

import asyncio
from math import ceil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from whole import cuts_of

from recarga_tui.i18n import set_language, t
from recarga_tui.ui.keys import key
from recarga_tui.ui.terminal import TerminalAware
from recarga_tui.ui.widgets.keybar import KeyBar, Shown, columns_for

MOVE = Binding.Group("key.move", compact=True)
ACTIONS = ["pick", "pay", "back", "up", "down", "help", "print"]
# A key whose action acts (True), is not shown (False) or shows dim (None), as check_action.
STATE = st.fixed_dictionaries({action: st.sampled_from([True, False, None])
                               for action in ACTIONS})


class Keys(Screen[None]):
    BINDINGS = [
        key("1,2,3", "pick", "key.pick", key_display="1-9"),
        key("a", "pay", "key.accepted"),
        key("escape,f9", "back", "key.back", key_display="F9"),
        key("up", "up", "key.up", key_display="↑", group=MOVE),
        key("down", "down", "key.down", key_display="↓", group=MOVE),
        key("f1", "help", "key.help"),
        key("p", "print", "key.print_ticket"),
        key("x", "print", "key.print_ticket"),  # one action, two keys: shown once
        key("f5", "hidden", "key.help", show=False),
    ]

    def __init__(self, rows: bool = False) -> None:
        super().__init__()
        self.state: dict[str, bool | None] = dict.fromkeys(ACTIONS, True)
        self.rows = rows
        self.ran: list[str] = []

    def compose(self) -> ComposeResult:
        yield KeyBar(rows=self.rows)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.state.get(action, True)

    def action_pay(self) -> None:
        self.ran.append("pay")


class Shop(TerminalAware, App[None]):
    def __init__(self, screen: Keys) -> None:
        super().__init__()
        self.keys = screen

    def on_mount(self) -> None:
        self.push_screen(self.keys)


def expected(state: dict[str, bool | None]) -> list[tuple[str, str, bool]]:
    """What the bar must show for ``state``, worked out from the bindings by hand: a key
    refused (False) is not shown, one answered None is shown dim (not enabled)."""
    def place(display: str, action: str, words: str) -> list[tuple[str, str, bool]]:
        return [] if state[action] is False else [(display, t(words), bool(state[action]))]

    moves = place("↑", "up", "key.up") + place("↓", "down", "key.down")
    if len(moves) == 2:
        moves = [("↑↓", t("key.move"), any(on for _d, _w, on in moves))]
    return (place("1-9", "pick", "key.pick") + place("A", "pay", "key.accepted")
            + place("F9", "back", "key.back") + moves + place("F1", "help", "key.help")
            + place("P", "print", "key.print_ticket"))


def seen(bar: KeyBar) -> list[tuple[str, str, bool]]:
    return [(s.display, s.words, s.enabled) for s in bar.shown]


def drawn(bar: KeyBar) -> str:
    return str(bar.visual)


async def walk(states: list[dict[str, bool | None]], rows: bool) -> None:
    app = Shop(Keys(rows))
    app.keys.state = states[0]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.keys.query_one(KeyBar)
        for state in states:
            app.keys.state = state
            app.keys.refresh_bindings()
            # In the same turn as the change: the bar was redrawn with it.
            assert seen(bar) == expected(state)
            text = drawn(bar)
            for display, words, _on in expected(state):
                assert f"{display} {words}" in text
            await pilot.pause()
            assert cuts_of(app.screen) == []


QUICK = settings(max_examples=15, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])
STATES = st.lists(STATE, min_size=1, max_size=6)


@pytest.mark.slow
@QUICK
@given(STATES, st.booleans())
def test_the_bar_shows_the_keys_that_act_where_they_act_after_any_changes(states, rows):
    asyncio.run(walk(states, rows))


async def test_a_change_of_keys_repaints_the_bar_once_and_no_change_not_at_all():
    app = Shop(Keys())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.keys.query_one(KeyBar)
        updates: list[str] = []
        real = bar.update
        bar.update = lambda *a, **k: (updates.append(str(a[0])), real(*a, **k))[1]  # type: ignore[method-assign]
        app.keys.refresh_bindings()
        assert updates == []                       # the same keys: nothing repainted
        app.keys.state = {**app.keys.state, "pay": False}
        app.keys.refresh_bindings()
        assert len(updates) == 1 and t("key.accepted") not in updates[0]
        assert list(bar.children) == []            # one widget, no key widgets


async def test_the_words_are_the_languages_when_drawn_and_the_bindings_keep_catalog_keys():
    app = Shop(Keys())
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            bar = app.keys.query_one(KeyBar)
            assert f"A {t('key.accepted')}" in drawn(bar)
            spanish = drawn(bar)
            set_language("en")
            app.keys.refresh_bindings()
            assert drawn(bar) != spanish
            assert f"A {t('key.accepted')}" in drawn(bar)
            assert "Customer accepted" in drawn(bar)
            assert [b.description for b in Keys.BINDINGS][1] == "key.accepted"
    finally:
        set_language("es")


async def test_a_key_moved_by_a_keymap_shows_and_acts_where_it_was_moved():
    app = Shop(Keys())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.set_keymap({"pay": "b"})               # Textual's keymap, by the binding's id
        bar = app.keys.query_one(KeyBar)
        assert f"B {t('key.accepted')}" in drawn(bar)
        await pilot.press("b")
        assert app.keys.ran == ["pay"]


async def test_a_key_clicked_is_pressed_and_one_that_does_not_act_rings():
    app = Shop(Keys())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.keys.query_one(KeyBar)
        span = next(s for s in bar.spans if s.shown.key == "a")
        await pilot.click(KeyBar, offset=(span.start + 1, 0))
        await pilot.pause()
        assert app.keys.ran == ["pay"]
        app.keys.state = {**app.keys.state, "pay": None}
        app.keys.refresh_bindings()
        rung: list[bool] = []
        app.bell = lambda: rung.append(True)  # type: ignore[method-assign]
        await pilot.click(KeyBar, offset=(span.start + 1, 0))
        await pilot.pause()
        assert app.keys.ran == ["pay"] and rung == [True]


class Many(Screen[None], inherit_bindings=False):
    """More keys than one line of 80 columns holds."""

    BINDINGS = [key(f"f{n}", f"do({n})", "key.print_ticket") for n in range(1, 11)]

    def __init__(self, rows: bool) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield KeyBar(rows=self.rows)


async def test_a_line_too_long_for_80_columns_is_found_by_the_words_test():
    for rows, cut in ((False, True), (True, False)):
        app = Shop(Many(rows))  # type: ignore[arg-type]
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert bool(cuts_of(app.screen)) is cut, cuts_of(app.screen)


WORDS = st.text(alphabet="abcdefghijklmnñopqrstuvwxyzáé ", min_size=1, max_size=30)
PLACES = st.lists(st.builds(Shown, st.just("f2"), st.sampled_from(["F2", "Enter", "↑↓", "1-9"]),
                            WORDS, st.booleans()), min_size=1, max_size=12)


@given(PLACES, st.integers(min_value=80, max_value=200))
def test_in_rows_every_key_is_whole_in_its_own_cell(places, width):
    """Whatever the words (another language, a longer key name), the columns are as wide as
    the widest key and no key runs into the next."""
    places = tuple(places)
    columns = columns_for(places, width)
    widest = max(p.width for p in places)
    assert columns == 1 or width // columns >= widest + 1
    bar = KeyBar(rows=True)
    bar._drawn_width = width
    bar.width_for_rows = lambda: width  # type: ignore[method-assign]
    from rich.style import Style

    text = bar.in_rows(places, Style(), Style())
    lines = text.plain.split("\n")
    assert len(lines) == ceil(len(places) / columns)
    for span in bar.spans:
        line = lines[span.row]
        assert line[span.start:span.end] == f"{span.shown.display} {span.shown.words}"
    for a, b in zip(bar.spans, bar.spans[1:], strict=False):
        assert a.row < b.row or a.end < b.start
    if widest < width:
        assert all(cell_len(line) <= width for line in lines)


@pytest.mark.parametrize(("glyphs", "enter"), [("plain", "Enter"), ("full", "⏎")])
async def test_the_linux_console_reads_key_names_it_can_draw(monkeypatch, glyphs, enter):
    monkeypatch.setenv("RECARGA_TUI_GLYPHS", glyphs)

    class Enter(Many, inherit_bindings=False):
        BINDINGS = [key("enter", "pay", "key.accepted")]

    app = Shop(Enter(False))  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert drawn(app.keys.query_one(KeyBar)) == f" {enter} {t('key.accepted')} "


def test_bindings_are_declared_with_ids():
    from test_words_whole import screens_to_walk

    from recarga_tui.ui.app import RecargaApp

    classes = [*screens_to_walk(None, every=True), RecargaApp]
    bindings = [b for cls in classes for b in cls.__dict__.get("BINDINGS", ())]
    assert len(bindings) > 40
    assert all(isinstance(b, Binding) and b.id for b in bindings), [
        b for b in bindings if not getattr(b, "id", None)]
