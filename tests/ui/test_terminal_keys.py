"""The counter's keys arrive as the keys the screens bind, whatever the terminal sends.

Textual's Linux driver asks the terminal for the Kitty keyboard protocol (``CSI > 25 u``:
disambiguate escape codes, report all keys as escape codes, report their text), so a terminal
that speaks it (kitty, foot, WezTerm, Ghostty, recent Alacritty and iTerm2) sends every key,
digits and Enter included, as ``CSI <code>;<modifiers>;<text> u`` or ``CSI <n> ~``. The Linux
console and most terminals over SSH do not: they send the legacy sequences (``ESC [ [ A`` for
F1 on TERM=linux). Each is fed here through Textual's own input parser, the one the driver
feeds, and must come out as the key name a binding of the shop names (docs/keys.md) and, for
a digit, with the character a field takes. Textual's parser is private: an upgrade that moves
it fails here by name.
"""

from __future__ import annotations

import pytest
from textual import events
from textual.binding import Binding
from textual.drivers import linux_driver

try:
    from textual._xterm_parser import XTermParser
except ImportError as moved:  # pragma: no cover - only on a Textual upgrade
    raise AssertionError(f"Textual moved its input parser (textual._xterm_parser): {moved}; "
                         "find where the driver parses keys now and feed it here") from moved

from recarga_tui.ui.app import RecargaApp
from recarga_tui.ui.screens.capture import PICK_KEYS

ESC = "\x1b"
# key -> (Kitty protocol sequences a terminal may send, the Linux console's legacy sequence)
FUNCTION_KEYS = {
    "f1": ([f"{ESC}[P", f"{ESC}[1P", f"{ESC}[11~"], f"{ESC}[[A"),
    "f2": ([f"{ESC}[Q", f"{ESC}[1Q", f"{ESC}[12~"], f"{ESC}[[B"),
    "f3": ([f"{ESC}[13~"], f"{ESC}[[C"),
    "f4": ([f"{ESC}[S", f"{ESC}[1S", f"{ESC}[14~"], f"{ESC}[[D"),
    "f5": ([f"{ESC}[15~"], f"{ESC}[[E"),
    "f6": ([f"{ESC}[17~"], f"{ESC}[17~"),
    "f7": ([f"{ESC}[18~"], f"{ESC}[18~"),
    "f8": ([f"{ESC}[19~"], f"{ESC}[19~"),
    "f9": ([f"{ESC}[20~"], f"{ESC}[20~"),
    "f10": ([f"{ESC}[21~"], f"{ESC}[21~"),
}
OTHER_KEYS = {
    "enter": ([f"{ESC}[13u", f"{ESC}[13;1u"], "\r"),
    "escape": ([f"{ESC}[27u", f"{ESC}[27;1u"], ESC),
    "ctrl+l": ([f"{ESC}[108;5u"], "\x0c"),
    "up": ([f"{ESC}[A", f"{ESC}[1;1A"], f"{ESC}[A"),
    "down": ([f"{ESC}[B"], f"{ESC}[B"),
    "left": ([f"{ESC}[D"], f"{ESC}[D"),
    "right": ([f"{ESC}[C"], f"{ESC}[C"),
    "backspace": ([f"{ESC}[127u"], "\x7f"),
}


def keys_from(data: str) -> list[events.Key]:
    """The key events Textual's parser makes of what the terminal sent (then end of input:
    a lone Esc is a key once nothing follows it)."""
    parser = XTermParser()
    tokens = [*parser.feed(data), *parser.feed("")]
    return [token for token in tokens if isinstance(token, events.Key)]


def bound_keys() -> set[str]:
    """Every key a binding of the shop's screens or of the App names."""
    from test_words_whole import screens_to_walk

    classes = [*screens_to_walk(None, every=True), RecargaApp]
    return {binding.key for cls in classes
            for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", ()))}


def test_textual_asks_the_terminal_for_the_kitty_protocol_with_every_key_reported():
    flags = (linux_driver.KITTY_DISAMBIGUATE_ESCAPE_CODES | linux_driver.KITTY_REPORT_ALL_KEYS
             | linux_driver.KITTY_REPORT_ASSOCIATED_TEXT)
    assert flags == 25  # the driver writes CSI > 25 u when it starts


@pytest.mark.parametrize("name", [*FUNCTION_KEYS, *OTHER_KEYS])
def test_a_counter_key_arrives_as_the_key_the_screens_bind(name):
    kitty, legacy = {**FUNCTION_KEYS, **OTHER_KEYS}[name]
    for sequence in [*kitty, legacy]:
        assert [key.key for key in keys_from(sequence)] == [name], repr(sequence)
    assert name in bound_keys() or name == "backspace"  # backspace: the fields' own


@pytest.mark.parametrize("digit", list(PICK_KEYS))
def test_a_digit_arrives_as_its_key_and_its_character(digit):
    code = ord(digit)
    # Kitty with "report all keys": the code, no modifiers (1 or left out), the text.
    for sequence in (f"{ESC}[{code};;{code}u", f"{ESC}[{code};1;{code}u", f"{ESC}[{code}u",
                     digit):
        (key,) = keys_from(sequence)
        assert (key.key, key.character, key.is_printable) == (digit, digit, True), repr(sequence)


def test_keys_typed_fast_arrive_in_the_order_typed():
    """A burst (a fast cashier, SSH): the number, Enter, then F4, in one read."""
    kitty = "".join(f"{ESC}[{ord(c)};;{ord(c)}u" for c in "5555") + f"{ESC}[13u{ESC}[14~"
    legacy = "5555\r" + f"{ESC}[[D"
    for burst in (kitty, legacy):
        assert [key.key for key in keys_from(burst)] == ["5", "5", "5", "5", "enter", "f4"]
