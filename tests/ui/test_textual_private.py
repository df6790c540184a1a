"""The private parts of Textual the app leans on (recarga_tui/ui/textual_private.py) are where
and what the app expects, and each is still needed. A Textual upgrade that moves one fails
here, by name, instead of as toasts piling up, screens laid out twice, or memory held by
widgets long gone. Nothing else in the app reads a private part of Textual (the last test)."""

from __future__ import annotations

import textual
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from ui_helpers import frames

from recarga_tui.ui import textual_private

UPGRADE = (f"Textual {textual.__version__} moved a private part recarga_tui/ui/"
           "textual_private.py relies on: {what}. Adapt that module (and only it).")


class Tiny(App[None]):
    BINDINGS = [Binding("f2", "ring", "Ring", id="ring")]

    def compose(self) -> ComposeResult:
        yield Footer()

    def action_ring(self) -> None:
        self.rung = True


async def test_one_toast_can_be_withdrawn_and_the_others_stay():
    app = Tiny()
    async with app.run_test() as pilot:
        for n in range(3):
            app.notify(f"toast {n}", timeout=30)
        await pilot.pause()
        shown = textual_private.notifications_shown(app)
        assert [n.message for n in shown] == ["toast 0", "toast 1", "toast 2"], (
            UPGRADE.format(what="App._notifications"))
        textual_private.withdraw(app, shown[0])
        await pilot.pause()
        assert [n.message for n in textual_private.notifications_shown(app)] == [
            "toast 1", "toast 2"], UPGRADE.format(what="App._unnotify")


class Typed(App[None]):
    """One line that grows with a key, under Textual's own layout: leaf-sized or plain."""

    def __init__(self, leaf_sized: bool) -> None:
        super().__init__()
        self.leaf_sized = leaf_sized

    def compose(self) -> ComposeResult:
        from textual.widgets import Static

        class Leaf(textual_private.PlacedOnce, Static):
            pass

        kind = Leaf if self.leaf_sized else Static
        yield kind("5", id="leaf")


async def layouts_for_a_new_width(leaf_sized: bool) -> int:
    app = Typed(leaf_sized)
    async with app.run_test() as pilot:
        await pilot.pause()
        leaf = app.query_one("#leaf")
        leaf.styles.width = "auto"
        await pilot.pause()
        layouts = []
        real = app.screen._refresh_layout
        app.screen._refresh_layout = lambda *a, **k: (layouts.append(1), real(*a, **k))[1]
        leaf.update("5555")
        await frames(pilot, 3)
        assert leaf.size.width == 4 and leaf.virtual_size.width == 4
        return len(layouts)


async def test_a_leaf_sized_widget_is_laid_out_once_for_a_new_width():
    import inspect

    from textual.widget import Widget

    assert "layout" in inspect.signature(Widget._size_updated).parameters, UPGRADE.format(
        what="Widget._size_updated(..., layout)")
    assert await layouts_for_a_new_width(True) < await layouts_for_a_new_width(False), (
        UPGRADE.format(what="Widget._size_updated"))


class Grown(App[None]):
    """A box of lines whose line grows a row: placed once or plain, hidden overflow or not."""

    CSS = "#box { height: auto; } #box.scrolls { overflow-y: auto; }"

    def __init__(self, placed_once: bool, scrolls: bool) -> None:
        super().__init__()
        self.placed_once, self.scrolls = placed_once, scrolls

    def compose(self) -> ComposeResult:
        from textual.containers import Vertical
        from textual.widgets import Static

        class Box(textual_private.PlacedOnce, Vertical):
            pass

        class Leaf(textual_private.PlacedOnce, Static):
            pass

        kind = Box if self.placed_once else Vertical
        with kind(id="box", classes="scrolls" if self.scrolls else ""):
            yield Leaf("1", id="line")  # the line itself laid out once in both


async def layouts_for_a_taller_box(placed_once: bool, scrolls: bool = False) -> int:
    from textual.widgets import Static

    app = Grown(placed_once, scrolls)
    async with app.run_test() as pilot:
        await pilot.pause()
        layouts = []
        real = app.screen._refresh_layout
        app.screen._refresh_layout = lambda *a, **k: (layouts.append(1), real(*a, **k))[1]
        app.query_one("#line", Static).update("1\n2")
        await frames(pilot, 3)
        assert app.query_one("#box").size.height == 2
        return len(layouts)


async def test_a_box_that_never_scrolls_is_laid_out_once_for_a_new_height():
    plain = await layouts_for_a_taller_box(False)
    assert await layouts_for_a_taller_box(True) < plain, UPGRADE.format(
        what="Widget._size_updated")
    # One that may scroll keeps Textual's second layout: its scrollbars follow.
    assert await layouts_for_a_taller_box(True, scrolls=True) == plain




async def test_a_closed_widgets_watchers_of_another_object_are_forgotten():
    from textual.reactive import reactive
    from textual.widgets import Static

    class Watched(App[None]):
        minute = reactive(0)

        def compose(self) -> ComposeResult:
            yield Static(id="watcher")

    app = Watched()
    async with app.run_test() as pilot:
        watcher = app.query_one("#watcher", Static)
        watcher.watch(app, "minute", lambda _: None, init=False)
        kept = getattr(app, "__watchers", {}).get("minute", [])
        assert [node for node, _ in kept] == [watcher], UPGRADE.format(what="__watchers")
        await watcher.remove()
        await pilot.pause()
        assert watcher._closing, UPGRADE.format(what="MessagePump._closing")
        # Still needed: Textual keeps the closed widget's watcher until "minute" changes.
        assert [node for node, _ in getattr(app, "__watchers")["minute"]] == [watcher]
        textual_private.forget_closed_watchers(app)
        assert getattr(app, "__watchers")["minute"] == []


async def test_the_styles_caches_of_widgets_gone_are_let_go():
    import gc

    from textual._styles_cache import StylesCache
    from textual.widgets import Static

    app = Tiny()
    async with app.run_test() as pilot:
        await app.mount(*(Static(f"{n}", classes="gone") for n in range(20)))
        await pilot.pause()
        await app.query(".gone").remove()
        await pilot.pause()
        gc.collect()
        # Still needed: the cache holds the styles caches of the widgets removed.
        assert len(live(StylesCache)) > len(live(textual.widget.Widget))
        textual_private.release_styles_caches()
        assert StylesCache.get_inner_outer.cache_info().currsize == 0, UPGRADE.format(
            what="StylesCache.get_inner_outer")
        gc.collect()
        assert len(live(StylesCache)) <= len(live(textual.widget.Widget))


def live(kind: type) -> list[object]:
    import gc

    return [obj for obj in gc.get_objects() if isinstance(obj, kind)]


def test_no_private_part_of_textual_outside_its_one_place():
    """The app's modules read no private module or attribute of Textual but in
    ui/textual_private.py: the key bar, the keys and the big digits use public API."""
    import re
    from pathlib import Path

    import recarga_tui

    private = re.compile(r"textual\.[a-z_.]*\._|\._bindings|\._style\b|"
                         r"from textual(\.[a-z]+)*\._[a-z]")
    root = Path(recarga_tui.__file__).parent
    found = [f"{path.relative_to(root)}:{n}: {line.strip()}"
             for path in sorted(root.rglob("*.py")) if path.name != "textual_private.py"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if private.search(line)]
    assert not found, "\n".join(found)
