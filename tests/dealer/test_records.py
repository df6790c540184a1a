"""The dealer's records are values: equal by their fields, hashable, picklable, matched by
position, never changed in place; and the session's token is in none of their reprs (R12)."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime

import pytest
from msgspec.structs import replace
from rich.pretty import pretty_repr

from recarga_tui.dealer.outcomes import Confirmed, Unknown
from recarga_tui.dealer.port import Capabilities, LoginAsks, SaleKey
from recarga_tui.dealer.records import Balances, Carrier, Pool, Session, Shop, TopupRecord
from recarga_tui.domain.faults import Fault, Origin

AT = datetime(2026, 3, 14, 19, 45, tzinfo=UTC)
TOKEN = "tok-5e55-10n"


def test_r12_the_token_of_a_session_is_in_no_repr_nor_in_riches_pretty_print():
    session = Session(TOKEN, AT, Shop("S-1", "Abarrotes Lupita"))
    # Textual's log and devtools print with rich, which reads a record's __rich_repr__.
    shown = [repr(session), str(session), pretty_repr(session), pretty_repr({"s": [session]})]
    assert all(TOKEN not in text for text in shown)
    assert all("Abarrotes Lupita" in text for text in shown)


def test_records_are_equal_by_their_fields_and_hash_alike():
    first, second = Carrier("telcel", "Telcel", "up"), Carrier("telcel", "Telcel", "up")
    assert first == second and hash(first) == hash(second) and len({first, second}) == 1
    assert first != Carrier("telcel", "Telcel", "down")
    # Another kind of record with the same fields is not the same value.
    assert Pool("", "", 100) != Shop("", "")


def test_a_record_is_never_changed_in_place_and_replace_makes_another():
    pool = Pool("tae", "Tiempo aire", 10_000)
    with pytest.raises(AttributeError):
        pool.available = 0  # type: ignore[misc]
    balances = Balances((pool,), "MXN", AT)
    less = replace(balances, pools=(replace(pool, available=5_000),))
    assert balances.available == 10_000 and less.available == 5_000
    assert less.currency == "MXN" and less.updated_at == AT


def test_records_and_outcomes_survive_pickling_and_match_by_position():
    record = TopupRecord("T-1", "REF-1", "success", "F-9", "D-9", 5000, None, AT, AT, False)
    outcome = Confirmed("F-9", "D-9", AT, 95_000, False, record=record)
    unknown = Unknown("timeout", Origin.DEALER, Fault(Origin.DEALER, "dealer.unknown.timeout"))
    caps = Capabilities("Nube", SaleKey.SHOP_REFERENCE, login=LoginAsks(user=False))
    for value in (record, outcome, unknown, caps):
        assert pickle.loads(pickle.dumps(value)) == value
    match outcome:
        case Confirmed(carrier_folio, dealer_folio):
            assert (carrier_folio, dealer_folio) == ("F-9", "D-9")
        case _:
            pytest.fail("a confirmed outcome matches its class pattern")
    assert unknown.details == {} and unknown.details is not Unknown(
        "timeout", Origin.DEALER, unknown.fault).details  # each its own, never shared
