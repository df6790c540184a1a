"""The OpenAPI document of protocol v1, written from its declarations (``wire.py``).

The schemas come from the msgspec structs the client and the simulator use; only the paths
are written here, as a table. ``python -m recarga_tui.dealer.v1.openapi_gen`` rewrites
``dealer/openapi.json``; a test holds the shipped file equal to what this writes.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import Any

import msgspec

from ..protocol import OPENAPI_PATH
from . import wire

REF_TEMPLATE = "#/components/schemas/{name}"
INFO = {
    "title": "Dealer protocol v1 (recargas)",
    "version": "1.2.0",
    "description": (
        "The distributor's API as the shop's terminal uses it. JSON in UTF-8; amounts in "
        "integer centavos; times ISO 8601 with offset; messages in Spanish. Every error body "
        "is {error: {code, class, origin, message, retry_after?}}: clients classify on code "
        "and class, never on the HTTP status alone. See docs/dealer-api.md."),
}
NO_SESSION = "NO_SESSION or SESSION_EXPIRED: log in again"
DEALER_TROUBLE = ("the dealer's own trouble (DEALER_BUSY, SYSTEM_DOWN, INTERNAL); classify on "
                  "code and class")
BAD_REQUEST = "BAD_REQUEST: the request does not fit the protocol (a field, a parameter, JSON)"


@dataclass(frozen=True)
class Operation:
    """One call of v1: what it takes, what it answers, and why it refuses."""

    method: str
    path: str
    operation_id: str
    summary: str
    answers: dict[str, tuple[str, type | None]]  # status -> (description, answer struct)
    body: type | None = None
    query: type | None = None
    path_params: dict[str, dict[str, Any]] = field(default_factory=dict)
    headers: dict[str, dict[str, Any]] = field(default_factory=dict)  # request headers
    answer_headers: dict[str, dict[str, Any]] = field(default_factory=dict)  # status -> headers
    description: str = ""
    session: bool = True
    # The refusals of a request the schemas allow (a rule across fields, a product not in the
    # catalog): status -> why. The test of the simulator accepts these and only these.
    refusals: dict[str, str] = field(default_factory=dict)


OPERATIONS: tuple[Operation, ...] = (
    Operation("post", "/v1/sessions", "login", "Open a session for a terminal",
              {"201": ("session; send the token as Authorization: Bearer", wire.Session),
               "401": ("BAD_CREDENTIALS", wire.Error)},
              body=wire.SessionRequest, session=False,
              description="The token is valid until expires_at; then every call answers 401 "
                          "SESSION_EXPIRED."),
    Operation("get", "/v1/notices", "notices",
              "The portal's notices (R10): system status (blue) and general message (yellow)",
              {"200": ("notices", wire.Notices)}, session=False),
    Operation("get", "/v1/catalog", "catalog", "Carriers with their status, and products",
              {"200": ("catalog", wire.Catalog),
               "304": ("not modified (If-None-Match matched the ETag)", None)},
              query=wire.CatalogQuery,
              headers={"If-None-Match": {"type": "string"}},
              answer_headers={"200": {"ETag": {"schema": {"type": "string"}}}},
              description="v1.1 (backward compatible): products may say their category "
                          "(airtime, bundle, bill), name, validity, pool and the fields the "
                          "cashier types; with version=1.1 the catalog lists the open-amount "
                          "products too (amount 0, typed within min_amount..max_amount), "
                          "sent with the first field's value as msisdn. v1.2 (backward "
                          "compatible): with version=1.2 each product may also say what the "
                          "shop earns on one sale: earning (centavos) or earning_rate (basis "
                          "points of the amount), never both."),
    Operation("get", "/v1/balance", "balance", "The shop's available balance",
              {"200": ("balance", wire.Balance)}),
    Operation("post", "/v1/topups", "send_topup", "Send a top-up (idempotent on client_ref)",
              {"200": ("final: success or failed (failed carries error with code, class, "
                          "origin)", wire.Topup),
               "202": ("pending: the carrier has not answered yet; look it up later",
                          wire.Topup),
               "409": ("REF_MISMATCH: the client_ref was used with another body; nothing "
                          "was sent", wire.Error)},
              body=wire.TopupRequest,
              description="The same client_ref with the same body returns the first record "
                          "with replayed=true and never tops up again. A record that failed "
                          "with class transient (nothing reached anyone) may be attempted again "
                          "with the same client_ref. No answer at all (timeout, dropped "
                          "connection) means the outcome is unknown (R16): look it up.",
              refusals={"422": "UNKNOWN_SKU: the sku is not in the catalog; AMOUNT_MISMATCH: "
                               "the amount is not the product's. Nothing was sent"}),
    Operation("get", "/v1/topups/{client_ref}", "lookup",
              "Look up a top-up by the shop's reference",
              {"200": ("the record", wire.Topup),
               "404": ("TOPUP_NOT_VISIBLE: not visible yet; it means never received only "
                          "once the reflection window (10 min, R19) has passed since the last "
                          "attempt", wire.Error)},
              path_params={"client_ref": {"type": "string", "pattern": wire.REF_PATTERN,
                                          "minLength": 1, "maxLength": 64}}),
    Operation("get", "/v1/sales", "sales_report",
              "The sales report: successful top-ups, shown after the reflection delay (up to "
              "10 min, R19)", {"200": ("sales report", wire.SalesReport)},
              query=wire.SalesQuery,
              refusals={"400": "`to` before `from`, or a year outside "
                               f"{wire.FIRST_YEAR}-{wire.LAST_YEAR}"}),
    Operation("get", "/v1/statement", "statement",
              "The account statement with the running balance",
              {"200": ("statement", wire.Statement)}, query=wire.Period,
              refusals={"400": "`to` before `from`, or a year outside "
                               f"{wire.FIRST_YEAR}-{wire.LAST_YEAR}"}),
    Operation("get", "/v1/deposits", "deposits", "Deposit notices and their state",
              {"200": ("deposits", wire.Deposits)}),
    Operation("post", "/v1/deposits", "notify_deposit",
              "Notify a deposit to the dealer's bank account",
              {"201": ("the notice, state received", wire.Deposit)},
              body=wire.DepositRequest,
              refusals={"400": "deposited_at in a year outside "
                               f"{wire.FIRST_YEAR}-{wire.LAST_YEAR}"}),
    Operation("get", "/v1/clarifications", "clarifications",
              "Clarification requests and their answers",
              {"200": ("clarifications", wire.Clarifications)}),
    Operation("post", "/v1/clarifications", "ask_clarification",
              "Ask for an account clarification; answered in writing within 24 h (R11)",
              {"201": ("the request, with due_at", wire.Clarification)},
              body=wire.ClarificationRequest),
    Operation("post", "/v1/fault-reports", "fault_report",
              "Report a failure to technical support; no written answer (R11)",
              {"201": ("received", wire.FaultReportReceipt)}, body=wire.FaultReportRequest),
)


def _ref(kind: type) -> dict[str, str]:
    return {"$ref": REF_TEMPLATE.format(name=kind.__name__)}


def _json_content(kind: type) -> dict[str, Any]:
    return {"application/json": {"schema": _ref(kind)}}


def _responses(op: Operation) -> dict[str, Any]:
    """The answers, then every refusal the call may give, each with the error body."""
    answers: dict[str, Any] = {}
    for status, (description, kind) in op.answers.items():
        answers[status] = {"description": description}
        if kind is not None:
            answers[status]["content"] = _json_content(kind)
        if status in op.answer_headers:
            answers[status]["headers"] = op.answer_headers[status]
    refusals = dict(op.refusals)
    if op.body is not None or op.query is not None or op.path_params or op.headers:
        refusals["400"] = BAD_REQUEST + (f", or {refusals['400']}" if "400" in refusals else "")
    if op.session:
        refusals["401"] = NO_SESSION
    refusals["5XX"] = DEALER_TROUBLE
    for status, why in sorted(refusals.items()):
        answers.setdefault(status, {"description": why, "content": _json_content(wire.Error)})
    return answers


def _query_parameters(kind: type) -> list[dict[str, Any]]:
    _, components = msgspec.json.schema_components([kind], ref_template=REF_TEMPLATE)
    schema = components[kind.__name__]
    required = set(schema.get("required", ()))
    return [{"name": name, "in": "query", "required": name in required,
             "schema": _never_null(prop)} for name, prop in schema["properties"].items()]


def _never_null(schema: dict[str, Any]) -> dict[str, Any]:
    """An optional parameter is left out, never null: its schema without the null."""
    kinds = [k for k in schema.get("anyOf", ()) if k != {"type": "null"}]
    return kinds[0] if len(kinds) == 1 else schema


def _parameters(op: Operation) -> list[dict[str, Any]]:
    found = [{"name": name, "in": "path", "required": True, "schema": schema}
             for name, schema in op.path_params.items()]
    found += [{"name": name, "in": "header", "required": False, "schema": schema}
              for name, schema in op.headers.items()]
    if op.query is not None:
        found += _query_parameters(op.query)
    return found


def _operation(op: Operation) -> dict[str, Any]:
    doc: dict[str, Any] = {"summary": op.summary, "operationId": op.operation_id}
    if op.description:
        doc["description"] = op.description
    doc["security"] = [{"bearer": []}] if op.session else []
    if parameters := _parameters(op):
        doc["parameters"] = parameters
    if op.body is not None:
        doc["requestBody"] = {"required": True, "content": _json_content(op.body)}
    doc["responses"] = _responses(op)
    return doc


def _schemas() -> dict[str, Any]:
    kinds = {kind for op in OPERATIONS for _, kind in op.answers.values() if kind is not None}
    kinds |= {op.body for op in OPERATIONS if op.body is not None} | {wire.Error}
    _, components = msgspec.json.schema_components(sorted(kinds, key=lambda k: k.__name__),
                                                   ref_template=REF_TEMPLATE)
    return dict(sorted(components.items()))


def document() -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        paths.setdefault(op.path, {})[op.method] = _operation(op)
    return {
        "openapi": "3.1.0",
        "info": INFO,
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {"schemas": _schemas(),
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
    }


def text() -> str:
    return json.dumps(document(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the document to ``dealer/openapi.json`` (or the path given)."""
    args = sys.argv[1:] if argv is None else argv
    target = args[0] if args else str(OPENAPI_PATH)
    with open(target, "w", encoding="utf-8", newline="\n") as out:
        out.write(text())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
