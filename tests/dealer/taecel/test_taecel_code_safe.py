"""Taecel's ``error`` code is made safe like every other string a dealer sends (R03): it
reaches the journal, the export and the log, and an ESC or a bidirectional override in it
would move the cashier's cursor or make one code look like another. It is still compared as
sent, so a code dressed up as a known refusal is no refusal: the outcome stays unknown (R16).
"""

from __future__ import annotations

import io
import json
import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import taecel_samples as real

from recarga_tui.dealer import Rejected, Unknown
from recarga_tui.dealer.taecel import classify_request, classify_status
from recarga_tui.domain.sale import Sale, State, new_ref
from recarga_tui.journal import Journal
from recarga_tui.journal.export import write_jsonl
from recarga_tui.services.counter import outcome_to_step

MX = timezone(timedelta(hours=-6))
HOSTILE = ["\x1b[2J\x1b]0;pwned\x07", "\u202e0313", "\x1b1", "9\u200f9\u2066", "\x9b31m77"]
UNSAFE = {"\x1b", "\x07", "\x9b", "\u202e", "\u200f", "\u2066"}


def _request_refused(code: str) -> str:
    return json.dumps({"success": False, "error": code, "message": "x", "data": [],
                       "extra": None})


def _status_failed(code: str) -> str:
    body = json.loads(real.STATUS_INVALID_NUMBER)
    body["error"] = code
    return json.dumps(body)


def _clean(value: object) -> bool:
    """No unsafe character in a text, nor in any text a parsed JSON value holds."""
    if isinstance(value, dict):
        return all(_clean(k) and _clean(v) for k, v in value.items())
    if isinstance(value, list):
        return all(map(_clean, value))
    return not (set(str(value)) & UNSAFE)


@pytest.mark.parametrize("code", HOSTILE)
def test_r03_a_hostile_error_code_is_unknown_and_kept_only_made_safe(code, caplog):
    with caplog.at_level(logging.WARNING, logger="recarga_tui.dealer"):
        outcomes = [classify_request(_request_refused(code)),
                    classify_status(_status_failed(code)).outcome]
    for outcome in outcomes:
        assert isinstance(outcome, Unknown) and not isinstance(outcome, Rejected)
        assert _clean(outcome.details["dealer_code"])
        assert _clean(outcome.fault.params["dealer_code"])
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert logged and _clean(logged)


def test_r03_the_code_reaches_the_journal_and_the_export_made_safe(tmp_path: Path):
    outcome = classify_status(_status_failed(HOSTILE[0])).outcome
    assert isinstance(outcome, Unknown)
    state, data = outcome_to_step(outcome)
    at = datetime(2026, 11, 25, 10, 0, tzinfo=MX)
    sale = Sale.capture(new_ref("DEMO-01", at, "0000c0de"), "5555555510", "telcel", "TEL50",
                        5000, at)
    for step, extra in ((State.ACCEPTED, {}), (State.PAID, {"handed": 5000, "change": 0}),
                        (State.SENDING, {"attempt": 1}), (state, data)):
        sale = sale.advance(step, sale.updated_at + timedelta(seconds=5), **extra)
    with Journal.open(tmp_path, tz=MX) as journal:
        journal.record(sale)
        stored = journal.get(sale.ref)
    assert stored is not None and stored.state is State.UNKNOWN
    raw = (tmp_path / "2026-11-25.json").read_text(encoding="utf-8")
    assert _clean(json.loads(raw))
    out = io.StringIO()
    write_jsonl([stored], out)
    assert _clean(json.loads(out.getvalue()))
    assert stored.history[-1].data["dealer_code"] == "[2J]0;pwned"  # what is left of it
