"""The Python "recargasyservicios" demo (zeep 4, RxPY): what it sends to a transact.asmx
service, and how zeep reads the answers.

Source: a public Python file the code index holds without naming its repository (it starts
``from rx import Observable, Observer`` / ``from zeep import Client``; index id 5122369742),
against ``https://www.recargasyservicios.com/demo/transact.asmx?wsdl`` (line 6). Line
numbers below are that file's.

What it sends: ``Client(wsdl=wsdl)`` (line 7) first GETs the WSDL, then zeep writes every
call from it: ``GetBalance(usuario, password)`` (line 13), ``GetTRequestID(usuario,
password, '')`` (line 31: the licence empty), ``DoT(id, usuario, sku_code, celular, monto)``
(line 45: no ``form_addons``; ``monto`` an ``xs:float``, ``50`` or ``50.0`` as Python wrote
it), ``CheckTransaction(id, usuario)`` (line 58). The bytes below are those zeep 4.3.3 put on
the wire against the simulator (captured through a logging proxy): ``<?xml version='1.0'
encoding='utf-8'?>`` and a line break, the ``soap-env:`` and ``ns0:`` prefixes, the
SOAPAction **quoted**, requests' own headers.

How it reads: zeep parses each answer against the WSDL's types, and in its default strict
mode an element the WSDL does not declare at that place is an error ("Unexpected element"):
the call raises, and the demo answers its own ``rcode 12`` "Servicio DoT no disponible" (line
51) for a sale that may well be made. Lax, zeep stops reading the sequence at that element
and loses what follows. :func:`read_sequence` is that rule, transcribed from zeep's
``xsd`` ``Sequence``/``Element.parse_xmlelements`` and ``ComplexType.parse_xmlelement``. The
balance is ``ET.fromstring(resp).find("balance").text`` (lines 19-20).
"""

from __future__ import annotations

from collections import deque
from xml.etree.ElementTree import Element

from contract_wire import Wire
from defusedxml.ElementTree import fromstring

from recarga_tui.dealer.transact.soap import TEMPURI

XSD = "http://www.w3.org/2001/XMLSchema"
_HEADERS = (("User-Agent", "Zeep/4.3.3 (www.python-zeep.org)"),
            ("Accept-Encoding", "gzip, deflate"), ("Accept", "*/*"),
            ("Connection", "keep-alive"))
PATH = "/transact.asmx"


class ZeepError(Exception):
    """zeep.exceptions.XMLParseError, or any failure the demo's ``except`` turns into 12."""


def get_wsdl() -> Wire:
    return Wire("GET", f"{PATH}?wsdl", _HEADERS)


def call(operation: str, *fields: tuple[str, str]) -> Wire:
    """The envelope zeep writes for ``operation`` with ``fields`` in the WSDL's order."""
    inner = "".join(f"<ns0:{name}>{value}</ns0:{name}>" for name, value in fields)
    body = ("<?xml version='1.0' encoding='utf-8'?>\n<soap-env:Envelope xmlns:soap-env="
            '"http://schemas.xmlsoap.org/soap/envelope/"><soap-env:Body>'
            f'<ns0:{operation} xmlns:ns0="{TEMPURI}">{inner}</ns0:{operation}>'
            "</soap-env:Body></soap-env:Envelope>")
    headers = (*_HEADERS, ("SOAPAction", f'"{TEMPURI}{operation}"'),
               ("Content-Type", "text/xml; charset=utf-8"))
    return Wire("POST", PATH, headers, body.encode("utf-8"))


def sequence_of(wsdl: bytes, complex_type: str) -> list[str]:
    """The element names of a named complexType's sequence in a WSDL, in their order."""
    for found in fromstring(wsdl).iter(f"{{{XSD}}}complexType"):
        sequence = found.find(f"{{{XSD}}}sequence")
        if found.get("name") == complex_type and sequence is not None:
            return [e.get("name", "") for e in sequence.findall(f"{{{XSD}}}element")]
    raise ZeepError(f"no complexType {complex_type} in the WSDL")


def read_sequence(element: Element, sequence: list[str], strict: bool = True) -> dict[str, str]:
    """zeep's reading of ``element``'s children against ``sequence``: each declared element
    is taken when it is next; strict, anything left is an error; lax, it is dropped."""
    queue = deque(element)
    read: dict[str, str] = {}
    for name in sequence:
        if queue and queue[0].tag == f"{{{TEMPURI}}}{name}":
            child = queue.popleft()
            read[name] = child.text or ""
    if queue and strict:
        left = queue[0].tag.rpartition("}")[2]
        raise ZeepError(f"Unexpected element {left!r}, expected one of {sequence}")
    return read


def result_of(body: bytes, operation: str) -> Element:
    """The ``<{operation}Result>`` of a SOAP 1.1 answer."""
    envelope = "http://schemas.xmlsoap.org/soap/envelope/"
    root = fromstring(body)
    found = root.find(f"{{{envelope}}}Body/{{{TEMPURI}}}{operation}Response/"
                      f"{{{TEMPURI}}}{operation}Result")
    if found is None:
        raise ZeepError(f"no {operation}Result")
    return found


def balance(body: bytes) -> str:
    """Lines 19-20: the string result parsed, and its <balance>."""
    inner = result_of(body, "GetBalance").text or ""
    found = fromstring(inner).find("balance")
    if found is None or found.text is None:
        raise ZeepError("no balance")
    return found.text
