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
  (``App._unnotify``), so that no more than two stand over the screen at once and one about a
  sale leaves once the sale moved on (``ui/corner.py``). The public ``clear_notifications``
  takes them all, the newest too.
* The size a widget was given by a layout (``Widget._size_updated``, with its ``layout``
  argument). For a widget that never scrolls (a line of text, a typed field, a footer key, a
  screen's box whose overflow is hidden), Textual lays the whole screen out a second time for
  its new virtual size; that second pass moves nothing, and it painted again every key that
  changes a field's width or a stage of the capture (``PlacedOnce``).
* The footer's key widgets (``textual.widgets._footer``), whether one acts
  (``FooterKey._disabled``) and which key it shows (``key``, ``key_display``, ``description``,
  ``action``), all set only by its constructor: Textual's Footer starts empty and removes and
  mounts every key at each change of bindings; the shop's footer has its keys from the first
  frame and changes only a key that came, went or stopped acting, a new one taking over a
  hidden one, since a key mounted is painted a frame or two after the change
  (``widgets/key_footer.py``).
* The watchers of another object's reactives (its ``__watchers`` lists, as ``watch`` fills
  them). Textual drops a closed widget's watcher only when that attribute next changes: the
  status line and the notices of every screen of every sale stayed in memory, with their
  rendered lines, until the minute or the notices changed, and Python's full garbage
  collection walked them all. There is no public way to stop watching
  (``forget_closed_watchers``).
* The cache of a widget's background styles (``StylesCache.get_inner_outer``), emptied when
  the counter is back home. It is an ``lru_cache`` on a method without ``classmethod``: its
  ``cls`` is each widget's styles cache, so up to 1024 of them, with every line they
  rendered, stayed after their widgets were gone (Textual issue #6665, open)
  (``release_styles_caches``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual._styles_cache import StylesCache
from textual.binding import Binding
from textual.dom import DOMNode
from textual.geometry import Size
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import Notification


class PlacedOnce:
    """Mixed into a widget before its Textual class: while its overflow is hidden both ways
    (it never scrolls), the layout that gave it its size placed it and all it holds, so its
    virtual size is set without a second layout of the screen. One that may scroll keeps
    Textual's second layout: its scrollbars follow the virtual size."""

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size,
                      layout: bool = True) -> bool:
        styles = self.styles  # type: ignore[attr-defined]
        scrolls = styles.overflow_x != "hidden" or styles.overflow_y != "hidden"
        placed: bool = super()._size_updated(  # type: ignore[misc]
            size, virtual_size, container_size, layout=layout and scrolls)
        return placed


def forget_closed_watchers(obj: object) -> None:
    """Drop the watchers of ``obj``'s reactives that belong to a widget closing or closed, as
    Textual does on the attribute's next change. Called from a widget's ``on_unmount``, when
    it is closing, it drops its own."""
    watchers: dict[str, list[tuple[Any, Any]]] = getattr(obj, "__watchers", {})
    for kept in watchers.values():
        kept[:] = [(node, callback) for node, callback in kept if not node._closing]


def release_styles_caches() -> None:
    """Let go of the styles caches of widgets gone: the next frame computes again the few
    background styles it needs."""
    StylesCache.get_inner_outer.cache_clear()


def relabel_footer_key(widget: FooterKey, key: str, display: str, description: str,
                       action: str) -> None:
    """A footer key made to show another key: what its constructor alone sets."""
    widget.key, widget.key_display = key, display
    widget.description, widget.action = description, action
    widget.refresh(layout=True)


def footer_key_enabled(key: FooterKey, enabled: bool, tooltip: str) -> None:
    """A footer key made to act or not (shown dim, a click rings) as a new one would be."""
    key._disabled = not enabled
    key.set_class(not enabled, "-disabled")
    key.tooltip = tooltip or None


def binding_table(node: DOMNode) -> dict[str, list[Binding]]:
    """The node's own binding table, key -> bindings (a per-instance copy)."""
    return node._bindings.key_to_bindings


def bindings_for(node: DOMNode, key: str) -> list[Binding]:
    return list(node._bindings.key_to_bindings.get(key, ()))


def notifications_shown(app: App[object]) -> list[Notification]:
    """The toasts on screen now, oldest first."""
    return list(app._notifications)


def withdraw(app: App[object], notification: Notification, *, refresh: bool = False) -> None:
    """Take one toast off the screen (the others stay); ``refresh``: at once, rather than
    with the toast about to come in its place."""
    app._unnotify(notification, refresh=refresh)
