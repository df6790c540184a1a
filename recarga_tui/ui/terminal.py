"""What the terminal can show, decided once at start and on every resize.

- Size: the screens are laid out for 80x24. Below that a message replaces the screen (it never
  shows a broken layout), and keys do nothing but F10 until the window is large enough again,
  so a cashier cannot accept a read-back (R04) or record a payment (R05) without seeing it.
- Glyphs: the Linux console's fonts (TERM=linux) have the light box lines ┌─┐│└┘ of code page
  437 but not the rounded corners ╭╮╰╯, the half lines ╴╶ nor ⏎. There the borders are square
  and the big digits are drawn with the light lines only. ``RECARGA_TUI_GLYPHS=plain|full``
  overrides the guess (tmux on the console reports its own TERM, not ``linux``).
- Colour needs nothing here: Textual reads NO_COLOR and TEXTUAL_COLOR_SYSTEM itself, and every
  colour on the screens comes with a label or a text style that says the same thing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from textual import events
from textual.binding import Binding
from textual.filter import LineFilter

from .console_glyphs import ConsoleGlyphs

MIN_COLUMNS = 80
MIN_ROWS = 24
TOO_SMALL = "-too-small"
PLAIN_TERMS = ("linux", "vt100", "vt102", "vt220", "cons25")
# Key names whose Textual symbol the console font lacks.
PLAIN_KEY_NAMES = {"enter": "Enter", "escape": "Esc", "tab": "Tab", "backspace": "Bksp"}


def as_printed(shown: str) -> str:
    """A key as printed on the keyboard and on the key card (docs/keys.md): "F2", "A",
    "Ctrl+L", rather than Textual's "f2", "a", "^l"."""
    if re.fullmatch(r"f\d{1,2}|[a-z]", shown):
        return shown.upper()
    if re.fullmatch(r"\^[a-z]", shown):
        return f"Ctrl+{shown[1].upper()}"
    return shown


def wants_plain_glyphs(environ: Mapping[str, str] = os.environ) -> bool:
    choice = environ.get("RECARGA_TUI_GLYPHS", "").strip().lower()
    if choice in ("plain", "full"):
        return choice == "plain"
    term = environ.get("TERM", "")
    return term.startswith(PLAIN_TERMS)


def fits(columns: int, rows: int) -> bool:
    return columns >= MIN_COLUMNS and rows >= MIN_ROWS


# Seen by the type checker as the App it is mixed into; at run time a plain mixin, so the App
# class stays the one ``textual.app.App`` in its bases.
if TYPE_CHECKING:
    from textual.app import App

    _AppMixin = App[Any]
else:
    _AppMixin = object


class TerminalAware(_AppMixin):
    """Mixed into the App before ``textual.app.App``."""

    plain_glyphs: bool = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Read before App.__init__, which builds the stylesheet from get_css_variables().
        self.plain_glyphs = wants_plain_glyphs()
        super().__init__(*args, **kwargs)
        if self.plain_glyphs:
            self._console_glyphs = ConsoleGlyphs()

    def get_css_variables(self) -> dict[str, str]:
        variables = super().get_css_variables()
        # Screens draw their boxes with ``border: $shop-border <colour>``, the corner messages
        # their edge with ``$shop-edge`` (Textual's "outer" is a half block the console lacks).
        variables["shop-border"] = "solid" if self.plain_glyphs else "round"
        variables["shop-edge"] = "solid" if self.plain_glyphs else "outer"
        return variables

    def get_line_filters(self) -> Sequence[LineFilter]:
        filters = list(super().get_line_filters())
        if self.plain_glyphs:
            filters.append(self._console_glyphs)  # the last word: only drawable characters
        return filters

    def get_key_display(self, binding: Binding) -> str:
        if self.plain_glyphs and not binding.key_display:
            name = binding.key.split(",")[0]
            if name in PLAIN_KEY_NAMES:
                return PLAIN_KEY_NAMES[name]
        return as_printed(super().get_key_display(binding))

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(not fits(event.size.width, event.size.height), TOO_SMALL)

    @property
    def too_small(self) -> bool:
        return self.has_class(TOO_SMALL)
