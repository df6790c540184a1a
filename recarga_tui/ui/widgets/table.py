"""A table of plain text that the screen drives: never focused (screens keep nothing focused,
so keys typed ahead keep their order) and never markup (dealer text may hold "[")."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widgets import DataTable


class PlainTable(DataTable, can_focus=False):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)

    def set_columns(self, labels: Iterable[str]) -> None:
        self.clear(columns=True)
        for label in labels:
            self.add_column(Text(label))

    def add_plain_row(self, cells: Iterable[object], key: str | None = None) -> None:
        self.add_row(*(Text(str(cell)) for cell in cells), key=key)

    def move(self, delta: int) -> None:
        if self.row_count:
            row = max(0, min(self.row_count - 1, self.cursor_row + delta))
            self.move_cursor(row=row, animate=False)
