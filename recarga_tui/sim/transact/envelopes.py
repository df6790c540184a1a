"""The simulated service's answers, written as ASMX writes them (SOAP 1.1, tempuri.org)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...dealer.transact.soap import SOAP_ENV, TEMPURI, escape

_OPEN = ('<?xml version="1.0" encoding="utf-8"?>'
         f'<soap:Envelope xmlns:soap="{SOAP_ENV}" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
         'xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>')
_CLOSE = "</soap:Body></soap:Envelope>"


def _element(name: str, value: str | None) -> str:
    return f"<{name} />" if not value else f"<{name}>{escape(value)}</{name}>"


def response(operation: str, result: str) -> bytes:
    """``<{operation}Response><{operation}Result>`` around ``result`` (already XML)."""
    return (f'{_OPEN}<{operation}Response xmlns="{TEMPURI}"><{operation}Result>{result}'
            f"</{operation}Result></{operation}Response>{_CLOSE}").encode()


def string_result(operation: str, text: str) -> bytes:
    """A result that is a string, escaped (for GetSkuList and GetBalance: a whole XML
    document escaped inside it, as the real service sends it). Empty: ``<XResult />``."""
    if not text:
        return (f'{_OPEN}<{operation}Response xmlns="{TEMPURI}"><{operation}Result />'
                f"</{operation}Response>{_CLOSE}").encode()
    return response(operation, escape(text))


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


def tresponse(operation: str, t: TFields) -> bytes:
    lines = "".join(f"<PrintData>{_element('m_label', label)}{_element('m_data', data)}"
                    "</PrintData>" for label, data in t.ticket)
    body = (f"<transaction_id>{t.transaction_id}</transaction_id><rcode>{t.rcode}</rcode>"
            + _element("rcode_description", t.description) + _element("rcode_detail", t.detail)
            + _element("op_account", t.account) + _element("op_authorization", t.authorization)
            + (f"<printData>{lines}</printData>" if lines else "<printData />")
            + "<xmlDevData />")
    return response(operation, body)


def fault(code: str, text: str) -> bytes:
    """A SOAP 1.1 Fault as ASMX sends it (with HTTP 500): ``soap:Client`` for a request it
    could not read, ``soap:Server`` for its own failure."""
    return (f"{_OPEN}<soap:Fault><faultcode>{escape(code)}</faultcode><faultstring>"
            f"{escape(text)}</faultstring><detail /></soap:Fault>{_CLOSE}").encode()
