"""Rows at 80x24: what gives way when a screen is short of them, decided after each layout of
a shop screen (the screen's public ``screen_layout_refresh_signal``) from the regions the
layout gave its widgets.

A screen is its status line, the dealer's two notices, its body, its message line (as many
rows as a failure's description takes, R01) and its keys. When the body's words would be cut
(a tall box beside a long message), the notices give way first: one row each, the dealer's
words shortened with an ellipsis (their label, level and age whole, R10), until the body has
the rows to spare again. Then the corner messages take the body's blank rows, if any
(``ui/corner.py``). The counter's words test walks every screen to hold it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.css.query import NoMatches
from textual.widget import Widget

from .corner import place, words_bottom
from .widgets.notices import NoticesBar

if TYPE_CHECKING:
    from textual.screen import Screen


def after_layout(screen: Screen[object]) -> None:
    """The notices squeezed or let out, then the corner messages placed."""
    try:
        body = screen.query_one("#body", Widget)
        bar = screen.query_one(NoticesBar)
    except NoMatches:
        return
    if body.region.area:
        blank = body.region.bottom - words_bottom(body)
        if blank < 0 and not bar.tight:
            bar.squeeze(True)
            return  # laid out again: placed then
        if bar.tight and blank >= bar.rows_regained():
            bar.squeeze(False)
            return
    place(screen)
