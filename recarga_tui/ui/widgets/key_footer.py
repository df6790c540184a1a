"""A footer in rows: the home screen has more keys than one 80-column line holds, and every
key must show (the cashier learns the keys from the footer)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

COLUMNS = 6


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
    }
    """

    def __init__(self) -> None:
        super().__init__(show_command_palette=False, compact=True)

    def compose(self) -> ComposeResult:
        yield from super().compose()
        # Footer sets one column per key; a few columns make rows instead.
        self.styles.grid_size_columns = COLUMNS


def in_rows(widgets: ComposeResult) -> ComposeResult:
    """A screen's widgets with its one-line footer replaced by a :class:`KeyFooter`."""
    for widget in widgets:
        yield KeyFooter() if isinstance(widget, Footer) else widget
