"""The simulated Reloadly: its token service and airtime API as one Starlette app, over the
simulator's one world.

``POST /oauth/token`` takes the demo account's client id and secret and hands out tokens
that expire (:data:`TOKEN_SECONDS` of the world's clock); every other route asks for
``Accept: application/com.reloadly.topups-v1+json`` and a live bearer token, and answers in
Reloadly's shapes (``bodies.py``). The world keeps each top-up under its
``customIdentifier``, so its clock, scenarios, test numbers, reflection delay and ledger are
the same as behind protocol v1; the test controls under ``/sim`` are protocol v1's, with
``/sim/sessions/expire`` expiring this face's tokens.

How the world's failures show through Reloadly (docs/dealers/reloadly.md has it all):

* a top-up's answer lost after the charge is the POST's connection cut half-way; a hanging
  one is the POST saying nothing; a request lost before the dealer heard it leaves nothing;
* the asynchronous top-up answers its ``transactionId`` at once and its status says
  PROCESSING until the carrier answers (SUCCESSFUL, FAILED, or REFUNDED when it was charged);
* a token lapses at its time, and in the chaos scenario now and then before it (a top-up
  turned away with 401 TOKEN_EXPIRED, nothing recorded);
* a ``customIdentifier`` already used is refused, and so is a number topped up in the last
  two minutes;
* the transactions report shows a top-up once it was answered, or after the world's
  reflection delay (R19).
"""

from __future__ import annotations

import itertools
import json
import random
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ...dealer.reloadly.answers import local_number
from .. import app as v1
from ..app import DroppedAnswer
from ..clock import SimClock
from ..errors import SimError
from ..numbers import DROP, HANG
from ..world import Topup, World
from . import bodies
from . import operators as ops

DEMO_CLIENT_ID = "demo"
DEMO_CLIENT_SECRET = "demo-secret"
DEMO_LOGIN = f"client id {DEMO_CLIENT_ID}, client secret {DEMO_CLIENT_SECRET}"
ACCOUNT = "RELOADLY-demo"   # the world's terminal for the sales of this face
AUDIENCES = ("https://topups.reloadly.com", "https://topups-sandbox.reloadly.com")
TOKEN_SECONDS = 3600        # the simulator's tokens: an hour of the world's clock
RECENT_SECONDS = 120        # PHONE_RECENTLY_RECHARGED: "a delay of 2 minutes"
CHAOS_TOKEN_LAPSE = 0.03    # the share of top-ups whose token lapses early in chaos
FIRST_ID = 4602843          # transaction ids as the documents' examples run
MAX_BODY_BYTES = 16 * 1024
MAX_PAGE = 200


@dataclass
class Face:
    """What the face keeps beside the world: the account, its tokens, its transaction ids."""

    world: World
    client_id: str = DEMO_CLIENT_ID
    client_secret: str = DEMO_CLIENT_SECRET
    tokens: dict[str, datetime] = field(default_factory=dict)  # token -> when it lapses
    ids: dict[str, int] = field(default_factory=dict)          # customIdentifier -> id
    refs: dict[int, str] = field(default_factory=dict)
    numbers: Iterator[int] = field(default_factory=lambda: itertools.count(FIRST_ID))
    requests: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def accepts(self, client_id: Any, client_secret: Any) -> bool:
        if not isinstance(client_id, str) or not isinstance(client_secret, str):
            return False
        id_ok = secrets.compare_digest(client_id.encode(), self.client_id.encode())
        secret_ok = secrets.compare_digest(client_secret.encode(), self.client_secret.encode())
        return id_ok and secret_ok

    def mint(self) -> str:
        token = secrets.token_urlsafe(32)
        self.tokens[token] = self.world.now() + timedelta(seconds=TOKEN_SECONDS)
        return token

    def assign(self, ref: str) -> int:
        txn_id = self.ids[ref] = next(self.numbers)
        self.refs[txn_id] = ref
        return txn_id

    def topup(self, txn_id: int) -> Topup | None:
        ref = self.refs.get(txn_id)
        return None if ref is None else self.world.topups.get((ACCOUNT, ref))

    def expire_tokens(self) -> int:
        now = self.world.now()
        for token in self.tokens:
            self.tokens[token] = min(self.tokens[token], now)
        return len(self.tokens)

    def lapses_early(self) -> bool:
        """In chaos, the token of this top-up lapses before its time (seeded): as a token
        revoked would, or one whose end Reloadly's clock reached before the shop's."""
        if self.world.scenario != "chaos":
            return False
        draw = random.Random(f"{self.world.seed}:reloadly-token:{next(self.requests)}")
        return draw.random() < CHAOS_TOKEN_LAPSE

    def recently_topped_up(self, msisdn: str) -> bool:
        now = self.world.now()
        since = now - timedelta(seconds=RECENT_SECONDS)
        return any(t.terminal_id == ACCOUNT and t.msisdn == msisdn and t.created_at > since
                   and t.status(now) != "failed" for t in self.world.topups.values())


def _face(request: Request) -> Face:
    face: Face = request.app.state.reloadly
    face.world.tick()
    return face


def _error(face: Face, request: Request, code: str | None, message: str,
           status: int) -> Response:
    return bodies.error(face.world, request.url.path, code, message, status)


def _refused(face: Face, request: Request, world_code: str) -> Response:
    code, message, status = bodies.FAILURES[world_code]
    return _error(face, request, code, message, status)


def _opened(request: Request) -> tuple[Face, Response | None]:
    """The face, and the refusal of a request that does not pass its door (or None)."""
    face = _face(request)
    refused = _guard(face, request)
    iso = request.path_params.get("iso")
    if refused is None and iso is not None and iso.upper() != "MX":
        refused = _error(face, request, "COUNTRY_NOT_SUPPORTED",
                         "Country not found and/or not currently supported", 404)
    return face, refused


def _guard(face: Face, request: Request) -> Response | None:
    """The airtime service's door: its media type asked for, and a live bearer token."""
    if bodies.TOPUPS_V1 not in request.headers.get("accept", ""):
        return _error(face, request, None, "Could not find acceptable representation", 406)
    lapses = face.tokens.get(_bearer(request))
    if lapses is None:
        return _error(face, request, "INVALID_TOKEN",
                      "Full authentication is required to access this resource", 401)
    if face.world.now() >= lapses:
        return _error(face, request, "TOKEN_EXPIRED", "The access token has expired", 401)
    return None


def _bearer(request: Request) -> str:
    auth = request.headers.get("authorization", "")
    return auth[len("Bearer "):].strip() if auth.startswith("Bearer ") else ""


async def _json(request: Request) -> Any:
    """The request's JSON, or None: anything but a small JSON body reads as nothing."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
    try:
        return json.loads(b"".join(chunks).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


# --- the token service ------------------------------------------------------------------------


async def token(request: Request) -> Response:
    face = _face(request)
    data = await _json(request)
    if not isinstance(data, dict) or data.get("grant_type") != "client_credentials":
        return _error(face, request, "INVALID_GRANT_TYPE", "Invalid grant type", 400)
    if not face.accepts(data.get("client_id"), data.get("client_secret")):
        return _error(face, request, "INVALID_CREDENTIALS", "Access Denied", 401)
    if data.get("audience") not in AUDIENCES:
        return _error(face, request, "INVALID_AUDIENCE", "The provided audience is not valid",
                      401)
    return bodies.TokenResponse({"access_token": face.mint(), "scope": "developer",
                                 "expires_in": TOKEN_SECONDS, "token_type": "Bearer"})


# --- the account and the operators ----------------------------------------------------------


async def balance(request: Request) -> Response:
    face, refused = _opened(request)
    if refused is not None:
        return refused
    world = face.world
    usd, name, _ = ops.ACCOUNT_CURRENCY
    updated = world.movements[-1]["_at"] if world.movements else world.now()
    return bodies.ReloadlyResponse({"balance": ops.dollars(world.balance), "currencyCode": usd,
                                    "currencyName": name, "updatedAt": bodies.utc(updated)})


def _wanted(op: ops.SimOperator, request: Request) -> bool:
    asked = request.query_params
    return not ((op.pin and asked.get("includePin") == "false")
                or (op.bundle and "false" in (asked.get("includeBundles"),
                                              asked.get("includeData"))))


async def operators_of_country(request: Request) -> Response:
    face, refused = _opened(request)
    if refused is not None:
        return refused
    return bodies.ReloadlyResponse([ops.body(op) for op in ops.OPERATORS
                                    if _wanted(op, request)])


async def operator(request: Request) -> Response:
    face, refused = _opened(request)
    if refused is not None:
        return refused
    found = ops.BY_ID.get(request.path_params["operator_id"])
    if found is None:
        return _error(face, request, None, "Operator not found for given id", 404)
    return bodies.ReloadlyResponse(ops.body(found))


def _mexican(number: Any) -> str | None:
    """The 10 digits of a Mexican number written with or without "+52"."""
    return local_number(number if isinstance(number, (int, str)) else None, "52")


async def auto_detect(request: Request) -> Response:
    face, refused = _opened(request)
    if refused is not None:
        return refused
    number = _mexican(request.path_params["phone"])
    found = ops.detect(face.world.seed, number) if number else None
    if found is None:
        return _error(face, request, "COULD_NOT_AUTO_DETECT_OPERATOR",
                      "Could not auto-detect operator for the given phone number", 404)
    return bodies.ReloadlyResponse(ops.body(found))


# --- the top-up -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Asked:
    op: ops.SimOperator
    msisdn: str
    centavos: int
    ref: str


def _centavos(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        amount = Decimal(str(value).strip()) * 100
    except InvalidOperation:
        return None
    return int(amount) if amount.is_finite() and amount == amount.to_integral_value() else None


def _asked(face: Face, request: Request, data: Any) -> Asked | Response:
    """The top-up asked for, or Reloadly's refusal of it (nothing is recorded)."""
    if not isinstance(data, dict):
        return _error(face, request, "INVALID_INPUT_PROVIDED", "Invalid request body", 400)
    op_id = str(data.get("operatorId"))
    op = ops.BY_ID.get(int(op_id)) if op_id.isdigit() and len(op_id) < 10 else None
    if op is None:
        return _refused(face, request, "CARRIER_DOWN")
    centavos = _centavos(data.get("amount"))
    if centavos is None:
        return _error(face, request, "INVALID_AMOUNT", "Amount must be numerical", 400)
    if data.get("useLocalAmount") is not True or not op.local or op.pin \
            or not op.takes(centavos):
        return _refused(face, request, "AMOUNT_MISMATCH")
    phone = data.get("recipientPhone")
    msisdn = _mexican(phone.get("number")) if isinstance(phone, dict) \
        and phone.get("countryCode") == "MX" else None
    if msisdn is None:
        return _refused(face, request, "INVALID_NUMBER")
    ref = data.get("customIdentifier")
    if ref is None:
        ref = f"sin-referencia-{next(face.requests)}"
    if not isinstance(ref, str) or not 1 <= len(ref) <= 150:
        return _error(face, request, "INVALID_INPUT_PROVIDED", "Invalid customIdentifier", 400)
    if ref in face.ids or (ACCOUNT, ref) in face.world.topups:
        return _error(face, request, "CUSTOM_IDENTIFIER_ALREADY_USED",
                      "The custom identifier was already used for another transaction", 400)
    if face.recently_topped_up(msisdn):
        return _refused(face, request, "RECENT_TOPUP")
    return Asked(op, msisdn, centavos, ref)


async def _take(request: Request) -> tuple[Face, Topup, int] | Response:
    """A top-up recorded in the world, or the answer that records none."""
    face, refused = _opened(request)
    if refused is not None:
        return refused
    world = face.world
    if face.lapses_early():  # this token, and only it, lapses now
        face.tokens[_bearer(request)] = world.now()
        return _error(face, request, "TOKEN_EXPIRED", "The access token has expired", 401)
    asked = _asked(face, request, await _json(request))
    if isinstance(asked, Response):
        return asked
    if world.take_lost():
        await v1.hang(request)  # lost on its way: Reloadly never hears of it
        return Response(status_code=499)
    op = asked.op
    # From here to the record's creation there is no await: see World.submit.
    try:
        topup, _ = world.submit(ACCOUNT, asked.ref, str(op.id), asked.msisdn, asked.centavos,
                                product={"sku": str(op.id), "carrier_id": op.carrier,
                                         "amount": asked.centavos})
    except SimError:
        return _error(face, request, "INVALID_INPUT_PROVIDED", "Invalid request", 400)
    return face, topup, face.assign(asked.ref)


def _dropped(content: Any) -> Response:
    """The answer cut half-way after the charge (the world's DROP)."""
    return DroppedAnswer(json.loads(bytes(bodies.ReloadlyResponse(content).body)))


async def _answer_due(request: Request, due: Callable[[World, Topup, int], datetime]
                      ) -> tuple[Face, Topup, int] | Response:
    """A top-up recorded and the time of its answer come (``due``); the answer that records
    none, or none at all: a hang (the world's HANG) or a client that left."""
    taken = await _take(request)
    if isinstance(taken, Response):
        return taken
    face, topup, txn_id = taken
    world = face.world
    if topup.plan.answer == HANG:
        await v1.hang(request)
        return Response(status_code=499)
    if not await world.clock.sleep_until(due(world, topup, txn_id), request.is_disconnected):
        return Response(status_code=499)
    world.tick()
    return taken


def _carrier_answered(world: World, topup: Topup, txn_id: int) -> datetime:
    return topup.answer_at


def _id_handed(world: World, topup: Topup, txn_id: int) -> datetime:
    """The asynchronous answer: a moment after the request, longer at the peak (R15)."""
    latency = random.Random(f"{world.seed}:reloadly:{txn_id}").uniform(
        *((2.0, 8.0) if world.is_peak() else (0.1, 0.6)))
    return topup.created_at + timedelta(seconds=latency)


async def topups(request: Request) -> Response:
    """POST /topups: answered once the carrier has (or the top-up is PROCESSING)."""
    taken = await _answer_due(request, _carrier_answered)
    if isinstance(taken, Response):
        return taken
    face, topup, txn_id = taken
    world = face.world
    txn = bodies.transaction(world, topup, txn_id, world.now())
    if topup.plan.answer == DROP:
        return _dropped(txn)
    world.mark_answered(topup)
    if txn["status"] in ("FAILED", "REFUNDED"):
        code, message, status = bodies.failure(topup)
        return _error(face, request, code, message, status)
    return bodies.ReloadlyResponse(txn)


async def topups_async(request: Request) -> Response:
    """POST /topups-async: the transaction's id, at once; its fate is its status's."""
    taken = await _answer_due(request, _id_handed)
    if isinstance(taken, Response):
        return taken
    face, topup, txn_id = taken
    if topup.plan.answer == DROP:
        return _dropped({"transactionId": txn_id})
    face.world.mark_answered(topup)
    return bodies.ReloadlyResponse({"transactionId": txn_id})


async def topup_status(request: Request) -> Response:
    face, refused = _opened(request)
    if refused is not None:
        return refused
    txn_id = request.path_params["txn_id"]
    topup = face.topup(txn_id)
    if topup is None:
        return _error(face, request, None, "Transaction not found", 404)
    return bodies.ReloadlyResponse(bodies.status(face.world, topup, txn_id, face.world.now()))


# --- the transactions report ------------------------------------------------------------------


def _when(text: str | None) -> datetime | None | bool:
    """A report's date (UTC), None when not asked, False when not a date."""
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return False


def _whole(text: str | None, default: int, low: int, high: int) -> int | None:
    if text is None:
        return default
    return int(text) if text.isdigit() and low <= int(text) <= high else None


async def transactions(request: Request) -> Response:
    face, refused = _opened(request)
    if refused is not None:
        return refused
    world = face.world
    asked = request.query_params
    start, end = _when(asked.get("startDate")), _when(asked.get("endDate"))
    page = _whole(asked.get("page"), 1, 1, 10**6)
    size = _whole(asked.get("size"), MAX_PAGE, 1, MAX_PAGE)
    if start is False or end is False or page is None or size is None:
        return _error(face, request, "INVALID_INPUT_PROVIDED", "Invalid query parameters", 400)
    custom, operator_id = asked.get("customIdentifier"), asked.get("operatorId")
    now = world.now()
    shown = sorted(
        (t for t in world.topups.values()
         if t.terminal_id == ACCOUNT and t.visible_at <= now
         and (custom is None or t.client_ref == custom)
         and (operator_id is None or t.sku == operator_id)
         and (not isinstance(start, datetime) or t.created_at >= start)
         and (not isinstance(end, datetime) or t.created_at <= end)),
        key=lambda t: t.created_at, reverse=True)
    lines = [bodies.transaction(world, t, face.ids[t.client_ref], now)
             for t in shown[(page - 1) * size:page * size]]
    return bodies.ReloadlyResponse(bodies.page(lines, page - 1, size, len(shown)))


async def transaction(request: Request) -> Response:
    face, refused = _opened(request)
    if refused is not None:
        return refused
    txn_id = request.path_params["txn_id"]
    topup = face.topup(txn_id)
    now = face.world.now()
    if topup is None or topup.visible_at > now:
        return _error(face, request, None, "Transaction not found", 404)
    return bodies.ReloadlyResponse(bodies.transaction(face.world, topup, txn_id, now))


# --- test controls of this face ---------------------------------------------------------------


async def sim_expire_tokens(request: Request) -> Response:
    """``POST /sim/sessions/expire``: every token handed out lapses now."""
    return v1._json({"expired": _face(request).expire_tokens()})


# --- the app ----------------------------------------------------------------------------------


async def _http_error(request: Request, exc: Exception) -> Response:
    """Spring's own refusal of a path nobody serves, as the OpenAPI's 404 examples show it."""
    assert isinstance(exc, HTTPException)
    world: World = request.app.state.world
    return bodies.ReloadlyResponse(
        {"timeStamp": bodies.utc(world.now()), "status": exc.status_code,
         "error": "Not Found" if exc.status_code == 404 else "Bad Request",
         "message": "No message available", "path": request.url.path}, exc.status_code,
        dict(exc.headers or {}))


async def _server_error(request: Request, exc: Exception) -> Response:
    world: World = request.app.state.world
    return bodies.ReloadlyResponse(
        {"timeStamp": bodies.utc(world.now()), "status": 500,
         "error": "Internal Server Error", "message": "Internal Server Error",
         "path": request.url.path}, 500)


ROUTES = [
    Route("/oauth/token", token, methods=["POST"]),
    Route("/accounts/balance", balance, methods=["GET"]),
    Route("/operators/countries/{iso}", operators_of_country, methods=["GET"]),
    Route("/operators/auto-detect/phone/{phone}/countries/{iso}", auto_detect,
          methods=["GET"]),
    Route("/operators/{operator_id:int}", operator, methods=["GET"]),
    Route("/topups", topups, methods=["POST"]),
    Route("/topups-async", topups_async, methods=["POST"]),
    Route("/topups/{txn_id:int}/status", topup_status, methods=["GET"]),
    Route("/topups/reports/transactions", transactions, methods=["GET"]),
    Route("/topups/reports/transactions/{txn_id:int}", transaction, methods=["GET"]),
    Route("/sim/sessions/expire", sim_expire_tokens, methods=["POST"]),
]
ROUTES += [route for route in v1.SIM_ROUTES if route.path != "/sim/sessions/expire"]


def make_app(seed: int = 0, scenario: str = "normal", time_scale: float = 1.0,
             clock: SimClock | None = None, *, balance: int | None = None) -> Starlette:
    """The simulated Reloadly; ``app.state.world`` is the world, ``app.state.reloadly`` the
    face. ``balance`` is the world's, in centavos of pesos: the face shows it in dollars."""
    world = World(seed=seed, scenario=scenario, clock=clock or SimClock(scale=time_scale),
                  **({} if balance is None else {"balance": balance}))
    app = Starlette(routes=ROUTES, exception_handlers={
        SimError: v1._sim_error, HTTPException: _http_error, Exception: _server_error})
    app.state.world = world
    app.state.reloadly = Face(world)
    return app
