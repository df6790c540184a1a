"""Key bindings whose footer labels come from the words catalog.

Bindings are declared at class level with a catalog key as description; each screen turns them
into the shop's language when it is created, so the language chosen in the config applies even
though the classes were defined before the config was read.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from ..i18n import catalog, t
from .textual_private import binding_table


def key(keys: str, action: str, label: str, *, show: bool = True, priority: bool = False,
        key_display: str | None = None, group: Binding.Group | None = None) -> Binding:
    """A binding with an id (the action's name) and a catalog key as its label."""
    return Binding(keys, action, label, show=show, priority=priority,
                   key_display=key_display, id=action, group=group)


def localize_bindings(node: DOMNode) -> None:
    """Replace catalog keys in the node's binding labels with the words themselves."""
    words = catalog()
    table = binding_table(node)  # per-instance copy made by DOMNode.__init__
    for k, bindings in table.items():
        table[k] = [_localized(b, words) for b in bindings]


def _localized(b: Binding, words: dict[str, tuple[str, str]]) -> Binding:
    description = t(b.description) if b.description in words else b.description
    group = b.group
    if group is not None and group.description in words:
        group = Binding.Group(t(group.description), compact=group.compact)
    return replace(b, description=description, group=group)
