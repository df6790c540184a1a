"""Drive the real ``recarga-tui`` in tmux, as a cashier at a terminal would: keys in, the screen
read back with ``tmux capture-pane``. Every wait is bounded and only polls for text; nothing
asserts on how fast the app is (speed is measured by benchmarks/). Keys go as fast as tmux
takes them, as over SSH from a quick cashier: a key typed before its screen is drawn is taken
by that screen once it is, and each test waits for the text it expects before reading it."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

SCRIPT = Path(sys.executable).with_name("recarga-tui")
EXITED = "recarga-tui-exited="
# How often a wait reads the screen again (a capture-pane costs about a millisecond).
LOOK_EVERY = 0.05


def have_tmux() -> bool:
    return shutil.which("tmux") is not None


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a fresh shop PC: no config, logs or data of the person testing."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_COLOR", "COLORTERM", "TEXTUAL_COLOR_SYSTEM", "TMUX")}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_STATE_HOME=str(home / ".local/state"),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        # The demo's day at 10:00 Mexico time, whatever the hour of the run: the 19:30-21:30
        # peak (R15) would put the slow-system screen in the way of a plain sale.
        RECARGA_DEMO_START="10:00",
    )
    env.update(extra)
    return env


class Tmux:
    """One tmux server on a socket of its own, holding one window of the given size."""

    def __init__(self, env: dict[str, str], width: int = 80, height: int = 24) -> None:
        self.socket = f"recarga-e2e-{uuid.uuid4().hex[:10]}"
        self.env = env
        self.width, self.height = width, height

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.socket, *args], env=self.env, text=True,
                              capture_output=True, check=check, timeout=20)

    def start(self, argv: list[str], term: str = "linux") -> None:
        # The TERM tmux gives its window: the app sees it as the console it runs on.
        env_prefix = " ".join(f"{k}={shlex.quote(v)}" for k, v in
                              (("TERM", term),) + tuple(self._passed()))
        # The pane outlives the app, so what it printed last can still be read.
        command = f"env {env_prefix} {shlex.join(argv)}; echo {EXITED}$?; sleep 120"
        self._tmux("-f", "/dev/null", "new-session", "-d", "-x", str(self.width),
                   "-y", str(self.height), command)

    def _passed(self) -> list[tuple[str, str]]:
        keys = ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "LANG", "LC_ALL",
                "NO_COLOR", "COLORTERM", "TEXTUAL_COLOR_SYSTEM", "RECARGA_DEMO_START")
        return [(k, self.env[k]) for k in keys if k in self.env]

    def keys(self, *keys: str) -> None:
        """Send keys in one small group."""
        self._tmux("send-keys", "-t", "0", *keys)

    def text(self, *keys: str) -> None:
        """Send literal text (digits of a number, a user name)."""
        self._tmux("send-keys", "-t", "0", "-l", "".join(keys))

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "0", check=False).stdout

    def wait_for(self, *texts: str, within: float = 30.0) -> str:
        """Poll the screen until every text shows; bounded, never a speed assertion."""
        deadline = time.monotonic() + within
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if all(t in shown for t in texts):
                return shown
            time.sleep(LOOK_EVERY)
        raise AssertionError(f"never showed {texts!r}; the screen was:\n{shown}")

    def resize(self, width: int, height: int) -> None:
        self._tmux("resize-window", "-t", "0", "-x", str(width), "-y", str(height))

    def kill(self) -> None:
        self._tmux("kill-server", check=False)


def log_in_demo(term: Tmux) -> None:
    """From the login screen of the demo to home: the demo's user and password."""
    term.text("demo")
    term.keys("Enter")
    term.text("demo")
    term.keys("Enter")
    term.wait_for("Saldo")


def log_in_and_send_telcel_50(term: Tmux, number: str) -> None:
    """From the login screen of the demo: log in, sell a Telcel $50 to ``number`` (typed
    twice), accept the read-back, pay the exact amount and send it."""
    log_in_demo(term)
    sell_fifty_pesos_of_telcel(term, number)


def sell_fifty_pesos_of_telcel(term: Tmux, number: str) -> None:
    """From home, by keys: F2, airtime, Telcel, the number twice, $50, the read-back accepted,
    $100 handed over, Enter sends (the screen after the send is the caller's to read)."""
    term.keys("F2")
    term.wait_for("Tiempo aire")
    term.keys("1")
    term.wait_for("Telcel")
    term.keys("1")
    term.text(number)
    term.keys("Enter")
    term.text(number)
    term.keys("Enter")
    term.wait_for("$50")
    term.keys("4")
    term.wait_for("no se aceptan reclamaciones")
    term.keys("a")
    term.wait_for("Recibido")
    term.keys("F4")
    term.keys("Enter")


def quit_app(term: Tmux) -> None:
    """F10, the question, F10 again: the app leaves with exit code 0."""
    term.keys("F10")
    term.wait_for("¿Salir de la app?")
    term.keys("F10")
    term.wait_for(f"{EXITED}0")


def exported_sales(journal: Path, env: dict[str, str]) -> list[dict[str, str]]:
    """The demo journal's sales as ``journal export --format csv`` writes them."""
    import csv
    import io

    export = subprocess.run(
        [str(SCRIPT), "--demo", "--journal", str(journal), "journal", "export", "--format", "csv"],
        env=env, capture_output=True, text=True, timeout=60, check=True)
    return list(csv.DictReader(io.StringIO(export.stdout)))
