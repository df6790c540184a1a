"""What other terminals would show, for the SVG snapshots (which Textual always exports in true
colour): a line filter that turns every colour into the nearest of the 16 standard ones, the
same reduction Rich makes on the wire for a 16-colour terminal (TEXTUAL_COLOR_SYSTEM=standard)."""

from __future__ import annotations

from rich.color import ColorSystem
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter


def _sixteen(style: Style | None) -> Style | None:
    if style is None:
        return None
    color = style.color.downgrade(ColorSystem.STANDARD) if style.color else None
    bgcolor = style.bgcolor.downgrade(ColorSystem.STANDARD) if style.bgcolor else None
    return style + Style.from_color(color, bgcolor)


class SixteenColours(LineFilter):
    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [Segment(text, _sixteen(style), None) for text, style, _ in segments]


def in_sixteen_colours(app):
    """The app as a 16-colour terminal (the Linux console, xterm-16color) shows it."""
    app._filters.append(SixteenColours())
    return app
