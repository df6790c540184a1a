"""recarga-tui on an old shop PC, against the smallest Textual app that takes a key.

    python benchmarks/startup.py [--runs 7] [--idle-seconds 60] [--sales 300]

Both programs are measured in the same run, the same way, on this machine:

- **Start-up**: each is started as a new Python process in a pseudo-terminal of 80x24
  (TERM=xterm-256color), alternating, and timed from the spawn until its first screen that
  takes a key is on the terminal: the text of its Footer (``Salir``, on recarga-tui's login
  screen and on the minimal app) in what it wrote. Both pay the same pty and detection costs.
  The CPU time each used until then is printed too: on a busy machine (other programs on the
  same cores) the wall times stretch, and CPU time shows what they would be on an idle one.
  Before any measure, both are run once to the screen their memory is read on: that writes
  the compiled bytecode of all they load, as pip does when it installs a wheel (recarga-tui
  loads its HTTP client after its first screen, at the dealer's first call; compiled while
  measured, it would add 5 MiB to the peak). One more warm-up run each is dropped (a cold disk
  cache is not what a shop PC sees after the first start of the day); the median of
  ``--runs`` is kept.
- **Peak memory**: VmHWM (peak RSS) of each process. recarga-tui logs in and shows the home
  screen, with a journal that holds a day of ``--sales`` confirmed sales; the minimal app gets
  the same keys typed into its Input. Both are read after 2 s on screen.
- **Idle CPU**: CPU time (user + system, /proc/PID/stat) of recarga-tui on its home screen for
  ``--idle-seconds``, with the notices refreshed every 60 s as configured, in percent of one
  core. The minimal app's idle CPU is measured at the same time, for reference.

recarga-tui runs as at a shop: installed with its dependencies and nothing else (both programs
run in the environment of ``shop_install.py``: the test tools of the development environment
are not on a shop PC, and what is installed changes what the app loads), a config file
pointing at a dealer (the simulator, served in a process of its own over HTTP on 127.0.0.1
from the development environment, so its code is not in the measured process), the per-user
folders in a temp HOME. The last line is
``startup_ratio=<x> rss_ratio=<y> idle_cpu_pct=<z>``; goals on a 2-core PC: 1.4, 1.5, 1.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import children
import shop_install
from ptyrun import PtyApp
from shop_day import make_day

HERE = Path(__file__).resolve().parent
MARKER = "Salir"
# The home screen's line of the day's sales ("Hoy: 300 ventas realizadas, ..."; one: "realizada").
HOME_MARKER = "realizada"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_dealer(port: int, env: dict[str, str]) -> subprocess.Popen:
    proc = children.spawn([sys.executable, "-m", "recarga_tui", "sim", "--port", str(port)],
                          env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc
        except OSError:
            time.sleep(0.1)
    children.end(proc)
    raise RuntimeError("the simulated dealer did not start")


def shop_env(root: Path) -> dict[str, str]:
    drop = ("NO_COLOR", "TMUX", "COLORTERM", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    # Compiled bytecode for both programs, kept apart from the repository: pip compiles an
    # installed wheel, so a shop PC never starts from source (the warm-up run writes these).
    env.update(HOME=str(root), XDG_CONFIG_HOME=str(root / "config"),
               XDG_DATA_HOME=str(root / "data"), XDG_STATE_HOME=str(root / "state"),
               TERM="xterm-256color", LANG="C.UTF-8", PYTHONPYCACHEPREFIX=str(root / "pyc"))
    return env


def write_config(root: Path, port: int, journal: Path) -> Path:
    config = root / "config" / "recarga-tui" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f'[app]\njournal_dir = "{journal}"\n\n'
                      f'[dealer]\nurl = "http://127.0.0.1:{port}"\nterminal_id = "DEMO-01"\n')
    config.chmod(0o600)
    return config


def commands(python: Path) -> dict[str, list[str]]:
    return {"minimal": [str(python), str(HERE / "minimal_app.py")],
            "recarga": [str(python), "-m", "recarga_tui"]}


def startup_times(python: Path, env: dict[str, str],
                  runs: int) -> tuple[dict[str, float], dict[str, float]]:
    """Median wall time and CPU time (user + system) of each, spawn to first screen."""
    times: dict[str, list[float]] = {"minimal": [], "recarga": []}
    cpu: dict[str, list[float]] = {"minimal": [], "recarga": []}
    for run in range(runs + 1):
        for name, argv in commands(python).items():
            app = PtyApp(argv, env)
            try:
                spent = app.wait_for(MARKER)
                used = app.cpu_seconds()
            finally:
                app.stop()
            if run:  # the first round warms the disk cache
                times[name].append(spent)
                cpu[name].append(used)
    return ({name: statistics.median(v) for name, v in times.items()},
            {name: statistics.median(v) for name, v in cpu.items()})


def on_screen(python: Path, env: dict[str, str]) -> tuple[PtyApp, PtyApp]:
    """Both apps started, keys typed, each on the screen it stays on."""
    minimal = PtyApp(commands(python)["minimal"], env)
    shop = PtyApp(commands(python)["recarga"], env)
    for app in (minimal, shop):
        app.wait_for(MARKER)
    typed_at = len(shop.output)
    minimal.type("demo\r")
    shop.type("demo\r")
    shop.type("demo\r")
    shop.wait_for(HOME_MARKER, since=typed_at)
    for app in (minimal, shop):
        app.pump(2.0)
    return minimal, shop


def idle_cpu(apps: list[PtyApp], seconds: float) -> list[float]:
    before = [a.cpu_seconds() for a in apps]
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        for a in apps:
            a.pump(0.05)
    return [100 * (a.cpu_seconds() - b) / seconds for a, b in zip(apps, before, strict=False)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--idle-seconds", type=float, default=60.0)
    parser.add_argument("--sales", type=int, default=300)
    args = parser.parse_args()
    children.install()  # the app, the minimal app and the dealer end with this program
    with tempfile.TemporaryDirectory(prefix="recarga-bench-") as tmp:
        root = Path(tmp)
        env = shop_env(root)
        port = free_port()
        python = shop_install.make(root / "shop-venv")
        make_day(root / "journal", args.sales)
        write_config(root, port, root / "journal")
        dealer = start_dealer(port, env)
        try:
            # Both once to the screen their memory is read on, unmeasured: the code they load
            # after their first screen (recarga-tui's HTTP client, at the dealer's first call)
            # is compiled then, as pip compiles a wheel it installs, and not while measured.
            for app in on_screen(python, env):
                app.stop()
            start, cpu = startup_times(python, env, args.runs)
            print(f"start-up to the first screen that takes a key (median of {args.runs}): "
                  f"minimal {start['minimal']:.3f} s, recarga-tui {start['recarga']:.3f} s "
                  f"(CPU time {cpu['minimal']:.3f} s and {cpu['recarga']:.3f} s, ratio "
                  f"{cpu['recarga'] / cpu['minimal']:.2f}: what the wall time would be on an "
                  f"idle machine)")
            minimal, shop = on_screen(python, env)
            try:
                rss = {"minimal": minimal.peak_rss_kib(), "recarga": shop.peak_rss_kib()}
                print(f"peak RSS: minimal {rss['minimal'] / 1024:.1f} MiB, recarga-tui "
                      f"{rss['recarga'] / 1024:.1f} MiB (home screen, {args.sales} sales today)")
                cpu_min, cpu_shop = idle_cpu([minimal, shop], args.idle_seconds)
                print(f"idle CPU over {args.idle_seconds:.0f} s: minimal {cpu_min:.2f} %, "
                      f"recarga-tui {cpu_shop:.2f} % of one core")
            finally:
                minimal.stop()
                shop.stop()
        finally:
            children.end(dealer)
    print(f"startup_ratio={start['recarga'] / start['minimal']:.2f} "
          f"rss_ratio={rss['recarga'] / rss['minimal']:.2f} idle_cpu_pct={cpu_shop:.2f}")


if __name__ == "__main__":
    main()
