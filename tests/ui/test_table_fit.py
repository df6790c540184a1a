"""A table's rows never outgrow its width (nobody scrolls a table sideways at the counter): the
widest column is shortened in the middle, whole groups kept around an ellipsis that stands
apart, so a shortened reference never reads as other digits or a decimal point."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from ui_helpers import frames
from whole import cuts_of

from recarga_tui.ui.widgets.table import PlainTable, limits_for, middle_cut

REFERENCE = "5555 5500 0000 0000 0000 0000 0000 00"


@pytest.mark.parametrize("text, width, shown", [
    (REFERENCE, 19, "5555 5500 … 0000 00"),
    ("Recarga telcel 2727215380", 20, "Recarga … 2727215380"),
    ("Paquete Amigo Sin Limite 500 MB", 16, "Paquete … 500 MB"),
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 10, "ABCDE…WXYZ"),
    ("Telcel", 10, "Telcel"),
])
def test_a_cell_is_cut_in_the_middle_between_groups(text, width, shown):
    assert middle_cut(text, width) == shown
    assert len(middle_cut(text, width)) <= width


def test_the_widest_column_gives_way_first():
    assert limits_for([5, 30, 8], 40, 2) == [None, 21, None]
    assert limits_for([5, 10, 8], 40, 2) == [None, None, None]


class Table(App[None]):
    def compose(self) -> ComposeResult:
        yield PlainTable(id="table")


async def test_r03_a_long_reference_keeps_the_table_within_the_screen():
    app = Table()
    async with app.run_test(size=(48, 10)) as pilot:
        table = app.query_one(PlainTable)
        table.set_columns(["Hora", "Número", "Monto", "Estado"])
        table.add_plain_row(["20:02", "272 721 5380", "$10.00", "realizada"])
        table.add_plain_row(["20:03", REFERENCE, "$450.50", "realizada"])
        await frames(pilot, 3)  # laid out at its size, whatever the machine's speed
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert "5555 5500 … 0000 00" in [str(cell) for cell in table.get_row_at(1)]
        assert str(table.get_row_at(0)[1]) == "272 721 5380"       # a short one stays whole
        assert cuts_of(app.screen) == []
        table.clear()                                               # a day without it
        table.add_plain_row(["20:02", "272 721 5380", "$10.00", "realizada"])
        await frames(pilot, 3)
        assert [str(column.label) for column in table.columns.values()][1] == "Número"
