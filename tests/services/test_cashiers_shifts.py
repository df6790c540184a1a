"""Cashiers and their shifts, driven through the services as the screens drive them: two
cashiers sell, give money back and hand the drawer over in one day; every step names its
cashier; each shift's drawer adds up with the cash close to the centavo and a miscount shows
its difference; a locked cashier cannot sell; a shop without cashiers sells as before
(R01, R02, R03, R05, R12)."""

from __future__ import annotations

import json
import os
import stat
from datetime import timedelta

import pytest
from desk_shop import START, TZ, desk_shop, steps_of
from msgspec.structs import replace

from recarga_tui import i18n
from recarga_tui.dealer.outcomes import BadCredentials
from recarga_tui.dealer.port import LoginAsks
from recarga_tui.domain import shift as desk
from recarga_tui.domain.cashier import Cashier
from recarga_tui.domain.close import close, net_paid
from recarga_tui.domain.faults import Origin
from recarga_tui.domain.sale import EventKind, SaleError, State
from recarga_tui.i18n import t
from recarga_tui.journal import check
from recarga_tui.journal.journal import Journal
from recarga_tui.printing.slips import as_text
from recarga_tui.services import claims
from recarga_tui.services.access import Access, ConfiguredSecret
from recarga_tui.services.cash_close import compute, day_period
from recarga_tui.services.cashiers import (
    HASH_BYTES,
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    CashierError,
    CashierLocked,
    Cashiers,
    Cost,
    PinRefused,
    pin_hash,
)
from recarga_tui.services.printing import Printed
from recarga_tui.services.shifts import ShiftError

ANA_PIN, BETO_PIN = "1357", "24680"
SECRET = "s3cr3t-de-la-tienda"
def number(n: int) -> str:
    """A test number of the simulator's row 0 (its last digit): delivered at once."""
    return f"55555{n:04d}0"


@pytest.fixture(autouse=True)
def spanish():
    i18n.set_language("es")
    yield
    i18n.set_language("es")


@pytest.fixture
async def shop(tmp_path):
    shop = await desk_shop(tmp_path)
    yield shop
    shop.close()


async def staffed(shop):
    owner = await shop.services.cashiers.owner("demo", "demo")
    ana = shop.services.cashiers.add(owner, "Ana", ANA_PIN)
    beto = shop.services.cashiers.add(owner, "Beto", BETO_PIN)
    return ana, beto


async def test_r03_two_cashiers_sell_give_money_back_and_hand_over_in_one_day(shop):
    services = shop.services
    ana, beto = await staffed(shop)
    tel50 = await shop.product("TEL-050")
    tel100 = await shop.product("TEL-100")

    ana_shift = services.shifts.start(ana.id, ANA_PIN, opening=50_000)
    shop.later()
    first = await shop.sell(number(1), tel50, handed=10_000)     # change: $50
    second = await shop.sell(number(2), tel100, handed=10_000)
    left = services.counter.refund(shop.paid(number(3), tel50, handed=5_000), "changed_mind")
    waiting = services.counter.defer(shop.paid(number(4), tel100, handed=20_000))
    shop.later()
    assert [s.state for s in (first, second, left, waiting)] == [
        State.CONFIRMED, State.CONFIRMED, State.REFUNDED, State.DEFERRED]

    # Ana counts exactly what the drawer must hold and hands it to Beto, who starts from it.
    owed = services.shifts.figures_now()
    # The cash close's own arithmetic over her shift, as the notebook stands at the hand-over
    # (a journaled shift is never worked out again: a later refund belongs to a later shift).
    ana_close = close(services.notebook.sales_of_day(START.date()), ana_shift.opened_at,
                      shop.clock.now())
    assert owed.expected == 50_000 + ana_close.drawer
    assert ana_close.drawer == (10_000 + 10_000 + 5_000 + 20_000) - (5_000 + 10_000) - 5_000
    ana_end, beto_shift = services.shifts.hand_over(ANA_PIN, owed.expected, beto.id, BETO_PIN)
    assert ana_end.figure("difference") == 0 and ana_end.handed_to == beto
    assert beto_shift.opening == owed.expected and beto_shift.previous == ana_shift.id
    shop.later()

    third = await shop.sell(number(5), tel50, handed=5_000)
    back = services.counter.refund(services.notebook.get(waiting.ref), "slow_system")
    shop.later()
    beto_figures = services.shifts.figures_now()
    beto_end = services.shifts.end(beto_figures.expected - 2_000, pin=BETO_PIN)  # $20 short
    assert beto_end.figure("difference") == -2_000

    # Every step a cashier took names that cashier: capture to money back.
    for sale, who in ((first, ana), (second, ana), (left, ana), (third, beto)):
        stored = services.notebook.get(sale.ref)
        assert {Cashier.of(step.data) for step in steps_of(stored)} == {who}, sale.ref
        assert stored.cashier == who
    stored = services.notebook.get(back.ref)  # paid on Ana's shift, given back on Beto's
    assert [Cashier.of(step.data) for step in stored.history] == [ana, ana, ana, ana, beto]
    assert stored.cashier == ana and stored.cashier_of(State.REFUNDED) == beto
    (proof,) = claims.search(services, number(4))  # what the claims search shows of it
    assert (proof.cashier, proof.refunded_by) == (ana, beto)

    # Each shift's drawer is the cash close's own arithmetic, to the centavo; money given
    # back for a sale paid in an earlier shift left the drawer in the shift that gave it.
    sales = services.notebook.sales_of_day(START.date())
    assert ana_end.figure("expected") == 75_000
    beto_close = close(sales, beto_end.opened_at, beto_end.closed_at)
    earlier = net_paid(stored)
    assert beto_end.figure("expected") == beto_shift.opening + beto_close.drawer - earlier
    assert beto_end.figure("expected") == 75_000 + 5_000 - 10_000
    assert beto_end.figure("given_back") == earlier and beto_end.figure("given_back_count") == 1
    # And the day's shifts together hold what the day's close says the drawer holds.
    day = compute(services, *day_period(START.date(), TZ))
    shifts = (ana_end, beto_end)
    assert sum(s.figure("expected") - s.opening for s in shifts) == day.drawer == 20_000

    # The owner's day: who, from-to, sales, money back, expected, counted, difference.
    view = services.shifts.day(START.date())
    assert [(r.shift.cashier.name, r.start, r.end, r.confirmed_count, r.given_back,
             r.expected, r.counted, r.difference) for r in view.rows] == [
        ("Ana", ana_end.opened_at, ana_end.closed_at, 2, 5_000, 75_000, 75_000, 0),
        ("Beto", beto_end.opened_at, beto_end.closed_at, 1, 10_000, 70_000, 68_000, -2_000)]
    assert view.close.drawer == day.drawer
    assert dict(view.earnings.by_cashier)[ana] == sum(
        r.earning for r in view.rows if r.shift.cashier == ana)

    # The slip the hand-over prints, and the journal as `journal check` reads it.
    slip = as_text(services.printing.shift_slip(beto_end, "Abarrotes La Esperanza"))
    assert "Beto" in slip and "Falta" in slip and "-$20.00" in slip and "$680.00" in slip
    assert check.check_folder(services.notebook.folder).ok


async def test_r05_nobody_on_duty_nothing_is_sold_and_the_refusal_says_why(shop):
    await staffed(shop)
    tel50 = await shop.product("TEL-050")
    with pytest.raises(ShiftError) as refused:
        shop.counter.start(number(1), tel50)
    assert t(refused.value.code, **refused.value.params) == (
        "Nadie tiene turno abierto (origen: esta tienda): un cajero abre su turno con su NIP "
        "antes de vender")
    assert shop.services.notebook.sales_of_day(START.date()) == []


async def test_r12_wrong_pins_lock_the_cashier_who_then_cannot_sell_and_the_lock_is_journaled(
        shop):
    services = shop.services
    ana, _ = await staffed(shop)
    tel50 = await shop.product("TEL-050")
    services.shifts.start(ana.id, ANA_PIN)
    paid = shop.paid(number(1), tel50)  # sold before someone tried Ana's PIN at the lock
    attempts = services.settings.cashiers.pin_attempts
    for left in range(attempts - 1, 0, -1):
        with pytest.raises(PinRefused) as wrong:
            services.shifts.resume("0000")
        assert wrong.value.left == left
    with pytest.raises(CashierLocked) as locked:
        services.shifts.resume("9999")
    until = locked.value.until
    lock_minutes = services.settings.cashiers.pin_lock_minutes
    assert until == shop.clock.now() + timedelta(minutes=lock_minutes)
    with pytest.raises(CashierLocked):  # even the right PIN, until then
        services.shifts.resume(ANA_PIN)

    # A locked cashier cannot sell: the counter refuses, with words, and nothing is sent.
    for step in (lambda: shop.counter.start(number(2), tel50),
                 lambda: shop.counter.refund(paid, "left")):
        with pytest.raises(ShiftError) as refused:
            step()
        assert refused.value.code == "shift.cashier_locked"
        assert t(refused.value.code, **refused.value.params).startswith(
            f"Ana está bloqueado hasta las {until:%H:%M} por NIP equivocados (origen: esta "
            "tienda)")
    with pytest.raises(ShiftError):
        await shop.counter.send(paid)
    assert services.notebook.get(paid.ref).state is State.PAID

    # Journaled: who, when, until when.
    (lock,) = [i for i in services.notebook.desk_of_day(START.date())
               if isinstance(i, desk.Lock)]
    assert (lock.cashier, lock.at, lock.until) == (ana, shop.clock.now(), until)
    assert services.shifts.day(START.date()).locks == (lock,)

    shop.clock.advance(services.settings.cashiers.pin_lock_minutes * 60)
    assert services.shifts.resume(ANA_PIN) == ana
    assert (await shop.counter.send(paid)).state is State.CONFIRMED


async def test_r12_the_pin_is_kept_only_as_its_salted_slow_hash_in_a_file_the_users_alone(shop):
    services = shop.services
    ana, beto = await staffed(shop)
    path = services.cashiers.roster.path
    assert path == services.settings.journal_path().with_name("journal-cajeros.json")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    raw = path.read_bytes()
    assert ANA_PIN.encode() not in raw and BETO_PIN.encode() not in raw
    entries = json.loads(raw)["cashiers"]
    assert [e["name"] for e in entries] == ["Ana", "Beto"]
    assert entries[0]["salt"] != entries[1]["salt"] and entries[0]["hash"] != entries[1]["hash"]
    assert {e["n"] for e in entries} == {2**8}  # the cost each was hashed with, kept beside
    assert services.cashiers.check(ana.id, ANA_PIN) == ana
    with pytest.raises(PinRefused):
        services.cashiers.check(ana.id, BETO_PIN)
    with pytest.raises(SaleError):  # a PIN is 4 to 8 digits
        services.cashiers.add(await services.cashiers.owner("demo", "demo"), "Caro", "12ab")


async def test_r13_only_the_owner_with_the_dealers_password_sets_cashiers_up(shop):
    cashiers = shop.services.cashiers
    with pytest.raises(CashierError) as empty:
        await cashiers.owner("demo", "")
    assert empty.value.code == "cashier.owner_password"
    with pytest.raises(BadCredentials):  # the dealer itself refuses a wrong password
        await cashiers.owner("demo", "wrong")
    owner = await cashiers.owner("demo", "demo")
    ana = cashiers.add(owner, "Ana", ANA_PIN)
    with pytest.raises(CashierError) as twice:
        cashiers.add(owner, "ana", "9999")
    assert twice.value.code == "cashier.name_taken"
    shop.clock.advance(6 * 60)  # the owner's check lasts a few minutes
    with pytest.raises(CashierError) as late:
        cashiers.remove(owner, ana.id)
    assert late.value.code == "cashier.owner_needed"
    owner = await cashiers.owner("demo", "demo")
    cashiers.set_pin(owner, ana.id, "8642")
    assert cashiers.check(ana.id, "8642") == ana
    cashiers.remove(owner, ana.id)
    assert not cashiers.enabled and cashiers.get(ana.id) is None
    again = cashiers.add(owner, "Ana", ANA_PIN)
    assert again.id != ana.id  # an id is never given twice: the notebook names the old one


async def test_r13_a_dealer_that_reads_no_password_makes_an_owner_only_by_the_configured_secret(
        shop):
    """A dealer whose login reads no typed field (its key in the config) would log anyone in:
    the owner is the one who knows the configured secret, compared on this computer, and
    nothing typed is sent (R12, R13)."""
    dealer = shop.services.dealer
    dealer.capabilities = replace(dealer.capabilities,
                                  login=LoginAsks(user=False, password=False))
    given: list[tuple[str, str]] = []
    real = dealer.login

    async def configured_login(user, password):
        given.append((user, password))
        return await real("demo", "demo")  # the account of the config, whatever is typed

    dealer.login = configured_login
    cashiers = Cashiers(shop.services.settings, shop.clock, shop.services.notebook, dealer,
                        path=shop.services.cashiers.roster.path,
                        access=Access(dealer, ConfiguredSecret("config.taecel.key", SECRET)))
    for typed in ("demo", "anything", SECRET[:-1]):
        with pytest.raises(BadCredentials) as refused:
            await cashiers.owner("", typed)
        assert refused.value.fault.origin is Origin.SHOP
    assert given == []  # nothing typed went anywhere
    owner = await cashiers.owner("", SECRET)
    assert cashiers.add(owner, "Ana", ANA_PIN).name == "Ana"
    assert given == [("", "")]  # the login with the config's own, not the typed secret
    unset = Cashiers(shop.services.settings, shop.clock, shop.services.notebook, dealer,
                     path=shop.services.cashiers.roster.path)
    with pytest.raises(BadCredentials):  # no secret configured: nobody is the owner
        await unset.owner("", SECRET)


async def test_r03_a_shop_without_cashiers_sells_as_before(shop):
    services = shop.services
    tel50 = await shop.product("TEL-050")
    sale = await shop.sell(number(1), tel50)
    assert sale.state is State.CONFIRMED and sale.cashier is None
    assert all("cashier" not in step.data for step in sale.history)
    assert services.shifts.on_duty is None and services.shifts.acting() is None
    assert not services.cashiers.roster.path.exists()
    day_file = services.notebook.folder / f"{START.date().isoformat()}.json"
    tables = json.loads(day_file.read_text("utf-8"))
    assert set(tables) == {"sales", "contents"} and "desk" not in tables["contents"]["1"]


async def test_r03_a_restart_and_a_read_only_copy_find_the_counter_where_it_was(shop, tmp_path):
    services = shop.services
    ana, _ = await staffed(shop)
    opened = services.shifts.start(ana.id, ANA_PIN, opening=20_000)
    await shop.sell(number(1), await shop.product("TEL-050"))

    with Journal.open(services.notebook.folder, tz=TZ, read_only=True) as other:
        (item,) = other.desk_of_day(START.date())
        assert isinstance(item, desk.Shift) and item.id == opened.id and item.is_open
        assert other.latest_shift() == item

    from desk_shop import reopened

    again = await reopened(shop)
    try:
        assert again.services.shifts.on_duty.id == opened.id
        assert again.services.shifts.acting() == ana
        ended = again.services.shifts.end(20_000 + 5_000, pin=ANA_PIN)
        assert ended.figure("difference") == 0
        assert again.services.shifts.start(ana.id, ANA_PIN).opening == 25_000
    finally:
        again.close()
        shop.services = again.services  # closed by the fixture too: closing twice is harmless


async def test_r01_a_shift_refuses_what_makes_no_sense_in_words(shop):
    services = shop.services
    ana, beto = await staffed(shop)
    with pytest.raises(ShiftError) as none_open:
        services.shifts.end(0, pin=ANA_PIN)
    assert none_open.value.code == "shift.none_open"
    services.shifts.start(ana.id, ANA_PIN)
    with pytest.raises(ShiftError) as twice:
        services.shifts.start(beto.id, BETO_PIN)
    assert t(twice.value.code, **twice.value.params).startswith("Ana tiene el turno abierto")
    with pytest.raises(PinRefused):  # the next cashier's PIN is checked before anything ends
        services.shifts.hand_over(ANA_PIN, 0, beto.id, ANA_PIN)
    assert services.shifts.on_duty.cashier == ana
    with pytest.raises(ShiftError) as unsaid:
        services.shifts.end(0)
    assert unsaid.value.code == "shift.pin_needed"
    owner = await services.cashiers.owner("demo", "demo")
    ended = services.shifts.end(0, owner=owner)  # Ana left without ending it
    assert ended.end.data["by"] == {"id": "owner", "name": ""}


async def test_r12_the_shops_own_scrypt_cost_is_kept_with_each_pin_and_checks_it(shop):
    cashiers = shop.services.cashiers
    owner = await cashiers.owner("demo", "demo")
    fast = cashiers.add(owner, "Ana", ANA_PIN)           # the tests' small cost
    cashiers.cost = Cost()                                # the shop's own
    slow = cashiers.add(owner, "Beto", BETO_PIN)
    entries = {e["name"]: e for e in json.loads(cashiers.roster.path.read_bytes())["cashiers"]}
    assert (entries["Beto"]["n"], entries["Beto"]["r"], entries["Beto"]["p"]) == (
        SCRYPT_N, SCRYPT_R, SCRYPT_P) == (2**15, 8, 2)
    assert len(pin_hash(BETO_PIN, b"s" * 16, 2**8, 8, 1)) == HASH_BYTES
    assert cashiers.check(slow.id, BETO_PIN) == slow
    assert cashiers.check(fast.id, ANA_PIN) == fast  # each PIN with the cost it was kept with


async def test_r11_r03_a_reprint_and_a_clarification_name_the_cashier_who_asked(shop):
    services = shop.services
    ana, beto = await staffed(shop)
    services.shifts.start(ana.id, ANA_PIN)
    sale = await shop.sell(number(1), await shop.product("TEL-050"))
    services.shifts.hand_over(ANA_PIN, services.shifts.figures_now().expected, beto.id,
                              BETO_PIN)
    shop.later()
    slip = services.printing.sale_ticket(sale, "Tienda", reprint=True)
    reprinted = services.printing.journal(Printed(slip))  # the paper came out whole
    asked = await services.support.ask_clarification("topup", "No le llegó al cliente",
                                                     client_ref=sale.ref)
    stored = services.notebook.get(sale.ref)
    assert reprinted is not None and stored.state is State.CONFIRMED
    assert [(e.kind, Cashier.of(e.data)) for e in stored.events] == [
        (EventKind.REPRINTED, beto), (EventKind.CLARIFICATION, beto)]
    assert stored.events[-1].data["id"] == asked.id
    assert stored.cashier == ana  # who sold it stays who sold it
