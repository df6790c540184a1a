"""Reading a SOAP call to the simulated service: which operation, with which fields.

The simulated dealer is as wary as the app: the request is parsed with the same refusals
(no DTD, no entity, bounded size and depth). Both ports of the public WSDLs are read: SOAP 1.1
(``transactSoap``: ``text/xml``, the action in a ``SOAPAction`` header, quoted or not) and
SOAP 1.2 (``transactSoap12``: ``application/soap+xml``, the action, if any, in the media
type's ``action`` parameter); the envelope's prefix (``soap:``, ``s:``, ``soap-env:``) and an
XML declaration are the client's business. The operation is the element in the body; an
action, when sent, must name the same one, as ASMX requires. Elements the face does not use
(``form_addons``, empty or not; Pagaqui's ``pv``, ``latitude``, ``longitude``) are taken and
ignored, as ASMX ignores elements its method does not declare.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.message import Message

from ...dealer.transact import soap
from .envelopes import SOAP11, SOAP12, Version

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
    version: Version = SOAP11  # the SOAP version of the request, and of its answer

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


def version_of(content_type: str | None) -> Version:
    """The SOAP version a request's media type announces (``application/soap+xml``: 1.2)."""
    media = (content_type or "").split(";")[0].strip().lower()
    return SOAP12 if media == "application/soap+xml" else SOAP11


def action_parameter(content_type: str | None) -> str | None:
    """SOAP 1.2's action: the ``action`` parameter of the media type, or None."""
    header = Message()
    header["Content-Type"] = content_type or ""
    value = header.get_param("action")
    return value if isinstance(value, str) else None


def _operation(body: bytes, version: Version) -> soap.Element:
    """The one element inside the envelope's Body, in the namespace of ``version``."""
    try:
        root = soap.parse(body, MAX_CALL_BYTES)
    except soap.XmlRefused:
        raise BadCall("Server was unable to read request.") from None
    bodies = root.findall(f"{{{version.envelope}}}Body") \
        if root.tag == f"{{{version.envelope}}}Envelope" else []
    children = list(bodies[0]) if len(bodies) == 1 else []
    if len(children) != 1:
        raise BadCall("Server was unable to read request.")
    return children[0]


def read_call(body: bytes, soap_action: str | None, content_type: str | None = None) -> Call:
    """The call in ``body``: SOAP 1.1 unless ``content_type`` says 1.2; ``soap_action`` is the
    ``SOAPAction`` header (1.1), the media type's ``action`` parameter standing for it in 1.2."""
    version = version_of(content_type)
    if version is SOAP12:
        soap_action = action_parameter(content_type)
    operation = _operation(body, version)
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
    return Call(name, fields, version)
