"""Plain text on screen. Words come from the catalog and the dealer; a "[" in them is text,
never Textual markup, so a dealer's message can never break or restyle a screen."""

from __future__ import annotations

from textual.widgets import Static


class Line(Static):
    def __init__(self, content: str = "", *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(content, id=id, classes=classes, markup=False)
