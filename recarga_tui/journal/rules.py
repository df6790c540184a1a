"""What the journal refuses to store: illegal histories, rewritten histories, secrets (R12)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..domain import shift as desk
from ..domain.sale import EventKind, Sale, State, step_allowed
from .errors import JournalError

# R12: data keys named like these never reach the disk. "nip" is the Mexican word for a PIN.
SECRET_PARTS = ("password", "passwd", "contrasena", "contraseña", "token", "secret",
                "authorization", "credential", "apikey", "api_key")
SECRET_NAMES = frozenset({"pin", "nip", "pwd", "auth"})


def is_secret_key(key: str) -> bool:
    low = str(key).lower()
    return low in SECRET_NAMES or any(part in low for part in SECRET_PARTS)


def secret_keys(value: Any) -> Iterator[str]:
    """Every key, at any depth, that names a secret."""
    if isinstance(value, Mapping):
        for key, inner in value.items():
            if is_secret_key(key):
                yield str(key)
            yield from secret_keys(inner)
    elif isinstance(value, (list, tuple)):
        for inner in value:
            yield from secret_keys(inner)


def strip_secrets(value: Any) -> Any:
    """A copy without secret-named keys: the export's guard for files written by hand."""
    if isinstance(value, Mapping):
        return {k: strip_secrets(v) for k, v in value.items() if not is_secret_key(k)}
    if isinstance(value, list):
        return [strip_secrets(v) for v in value]
    return value


def history_problem(history: Sequence[Mapping[str, Any]]) -> tuple[str, dict[str, Any]] | None:
    """Why a stored history (``Transition.to_dict`` items) breaks the state machine, or None."""
    from datetime import datetime

    if not history:
        return "journal.history.empty", {}
    previous: tuple[State, datetime] | None = None
    for number, step in enumerate(history, start=1):
        try:
            state, at = State(step["state"]), datetime.fromisoformat(step["at"])
        except (KeyError, TypeError, ValueError):
            return "journal.history.bad_step", {"step": number}
        if at.tzinfo is None:
            return "journal.history.bad_step", {"step": number}
        if previous is None and state is not State.CAPTURED:
            return "journal.history.not_captured_first", {"state": state.value}
        if previous is not None:
            data = step.get("data")
            if not step_allowed(previous[0], state, data if isinstance(data, Mapping) else {}):
                return "journal.history.illegal", {"step": number, "current": previous[0].value,
                                                   "target": state.value}
            if at < previous[1]:
                return "journal.history.time_backwards", {"step": number}
        previous = (state, at)
    return None


def events_problem(events: Any) -> tuple[str, dict[str, Any]] | None:
    """Why a stored list of events (``SaleEvent.to_dict`` items) is not one, or None. They
    change no state, so only their shape is checked: a known kind and a time with its zone."""
    from datetime import datetime

    if not isinstance(events, list):
        return "journal.history.bad_event", {"event": 0}
    for number, event in enumerate(events, start=1):
        try:
            EventKind(event["kind"])
            ok = datetime.fromisoformat(event["at"]).tzinfo is not None
        except (KeyError, TypeError, ValueError):
            ok = False
        if not ok:
            return "journal.history.bad_event", {"event": number}
    return None


# The integrity check each document carries: "sha256:" and the SHA-256 of the document's
# canonical JSON (keys sorted, no spaces, UTF-8) without this field. It catches a change the
# JSON survives (a digit of an amount, a character of a reference), by hand or by the disk.
CHECK = "check"
CHECK_PREFIX = "sha256:"
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest(doc: Mapping[str, Any]) -> str:
    body = {k: v for k, v in doc.items() if k != CHECK}
    return CHECK_PREFIX + hashlib.sha256(_CANONICAL.encode(body).encode("utf-8")).hexdigest()


def verify(doc: Mapping[str, Any]) -> bool | None:
    """Whether a stored document is as it was written; None when it carries no check (a
    record written by a version before the check existed)."""
    stored = doc.get(CHECK)
    if stored is None:
        return None
    try:
        return bool(stored == digest(doc))
    except (TypeError, ValueError):
        return False


def stored_form(sale: Sale) -> dict[str, Any]:
    """The document for ``sale`` as it will read back from disk (JSON types only), with its
    integrity check."""
    try:
        text = json.dumps(sale.to_dict(), ensure_ascii=False)
        text.encode("utf-8")  # a lone surrogate is valid JSON text but never reaches a file
        doc: dict[str, Any] = json.loads(text)
    except (TypeError, ValueError):  # UnicodeEncodeError is a ValueError
        raise JournalError("journal.bad_data", ref=sale.ref) from None
    doc[CHECK] = digest(doc)
    return doc


def check_recordable(sale: Sale, doc: Mapping[str, Any]) -> None:
    """Refuse what must never be written, before anything touches the disk."""
    for step in doc["history"] + doc.get("events", []):
        for key in secret_keys(step.get("data", {})):
            raise JournalError("journal.secret_refused", ref=sale.ref, key=key)
    problem = history_problem(doc["history"]) or events_problem(doc.get("events", []))
    if problem is not None:
        key, params = problem
        from ..i18n import t

        raise JournalError("journal.illegal_history", ref=sale.ref, problem=t(key, **params))


def check_extends(ref: str, stored: Sequence[Any], new: Sequence[Any]) -> None:
    """A stale writer must never rewrite history: what is stored must be a prefix of ``new``."""
    if len(new) < len(stored) or list(new[: len(stored)]) != list(stored):
        raise JournalError("journal.stale_history", ref=ref, stored=len(stored), given=len(new))


# --- the counter's own records: shifts and locks (the day file's desk table) ----------------


def desk_stored_form(record: desk.Record) -> dict[str, Any]:
    """A shift's or a lock's document as it reads back from disk, with its integrity check."""
    try:
        text = json.dumps(record.to_dict(), ensure_ascii=False)
        text.encode("utf-8")
        doc: dict[str, Any] = json.loads(text)
    except (TypeError, ValueError):
        raise JournalError("journal.bad_data", ref=record.id) from None
    doc[CHECK] = digest(doc)
    return doc


def desk_problem(doc: Mapping[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """Why a stored desk document is not a shift or a lock with a legal history, or None."""
    history = doc.get("history")
    if not isinstance(history, list):
        return "journal.history.empty", {}
    found = desk.history_problem(doc.get("kind"), history)
    if found is not None:
        return found
    try:
        desk.read(doc)
    except (KeyError, TypeError, ValueError):
        return "journal.desk.bad_record", {}
    return None


def check_desk_recordable(record_id: str, doc: Mapping[str, Any]) -> None:
    """Refuse a desk record that must never be written: a secret (R12: a PIN above all),
    a history its kind may not have."""
    for key in secret_keys(doc):
        raise JournalError("journal.secret_refused", ref=record_id, key=key)
    problem = desk_problem(doc)
    if problem is not None:
        key, params = problem
        from ..i18n import t

        raise JournalError("journal.illegal_history", ref=record_id, problem=t(key, **params))
