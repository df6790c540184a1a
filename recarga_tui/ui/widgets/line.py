"""Plain text on screen. Words come from the catalog and the dealer; a "[" in them is text,
never Textual markup, so a dealer's message can never break or restyle a screen."""

from __future__ import annotations

from textual.content import Content
from textual.visual import VisualType
from textual.widgets import Static

from ..textual_private import PlacedOnce

ELLIPSIS = "…"


def rows_of(text: str, width: int) -> int:
    """The rows ``text`` takes wrapped at ``width`` columns, as a Static wraps it."""
    return sum(len(Content(line).wrap(width)) for line in text.split("\n")) \
        if width > 0 else 1


def fitted(head: str, text: str, tail: str, width: int, rows: int) -> str:
    """``head + text + tail`` in ``rows`` rows of ``width`` columns: whole when it fits, else
    ``text`` shortened at a word with an ellipsis the app chose, ``head`` and ``tail`` whole
    (a notice's label and age, R10)."""
    whole = head + text + tail
    if width <= 0 or rows_of(whole, width) <= rows:
        return whole
    words = text.split(" ")
    low, high = 0, len(words)  # how many of the text's words still fit
    while low < high:
        mid = (low + high + 1) // 2
        if rows_of(head + " ".join(words[:mid]).rstrip(" ,.;:·") + ELLIPSIS + tail,
                   width) <= rows:
            low = mid
        else:
            high = mid - 1
    return head + " ".join(words[:low]).rstrip(" ,.;:·") + ELLIPSIS + tail


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


class FittedLine(Line):
    """A line of words that may run long (a dealer's ticket): kept to its ``max-height``,
    shortened at a word with an ellipsis where the whole does not fit; the screen says
    where it is whole (the ticket's preview)."""

    def __init__(self, content: str = "", *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(content, id=id, classes=classes)
        self.whole = content

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        if isinstance(content, str):
            self.whole = content
            content = self._fit(content)
        super().update(content, layout=layout)

    def on_resize(self) -> None:
        super().update(self._fit(self.whole))

    def _fit(self, text: str) -> str:
        limit = self.styles.max_height
        if limit is None or not limit.is_cells or not self.size.width:
            return text
        return fitted("", text, "", self.size.width, int(limit.value))
