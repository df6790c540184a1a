"""Text from a dealer made safe to show, journal and export.

A dealer's strings come from outside the shop: a folio may carry a lone surrogate (valid JSON,
not encodable as UTF-8), a message control characters that move the cursor on the cashier's
terminal, or right-to-left overrides that make one folio look like another. Every string an
adapter reads passes here before the app keeps it: lone surrogates become U+FFFD, control and
bidirectional-override characters are dropped (a tab or a newline in a message becomes a
space), and leading and trailing spaces go (dealers pad fields). The result always encodes as
UTF-8, so the journal can hold whatever the dealer said.
"""

from __future__ import annotations

import re
import unicodedata

REPLACEMENT = "\ufffd"
# Explicit direction marks and overrides: they reorder what the terminal shows (U+202A-U+202E,
# U+2066-U+2069), and the marks U+200E, U+200F, U+061C.
_BIDI = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F,
                            0x061C]))


def _clean(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return REPLACEMENT
    if char in "\t\n\r\x0b\x0c\x85\u2028\u2029":
        return " "
    if char in _BIDI or unicodedata.category(char) == "Cc":
        return ""
    return char


def safe(text: str) -> str:
    """``text`` as the app may keep it (see the module's docstring)."""
    if text.isascii() and text.isprintable():
        return text.strip()  # the common case, at no cost
    return "".join(map(_clean, text)).strip()


# In JSON text: a surrogate pair, a lone surrogate, or any other escape (taken whole, so an
# escaped backslash before "u" is never read as the start of a \u escape).
_ESCAPES = re.compile(rb"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}"
                      rb"|\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\\.", re.DOTALL)
_LONE = len(rb"\ud800")


def mend_surrogates(body: bytes) -> bytes:
    """JSON ``body`` with every escaped lone surrogate (``\\ud800``, valid JSON that no
    strict decoder takes) made U+FFFD, as :func:`safe` would: the answer is still read."""
    if rb"\u" not in body:
        return body  # the common case, at no cost
    return _ESCAPES.sub(_mend, body)


def _mend(found: re.Match[bytes]) -> bytes:
    escape = found.group()
    return rb"\ufffd" if len(escape) == _LONE else escape
