"""The key bar: the screen's keys, drawn from its ``active_bindings`` as one widget.

One ``Static`` holds every key as one line of text (or a few rows of equal columns, for a
screen with more keys than 80 columns hold: ``ShopScreen.FOOTER_IN_ROWS``). When the screen's
keys change (Textual publishes ``bindings_updated_signal``), the bar works out what it shows
and, if that changed, repaints itself: one widget update in the frame of the change, no key
widgets mounted, moved or removed. What it shows is what Textual's Footer would show: the keys
whose binding is shown and whose action ``check_action`` does not refuse (dim where it answers
None), one a action (its first key), the keys of a group together under the group's words. The
words come from the catalog when they are drawn (``keys.label``), in the shop's language.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from msgspec import Struct
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from ..keys import label
from ..terminal import MIN_COLUMNS
from ..textual_private import PlacedOnce


class Shown(Struct, frozen=True):
    """One place in the bar: a key (or a group's keys) and its words, and whether it acts."""

    key: str      # the key a click on it presses (a group's first)
    display: str  # as printed on the keyboard: "F2", "Enter", "↑↓"
    words: str    # in the shop's language
    enabled: bool

    @property
    def width(self) -> int:
        """Its cells in a row of the bar: the key, a space, the words."""
        return cell_len(self.display) + 1 + cell_len(self.words)


def shown_keys(screen: Screen[Any]) -> tuple[Shown, ...]:
    """The screen's keys in the order and grouping of Textual's Footer."""
    by_action: dict[str, tuple[Binding, bool]] = {}
    for _node, binding, enabled, _tooltip in screen.active_bindings.values():
        if binding.show:
            by_action.setdefault(binding.action, (binding, enabled))
    display = screen.app.get_key_display
    places: list[Shown] = []
    for group, runs in groupby(by_action.values(), lambda run: run[0].group):
        firsts = list(runs)
        if group is not None and len(firsts) > 1:
            places.append(Shown(firsts[0][0].key, "".join(display(b) for b, _e in firsts),
                                label(group.description), any(e for _b, e in firsts)))
        else:
            places += [Shown(b.key, display(b), label(b.description), e) for b, e in firsts]
    return tuple(places)


def columns_for(places: tuple[Shown, ...], width: int) -> int:
    """How many equal columns fit ``width`` when the widest key must show whole."""
    if not places:
        return 1
    return max(1, min(len(places), width // (max(p.width for p in places) + 1)))


DIM = Style(dim=True)  # a key that does not act now, as Textual's Footer shows it


class Span(Struct, frozen=True):
    """Where a key stands in the bar, for a click on it."""

    row: int
    start: int
    end: int
    shown: Shown


class KeyBar(PlacedOnce, Static):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        width: 100%;
        height: 1;
        text-wrap: nowrap;
        color: $footer-foreground;
        background: $footer-background;
        &.-rows {
            height: auto;
            max-height: 3;
        }
        .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keybar--words {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """
    COMPONENT_CLASSES = {"keybar--key", "keybar--words"}
    ALLOW_SELECT = False

    def __init__(self, *, rows: bool = False, id: str | None = None) -> None:
        super().__init__("", id=id, classes="-rows" if rows else "")
        self.rows = rows
        self.shown: tuple[Shown, ...] = ()
        self.spans: list[Span] = []
        self._drawn_width = 0
        self._drawn_rows = 1

    def on_mount(self) -> None:
        # At once, with what changed the keys: the bar is painted in the frame of the change.
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed,
                                                      immediate=True)
        self.draw()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if screen is self.screen and self.is_attached:
            self.draw()

    def on_resize(self, event: events.Resize) -> None:
        if self.rows and self.width_for_rows() != self._drawn_width:
            self.draw(again=True)

    def width_for_rows(self) -> int:
        """The bar's width; before its first layout, the terminal's (the bar spans it)."""
        return self.size.width or max(MIN_COLUMNS, self.app.size.width)

    def draw(self, *, again: bool = False) -> None:
        """Repaint the bar if what it shows changed: one update of this one widget."""
        now = shown_keys(self.screen)
        if now == self.shown and not again:
            return
        self.shown = now
        key_style = self.get_component_rich_style("keybar--key")
        words_style = self.get_component_rich_style("keybar--words")
        text = (self.in_rows(now, key_style, words_style) if self.rows
                else self.in_line(now, key_style, words_style))
        rows = len(text.split("\n")) if self.rows else 1
        self.update(text, layout=rows != self._drawn_rows)
        self._drawn_rows = rows

    def in_line(self, places: tuple[Shown, ...], key_style: Style, words_style: Style) -> Text:
        text = Text(no_wrap=True, end="")
        self.spans = []
        for shown in places:
            dim = Style.null() if shown.enabled else DIM
            start = text.cell_len
            text.append(f" {shown.display} ", key_style + dim)
            text.append(f"{shown.words} ", words_style + dim)
            self.spans.append(Span(0, start, text.cell_len, shown))
        return text

    def in_rows(self, places: tuple[Shown, ...], key_style: Style, words_style: Style) -> Text:
        """Equal columns as wide as the widest key allows, as many rows as they take."""
        width = self._drawn_width = self.width_for_rows()
        columns = columns_for(places, width)
        starts = [width * n // columns for n in range(columns + 1)]
        lines: list[Text] = []
        self.spans = []
        for index, shown in enumerate(places):
            row, column = divmod(index, columns)
            if column == 0:
                lines.append(Text(no_wrap=True, end=""))
            line = lines[-1]
            dim = Style.null() if shown.enabled else DIM
            line.append(" " * (starts[column] - line.cell_len))
            line.append(shown.display, key_style + dim)
            line.append(f" {shown.words}", words_style + dim)
            self.spans.append(Span(row, starts[column], line.cell_len, shown))
        return Text("\n", no_wrap=True, end="").join(lines)

    def on_click(self, event: events.Click) -> None:
        """A key clicked is pressed; one that does not act here now rings."""
        for span in self.spans:
            if span.row == event.y and span.start <= event.x < span.end:
                if span.shown.enabled:
                    self.app.simulate_key(span.shown.key)
                else:
                    self.app.bell()
                return
