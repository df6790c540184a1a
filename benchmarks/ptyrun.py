"""A program in a pseudo-terminal of 80x24, as a terminal emulator would run it: its output is
read as it comes (so it never blocks on a full pipe), keys are written to it, and its memory
and CPU time are read from /proc (Linux)."""

from __future__ import annotations

import fcntl
import os
import select
import struct
import termios
import time

import children

TICK = os.sysconf("SC_CLK_TCK")


class PtyApp:
    def __init__(self, argv: list[str], env: dict[str, str], size: tuple[int, int] = (80, 24)):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.started = time.perf_counter()
        # A session of its own with this pty as its only terminal; it ends with the benchmark.
        self.proc = children.spawn(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                   close_fds=True)
        os.close(slave)
        self.master = master
        self.output = bytearray()

    def pump(self, seconds: float) -> None:
        """Read whatever the program writes for ``seconds``."""
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    return

    def wait_for(self, marker: str, within: float = 60.0, since: int | None = None) -> float:
        """Seconds from the spawn until ``marker`` was on the terminal, in what was written
        after ``since`` (a length of ``output``; by default, from this call on). Keys typed
        with :meth:`type` read the output while they wait: pass the length from before
        them, or a screen they painted is missed until its next repaint."""
        needle = marker.encode()
        # From this call on, a marker whose first bytes came just before it still counts.
        begin = max(0, len(self.output) - len(needle) + 1) if since is None else since
        deadline = time.perf_counter() + within
        while needle not in self.output[begin:]:
            if time.perf_counter() > deadline or self.proc.poll() is not None:
                tail = self.output[-2000:].decode(errors="replace")
                raise RuntimeError(f"{marker!r} never showed; last output: {tail}")
            self.pump(0.005)
        return time.perf_counter() - self.started

    def settle(self, keys: bytes, quiet: float, marker: str = "", within: float = 30.0) -> float:
        """Write ``keys`` and read until ``marker`` (if any) was written and then the output
        was quiet for ``quiet`` seconds: the seconds from the write to the last byte before
        that quiet, when the frame the key asked for was painted."""
        needle = marker.encode()
        begin = len(self.output)
        start = time.perf_counter()
        os.write(self.master, keys)
        last: float | None = None
        deadline = start + within
        while True:
            now = time.perf_counter()
            seen = needle in self.output[begin:]
            if last is not None and seen and now >= last + quiet:
                return last - start
            if now > deadline or self.proc.poll() is not None:
                tail = self.output[-2000:].decode(errors="replace")
                raise RuntimeError(f"no frame settled after {keys!r} ({marker!r}): {tail}")
            wait = quiet if last is None or not seen else last + quiet - now
            ready, _, _ = select.select([self.master], [], [], max(0.0, wait))
            if ready:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    continue  # the program ended: poll() says so on the next turn
                last = time.perf_counter()

    def type(self, text: str, pause: float = 0.1) -> None:
        os.write(self.master, text.encode())
        self.pump(pause)

    def peak_rss_kib(self) -> int:
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmHWM")

    def cpu_seconds(self) -> float:
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime

    def stop(self) -> None:
        children.end(self.proc)
        if self.master >= 0:
            os.close(self.master)
            self.master = -1
