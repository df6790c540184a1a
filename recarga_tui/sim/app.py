"""The simulated dealer as a Starlette app: protocol v1 under /v1, test controls under /sim.

Usable over a socket (``recarga-tui sim``) and in-process through ``httpx.ASGITransport``
(the demo and the tests). Nothing depends on lifespan events, which that transport skips.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from datetime import UTC, datetime
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from ..dealer.protocol import CLARIFICATION_TOPICS, NOTICE_LEVELS, OPENAPI_PATH
from ..domain.faults import Origin
from . import numbers
from .clock import SimClock
from .errors import SimError
from .world import World, iso

MAX_BODY_BYTES = 64 * 1024
# A client that never gives up still gets its answer in the end; ten real minutes is longer
# than any client of the shop waits.
HANG_REAL_SECONDS = 600.0

REF_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MSISDN_RE = re.compile(r"^[0-9]{10}$")


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


async def _json_body(request: Request) -> dict[str, Any]:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise SimError("BAD_REQUEST", "Cuerpo demasiado grande.")
        chunks.append(chunk)
    try:
        data = json.loads(b"".join(chunks).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise SimError("BAD_REQUEST", "El cuerpo debe ser JSON.") from None
    if not isinstance(data, dict):
        raise SimError("BAD_REQUEST", "El cuerpo debe ser un objeto JSON.")
    return data


def _text(data: dict[str, Any], key: str, max_len: int, *, pattern: re.Pattern[str] | None = None,
          optional: bool = False) -> str | None:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not 1 <= len(value) <= max_len:
        raise SimError("BAD_REQUEST", f"Campo «{key}»: se esperaba un texto de 1 a {max_len}.")
    if pattern is not None and not pattern.match(value):
        raise SimError("BAD_REQUEST", f"Campo «{key}»: formato no válido.")
    return value


def _req_text(data: dict[str, Any], key: str, max_len: int,
              pattern: re.Pattern[str] | None = None) -> str:
    value = _text(data, key, max_len, pattern=pattern)
    assert value is not None
    return value


def _amount(data: dict[str, Any], key: str = "amount", maximum: int = 100_000_000) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= maximum:
        raise SimError("BAD_REQUEST", f"Campo «{key}»: centavos enteros de 1 a {maximum}.")
    return value


def _choice(data: dict[str, Any], key: str, allowed: tuple[str, ...]) -> str:
    value = data.get(key)
    if value not in allowed:
        raise SimError("BAD_REQUEST", f"Campo «{key}»: uno de {', '.join(allowed)}.")
    return str(value)


def _time(text: Any, key: str) -> datetime:
    """An ISO 8601 time with offset, within this century (older times are typing mistakes)."""
    if not isinstance(text, str) or len(text) > 40:
        raise SimError("BAD_REQUEST", f"«{key}»: fecha y hora ISO 8601 con zona horaria.")
    try:
        value = datetime.fromisoformat(text.upper())
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("naive")
        value.astimezone(UTC)
    except (ValueError, OverflowError):
        raise SimError("BAD_REQUEST", f"«{key}»: fecha y hora ISO 8601 con zona horaria.") from None
    if not 2000 <= value.year <= 2099:
        raise SimError("BAD_REQUEST", f"«{key}»: fecha fuera de rango.")
    return value


def _range(request: Request) -> tuple[datetime, datetime]:
    start = _time(request.query_params.get("from"), "from")
    end = _time(request.query_params.get("to"), "to")
    if end < start:
        raise SimError("BAD_REQUEST", "«to» es anterior a «from».")
    return start, end


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers=headers)


# --- protocol v1 -----------------------------------------------------------------------------


async def openapi(request: Request) -> Response:
    return Response(OPENAPI_PATH.read_bytes(), media_type="application/json")


async def sessions(request: Request) -> Response:
    data = await _json_body(request)
    world = _world(request)
    terminal = _req_text(data, "terminal_id", 32)
    user = _req_text(data, "user", 64)
    password = _req_text(data, "password", 128)
    return _json(world.login(terminal, user, password), 201)


async def notices(request: Request) -> Response:
    return _json(_world(request).notices())


async def catalog(request: Request) -> Response:
    world = _world(request)
    world.session(request.headers.get("authorization"))
    body, etag = world.catalog()
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers={"ETag": etag})
    return _json(body, headers={"ETag": etag})


async def balance(request: Request) -> Response:
    world = _world(request)
    world.session(request.headers.get("authorization"))
    return _json(world.balance_view())


async def post_topup(request: Request) -> Response:
    world = _world(request)
    session = world.session(request.headers.get("authorization"))
    data = await _json_body(request)
    ref = _req_text(data, "client_ref", 64, REF_RE)
    sku = _req_text(data, "sku", 32)
    msisdn = _req_text(data, "msisdn", 10, MSISDN_RE)
    amount = _amount(data)
    if world.take_lost():
        await hang(request)  # lost on its way: the dealer never hears of it
        return Response(status_code=499)
    # From here to the record's creation there is no await: see World.submit.
    topup, replayed = world.submit(session.terminal_id, ref, sku, msisdn, amount)
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


def _topup_answer(world: World, topup: Any, replayed: bool) -> Response:
    world.tick()
    record = topup.record(world.now(), replayed=replayed)
    return _json(record, 202 if record["status"] == "pending" else 200)


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
    return _json(world.lookup(session.terminal_id, ref))


async def sales(request: Request) -> Response:
    world = _world(request)
    session = world.session(request.headers.get("authorization"))
    start, end = _range(request)
    msisdn = request.query_params.get("msisdn")
    if msisdn is not None and not MSISDN_RE.match(msisdn):
        raise SimError("BAD_REQUEST", "«msisdn»: diez dígitos.")
    return _json(world.sales(session.terminal_id, start, end, msisdn))


async def statement(request: Request) -> Response:
    world = _world(request)
    world.session(request.headers.get("authorization"))
    start, end = _range(request)
    return _json(world.statement(start, end))


async def deposits(request: Request) -> Response:
    world = _world(request)
    world.session(request.headers.get("authorization"))
    if request.method == "GET":
        return _json({"deposits": world.deposits})
    data = await _json_body(request)
    deposit = world.add_deposit(
        _req_text(data, "bank", 60), _amount(data, maximum=1_000_000_000),
        _req_text(data, "reference", 60), _time(data.get("deposited_at"), "deposited_at"))
    return _json(deposit, 201)


async def clarifications(request: Request) -> Response:
    world = _world(request)
    world.session(request.headers.get("authorization"))
    if request.method == "GET":
        return _json({"clarifications": world.clarifications})
    data = await _json_body(request)
    item = world.add_clarification(
        _choice(data, "topic", CLARIFICATION_TOPICS), _req_text(data, "text", 2000),
        _text(data, "client_ref", 64, pattern=REF_RE, optional=True))
    return _json(item, 201)


async def fault_reports(request: Request) -> Response:
    world = _world(request)
    world.session(request.headers.get("authorization"))
    data = await _json_body(request)
    origin = _choice(data, "origin", tuple(o.value for o in Origin))
    text = _req_text(data, "text", 2000)
    refs = data.get("client_refs", [])
    if not isinstance(refs, list) or len(refs) > 50 or not all(
            isinstance(r, str) and REF_RE.match(r) for r in refs):
        raise SimError("BAD_REQUEST", "«client_refs»: lista de referencias (hasta 50).")
    return _json(world.add_fault_report(origin, text, refs), 201)


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
    return _json(exc.body(), exc.status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = "NOT_FOUND" if exc.status_code == 404 else "BAD_REQUEST"
    return _json(SimError(code).body(), exc.status_code)


async def _server_error(request: Request, exc: Exception) -> Response:
    return _json(SimError("INTERNAL").body(), 500)


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
    app.state.world = world
    return app
