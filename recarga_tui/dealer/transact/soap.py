"""SOAP 1.1 as the transact.asmx family speaks it: names, escaping, and parsing that refuses.

Everything a dealer sends is read here first. The parser refuses what a SOAP message may not
carry (SOAP 1.1 forbids a document type declaration) and what an attacker would send instead
of an answer: a DTD, an entity (declared or external: XXE, "billion laughs"), a body larger or
deeper than any real answer. Refusals are :class:`XmlRefused`; the callers turn them into an
unknown outcome or a query error, never a crash and never a rejection (R16).

The same parser reads the XML that the service hides, escaped, inside a string
(``GetSkuListResult``, ``GetBalanceResult``): a document inside a document is no safer.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import Element as Element  # the callers name it soap.Element
from xml.etree.ElementTree import ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
TEMPURI = "http://tempuri.org/"  # the service's namespace, as every public client sends it
XSI = "http://www.w3.org/2001/XMLSchema-instance"

# No answer of the service comes near these; more is garbage or an attack. The catalog
# (GetSkuList) is the largest: a few hundred products of about 300 bytes each.
MAX_ANSWER_BYTES = 2_000_000
MAX_DEPTH = 24
MAX_ELEMENTS = 40_000

# XML 1.0 cannot carry these at all, not even as character references.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                          "'": "&apos;", "\r": "&#13;"})  # a bare CR would arrive as LF
_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


class XmlRefused(Exception):
    """The bytes are not a message this app will read; ``reason`` is ``malformed`` (not XML,
    a DTD, an entity, nesting too deep, too many elements) or ``too_large``."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class SoapFault(Exception):
    """The service answered with a SOAP Fault instead of a result."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(code)
        self.code = code
        self.text = text


def escape(value: str) -> str:
    """``value`` as XML character data; ValueError for what XML 1.0 cannot carry."""
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    if _ILLEGAL.search(value):
        raise ValueError("the text holds characters XML cannot carry (control characters)")
    return value.translate(_ESCAPES)


class _Bounded:
    """A tree builder that stops at the depth and size no real answer reaches."""

    def __init__(self) -> None:
        self._builder = TreeBuilder()
        self._depth = 0
        self._count = 0

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        self._depth += 1
        self._count += 1
        if self._depth > MAX_DEPTH:
            raise XmlRefused("malformed", "nested too deep")
        if self._count > MAX_ELEMENTS:
            raise XmlRefused("malformed", "too many elements")
        return self._builder.start(tag, attrs)

    def end(self, tag: str) -> Element:
        self._depth -= 1
        return self._builder.end(tag)

    def data(self, text: str) -> None:
        self._builder.data(text)

    def close(self) -> Element:
        return self._builder.close()


def parse(data: bytes, max_bytes: int = MAX_ANSWER_BYTES) -> Element:
    """The root element of ``data``, parsed with DTDs, entities and external references
    refused; :class:`XmlRefused` for anything else."""
    if not isinstance(data, (bytes, bytearray)):
        raise XmlRefused("malformed", "not bytes")
    if len(data) > max_bytes:
        raise XmlRefused("too_large", f"{len(data)} bytes")
    parser = DefusedXMLParser(target=_Bounded(), forbid_dtd=True, forbid_entities=True,
                              forbid_external=True)
    try:
        parser.feed(bytes(data))
        root: Any = parser.close()
    except XmlRefused:
        raise
    except (ParseError, DefusedXmlException, ValueError, LookupError, RecursionError,
            UnicodeError, TypeError) as exc:
        # LookupError: an encoding Python does not know; TypeError: expat's own complaints
        raise XmlRefused("malformed", type(exc).__name__) from None
    if not isinstance(root, Element):
        raise XmlRefused("malformed", "no root element")
    return root


def parse_inner(text: str, max_bytes: int = MAX_ANSWER_BYTES) -> Element:
    """A document the service sent escaped inside a string. Its own declaration is dropped:
    .NET writes ``encoding="utf-16"`` on what reaches us as UTF-8 text."""
    return parse(_DECLARATION.sub("", text, count=1).encode("utf-8", "surrogatepass"),
                 max_bytes)


def q(name: str) -> str:
    """``name`` in the service's namespace, as ElementTree spells it."""
    return f"{{{TEMPURI}}}{name}"


def body_child(root: Element) -> Element:
    """The one element inside ``soap:Body``; :class:`SoapFault` for a fault."""
    if root.tag != f"{{{SOAP_ENV}}}Envelope":
        raise XmlRefused("malformed", "not a SOAP 1.1 envelope")
    bodies = root.findall(f"{{{SOAP_ENV}}}Body")
    if len(bodies) != 1:
        raise XmlRefused("malformed", "no single soap:Body")
    children = list(bodies[0])
    if len(children) != 1:
        raise XmlRefused("malformed", "soap:Body must hold one element")
    child = children[0]
    if child.tag == f"{{{SOAP_ENV}}}Fault":
        # faultcode and faultstring are unqualified in SOAP 1.1
        raise SoapFault(_leaf_text(child, "faultcode") or "", _leaf_text(child, "faultstring")
                        or "")
    return child


def _leaf_text(parent: Element, tag: str) -> str | None:
    found = parent.findall(tag)
    if len(found) != 1 or len(found[0]):
        return None
    return found[0].text or ""


def leaf(parent: Element, name: str) -> str | None:
    """The text of the one child ``name`` (service namespace) of ``parent``: None when it is
    absent or nil, "" when empty; :class:`XmlRefused` when repeated or not a leaf (a second
    ``rcode`` smuggled in must not pick the answer)."""
    found = parent.findall(q(name))
    if not found:
        return None
    if len(found) > 1:
        raise XmlRefused("malformed", f"{name} repeated")
    element = found[0]
    if len(element):
        raise XmlRefused("malformed", f"{name} is not a value")
    if element.get(f"{{{XSI}}}nil") in ("true", "1"):
        return None
    return element.text or ""


def result(root: Element, operation: str) -> Element:
    """``<{operation}Result>`` inside ``<{operation}Response>``: the answer's payload."""
    response = body_child(root)
    if response.tag != q(f"{operation}Response"):
        raise XmlRefused("malformed", f"expected {operation}Response")
    found = response.findall(q(f"{operation}Result"))
    if len(found) != 1:
        raise XmlRefused("malformed", f"expected one {operation}Result")
    return found[0]
