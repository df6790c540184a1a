"""One writer, even when ``journal.lock`` is deleted while the app runs (R03).

The writer is a real second process, driven line by line through its standard input, so the
locks are held by another process exactly as the shop's app would hold them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from journal_factory import MX, captured, dead_pid, walk

from recarga_tui.domain.sale import State
from recarga_tui.journal import Journal, JournalError, recovery
from recarga_tui.journal.layout import LOCK_NAME

HERE = Path(__file__).parent
POSIX = pytest.mark.skipif(os.name != "posix", reason="flock and pids: Linux")

# The cashier's copy: opens the journal, captures a sale, then records its next step each time
# it reads a line, answering "ok" or the journal's error.
WRITER = textwrap.dedent(f"""
    import sys
    sys.path.insert(0, {str(HERE)!r})
    from pathlib import Path
    from journal_factory import MX, captured, walk
    from recarga_tui.domain.sale import State
    from recarga_tui.journal import Journal, JournalError
    journal = Journal.open(Path(sys.argv[1]), tz=MX)
    sale = captured()
    journal.record(sale)
    print("ready" if not journal.read_only else "read-only", flush=True)
    steps = iter(walk(sale, State.ACCEPTED, State.PAID, State.SENDING, State.CONFIRMED))
    for line in sys.stdin:
        sale = next(steps)
        try:
            journal.record(sale)
            print("ok", sale.state.value, flush=True)
        except JournalError as exc:
            print("error", exc.code, flush=True)
    journal.close()
""")

# Another copy started meanwhile: says whether it may write, and tries.
SECOND = textwrap.dedent(f"""
    import sys
    sys.path.insert(0, {str(HERE)!r})
    from pathlib import Path
    from journal_factory import MX, captured
    from recarga_tui.journal import Journal, JournalError
    with Journal.open(Path(sys.argv[1]), tz=MX) as journal:
        print("read-only" if journal.read_only else "writer", journal.read_only_reason)
        try:
            journal.record(captured(token="5ec0d001"))
            print("recorded")
        except JournalError as exc:
            print("refused", exc.code)
""")


@pytest.fixture
def writer(tmp_path):
    folder = tmp_path / "journal"
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(folder)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"

    def step() -> str:
        child.stdin.write("next\n")
        child.stdin.flush()
        return child.stdout.readline().strip()

    child.step = step  # type: ignore[attr-defined]
    child.folder = folder  # type: ignore[attr-defined]
    yield child
    child.stdin.close()
    child.wait(timeout=30)


def _second(folder: Path) -> list[str]:
    out = subprocess.run([sys.executable, "-c", SECOND, str(folder)], capture_output=True,
                         text=True, timeout=60, check=True).stdout
    return out.strip().splitlines()


@POSIX
def test_r03_deleting_the_lock_file_under_a_running_writer_lets_no_second_writer_in(writer):
    folder = writer.folder
    assert writer.step() == "ok accepted"
    (folder / LOCK_NAME).unlink()  # a person, a cleaner, a script: while the app runs
    # A temp file as the running writer leaves one mid-write, named with its pid.
    temp = folder / f".2026-11-25.json.{writer.pid}.0badc0de.tmp"
    temp.write_bytes(b'{"sales": {')
    assert _second(folder) == ["read-only journal.read_only", "refused journal.read_only"]
    assert temp.exists()  # nobody recovered over the live writer
    # The first copy goes on writing, and makes the lock file again.
    assert writer.step() == "ok paid"
    assert (folder / LOCK_NAME).exists()
    assert _second(folder)[0] == "read-only journal.read_only"
    assert writer.step() == "ok sending"
    assert writer.step() == "ok confirmed"
    writer.stdin.close()
    assert writer.wait(timeout=30) == 0
    temp.unlink()
    with Journal.open(folder, tz=MX) as after:  # the writer is gone: this copy writes
        assert not after.read_only
        (sale,) = after.sales_of_day(captured().created_at.date())
        assert sale.state is State.CONFIRMED


def test_r03_a_second_copy_in_the_same_process_is_read_only(tmp_path):
    with Journal.open(tmp_path, tz=MX) as first:
        (tmp_path / LOCK_NAME).unlink()
        with Journal.open(tmp_path, tz=MX) as second:
            assert second.read_only and second.read_only_reason == "journal.read_only"
        first.record(captured())
    assert (tmp_path / LOCK_NAME).exists()


def test_r03_an_older_copy_that_locks_only_journal_lock_keeps_this_one_read_only(tmp_path):
    from filelock import FileLock

    older = FileLock(tmp_path / LOCK_NAME, timeout=0, thread_local=False,
                     fallback_to_soft=False, preserve_lock_file=True)
    with older:
        with Journal.open(tmp_path, tz=MX) as copy:
            assert copy.read_only
    with Journal.open(tmp_path, tz=MX) as copy:
        assert not copy.read_only


@POSIX
def test_r03_a_writer_that_lost_journal_lock_to_another_process_stops_writing(tmp_path):
    """Only an older version could take a new journal.lock while this copy runs: if one
    does, this copy writes no more rather than share the notebook."""
    from filelock import FileLock

    with Journal.open(tmp_path, tz=MX) as j:
        sale = captured()
        j.record(sale)
        (tmp_path / LOCK_NAME).unlink()
        older = FileLock(tmp_path / LOCK_NAME, timeout=0, thread_local=False,
                         fallback_to_soft=False, preserve_lock_file=True)
        with older:
            with pytest.raises(JournalError) as err:
                j.record(walk(sale, State.ACCEPTED)[0])
            assert err.value.code == "journal.read_only" and j.read_only


@POSIX
def test_r03_recovery_removes_only_the_temp_files_of_writers_that_are_gone(tmp_path):
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = tmp_path / f".2026-11-25.json.{sleeper.pid}.00000001.tmp"
        old = tmp_path / f".2026-11-25.json.{sleeper.pid}.00000002.tmp"
        gone = tmp_path / f".2026-11-25.json.{dead_pid()}.00000003.tmp"
        nameless = tmp_path / ".2026-11-25.json.tmp"
        for path in (live, old, gone, nameless):
            path.write_bytes(b"half")
        long_ago = time.time() - recovery.TEMP_MAX_AGE - 60
        os.utime(old, (long_ago, long_ago))  # its pid may be another process's by now
        removed = {n.params["file"] for n in recovery.remove_temps(tmp_path)}
        assert removed == {old.name, gone.name, nameless.name}
        assert live.exists()
    finally:
        sleeper.kill()
        sleeper.wait()
