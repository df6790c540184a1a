"""The private parts of Textual the app leans on (recarga_tui/ui/textual_private.py) are where
and what the app expects. A Textual upgrade that moves one fails here, by name, instead of
as footer labels in the wrong language, keys typed ahead lost, or toasts piling up."""

from __future__ import annotations

import textual
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

from recarga_tui.ui import textual_private

UPGRADE = (f"Textual {textual.__version__} moved a private part recarga_tui/ui/"
           "textual_private.py relies on: {what}. Adapt that module (and only it).")


class Tiny(App[None]):
    BINDINGS = [Binding("f2", "ring", "catalog.key", id="ring")]

    def compose(self) -> ComposeResult:
        yield Footer()

    def action_ring(self) -> None:
        self.rung = True


async def test_the_binding_table_of_a_node_is_its_own_and_by_key():
    app = Tiny()
    async with app.run_test():
        table = textual_private.binding_table(app)
        assert isinstance(table, dict), UPGRADE.format(what="DOMNode._bindings.key_to_bindings")
        assert [b.action for b in table.get("f2", [])] == ["ring"], UPGRADE.format(
            what="the binding table's keys")
        assert [b.id for b in textual_private.bindings_for(app, "f2")] == ["ring"]
        table["f2"] = [Binding("f2", "ring", "Ring", id="ring")]
        assert Tiny()._bindings.key_to_bindings["f2"][0].description == "catalog.key", (
            UPGRADE.format(what="the per-instance copy of the binding table"))


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
