"""A terminal that went away without a hang-up signal ends the app.

When the terminal closes (the SSH connection drops, the multiplexer dies, the window is
closed) the kernel normally sends SIGHUP and the app ends at once. Not always: a session
started with hang-ups ignored (``nohup``, some kiosk launchers), or a pseudo-terminal that is
not the session's controlling terminal, gets no signal; the pseudo-terminal's other end simply
closes. Textual's input thread then reads end-of-input forever and spins at most of a core,
with no cashier anywhere to see the screen.

So the app looks at its terminal twice a second: ``poll`` on the input and output descriptors
reports a hang-up or an error without reading a key. Once the terminal is gone the app ends
as a crash would: every journal write is whole on disk or not there at all, so it only closes
the journal (which releases the writer lock for the next copy) and leaves the process. A sale
being sent is already "sending" on disk; the recovery at the next start checks it (R16, R19).
"""

from __future__ import annotations

import logging
import os
import select
import sys
from collections.abc import Callable, Iterable

log = logging.getLogger(__name__)

CHECK_EVERY = 0.5      # seconds between two looks
EXIT_CODE = 129        # as if ended by SIGHUP (128 + 1)
_GONE = getattr(select, "POLLHUP", 0) | getattr(select, "POLLERR", 0) | getattr(
    select, "POLLNVAL", 0)


def terminal_fds() -> list[int]:
    """The descriptors of the terminal the app reads and draws on (those that are terminals)."""
    fds = []
    for stream in (sys.__stdin__, sys.__stderr__, sys.__stdout__):
        try:
            fd = stream.fileno() if stream is not None else -1
        except (OSError, ValueError):
            continue
        if fd >= 0 and fd not in fds and os.isatty(fd):
            fds.append(fd)
    return fds


def gone(fds: Iterable[int]) -> bool:
    """Whether any of ``fds`` reports a hang-up or an error (never reads from them)."""
    if not hasattr(select, "poll"):
        return False  # Windows: the console closing ends the process itself
    poller = select.poll()
    registered = False
    for fd in fds:
        poller.register(fd, 0)  # no events asked: only hang-ups and errors are reported
        registered = True
    if not registered:
        return False
    return any(revents & _GONE for _fd, revents in poller.poll(0))


def leave_as_a_crash_would(close_journal: Callable[[], None]) -> None:
    """Close the journal, flush the log, and end the process without touching the terminal."""
    log.warning("the terminal went away without a hang-up; the app ends (exit %d)", EXIT_CODE)
    try:
        close_journal()
    except Exception:  # the journal's files are whole whatever happens here
        log.exception("closing the journal after the terminal went away")
    logging.shutdown()
    os._exit(EXIT_CODE)
