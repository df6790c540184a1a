"""Reading a SOAP call to the simulated service: which operation, with which fields.

The simulated dealer is as wary as the app: the request is parsed with the same refusals
(no DTD, no entity, bounded size and depth). The operation is the element in the body; a
``SOAPAction`` header, when sent, must name the same one, as ASMX requires.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...dealer.transact import soap

MAX_CALL_BYTES = 64 * 1024

# The fields of each operation, in the order of the WSDL.
OPERATIONS: dict[str, tuple[str, ...]] = {
    "GetTRequestID": ("username", "password", "licence"),
    "DoT": ("TRequestID", "username", "skuCode", "op_account", "monto"),
    "CheckTransaction": ("TRequestID", "username"),
    "GetBalance": ("username", "password"),
    "GetSkuList": ("username", "password"),
}


class BadCall(Exception):
    """A request the service could not read: answered with a ``soap:Client`` fault."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


@dataclass(frozen=True)
class Call:
    operation: str
    fields: dict[str, str]  # as sent, not cleaned: the dealer sees exactly what came

    def get(self, name: str) -> str:
        return self.fields.get(name, "")


def _action(header: str | None) -> str | None:
    """The operation a SOAPAction header names; None when absent or empty."""
    if header is None:
        return None
    value = header.strip().strip('"').strip()
    if not value:
        return None
    if not value.startswith(soap.TEMPURI):
        raise BadCall(f"Server did not recognize the value of HTTP Header SOAPAction: {value}.")
    return value[len(soap.TEMPURI):]


def read_call(body: bytes, soap_action: str | None) -> Call:
    try:
        operation = soap.body_child(soap.parse(body, MAX_CALL_BYTES))
    except (soap.XmlRefused, soap.SoapFault):
        raise BadCall("Server was unable to read request.") from None
    namespace, _, name = str(operation.tag).rpartition("}")
    if namespace != "{" + soap.TEMPURI or name not in OPERATIONS:
        raise BadCall(f"Unable to handle request without a valid action parameter: {name}.")
    action = _action(soap_action)
    if action is not None and action != name:
        raise BadCall(f"The SOAPAction {action} does not match the body's operation {name}.")
    fields: dict[str, str] = {}
    for child in operation:
        child_ns, _, field = str(child.tag).rpartition("}")
        if child_ns != "{" + soap.TEMPURI or field not in OPERATIONS[name] or len(child):
            continue  # form_addons and other extras: not used here
        if field in fields:
            raise BadCall(f"Server was unable to read request: {field} repeated.")
        fields[field] = child.text or ""
    return Call(name, fields)
