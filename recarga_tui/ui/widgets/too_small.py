"""The message that replaces a screen when the window is smaller than 80x24 (ui/terminal.py).

Every shop screen holds one, hidden; the App's ``-too-small`` class shows it and hides the rest,
so the screen underneath keeps its state and comes back as it was when the window grows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from ...i18n import t
from ..terminal import MIN_COLUMNS, MIN_ROWS
from .line import Line


class TooSmall(Vertical):
    # Not scoped: these rules hide the screen's other parts, not only parts of this widget.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    TooSmall { display: none; }
    App.-too-small Screen > * { display: none; }
    App.-too-small Screen > TooSmall { display: block; height: 1fr; padding: 0 1; }
    TooSmall #too-small-title { text-style: bold reverse; }
    """

    def compose(self) -> ComposeResult:
        yield Line(t("terminal.too_small.title"), id="too-small-title")
        yield Line("", id="too-small-need")
        yield Line(t("terminal.too_small.what"), id="too-small-what")

    def on_mount(self) -> None:
        self._show_size()

    def on_resize(self) -> None:
        self._show_size()

    def _show_size(self) -> None:
        size = self.app.size
        self.query_one("#too-small-need", Line).update(
            t("terminal.too_small.need", width=MIN_COLUMNS, height=MIN_ROWS,
              columns=size.width, rows=size.height))
