"""Whether a screen shows every word whole at its size: what the counter's words test asks of
each state it walks (``test_words_whole.py``).

A screen is cut where:

- a widget stands past the room its parent gives it (a line past column 80, a box's last line
  or border under the footer), unless the parent scrolls that way with a scrollbar in sight
  (the help, the cash close, a long table: the cashier sees there is more and scrolls);
- a widget's own text needs more rows than it was given (a ``max-height``, a fixed height), or
  more columns where it does not wrap (a footer key);
- a table's columns are wider than the table (nobody scrolls a table sideways here);
- an ellipsis shows that the words did not write (text cut by the terminal, not by a screen
  that chose to shorten it, as the status line shortens the shop's name);
- a corner message stands over a box's words.

Everything here reads Textual's public API: a widget's ``region``, ``content_region``,
``scrollable_content_region``, ``get_content_height`` / ``get_content_width`` and
``render_lines``, and the screen's ``find_widget``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from textual.geometry import Region, Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Static
from textual.widgets._toast import Toast, ToastRack

ELLIPSIS = "…"


@dataclass(frozen=True)
class Cut:
    """One place where words are not whole."""

    where: str    # the widget, as a path of ids and classes from the screen
    what: str     # how it is cut
    text: str     # the start of its words

    def __str__(self) -> str:
        return f"{self.where}: {self.what}" + (f" [{self.text}]" if self.text else "")


def path(widget: Widget) -> str:
    parts = []
    node: Widget | None = widget
    while node is not None and not isinstance(node, Screen):
        parts.append(f"{type(node).__name__}#{node.id}" if node.id else type(node).__name__)
        node = node.parent if isinstance(node.parent, Widget) else None
    return " > ".join(reversed(parts))


def words_of(widget: Widget) -> str:
    """The text a widget was given (before any terminal cut it)."""
    if isinstance(widget, DataTable):
        cells = [str(column.label) for column in widget.columns.values()]
        for row in range(widget.row_count):
            cells.extend(str(cell) for cell in widget.get_row_at(row))
        return " ".join(cells)
    if isinstance(widget, Toast):
        return str(widget.render())
    if isinstance(widget, Static):
        return str(widget.visual) if widget.visual is not None else ""
    return ""


def rendered(widget: Widget) -> list[str]:
    """The widget's rows as drawn, borders and padding included."""
    size = widget.region.size  # borders and padding too (``size`` is the content's)
    if not size.width or not size.height:
        return []
    return [strip.text for strip in widget.render_lines(Region(0, 0, size.width, size.height))]


def _start(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 60 else line[:59] + ELLIPSIS


def _is_system(widget: Widget) -> bool:
    """Textual's own layers (corner messages, tooltips): judged apart."""
    return any(node.has_class("-textual-system") for node in widget.ancestors_with_self
               if isinstance(node, Widget))


def shown(screen: Screen) -> Iterator[Widget]:
    """The widgets laid out on the screen, parents before children, the hidden skipped."""
    def walk(node: Widget) -> Iterator[Widget]:
        for child in node.children:
            if not child.display or not child.visible:
                continue
            if child.region.area == 0:
                continue
            yield child
            yield from walk(child)

    yield from walk(screen)


def _scrolls_down(widget: Widget) -> bool:
    """The cashier can see that there is more below and reach it."""
    return bool(widget.show_vertical_scrollbar and widget.scrollbar_size_vertical)


def layout_cuts(screen: Screen) -> list[Cut]:
    cuts: list[Cut] = []
    cut: set[Widget] = set()  # only the outermost widget of a cut is told
    width, height = screen.size
    for widget in shown(screen):
        if _is_system(widget) or any(node in cut for node in widget.ancestors):
            continue
        region = widget.region
        parent = widget.parent
        room = (parent.scrollable_content_region if isinstance(parent, Widget)
                and not isinstance(parent, Screen) else Region(0, 0, width, height))
        if isinstance(parent, Widget) and not isinstance(parent, Screen) and parent.styles.dock:
            room = parent.region  # a docked bar's parts may stand on its own padding
        problems = []
        if region.right > width:
            problems.append(f"past column {width} by {region.right - width}")
        elif region.right > room.right or region.x < room.x:
            over = max(region.right - room.right, room.x - region.x)
            problems.append(f"wider than its room by {over} column(s)")
        if region.bottom > room.bottom or region.y < room.y:
            if not (isinstance(parent, Widget) and _scrolls_down(parent)):
                over = max(region.bottom - room.bottom, room.y - region.y)
                problems.append(f"taller than its room by {over} row(s)")
        if problems:
            cut.add(widget)
            cuts.append(Cut(path(widget), ", ".join(problems), _start(words_of(widget))))
    return cuts


def content_cuts(screen: Screen) -> list[Cut]:
    """Text that needs more room than its widget was given."""
    cuts: list[Cut] = []
    for widget in shown(screen):
        if _is_system(widget) or widget.is_container:
            continue
        inner = widget.content_region
        if isinstance(widget, DataTable):
            wide = widget.virtual_size.width
            if wide > widget.scrollable_content_region.width:
                cuts.append(Cut(path(widget), f"columns {wide} wide in "
                                f"{widget.scrollable_content_region.width}", ""))
                continue
        elif widget.is_scrollable:
            continue
        container = (widget.parent.content_region.size if isinstance(widget.parent, Widget)
                     else screen.size)
        viewport = Size(*screen.size)
        if inner.width and not widget.is_scrollable:
            needs = widget.get_content_height(container, viewport, inner.width)
            if needs > inner.height:
                cuts.append(Cut(path(widget), f"needs {needs} row(s), shows {inner.height}",
                                _start(words_of(widget))))
                continue
        if widget.styles.text_wrap == "nowrap" and not widget.is_scrollable:
            needs = widget.get_content_width(container, viewport)
            if needs > inner.width:
                cuts.append(Cut(path(widget), f"needs {needs} column(s), shows {inner.width}",
                                _start(words_of(widget))))
                continue
        drawn = "".join(rendered(widget))
        if drawn.count(ELLIPSIS) > words_of(widget).count(ELLIPSIS):
            cuts.append(Cut(path(widget), "an ellipsis its words do not have",
                            _start(words_of(widget))))
    return cuts


def covered(screen: Screen) -> list[Cut]:
    """Corner messages standing over a box's words (a blank cell under them is no harm)."""
    cuts: list[Cut] = []
    toasts = [toast for rack in screen.query(ToastRack) if rack.display
              for toast in rack.query(Toast)
              if screen.find_widget(toast).visible_region.area]
    if not toasts:
        return cuts
    leaves = [w for w in shown(screen) if not _is_system(w) and not w.children]
    for toast in toasts:
        over = screen.find_widget(toast).visible_region
        for widget in leaves:
            visible = screen.find_widget(widget).visible_region
            both = visible.intersection(over)
            if not both.area:
                continue
            rows = rendered(widget)
            ox, oy = widget.region.offset
            hidden = []
            for y in range(both.y, both.bottom):
                row = rows[y - oy] if 0 <= y - oy < len(rows) else ""
                hidden.append(row[both.x - ox: both.right - ox])
            words = " ".join(" ".join(hidden).split())
            if words:
                cuts.append(Cut(path(widget), f"under the corner message "
                                f"\"{_start(words_of(toast))}\"", _start(words)))
    return cuts


async def settled(pilot) -> None:
    """Let the app run until a pause moves nothing on screen: what gives way when rows are
    short (``ui/room.py``) does so a layout after the words that asked for it."""
    before = None
    for _ in range(6):
        await pilot.pause()
        now = tuple((widget, widget.region) for widget in shown(pilot.app.screen))
        if now == before:
            return
        before = now


def picture(screen: Screen) -> str:
    """The screen as the cashier sees it, one string a row (for a failure's message)."""
    drawn: dict[Widget, list[str]] = {}
    rows = []
    width, height = screen.size
    for y in range(height):
        row = []
        for x in range(width):
            try:
                widget, region = screen.get_widget_at(x, y)
            except Exception:
                row.append(" ")
                continue
            lines = drawn.setdefault(widget, rendered(widget))
            line = lines[y - region.y] if 0 <= y - region.y < len(lines) else ""
            row.append(line[x - region.x] if 0 <= x - region.x < len(line) else " ")
        rows.append("".join(row).rstrip())
    return "\n".join(rows)


def cuts_of(screen: Screen) -> list[Cut]:
    """Every place the screen does not show its words whole."""
    return layout_cuts(screen) + content_cuts(screen) + covered(screen)
