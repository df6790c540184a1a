"""What every test shares: how long Textual's Pilot waits after a key."""

from __future__ import annotations

import textual._wait

# Pilot waits after every key until the app looks idle: Textual sleeps in slices of
# SLEEP_GRANULARITY and calls the app idle when a slice used under a twentieth of it in CPU
# time. Its 20 ms slices cost every key at least 40 ms of sleep, most of a screen test's time.
# Slices of 2 ms ask the same question (the same share of CPU) ten times as often: a key still
# waits until its messages are handled and the app has gone quiet. What a worker brings later
# (the dealer's answer) is waited for by the tests themselves (tests/ui/ui_helpers.py wait_for).
IDLE_SLICE = 0.002
assert hasattr(textual._wait, "SLEEP_GRANULARITY") and hasattr(textual._wait, "SLEEP_IDLE"), (
    "textual._wait no longer has SLEEP_GRANULARITY/SLEEP_IDLE: see tests/conftest.py")
textual._wait.SLEEP_GRANULARITY = IDLE_SLICE
textual._wait.SLEEP_IDLE = IDLE_SLICE / 20.0
