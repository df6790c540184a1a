"""The few private parts of Textual the app leans on, in one place, each with the reason no
public API does the same, the measurement or test that shows the need on Textual 8.2.8, and
where Textual tracks it. ``tests/ui/test_textual_private.py`` fails loudly, naming this module
and the part, when a Textual upgrade moves any of them (Textual's minor version is pinned in
pyproject.toml for this reason among others). Nothing else in the app imports a private
module of Textual or reads a private attribute of it.

* The toasts on screen (``App._notifications``) and the withdrawal of one
  (``App._unnotify``), so that no more than two stand over the screen at once and one about a
  sale leaves once the sale moved on (``ui/corner.py``). The public ``clear_notifications``
  takes them all, the newest too. ``unnotify`` was public when notifications came
  (https://github.com/Textualize/textual/pull/2866) and is private since.
  Shown needed by ``test_one_toast_can_be_withdrawn_and_the_others_stay`` and the corner
  messages' tests (``tests/ui/test_corner_messages.py``).
* The size a widget was given by a layout (``Widget._size_updated``, with its ``layout``
  argument). For a widget that never scrolls (a line of text, a typed field, the key bar, a
  screen's box whose overflow is hidden), Textual lays the whole screen out a second time for
  its new virtual size; that second pass moves nothing, and it painted again every key that
  changes a field's width or a stage of the capture (``PlacedOnce``). Textual's work on the
  cost of layouts: https://github.com/Textualize/textual/pull/6166. Still needed on 8.2.8:
  ``test_a_leaf_sized_widget_is_laid_out_once_for_a_new_width`` and
  ``test_a_box_that_never_scrolls_is_laid_out_once_for_a_new_height`` count the layouts with
  and without it.
* The watchers of another object's reactives (its ``__watchers`` lists, as ``watch`` fills
  them). Textual drops a closed widget's watcher only when that attribute next changes: the
  status line and the notices of every screen of every sale stayed in memory, with their
  rendered lines, until the minute or the notices changed, and Python's full garbage
  collection walked them all. There is no public way to stop watching
  (``forget_closed_watchers``): https://github.com/Textualize/textual/issues/6666 (open).
  Still needed on 8.2.8: ``test_a_closed_widgets_watchers_of_another_object_are_forgotten``
  finds the closed widget's watcher kept without it; a renamed attribute would make this a
  silent no-op, and that test fails first.
* The cache of a widget's background styles (``StylesCache.get_inner_outer``), emptied when
  the counter is back home. It is an ``lru_cache`` on a method without ``classmethod``: its
  ``cls`` is each widget's styles cache, so up to 1024 of them, with every line they
  rendered, stayed after their widgets were gone
  (https://github.com/Textualize/textual/issues/6665, open) (``release_styles_caches``).
  Still needed on 8.2.8: ``test_the_styles_caches_of_widgets_gone_are_let_go`` finds the
  caches of removed widgets held without it.

The keys need none: the key bar reads the screen's ``active_bindings`` and draws its words
when it paints (``widgets/keybar.py``), and a key runs through ``active_bindings`` and
``App.run_action`` (``keys.run_key``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual._styles_cache import StylesCache
from textual.geometry import Size

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


def notifications_shown(app: App[object]) -> list[Notification]:
    """The toasts on screen now, oldest first."""
    return list(app._notifications)


def withdraw(app: App[object], notification: Notification, *, refresh: bool = False) -> None:
    """Take one toast off the screen (the others stay); ``refresh``: at once, rather than
    with the toast about to come in its place."""
    app._unnotify(notification, refresh=refresh)
