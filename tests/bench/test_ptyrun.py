"""The benchmarks' pseudo-terminal reader finds a screen that was painted while keys were
being typed: a marker read by ``type``'s own wait is found from the length passed as
``since``, not missed until the program happens to repaint (it once waited a minute for the
home screen that was already there)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="pseudo-terminals")


@pytest.fixture
def ptyrun(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import ptyrun

    return ptyrun


def echoing(ptyrun):
    """A program that paints its "screen" once, as soon as a line is typed, then waits."""
    code = "import sys; sys.stdin.readline(); print('HOME', flush=True); sys.stdin.readline()"
    return ptyrun.PtyApp([sys.executable, "-c", code], dict(os.environ))


def test_a_screen_painted_during_typing_is_found_from_before_the_keys(ptyrun):
    app = echoing(ptyrun)
    try:
        typed_at = len(app.output)
        app.type("x\r", pause=0.0)
        app.wait_for("HOME", within=30)  # read while the keys were typed, as type() does
        app.wait_for("HOME", within=0.3, since=typed_at)  # found at once, not a repaint later
    finally:
        app.stop()


def test_a_marker_painted_before_the_call_is_not_found_without_since(ptyrun):
    app = echoing(ptyrun)
    try:
        app.type("x\r", pause=0.0)
        app.wait_for("HOME", within=30)  # the first paint: after the keys, as it comes
        with pytest.raises(RuntimeError, match="never showed"):
            app.wait_for("HOME", within=0.3)  # painted before this call: not seen again
    finally:
        app.stop()
