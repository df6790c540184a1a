"""The shop's footer changes only the keys that changed (widgets/key_footer.py), and what it
then shows is what Textual's own Footer shows after rebuilding every key: the same keys, in the
same order, the same ones dim, the same groups. Keys come, go, start and stop acting in any
order here (the capture shows and hides its 1-9 key; the report, days and moves)."""

from __future__ import annotations

import asyncio
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

from recarga_tui.ui.widgets.key_footer import KeyFooter, ShopFooter

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
        yield Footer(show_command_palette=False, compact=self.footer.compact, id="stock")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.state.get(action, True)


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
            out.append(("group", widget.has_class("-compact"), seen(list(widget.children))))
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
    app = Shop(footer)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.keys
        for state in [dict.fromkeys(ACTIONS, True), *states]:
            screen.state = state
            screen.refresh_bindings()
            await pilot.pause()
            await pilot.pause()
            await expected(screen, footer, pilot)


async def like_textuals(screen: Keys, footer: ShopFooter, pilot: Any) -> None:
    stock = screen.query_one("#stock", Footer)
    assert seen(list(footer.children)) == seen(list(stock.children))


async def like_a_new_one(screen: Keys, footer: ShopFooter, pilot: Any) -> None:
    fresh = KeyFooter()
    await screen.mount(fresh)
    await pilot.pause()
    assert seen(list(footer.children)) == seen(list(fresh.children))
    assert footer.styles.grid_size_columns == fresh.styles.grid_size_columns
    await fresh.remove()


QUICK = settings(max_examples=15, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])


@QUICK
@given(st.lists(STATE, min_size=1, max_size=6))
def test_the_footer_shows_what_textuals_rebuild_shows_after_any_changes(states):
    asyncio.run(walk(states, ShopFooter(), like_textuals))


@QUICK
@given(st.lists(STATE, min_size=1, max_size=6))
def test_the_compact_footer_shows_what_textuals_rebuild_shows_after_any_changes(states):
    asyncio.run(walk(states, ShopFooter(compact=True), like_textuals))


@QUICK
@given(st.lists(STATE, min_size=1, max_size=6))
def test_the_footer_in_rows_shows_what_a_new_one_shows_after_any_changes(states):
    asyncio.run(walk(states, KeyFooter(), like_a_new_one))


async def test_a_key_that_comes_is_mounted_alone_and_the_others_stay():
    footer = ShopFooter()
    app = Shop(footer)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.keys
        screen.state = {**dict.fromkeys(ACTIONS, True), "pick": False}
        screen.refresh_bindings()
        await pilot.pause()
        before = {id(widget) for widget in footer.children}
        screen.state = {**screen.state, "pick": True, "pay": None}
        screen.refresh_bindings()
        await pilot.pause()
        after = list(footer.children)
        new = [widget for widget in after if id(widget) not in before]
        assert [widget.description for widget in new] == ["Elegir"]  # type: ignore[attr-defined]
        assert after[0] is new[0]  # in its place, first
        pay = next(w for w in after if getattr(w, "action", "") == "pay")
        assert pay.has_class("-disabled")  # the same widget, now dim
