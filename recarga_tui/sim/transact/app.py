"""The simulated transact.asmx dealer: SOAP 1.1 and 1.2 at ``/transact.asmx``, its WSDL at
``/transact.asmx?wsdl``, test controls at /sim.

The same world as protocol v1 (``sim/world.py``): one clock, the scenarios, the test numbers,
the balance, the reflection delay and the ledger; the /sim/ controls are protocol v1's own
handlers. Usable over a socket (``recarga-tui sim --dealer transact``) and in-process.
"""

from __future__ import annotations

import logging

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from .. import app as v1
from .. import numbers
from ..app import SIM_ERRORS, SIM_ROUTES, ConnectionDropped, hang
from ..clock import SimClock
from ..errors import SimError
from ..world import World
from . import catalog, envelopes, ops, wsdl
from .calls import MAX_CALL_BYTES, OPERATIONS, BadCall, Call, read_call, version_of
from .envelopes import Version
from .ids import RequestIds

log = logging.getLogger(__name__)
PATH = "/transact.asmx"
# The banner of ``recarga-tui sim --dealer transact`` (sim/faces.py demo_login).
DEMO_LOGIN = ("user demo, password demo, licence DEMO or none, at /transact.asmx "
              "(WSDL: /transact.asmx?wsdl)")


class DroppedSoap(Response):
    """Starts the answer, sends half of it, then loses the connection (R16)."""

    def __init__(self, body: bytes, version: Version) -> None:
        super().__init__(body, media_type=version.content_type)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
        await send({"type": "http.response.body", "body": self.body[: len(self.body) // 2],
                    "more_body": True})
        raise ConnectionDropped("the connection dropped before the whole answer was sent")


def _xml(body: bytes, version: Version, status: int = 200) -> Response:
    return Response(body, status_code=status, media_type=version.content_type)


def _fault(sender: bool, text: str, version: Version) -> Response:
    return _xml(envelopes.fault(sender, text, version), version, 500)


def _answer(call: Call, operation: str, fields: envelopes.TFields) -> Response:
    """A TResponse to ``call``, in its SOAP version."""
    return _xml(ops.bytes_of(operation, fields, call.version), call.version)


def _string(call: Call, operation: str, text: str) -> Response:
    """A string result to ``call``, in its SOAP version."""
    return _xml(envelopes.string_result(operation, text, call.version), call.version)


async def _body(request: Request) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_CALL_BYTES:
            raise BadCall("Server was unable to read request: the request is too large.")
        chunks.append(chunk)
    return b"".join(chunks)


async def _get_request_id(request: Request, world: World, ids: RequestIds,
                          call: Call) -> Response:
    required = bool(request.app.state.licence_required)
    return _string(call, "GetTRequestID",
                   ops.request_id(world, ids, call, licence_required=required))


async def _do_t(request: Request, world: World, ids: RequestIds, call: Call) -> Response:
    rid, account = call.get("TRequestID"), call.get("op_account")
    issued = ids.get(rid)
    if issued is None:
        return _answer(call, "DoT", ops.plain(ops.NOT_FOUND, account))
    if issued.user != call.get("username"):
        return _answer(call, "DoT", ops.plain(ops.ANOTHER, account))
    amount = ops.centavos(call.get("monto"))
    refused = ops.precheck(world, call)
    if refused is not None:
        return _answer(call, "DoT", ops.plain(refused, account))
    if world.take_lost():
        await hang(request)  # lost on its way: the dealer never hears of it
        return Response(status_code=499)
    try:
        # From here to the record's creation there is no await: see World.submit.
        topup, replayed = world.submit(issued.terminal_id, rid, call.get("skuCode"), account,
                                       amount)
    except SimError as error:
        return _answer(call, "DoT", ops.plain(ops.refusal(error), account))
    if not replayed:
        if topup.plan.answer == numbers.HANG:
            await hang(request)
            return Response(status_code=499)
        if not await world.clock.sleep_until(topup.answer_at, request.is_disconnected):
            return Response(status_code=499)
    world.tick()
    record = topup.record(world.now(), replayed=replayed)
    body = ops.bytes_of("DoT", ops.answer_of(world, record), call.version)
    if not replayed and topup.plan.answer == numbers.DROP:
        return DroppedSoap(body, call.version)
    world.mark_answered(topup)
    return _xml(body, call.version)


async def _check_transaction(request: Request, world: World, ids: RequestIds,
                             call: Call) -> Response:
    rid = call.get("TRequestID")
    issued = ids.get(rid)
    if issued is None:
        return _answer(call, "CheckTransaction", ops.plain(ops.NOT_FOUND, ""))
    if issued.user != call.get("username"):
        return _answer(call, "CheckTransaction", ops.plain(ops.ANOTHER, ""))
    try:
        record = world.lookup(issued.terminal_id, rid)
    except SimError:  # TOPUP_NOT_VISIBLE: never received, or not reflected yet (R19)
        return _answer(call, "CheckTransaction", ops.plain(ops.NOT_YET, ""))
    return _answer(call, "CheckTransaction", ops.answer_of(world, record))


async def _get_balance(request: Request, world: World, ids: RequestIds,
                       call: Call) -> Response:
    if ops.user_terminal(world, call.get("username"), call.get("password")) is None:
        return _string(call, "GetBalance", "")
    return _string(call, "GetBalance", ops.balance_document(world))


async def _get_sku_list(request: Request, world: World, ids: RequestIds,
                        call: Call) -> Response:
    if ops.user_terminal(world, call.get("username"), call.get("password")) is None:
        return _string(call, "GetSkuList", "")
    return _string(call, "GetSkuList", catalog.document())


HANDLERS = {"GetTRequestID": _get_request_id, "DoT": _do_t,
            "CheckTransaction": _check_transaction, "GetBalance": _get_balance,
            "GetSkuList": _get_sku_list}


async def transact(request: Request) -> Response:
    world: World = request.app.state.world
    world.tick()
    content_type = request.headers.get("content-type")
    version = version_of(content_type)
    try:
        call = read_call(await _body(request), request.headers.get("soapaction"), content_type)
        return await HANDLERS[call.operation](request, world, request.app.state.request_ids,
                                              call)
    except BadCall as bad:
        return _fault(True, bad.text, version)
    except Exception:  # what ASMX does with its own failures: a soap:Server fault
        log.exception("the simulated transact service failed")
        return _fault(False, "Server was unable to process request.", version)


def _help_page() -> str:
    items = "".join(f"<li>{name}</li>" for name in OPERATIONS)
    return ("<!DOCTYPE html><html><head><title>transact Web Service</title></head><body>"
            f"<h1>transact</h1><p>The following operations are supported.</p><ul>{items}"
            '</ul><p>For a formal definition, please review the <a href="transact.asmx?WSDL">'
            "Service Description</a>.</p></body></html>")


async def service_page(request: Request) -> Response:
    """``GET /transact.asmx?wsdl`` (any case, as ASMX): the WSDL; without it, the help page."""
    if any(key.lower() == "wsdl" for key in request.query_params):
        address = str(request.url.replace(query="", fragment=""))
        return Response(wsdl.document(address), media_type="text/xml; charset=utf-8")
    return HTMLResponse(_help_page())


async def sim_licence(request: Request) -> Response:
    """``POST /sim/licence {"required": true|false}``: whether GetTRequestID hands ids to an
    empty licence (false, the default, as the public clients meet it) or wants one."""
    required = (await v1._json_body(request)).get("required")
    if not isinstance(required, bool):
        raise SimError("BAD_REQUEST", "«required»: true o false.")
    request.app.state.licence_required = required
    return v1._json({"required": required})


def make_app(seed: int = 0, scenario: str = "normal", time_scale: float = 1.0,
             clock: SimClock | None = None, *, balance: int | None = None) -> Starlette:
    """A simulated transact dealer; its state is ``app.state.world`` (a :class:`World`) and
    ``app.state.request_ids`` (the ids handed out)."""
    world = World(seed=seed, scenario=scenario, clock=clock or SimClock(scale=time_scale),
                  **({} if balance is None else {"balance": balance}))
    world.extra_products = catalog.extra_products()
    app = Starlette(routes=[Route(PATH, transact, methods=["POST"]),
                            Route(PATH, service_page, methods=["GET"]), *SIM_ROUTES,
                            Route("/sim/licence", sim_licence, methods=["POST"])],
                    exception_handlers=dict(SIM_ERRORS))
    app.state.world = world
    app.state.request_ids = RequestIds()
    app.state.licence_required = False
    return app
