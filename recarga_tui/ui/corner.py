"""Corner messages: where they stand and how long they stay.

What the app tells while the cashier is elsewhere (a lost sale found, a deferred sale gone
out, a ticket printed after its screen closed) comes in a corner message, Textual's toast.
Two rules keep it from hiding what the screen says:

- **Where**: only over the screen's own blank rows, the ones under the last words of its body
  and above its message line. The messages that fit whole there show, the newest first; the
  others wait, unseen, for a screen with room (home has plenty) while their time runs. A
  screen whose body is full (the cash close, a long table) shows none, and the windows over a
  screen (the lock, a question) show none either (``app.tcss``).
- **How long**: a message about a sale is withdrawn as soon as that sale moves on (a sale
  found "not arrived" that was sent again and arrived) and while the sale's own screen is on
  top, which says it already; the rest leave when their time is up or a new sale starts.

Textual lays the toasts in a rack docked at the bottom of the screen; here the rack's bottom
margin and height are set after each layout of a shop screen (``ui/room.py``) from the
regions the layout gave its widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.css.query import NoMatches
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen

RACK = "#textual-toastrack"  # Textual's own id for a screen's rack of toasts


def words_bottom(body: Widget) -> int:
    """The row under the body's last words (or border): every row from there down to the
    body's bottom is blank. Past the body's bottom when its words do not fit; words a
    scrolling box holds below its view count as far as the box reaches (they are scrolled
    to, not cut)."""
    bottom = body.content_region.y
    for widget in body.walk_children(Widget):
        if not widget.display or not widget.visible or not widget.region.area:
            continue
        ancestors = [node for node in widget.ancestors if isinstance(node, Widget)]
        if any(not node.display for node in ancestors):
            continue
        shown_children = [child for child in widget.children if child.display]
        if shown_children and widget.styles.border_bottom[0] in ("", "none", "hidden"):
            continue
        reach = widget.region.bottom
        for node in ancestors:
            if node is body:
                break
            if node.styles.overflow_y in ("auto", "scroll"):
                reach = min(reach, node.region.bottom)
        bottom = max(bottom, reach)
    return bottom


def place(screen: Screen[object]) -> None:
    """Stand the screen's corner messages over the blank rows at the foot of its body: as many
    whole messages as fit, the newest; none when no row is blank."""
    try:
        rack = screen.query_one(RACK, Widget)
        body = screen.query_one("#body", Widget)
    except NoMatches:
        return
    if not body.region.area:
        return
    blank = max(0, body.region.bottom - words_bottom(body))
    below = max(0, screen.size.height - body.region.bottom)
    room = 0
    for holder in reversed(list(rack.children)):  # the newest is the last one
        # Laid out whole even where the rack shows none of it.
        tall = sum(toast.outer_size.height for toast in holder.children)
        if not tall or room + tall > blank:
            break
        room += tall
    styles = rack.styles
    if styles.margin.bottom != below:
        styles.margin = (0, 0, below, 0)
    if styles.max_height is None or styles.max_height.value != room:
        styles.max_height = room
