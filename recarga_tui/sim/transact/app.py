"""The simulated transact.asmx dealer: SOAP 1.1 at ``/transact.asmx``, test controls at /sim.

The same world as protocol v1 (``sim/world.py``): one clock, the scenarios, the test numbers,
the balance, the reflection delay and the ledger; the /sim/ controls are protocol v1's own
handlers. Usable over a socket (``recarga-tui sim --dealer transact``) and in-process.
"""

from __future__ import annotations

import logging

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from .. import numbers
from ..app import SIM_ERRORS, SIM_ROUTES, ConnectionDropped, hang
from ..clock import SimClock
from ..errors import SimError
from ..world import World
from . import catalog, envelopes, ops
from .calls import MAX_CALL_BYTES, BadCall, Call, read_call
from .ids import RequestIds

log = logging.getLogger(__name__)
PATH = "/transact.asmx"
XML = "text/xml"
# The banner of ``recarga-tui sim --dealer transact`` (sim/faces.py demo_login).
DEMO_LOGIN = "user demo, password demo, licence DEMO, at /transact.asmx"


class DroppedSoap(Response):
    """Starts the answer, sends half of it, then loses the connection (R16)."""

    def __init__(self, body: bytes) -> None:
        super().__init__(body, media_type=XML)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
        await send({"type": "http.response.body", "body": self.body[: len(self.body) // 2],
                    "more_body": True})
        raise ConnectionDropped("the connection dropped before the whole answer was sent")


def _xml(body: bytes, status: int = 200) -> Response:
    return Response(body, status_code=status, media_type=XML)


def _fault(code: str, text: str) -> Response:
    return _xml(envelopes.fault(code, text), 500)


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
    return _xml(envelopes.string_result("GetTRequestID", ops.request_id(world, ids, call)))


async def _do_t(request: Request, world: World, ids: RequestIds, call: Call) -> Response:
    rid, account = call.get("TRequestID"), call.get("op_account")
    issued = ids.get(rid)
    if issued is None:
        return _xml(ops.bytes_of("DoT", ops.plain(ops.NOT_FOUND, account)))
    if issued.user != call.get("username"):
        return _xml(ops.bytes_of("DoT", ops.plain(ops.ANOTHER, account)))
    amount = ops.centavos(call.get("monto"))
    refused = ops.precheck(world, call)
    if refused is not None:
        return _xml(ops.bytes_of("DoT", ops.plain(refused, account)))
    if world.take_lost():
        await hang(request)  # lost on its way: the dealer never hears of it
        return Response(status_code=499)
    try:
        # From here to the record's creation there is no await: see World.submit.
        topup, replayed = world.submit(issued.terminal_id, rid, call.get("skuCode"), account,
                                       amount)
    except SimError as error:
        return _xml(ops.bytes_of("DoT", ops.plain(ops.refusal(error), account)))
    if not replayed:
        if topup.plan.answer == numbers.HANG:
            await hang(request)
            return Response(status_code=499)
        if not await world.clock.sleep_until(topup.answer_at, request.is_disconnected):
            return Response(status_code=499)
    world.tick()
    record = topup.record(world.now(), replayed=replayed)
    body = ops.bytes_of("DoT", ops.answer_of(world, record))
    if not replayed and topup.plan.answer == numbers.DROP:
        return DroppedSoap(body)
    world.mark_answered(topup)
    return _xml(body)


async def _check_transaction(request: Request, world: World, ids: RequestIds,
                             call: Call) -> Response:
    rid = call.get("TRequestID")
    issued = ids.get(rid)
    if issued is None:
        return _xml(ops.bytes_of("CheckTransaction", ops.plain(ops.NOT_FOUND, "")))
    if issued.user != call.get("username"):
        return _xml(ops.bytes_of("CheckTransaction", ops.plain(ops.ANOTHER, "")))
    try:
        record = world.lookup(issued.terminal_id, rid)
    except SimError:  # TOPUP_NOT_VISIBLE: never received, or not reflected yet (R19)
        return _xml(ops.bytes_of("CheckTransaction", ops.plain(ops.NOT_YET, "")))
    return _xml(ops.bytes_of("CheckTransaction", ops.answer_of(world, record)))


async def _get_balance(request: Request, world: World, ids: RequestIds,
                       call: Call) -> Response:
    if ops.user_terminal(world, call.get("username"), call.get("password")) is None:
        return _xml(envelopes.string_result("GetBalance", ""))
    return _xml(envelopes.string_result("GetBalance", ops.balance_document(world)))


async def _get_sku_list(request: Request, world: World, ids: RequestIds,
                        call: Call) -> Response:
    if ops.user_terminal(world, call.get("username"), call.get("password")) is None:
        return _xml(envelopes.string_result("GetSkuList", ""))
    return _xml(envelopes.string_result("GetSkuList", catalog.document()))


OPERATIONS = {"GetTRequestID": _get_request_id, "DoT": _do_t,
              "CheckTransaction": _check_transaction, "GetBalance": _get_balance,
              "GetSkuList": _get_sku_list}


async def transact(request: Request) -> Response:
    world: World = request.app.state.world
    world.tick()
    try:
        call = read_call(await _body(request), request.headers.get("soapaction"))
        return await OPERATIONS[call.operation](request, world, request.app.state.request_ids,
                                                call)
    except BadCall as bad:
        return _fault("soap:Client", bad.text)
    except Exception:  # what ASMX does with its own failures: a soap:Server fault
        log.exception("the simulated transact service failed")
        return _fault("soap:Server", "Server was unable to process request.")


def make_app(seed: int = 0, scenario: str = "normal", time_scale: float = 1.0,
             clock: SimClock | None = None, *, balance: int | None = None) -> Starlette:
    """A simulated transact dealer; its state is ``app.state.world`` (a :class:`World`) and
    ``app.state.request_ids`` (the ids handed out)."""
    world = World(seed=seed, scenario=scenario, clock=clock or SimClock(scale=time_scale),
                  **({} if balance is None else {"balance": balance}))
    world.extra_products = catalog.extra_products()
    app = Starlette(routes=[Route(PATH, transact, methods=["POST"]), *SIM_ROUTES],
                    exception_handlers=dict(SIM_ERRORS))
    app.state.world = world
    app.state.request_ids = RequestIds()
    return app
