"""What every test shares: how long Textual's Pilot waits after a key, and what Python's
garbage collector walks."""

from __future__ import annotations

import gc
import inspect

import textual._wait
from textual.css.stylesheet import Stylesheet

# Pilot waits after every key until the app looks idle: Textual sleeps in slices of
# SLEEP_GRANULARITY and calls the app idle when a slice used under a twentieth of it in CPU
# time. Its 20 ms slices cost every key at least 40 ms of sleep, most of a screen test's time.
# Slices of 1 ms ask the same question (the same share of CPU) twenty times as often: a key
# still waits until its messages are handled and the app has gone quiet. What a worker brings
# later (the dealer's answer) is waited for by the tests themselves (tests/ui/ui_helpers.py
# wait_for). None is shorter: asyncio's selector sleeps whole milliseconds.
IDLE_SLICE = 0.001
assert hasattr(textual._wait, "SLEEP_GRANULARITY") and hasattr(textual._wait, "SLEEP_IDLE"), (
    "textual._wait no longer has SLEEP_GRANULARITY/SLEEP_IDLE: see tests/conftest.py")
textual._wait.SLEEP_GRANULARITY = IDLE_SLICE
textual._wait.SLEEP_IDLE = IDLE_SLICE / 20.0

# Textual parses the style sheets (the app's, each screen's, each widget's defaults) anew for
# every App a test builds: a tenth of a screen test's CPU time. What a sheet parses to depends
# only on its text, where it was read from and the CSS variables (the theme, the glyphs), and
# nothing changes the parsed rules afterwards (one app already shares them between its
# screens): each sheet is parsed once a run, for every app with the same variables. A sheet
# that does not parse raises as before, every time.
PARSE_RULES = ["self", "css", "read_from", "is_default_rules", "tie_breaker", "scope"]
assert list(inspect.signature(Stylesheet._parse_rules).parameters) == PARSE_RULES, (
    "Textual's Stylesheet._parse_rules changed: see tests/conftest.py")
_parse_rules = Stylesheet._parse_rules
_parsed: dict[tuple, list] = {}


def _parse_rules_once(self: Stylesheet, css: str, read_from: tuple, is_default_rules: bool = False,
                      tie_breaker: int = 0, scope: str = "") -> list:
    key = (css, read_from, is_default_rules, tie_breaker, scope,
           tuple(sorted(self._variables.items())))
    if key not in _parsed:
        _parsed[key] = _parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
    return _parsed[key]


Stylesheet._parse_rules = _parse_rules_once  # type: ignore[method-assign]


def pytest_collection_modifyitems(items: list) -> None:
    """The long tests first, the longest (``slow(seconds=...)``) before the others marked
    ``slow`` or ``e2e``: the workers take tests one by one as they free up, so the long ones
    spread over both from the start and the short ones fill in after, instead of one worker
    running a long walk alone at the end. Otherwise the collection's order (a stable sort), the
    same on every worker."""
    def weight(item) -> float:
        slow = item.get_closest_marker("slow")
        if slow is not None:
            return -float(slow.kwargs.get("seconds", 5))
        return -1.0 if item.get_closest_marker("e2e") else 0.0

    items.sort(key=weight)


def pytest_collection_finish(session) -> None:
    """What the run has built before its first test (the modules, the collected tests, the
    plugins' state) lives until its end: frozen out of the garbage collector's walks, as the
    app freezes what lives through its first collection (``ui/collector.py``). A full
    collection walked it all, some 30 times in a walk of the words test; frozen, each walks
    the tests' own objects only. Nothing a test builds is frozen: it is collected as before."""
    gc.collect()
    gc.freeze()
