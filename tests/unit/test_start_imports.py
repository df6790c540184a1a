"""What the app loads before its first screen is drawn: only what the login screen needs.

The real command (``python -m recarga_tui``) is started in a pseudo-terminal of 80x24, as a
cashier's terminal would run it, with a config of its own. Its first call to the dealer (the
notices, asked once the login screen is on the terminal) is where the HTTP client is loaded;
the program started here writes the names of the modules it had loaded at that moment and
ends. The test then names what must not be among them: the HTTP client and its command line,
the simulator, the dealers not configured, the screens other than the login, the code of the
cash close, the sales report and the printer. A module imported at start in the future fails
here by its name; the time it costs is measured in benchmarks/ and docs/performance.md.
"""

from __future__ import annotations

import json
import os
import pkgutil
import select
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

import recarga_tui.ui.screens

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="a pseudo-terminal and termios")

# The program in the pseudo-terminal: the command line's own entry, with the dealer's first
# call noted (its module names, then the program ends: no dealer is reached).
PROGRAM = """
import json, os, sys
from recarga_tui.dealer import http

def first_call():
    with open(os.environ["MODULES_OUT"], "w") as out:
        json.dump(sorted(sys.modules), out)
    os._exit(0)

http.httpx_module = first_call
sys.argv = ["recarga-tui"]
from recarga_tui.cli import main
main()
"""

# Loaded at the first dealer call, never before it.
HTTP = ["httpx", "httpcore", "h11", "anyio", "certifi", "click", "pygments"]
# The demo's simulator and its server; the configured dealer is protocol v1.
NOT_CONFIGURED = ["recarga_tui.sim", "starlette", "uvicorn", "recarga_tui.dealer.taecel",
                  "recarga_tui.dealer.transact", "recarga_tui.dealer.reloadly"]
# Loaded when the cashier opens them: the close, the report, the printer's own code.
LATER = ["recarga_tui.services.cash_close", "recarga_tui.services.report",
         "recarga_tui.services.claims", "recarga_tui.domain.reconcile", "csv",
         "recarga_tui.printing.slips", "recarga_tui.printing.escpos_out", "escpos"]
# Every screen but the login, what it is built on, and the home screen the status line
# looks for (whether the notebook was opened without the dealer).
FIRST_SCREENS = {"base", "login", "home"}
OTHER_SCREENS = [f"recarga_tui.ui.screens.{info.name}"
                 for info in pkgutil.iter_modules(recarga_tui.ui.screens.__path__)
                 if info.name not in FIRST_SCREENS]


def start_to_the_first_dealer_call(tmp_path: Path) -> tuple[list[str], bytes]:
    import fcntl
    import termios

    config = tmp_path / "config" / "recarga-tui" / "config.toml"
    config.parent.mkdir(parents=True)
    # Port 9 (discard) on this machine: nothing answers, and nothing is asked before the end.
    config.write_text(f'[app]\njournal_dir = "{tmp_path / "journal"}"\n\n'
                      '[dealer]\nurl = "http://127.0.0.1:9"\nterminal_id = "TIENDA-01"\n')
    config.chmod(0o600)
    out = tmp_path / "modules.json"
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TMUX")}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"),
               TERM="xterm-256color", LANG="C.UTF-8", MODULES_OUT=str(out))
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    proc = subprocess.Popen([sys.executable, "-c", PROGRAM], stdin=slave, stdout=slave,
                            stderr=slave, env=env, cwd=tmp_path, start_new_session=True)
    os.close(slave)
    written = bytearray()
    deadline = time.monotonic() + 60
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    written += os.read(master, 65536)
                except OSError:
                    break
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        os.close(master)
    assert out.exists(), f"the app never called the dealer: {written[-2000:]!r}"
    return json.loads(out.read_text()), bytes(written)


def loaded(modules: list[str], names: list[str]) -> list[str]:
    return sorted(m for m in modules for name in names
                  if m == name or m.startswith(name + "."))


def test_the_login_screen_is_drawn_before_anything_it_does_not_need_is_loaded(tmp_path):
    modules, written = start_to_the_first_dealer_call(tmp_path)
    # The login screen was on the terminal before the first call (its key line's F10).
    assert b"Salir" in written
    assert "recarga_tui.ui.screens.login" in modules  # the check looks where it should
    assert loaded(modules, HTTP) == []
    assert loaded(modules, NOT_CONFIGURED) == []
    assert loaded(modules, LATER) == []
    assert loaded(modules, OTHER_SCREENS) == []


def test_the_check_names_what_it_finds():
    modules = ["httpx", "httpx._main", "recarga_tui.sim.app", "recarga_tui.simple", "csv"]
    assert loaded(modules, HTTP) == ["httpx", "httpx._main"]
    assert loaded(modules, NOT_CONFIGURED) == ["recarga_tui.sim.app"]
    assert loaded(modules, LATER) == ["csv"]
