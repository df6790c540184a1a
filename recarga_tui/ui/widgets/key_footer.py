"""The shop's footers: one that changes only the keys that changed, and one in rows (the home
screen has more keys than one 80-column line holds, and every key must show: the cashier
learns the keys from the footer)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import groupby
from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

from ..terminal import MIN_COLUMNS
from ..textual_private import footer_key_enabled


@dataclass(frozen=True)
class Key:
    """One key as the footer shows it, apart from whether it acts now."""

    key: str
    display: str
    description: str
    action: str


@dataclass(frozen=True)
class Shown:
    """One place in the footer: a key, or a group of keys under one description (``↑↓
    Mover``), with whether each acts now and its tooltip."""

    keys: tuple[Key, ...]
    enabled: tuple[bool, ...]
    tooltips: tuple[str, ...]
    group: Any = None  # the Binding.Group of a group of keys, None for a key alone

    @property
    def place(self) -> tuple[Any, ...]:
        """What stays when only whether the keys act changes."""
        return self.keys, self.group


def showing(screen: Screen[Any]) -> list[Shown]:
    """The screen's keys in the footer's order, grouped as Textual's Footer groups them: one
    place per action (its first key), consecutive actions of one group together."""
    by_action: defaultdict[str, list[tuple[Any, bool, str]]] = defaultdict(list)
    for _node, binding, enabled, tooltip in screen.active_bindings.values():
        if binding.show:
            by_action[binding.action].append((binding, enabled, tooltip))
    display = screen.app.get_key_display
    places: list[Shown] = []
    for group, runs in groupby(by_action.values(), lambda run: run[0][0].group):
        firsts = [run[0] for run in runs]
        if group is not None and len(firsts) > 1:
            places.append(Shown(
                tuple(Key(b.key, display(b), "", b.action) for b, _e, _t in firsts),
                tuple(e for _b, e, _t in firsts),
                tuple(t or b.description for b, _e, t in firsts), group))
        else:
            places += [Shown((Key(b.key, display(b), b.description, b.action),), (e,), (t,))
                       for b, e, t in firsts]
    return places


class ShopFooter(Footer):
    """Textual's Footer, with its keys from the first frame, where a change of the screen's
    keys touches only the keys that changed.

    Textual's Footer composes empty, then removes and mounts every key (a widget each, each
    restyled) after every ``refresh_bindings``: a screen change rebuilt it several times, and a
    stage of the capture that shows or hides one key rebuilt all of them. Here a key that comes
    or goes is mounted or removed in its place and one that starts or stops acting is restyled
    alone; the keys shown are those Textual's rebuild would show, in its order
    (``tests/ui/test_shop_footer.py`` holds the two equal)."""

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(show_command_palette=False, compact=compact)
        self._places: list[tuple[Shown, list[Widget]]] = []

    def compose(self) -> ComposeResult:
        self._places = [(shown, self.widgets_for(shown)) for shown in showing(self.screen)]
        for _shown, widgets in self._places:
            yield from widgets

    def widgets_for(self, shown: Shown) -> list[Widget]:
        if shown.group is None:
            return [self.key_widget(shown.keys[0], shown.enabled[0], shown.tooltips[0])]
        keys = [self.key_widget(key, enabled, tooltip, grouped=True)
                for key, enabled, tooltip in zip(shown.keys, shown.enabled, shown.tooltips,
                                                     strict=True)]
        return [KeyGroup(*keys, classes="-compact" if shown.group.compact else ""),
                FooterLabel(shown.group.description)]

    def key_widget(self, key: Key, enabled: bool, tooltip: str, *,
                   grouped: bool = False) -> FooterKey:
        classes = [name for name, on in (("-grouped", grouped), ("-compact", self.compact)) if on]
        widget = FooterKey(key.key, key.display, key.description, key.action,
                           disabled=not enabled, tooltip=tooltip, classes=" ".join(classes))
        # As Footer's data_bind leaves it, without restyling the key twice more on mount.
        widget.set_reactive(FooterKey.compact, self.compact)
        return widget

    def show_enabled(self, widgets: Sequence[Widget], shown: Shown) -> None:
        keys = widgets[0].children if shown.group is not None else widgets[:1]
        for key, enabled, tooltip in zip(keys, shown.enabled, shown.tooltips, strict=True):
            if isinstance(key, FooterKey):
                footer_key_enabled(key, enabled, tooltip)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        # Textual's Footer waits for the terminal's focus too: it comes with a new
        # refresh_bindings.
        if screen is not self.screen or not self.is_attached or not screen.app.app_focus:
            return
        now = showing(screen)
        if now != [shown for shown, _widgets in self._places]:
            self._places = list(self._changed(now))
            self.keys_changed()

    def _changed(self, now: list[Shown]) -> Iterable[tuple[Shown, list[Widget]]]:
        """The footer's places after ``now``: kept, restyled, removed or mounted in place."""
        was = self._places
        matcher = SequenceMatcher(None, [shown.place for shown, _ in was],
                                  [shown.place for shown in now], autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                for (before, widgets), after in zip(was[i1:i2], now[j1:j2], strict=True):
                    if before != after:
                        self.show_enabled(widgets, after)
                    yield after, widgets
                continue
            for _before, widgets in was[i1:i2]:
                for widget in widgets:
                    widget.remove()
            anchor = was[i2][1][0] if i2 < len(was) else None
            for after in now[j1:j2]:
                widgets = self.widgets_for(after)
                self.mount(*widgets, before=anchor)
                yield after, widgets

    def keys_changed(self) -> None:
        """After keys came, went or changed (a footer laid out by its keys lays out anew)."""


class KeyFooter(ShopFooter):
    DEFAULT_CSS = """
    KeyFooter {
        layout: grid;
        grid-columns: 1fr;
        grid-rows: 1;
        grid-gutter: 0;
        height: auto;
        max-height: 3;
        FooterKey {
            margin: 0;
            width: 1fr;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__(compact=True)

    def compose(self) -> ComposeResult:
        yield from super().compose()
        self.keys_changed()

    def widgets_for(self, shown: Shown) -> list[Widget]:
        # A group is one key here (``↑↓ Mover``): the grid gives every widget a cell, and a
        # group's keys and its label apart would read as three keys.
        if shown.group is None:
            return super().widgets_for(shown)
        first = shown.keys[0]
        key = Key(first.key, "".join(k.display for k in shown.keys), shown.group.description,
                  first.action)
        return [self.key_widget(key, any(shown.enabled), "")]

    def show_enabled(self, widgets: Sequence[Widget], shown: Shown) -> None:
        if shown.group is None:
            super().show_enabled(widgets, shown)
        elif isinstance(widgets[0], FooterKey):
            footer_key_enabled(widgets[0], any(shown.enabled), "")

    def keys_changed(self) -> None:
        # Footer sets one column per key; as many columns as the widest key leaves room for
        # make rows instead, so no key's words are cut.
        keys = [widget for _shown, widgets in self._places for widget in widgets]
        self.styles.grid_size_columns = columns_for(keys, max(MIN_COLUMNS, self.app.size.width))


def columns_for(keys: Sequence[object], width: int) -> int:
    """How many equal columns fit ``width`` when the widest key must show whole."""
    widths = [len(k.key_display) + 1 + len(k.description) for k in keys
              if isinstance(k, FooterKey)]
    if not widths:
        return 1
    return max(1, min(len(widths), width // (max(widths) + 1)))


def in_rows(widgets: ComposeResult) -> ComposeResult:
    """A screen's widgets with its one-line footer replaced by a :class:`KeyFooter`."""
    for widget in widgets:
        yield KeyFooter() if isinstance(widget, Footer) else widget
