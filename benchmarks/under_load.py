"""Tests run again and again while other programs keep the cores busy: what a loaded CI
machine does to a test that races real time.

    python benchmarks/under_load.py [--busy 4] [--runs 20] [--workers 0] -- PYTEST_ARGS...

``--busy`` processes spin on the CPU (each a Python loop, in its own process group, ended with
this program) while pytest runs the given tests ``--runs`` times, one after the other. Each
run's failures are read from its JUnit XML. A test that passes alone and fails here depends on
how fast the machine is: it must fix what it expects (the fake clock, the simulator's frozen
clock), not wait for it. ``--workers N`` runs each pytest with ``-n N`` (0: no xdist).

Example (the lost answers, as checked before each release):

    python benchmarks/under_load.py --busy 4 --runs 20 -- \\
        tests/ui/test_lost_answers.py tests/services/test_checker.py \\
        tests/e2e/test_e2e_lost_answer.py

The last line is ``under_load runs=<n> passed=<n> failed=<n> busy=<n>``, after one line per
test that failed with how many runs it failed in.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import children

SPIN = "while True: pass"


def failures(junit: Path) -> dict[str, str]:
    """The tests that failed or errored in one run, each with the last lines of its report."""
    if not junit.exists():
        return {"<pytest wrote no report>": ""}
    root = ET.parse(junit).getroot()
    failed = {}
    for case in root.iter("testcase"):
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is not None:
            text = (problem.get("message") or "") + "\n" + (problem.text or "")
            failed[f"{case.get('classname')}::{case.get('name')}"] = "\n".join(
                text.strip().splitlines()[-12:])
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--busy", type=int, default=4)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("pytest_args", nargs="*")
    args = parser.parse_args()
    children.install()
    for _ in range(args.busy):
        children.spawn([sys.executable, "-c", SPIN], stdin=subprocess.DEVNULL)
    time.sleep(0.5)
    tally: Counter[str] = Counter()
    passed = 0
    with tempfile.TemporaryDirectory(prefix="under-load-") as tmp:
        for run in range(1, args.runs + 1):
            junit = Path(tmp) / f"run{run}.xml"
            cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                   f"--junitxml={junit}", *args.pytest_args]
            if args.workers:
                cmd[3:3] = ["-n", str(args.workers)]
            started = time.monotonic()
            done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            failed = failures(junit) if done.returncode else {}
            tally.update(failed)
            passed += not failed
            print(f"run {run}/{args.runs}: {'passed' if not failed else 'FAILED'} in "
                  f"{time.monotonic() - started:.0f} s {' '.join(failed)}", flush=True)
            for test, why in failed.items():
                print(f"  --- {test}\n" + "\n".join(f"    {line}" for line in why.splitlines()),
                      flush=True)
    children.end_all()
    for test, count in tally.most_common():
        print(f"  failed {count}/{args.runs}: {test}")
    print(f"under_load runs={args.runs} passed={passed} failed={args.runs - passed} "
          f"busy={args.busy}")
    return 0 if passed == args.runs else 1


if __name__ == "__main__":
    sys.exit(main())
