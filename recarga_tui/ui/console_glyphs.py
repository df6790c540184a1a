"""Only characters the Linux console can draw, whatever a screen, a word or a dealer wrote.

The console's fonts (the kernel's, code page 437, and Debian's Lat15/Uni2 ones) have the
Spanish letters, «», the light box lines and a few blocks, but not "…", "—", the eighth blocks
Textual draws scrollbars and toast edges with (▁▂▃▄▅▆▇ ▉▊▋▌▍▎▏), nor emoji. A character missing
from the font shows as a blank or a diamond, and a cashier reading a folio must not meet one.

With plain glyphs (``ui/terminal.py``) this line filter replaces every character outside the
set both kinds of font have with one of the same width that they do: "…" becomes ".", a dash
"-", a block edge "│", an eighth block a blank, and anything else "?" (two for a wide one), so
no line changes length and no layout moves.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

# Code page 437 (the kernel's font) and Latin-1 (the Lat15 fonts), less the half blocks the
# Lat15 fonts lack (docs/terminales.md).
DRAWABLE = (frozenset(bytes(range(32, 256)).decode("cp437"))
            | frozenset(map(chr, range(0xA0, 0x100)))) - frozenset("▌▐")

SUBSTITUTES = {
    "…": ".", "—": "-", "–": "-", "‒": "-", "―": "-", "“": '"', "”": '"', "‘": "'", "’": "'",
    "⏎": "<", "↵": "<", "•": "*", "✓": "*", "✔": "*", "×": "x",
    # The arrows of the footer's keys (↑ Previous field, ←→ Day): shapes that read the same.
    "↑": "^", "↓": "v", "←": "<", "→": ">",
    **{c: "│" for c in "▌▐▍▎▏▋▊▉"},
    **{c: " " for c in "▁▂▃▄▅▆▇▔"},
}


@lru_cache(maxsize=4096)
def drawable(text: str) -> str:
    """``text`` with every character the console cannot draw replaced, cell for cell."""
    if all(c in DRAWABLE for c in text):
        return text
    out = []
    for char in text:
        if char in DRAWABLE:
            out.append(char)
        elif char in SUBSTITUTES:
            out.append(SUBSTITUTES[char])
        elif unicodedata.combining(char) or cell_len(char) == 0:
            continue  # a combining mark or zero-width character takes no cell
        else:
            out.append("?" * max(1, cell_len(char)))
    return "".join(out)


class ConsoleGlyphs(LineFilter):
    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [Segment(drawable(text), style, control) if not control else
                Segment(text, style, control) for text, style, control in segments]
