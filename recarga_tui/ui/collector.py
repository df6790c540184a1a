"""When Python collects the shop's garbage: while a sale waits for the dealer, not at a key.

Each sale builds its screens anew, and a screen's widgets refer to each other: only Python's
full garbage collection frees them. Left to itself it came every sale or so, at whatever key
was being typed, and took 100-170 ms on this machine, several times that on a shop PC: a key
that seemed not taken. Here it runs once the sending screen is painted, while the dealer
answers (the one step of a sale where the cashier waits anyway), and frees the sales before
this one; what lived through the first collection (modules, styles, the catalog, the home
screen) is frozen out of every later one's walk.

At start-up nothing is garbage yet: the modules, the styles and the screens being built all
live all day, and the collections Python would run among them (each walking everything
allocated so far) only delay the first frame. The command holds collection from its start
until the login screen is on the terminal (``hold``); the app's first frame lets it go
(``Collector.first_frame``).
"""

from __future__ import annotations

import gc


def hold() -> None:
    """No collection until the first frame (``Collector.first_frame``): the start allocates
    only what lives on."""
    gc.disable()


def let_go() -> None:
    """Python collects as usual again (at the first frame, or when the app ends before it)."""
    gc.enable()


class Collector:
    def __init__(self) -> None:
        self.frozen = False

    def first_frame(self) -> None:
        """The start is over: Python collects as usual again."""
        let_go()

    def between_sales(self) -> None:
        """A full collection now; the first one also freezes what survives it."""
        gc.collect()
        if not self.frozen:
            gc.freeze()  # lives all day: never walked again
            self.frozen = True
