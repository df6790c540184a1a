"""The yardstick of benchmarks/keys.py: the smallest Textual app that changes screen on a key.

Its first screen is benchmarks/minimal_app.py's (a label, an Input that takes digits, a Footer); F2
pushes a new screen the size of recarga-tui's read-back (a status line, two notices, a body of
six lines with big digits, a message line, a footer of four keys), built anew each time as
Textual does by default; F9 goes back to the first screen. Nothing else: no files, no network.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Digits, Footer, Input, Static

CSS = """
#status { height: 1; background: $panel; padding: 0 1; }
.notice { height: auto; padding: 0 1; }
#blue { background: #1a4aa0; color: #ffffff; }
#yellow { background: #f0c419; color: #000000; }
#body { height: 1fr; padding: 0 2; }
#title { text-style: bold; }
#number { width: auto; color: $accent; }
#message { height: auto; padding: 0 1; }
"""


class Pushed(Screen[None]):
    # Four keys in the footer, as on the read-back (the app pushes or goes back for each).
    BINDINGS = [("f2", "app.push_one", "Otra"), ("f9", "app.back", "Volver"),
                ("a", "app.push_one('a')", "Aceptó"), ("c", "app.back('c')", "Corregir")]

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        yield Static(f"12:00  ·  Terminal DEMO-01  ·  pantalla {self.count}", id="status")
        yield Static("Situación del sistema [Normal] Todo en orden  (hace 1 min)",
                     id="blue", classes="notice")
        yield Static("Mensaje general Sin avisos  (hace 1 min)", id="yellow", classes="notice")
        with Vertical(id="body"):
            yield Static("Léale el número al cliente", id="title")
            yield Digits("555 555 0000", id="number")
            yield Static("Telcel  ·  $50.00", id="what")
            yield Static("cinco cinco cinco, cinco cinco cinco, cero cero cero cero")
            yield Static("Una recarga enviada no se puede cancelar")
            yield Static("A: aceptó   C: corregir")
        yield Static("", id="message")
        yield Footer(show_command_palette=False)


class MinimalScreens(App[None]):
    CSS = CSS
    BINDINGS = [("f10", "quit", "Salir"), ("f2", "push_one", "Otra")]
    ENABLE_COMMAND_PALETTE = False

    def __init__(self) -> None:
        super().__init__()
        self.pushed = 0

    def compose(self) -> ComposeResult:
        yield Static("Usuario:")
        # A blinking cursor repaints twice a second, which would blur when a key's frame ends.
        field = Input(placeholder="Usuario")
        field.cursor_blink = False
        yield field
        yield Footer(show_command_palette=False)

    def action_push_one(self, _key: str = "") -> None:
        self.pushed += 1
        self.push_screen(Pushed(self.pushed))

    def action_back(self, _key: str = "") -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()


if __name__ == "__main__":
    MinimalScreens().run()
