"""MattersLC/RecargasTae (Kotlin Multiplatform, Ktor): what it sends to a transact.asmx
service, and how it reads the answers.

Source: https://github.com/MattersLC/RecargasTae at 55ef2a4, ``composeApp/src/commonMain/
kotlin/org/mini/``: ``data/CompaniasRepoImpl.kt`` (the calls), ``dto/XMLCreator.kt`` (the
envelopes), ``dto/XmlParser.kt`` (the reading).

What it sends: ``httpClient.post(BASE_URL) { contentType(ContentType.Text.Xml);
header("SOAPAction", "http://tempuri.org/<Op>") ... }`` (CompaniasRepoImpl.kt:45-52, 74-84,
126-141): the SOAPAction **unquoted**, its own ``Accept``, ``User-Agent: KtorClient`` and
``Cache-Control``; the body is a Kotlin raw string through ``trimIndent()``. GetTRequestID is
sent with the licence ``""`` (line 71). DoT's envelope (XMLCreator.kt:33-48) starts at column
0, so ``trimIndent`` removes no indent from it, and it ends with an empty
``<form_addons></form_addons>``; ``monto`` is ``recarga.monto.toString()`` of a Double
(``50.0``).

How it reads (XmlParser.kt): GetTRequestID by the regex
``<GetTRequestIDResult>(.*?)</GetTRequestIDResult>`` (lines 8-18: no match, no id, no DoT);
GetSkuList by ``substringAfter/Before`` of ``<GetSkuListResult>``, then only ``&lt;`` and
``&gt;`` unescaped, then each ``<product>(.*?)</product>`` with ``monto.toDouble()``,
``costo.toInt()``, ``stype.toInt()``, ``opid.toInt()`` (a product that throws is skipped,
lines 20-58); DoT by ``substringAfter("<soap:Body>")`` (the prefix ``soap:`` literally),
then ``<DoTResult>`` and ``transaction_id.toInt()`` (a 32-bit Int), ``rcode.toInt()``,
``rcode_description``, ``rcode_detail``, ``op_account`` (lines 60-91). Kotlin's
``substringAfter``/``substringBefore`` give the whole string when the delimiter is missing.
"""

from __future__ import annotations

import re

from contract_wire import Wire

INT32 = 2**31 - 1
_HEADERS = {  # CompaniasRepoImpl.kt: the headers of each call, in their order
    "GetSkuList": (("Accept", "*/*"), ("User-Agent", "KtorClient"),
                   ("Cache-Control", "no-cache")),
    "GetTRequestID": (("Connection", "keep-alive"), ("Accept-Encoding", "gzip, deflate, br"),
                      ("Accept", "*/*"), ("User-Agent", "KtorClient"),
                      ("Cache-Control", "no-cache")),
}
_HEADERS["DoT"] = _HEADERS["GetTRequestID"]
PATH = "/transact.asmx"  # BASE_URL, CompaniasRepoImpl.kt:21 (…/testing/transact.asmx)


class KotlinThrew(Exception):
    """What RecargasTae's parser throws (or returns null for)."""


def _wire(operation: str, body: str) -> Wire:
    headers = (("Content-Type", "text/xml"), ("SOAPAction", f"http://tempuri.org/{operation}"),
               *_HEADERS[operation])
    return Wire("POST", PATH, headers, body.encode("utf-8"))


def get_t_request_id(username: str, password: str, licence: str = "") -> Wire:
    """XMLCreator.kt:4-17 through trimIndent (the common 12 spaces removed)."""
    return _wire("GetTRequestID", "\n".join([
        '<?xml version="1.0" encoding="utf-8"?>',
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">',
        "    <soap:Body>",
        '        <GetTRequestID xmlns="http://tempuri.org/">',
        f"            <username>{username}</username>",
        f"            <password>{password}</password>",
        f"            <licence>{licence}</licence>",
        "        </GetTRequestID>",
        "    </soap:Body>",
        "</soap:Envelope>"]))


def get_sku_list(username: str, password: str) -> Wire:
    """XMLCreator.kt:19-31 through trimIndent."""
    return _wire("GetSkuList", "\n".join([
        '<?xml version="1.0" encoding="utf-8"?>',
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">',
        "    <soap:Body>",
        '        <GetSkuList xmlns="http://tempuri.org/">',
        f"            <username>{username}</username>",
        f"            <password>{password}</password>",
        "        </GetSkuList>",
        "    </soap:Body>",
        "</soap:Envelope>"]))


def do_t(request_id: str, username: str, sku: str, account: str, monto: float) -> Wire:
    """XMLCreator.kt:33-48: its first line at column 0, so trimIndent keeps the indents and
    drops only the blank last line; ``monto`` as Kotlin writes a Double."""
    return _wire("DoT", "\n".join([
        '<?xml version="1.0" encoding="utf-8"?>',
        '            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">',
        "              <soap:Body>",
        '                <DoT xmlns="http://tempuri.org/">',
        f"                  <TRequestID>{request_id}</TRequestID>",
        f"                  <username>{username}</username>",
        f"                  <skuCode>{sku}</skuCode>",
        f"                  <op_account>{account}</op_account>",
        f"                  <monto>{monto!r}</monto>",
        "                  <form_addons></form_addons>",
        "                </DoT>",
        "              </soap:Body>",
        "            </soap:Envelope>"]))


def _after(text: str, delimiter: str) -> str:
    """Kotlin's substringAfter: the whole string when the delimiter is not there."""
    index = text.find(delimiter)
    return text if index < 0 else text[index + len(delimiter):]


def _before(text: str, delimiter: str) -> str:
    index = text.find(delimiter)
    return text if index < 0 else text[:index]


def _between(text: str, name: str) -> str:
    return _before(_after(text, f"<{name}>"), f"</{name}>")


def _to_int(text: str) -> int:
    """Kotlin's String.toInt(): an optional sign and digits, within a 32-bit Int."""
    if not re.fullmatch(r"[+-]?[0-9]+", text) or not -INT32 - 1 <= int(text) <= INT32:
        raise KotlinThrew(f"NumberFormatException: For input string: {text!r}")
    return int(text)


def _to_double(text: str) -> float:
    """Kotlin's String.toDouble() (Java's Double.parseDouble), for plain decimals."""
    if not re.fullmatch(r"\s*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[dDfF]?\s*",
                        text):
        raise KotlinThrew(f"NumberFormatException: {text!r}")
    return float(text.strip().rstrip("dDfF"))


def request_id(body: str) -> str | None:
    """XmlParser.getTRequestIDResult (lines 8-18)."""
    found = re.search(r"<GetTRequestIDResult>(.*?)</GetTRequestIDResult>", body)
    return found.group(1) if found else None


def products(body: str) -> list[dict[str, object]]:
    """XmlParser.parseSoapResponseToRecargasManually (lines 20-58)."""
    raw = _before(_after(body, "<GetSkuListResult>"), "</GetSkuListResult>")
    raw = raw.replace("&lt;", "<").replace("&gt;", ">")
    read = []
    for match in re.finditer(r"<product>(.*?)</product>", raw):
        item = match.group(1)
        try:
            read.append({"name": _between(item, "name"), "sku": _between(item, "sku"),
                         "monto": _to_double(_between(item, "monto")),
                         "info": _between(item, "info"), "regex": _between(item, "regex"),
                         "costo": _to_int(_between(item, "costo")),
                         "stype": _to_int(_between(item, "stype")),
                         "opid": _to_int(_between(item, "opid"))})
        except KotlinThrew:
            continue  # "Error procesando un nodo <product>"
    return read


def dot_result(body: str) -> dict[str, object]:
    """XmlParser.parseSoapResponseToDoTResultManually (lines 60-91); a failure is null."""
    raw = _between(_between(body, "soap:Body"), "DoTResult")
    return {"transaction_id": _to_int(_between(raw, "transaction_id")),
            "rcode": _to_int(_between(raw, "rcode")),
            "rcode_description": _between(raw, "rcode_description"),
            "rcode_detail": _between(raw, "rcode_detail"),
            "op_account": _between(raw, "op_account")}
