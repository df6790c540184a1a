"""Property tests: whatever legal history is recorded reads back the same, in every view."""

from __future__ import annotations

import io
import json
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from journal_factory import MX, T0

from recarga_tui.domain.sale import TRANSITIONS, Sale, State, new_ref
from recarga_tui.journal import Journal
from recarga_tui.journal.export import write_jsonl
from recarga_tui.journal.rules import is_secret_key
from recarga_tui.journal.storage import decode, encode

# Not the names of Sale.capture's or Sale.advance's own arguments.
TAKEN = {"ref", "msisdn", "carrier_id", "sku", "amount", "at", "target", "self", "cls"}
keys = st.text(min_size=1, max_size=12).filter(lambda k: not is_secret_key(k) and k not in TAKEN)
leaves = (st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.text(max_size=20)
          | st.floats(allow_nan=False, allow_infinity=False))
values = st.recursive(leaves, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(keys, inner, max_size=3), max_leaves=6)
data = st.dictionaries(keys, values, max_size=4)


@st.composite
def sales(draw: st.DrawFn) -> Sale:
    """A random legal walk through the state machine, each step with random data."""
    start = T0 + timedelta(minutes=draw(st.integers(0, 60 * 24 * 3)))
    token = draw(st.from_regex(r"[0-9a-f]{8}", fullmatch=True))
    sale = Sale.capture(new_ref("PROP-1", start, token),
                        draw(st.from_regex(r"[1-9][0-9]{9}", fullmatch=True)),
                        draw(st.sampled_from(["telcel", "movistar", "att"])), "SKU",
                        draw(st.integers(1, 100_000)), start, **draw(data))
    for _ in range(draw(st.integers(0, 8))):
        choices = sorted(TRANSITIONS[sale.state] - {State.CAPTURED})
        if not choices:
            break
        gap = timedelta(seconds=draw(st.integers(0, 3600)))
        sale = sale.advance(draw(st.sampled_from(choices)), sale.updated_at + gap, **draw(data))
    return sale


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sales(), min_size=1, max_size=4, unique_by=lambda s: s.ref))
def test_recorded_sales_read_back_equal_after_reopening(batch):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Journal.open(folder, tz=MX) as journal:
            for sale in batch:
                for n in range(1, len(sale.history) + 1):
                    journal.record(Sale(sale.ref, *_fields(sale, n), sale.history[:n]))
            assert [journal.get(s.ref) for s in batch] == batch
        with Journal.open(folder, tz=MX) as journal:
            assert [journal.get(s.ref) for s in batch] == batch
            every = journal.sales_between(min(journal.days()), max(journal.days()))
            assert sorted(s.ref for s in every) == sorted(s.ref for s in batch)
            unfinished = {s.ref for s in journal.unfinished_sales()}
            assert unfinished == {s.ref for s in batch if not s.is_final}
            assert {s.ref for s in journal.open_sales()} == {s.ref for s in batch if s.is_open}
            out = io.StringIO()
            write_jsonl(every, out)
        rows = {r["ref"]: r for r in map(json.loads, out.getvalue().split("\n")[:-1])}
        for sale in batch:
            assert rows[sale.ref]["history"] == json.loads(json.dumps(sale.to_dict()))["history"]


def _fields(sale: Sale, steps: int) -> tuple:
    """The sale's entries as they were after ``steps`` steps (a capture may correct them)."""
    history = [t.to_dict() for t in sale.history[:steps]]
    partial = Sale.from_dict({**sale.to_dict(), "history": history})
    for step in sale.history[:steps]:
        if step.state is State.CAPTURED:
            partial = Sale(partial.ref, step.data.get("msisdn", partial.msisdn),
                           step.data.get("carrier_id", partial.carrier_id),
                           step.data.get("sku", partial.sku),
                           step.data.get("amount", partial.amount), partial.history)
    return partial.msisdn, partial.carrier_id, partial.sku, partial.amount


@given(st.dictionaries(st.text(max_size=6), st.dictionaries(
    st.integers(1, 10**6).map(str), st.dictionaries(keys, values, max_size=3), max_size=4),
    max_size=3))
def test_the_file_format_decodes_to_what_was_encoded(tables):
    assert decode(encode(tables)[0], "x") == tables
