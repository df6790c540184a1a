"""The simulator answers as the OpenAPI document of protocol v1 says (schemathesis)."""

from __future__ import annotations

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, assume, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from recarga_tui.dealer.protocol import OPENAPI_PATH
from recarga_tui.sim import SimClock, make_app
from recarga_tui.sim.numbers import TEST_PREFIX

APP = make_app(seed=3, scenario="normal", clock=SimClock.at(10, scale=100_000.0))
WORLD = APP.state.world
TOKEN = WORLD.login("DEMO-01", "demo", "demo")["token"]
SCHEMA = schemathesis.openapi.from_asgi("/v1/openapi.json", APP)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


def test_the_served_document_is_the_packaged_one():
    doc = json.loads(OPENAPI_PATH.read_text(encoding="utf-8"))
    assert doc["openapi"].startswith("3.")
    assert "/v1/topups" in doc["paths"]


@SCHEMA.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_sim_conforms_to_openapi(case):
    body = case.body if isinstance(case.body, dict) else {}
    # Test numbers hang or drop the connection on purpose; they have their own tests.
    assume(not str(body.get("msisdn", "")).startswith(TEST_PREFIX))
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)
