"""The ticket as it prints, on screen: for a shop without a printer (the cashier shows it or
reads the folio out) and to see a ticket before printing it. It only shows: nothing here
prints, journals or sends."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from ...i18n import t
from ..keys import key
from ..widgets.box import Box
from ..widgets.keybar import KeyBar
from ..widgets.line import Line


class TicketPreview(ModalScreen[None]):
    CSS_PATH = "ticket_preview.tcss"
    BINDINGS = [
        key("up", "scroll(-1)", "key.up", key_display="↑"),
        key("down", "scroll(1)", "key.down", key_display="↓"),
        key("escape,enter,v", "close", "key.close_preview", key_display="Enter"),
    ]

    def __init__(self, text: str, columns: int, note: str = "") -> None:
        super().__init__()
        self.text = text
        self.columns = columns
        self.note = note

    def compose(self) -> ComposeResult:
        with Box(id="preview-box"):
            yield Line(t("print.preview_title", columns=self.columns), id="preview-title")
            with VerticalScroll(id="preview-scroll", can_focus=False):
                yield Line(self.text, id="preview-text")
            if self.note:
                yield Line(self.note, id="preview-note")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        # The paper's width plus the border, the padding and the scrollbar's room: each line
        # on one row, as it prints.
        scrollbar = self.query_one("#preview-scroll").styles.scrollbar_size_vertical
        self.query_one("#preview-box").styles.width = self.columns + 4 + scrollbar

    def action_scroll(self, delta: int) -> None:
        self.query_one("#preview-scroll", VerticalScroll).scroll_relative(y=delta * 3,
                                                                           animate=False)

    def action_close(self) -> None:
        self.dismiss(None)  # the modal's own answer: the router closes it
