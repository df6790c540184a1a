"""When Python collects the shop's garbage: while a sale waits for the dealer, not at a key.

Each sale builds its screens anew, and a screen's widgets refer to each other: only Python's
full garbage collection frees them. Left to itself it came every sale or so, at whatever key
was being typed, and took 100-170 ms on this machine, several times that on a shop PC: a key
that seemed not taken. Here it runs once the sending screen is painted, while the dealer
answers (the one step of a sale where the cashier waits anyway), and frees the sales before
this one; what lived through the first collection (modules, styles, the catalog, the home
screen) is frozen out of every later one's walk.
"""

from __future__ import annotations

import gc


class Collector:
    def __init__(self) -> None:
        self.frozen = False

    def between_sales(self) -> None:
        """A full collection now; the first one also freezes what survives it."""
        gc.collect()
        if not self.frozen:
            gc.freeze()  # lives all day: never walked again
            self.frozen = True
