"""The simulator and the OpenAPI document of protocol v1 agree (schemathesis), both ways: what
the document allows the simulator takes, but for the refusals the document names (a range
backwards, a product not in the catalog), and what the document forbids it refuses."""

from __future__ import annotations

import json

import schemathesis
from hypothesis import HealthCheck, assume, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from recarga_tui.dealer.protocol import OPENAPI_PATH
from recarga_tui.dealer.v1 import openapi_gen
from recarga_tui.sim import SimClock, make_app
from recarga_tui.sim.numbers import TEST_PREFIX

APP = make_app(seed=3, scenario="normal", clock=SimClock.at(10, scale=1000.0))
WORLD = APP.state.world
SCHEMA = schemathesis.openapi.from_asgi("/v1/openapi.json", APP)


def _auth() -> dict[str, str]:
    """A fresh session each time: the clock runs fast and jumps, so sessions lapse."""
    return {"Authorization": f"Bearer {WORLD.login('DEMO-01', 'demo', 'demo')['token']}"}


@SCHEMA.auth(refresh_interval=None)
class DemoSession:
    def get(self, case, ctx):
        return WORLD.login("DEMO-01", "demo", "demo")["token"]

    def set(self, case, token, ctx):
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}


# The refusals of valid data the document names, by operation (``openapi_gen.OPERATIONS``).
REFUSALS = {(op.method.upper(), op.path): {int(status) for status in op.refusals}
            for op in openapi_gen.OPERATIONS}
# What valid data may get besides a success: a session or a resource that is not there, a
# reference used with another body (as schemathesis's own positive_data_acceptance).
NOT_REFUSALS = {401, 403, 404, 409}


@schemathesis.check
def refuses_only_what_the_document_says(ctx, response, case):
    """Valid data is taken: a 4xx for it is one the operation's document names."""
    status = response.status_code
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return None
    if 400 <= status < 500 and status not in NOT_REFUSALS:
        named = REFUSALS.get((case.method.upper(), case.operation.path), set())
        assert status in named, (f"{case.method} {case.operation.path}: valid data refused "
                                 f"with {status}: {response.text}")
    return None


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, response_headers_conformance, negative_data_rejection,
          unsupported_method, refuses_only_what_the_document_says]


def test_the_shipped_document_is_the_one_the_declarations_write():
    """``python -m recarga_tui.dealer.v1.openapi_gen`` after any change to ``v1/wire.py``."""
    assert OPENAPI_PATH.read_text(encoding="utf-8") == openapi_gen.text()
    doc = json.loads(OPENAPI_PATH.read_text(encoding="utf-8"))
    assert doc["openapi"].startswith("3.")
    assert "/v1/topups" in doc["paths"]


@SCHEMA.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_sim_conforms_to_openapi(case):
    body = case.body if isinstance(case.body, dict) else {}
    # Test numbers hang or drop the connection on purpose; they have their own tests.
    assume(not str(body.get("msisdn", "")).startswith(TEST_PREFIX))
    case.call_and_validate(checks=CHECKS)


def _validated(method: str, path: str, **parts) -> int:
    case = SCHEMA[path][method].Case(**parts)
    response = case.call_and_validate(headers=_auth(),
                                      checks=CHECKS)
    return response.status_code


def test_sim_answers_with_real_data_conform_to_openapi():
    """Random bodies rarely name a real product; these do, so every answer shape is checked."""
    for row in (0, 1, 2, 3, 6, 7, 8):
        body = {"client_ref": f"OAS-{row}", "sku": "TEL-050", "msisdn": f"555555000{row}",
                "amount": 5000}
        assert _validated("POST", "/v1/topups", body=body) in (200, 202)
        assert _validated("POST", "/v1/topups", body=body) in (200, 202)  # the replay
    WORLD.clock.advance(3600)
    found = _validated("GET", "/v1/topups/{client_ref}", path_parameters={"client_ref": "OAS-8"})
    assert found == 200
    span = {"from": "2000-01-01T00:00:00-06:00", "to": "2099-01-01T00:00:00-06:00"}
    _validated("POST", "/v1/deposits", body={"bank": "BBVA", "amount": 100,
                                             "reference": "R1",
                                             "deposited_at": "2025-01-01T10:00:00-06:00"})
    _validated("POST", "/v1/clarifications", body={"topic": "topup", "text": "¿Y la recarga?",
                                                   "client_ref": "OAS-0"})
    WORLD.clock.advance(3 * 3600)
    for path in ("/v1/sales", "/v1/statement"):
        assert _validated("GET", path, query=span) == 200
    for path in ("/v1/deposits", "/v1/clarifications", "/v1/balance", "/v1/catalog",
                 "/v1/notices"):
        assert _validated("GET", path) == 200


async def test_a_method_the_document_does_not_name_is_405_with_allow(sim_app):
    """RFC 9110: a 405 says which methods the resource takes, TRACE included."""
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=sim_app),
                                 base_url="http://dealer.sim") as http:
        for method, path, allowed in (("TRACE", "/v1/sessions", {"POST"}),
                                      ("DELETE", "/v1/deposits", {"GET", "HEAD", "POST"}),
                                      ("TRACE", "/v1/topups/REF-1", {"GET", "HEAD"})):
            answer = await http.request(method, path)
            assert answer.status_code == 405
            assert {m.strip() for m in answer.headers["allow"].split(",")} == allowed
            assert answer.json()["error"]["code"] == "BAD_REQUEST"
