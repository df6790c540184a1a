"""The simulated dealer as a Starlette app: protocol v1 under /v1, test controls under /sim.

Usable over a socket (``recarga-tui sim``) and in-process through ``httpx.ASGITransport``
(the demo and the tests). Nothing depends on lifespan events, which that transport skips.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from typing import Any, TypeVar

import msgspec
from msgspec import Struct
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from ..dealer.protocol import NOTICE_LEVELS, OPENAPI_PATH
from ..dealer.v1 import wire
from . import catalog as products
from . import numbers
from .clock import SimClock
from .errors import SimError
from .world import World, iso

MAX_BODY_BYTES = 64 * 1024
# A client that never gives up still gets its answer in the end; ten real minutes is longer
# than any client of the shop waits.
HANG_REAL_SECONDS = 600.0

REF_RE = re.compile(wire.REF_PATTERN)
MSISDN_RE = re.compile(wire.MSISDN_PATTERN)
S = TypeVar("S", bound=Struct)


class ConnectionDropped(Exception):
    """Raised inside the app to cut the answer after the top-up was recorded.

    Over a socket, uvicorn closes the half-sent answer; in-process, httpx.ASGITransport hands
    the exception to the client. Either way the shop gets no answer for a delivered top-up:
    the "error on screen but the customer got it" of R16.
    """


class DroppedAnswer(Response):
    """Starts a JSON answer, sends half of it, then loses the connection."""

    def __init__(self, content: dict[str, Any]) -> None:
        super().__init__(json.dumps(content).encode(), media_type="application/json")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
        await send({"type": "http.response.body", "body": self.body[: len(self.body) // 2],
                    "more_body": True})
        raise ConnectionDropped("the connection dropped before the whole answer was sent")


# --- request reading -------------------------------------------------------------------------


def _world(request: Request) -> World:
    world: World = request.app.state.world
    world.tick()
    return world


async def _raw_body(request: Request) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise SimError("BAD_REQUEST", "Cuerpo demasiado grande.")
        chunks.append(chunk)
    return b"".join(chunks)


async def _json_body(request: Request) -> dict[str, Any]:
    """A test control's body (/sim): a JSON object, read by hand (not protocol v1)."""
    try:
        data = json.loads((await _raw_body(request)).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise SimError("BAD_REQUEST", "El cuerpo debe ser JSON.") from None
    if not isinstance(data, dict):
        raise SimError("BAD_REQUEST", "El cuerpo debe ser un objeto JSON.")
    return data


def _req_text(data: dict[str, Any], key: str, max_len: int) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not 1 <= len(value) <= max_len:
        raise SimError("BAD_REQUEST", f"Campo «{key}»: se esperaba un texto de 1 a {max_len}.")
    return value


def _choice(data: dict[str, Any], key: str, allowed: tuple[str, ...]) -> str:
    value = data.get(key)
    if value not in allowed:
        raise SimError("BAD_REQUEST", f"Campo «{key}»: uno de {', '.join(allowed)}.")
    return str(value)


def _refused(exc: Exception) -> SimError:
    """BAD_REQUEST saying what did not fit: msgspec names the field (``at `$.sku```)."""
    return SimError("BAD_REQUEST", str(exc)[:300])


async def _body(request: Request, kind: type[S]) -> S:
    """The request body as protocol v1 declares it (``dealer/v1/wire.py``), or 400."""
    try:
        return msgspec.convert(_whole(msgspec.json.decode(await _raw_body(request))), type=kind)
    except (msgspec.DecodeError, RecursionError) as exc:  # ValidationError is a DecodeError
        raise _refused(exc) from None


def _whole(value: Any) -> Any:
    """``value`` with every whole float an int: to JSON Schema, which the document is written
    in, ``150.0`` is the integer 150, so the dealer takes it (the client sends ``150``)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_whole(v) for v in value]
    if isinstance(value, dict):
        return {k: _whole(v) for k, v in value.items()}
    return value


def _query(request: Request, kind: type[S]) -> S:
    """The query parameters, with the same declaration and rules as a body."""
    try:
        return msgspec.convert(dict(request.query_params), type=kind)
    except msgspec.ValidationError as exc:
        raise _refused(exc) from None


def _answer(kind: type[Struct], data: Any, status: int = 200,
            headers: dict[str, str] | None = None) -> Response:
    """An answer of protocol v1, written with its declaration: the world's data that does
    not fit it is the simulator's own bug, a 500 the tests see."""
    body = msgspec.json.encode(msgspec.convert(data, type=kind))
    return Response(body, status, headers, media_type="application/json")


def _json(data: Any, status: int = 200) -> Response:
    """An answer of a test control (/sim): not protocol v1, so not declared."""
    return JSONResponse(data, status_code=status)


# --- protocol v1 -----------------------------------------------------------------------------


async def openapi(request: Request) -> Response:
    return Response(OPENAPI_PATH.read_bytes(), media_type="application/json")


async def sessions(request: Request) -> Response:
    asked = await _body(request, wire.SessionRequest)
    world = _world(request)
    return _answer(wire.Session, world.login(asked.terminal_id, asked.user, asked.password), 201)


async def notices(request: Request) -> Response:
    return _answer(wire.Notices, _world(request).notices())


async def catalog(request: Request) -> Response:
    world = _world(request)
    world.session(request.headers.get("authorization"))
    body, etag = world.catalog(_query(request, wire.CatalogQuery).version)
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers={"ETag": etag})
    return _answer(wire.Catalog, body, headers={"ETag": etag})


async def balance(request: Request) -> Response:
    world = _world(request)
    world.session(request.headers.get("authorization"))
    return _answer(wire.Balance, world.balance_view())


async def post_topup(request: Request) -> Response:
    world = _world(request)
    session = world.session(request.headers.get("authorization"))
    asked = await _body(request, wire.TopupRequest)
    if world.take_lost():
        await hang(request)  # lost on its way: the dealer never hears of it
        return Response(status_code=499)
    product = _account_fits(world, asked)
    # From here to the record's creation there is no await: see World.submit.
    topup, replayed = world.submit(session.terminal_id, asked.client_ref, asked.sku,
                                   asked.msisdn, asked.amount, product=product,
                                   pool=str((product or {}).get("pool", "")))
    if replayed:
        return _topup_answer(world, topup, replayed=True)
    if topup.plan.answer == numbers.HANG:
        await hang(request)
    elif not await world.clock.sleep_until(topup.answer_at, request.is_disconnected):
        return Response(status_code=499)
    if topup.plan.answer == numbers.DROP:
        world.tick()
        return DroppedAnswer(topup.record(world.now(), replayed=False))
    world.mark_answered(topup)
    return _topup_answer(world, topup, replayed=False)


def _account_fits(world: World, asked: wire.TopupRequest) -> dict[str, Any] | None:
    """The product asked for, when ``msisdn`` is what its first field asks: a 10-digit
    number (v1), or a reference of the field's lengths (a bill, v1.1). An unknown sku is the
    world's to refuse (after a replay's own checks)."""
    product = world.product(asked.sku)
    if product is None:
        return None
    fields = product.get("fields") or ()
    if not fields:
        if not MSISDN_RE.match(asked.msisdn):
            raise SimError("BAD_REQUEST", "«msisdn»: 10 dígitos.")
        return dict(product)
    first = fields[0]
    if not (asked.msisdn.isdigit()
            and first["min_length"] <= len(asked.msisdn) <= first["max_length"]):
        raise SimError("BAD_REQUEST", f"«msisdn»: {first['label']} no válido.")
    return dict(product)


def _topup_answer(world: World, topup: Any, replayed: bool) -> Response:
    world.tick()
    record = topup.record(world.now(), replayed=replayed)
    return _answer(wire.Topup, record, 202 if record["status"] == "pending" else 200)


async def hang(request: Request) -> None:
    """Say nothing until the client gives up (or, failing that, for ten real minutes)."""
    give_up = time.monotonic() + HANG_REAL_SECONDS
    while time.monotonic() < give_up:
        if await request.is_disconnected():
            return
        await asyncio.sleep(0.05)


async def get_topup(request: Request) -> Response:
    world = _world(request)
    session = world.session(request.headers.get("authorization"))
    ref = request.path_params["client_ref"]
    if not REF_RE.match(ref):
        raise SimError("BAD_REQUEST", "Referencia no válida.")
    return _answer(wire.Topup, world.lookup(session.terminal_id, ref))


async def sales(request: Request) -> Response:
    world = _world(request)
    session = world.session(request.headers.get("authorization"))
    asked = _query(request, wire.SalesQuery)
    return _answer(wire.SalesReport,
                   world.sales(session.terminal_id, asked.start, asked.end, asked.msisdn))


async def statement(request: Request) -> Response:
    world = _world(request)
    world.session(request.headers.get("authorization"))
    asked = _query(request, wire.Period)
    return _answer(wire.Statement, world.statement(asked.start, asked.end))


async def deposits(request: Request) -> Response:
    world = _world(request)
    world.session(request.headers.get("authorization"))
    if request.method == "GET":
        return _answer(wire.Deposits, {"deposits": world.deposits})
    asked = await _body(request, wire.DepositRequest)
    deposit = world.add_deposit(asked.bank, asked.amount, asked.reference, asked.deposited_at)
    return _answer(wire.Deposit, deposit, 201)


async def clarifications(request: Request) -> Response:
    world = _world(request)
    world.session(request.headers.get("authorization"))
    if request.method == "GET":
        return _answer(wire.Clarifications, {"clarifications": world.clarifications})
    asked = await _body(request, wire.ClarificationRequest)
    item = world.add_clarification(asked.topic, asked.text, asked.client_ref)
    return _answer(wire.Clarification, item, 201)


async def fault_reports(request: Request) -> Response:
    world = _world(request)
    world.session(request.headers.get("authorization"))
    asked = await _body(request, wire.FaultReportRequest)
    receipt = world.add_fault_report(asked.origin.value, asked.text, list(asked.client_refs))
    return _answer(wire.FaultReportReceipt, receipt, 201)


# --- test controls ---------------------------------------------------------------------------


async def sim_ledger(request: Request) -> Response:
    return _json(_world(request).ledger)


async def sim_scenario(request: Request) -> Response:
    data = await _json_body(request)
    world = _world(request)
    world.set_scenario(str(data.get("scenario")))
    return _json({"scenario": world.scenario})


async def sim_notices(request: Request) -> Response:
    data = await _json_body(request)
    world = _world(request)
    if data.get("reset"):
        world.notice_overrides.clear()
    status = data.get("system_status")
    if isinstance(status, dict):
        world.set_notice("system_status", _req_text(status, "text", 500),
                         _choice(status, "level", NOTICE_LEVELS))
    message = data.get("general_message")
    if isinstance(message, dict):
        world.set_notice("general_message", _req_text(message, "text", 500))
    return _json(world.notices())


async def sim_clock(request: Request) -> Response:
    world = request.app.state.world
    if request.method == "POST":
        data = await _json_body(request)
        seconds = data.get("advance_seconds", 0)
        minutes = data.get("advance_minutes", 0)
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0
                   for v in (seconds, minutes)):
            raise SimError("BAD_REQUEST", "advance_seconds / advance_minutes >= 0.")
        world.clock.advance(float(seconds) + 60.0 * float(minutes))
    world.tick()
    return _json({"now": iso(world.now()), "time_scale": world.clock.scale,
                  "peak": world.is_peak(), "scenario": world.scenario})


async def sim_balance(request: Request) -> Response:
    data = await _json_body(request)
    world = _world(request)
    available = data.get("available")
    if not isinstance(available, int) or isinstance(available, bool) or available < 0:
        raise SimError("BAD_REQUEST", "«available»: centavos enteros >= 0.")
    world.set_balance(available)
    return _json(world.balance_view())


async def sim_carriers(request: Request) -> Response:
    data = await _json_body(request)
    world = _world(request)
    carrier = _req_text(data, "carrier_id", 32)
    status = data.get("status")
    if status is None:
        world.carrier_overrides.pop(carrier, None)
    else:
        world.carrier_overrides[carrier] = _choice(data, "status", ("up", "degraded", "down"))
    return _json(world.catalog()[0]["carriers"])


async def sim_lose(request: Request) -> Response:
    data = await _json_body(request)
    world = _world(request)
    count = data.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or not 0 <= count <= 1000:
        raise SimError("BAD_REQUEST", "«count»: entero de 0 a 1000.")
    world.lose_requests = count
    return _json({"lose_requests": world.lose_requests})


async def sim_expire_sessions(request: Request) -> Response:
    return _json({"expired": _world(request).expire_sessions()})


# --- the app ---------------------------------------------------------------------------------


async def _sim_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SimError)
    return _answer(wire.Error, exc.body(), exc.status)


async def _http_error(request: Request, exc: Exception) -> Response:
    """Starlette's refusals in the protocol's shape, with their headers: a 405 keeps the
    ``Allow`` its route names (RFC 9110)."""
    assert isinstance(exc, HTTPException)
    code = "NOT_FOUND" if exc.status_code == 404 else "BAD_REQUEST"
    return _answer(wire.Error, SimError(code).body(), exc.status_code, dict(exc.headers or {}))


async def _server_error(request: Request, exc: Exception) -> Response:
    return _answer(wire.Error, SimError("INTERNAL").body(), 500)


V1_ROUTES = [
    Route("/v1/openapi.json", openapi, methods=["GET"]),
    Route("/v1/sessions", sessions, methods=["POST"]),
    Route("/v1/notices", notices, methods=["GET"]),
    Route("/v1/catalog", catalog, methods=["GET"]),
    Route("/v1/balance", balance, methods=["GET"]),
    Route("/v1/topups", post_topup, methods=["POST"]),
    Route("/v1/topups/{client_ref:path}", get_topup, methods=["GET"]),
    Route("/v1/sales", sales, methods=["GET"]),
    Route("/v1/statement", statement, methods=["GET"]),
    Route("/v1/deposits", deposits, methods=["GET", "POST"]),
    Route("/v1/clarifications", clarifications, methods=["GET", "POST"]),
    Route("/v1/fault-reports", fault_reports, methods=["POST"]),
]
# The test controls, the same for every face of the world (sim/faces.py).
SIM_ROUTES = [
    Route("/sim/ledger", sim_ledger, methods=["GET"]),
    Route("/sim/scenario", sim_scenario, methods=["POST"]),
    Route("/sim/notices", sim_notices, methods=["POST"]),
    Route("/sim/clock", sim_clock, methods=["GET", "POST"]),
    Route("/sim/balance", sim_balance, methods=["POST"]),
    Route("/sim/carriers", sim_carriers, methods=["POST"]),
    Route("/sim/lose", sim_lose, methods=["POST"]),
    Route("/sim/sessions/expire", sim_expire_sessions, methods=["POST"]),
]
ROUTES = [*V1_ROUTES, *SIM_ROUTES]
SIM_ERRORS = {SimError: _sim_error, HTTPException: _http_error}


def make_app(seed: int = 0, scenario: str = "normal", time_scale: float = 1.0,
             clock: SimClock | None = None, *, balance: int | None = None) -> Starlette:
    """A simulated dealer; its state is ``app.state.world`` (a :class:`World`)."""
    world = World(seed=seed, scenario=scenario, clock=clock or SimClock(scale=time_scale),
                  **({} if balance is None else {"balance": balance}))
    app = Starlette(
        routes=ROUTES,
        exception_handlers={**SIM_ERRORS, Exception: _server_error},
    )
    # Bills are paid from a pool of their own (protocol v1.1).
    world.pools.setdefault(products.SERVICES_POOL, products.SERVICES_BALANCE)
    app.state.world = world
    return app
