"""How a simulated top-up ends: the test numbers with fixed outcomes, and the scenarios.

A number (or a bill's service reference) whose first six digits are ``555555`` is a test
number; its last digit picks a row
of :data:`TEST_ROWS` (the table in docs/dealer-simulator.md). Row 9 and every other number
follow the scenario, drawn from a random generator seeded by the simulator's seed and the
client reference, so the same run gives the same outcomes whatever the order of requests.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

TEST_PREFIX = "555555"
SCENARIOS = ("normal", "peak", "outage", "chaos")

# How the first answer leaves the simulator.
ANSWER = "answer"  # a normal HTTP answer
DROP = "drop"      # the connection is cut after the top-up was recorded
HANG = "hang"      # no answer while the client waits


@dataclass(frozen=True)
class Plan:
    """What the carrier will do with one top-up, decided when it arrives."""

    final: str                  # "success" or "failed"
    error: str | None = None    # the error code when failed
    settle_after: float = 0.5   # simulated seconds until the carrier's final answer
    answer: str = ANSWER
    answer_after: float | None = None  # first answer before settling: a 202 "pending"


TEST_ROWS: dict[int, tuple[str, Plan]] = {
    0: ("instant success", Plan("success", settle_after=0.2)),
    1: ("invalid number (consumer, definite)", Plan("failed", "INVALID_NUMBER", 0.3)),
    2: ("carrier down (carrier, transient, nothing charged)", Plan("failed", "CARRIER_DOWN", 0.3)),
    3: ("slow success (about 40 s)", Plan("success", settle_after=40.0)),
    4: ("the answer never comes while the client waits; the top-up succeeds",
        Plan("success", settle_after=5.0, answer=HANG)),
    5: ("delivered, then the connection drops before the answer",
        Plan("success", settle_after=0.5, answer=DROP)),
    6: ("recently topped up (carrier, refused)", Plan("failed", "RECENT_TOPUP", 1.0)),
    7: ("carrier rejection (carrier, refused)", Plan("failed", "CARRIER_REJECTED", 1.0)),
    8: ("pending (202), success a little later",
        Plan("success", settle_after=90.0, answer_after=1.0)),
}


def row_of(msisdn: str) -> int | None:
    """The row of a test number, or None for a number that follows the scenario."""
    # A bill's service reference (up to 30 digits) is a test reference the same way.
    if 10 <= len(msisdn) <= 30 and msisdn.startswith(TEST_PREFIX) and msisdn[-1].isdigit():
        return int(msisdn[-1])
    return None


def fixed_plan(msisdn: str) -> Plan | None:
    row = row_of(msisdn)
    return TEST_ROWS[row][1] if row is not None and row in TEST_ROWS else None


def scenario_plan(rng: random.Random, scenario: str, peak: bool) -> Plan:
    """Draw an outcome for a number without a fixed one (R15: the peak window is worse)."""
    if scenario == "chaos":
        return _chaos(rng)
    if scenario in ("peak", "outage") or peak:
        return _peak(rng)
    return _normal(rng)


def _normal(rng: random.Random) -> Plan:
    r = rng.random()
    if r < 0.96:
        return Plan("success", settle_after=rng.uniform(0.5, 3.0))
    if r < 0.975:
        return Plan("success", settle_after=rng.uniform(60, 150), answer_after=1.0)
    if r < 0.99:
        return Plan("success", settle_after=rng.uniform(15, 25))
    return Plan("failed", "CARRIER_REJECTED", rng.uniform(0.5, 2.0))


def _peak(rng: random.Random) -> Plan:
    r = rng.random()
    if r < 0.55:
        return Plan("success", settle_after=rng.uniform(8, 45))
    if r < 0.67:
        return Plan("success", settle_after=rng.uniform(60, 300), answer_after=2.0)
    if r < 0.77:
        return Plan("success", settle_after=rng.uniform(10, 60), answer=HANG)
    if r < 0.85:
        return Plan("success", settle_after=rng.uniform(5, 30), answer=DROP)
    if r < 0.92:
        return Plan("failed", "CARRIER_DOWN", rng.uniform(5, 30))
    return Plan("success", settle_after=rng.uniform(1, 5))


def _chaos(rng: random.Random) -> Plan:
    r = rng.random()
    if r < 0.30:
        return Plan("success", settle_after=rng.uniform(0.5, 3))
    if r < 0.45:
        return Plan("success", settle_after=rng.uniform(20, 60))
    if r < 0.55:
        return Plan("success", settle_after=rng.uniform(2, 60), answer=HANG)
    if r < 0.65:
        return Plan("success", settle_after=rng.uniform(0.5, 20), answer=DROP)
    if r < 0.80:
        final = "success" if rng.random() < 0.9 else "failed"
        error = None if final == "success" else "CARRIER_REJECTED"
        return Plan(final, error, settle_after=rng.uniform(30, 240), answer_after=1.0)
    code = rng.choice(("INVALID_NUMBER", "CARRIER_DOWN", "RECENT_TOPUP", "CARRIER_REJECTED",
                       "DEALER_BUSY"))
    return Plan("failed", code, rng.uniform(0.3, 5))


def reflection_delay(rng: random.Random, scenario: str, peak: bool) -> float:
    """Simulated seconds until a sale shows in lookups and the report: under 10 min (R19)."""
    if scenario in ("peak", "outage", "chaos") or peak:
        return rng.uniform(60, 590)
    return rng.uniform(5, 240)
