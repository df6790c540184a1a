"""What other terminals would show, for the SVG snapshots (which Textual always exports in true
colour): a line filter that turns every colour into the nearest of the 16 standard ones (or of
the 256), the same reduction Rich makes on the wire for such a terminal
(TEXTUAL_COLOR_SYSTEM=standard or 256)."""

from __future__ import annotations

from rich.color import ColorSystem
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter


def _reduced(style: Style | None, system: ColorSystem) -> Style | None:
    if style is None:
        return None
    color = style.color.downgrade(system) if style.color else None
    bgcolor = style.bgcolor.downgrade(system) if style.bgcolor else None
    return style + Style.from_color(color, bgcolor)


class FewerColours(LineFilter):
    def __init__(self, system: ColorSystem) -> None:
        super().__init__()
        self.system = system

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [Segment(text, _reduced(style, self.system), None) for text, style, _ in segments]


def in_sixteen_colours(app):
    """The app as a 16-colour terminal (the Linux console, xterm-16color) shows it."""
    app._filters.append(FewerColours(ColorSystem.STANDARD))
    return app


def in_256_colours(app):
    """The app as a 256-colour terminal (xterm-256color without true colour, PuTTY) shows it."""
    app._filters.append(FewerColours(ColorSystem.EIGHT_BIT))
    return app
