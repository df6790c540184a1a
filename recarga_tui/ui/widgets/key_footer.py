"""A footer in rows: the home screen has more keys than one 80-column line holds, and every
key must show (the cashier learns the keys from the footer)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel

from ..terminal import MIN_COLUMNS


class KeyFooter(Footer):
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
        super().__init__(show_command_palette=False, compact=True)

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
