"""The file-system calls the journal makes, recorded, and the states a power cut can leave.

:class:`Recorder` wraps the ``os`` calls that change a folder or a file (``open`` with
``O_CREAT``/``O_TRUNC``, ``write``, ``fsync``, ``replace``/``rename``, ``link``, ``unlink``,
``mkdir``) under one root and keeps, beside the real files, a model of them: folders as names
to inodes, files as bytes. :func:`crash_states` then builds, for a prefix of those calls, what
the disk may hold after the power went at that instant:

- **strict** (POSIX as some USB sticks, FAT/exFAT and network folders give it): a file's data
  survives only up to its last ``fsync`` (the rest lost, or torn); a name made, renamed or
  removed in a folder survives only when that folder was fsynced after it, and the names not
  yet synced survive in any combination (a later rename may persist while an earlier one
  does not).
- **ordered** (ext4, ``data=ordered``): the changes to names persist in the order they were
  made, up to any point after the last fsync; a file's data not yet synced is there with them,
  or lost (delayed allocation).

The combinations tried are bounded (see :data:`ALL_SUBSETS_UP_TO`): every subset of the names
not yet synced when there are few, else every subset of at most two of them or missing at most
two. docs/journal.md says what this proves and what it does not.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = 0
ALL_SUBSETS_UP_TO = 6  # pending name changes: every subset up to this many, bounded above


@dataclass(frozen=True)
class Op:
    """One recorded change. ``effects``: the names it sets, (folder, name, inode or None)."""

    kind: str
    effects: tuple[tuple[int, str, int | None], ...] = ()
    ino: int | None = None        # write, fsync, truncate: the file or folder it is about
    offset: int = 0
    data: bytes = b""


@dataclass
class Recorder:
    root: Path
    ops: list[Op] = field(default_factory=list)
    marks: list[tuple[int, str, Any]] = field(default_factory=list)
    entries: dict[int, dict[str, int]] = field(default_factory=lambda: {ROOT: {}})
    data: dict[int, bytearray] = field(default_factory=dict)
    fds: dict[int, list[int]] = field(default_factory=dict)  # fd -> [inode, position]
    _next: int = 1

    # --- the model's names ----------------------------------------------------------------

    def _parts(self, path: Any) -> tuple[str, ...] | None:
        full = Path(os.path.abspath(os.fspath(path)))
        try:
            return full.relative_to(self.root).parts
        except ValueError:
            return None  # outside the root: not the journal's

    def ino_of(self, path: Any) -> int | None:
        parts = self._parts(path)
        if parts is None:
            return None
        here = ROOT
        for part in parts:
            nxt = self.entries.get(here, {}).get(part)
            if nxt is None:
                return None
            here = nxt
        return here

    def place(self, path: Any) -> tuple[int, str] | None:
        parts = self._parts(path)
        if not parts:
            return None
        parent = self.ino_of(self.root.joinpath(*parts[:-1]))
        return None if parent is None else (parent, parts[-1])

    def _new(self) -> int:
        self._next += 1
        return self._next

    def _apply(self, op: Op) -> None:
        for folder, name, ino in op.effects:
            if ino is None:
                self.entries[folder].pop(name, None)
            else:
                self.entries[folder][name] = ino
        self.ops.append(op)

    def mark(self, kind: str, payload: Any) -> None:
        self.marks.append((len(self.ops), kind, payload))

    # --- the wrapped calls -----------------------------------------------------------------

    def install(self, monkeypatch: Any) -> None:
        real = {name: getattr(os, name) for name in
                ("open", "write", "fsync", "close", "replace", "rename", "link", "unlink",
                 "mkdir")}

        def open_(path: Any, flags: int, mode: int = 0o777, *, dir_fd: Any = None) -> int:
            where = self.place(path)
            existed = self.ino_of(path)  # ROOT for the root itself, which has no place
            fd: int = real["open"](path, flags, mode, dir_fd=dir_fd)
            if existed is None and where is None:
                return fd  # outside the root: not the journal's
            ino = existed
            if ino is None:
                assert where is not None
                ino = self._new()
                self.data[ino] = bytearray()
                self._apply(Op("create", ((where[0], where[1], ino),)))
            elif flags & os.O_TRUNC and ino in self.data:
                self.data[ino] = bytearray()
                self._apply(Op("truncate", ino=ino))
            self.fds[fd] = [ino, 0]
            return fd

        def write(fd: int, data: Any) -> int:
            n: int = real["write"](fd, data)
            held = self.fds.get(fd)
            if held is not None and held[0] in self.data:
                chunk = bytes(data[:n])
                buf = self.data[held[0]]
                buf[held[1]:held[1] + n] = chunk
                self._apply(Op("write", ino=held[0], offset=held[1], data=chunk))
                held[1] += n
            return n

        def fsync(fd: int) -> None:
            real["fsync"](fd)
            held = self.fds.get(fd)
            if held is not None:
                self._apply(Op("fsync", ino=held[0]))

        def close(fd: int) -> None:
            self.fds.pop(fd, None)
            real["close"](fd)

        def rename(src: Any, dst: Any, **kw: Any) -> None:
            a, b, ino = self.place(src), self.place(dst), self.ino_of(src)
            real["replace"](src, dst, **kw)
            if a is not None and b is not None and ino is not None:
                assert a[0] == b[0], "a rename across folders is not modelled"
                self._apply(Op("rename", ((a[0], a[1], None), (b[0], b[1], ino))))

        def link(src: Any, dst: Any, **kw: Any) -> None:
            where, ino = self.place(dst), self.ino_of(src)
            real["link"](src, dst, **kw)
            if where is not None and ino is not None:
                self._apply(Op("link", ((where[0], where[1], ino),)))

        def unlink(path: Any, **kw: Any) -> None:
            where = self.place(path)
            real["unlink"](path, **kw)
            if where is not None:
                self._apply(Op("unlink", ((where[0], where[1], None),)))

        def mkdir(path: Any, mode: int = 0o777, **kw: Any) -> None:
            where = self.place(path)
            real["mkdir"](path, mode, **kw)
            if where is not None:
                ino = self._new()
                self.entries[ino] = {}
                self._apply(Op("mkdir", ((where[0], where[1], ino),)))

        for name, fn in (("open", open_), ("write", write), ("fsync", fsync), ("close", close),
                         ("replace", rename), ("rename", rename), ("link", link),
                         ("unlink", unlink), ("mkdir", mkdir)):
            monkeypatch.setattr(os, name, fn)


# --- the states a power cut leaves ------------------------------------------------------------


@dataclass(frozen=True)
class Disk:
    """A state to materialise: folders (paths) and files (path -> inode), with each inode's
    bytes, so hard links stay hard links."""

    folders: tuple[str, ...]
    files: tuple[tuple[str, int], ...]
    contents: tuple[tuple[int, bytes], ...]

    def key(self) -> tuple[Any, ...]:
        """Equal for two disks that hold the same (inode numbers renamed in order of use)."""
        names: dict[int, int] = {}
        for _, ino in self.files:
            names.setdefault(ino, len(names))
        data = dict(self.contents)
        return (self.folders, tuple((p, names[i]) for p, i in self.files),
                tuple(sorted((names[i], data[i]) for i in names)))

    def build(self, at: Path) -> None:
        if at.exists():
            shutil.rmtree(at)
        at.mkdir(parents=True)
        for folder in self.folders:
            (at / folder).mkdir()
        data = dict(self.contents)
        first: dict[int, Path] = {}
        for rel, ino in self.files:
            path = at / rel
            if ino in first:
                os.link(first[ino], path)
            else:
                path.write_bytes(data[ino])
                first[ino] = path


@dataclass
class _Replay:
    """The model after a prefix of the calls: what is live and what is durable."""

    ops: list[Op]
    live: dict[int, dict[str, int]] = field(default_factory=lambda: {ROOT: {}})
    synced: dict[int, dict[str, int]] = field(default_factory=lambda: {ROOT: {}})
    pending: list[int] = field(default_factory=list)  # indices of name changes not synced
    data: dict[int, bytes] = field(default_factory=dict)
    synced_data: dict[int, bytes] = field(default_factory=dict)
    folders: set[int] = field(default_factory=lambda: {ROOT})

    def step(self, i: int, op: Op) -> None:
        if op.kind == "mkdir":
            made = op.effects[0][2]
            assert made is not None
            self.folders.add(made)
            self.live[made], self.synced[made] = {}, {}
        elif op.kind in ("create", "truncate"):
            self.data[op.ino if op.ino is not None else op.effects[0][2]] = b""  # type: ignore[index]
        elif op.kind == "write":
            assert op.ino is not None
            buf = bytearray(self.data.get(op.ino, b""))
            buf[op.offset:op.offset + len(op.data)] = op.data
            self.data[op.ino] = bytes(buf)
        elif op.kind == "fsync":
            assert op.ino is not None
            if op.ino in self.folders:
                self.synced[op.ino] = dict(self.live[op.ino])
                self.pending = [j for j in self.pending
                                if all(f != op.ino for f, _, _ in self.ops[j].effects)]
            else:
                self.synced_data[op.ino] = self.data.get(op.ino, b"")
        for folder, name, ino in op.effects:
            if ino is None:
                self.live[folder].pop(name, None)
            else:
                self.live[folder][name] = ino
        if op.effects:
            self.pending.append(i)

    def unsynced(self) -> list[int]:
        return sorted(i for i, raw in self.data.items() if raw != self.synced_data.get(i, b""))

    def without_unsynced_data(self) -> dict[int, bytes]:
        return {**self.data, **{i: self.synced_data.get(i, b"") for i in self.unsynced()}}


def _disk(entries: dict[int, dict[str, int]], folders: set[int],
          data: dict[int, bytes]) -> Disk:
    out_folders, out_files = [], []
    stack: list[tuple[int, str]] = [(ROOT, "")]
    while stack:
        here, prefix = stack.pop()
        for name, ino in sorted(entries.get(here, {}).items()):
            rel = f"{prefix}{name}"
            if ino in folders:
                out_folders.append(rel)
                stack.append((ino, rel + "/"))
            else:
                out_files.append((rel, ino))
    used = {ino for _, ino in out_files}
    return Disk(tuple(sorted(out_folders, key=lambda p: (p.count("/"), p))),
                tuple(sorted(out_files)),
                tuple(sorted((ino, data.get(ino, b"")) for ino in used)))


def _subsets(pending: list[int]) -> Iterator[tuple[int, ...]]:
    n = len(pending)
    if n <= ALL_SUBSETS_UP_TO:
        for size in range(n + 1):
            yield from itertools.combinations(pending, size)
        return
    seen = set()
    for size in (0, 1, 2):
        for chosen in itertools.combinations(pending, size):
            for subset in (chosen, tuple(j for j in pending if j not in chosen)):
                if subset not in seen:
                    seen.add(subset)
                    yield subset


def _torn(before: bytes, after: bytes) -> bytes:
    """A write cut half-way: the new bytes up to the middle, the old ones after."""
    cut = max(1, len(after) // 2)
    return after[:cut] + before[cut:]


@dataclass(frozen=True)
class Cut:
    """A power cut after ``ops[:k]``: one state it can leave (``disk``), what model and
    choice made it (``label``), and the names whose last change still waited for their
    folder's fsync at that instant (``waiting``)."""

    k: int
    label: str
    disk: Disk
    waiting: frozenset[str]


def crash_states(ops: list[Op]) -> Iterator[Cut]:
    """For every prefix ``ops[:k]`` (k from 0 to all), every state (bounded as the module
    says) a power cut at that instant can leave."""
    state = _Replay(ops)
    since_sync: list[tuple[int, Disk, Disk | None]] = []  # ordered: the points since a sync
    for k in range(len(ops) + 1):
        if k:
            state.step(k - 1, ops[k - 1])
            if ops[k - 1].kind == "fsync":
                since_sync = []  # ext4 commits every change made before an fsync
        unsynced = state.unsynced()
        lost = state.without_unsynced_data()
        waiting = frozenset(name for j in state.pending for _, name, _ in ops[j].effects)
        here = _disk(state.live, state.folders, state.data)
        since_sync.append((k, here, _disk(state.live, state.folders, lost) if unsynced
                           else None))
        # strict: the synced names, and any combination of the changes not synced
        for subset in _subsets(state.pending):
            entries = {f: dict(names) for f, names in state.synced.items()}
            for j in subset:
                for folder, name, ino in ops[j].effects:
                    if ino is None:
                        entries[folder].pop(name, None)
                    else:
                        entries[folder][name] = ino
            kept = f"strict: names {list(subset)} of {state.pending} kept"
            yield Cut(k, f"{kept}, unsynced data lost", _disk(entries, state.folders, lost),
                      waiting)
            if unsynced:
                yield Cut(k, f"{kept}, unsynced data kept",
                          _disk(entries, state.folders, state.data), waiting)
                for ino in unsynced:
                    torn = {**lost, ino: _torn(state.synced_data.get(ino, b""), state.data[ino])}
                    yield Cut(k, f"{kept}, inode {ino} torn", _disk(entries, state.folders, torn),
                              waiting)
        # ordered: the names as they were at any point from the last fsync on
        for point, disk, data_lost in since_sync:
            yield Cut(k, f"ordered: up to call {point}", disk, waiting)
            if data_lost is not None:
                yield Cut(k, f"ordered: up to call {point}, unsynced data lost", data_lost,
                          waiting)
