"""The simulated dealer's world: sessions, balance, top-ups, ledger, deposits, notices.

Everything here is synchronous on purpose. The simulator runs on one event loop, so a method
without ``await`` cannot be interleaved with another request: the first of fifty concurrent
top-ups with one reference creates the record, and the other forty-nine find it. Nothing
can sneak a second delivery in between.

Time-driven changes (a pending top-up settling, a deposit being accepted, a clarification
being answered) are queued events that :meth:`World.tick` applies whenever the world is read.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import json
import random
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from . import catalog, numbers
from .clock import SimClock
from .errors import SimError, error_object

DEMO_TERMINAL = "DEMO-01"
DEMO_USER = "demo"
DEMO_PASSWORD = "demo"
DEMO_BALANCE = 10_000_000  # $100,000.00: more than a demo day can sell
SESSION_HOURS = 8
CLARIFICATION_DUE_HOURS = 24
CLARIFICATION_ANSWER_MINUTES = 120
DEPOSIT_ACCEPT_MINUTES = 15
PEAK = (time(19, 30), time(21, 30))  # R15: carrier saturation


def iso(value: datetime) -> str:
    return value.isoformat(timespec="milliseconds")


@dataclass
class Terminal:
    shop_id: str
    shop_name: str
    users: dict[str, str]


@dataclass
class SessionState:
    terminal_id: str
    user: str
    expires_at: datetime


@dataclass
class Topup:
    """One top-up as the dealer keeps it; its status follows the simulated clock."""

    topup_id: str
    client_ref: str
    terminal_id: str
    sku: str
    carrier_id: str
    msisdn: str
    amount: int
    plan: numbers.Plan
    created_at: datetime
    settle_at: datetime
    answer_at: datetime
    visible_at: datetime
    reflected_at: datetime
    dealer_folio: str
    carrier_folio: str
    balance_after: int | None = None
    pool: str = ""  # "" is the main balance; otherwise one of World.pools

    def fingerprint(self) -> tuple[str, str, int]:
        return (self.sku, self.msisdn, self.amount)

    def status(self, now: datetime) -> str:
        return "pending" if now < self.settle_at else self.plan.final

    def record(self, now: datetime, replayed: bool) -> dict[str, Any]:
        status = self.status(now)
        return {
            "topup_id": self.topup_id,
            "client_ref": self.client_ref,
            "status": status,
            "sku": self.sku,
            "msisdn": self.msisdn,
            "carrier_folio": self.carrier_folio if status == "success" else None,
            "dealer_folio": self.dealer_folio,
            "amount": self.amount,
            "balance_after": self.balance_after,
            "created_at": iso(self.created_at),
            "updated_at": iso(self.settle_at if status != "pending" else self.created_at),
            "replayed": replayed,
            "error": error_object(self.plan.error) if status == "failed" and self.plan.error
            else None,
        }


@dataclass(order=True)
class _Event:
    at: datetime
    seq: int
    run: Callable[[], None] = field(compare=False)


class World:
    def __init__(self, seed: int = 0, scenario: str = "normal", clock: SimClock | None = None,
                 balance: int = DEMO_BALANCE) -> None:
        if scenario not in numbers.SCENARIOS:
            raise ValueError(f"unknown scenario {scenario!r}")
        self.seed = seed
        self.scenario = scenario
        self.clock = clock or SimClock()
        self.terminals = {DEMO_TERMINAL: Terminal("TDA-0001", "Abarrotes La Esperanza (demo)",
                                                  {DEMO_USER: DEMO_PASSWORD})}
        self.sessions: dict[str, SessionState] = {}
        self.topups: dict[tuple[str, str], Topup] = {}
        self._attempts: dict[tuple[str, str], int] = {}
        self._topup_numbers = itertools.count(1)
        self.ledger: list[dict[str, Any]] = []
        self.movements: list[dict[str, Any]] = []
        self.deposits: list[dict[str, Any]] = []
        self.clarifications: list[dict[str, Any]] = []
        self.fault_reports: list[dict[str, Any]] = []
        self.carrier_overrides: dict[str, str] = {}
        # Products a face sells besides the carriers' top-ups of catalog.py (data bundles,
        # bills), in the same shape; an amount of None takes the amount the shop sends.
        self.extra_products: list[dict[str, Any]] = []
        self.notice_overrides: dict[str, dict[str, Any]] = {}
        self.balance = 0
        # Balances a face keeps apart from the main one (Taecel's "Pago de Servicios"), by
        # name, in centavos: a top-up charged to one never touches the others.
        self.pools: dict[str, int] = {}
        # POST /sim/lose: this many coming top-up requests are lost before the dealer
        # records them (never received: no record, no answer, nothing in the report).
        self.lose_requests = 0
        self._events: list[_Event] = []
        self._seq = itertools.count(1)
        self._changed_at = self.clock.now()
        self._move(self._changed_at, "deposit", balance, "Saldo inicial", None)

    # --- time ----------------------------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock.now()

    def is_peak(self) -> bool:
        if self.scenario == "peak":
            return True
        start, end = PEAK
        return start <= self.now().time() < end

    def tick(self) -> None:
        """Apply every queued change whose time has come."""
        now = self.now()
        while self._events and self._events[0].at <= now:
            heapq.heappop(self._events).run()

    def _at(self, when: datetime, run: Callable[[], None]) -> None:
        heapq.heappush(self._events, _Event(when, next(self._seq), run))

    def _rng(self, *parts: object) -> random.Random:
        """A generator that depends on the seed and the parts, not on request order."""
        return random.Random(":".join(map(str, (self.seed, *parts))))

    def set_scenario(self, scenario: str) -> None:
        if scenario not in numbers.SCENARIOS:
            raise SimError("BAD_REQUEST", f"Escenario desconocido: {scenario}.")
        self.scenario = scenario
        self._changed_at = self.now()

    # --- sessions ------------------------------------------------------------------------------

    def check_credentials(self, terminal_id: str, user: str, password: str) -> bool:
        terminal = self.terminals.get(terminal_id)
        return terminal is not None and secrets.compare_digest(
            terminal.users.get(user, "\0").encode(), password.encode())

    def login(self, terminal_id: str, user: str, password: str) -> dict[str, Any]:
        if not self.check_credentials(terminal_id, user, password):
            raise SimError("BAD_CREDENTIALS")
        terminal = self.terminals[terminal_id]
        token = secrets.token_urlsafe(24)
        expires = self.now() + timedelta(hours=SESSION_HOURS)
        self.sessions[token] = SessionState(terminal_id, user, expires)
        return {"token": token, "expires_at": iso(expires),
                "shop": {"id": terminal.shop_id, "name": terminal.shop_name}}

    def session(self, authorization: str | None) -> SessionState:
        if not authorization or not authorization.startswith("Bearer "):
            raise SimError("NO_SESSION")
        state = self.sessions.get(authorization[len("Bearer "):].strip())
        if state is None:
            raise SimError("NO_SESSION")
        if self.now() >= state.expires_at:
            raise SimError("SESSION_EXPIRED")
        return state

    def expire_sessions(self) -> int:
        now = self.now()
        for state in self.sessions.values():
            state.expires_at = min(state.expires_at, now)
        return len(self.sessions)

    # --- notices and catalog -------------------------------------------------------------------

    def notices(self) -> dict[str, Any]:
        status = self.notice_overrides.get("system_status") or self._auto_status()
        message = self.notice_overrides.get("general_message") or {
            "text": "Recuerde: cobre la recarga antes de enviarla. Nadie del distribuidor le "
                    "pedirá sus claves.",
            "updated_at": iso(self.clock.start),
        }
        return {"system_status": status, "general_message": message}

    def _auto_status(self) -> dict[str, Any]:
        if self.scenario == "outage":
            return {"level": "down", "updated_at": iso(self._changed_at),
                    "text": "Falla en Telcel y Movistar: no están recibiendo recargas. "
                            "Trabajamos para restablecer el servicio."}
        if self.is_peak():
            return {"level": "slow", "updated_at": iso(self._changed_at),
                    "text": "Sistema lento por saturación de los carriers. Las recargas pueden "
                            "tardar hasta 10 minutos en reflejarse."}
        return {"level": "normal", "updated_at": iso(self._changed_at),
                "text": "Sistema operando con normalidad."}

    def set_notice(self, box: str, text: str, level: str | None = None) -> None:
        entry: dict[str, Any] = {"text": text, "updated_at": iso(self.now())}
        if box == "system_status":
            entry["level"] = level or "normal"
        self.notice_overrides[box] = entry

    def carrier_status(self, carrier_id: str) -> str:
        if carrier_id in self.carrier_overrides:
            return self.carrier_overrides[carrier_id]
        if self.scenario == "outage":
            return {"telcel": "down", "movistar": "down", "att": "degraded"}.get(carrier_id, "up")
        if self.is_peak():
            return {"telcel": "degraded", "movistar": "degraded"}.get(carrier_id, "up")
        return "up"

    def catalog(self, version: str | None = None) -> tuple[dict[str, Any], str]:
        """Protocol v1's catalog; ``version`` "1.1" adds the billers and their open-amount
        products, which a v1 client could not sell (bundles are fixed amounts: in both);
        "1.2" adds what the shop earns on each product."""
        bills = version in ("1.1", "1.2")
        carriers = [*catalog.CARRIERS, *(catalog.v11_carriers() if bills else ())]
        products = [*catalog.products(),
                    *(p for p in catalog.v11_products() if bills or p["amount"])]
        if version == "1.2":  # what the shop earns on each
            products = [{**p, **catalog.earning_of(p)} for p in products]
        body = {
            "carriers": [{"id": cid, "name": name, "status": self.carrier_status(cid)}
                         for cid, name in carriers],
            "products": products,
        }
        digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]
        return body, f'"{digest}"'

    def product(self, sku: str) -> dict[str, Any] | None:
        return next((p for p in (*catalog.products(), *catalog.v11_products(),
                                 *self.extra_products) if p["sku"] == sku), None)

    # --- money ---------------------------------------------------------------------------------

    def _move(self, at: datetime, kind: str, amount: int, description: str,
              reference: str | None) -> None:
        self.balance += amount
        self.movements.append({
            "id": f"M{len(self.movements) + 1:07d}", "kind": kind, "amount": amount,
            "balance": self.balance, "at": iso(at), "description": description,
            "reference": reference, "_at": at,
        })

    def set_balance(self, available: int) -> None:
        delta = available - self.balance
        if delta:
            kind = "credit" if delta > 0 else "charge"
            self._move(self.now(), kind, delta, "Ajuste de saldo (simulador)", None)

    def balance_view(self) -> dict[str, Any]:
        updated = self.movements[-1]["at"] if self.movements else iso(self.now())
        view: dict[str, Any] = {"available": self.balance, "currency": "MXN",
                                "updated_at": updated}
        if catalog.SERVICES_POOL in self.pools:  # v1.1: every pool, the main one first
            view["pools"] = [
                {"id": "", "name": catalog.MAIN_POOL_NAME, "available": self.balance},
                {"id": catalog.SERVICES_POOL, "name": catalog.SERVICES_POOL_NAME,
                 "available": self.pools[catalog.SERVICES_POOL]}]
        return view

    # --- top-ups -------------------------------------------------------------------------------

    def take_lost(self) -> bool:
        """Whether this top-up request is one of those to lose before it is recorded."""
        if self.lose_requests <= 0:
            return False
        self.lose_requests -= 1
        return True

    def submit(self, terminal_id: str, client_ref: str, sku: str, msisdn: str,
               amount: int, *, product: Mapping[str, Any] | None = None,
               plan: numbers.Plan | None = None, pool: str = "") -> tuple[Topup, bool]:
        """Take a top-up, or find the one already taken under ``client_ref``.

        Returns the top-up and whether it is a replay. A repeat with the same data never tops
        up again; only a top-up that failed for a passing cause (class ``transient``, or
        INSUFFICIENT_BALANCE) may be attempted again under its reference.

        A face with a catalog of its own passes the ``product`` it checked (``sku``,
        ``carrier_id``, ``amount``) instead of protocol v1's, the ``plan`` its own test numbers
        fix (the balance still applies), and the ``pool`` that pays for it.
        """
        self.tick()
        key = (terminal_id, client_ref)
        existing = self.topups.get(key)
        if existing is not None:
            if existing.fingerprint() != (sku, msisdn, amount):
                raise SimError("REF_MISMATCH")
            if not self._may_attempt_again(existing):
                return existing, True
        if product is None:
            product = self.product(sku)
            if product is None:
                raise SimError("UNKNOWN_SKU")
        # An amount of None (or 0, protocol v1.1): a product that takes the amount sent (a
        # bill), within its limits where it names them.
        if product["amount"] and product["amount"] != amount:
            raise SimError("AMOUNT_MISMATCH")
        if not product["amount"] and not (
                product.get("min_amount", 1) <= amount <= product.get("max_amount", amount)):
            raise SimError("AMOUNT_MISMATCH")
        topup = self._create(terminal_id, client_ref, product, msisdn, amount, plan=plan,
                             pool=pool)
        self.topups[key] = topup
        return topup, False

    def _may_attempt_again(self, topup: Topup) -> bool:
        """A failure whose cause may pass (carrier down, dealer busy, no balance yet) reached
        no carrier and charged nothing, so the same reference may try again."""
        error = topup.plan.error
        return (topup.status(self.now()) == "failed" and error is not None
                and (error_object(error)["class"] == "transient"
                     or error == "INSUFFICIENT_BALANCE"))

    def funds(self, pool: str = "") -> int:
        """What the shop has in ``pool`` ("" is the main balance), in centavos."""
        return self.pools[pool] if pool else self.balance

    def _plan(self, client_ref: str, carrier_id: str, msisdn: str, amount: int,
              rng: random.Random, plan: numbers.Plan | None = None,
              pool: str = "") -> numbers.Plan:
        plan = plan or numbers.fixed_plan(msisdn)
        if plan is None:
            if self.carrier_status(carrier_id) == "down":
                plan = numbers.Plan("failed", "CARRIER_DOWN", rng.uniform(0.5, 3))
            else:
                plan = numbers.scenario_plan(rng, self.scenario, self.is_peak())
        if plan.final == "success" and amount > self.funds(pool):
            plan = numbers.Plan("failed", "INSUFFICIENT_BALANCE", 0.2)
        return plan

    def _create(self, terminal_id: str, client_ref: str, product: Mapping[str, Any],
                msisdn: str, amount: int | None = None, plan: numbers.Plan | None = None,
                pool: str = "") -> Topup:
        now = self.now()
        attempt = self._attempts[(terminal_id, client_ref)] = (
            self._attempts.get((terminal_id, client_ref), 0) + 1)
        rng = self._rng(client_ref, attempt)
        if amount is None:  # a product of one amount; a bill's comes from the shop
            amount = int(product["amount"])
        carrier_id = str(product["carrier_id"])
        plan = self._plan(client_ref, carrier_id, msisdn, amount, rng, plan, pool)
        settle = now + timedelta(seconds=plan.settle_after)
        answer = now + timedelta(seconds=plan.answer_after
                                 if plan.answer_after is not None else plan.settle_after)
        # The reflection delay counts from the request, as the page's "up to 10 minutes"
        # does (R19), and a top-up shows no earlier than it settles with the carrier.
        reflect = max(settle, now + timedelta(
            seconds=numbers.reflection_delay(rng, self.scenario, self.is_peak())))
        number = next(self._topup_numbers)
        topup = Topup(
            topup_id=f"T{number:08d}", client_ref=client_ref, terminal_id=terminal_id,
            sku=str(product["sku"]), carrier_id=carrier_id, msisdn=msisdn, amount=amount,
            plan=plan, created_at=now, settle_at=settle, answer_at=answer,
            # Lookups show the top-up once the dealer answered it, or after the reflection
            # delay (R19); the first answer moves this earlier (see `mark_answered`).
            visible_at=reflect, reflected_at=reflect,
            dealer_folio=f"D{now:%y%m%d}{number:06d}",
            carrier_folio=f"{rng.randrange(10**9, 10**10)}", pool=pool,
        )
        if plan.final == "success" or plan.answer_after is not None:
            self._charge(topup)
        return topup

    def _charge(self, topup: Topup) -> None:
        """Charge now; deliver (ledger) when the carrier settles, or give it back if it fails."""
        if topup.amount > self.funds(topup.pool):
            topup.plan = numbers.Plan("failed", "INSUFFICIENT_BALANCE", 0.2)
            return
        if topup.pool:
            self.pools[topup.pool] -= topup.amount
        else:
            self._move(topup.created_at, "topup", -topup.amount,
                       f"Recarga {topup.carrier_id} {topup.msisdn}", topup.client_ref)
        topup.balance_after = self.funds(topup.pool)
        self._at(topup.settle_at, lambda: self._settle(topup))

    def _settle(self, topup: Topup) -> None:
        if topup.plan.final == "success":
            self.ledger.append({"client_ref": topup.client_ref, "msisdn": topup.msisdn,
                                "amount": topup.amount, "sku": topup.sku,
                                "carrier_id": topup.carrier_id, "topup_id": topup.topup_id,
                                "carrier_folio": topup.carrier_folio,
                                "time": iso(topup.settle_at)})
        elif topup.pool:
            self.pools[topup.pool] += topup.amount
        else:
            self._move(topup.settle_at, "credit", topup.amount,
                       "Devolución de recarga no realizada", topup.client_ref)

    def mark_answered(self, topup: Topup) -> None:
        topup.visible_at = min(topup.visible_at, self.now())

    def lookup(self, terminal_id: str, client_ref: str) -> dict[str, Any]:
        self.tick()
        topup = self.topups.get((terminal_id, client_ref))
        if topup is None or self.now() < topup.visible_at:
            raise SimError("TOPUP_NOT_VISIBLE")
        return topup.record(self.now(), replayed=False)

    def sales(self, terminal_id: str, start: datetime, end: datetime,
              msisdn: str | None) -> dict[str, Any]:
        self.tick()
        now = self.now()
        lines: list[dict[str, Any]] = [
            {"client_ref": t.client_ref, "topup_id": t.topup_id, "msisdn": t.msisdn,
             "carrier_id": t.carrier_id, "sku": t.sku, "amount": t.amount,
             "carrier_folio": t.carrier_folio, "dealer_folio": t.dealer_folio,
             "created_at": iso(t.created_at), "reflected_at": iso(t.reflected_at)}
            for t in self.topups.values()
            if t.terminal_id == terminal_id and t.status(now) == "success"
            and t.reflected_at <= now and start <= t.created_at <= end
            and (msisdn is None or t.msisdn == msisdn)
        ]
        return {"from": iso(start), "to": iso(end), "lines": lines,
                "total": sum(int(x["amount"]) for x in lines)}

    def statement(self, start: datetime, end: datetime) -> dict[str, Any]:
        self.tick()
        before = [m for m in self.movements if m["_at"] < start]
        inside = [m for m in self.movements if start <= m["_at"] <= end]
        opening = before[-1]["balance"] if before else 0
        closing = inside[-1]["balance"] if inside else opening
        return {"from": iso(start), "to": iso(end), "opening_balance": opening,
                "closing_balance": closing,
                "movements": [{k: v for k, v in m.items() if k != "_at"} for m in inside]}

    # --- deposits, clarifications, fault reports -----------------------------------------------

    def add_deposit(self, bank: str, amount: int, reference: str,
                    deposited_at: datetime) -> dict[str, Any]:
        now = self.now()
        deposit = {"id": f"DEP{len(self.deposits) + 1:05d}", "bank": bank, "amount": amount,
                   "reference": reference, "deposited_at": iso(deposited_at),
                   "state": "received", "created_at": iso(now), "updated_at": iso(now)}
        self.deposits.append(deposit)
        self._at(now + timedelta(minutes=DEPOSIT_ACCEPT_MINUTES),
                 lambda: self._accept_deposit(deposit))
        return deposit

    def _accept_deposit(self, deposit: dict[str, Any]) -> None:
        at = self.now()
        deposit["state"] = "accepted"
        deposit["updated_at"] = iso(at)
        self._move(at, "deposit", int(deposit["amount"]),
                   f"Depósito {deposit['bank']}", str(deposit["reference"]))

    def add_clarification(self, topic: str, text: str,
                          client_ref: str | None) -> dict[str, Any]:
        now = self.now()
        item: dict[str, Any] = {
            "id": f"ACL{len(self.clarifications) + 1:05d}", "topic": topic,
            "client_ref": client_ref, "text": text, "created_at": iso(now),
            "due_at": iso(now + timedelta(hours=CLARIFICATION_DUE_HOURS)), "status": "open",
            "answer": None, "answered_at": None,
        }
        self.clarifications.append(item)
        self._at(now + timedelta(minutes=CLARIFICATION_ANSWER_MINUTES),
                 lambda: self._answer(item))
        return item

    def _answer(self, item: dict[str, Any]) -> None:
        item["status"] = "answered"
        item["answered_at"] = iso(self.now())
        item["answer"] = ("Revisamos su cuenta y los movimientos están correctos. "
                          "Mesa de control Orizaba.")

    def add_fault_report(self, origin: str, text: str,
                         client_refs: list[str]) -> dict[str, Any]:
        report = {"id": f"FR{len(self.fault_reports) + 1:05d}", "origin": origin,
                  "received_at": iso(self.now()), "text": text, "client_refs": client_refs}
        self.fault_reports.append(report)
        return {k: report[k] for k in ("id", "origin", "received_at")}
