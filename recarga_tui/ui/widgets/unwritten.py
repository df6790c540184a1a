"""What the notebook could not write yet, said on the screen of the outcome itself.

The dealer's answer is shown as it is (receipt and folio, or the rejection) whatever the disk
does; when the disk refused it, this line says so and what to do, and once the app has written
it (``services/notebook.py``) the line says that instead (R02, R03, R16).
"""

from __future__ import annotations

from ...i18n import t
from ...services.events import Event
from ..messages import SaleChanged
from ..shop import shop_of
from .line import Line

REASONS = {"journal.disk_full": "notebook.why.disk_full",
           "journal.disk_read_only": "notebook.why.disk_read_only"}


class UnwrittenNote(Line):
    """Empty while the sale's newest step is on disk; otherwise the warning, in red."""

    def __init__(self, ref: str, *, id: str | None = "unwritten") -> None:
        super().__init__("", id=id)
        self.ref = ref
        self._was_unwritten = False

    def on_mount(self) -> None:
        self._show()
        # Told when the notebook records the sale (kept in memory, or written at last).
        shop_of(self).services.notebook.events.add(self._told)

    def on_unmount(self) -> None:
        shop_of(self).services.notebook.events.remove(self._told)

    def _told(self, event: Event) -> None:
        if event.sale.ref == self.ref:
            self.post_message(SaleChanged(event.sale))

    def on_sale_changed(self, message: SaleChanged) -> None:
        self._show()

    def _show(self) -> None:
        notebook = shop_of(self).services.notebook
        why = notebook.unwritten_reason(self.ref)
        if why is not None:
            self._was_unwritten = True
            self.update(t("notebook.unwritten",
                          why=t(REASONS.get(why, "notebook.why.write_failed"))))
        elif self._was_unwritten:
            self.update(t("notebook.written_now"))
        self.display = self._was_unwritten
        self.set_class(why is not None, "-error")
