"""Big digits that every terminal can draw.

Textual's Digits draws with rounded corners and half lines (╭ ╮ ╴ ╶) or heavy lines (┏ ━), which
the Linux console's fonts do not have: there a number read back to the customer (R04) would come
out with holes. With the App's ``plain_glyphs`` this draws the same 3x3 digits with the light
lines of code page 437 only (┌ ┐ └ ┘ ─ │ ├ ┤ ┬ ┴ ┼). Those lines join when two digits touch
(5 next to 5 reads as one stroke), so each big character is followed by a blank column.

Only ``BigDigits`` is used by the screens, so every terminal gets the same code path."""

from __future__ import annotations

from rich.align import Align
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from textual.app import RenderResult as Rendered
from textual.geometry import Size
from textual.renderables.digits import DIGITS
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


class PlainDigitsRenderable:
    """The three rows of a number in the light lines of code page 437, in one style."""

    def __init__(self, text: str, style: Style) -> None:
        self.text, self.style = text, style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        style = self.style + Style(meta={"offset": (0, 0)})
        for row in plain_rows(self.text):
            yield Segment(row, style)
            yield Segment.line()


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

    def render(self) -> Rendered:
        if not self.plain:
            return super().render()
        # As Digits.render lays its digits out (aligned, in the widget's style), with the
        # console's lines.
        align = self.styles.text_align
        method = align if align in ("left", "center", "right") else "left"
        return Align(PlainDigitsRenderable(self.value, self.rich_style), method,
                     self.rich_style)
