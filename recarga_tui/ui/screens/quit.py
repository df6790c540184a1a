"""Leaving the app: asked first, saying what happens to what is under way.

F10 used to end the app at once, even while a top-up was being sent. Now it asks: what is
being sent (its answer will not be seen; the next start looks it up in the sales report, R16,
R19) and how many sales wait, then F10 again (or Enter) leaves and Esc stays.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen

from ...domain import phone
from ...domain.money import pesos
from ...i18n import t
from ..keys import key
from ..shop import shop_of
from ..widgets.box import Box
from ..widgets.keybar import KeyBar
from ..widgets.line import Line


class QuitModal(ModalScreen[bool]):
    CSS_PATH = "quit.tcss"
    BINDINGS = [
        # F10 again leaves (the App's own F10 does it; Enter too): the footer names F10, as
        # the box and the guide do.
        key("enter", "answer(True)", "key.quit_yes", key_display="F10"),
        key("n,escape", "answer(False)", "key.quit_no", key_display="N"),
    ]

    def compose(self) -> ComposeResult:
        with Box(id="quit-box"):
            yield Line(t("quit.ask"), id="quit-ask")
            for text in self._what_happens():
                yield Line(text, classes="quit-what")
            yield Line(t("quit.keys"), id="quit-keys")
        yield KeyBar(id="keys")

    def _what_happens(self) -> list[str]:
        services = shop_of(self).services
        said = []
        for ref in sorted(services.counter.in_flight):
            sale = services.notebook.get(ref)
            if sale is not None:
                said.append(t("quit.sending", amount=pesos(sale.amount),
                              number=phone.group(sale.msisdn)))
        pending = getattr(self.app, "pending_count", 0)
        if pending:
            said.append(t("quit.pending", count=pending))
        return said

    def action_answer(self, leave: bool) -> None:
        self.dismiss(leave)
