"""What checking a cashier's PIN costs on this machine, for choosing scrypt's parameters.

    python benchmarks/pin_check.py [--runs 9]

A PIN is kept only as ``hashlib.scrypt`` of it (``services/cashiers.py``): slow enough that
the list of cashiers, read by someone who should not, does not give the PINs away at once,
and quick enough that a cashier waits for it unnoticed. The aim is 0.1-0.3 s a check on the
shop's PC. For each candidate (N, r, p) it prints the median and the slowest of ``--runs``
checks and the memory scrypt takes (128 x N x r bytes), one line each; the app's own choice
is marked with ``*``. The last line is ``chosen_median_s=<x> chosen_mib=<y>``.
"""

from __future__ import annotations

import argparse
import hashlib
import secrets
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from recarga_tui.services.cashiers import (  # noqa: E402  (the checkout, not an install)
    HASH_BYTES,
    SALT_BYTES,
    SCRYPT_MAXMEM,
    Cost,
)

CANDIDATES = (Cost(2**14, 8, 1), Cost(2**15, 8, 1), Cost(2**15, 8, 2), Cost(2**16, 8, 1),
              Cost(2**14, 8, 4))


def timed(cost: Cost, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        salt = secrets.token_bytes(SALT_BYTES)
        start = time.perf_counter()
        hashlib.scrypt(b"73915286", salt=salt, n=cost.n, r=cost.r, p=cost.p,
                       maxmem=SCRYPT_MAXMEM, dklen=HASH_BYTES)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    chosen = Cost()
    summary = ""
    for cost in CANDIDATES:
        times = timed(cost, args.runs)
        mib = 128 * cost.n * cost.r / 2**20
        mark = "*" if cost == chosen else " "
        print(f"{mark} N=2^{cost.n.bit_length() - 1} r={cost.r} p={cost.p}: "
              f"median {statistics.median(times):.3f} s, slowest {max(times):.3f} s, "
              f"{mib:.0f} MiB")
        if cost == chosen:
            summary = f"chosen_median_s={statistics.median(times):.3f} chosen_mib={mib:.0f}"
    print(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
