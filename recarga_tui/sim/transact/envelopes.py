"""The simulated service's answers, written as ASMX writes them (tempuri.org), in the SOAP
version the request came in: 1.1 (the ``transactSoap`` port) or 1.2 (``transactSoap12``).

:data:`TRESPONSE` is what the face sends in a ``TResponse``, in its order, and what its WSDL
(``wsdl.py``) declares: a strict client (zeep) takes no element its WSDL does not name. An
optional element with nothing to say is left out (``rcode_detail`` of a success), as the
deployments whose WSDL has no ``rcode_detail`` never send one; ``op_authorization``,
``printData`` and ``xmlDevData`` are in every public WSDL and the published answers carry them
empty, so they stay.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...dealer.transact.soap import SOAP_ENV, TEMPURI, escape

SOAP12_ENV = "http://www.w3.org/2003/05/soap-envelope"


@dataclass(frozen=True)
class Version:
    """One SOAP version as ASMX answers it: the envelope, the media type, the fault codes."""

    envelope: str
    content_type: str
    sender: str    # the fault code of a request the service could not read
    receiver: str  # the fault code of the service's own failure


SOAP11 = Version(SOAP_ENV, "text/xml; charset=utf-8", "soap:Client", "soap:Server")
SOAP12 = Version(SOAP12_ENV, "application/soap+xml; charset=utf-8", "soap:Sender",
                 "soap:Receiver")

# TResponse as this face writes it: (name, XSD type, required). rcode_detail is what newer
# deployments add after the description (RecargasTae's recorded failure: "SR029A").
TRESPONSE: tuple[tuple[str, str, bool], ...] = (
    ("transaction_id", "s:long", True), ("rcode", "s:int", True),
    ("rcode_description", "s:string", False), ("rcode_detail", "s:string", False),
    ("op_account", "s:string", False), ("op_authorization", "s:string", False),
    ("printData", "tns:ArrayOfPrintData", False), ("xmlDevData", "s:string", False))
# Left out when empty: the elements some deployments never send.
OMITTED_WHEN_EMPTY = frozenset({"rcode_detail"})


def _open(version: Version) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>'
            f'<soap:Envelope xmlns:soap="{version.envelope}" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>')


_CLOSE = "</soap:Body></soap:Envelope>"


def _element(name: str, value: str | None) -> str:
    if not value:
        return "" if name in OMITTED_WHEN_EMPTY else f"<{name} />"
    return f"<{name}>{escape(value)}</{name}>"


def response(operation: str, result: str, version: Version = SOAP11) -> bytes:
    """``<{operation}Response><{operation}Result>`` around ``result`` (already XML)."""
    return (f'{_open(version)}<{operation}Response xmlns="{TEMPURI}"><{operation}Result>'
            f"{result}</{operation}Result></{operation}Response>{_CLOSE}").encode()


def string_result(operation: str, text: str, version: Version = SOAP11) -> bytes:
    """A result that is a string, escaped (for GetSkuList and GetBalance: a whole XML
    document escaped inside it, as the real service sends it). Empty: ``<XResult />``."""
    if not text:
        return (f'{_open(version)}<{operation}Response xmlns="{TEMPURI}"><{operation}Result />'
                f"</{operation}Response>{_CLOSE}").encode()
    return response(operation, escape(text), version)


@dataclass(frozen=True)
class TFields:
    """A TResponse, in the order of the published answers."""

    rcode: int
    description: str
    account: str
    transaction_id: int = 0
    detail: str = ""
    authorization: str = ""
    ticket: tuple[tuple[str, str], ...] = field(default=())


def tresponse(operation: str, t: TFields, version: Version = SOAP11) -> bytes:
    lines = "".join(f"<PrintData>{_element('m_label', label)}{_element('m_data', data)}"
                    "</PrintData>" for label, data in t.ticket)
    body = (f"<transaction_id>{t.transaction_id}</transaction_id><rcode>{t.rcode}</rcode>"
            + _element("rcode_description", t.description) + _element("rcode_detail", t.detail)
            + _element("op_account", t.account) + _element("op_authorization", t.authorization)
            + (f"<printData>{lines}</printData>" if lines else "<printData />")
            + "<xmlDevData />")
    return response(operation, body, version)


def fault(sender: bool, text: str, version: Version = SOAP11) -> bytes:
    """A Fault as ASMX sends it (with HTTP 500): the sender's (``soap:Client``; 1.2:
    ``soap:Sender``) for a request it could not read, the receiver's for its own failure."""
    code = escape(version.sender if sender else version.receiver)
    if version is SOAP12:
        inner = (f"<soap:Code><soap:Value>{code}</soap:Value></soap:Code><soap:Reason>"
                 f'<soap:Text xml:lang="en">{escape(text)}</soap:Text></soap:Reason>'
                 "<soap:Detail />")
    else:
        inner = f"<faultcode>{code}</faultcode><faultstring>{escape(text)}</faultstring><detail />"
    return f"{_open(version)}<soap:Fault>{inner}</soap:Fault>{_CLOSE}".encode()
