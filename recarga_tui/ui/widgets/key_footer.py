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
from ..textual_private import PlacedOnce, footer_key_enabled, relabel_footer_key


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


class ShopKey(PlacedOnce, FooterKey):
    """A footer key, laid out once when a key beside it comes or goes."""


class ShopKeyGroup(PlacedOnce, KeyGroup):
    """Keys under one description, laid out once as a key does."""


class ShopLabel(PlacedOnce, FooterLabel):
    """A group's description, laid out once as a key does."""


@dataclass
class Place:
    """A place's widgets in the footer, and whether they show now."""

    shown: Shown
    widgets: list[Widget]
    visible: bool = True

    def show(self, visible: bool) -> None:
        if visible != self.visible:
            self.visible = visible
            for widget in self.widgets:
                widget.display = visible

    @property
    def lone_key(self) -> ShopKey | None:
        """The place's one key widget, which another key can take over; None for a group."""
        widget = self.widgets[0] if len(self.widgets) == 1 else None
        if isinstance(widget, ShopKey) and not widget.has_class("-grouped"):
            return widget
        return None


# Hidden keys a footer can be composed with, for a screen whose keys change while it stays on:
# a key shown later takes one over, in the frame of the change that brought it. A key mounted
# then is painted only once it has mounted, a frame or two later. Other footers have none.
SPARE_KEYS = 3
# Keys hidden and kept past this many are removed: a screen's keys are few, and only an
# unusual order of them leaves copies behind.
MAX_HIDDEN = 24
SPARE = Shown((), (), ())  # no key: never one of the screen's


class ShopFooter(Footer):
    """Textual's Footer, with its keys from the first frame, where a change of the screen's
    keys touches only the keys that changed.

    Textual's Footer composes empty, then removes and mounts every key (a widget each, each
    restyled) after every ``refresh_bindings``: a screen change rebuilt it several times, and a
    stage of the capture that shows or hides one key rebuilt all of them. Here a key that goes
    is hidden in its place and shown again when it comes back; one not seen before takes over
    a hidden key (relabelled, moved to its place), or is mounted when none is left; one that
    starts or stops acting is restyled alone. All but a mount is laid out and painted with the
    screen's own change, in one frame. The keys shown are those Textual's rebuild would show,
    in its order (``tests/ui/test_shop_footer.py`` holds the two equal)."""

    spare_keys = 0
    max_hidden = MAX_HIDDEN

    def __init__(self, *, compact: bool = False, spare_keys: int | None = None) -> None:
        super().__init__(show_command_palette=False, compact=compact)
        self._places: list[Place] = []
        if spare_keys is not None:
            self.spare_keys = spare_keys

    def compose(self) -> ComposeResult:
        self._places = [Place(shown, self.widgets_for(shown)) for shown in showing(self.screen)]
        for _ in range(self.spare_keys):
            spare = Place(SPARE, [self.key_widget(Key("", "", "", ""), True, "")])
            spare.show(False)
            self._places.append(spare)
        for place in self._places:
            yield from place.widgets

    def lone(self, shown: Shown) -> tuple[Key, bool, str] | None:
        """The one key widget a place shows (its key, whether it acts, its tooltip); None
        when the place is a group of widgets."""
        if shown.group is None:
            return shown.keys[0], shown.enabled[0], shown.tooltips[0]
        return None

    def widgets_for(self, shown: Shown) -> list[Widget]:
        lone = self.lone(shown)
        if lone is not None:
            return [self.key_widget(*lone)]
        keys = [self.key_widget(key, enabled, tooltip, grouped=True)
                for key, enabled, tooltip in zip(shown.keys, shown.enabled, shown.tooltips,
                                                     strict=True)]
        return [ShopKeyGroup(*keys, classes="-compact" if shown.group.compact else ""),
                ShopLabel(shown.group.description)]

    def key_widget(self, key: Key, enabled: bool, tooltip: str, *,
                   grouped: bool = False) -> ShopKey:
        classes = [name for name, on in (("-grouped", grouped), ("-compact", self.compact)) if on]
        widget = ShopKey(key.key, key.display, key.description, key.action,
                         disabled=not enabled, tooltip=tooltip, classes=" ".join(classes))
        # As Footer's data_bind leaves it, without restyling the key twice more on mount.
        widget.set_reactive(FooterKey.compact, self.compact)
        return widget

    def show_enabled(self, widgets: Sequence[Widget], shown: Shown) -> None:
        lone = self.lone(shown)
        if lone is not None:
            footer_key_enabled(widgets[0], lone[1], lone[2])  # type: ignore[arg-type]
            return
        for key, enabled, tooltip in zip(widgets[0].children, shown.enabled, shown.tooltips,
                                         strict=True):
            if isinstance(key, FooterKey):
                footer_key_enabled(key, enabled, tooltip)

    def on_mount(self) -> None:
        # At once too, with what changed the keys: Textual's Footer hears of it after the
        # screen's own change was laid out and painted, and a stage of the capture was painted
        # twice. Footer's own (later) call stays: it sees keys changed after that.
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed,
                                                      immediate=True)

    @property
    def visible_places(self) -> list[Place]:
        return [place for place in self._places if place.visible]

    def bindings_changed(self, screen: Screen[Any]) -> None:
        # Textual's Footer waits for the terminal's focus too: it comes with a new
        # refresh_bindings.
        if screen is not self.screen or not self.is_attached or not screen.app.app_focus:
            return
        now = showing(screen)
        if now != [place.shown for place in self.visible_places]:
            self._places = list(self._changed(now))
            self._forget_hidden()
            self.keys_changed()

    def _changed(self, now: list[Shown]) -> Iterable[Place]:
        """The footer's places after ``now``: kept, restyled, hidden, shown again, taken over
        or mounted, each in its place."""
        was = self._places
        matcher = SequenceMatcher(None, [place.shown.place for place in was],
                                  [shown.place for shown in now], autojunk=False)
        opcodes = matcher.get_opcodes()
        donors = self._donors(was, opcodes, now)
        given = {id(place) for place in donors.values()}
        for op, i1, i2, j1, j2 in opcodes:
            if op == "equal":
                for place, after in zip(was[i1:i2], now[j1:j2], strict=True):
                    if place.shown != after:
                        self.show_enabled(place.widgets, after)
                        place.shown = after
                    place.show(True)
                    yield place
                continue
            for place in was[i1:i2]:
                if id(place) not in given:
                    place.show(False)
                    yield place
            anchor = was[i2].widgets[0] if i2 < len(was) else None
            for j in range(j1, j2):
                yield self._placed(now[j], donors.get(j), anchor)

    def _donors(self, was: list[Place], opcodes: Sequence[tuple[str, int, int, int, int]],
                now: list[Shown]) -> dict[int, Place]:
        """The hidden (or now hiding) lone key each new lone key takes over, by its index in
        ``now``: one from the same stretch first (a key replaced where it stood), then any
        other, the spares last."""
        free = [place for op, i1, i2, _j1, _j2 in opcodes if op != "equal"
                for place in was[i1:i2] if place.lone_key is not None]
        free.sort(key=lambda place: place.shown is SPARE)
        taken: dict[int, Place] = {}
        for op, i1, i2, j1, j2 in opcodes:
            here = {id(place) for place in was[i1:i2]}
            for j in range(j1, j2):
                if op == "equal" or not free or self.lone(now[j]) is None:
                    continue
                place = next((p for p in free if id(p) in here), free[0])
                free.remove(place)
                taken[j] = place
        return taken

    def _placed(self, shown: Shown, donor: Place | None, anchor: Widget | None) -> Place:
        """A new place before ``anchor``: a hidden key taken over, or new widgets mounted."""
        lone = self.lone(shown)
        widget = donor.lone_key if donor is not None else None
        if widget is None or lone is None:
            place = Place(shown, self.widgets_for(shown))
            self.mount(*place.widgets, before=anchor)
            return place
        key, enabled, tooltip = lone
        relabel_footer_key(widget, key.key, key.display, key.description, key.action)
        footer_key_enabled(widget, enabled, tooltip)
        if anchor is not None:
            self.move_child(widget, before=anchor)
        elif self.children[-1] is not widget:
            self.move_child(widget, after=self.children[-1])
        widget.display = True
        return Place(shown, [widget])

    def _forget_hidden(self) -> None:
        hidden = [place for place in self._places
                  if not place.visible and place.shown is not SPARE]
        if len(hidden) <= self.max_hidden:
            return
        for place in hidden:
            for widget in place.widgets:
                widget.remove()
        self._places = [place for place in self._places if place not in hidden]

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

    def lone(self, shown: Shown) -> tuple[Key, bool, str] | None:
        # A group is one key here (``↑↓ Mover``): the grid gives every widget a cell, and a
        # group's keys and its label apart would read as three keys.
        if shown.group is None:
            return super().lone(shown)
        first = shown.keys[0]
        key = Key(first.key, "".join(k.display for k in shown.keys), shown.group.description,
                  first.action)
        return key, any(shown.enabled), ""

    def keys_changed(self) -> None:
        # Footer sets one column per key; as many columns as the widest key leaves room for
        # make rows instead, so no key's words are cut.
        keys = [widget for place in self.visible_places for widget in place.widgets]
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
