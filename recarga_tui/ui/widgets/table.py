"""A table of plain text that the screen drives: never focused (screens keep nothing focused,
so keys typed ahead keep their order) and never markup (dealer text may hold "[").

Its rows never outgrow its width (nobody scrolls a table sideways at the counter): when they
would, the widest column's cells are shortened in the middle with an ellipsis, the start and
the end kept ("5555 5500 0…0000 0000", "Paquete Amig…Limite"), and the screen's line under
the table says the selected row whole."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.widgets import DataTable

ELLIPSIS = "…"
NARROWEST = 6  # columns a shortened cell keeps, ellipsis included


def middle_cut(text: str, width: int | None) -> str:
    """``text`` in ``width`` columns: whole when it fits, else its start and end around "…".
    Text in groups (a reference "5555 5500 0000 ...", words) keeps whole groups, the
    ellipsis standing apart ("5555 5500 … 0000 00"), so that no cut reads as another digit
    or a decimal point (the Linux console draws "…" as ".")."""
    if width is None or cell_len(text) <= width:
        return text
    grouped = _group_cut(text.split(" "), width)
    if grouped is not None:
        return grouped
    tail = (width - 1) // 2
    end = ""
    for char in reversed(text):
        if cell_len(char + end) > tail:
            break
        end = char + end
    return set_cell_size(text, width - 1 - tail) + ELLIPSIS + end


def _group_cut(groups: list[str], width: int) -> str | None:
    """Whole groups from both ends around " … ", the shorter end growing first; None when
    no group fits on either side."""
    left: list[str] = []
    right: list[str] = []
    i, j = 0, len(groups) - 1

    def shown(front: list[str], back: list[str]) -> int:
        return cell_len(" ".join([*front, ELLIPSIS, *back]))

    while i <= j:
        grow_left = cell_len(" ".join(left)) <= cell_len(" ".join(right))
        for side in ((True, False) if grow_left else (False, True)):
            if side and shown([*left, groups[i]], right) <= width:
                left.append(groups[i])
                i += 1
                break
            if not side and shown(left, [groups[j], *right]) <= width:
                right.insert(0, groups[j])
                j -= 1
                break
        else:
            break
    if not left or not right:
        return None
    return " ".join([*left, ELLIPSIS, *right])


def limits_for(widths: Sequence[int], room: int, padding: int) -> list[int | None]:
    """Each column's most columns (None: no limit) so that the columns and their padding fit
    ``room``: the widest shortened first, none below ``NARROWEST``."""
    limits = list(widths)
    excess = sum(widths) + padding * len(widths) - room
    while excess > 0:
        widest = max(range(len(limits)), key=lambda i: limits[i])
        if limits[widest] <= NARROWEST:
            break
        limits[widest] -= 1
        excess -= 1
    return [None if limit == width else limit for limit, width in zip(limits, widths,
                                                                       strict=True)]


class PlainTable(DataTable[Text], can_focus=False):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._labels: list[str] = []
        self._rows: list[tuple[list[str], str | None]] = []
        self._limits: list[int | None] = []

    def set_columns(self, labels: Iterable[str]) -> None:
        self._labels = list(labels)
        self._rows = []
        self._limits = [None] * len(self._labels)
        self._rebuild()

    def clear(self, columns: bool = False) -> PlainTable:
        self._rows = []
        if columns:
            self._labels, self._limits = [], []
        super().clear(columns=columns)
        return self

    def add_plain_row(self, cells: Iterable[object], key: str | None = None) -> None:
        texts = [str(cell) for cell in cells]
        self._rows.append((texts, key))
        if self._fit():
            return  # the rows laid out again, this one among them
        self._add(texts, key)

    def move(self, delta: int) -> None:
        if self.row_count:
            row = max(0, min(self.row_count - 1, self.cursor_row + delta))
            self.move_cursor(row=row, animate=False)

    def on_resize(self) -> None:
        self._fit()

    # --- fitting the width ---

    def _room(self) -> int:
        """The columns the rows may take: less the scrollbar's when the rows outgrow the
        table's height (a long list has one)."""
        room = self.content_region.width
        if len(self._rows) + int(self.show_header) > self.content_region.height:
            room -= self.styles.scrollbar_size_vertical
        return max(0, room)

    def _fit(self) -> bool:
        """New limits for the columns (a wider row, another width); True when the rows were
        laid out again for them."""
        room = self._room()
        if not room or not self._labels:
            return False
        widths = [max([cell_len(label)] + [cell_len(row[i]) for row, _ in self._rows
                                            if i < len(row)])
                  for i, label in enumerate(self._labels)]
        limits = limits_for(widths, room, 2 * self.cell_padding)
        if limits == self._limits:
            return False
        self._limits = limits
        self._rebuild()
        return True

    def _rebuild(self) -> None:
        """Columns and rows again: a column keeps the widest width it ever had otherwise."""
        row = self.cursor_row
        rows = self._rows
        super().clear(columns=True)
        for label, limit in zip(self._labels, self._limits, strict=True):
            self.add_column(Text(middle_cut(label, limit)))
        for texts, key in rows:
            self._add(texts, key)
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1), animate=False)

    def _add(self, texts: list[str], key: str | None) -> None:
        self.add_row(*(Text(middle_cut(text, self._limits[i] if i < len(self._limits)
                                       else None)) for i, text in enumerate(texts)), key=key)
