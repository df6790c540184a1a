"""The few private parts of Textual the app leans on, in one place, each with the reason no
public API does the same. ``tests/ui/test_textual_private.py`` fails loudly, naming this
module, when a Textual upgrade moves any of them (Textual's minor version is pinned in
pyproject.toml for this reason among others).

* The binding table of a node (``DOMNode._bindings.key_to_bindings``). The footer's labels
  come from the words catalog in the language of the config, read after the classes are
  defined: each screen rewrites its own copy of the table when it is made. ``App.set_keymap``
  changes keys, not labels.
* The same table read for one key, to run the bindings of a key typed ahead in the order it
  was typed once the screen is mounted (``ShopScreen.take_key``). Textual's own dispatch
  works only on the key event as it arrives, which a screen not yet mounted loses.
* The toasts on screen (``App._notifications``) and the withdrawal of one
  (``App._unnotify``), so that no more than two stand over the screen at once. The public
  ``clear_notifications`` takes them all, the newest too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.dom import DOMNode

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import Notification


def binding_table(node: DOMNode) -> dict[str, list[Binding]]:
    """The node's own binding table, key -> bindings (a per-instance copy)."""
    return node._bindings.key_to_bindings


def bindings_for(node: DOMNode, key: str) -> list[Binding]:
    return list(node._bindings.key_to_bindings.get(key, ()))


def notifications_shown(app: App[object]) -> list[Notification]:
    """The toasts on screen now, oldest first."""
    return list(app._notifications)


def withdraw(app: App[object], notification: Notification) -> None:
    """Take one toast off the screen (the others stay)."""
    app._unnotify(notification, refresh=False)
