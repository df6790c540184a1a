"""The processes a benchmark starts end with it: on a normal exit, on an error, on a signal.

Each child gets a process group of its own (so ending it ends whatever it started) and, on
Linux, asks the kernel to kill it when the benchmark dies (``PR_SET_PDEATHSIG``), which
covers the one way out no handler sees: the benchmark itself killed with SIGKILL, as a timeout
does. SIGTERM, SIGINT and SIGHUP run the normal exit, whose ``atexit`` ends every child still
running: SIGTERM to its group, then SIGKILL if it is still there a few seconds later.

Call :func:`install` once at the start of a benchmark's ``main``; start children with
:func:`spawn`.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import signal
import subprocess
import sys
from typing import Any

PR_SET_PDEATHSIG = 1
GRACE_SECONDS = 5.0

_children: list[subprocess.Popen[Any]] = []
_installed = False


def _die_with_parent() -> None:
    """In the child, before exec: killed by the kernel the moment its parent dies."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass


def spawn(argv: list[str], **kwargs: Any) -> subprocess.Popen[Any]:
    """``subprocess.Popen`` in a new session (its own process group), ended with the benchmark."""
    kwargs.setdefault("start_new_session", True)
    proc: subprocess.Popen[Any] = subprocess.Popen(argv, preexec_fn=_die_with_parent, **kwargs)
    _children.append(proc)
    return proc


def end(proc: subprocess.Popen[Any], grace: float = GRACE_SECONDS) -> None:
    """End a child and its process group: SIGTERM, then SIGKILL after ``grace`` seconds."""
    if proc.poll() is None:
        _signal_group(proc, signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            _signal_group(proc, signal.SIGKILL)
            proc.wait()
    else:
        # The leader is gone; what it started in its group may not be.
        _signal_group(proc, signal.SIGKILL)
    if proc in _children:
        _children.remove(proc)


def _signal_group(proc: subprocess.Popen[Any], sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def end_all() -> None:
    for proc in list(_children):
        end(proc)


def _on_signal(signum: int, frame: object) -> None:
    # SystemExit unwinds the benchmark's own ``finally`` blocks, then atexit ends the rest.
    raise SystemExit(128 + signum)


def install() -> None:
    """Children end when this process exits, fails, or is told to stop."""
    global _installed
    if _installed:
        return
    _installed = True
    atexit.register(end_all)
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, _on_signal)


def running() -> list[int]:
    """The pids of the children still running (what a test looks for after a kill)."""
    return [p.pid for p in _children if p.poll() is None]
