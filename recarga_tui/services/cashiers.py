"""The shop's cashiers: a name and a PIN each, kept as a slow hash only, and the lock after
repeated wrong PINs.

The owner, whoever holds the dealer's password, sets cashiers up (:meth:`Cashiers.owner`
checks the password with the dealer itself: the app keeps no copy of it, R12-R13). A
cashier then starts and ends a shift with the PIN alone (``services/shifts.py``), so no
employee needs the shop's key to its money.

The list of cashiers (the roster) is a file of its own, the user's alone (0600 in a 0700
folder) and written whole and durable like the notebook (``private.write_file``). It lives
beside the journal's folder, as ``<journal folder>-cajeros.json``
(``~/.local/share/recarga-tui/journal-cajeros.json`` by default), not beside the config:
the app writes it (a wrong PIN is counted there), and the config is a file a person writes,
which may be readable by others, copied to another PC or kept elsewhere, and which the app
never writes; and it belongs to that journal, which names its cashiers by the roster's ids
(the demo's journal has a roster of its own, never the shop's).

A PIN is never written, logged, journaled or shown: only ``hashlib.scrypt`` of it, with a
salt of its own (16 random bytes) and the parameters beside it, so they can be raised later
without losing a PIN. The parameters were measured on the shop's kind of machine
(``benchmarks/pin_check.py``): N=2^15, r=8, p=2 takes 0.17-0.18 s a check and 32 MiB.
Checking a PIN blocks for that long: the screens call it in a thread worker.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import logging
import os
import secrets
import stat
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
from msgspec.structs import replace

from .. import private
from ..config import Settings
from ..dealer.port import Dealer
from ..domain import shift as desk
from ..domain.cashier import Cashier, check_name, check_pin
from ..domain.sale import SaleError
from ..journal.errors import JournalError
from .access import Access
from .clock import Clock
from .notebook import Notebook

log = logging.getLogger(__name__)

# scrypt's cost: 2^15 x 8 x 128 bytes = 32 MiB, two passes, 0.17 s a check on the 2-core
# machine it was measured on (benchmarks/pin_check.py: median of 15; 2^15 x 8 x 1 took 0.10 s,
# 2^16 x 8 x 1 0.20 s but 64 MiB); each cashier's own are kept beside the hash.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 2
SCRYPT_MAXMEM = 128 * 1024 * 1024


class Cost(msgspec.Struct, frozen=True):
    """scrypt's parameters for a new PIN's hash (a PIN checks with those it was kept with)."""

    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P


SALT_BYTES, HASH_BYTES = 16, 32
ROSTER_VERSION = 1
MAX_ROSTER_BYTES = 256 * 1024
MAX_CASHIERS = 50
# How long the owner's password, once checked with the dealer, lets the owner set cashiers up.
OWNER_MINUTES = 5


class CashierError(SaleError):
    """The roster refused something; ``code`` is a catalog key. Never holds a PIN."""


class PinRefused(CashierError):
    """The PIN is not that cashier's; ``left`` wrong PINs more lock the cashier."""

    def __init__(self, cashier: Cashier, left: int) -> None:
        super().__init__("cashier.pin_refused", name=cashier.name, left=left, count=left)
        self.cashier = cashier
        self.left = left


class CashierLocked(CashierError):
    """The cashier is locked after repeated wrong PINs until ``until``."""

    def __init__(self, cashier: Cashier, until: datetime) -> None:
        super().__init__("cashier.locked", name=cashier.name, until=f"{until:%H:%M}")
        self.cashier = cashier
        self.until = until


class Entry(msgspec.Struct, frozen=True, kw_only=True):
    """One cashier in the roster file: the PIN's hash with its salt and parameters, and the
    wrong PINs in a row (``failures``) and the lock they led to."""

    id: str
    name: str
    salt: bytes
    hash: bytes
    n: int
    r: int
    p: int
    created_at: datetime
    removed_at: datetime | None = None
    failures: int = 0
    failed_at: datetime | None = None
    locked_until: datetime | None = None

    @property
    def cashier(self) -> Cashier:
        return Cashier(self.id, self.name)


class RosterFile(msgspec.Struct, frozen=True, kw_only=True):
    version: int = ROSTER_VERSION
    created_at: datetime
    cashiers: list[Entry] = []


def roster_path(settings: Settings) -> Path:
    """Beside the journal's folder: ``<folder>-cajeros.json``."""
    journal = settings.journal_path()
    return journal.with_name(f"{journal.name}-cajeros.json")


def pin_hash(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    """scrypt of the PIN: the only form in which a PIN is ever kept."""
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p,
                          maxmem=SCRYPT_MAXMEM, dklen=HASH_BYTES)


def _hashed(pin: str, cost: Cost) -> dict[str, Any]:
    """A new salt and the PIN's hash under ``cost``, as an entry keeps them."""
    salt = secrets.token_bytes(SALT_BYTES)
    return {"salt": salt, "hash": pin_hash(pin, salt, cost.n, cost.r, cost.p),
            "n": cost.n, "r": cost.r, "p": cost.p}


class Roster:
    """The roster file: read whole, written whole and durable, the user's alone."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> RosterFile | None:
        """The roster, or None when there is none (a shop without cashiers);
        :class:`CashierError` naming the file when it cannot be read."""
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                         | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise CashierError("cashier.roster_unreadable", file=str(self.path),
                               reason=exc.strerror or str(exc)) from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ROSTER_BYTES:
                raise CashierError("cashier.roster_unreadable", file=str(self.path),
                                   reason=os.strerror(errno.EINVAL))
            raw = os.read(fd, MAX_ROSTER_BYTES + 1)
        except OSError as exc:
            raise CashierError("cashier.roster_unreadable", file=str(self.path),
                               reason=exc.strerror or str(exc)) from None
        finally:
            os.close(fd)
        try:
            return msgspec.json.decode(raw, type=RosterFile)
        except msgspec.DecodeError as exc:
            raise CashierError("cashier.roster_unreadable", file=str(self.path),
                               reason=str(exc)) from None

    def write(self, roster: RosterFile) -> None:
        """The whole roster, durable before it returns (0600, its folder made 0700)."""
        try:
            private.make_folder(self.path.parent)
            private.write_file(self.path, msgspec.json.encode(roster))
        except OSError as exc:
            raise CashierError("cashier.roster_not_written", file=str(self.path),
                               reason=exc.strerror or str(exc)) from None


class Owner(msgspec.Struct, frozen=True):
    """The owner's password was accepted by the dealer at ``at``: for a few minutes the owner
    may set cashiers up. Made only by :meth:`Cashiers.owner`."""

    at: datetime
    _seal: object


_SEAL = object()


class Listed(msgspec.Struct, frozen=True):
    """A cashier as a screen lists one: locked until ``locked_until`` when it is set."""

    cashier: Cashier
    locked_until: datetime | None


class Cashiers:
    """The roster as the counter uses it. Every change is written before it is said done."""

    def __init__(self, settings: Settings, clock: Clock, notebook: Notebook, dealer: Dealer,
                 path: Path | None = None, cost: Cost | None = None,
                 access: Access | None = None) -> None:
        self.settings = settings
        # How the owner's password is checked: by the dealer, or, for a dealer whose login
        # reads no password, against the configured secret first (none configured: refused).
        self.access = access or Access(dealer)
        self.cost = cost or Cost()
        self.clock = clock
        self.notebook = notebook
        self.dealer = dealer
        self.roster = Roster(path or roster_path(settings))
        self._cached: RosterFile | None = None
        self._loaded = False

    # --- reading ---

    def _read(self) -> RosterFile | None:
        if not self._loaded or self.notebook.read_only:  # a read-only copy reads it anew
            self._cached = self.roster.read()
            self._loaded = True
        return self._cached

    @property
    def problem(self) -> CashierError | None:
        """Why the roster cannot be read (the counter then refuses to sell: the shop has
        cashiers it cannot tell apart); None when it reads, or there is none."""
        try:
            self._read()
        except CashierError as error:
            return error
        return None

    def _entries(self) -> list[Entry]:
        roster = self._read()
        return [e for e in roster.cashiers if e.removed_at is None] if roster else []

    @property
    def enabled(self) -> bool:
        """The shop has cashiers (else it works as a shop without them: nobody is asked for
        a PIN, and the notebook names no cashier)."""
        try:
            return bool(self._entries())
        except CashierError:
            return True  # a roster that cannot be read still has cashiers

    @property
    def since(self) -> datetime | None:
        """When the roster was first made: no shift is older."""
        try:
            roster = self._read()
        except CashierError:
            return None
        return roster.created_at if roster else None

    def listed(self) -> list[Listed]:
        """The cashiers, in the order they were set up, each with its lock if it has one."""
        now = self.clock.now()
        return [Listed(e.cashier, e.locked_until if _locked(e, now) else None)
                for e in self._entries()]

    def get(self, cashier_id: str) -> Cashier | None:
        entry = self._entry(cashier_id)
        return entry.cashier if entry else None

    def _entry(self, cashier_id: str) -> Entry | None:
        return next((e for e in self._entries() if e.id == cashier_id), None)

    def locked_until(self, cashier_id: str) -> datetime | None:
        entry = self._entry(cashier_id)
        return entry.locked_until if entry and _locked(entry, self.clock.now()) else None

    # --- the owner ---

    async def owner(self, user: str, password: str) -> Owner:
        """The dealer's own check of its password (a login): the owner may then set cashiers
        up for a few minutes. An empty password is refused here (a secret kept in the
        config would pass the dealer's check for anyone at the PC), and a dealer whose login
        reads no password would take any text: there the configured secret is compared on
        this computer first, as the lock compares it (``Access.again``)."""
        if not password:
            raise CashierError("cashier.owner_password")
        await self.access.again(user, password)
        return Owner(self.clock.now(), _SEAL)

    def require_owner(self, owner: Owner) -> None:
        """Nothing, or :class:`CashierError`: the owner's password was not checked just now."""
        if not isinstance(owner, Owner) or owner._seal is not _SEAL:
            raise CashierError("cashier.owner_needed")
        if self.clock.now() - owner.at > timedelta(minutes=OWNER_MINUTES):
            raise CashierError("cashier.owner_needed")

    # --- changes (the owner's) ---

    def add(self, owner: Owner, name: str, pin: str) -> Cashier:
        """A new cashier with its PIN; the PIN is hashed before anything is written."""
        self.require_owner(owner)
        self._writable()
        name, pin = check_name(name), check_pin(pin)
        roster = self._read() or RosterFile(created_at=self.clock.now())
        if any(e.name.casefold() == name.casefold() for e in self._entries()):
            raise CashierError("cashier.name_taken", name=name)
        if len(roster.cashiers) >= MAX_CASHIERS:
            raise CashierError("cashier.too_many", most=MAX_CASHIERS)
        entry = Entry(id=_next_id(roster), name=name, created_at=self.clock.now(),
                      **_hashed(pin, self.cost))
        self._write(replace(roster, cashiers=[*roster.cashiers, entry]))
        log.info("cashier %s added", entry.id)
        return entry.cashier

    def set_pin(self, owner: Owner, cashier_id: str, pin: str) -> Cashier:
        """A new PIN (a forgotten one); it also lifts a lock."""
        self.require_owner(owner)
        self._writable()
        pin = check_pin(pin)
        entry = self._known(cashier_id)
        self._replace(replace(entry, failures=0, failed_at=None, locked_until=None,
                              **_hashed(pin, self.cost)))
        log.info("cashier %s: PIN changed by the owner", cashier_id)
        return entry.cashier

    def remove(self, owner: Owner, cashier_id: str) -> Cashier:
        """The cashier leaves the list; its id is never given to another (the notebook still
        names it)."""
        self.require_owner(owner)
        self._writable()
        entry = self._known(cashier_id)
        self._replace(replace(entry, removed_at=self.clock.now()))
        log.info("cashier %s removed", cashier_id)
        return entry.cashier

    # --- the PIN ---

    def check(self, cashier_id: str, pin: str) -> Cashier:
        """The cashier, when ``pin`` is theirs. A wrong one is counted (written before this
        returns); the last of ``[cashiers] pin_attempts`` in a row locks the cashier for
        ``pin_lock_minutes``, and the lock is journaled (who, when, until when). A locked
        cashier is refused without the PIN being looked at. Blocks ~0.1 s (scrypt)."""
        self._writable()
        entry = self._known(cashier_id)
        now = self.clock.now()
        if _locked(entry, now):
            assert entry.locked_until is not None
            raise CashierLocked(entry.cashier, entry.locked_until)
        good = _shaped(pin) and hmac.compare_digest(
            pin_hash(pin, entry.salt, entry.n, entry.r, entry.p), entry.hash)
        if good:
            if entry.failures or entry.locked_until:
                self._replace(replace(entry, failures=0, failed_at=None, locked_until=None))
            return entry.cashier
        return self._refused(entry, now)

    def _refused(self, entry: Entry, now: datetime) -> Cashier:
        policy = self.settings.cashiers
        failures = entry.failures + 1
        if failures < policy.pin_attempts:
            self._replace(replace(entry, failures=failures, failed_at=now))
            log.warning("cashier %s: wrong PIN (%d in a row)", entry.id, failures)
            raise PinRefused(entry.cashier, policy.pin_attempts - failures)
        until = now + timedelta(minutes=policy.pin_lock_minutes)
        self._replace(replace(entry, failures=0, failed_at=now, locked_until=until))
        log.warning("cashier %s: locked until %s after %d wrong PINs", entry.id,
                    until.isoformat(), failures)
        self._journal_lock(entry.cashier, now, until, failures)
        raise CashierLocked(entry.cashier, until)

    def _journal_lock(self, cashier: Cashier, at: datetime, until: datetime,
                      attempts: int) -> None:
        lock = desk.Lock.new(desk.new_id(self.settings.dealer.terminal_id, at), cashier, at,
                             until, attempts)
        try:
            self.notebook.record_desk(lock)
        except JournalError as err:  # the roster holds the lock all the same
            log.error("cashier %s: the lock could not be journaled (%s)", cashier.id,
                      err.code)

    # --- the list, kept whole ---

    def _writable(self) -> None:
        if self.notebook.read_only:
            raise CashierError("cashier.read_only")
        problem = self.problem
        if problem is not None:
            raise problem

    def _known(self, cashier_id: str) -> Entry:
        entry = self._entry(cashier_id)
        if entry is None:
            raise CashierError("cashier.unknown")
        return entry

    def _replace(self, entry: Entry) -> None:
        roster = self._read()
        assert roster is not None
        self._write(replace(roster, cashiers=[entry if e.id == entry.id else e
                                              for e in roster.cashiers]))

    def _write(self, roster: RosterFile) -> None:
        self.roster.write(roster)
        self._cached, self._loaded = roster, True


def _locked(entry: Entry, now: datetime) -> bool:
    return entry.locked_until is not None and now < entry.locked_until


def _shaped(pin: str) -> bool:
    try:
        check_pin(pin)
    except SaleError:
        return False
    return True


def _next_id(roster: RosterFile) -> str:
    """``c01``, ``c02``...: one more than any given, removed ones included (never reused)."""
    numbers = [int(e.id[1:]) for e in roster.cashiers if e.id[1:].isdigit()]
    return f"c{max(numbers, default=0) + 1:02d}"
