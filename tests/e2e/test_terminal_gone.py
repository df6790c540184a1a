"""The terminal goes away without a hang-up signal (a pseudo-terminal whose other end closes,
a multiplexer that dies, a session started with hang-ups ignored): the app notices, leaves
the journal whole as a crash would, releases the writer lock and ends, instead of spinning on
a closed input with nobody to see it."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time

import pytest
from tmux_driver import SCRIPT, isolated_env

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="a Linux pseudo-terminal")


def _ignore_hangups() -> None:
    signal.signal(signal.SIGHUP, signal.SIG_IGN)


class Pty:
    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        # A session of its own whose controlling terminal is not this pty, hang-ups ignored:
        # closing the other end sends it no signal at all.
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, preexec_fn=_ignore_hangups)
        os.close(slave)
        self.master = master
        self.output = bytearray()

    def wait_for(self, text: str, within: float = 60.0) -> None:
        deadline = time.monotonic() + within
        while text.encode() not in self.output:
            assert time.monotonic() < deadline and self.proc.poll() is None, (
                f"{text!r} never showed: {self.output[-1500:].decode(errors='replace')}")
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                self.output += os.read(self.master, 65536)

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())

    def close_terminal(self) -> None:
        os.close(self.master)

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


@pytest.fixture
def app(tmp_path):
    env = isolated_env(tmp_path / "home", TERM="xterm-256color")
    journal = tmp_path / "journal"
    started: list[Pty] = []

    def start() -> Pty:
        pty = Pty([str(SCRIPT), "--demo", "--journal", str(journal)], env)
        started.append(pty)
        return pty

    yield start, journal, env
    for pty in started:
        pty.kill()


def ended_within(pty: Pty, seconds: float) -> float:
    started = time.monotonic()
    try:
        pty.proc.wait(seconds)
    except subprocess.TimeoutExpired:
        raise AssertionError(
            f"the app was still running {seconds} s after its terminal went") from None
    return time.monotonic() - started


@pytest.mark.e2e
@pytest.mark.parametrize("where", ["login", "home"])
def test_r03_a_vanished_terminal_ends_the_app_and_leaves_the_journal_whole(app, where):
    start, journal, env = app
    pty = start()
    pty.wait_for("Usuario")
    if where == "home":
        pty.type("demo\rdemo\r")                    # typed ahead, as over SSH
        pty.wait_for("Hoy:")
    pty.close_terminal()
    ended_within(pty, 5.0)
    assert pty.proc.returncode == 129
    # The writer lock is free and every file of the journal is whole.
    check = subprocess.run([str(SCRIPT), "--demo", "--journal", str(journal), "journal",
                            "check"], env=env, capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr
    second = Pty([str(SCRIPT), "--demo", "--journal", str(journal)], env)
    try:
        second.wait_for("Usuario")
        assert b"solo lectura" not in second.output.lower()
    finally:
        second.kill()
