"""The simulated Taecel: its web service as a Starlette app, over the simulator's one world.

``POST /<Operation>`` under the app's root (getBalance, getProducts, RequestTXN, StatusTXN,
getSales), the demo account's ``key`` and ``nip`` in every form; the test controls under
``/sim`` are protocol v1's own handlers (sim/app.py). A form is read as PHP's ``$_POST`` reads
it: url-encoded or ``multipart/form-data`` (what PHP's curl posts for an array of fields),
and ``//getBalance`` is ``/getBalance`` (a base URL ending in ``/``, as gogl92/taecel's). The
world keeps every sale under the ``transID`` the face mints (Taecel gives the shop no
reference), so its clock, scenarios, test numbers, reflection delay and ledger are the same
as behind v1.

How the world's failures show through Taecel (docs/dealers/taecel.md has it all):

* RequestTXN takes the sale at once (a few seconds at the peak, R15) and names it; StatusTXN
  holds its answer until the carrier has answered, at most :data:`STATUS_HOLD_SECONDS`,
  then says "En Proceso" (a pending sale);
* an answer lost after the charge is RequestTXN's connection dropped half-way (its transID
  never reaches the shop); a hanging request is RequestTXN saying nothing;
* the same number again within 10 minutes is refused with 3128;
* getSales shows a sale only after the world's reflection delay (R19).
"""

from __future__ import annotations

import itertools
import random
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from email import policy
from email.parser import BytesParser
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from ...dealer.taecel.money import MoneyError, format_pesos, parse_form_amount
from ...dealer.taecel.records import PAQUETES, TAE
from ...dealer.taecel.times import MEXICO_CITY, TimeError, format_fecha, parse_form_day
from .. import app as v1
from ..app import DroppedAnswer
from ..clock import SimClock
from ..errors import SimError
from ..numbers import DROP, HANG
from ..world import World
from . import bodies, catalog, plans

DEMO_KEY = "demo"
DEMO_NIP = "1234"
DEMO_LOGIN = f"key {DEMO_KEY}, nip {DEMO_NIP}"
ACCOUNT = "TAECEL-demo"  # the world's terminal for the sales of this face
SERVICES_BALANCE = 5_000_000  # $50,000.00 in Pago de Servicios
STATUS_HOLD_SECONDS = 65.0    # Taecel held StatusTXN 60 s for its test number ...60
RECENT_MINUTES = 10           # error 3128
MAX_FORM_BYTES = 16 * 1024
MAX_FIELDS = 50
URLENCODED, MULTIPART = "application/x-www-form-urlencoded", "multipart/form-data"


@dataclass
class Face:
    """What the face keeps beside the world: its account, its transIDs, its one-off quirks."""

    world: World
    key: str = DEMO_KEY
    nip: str = DEMO_NIP
    numbers: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    garble: set[str] = field(default_factory=set)  # transIDs whose next StatusTXN is garbage

    def authorised(self, form: dict[str, str]) -> bool:
        key_ok = secrets.compare_digest(form.get("key", "").encode(), self.key.encode())
        nip_ok = secrets.compare_digest(form.get("nip", "").encode(), self.nip.encode())
        return key_ok and nip_ok

    def mint(self) -> str:
        """A transID as Taecel writes them: year, month and a running number (250500041824)."""
        return f"{self.world.now().astimezone(MEXICO_CITY):%y%m}{next(self.numbers):08d}"

    def latency(self, trans_id: str) -> float:
        """Simulated seconds RequestTXN takes to answer: longer at the peak (R15)."""
        rng = random.Random(f"{self.world.seed}:taecel:{trans_id}")
        peak = self.world.is_peak() or self.world.scenario in ("peak", "outage")
        return rng.uniform(2.0, 8.0) if peak else rng.uniform(0.1, 0.6)

    def recently_topped_up(self, number: str) -> bool:
        """A sale to ``number`` in the last 10 minutes that has not failed (3128)."""
        now = self.world.now()
        since = now - timedelta(minutes=RECENT_MINUTES)
        return any(t.terminal_id == ACCOUNT and t.msisdn == number and t.created_at > since
                   and t.status(now) != "failed" for t in self.world.topups.values())


def _face(request: Request) -> Face:
    face: Face = request.app.state.taecel
    face.world.tick()
    return face


def _multipart(content_type: str, body: bytes) -> dict[str, str]:
    """The fields of a ``multipart/form-data`` body (PHP's ``$_POST``: files left out)."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1", "replace")
    message = BytesParser(policy=policy.HTTP).parsebytes(head + body)
    if not message.is_multipart():
        return {}
    form: dict[str, str] = {}
    for part in list(message.iter_parts())[:MAX_FIELDS]:
        name = part.get_param("name", header="content-disposition")
        if part.get_content_disposition() != "form-data" or not isinstance(name, str) \
                or part.get_filename() is not None:
            continue
        payload = part.get_payload(decode=True)
        form[name] = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    return form


async def _form(request: Request) -> dict[str, str]:
    """The form of a request as PHP's ``$_POST`` has it: a small url-encoded or multipart
    form; anything else (JSON, a form too large) reads as empty."""
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    if media not in (URLENCODED, MULTIPART):
        return {}
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_FORM_BYTES:
            return {}
        chunks.append(chunk)
    body = b"".join(chunks)
    if media == MULTIPART:
        return _multipart(content_type, body)
    return dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True,
                          max_num_fields=MAX_FIELDS))


# --- the operations --------------------------------------------------------------------------


async def get_balance(request: Request) -> Response:
    face = _face(request)
    if not face.authorised(await _form(request)):
        return bodies.refused(plans.BAD_CREDENTIALS)
    pools = [{"ID": pool_id, "Bolsa": name,
              "Saldo": format_pesos(face.world.funds(catalog.WORLD_POOL[pool_id]))}
             for pool_id, name in catalog.POOLS.items()]
    return bodies.ok("Consulta Exitosa", pools)


async def get_products(request: Request) -> Response:
    face = _face(request)
    if not face.authorised(await _form(request)):
        return bodies.refused(plans.BAD_CREDENTIALS)
    return bodies.ok("Consulta Exitosa", catalog.products_data())


def _reference_ok(product: catalog.Product, referencia: str) -> bool:
    rule = product.carrier.reference
    return referencia.isascii() and referencia.isdigit() and (
        int(rule["Min"]) <= len(referencia) <= int(rule["Max"]))


def _amount(product: catalog.Product, monto: str | None) -> int | None:
    """The sale's centavos, or None when the form's ``monto`` does not fit the product."""
    bounds = product.carrier.open_amount
    if bounds is None and not monto:
        return product.pesos * 100  # a fixed amount: some clients leave monto out
    try:
        centavos = parse_form_amount(monto or "")
    except MoneyError:
        return None
    if bounds is None:
        return centavos if centavos == product.pesos * 100 else None
    return centavos if bounds[0] * 100 <= centavos <= bounds[1] * 100 else None


async def request_txn(request: Request) -> Response:
    face = _face(request)
    world = face.world
    form = await _form(request)
    if not face.authorised(form):
        return bodies.refused(plans.BAD_CREDENTIALS)
    product = catalog.product(form.get("producto", "").strip())
    if product is None:
        return bodies.refused(plans.UNKNOWN_PRODUCT)
    referencia = form.get("referencia", "").strip()
    phone = product.carrier.category_id in (TAE, PAQUETES)
    if not _reference_ok(product, referencia):
        return bodies.refused(plans.INVALID_PHONE if phone else plans.INVALID_REFERENCE)
    amount = _amount(product, form.get("monto"))
    if amount is None:
        return bodies.refused(plans.INVALID_AMOUNT)
    if phone and face.recently_topped_up(referencia):
        return bodies.refused(plans.RECENT_TOPUP)
    if world.take_lost():
        await v1.hang(request)  # lost on its way: Taecel never hears of it
        return Response(status_code=499)
    trans_id = face.mint()
    # From here to the sale's creation there is no await: see World.submit.
    try:
        topup, _ = world.submit(
            ACCOUNT, trans_id, product.code, referencia, amount,
            product={"sku": product.code, "carrier_id": product.carrier.world_id,
                     "amount": amount},
            plan=plans.fixed_plan(referencia), pool=product.world_pool)
    except SimError:
        return bodies.refused(plans.BAD_PARAMETERS)
    if plans.garbled_first(referencia):
        face.garble.add(trans_id)
    if topup.plan.answer == HANG:
        await v1.hang(request)
        return Response(status_code=499)
    answer_at = topup.created_at + timedelta(seconds=face.latency(trans_id))
    if not await world.clock.sleep_until(answer_at, request.is_disconnected):
        return Response(status_code=499)
    body = bodies.envelope(True, 0, "Consulta Exitosa",
                           {"transID": trans_id, "fecha": format_fecha(topup.created_at)})
    if topup.plan.answer == DROP:
        world.tick()
        return DroppedAnswer(body)  # charged, and the shop never learns the transID
    return bodies.TaecelResponse(body)


async def status_txn(request: Request) -> Response:
    face = _face(request)
    world = face.world
    form = await _form(request)
    if not face.authorised(form):
        return bodies.refused(plans.BAD_CREDENTIALS)
    trans_id = form.get("transID", "").strip()
    topup = world.topups.get((ACCOUNT, trans_id))
    if topup is None:
        return bodies.refused(plans.UNKNOWN_TRANSACTION)
    # Taecel answers once the carrier has, or says "En Proceso" after a while.
    until = min(topup.settle_at, world.now() + timedelta(seconds=STATUS_HOLD_SECONDS))
    if not await world.clock.sleep_until(until, request.is_disconnected):
        return Response(status_code=499)
    world.tick()
    if trans_id in face.garble:
        face.garble.discard(trans_id)
        return bodies.garbled()
    return bodies.status_answer(world, topup, world.now())


async def get_sales(request: Request) -> Response:
    face = _face(request)
    world = face.world
    form = await _form(request)
    if not face.authorised(form):
        return bodies.refused(plans.BAD_CREDENTIALS)
    bolsa = form.get("bolsa", "").strip()
    try:
        day = parse_form_day(form.get("fecha", ""))
    except TimeError:
        return bodies.refused(plans.BAD_PARAMETERS)
    if bolsa and bolsa not in catalog.POOLS:
        return bodies.refused(plans.BAD_PARAMETERS)
    now = world.now()
    sold = sorted((t for t in world.topups.values()
                   if t.terminal_id == ACCOUNT and t.reflected_at <= now
                   and t.created_at.astimezone(MEXICO_CITY).date() == day
                   and (not bolsa or t.pool == catalog.WORLD_POOL[bolsa])),
                  key=lambda t: t.created_at)
    lines = [bodies.transaction(world, t, now, report=True)[1] for t in sold]
    return bodies.ok("Consulta Exitosa", lines)


# --- test controls of this face ---------------------------------------------------------------


async def sim_pools(request: Request) -> Response:
    """``POST /sim/pools {"bolsa": "1"|"2", "saldo": centavos}``: set a pool's balance."""
    data = await v1._json_body(request)
    world = request.app.state.world
    bolsa, saldo = data.get("bolsa"), data.get("saldo")
    if bolsa not in catalog.POOLS or not isinstance(saldo, int) or isinstance(saldo, bool) \
            or saldo < 0:
        raise SimError("BAD_REQUEST", "«bolsa»: 1 o 2; «saldo»: centavos enteros >= 0.")
    pool = catalog.WORLD_POOL[bolsa]
    if pool:
        world.pools[pool] = saldo
    else:
        world.set_balance(saldo)
    return v1._json({pool_id: world.funds(catalog.WORLD_POOL[pool_id])
                     for pool_id in catalog.POOLS})


# --- the app ----------------------------------------------------------------------------------

_NOT_FOUND = ("<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>"
              "<h1>Not Found</h1></body></html>")


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return HTMLResponse(_NOT_FOUND if exc.status_code == 404 else exc.detail, exc.status_code)


async def _server_error(request: Request, exc: Exception) -> Response:
    # A PHP service that fails says so in HTML: the decoder must take it for garbage.
    return HTMLResponse("<br />\n<b>Fatal error</b>: Internal Server Error", 500)


class OneSlash:
    """``/app/api//getBalance`` is ``/app/api/getBalance``: Taecel answers a base URL that ends
    in ``/`` (gogl92/taecel's config, its recorded log), so the face does too."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and "//" in scope["path"]:
            scope = {**scope, "path": re.sub("/{2,}", "/", scope["path"])}
        await self.app(scope, receive, send)


OPERATIONS = {"getBalance": get_balance, "getProducts": get_products,
              "RequestTXN": request_txn, "StatusTXN": status_txn, "getSales": get_sales}
ROUTES = [Route(f"/{name}", handler, methods=["POST"]) for name, handler in OPERATIONS.items()]
ROUTES += [route for route in v1.ROUTES if route.path.startswith("/sim/")]
ROUTES += [Route("/sim/pools", sim_pools, methods=["POST"])]


def make_app(seed: int = 0, scenario: str = "normal", time_scale: float = 1.0,
             clock: SimClock | None = None, *, balance: int | None = None) -> Starlette:
    """The simulated Taecel; ``app.state.world`` is the world, ``app.state.taecel`` the face.

    ``balance`` is Tiempo Aire's (the world's main balance); Pago de Servicios starts at
    :data:`SERVICES_BALANCE`."""
    world = World(seed=seed, scenario=scenario, clock=clock or SimClock(scale=time_scale),
                  **({} if balance is None else {"balance": balance}))
    world.pools[catalog.WORLD_POOL[catalog.PAGO_DE_SERVICIOS]] = SERVICES_BALANCE
    app = Starlette(routes=ROUTES, middleware=[Middleware(OneSlash)], exception_handlers={
        SimError: v1._sim_error, HTTPException: _http_error, Exception: _server_error})
    app.state.world = world
    app.state.taecel = Face(world)
    return app
