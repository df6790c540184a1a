"""The yardstick of benchmarks/startup.py: the smallest Textual app that takes a key
(Header, one Input, Footer), run the same way as recarga-tui."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input


class Minimal(App):
    BINDINGS = [("f10", "quit", "Salir")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Usuario")
        yield Footer()


if __name__ == "__main__":
    Minimal().run()
