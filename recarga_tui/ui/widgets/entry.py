"""A typed field that is fed by its screen, not by focus.

Textual delivers each key to the widget focused when the key arrives; moving focus after an
Enter is handled later, so keys typed ahead (a fast cashier, a paste, a slow SSH link that
delivers a burst) could land in the field just left. Screens of the counter therefore keep
nothing focused, receive every key in one queue, in order, and feed the active field
themselves (see ``ShopScreen.on_key``).
"""

from __future__ import annotations

from textual.events import Key
from textual.reactive import reactive
from textual.widgets import Static

from ..textual_private import PlacedOnce

# What a field of money takes: digits, the decimal point or comma, the peso sign.
MONEY_CHARS = "0123456789.,$"


class Entry(PlacedOnce, Static):
    """One line of typed text: a label, the value (masked for passwords), a cursor when active."""

    value: reactive[str] = reactive("")
    active: reactive[bool] = reactive(False)

    def __init__(self, label: str, *, password: bool = False, max_length: int = 24,
                 allowed: str | None = None, max_digits: int | None = None,
                 id: str | None = None) -> None:
        super().__init__("", id=id, classes="entry")
        self.label = label
        self.password = password
        self.max_length = max_length
        self.allowed = allowed  # the characters it takes; None: any printable one
        self.max_digits = max_digits  # a phone number stops taking digits at its longest form

    def feed(self, event: Key) -> bool:
        """Apply a key; True when the key was for this field."""
        if event.key == "backspace":
            self.value = self.value[:-1]
            return True
        if event.key in ("ctrl+u", "delete"):
            self.value = ""
            return True
        char = event.character
        if event.is_printable and char and len(char) == 1:
            if self.allowed is not None and char not in self.allowed:
                return False
            if len(self.value) < self.max_length and not self._digits_full(char):
                self.value += char
            return True
        return False

    def _digits_full(self, char: str) -> bool:
        return (self.max_digits is not None and char.isdigit()
                and sum(c.isdigit() for c in self.value) >= self.max_digits)

    def watch_value(self) -> None:
        self._show()

    def watch_active(self, active: bool) -> None:
        self.set_class(active, "-active")
        self._show()

    def on_mount(self) -> None:
        self._show()

    def refresh_label(self) -> None:
        """Shown again after its screen changed ``label`` (another field of a product)."""
        self._show()

    def _show(self) -> None:
        shown = "•" * len(self.value) if self.password else self.value
        cursor = "_" if self.active else ""
        self.update(f"{self.label} {shown}{cursor}")
