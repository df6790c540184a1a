"""Plain text on screen. Words come from the catalog and the dealer; a "[" in them is text,
never Textual markup, so a dealer's message can never break or restyle a screen."""

from __future__ import annotations

from textual.visual import VisualType
from textual.widgets import Static

from ..textual_private import PlacedOnce


class Line(PlacedOnce, Static):
    def __init__(self, content: str = "", *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(content, id=id, classes=classes, markup=False)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        # The same words again (a stage that clears an empty line, a repeated message): a new
        # text would lay the whole screen out again for nothing on screen changing.
        if isinstance(content, str) and content == self.content:
            return
        super().update(content, layout=layout)
