"""The message that replaces a screen when the window is smaller than 80x24 (ui/terminal.py).

Every shop screen holds one, hidden; the App's ``-too-small`` class shows it and hides the rest,
so the screen underneath keeps its state and comes back as it was when the window grows. It is
one widget, not a box of lines: every screen carries it, and each widget costs at start-up."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...i18n import t
from ..terminal import MIN_COLUMNS, MIN_ROWS


class TooSmall(Static):
    # Not scoped: these rules hide the screen's other parts, not only parts of this widget.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    TooSmall { display: none; }
    App.-too-small Screen > * { display: none; }
    App.-too-small Screen > TooSmall { display: block; height: 1fr; padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__("", markup=False)

    def on_resize(self) -> None:
        size = self.app.size
        text = Text(t("terminal.too_small.title"), style="bold reverse")
        text.append("\n" + t("terminal.too_small.need", width=MIN_COLUMNS, height=MIN_ROWS,
                               columns=size.width, rows=size.height))
        text.append("\n" + t("terminal.too_small.what"))
        self.update(text)
