"""The sale's state machine: legal steps only, one reference, money back only where safe."""

import json
from collections import deque
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recarga_tui import i18n
from recarga_tui.domain.sale import (
    FINAL,
    OPEN,
    REFUNDABLE,
    TRANSITIONS,
    TURNED_AWAY,
    UNPAID,
    IllegalTransition,
    Sale,
    SaleError,
    State,
    Transition,
    new_ref,
)

T0 = datetime(2025, 11, 25, 19, 45, tzinfo=ZoneInfo("America/Mexico_City"))
REF = "DEMO-01-251125-1a2b3c4d"


def _captured(at: datetime = T0) -> Sale:
    return Sale.capture(REF, "2727215380", "telcel", "TEL-50", 5000, at)


def _path_to(target: State) -> list[State]:
    """The shortest list of steps from capture to ``target``."""
    seen = {State.CAPTURED: [State.CAPTURED]}
    queue = deque([State.CAPTURED])
    while queue:
        state = queue.popleft()
        for nxt in sorted(TRANSITIONS[state]):
            if nxt not in seen:
                seen[nxt] = seen[state] + [nxt]
                queue.append(nxt)
    return seen[target][1:]


def _sale_in(target: State) -> Sale:
    sale = _captured()
    for i, state in enumerate(_path_to(target), 1):
        sale = sale.advance(state, T0 + timedelta(seconds=i))
    assert sale.state is target
    return sale


def _reachable(start: State, without: frozenset[State] = frozenset()) -> set[State]:
    seen: set[State] = set()
    stack = [start]
    while stack:
        for nxt in TRANSITIONS[stack.pop()]:
            if nxt not in seen and nxt not in without:
                seen.add(nxt)
                stack.append(nxt)
    return seen


LEGAL = [(src, dst) for src, targets in TRANSITIONS.items() for dst in sorted(targets)]
ILLEGAL = [(src, dst) for src in State for dst in State if dst not in TRANSITIONS[src]]


def _walk(targets: list[State], gaps: list[int]) -> tuple[Sale, list[Sale]]:
    """Try each target in turn; keep the legal steps. Returns the end and every sale seen."""
    sale = _captured()
    seen = [sale]
    at = T0
    for target, gap in zip(targets, gaps, strict=False):
        at = at + timedelta(seconds=gap)
        before = sale
        if sale.can(target):
            sale = sale.advance(target, at, step=len(seen))
            assert sale.state is target
            assert sale.history[:-1] == before.history
            seen.append(sale)
        else:
            with pytest.raises(IllegalTransition) as caught:
                sale.advance(target, at)
            assert (caught.value.current, caught.value.target) == (sale.state, target)
            assert sale == before
    return sale, seen


walks = st.integers(0, 40).flatmap(lambda n: st.tuples(
    st.lists(st.sampled_from(list(State)), min_size=n, max_size=n),
    st.lists(st.integers(0, 3600), min_size=n, max_size=n),
))


# --- the table itself ---


def test_every_state_has_its_transitions_listed():
    assert set(TRANSITIONS) == set(State)


def test_every_state_is_reachable_from_capture():
    assert _reachable(State.CAPTURED) | {State.CAPTURED} == set(State)


def test_every_state_is_final_open_or_unpaid_and_only_one():
    assert FINAL == {State.CONFIRMED, State.REFUNDED, State.CARRIED, State.ABANDONED}
    for state in State:
        assert [state in FINAL, state in OPEN, state in UNPAID].count(True) == 1, state


def test_every_state_has_words_for_the_cashier():
    for state in State:
        for lang in i18n.LANGUAGES:
            assert i18n.t(f"state.{state.value}", lang=lang)


def test_every_non_final_state_can_still_reach_an_end():
    for state in set(State) - FINAL:
        assert _reachable(state) & FINAL, state


@pytest.mark.parametrize("src, dst", LEGAL, ids=[f"{s}->{d}" for s, d in LEGAL])
def test_every_legal_transition_advances(src, dst):
    sale = _sale_in(src)
    at = sale.updated_at + timedelta(minutes=1)
    after = sale.advance(dst, at, note="x")
    assert after.state is dst
    assert after.history[-1] == Transition(dst, at, {"note": "x"})
    assert after.ref == sale.ref
    assert sale.state is src  # the sale is immutable: advance returns the next one


@pytest.mark.parametrize("src, dst", ILLEGAL, ids=[f"{s}->{d}" for s, d in ILLEGAL])
def test_every_illegal_transition_raises(src, dst):
    sale = _sale_in(src)
    assert not sale.can(dst)
    with pytest.raises(IllegalTransition) as caught:
        sale.advance(dst, sale.updated_at + timedelta(minutes=1))
    assert caught.value.code == "sale.illegal_transition"
    assert caught.value.params == {"ref": REF, "current": src.value, "target": dst.value}
    i18n.t(caught.value.code, **caught.value.params)


# --- random walks ---


@given(walks)
def test_a_random_walk_advances_legally_or_raises_and_never_corrupts(walk):
    targets, gaps = walk
    sale, seen = _walk(targets, gaps)
    for earlier, later in zip(sale.history, sale.history[1:], strict=False):
        assert later.state in TRANSITIONS[earlier.state]
        assert later.at >= earlier.at
    assert len(sale.history) == len(seen)


@given(walks)
def test_the_reference_never_changes_across_a_walk(walk):
    _, seen = _walk(*walk)
    assert {sale.ref for sale in seen} == {REF}


@given(walks)
def test_r05_no_walk_reaches_sending_before_paid(walk):
    sale, _ = _walk(*walk)
    states = [step.state for step in sale.history]
    for i, state in enumerate(states):
        if state is State.SENDING:
            assert State.PAID in states[:i]


def test_r05_a_sale_cannot_reach_sending_before_paid():
    assert State.SENDING not in _reachable(State.CAPTURED, without=frozenset({State.PAID}))
    for state in UNPAID:
        with pytest.raises(IllegalTransition):
            _sale_in(state).advance(State.SENDING, T0 + timedelta(hours=1))


def test_r05_a_sale_cannot_be_deferred_before_paid():
    for state in UNPAID:
        assert not _sale_in(state).can(State.DEFERRED)


@given(walks)
def test_r02_a_confirmed_sale_is_final_whatever_follows(walk):
    sale, _ = _walk(*walk)
    states = [step.state for step in sale.history]
    if State.CONFIRMED in states:
        assert states[-1] is State.CONFIRMED
        assert states.count(State.CONFIRMED) == 1


def test_r02_a_confirmed_sale_cannot_be_cancelled_or_refunded():
    sale = _sale_in(State.CONFIRMED)
    assert sale.is_final and not sale.can_refund
    assert TRANSITIONS[State.CONFIRMED] == frozenset()
    for target in State:
        with pytest.raises(IllegalTransition):
            sale.advance(target, T0 + timedelta(hours=1))


def test_r02_there_is_no_cancel_or_void_state():
    names = {state.value for state in State}
    assert not names & {"cancelled", "canceled", "void", "voided", "cancel"}


def test_r02_money_goes_back_only_where_the_topup_never_reached_the_carrier():
    assert REFUNDABLE == {State.PAID, State.DEFERRED, State.REJECTED, State.NOT_FOUND}
    assert {s for s in State if State.REFUNDED in TRANSITIONS[s]} == REFUNDABLE


@pytest.mark.parametrize("state", [State.UNKNOWN, State.SENDING, State.CONFIRMED])
def test_r02_no_refund_from_unknown_sending_or_confirmed(state):
    sale = _sale_in(state)
    assert not sale.can_refund
    with pytest.raises(IllegalTransition):
        sale.advance(State.REFUNDED, T0 + timedelta(hours=1))


@given(walks)
def test_r02_a_refund_in_any_walk_follows_a_safe_state(walk):
    sale, _ = _walk(*walk)
    for earlier, later in zip(sale.history, sale.history[1:], strict=False):
        if later.state is State.REFUNDED:
            assert earlier.state in REFUNDABLE
            assert earlier.state not in {State.UNKNOWN, State.SENDING, State.CONFIRMED}


def test_r02_before_payment_nothing_is_refunded_it_is_abandoned():
    for state in UNPAID:
        sale = _sale_in(state)
        assert not sale.can(State.REFUNDED)
        assert sale.can(State.ABANDONED)


def test_r16_unknown_cannot_be_refunded_or_resent_before_being_checked():
    sale = _sale_in(State.UNKNOWN)
    assert not sale.can(State.REFUNDED) and not sale.can(State.SENDING)
    assert not sale.can_refund
    checked = sale.advance(State.UNKNOWN, T0 + timedelta(minutes=2), checked="lookup")
    assert not checked.can(State.SENDING)
    absent = checked.advance(State.NOT_FOUND, T0 + timedelta(minutes=11))
    assert absent.can(State.SENDING) and absent.can_refund


@given(walks)
def test_r16_after_unknown_a_resend_or_refund_needs_a_not_found_first(walk):
    sale, _ = _walk(*walk)
    since_unknown: list[State] | None = None
    for step in sale.history:
        if step.state is State.UNKNOWN:
            since_unknown = []
        elif since_unknown is not None:
            if step.state in {State.SENDING, State.REFUNDED}:
                assert State.NOT_FOUND in since_unknown or State.REJECTED in since_unknown
                since_unknown = None
            else:
                since_unknown.append(step.state)


# --- history, attempts, entries ---


def test_attempts_count_every_send_under_the_same_reference():
    sale = _sale_in(State.PAID)
    assert sale.attempts == 0
    at = T0 + timedelta(minutes=1)
    sale = sale.advance(State.SENDING, at, attempt=1)
    sale = sale.advance(State.UNKNOWN, at)
    sale = sale.advance(State.NOT_FOUND, at + timedelta(minutes=10))
    sale = sale.advance(State.SENDING, at + timedelta(minutes=10), attempt=2)
    assert sale.attempts == 2
    sale = sale.advance(State.CONFIRMED, at + timedelta(minutes=11))
    assert sale.attempts == 2 and sale.ref == REF
    assert sale.first(State.SENDING).data == {"attempt": 1}
    assert sale.last(State.SENDING).data == {"attempt": 2}
    assert sale.last(State.REFUNDED) is None


@pytest.mark.parametrize("before", sorted(TURNED_AWAY))
def test_r12_a_request_turned_away_unseen_goes_back_and_is_not_an_attempt(before):
    sale = _sale_in(before)
    at = sale.updated_at + timedelta(minutes=1)
    seen, attempts = sale.last_sent, sale.attempts
    sending = sale.advance(State.SENDING, at, attempt=attempts + 1)
    assert sending.attempts == attempts + 1 and sending.last_sent.at == at
    back = sending.advance(before, at, not_sent="session_lapsed")
    assert back.attempts == attempts and back.last_sent == seen
    assert back.can(State.SENDING) and State.REFUNDED not in TRANSITIONS[State.SENDING]


def test_a_deferred_sale_can_be_given_a_new_promise():
    sale = _sale_in(State.DEFERRED)
    later = sale.advance(State.DEFERRED, T0 + timedelta(hours=1), promised="21:45")
    assert later.state is State.DEFERRED
    assert later.last(State.DEFERRED).data == {"promised": "21:45"}
    assert later.can(State.SENDING) and later.can_refund


def test_paid_records_what_was_handed_and_the_change():
    sale = _sale_in(State.ACCEPTED).advance(State.PAID, T0 + timedelta(minutes=1),
                                            handed=50000, change=45000)
    assert (sale.handed, sale.change) == (50000, 45000)
    assert (_captured().handed, _captured().change) == (0, 0)


def test_a_corrected_capture_replaces_the_entries():
    sale = _sale_in(State.ACCEPTED)
    fixed = sale.advance(State.CAPTURED, T0 + timedelta(minutes=1), msisdn="2727215381",
                         amount=10000, sku="TEL-100")
    assert (fixed.msisdn, fixed.amount, fixed.sku, fixed.carrier_id) == (
        "2727215381", 10000, "TEL-100", "telcel")
    assert fixed.first(State.CAPTURED).data["msisdn"] == "2727215380"
    assert not fixed.can(State.PAID)  # the corrected number must be accepted again (R04)


def test_only_a_capture_changes_the_entries():
    sale = _sale_in(State.ACCEPTED).advance(State.PAID, T0 + timedelta(minutes=1),
                                            amount=1, msisdn="5500000000")
    assert (sale.amount, sale.msisdn) == (5000, "2727215380")


def test_created_and_updated_times():
    sale = _sale_in(State.PAID)
    assert sale.created_at == T0
    assert sale.updated_at == sale.history[-1].at > T0


def test_open_and_final_flags():
    assert _sale_in(State.UNKNOWN).is_open
    assert not _sale_in(State.CAPTURED).is_open
    assert _sale_in(State.ABANDONED).is_final


# --- times and amounts ---


def test_naive_time_is_refused_at_capture():
    with pytest.raises(SaleError) as caught:
        Sale.capture(REF, "2727215380", "telcel", "TEL-50", 5000, datetime(2025, 11, 25, 10))
    assert caught.value.code == "sale.naive_time"


def test_naive_time_is_refused_at_each_step():
    with pytest.raises(SaleError) as caught:
        _captured().advance(State.ACCEPTED, datetime(2025, 11, 25, 20))
    assert caught.value.code == "sale.naive_time"


def test_a_clock_going_back_is_refused():
    with pytest.raises(SaleError) as caught:
        _captured().advance(State.ACCEPTED, T0 - timedelta(seconds=1))
    assert caught.value.code == "sale.time_backwards"


def test_times_in_other_zones_compare_as_instants():
    utc_later = (T0 + timedelta(seconds=1)).astimezone(UTC)
    assert _captured().advance(State.ACCEPTED, utc_later).state is State.ACCEPTED


@pytest.mark.parametrize("amount", [0, -100, 50.0, 0.5, True, "5000", None])
def test_a_bad_amount_is_refused_at_capture(amount):
    with pytest.raises(SaleError) as caught:
        Sale.capture(REF, "2727215380", "telcel", "TEL-50", amount, T0)
    assert caught.value.code == "sale.bad_amount"


@pytest.mark.parametrize("amount", [0, 50.0, True])
def test_a_bad_amount_is_refused_in_a_corrected_capture(amount):
    with pytest.raises(SaleError) as caught:
        _captured().advance(State.CAPTURED, T0, amount=amount)
    assert caught.value.code == "sale.bad_amount"


# --- storage form ---


@given(walks)
def test_to_dict_from_dict_round_trips_through_json(walk):
    sale, _ = _walk(*walk)
    raw = json.loads(json.dumps(sale.to_dict()))
    back = Sale.from_dict(raw)
    assert back == sale
    assert back.state is sale.state
    assert raw["state"] == sale.state.value
    assert back.to_dict() == sale.to_dict()


def test_to_dict_names_the_state_and_times():
    raw = _sale_in(State.PAID).to_dict()
    assert raw["ref"] == REF and raw["state"] == "paid" and raw["amount"] == 5000
    assert raw["created_at"] == T0.isoformat()
    assert [step["state"] for step in raw["history"]] == ["captured", "accepted", "paid"]


def test_transition_round_trips():
    step = Transition(State.UNKNOWN, T0, {"reason": "timeout"})
    assert Transition.from_dict(step.to_dict()) == step


# --- the reference ---


def test_new_ref_names_the_terminal_and_the_day():
    assert new_ref("DEMO-01", T0, "1a2b3c4d") == REF


def test_new_ref_is_random_without_a_token():
    refs = {new_ref("DEMO-01", T0) for _ in range(50)}
    assert len(refs) == 50
    assert all(ref.startswith("DEMO-01-251125-") and len(ref) == len(REF) for ref in refs)


def test_the_state_table_in_the_architecture_doc_is_the_one_the_code_enforces():
    # docs/architecture.md is where the next engineer reads the state machine: it must not
    # drift from TRANSITIONS.
    import re
    from pathlib import Path

    from recarga_tui.domain.sale import TRANSITIONS

    doc = (Path(__file__).parents[2] / "docs" / "architecture.md").read_text(encoding="utf-8")
    documented: set[tuple[str, str]] = set()
    for sources, target in re.findall(r"^\| ([a-z_, ]+|—) \| ([a-z_]+) \|", doc, re.M):
        if sources != "—":
            documented |= {(s.strip(), target) for s in sources.split(",")}
    enforced = {(a.value, b.value) for a, nxt in TRANSITIONS.items() for b in nxt}
    documented &= {(s, t) for s in State for t in State} | {("from", "to")}
    documented.discard(("from", "to"))
    assert documented == enforced


def test_r12_the_export_times_a_send_only_if_the_dealer_may_have_seen_it():
    from recarga_tui.journal.export import summary

    paid = _sale_in(State.PAID)
    turned = paid.updated_at + timedelta(minutes=1)
    sent = turned + timedelta(minutes=2)
    sale = (paid.advance(State.SENDING, turned, attempt=1)
            .advance(State.PAID, turned, not_sent="session_lapsed")
            .advance(State.SENDING, sent, attempt=1))
    row = summary(sale)
    assert row["first_sent_at"] == row["last_sent_at"] == sent.isoformat()
    assert row["attempts"] == 1
    assert summary(paid)["first_sent_at"] == ""
