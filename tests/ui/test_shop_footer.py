"""The shop's footer changes only the keys that changed (widgets/key_footer.py), and what it
then shows is what Textual's own Footer shows after rebuilding every key: the same keys, in the
same order, the same ones dim, the same groups. Keys come, go, start and stop acting in any
order here (the capture shows and hides its 1-9 key; the report, days and moves)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

from recarga_tui.ui.widgets.key_footer import SPARE_KEYS, KeyFooter, ShopFooter

MOVE = Binding.Group("Mover", compact=True)
DAY = Binding.Group("Día")
ACTIONS = ["pick", "pay", "back", "up", "down", "prev", "next", "help", "print"]
# A key whose action acts (True), is not shown (False) or shows dim (None), as Textual reads
# check_action.
STATE = st.fixed_dictionaries({action: st.sampled_from([True, False, None])
                               for action in ACTIONS})


class Keys(Screen[None]):
    BINDINGS = [
        Binding("1,2,3", "pick", "Elegir", key_display="1-9"),
        Binding("a", "pay", "Acepta"),
        Binding("f9", "back", "Regresar"),
        Binding("up", "up", "Arriba", group=MOVE),
        Binding("down", "down", "Abajo", group=MOVE),
        Binding("left", "prev", "Antes", group=DAY),
        Binding("right", "next", "Después", group=DAY),
        Binding("f1", "help", "Ayuda"),
        Binding("p", "print", "Imprimir"),
        Binding("x", "print", "Imprimir también"),  # one action, two keys: shown once
    ]

    def __init__(self, footer: ShopFooter) -> None:
        super().__init__()
        self.state: dict[str, bool | None] = dict.fromkeys(ACTIONS, True)
        self.footer = footer

    def compose(self) -> ComposeResult:
        yield self.footer
        yield Stock(show_command_palette=False, compact=self.footer.compact, id="stock")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.state.get(action, True)


class Stock(Footer):
    """Textual's own Footer, counting its rebuilds: it rebuilds after the screen's next
    refresh, and a test waits for that rebuild, not for a while."""

    rebuilt = 0

    async def recompose(self) -> None:
        await super().recompose()
        self.rebuilt += 1


async def until(pilot: Any, holds: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not holds():
        assert time.monotonic() < deadline, "the footer never got there"
        await pilot.pause(0.002)
    await pilot.pause()


class Shop(App[None]):
    def __init__(self, footer: ShopFooter) -> None:
        super().__init__()
        self.keys = Keys(footer)

    def on_mount(self) -> None:
        self.push_screen(self.keys)


def seen(widgets: list[Widget]) -> list[Any]:
    """What a footer's widgets show, in order."""
    out: list[Any] = []
    for widget in widgets:
        if isinstance(widget, KeyGroup):
            out.append(("group", widget.has_class("-compact"), seen(widget.displayed_children)))
        elif isinstance(widget, FooterKey):
            out.append((widget.key, widget.key_display, widget.description, widget.action,
                        widget._disabled, widget.has_class("-disabled"),
                        widget.has_class("-grouped"), widget.has_class("-compact"),
                        widget.tooltip))
        elif isinstance(widget, FooterLabel):
            out.append(("label", str(widget.render())))
        else:
            out.append(type(widget).__name__)
    return out



async def walk(states: list[dict[str, bool | None]], footer: ShopFooter,
               expected: Any) -> None:
    """The footer composed with the first state, then after each of the others."""
    app = Shop(footer)
    app.keys.state = states[0]
    async with app.run_test() as pilot:
        screen = app.keys
        stock = screen.query_one("#stock", Stock)
        await until(pilot, lambda: stock.rebuilt > 0)
        await expected(screen, footer, pilot)
        for state in states[1:]:
            rebuilt = stock.rebuilt
            screen.state = state
            screen.refresh_bindings()
            await until(pilot, lambda rebuilt=rebuilt: stock.rebuilt > rebuilt)
            await expected(screen, footer, pilot)


async def like_textuals(screen: Keys, footer: ShopFooter, pilot: Any) -> None:
    stock = screen.query_one("#stock", Footer)
    assert seen(footer.displayed_children) == seen(list(stock.children))


async def like_a_new_one(screen: Keys, footer: ShopFooter, pilot: Any) -> None:
    fresh = KeyFooter()
    await screen.mount(fresh)
    await pilot.pause()
    assert seen(footer.displayed_children) == seen(fresh.displayed_children)
    assert footer.styles.grid_size_columns == fresh.styles.grid_size_columns
    await fresh.remove()


QUICK = settings(max_examples=15, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])
STATES = st.lists(STATE, min_size=2, max_size=7)
# No spare key (every new key mounted), one (taken, then mounts), the capture's count; and
# hidden keys forgotten at once or kept.
SPARES = st.sampled_from([0, 1, SPARE_KEYS])
HIDDEN = st.sampled_from([0, ShopFooter.max_hidden])


def made(footer: ShopFooter, spares: int, hidden: int) -> ShopFooter:
    footer.spare_keys, footer.max_hidden = spares, hidden
    return footer


@pytest.mark.slow
@QUICK
@given(STATES, SPARES, HIDDEN)
def test_the_footer_shows_what_textuals_rebuild_shows_after_any_changes(states, spares, hidden):
    asyncio.run(walk(states, made(ShopFooter(), spares, hidden), like_textuals))


@pytest.mark.slow
@QUICK
@given(STATES, SPARES, HIDDEN)
def test_the_compact_footer_shows_what_textuals_rebuild_shows_after_any_changes(
        states, spares, hidden):
    asyncio.run(walk(states, made(ShopFooter(compact=True), spares, hidden), like_textuals))


@pytest.mark.slow
@QUICK
@given(STATES, SPARES, HIDDEN)
def test_the_footer_in_rows_shows_what_a_new_one_shows_after_any_changes(states, spares, hidden):
    asyncio.run(walk(states, made(KeyFooter(), spares, hidden), like_a_new_one))


async def test_a_key_that_comes_takes_over_a_hidden_one_and_the_others_stay():
    footer = ShopFooter(spare_keys=SPARE_KEYS)
    app = Shop(footer)
    app.keys.state = {**dict.fromkeys(ACTIONS, True), "pick": False}
    async with app.run_test() as pilot:
        screen = app.keys
        stock = screen.query_one("#stock", Stock)
        await until(pilot, lambda: stock.rebuilt > 0)  # both footers built
        children = list(footer.children)
        before = list(footer.displayed_children)
        rebuilt = stock.rebuilt
        screen.state = {**screen.state, "pick": True, "pay": None}
        screen.refresh_bindings()
        # In the same turn as the change, nothing mounted: laid out and painted in its frame.
        shown = list(footer.displayed_children)
        assert shown[0].description == "Elegir"  # type: ignore[attr-defined]
        assert shown[1:] == before  # the others are the same widgets, in the same order
        assert sorted(map(id, footer.children)) == sorted(map(id, children))
        pay = next(w for w in shown if getattr(w, "action", "") == "pay")
        assert pay.has_class("-disabled")  # the same widget, now dim
        await until(pilot, lambda: stock.rebuilt > rebuilt)
        assert seen(footer.displayed_children) == seen(list(stock.children))


async def test_a_key_that_goes_is_hidden_in_place_and_shown_again_when_it_comes_back():
    footer = ShopFooter()
    app = Shop(footer)
    async with app.run_test() as pilot:
        screen = app.keys
        stock = screen.query_one("#stock", Stock)
        await until(pilot, lambda: stock.rebuilt > 0)  # both footers built
        first = list(footer.displayed_children)
        screen.state = {**screen.state, "pay": False}
        screen.refresh_bindings()
        assert [w for w in first if getattr(w, "action", "") != "pay"] == \
            list(footer.displayed_children)
        screen.state = {**screen.state, "pay": True}
        screen.refresh_bindings()
        assert list(footer.displayed_children) == first
        await pilot.pause()
