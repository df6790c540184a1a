"""The shop's keys, on Textual's public API.

Bindings are declared at class level with an id (``App.set_keymap`` moves a key by its id) and
a catalog key as description. The binding tables are never rewritten: the words are looked up
when the key bar draws them (:func:`label`), in the language the config chose, even though the
classes were defined before the config was read.

A key runs where Textual would run it, through the screen's ``active_bindings`` and
``App.run_action`` (which asks ``check_action``): :func:`run_key`. The screens call it from
their key handler rather than letting the key bubble to the App, so that a key typed ahead
never overtakes the one before it (``ShopScreen.take_key``).
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.screen import Screen

from ..i18n import catalog, t


def key(keys: str, action: str, label: str, *, show: bool = True, priority: bool = False,
        key_display: str | None = None, group: Binding.Group | None = None,
        id: str | None = None) -> Binding:
    """A binding with an id (the action's name unless given) and a catalog key as its label."""
    return Binding(keys, action, label, show=show, priority=priority,
                   key_display=key_display, id=id or action, group=group)


def label(words: str) -> str:
    """A binding's or a group's description as the cashier reads it: the catalog's words in
    the shop's language where it is a catalog key, the text itself otherwise."""
    return t(words) if words in catalog() else words


async def run_key(screen: Screen[Any], key: str) -> bool:
    """Run what ``key`` does on ``screen`` now, as Textual's own dispatch would: the binding
    its ``active_bindings`` gives the key (the focused widget's, the screen's, the App's), if
    ``check_action`` lets it act. False: the key does nothing here."""
    active = screen.active_bindings.get(key)
    if active is None or not active.enabled:
        return False
    return await screen.app.run_action(active.binding.action, active.node)


def declared(screen: Screen[Any], key: str) -> list[Binding]:
    """The bindings the screen's classes declare for ``key``, whether they act now or not
    (for the words on why a key not offered did nothing)."""
    return [binding for cls in reversed(type(screen).__mro__)
            for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", ()))
            if binding.key == key]
