"""Big digits that every terminal can draw.

Textual's Digits draws with rounded corners and half lines (╭ ╮ ╴ ╶) or heavy lines (┏ ━), which
the Linux console's fonts do not have: there a number read back to the customer (R04) would come
out with holes. With the App's ``plain_glyphs`` this draws the same 3x3 digits with the light
lines of code page 437 only (┌ ┐ └ ┘ ─ │ ├ ┤ ┬ ┴ ┼). Those lines join when two digits touch
(5 next to 5 reads as one stroke), so each big character is followed by a blank column.

Only ``BigDigits`` is used by the screens, so every terminal gets the same code path."""

from __future__ import annotations

from rich.align import Align
from rich.segment import Segment
from rich.style import Style
from textual.app import RenderResult
from textual.geometry import Size
from textual.renderables.digits import DIGITS
from textual.renderables.digits import Digits as DigitsRenderable
from textual.widgets import Digits

from ..textual_private import PlacedOnce

PLAIN = {
    " ": ("   ", "   ", "   "),
    "0": ("┌─┐", "│ │", "└─┘"),
    "1": ("─┐ ", " │ ", "─┴─"),
    "2": ("──┐", "┌─┘", "└──"),
    "3": ("──┐", " ─┤", "──┘"),
    "4": ("│ │", "└─┤", "  │"),
    "5": ("┌──", "└─┐", "──┘"),
    "6": ("┌──", "├─┐", "└─┘"),
    "7": ("──┐", "  │", "  │"),
    "8": ("┌─┐", "├─┤", "└─┘"),
    "9": ("┌─┐", "└─┤", "──┘"),
    "+": ("   ", "─┼─", "   "),
    "-": ("   ", "───", "   "),
    ":": ("   ", " : ", " : "),
    "$": ("┌┼─", "└┼┐", "─┼┘"),
}


GAP = " "


def plain_width(text: str) -> int:
    return sum(3 + len(GAP) if char in DIGITS else 1 for char in text)


def plain_rows(text: str) -> tuple[str, str, str]:
    """The three rows of ``text``; a character without big form sits on the last row."""
    rows: tuple[list[str], list[str], list[str]] = ([], [], [])
    for char in text:
        if char in DIGITS:
            glyph = tuple(row + GAP for row in PLAIN.get(char, ("   ", f" {char} ", "   ")))
        else:
            glyph = (" ", " ", char)
        for row, piece in zip(rows, glyph, strict=False):
            row.append(piece)
    return "".join(rows[0]), "".join(rows[1]), "".join(rows[2])


class PlainDigitsRenderable(DigitsRenderable):
    @classmethod
    def get_width(cls, text: str) -> int:
        return plain_width(text)

    def render(self, style: Style) -> list[Segment]:
        out: list[Segment] = []
        for row in plain_rows(self._text):
            out += [Segment(row, style + Style(meta={"offset": (0, 0)})), Segment.line()]
        return out


class BigDigits(PlacedOnce, Digits):
    """Textual's Digits, drawn with console-safe lines where the App asks for plain glyphs."""

    @property
    def plain(self) -> bool:
        return bool(getattr(self.app, "plain_glyphs", False))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        if self.plain:
            return plain_width(self.value)
        return super().get_content_width(container, viewport)

    def update(self, value: str) -> None:
        # Digits compares Textual's widths to decide on a new layout; ours differ.
        super().update(value)
        if self.plain:
            self.refresh(layout=True)

    def render(self) -> RenderResult:
        rendered = super().render()
        # The Align built by Digits.render wraps the renderable: swap what it aligns.
        if self.plain and isinstance(rendered, Align):
            digits = rendered.renderable
            if isinstance(digits, DigitsRenderable):
                rendered.renderable = PlainDigitsRenderable(self.value, digits._style)
        return rendered
