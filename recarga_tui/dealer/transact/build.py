"""The requests of the transact.asmx service, written by hand as its public clients send them.

Each builder returns a :class:`Request`: the operation, the ``SOAPAction`` header and the body
bytes. Every value is escaped (:func:`soap.escape`), so a number, user or password holding
``<``, ``&`` or ``]]>`` stays one value and cannot add an element. Text that XML cannot carry
at all (control characters) is refused with ValueError before anything is sent.

The body holds the password for the operations that take it, so :class:`Request` never shows
its body in a repr or a log (R12).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .soap import SOAP_ENV, TEMPURI, escape

# What an id handed out by GetTRequestID may look like (the public answers show ten digits;
# other deployments may use letters): bounded, and nothing that needs escaping.
REQUEST_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
MAX_AMOUNT = 100_000_00  # centavos: no top-up or bill of a small shop is $100,000

_HEAD = ('<?xml version="1.0" encoding="utf-8"?>'
         f'<soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
         f'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soap="{SOAP_ENV}">'
         '<soap:Body>')
_TAIL = "</soap:Body></soap:Envelope>"


@dataclass(frozen=True)
class Request:
    """One SOAP call, ready to POST to ``.../transact.asmx``."""

    operation: str
    body: bytes = field(repr=False)  # may hold the password (R12)

    @property
    def soap_action(self) -> str:
        return f'"{TEMPURI}{self.operation}"'

    @property
    def headers(self) -> dict[str, str]:
        return {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": self.soap_action}


def _call(operation: str, *fields: tuple[str, str]) -> Request:
    inner = "".join(f"<{name}>{escape(value)}</{name}>" for name, value in fields)
    text = f'{_HEAD}<{operation} xmlns="{TEMPURI}">{inner}</{operation}>{_TAIL}'
    return Request(operation, text.encode("utf-8"))


def check_request_id(request_id: str) -> str:
    """``request_id`` if it can be an id of the service, else ValueError."""
    if not isinstance(request_id, str) or not REQUEST_ID.match(request_id):
        raise ValueError("not a TRequestID")
    return request_id


def pesos(centavos: int) -> str:
    """``monto`` as the service takes it (an xs:float of pesos): ``5000`` -> ``"50.00"``.
    Written from integers, never through a float, so no amount is ever off by a centavo."""
    if isinstance(centavos, bool) or not isinstance(centavos, int) or \
            not 1 <= centavos <= MAX_AMOUNT:
        raise ValueError(f"amount: whole centavos from 1 to {MAX_AMOUNT}")
    return f"{centavos // 100}.{centavos % 100:02d}"


def get_request_id(username: str, password: str, licence: str = "") -> Request:
    """``GetTRequestID``: the id under which one sale will be sent and looked up."""
    return _call("GetTRequestID", ("username", username), ("password", password),
                 ("licence", licence))


def do_t(request_id: str, username: str, sku: str, account: str, amount: int) -> Request:
    """``DoT``: sell ``sku`` to ``account`` (a phone number, or a bill's reference) for
    ``amount`` centavos under ``request_id``. ``form_addons`` is left out, as the generated
    .NET and zeep clients leave it when null (the WSDL has it minOccurs=0)."""
    return _call("DoT", ("TRequestID", check_request_id(request_id)), ("username", username),
                 ("skuCode", sku), ("op_account", account), ("monto", pesos(amount)))


def check_transaction(request_id: str, username: str) -> Request:
    """``CheckTransaction``: the lookup of the sale sent under ``request_id``."""
    return _call("CheckTransaction", ("TRequestID", check_request_id(request_id)),
                 ("username", username))


def get_balance(username: str, password: str) -> Request:
    return _call("GetBalance", ("username", username), ("password", password))


def get_sku_list(username: str, password: str) -> Request:
    return _call("GetSkuList", ("username", username), ("password", password))
