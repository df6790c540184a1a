"""The shop's footers: one that is rebuilt only when its keys change, and one in rows (the
home screen has more keys than one 80-column line holds, and every key must show: the cashier
learns the keys from the footer)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel

from ..terminal import MIN_COLUMNS
from ..textual_private import footer_ready, footer_rebuild


class ShopFooter(Footer):
    """Textual's Footer, with its keys from the first frame and rebuilt only when they change.

    Textual's Footer composes empty, then rebuilds all its keys (a widget each) after every
    ``refresh_bindings``: a screen change rebuilt it two or three times, and every change of
    stage at capture once more, with the same keys. Here the keys are composed with the screen
    and a rebuild is skipped when the keys shown, their labels and whether each acts are the
    same as in the last one (what the cashier sees cannot differ)."""

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(show_command_palette=False, compact=compact)
        footer_ready(self)
        self._shown: tuple[Any, ...] | None = None

    def _showing(self) -> tuple[Any, ...]:
        return tuple((binding, enabled, tooltip) for _node, binding, enabled, tooltip
                     in self.screen.active_bindings.values() if binding.show)

    def compose(self) -> ComposeResult:
        self._shown = self._showing()
        yield from super().compose()

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if screen is self.screen and self.is_attached and self._showing() == self._shown:
            return  # the same keys: nothing to rebuild
        footer_rebuild(self, screen)


class KeyFooter(ShopFooter):
    DEFAULT_CSS = """
    KeyFooter {
        layout: grid;
        grid-columns: 1fr;
        grid-rows: 1;
        grid-gutter: 0;
        height: auto;
        max-height: 3;
        FooterKey {
            margin: 0;
            width: 1fr;
        }
        /* Footer's empty box of a group's keys (they are one key here, see grouped). */
        KeyGroup {
            display: none;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__(compact=True)

    def compose(self) -> ComposeResult:
        keys = list(grouped(super().compose()))
        yield from keys
        # Footer sets one column per key; as many columns as the widest key leaves room for
        # make rows instead, so no key's words are cut.
        self.styles.grid_size_columns = columns_for(keys, max(MIN_COLUMNS, self.app.size.width))


def grouped(widgets: ComposeResult) -> ComposeResult:
    """The footer's widgets with each binding group (``↑↓ Mover``) made one key: the grid
    gives every widget a cell, and a group's keys and its label apart read as three keys."""
    keys: list[FooterKey] = []
    for widget in widgets:
        if isinstance(widget, FooterKey) and widget.has_class("-grouped"):
            keys.append(widget)
        elif isinstance(widget, FooterLabel) and keys:
            yield FooterKey(keys[0].key, "".join(k.key_display for k in keys),
                            str(widget.render()), keys[0].action,
                            disabled=all(k._disabled for k in keys))
            keys = []
        else:
            yield widget


def columns_for(keys: list[object], width: int) -> int:
    """How many equal columns fit ``width`` when the widest key must show whole."""
    widths = [len(k.key_display) + 1 + len(k.description) for k in keys
              if isinstance(k, FooterKey)]
    if not widths:
        return 1
    return max(1, min(len(widths), width // (max(widths) + 1)))


def in_rows(widgets: ComposeResult) -> ComposeResult:
    """A screen's widgets with its one-line footer replaced by a :class:`KeyFooter`."""
    for widget in widgets:
        yield KeyFooter() if isinstance(widget, Footer) else widget
