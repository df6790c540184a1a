"""mextic/recargas (Node.js, axios 1.12): what it sends to Taecel, and how it reads the answers.

Source: https://github.com/mextic/recargas at bd246ef, ``lib/webservices/WebserviceClient.js``
(the Taecel half) and ``config/services.js`` (the products it sells through Taecel), with the
base URL of ``config/database.js:25`` (``https://taecel.com/app/api``, no trailing slash).

What it sends: ``axios.post(url, {key, nip, ...}, {headers: {'Content-Type':
'application/x-www-form-urlencoded', ...}})``; axios 1.x turns the object into a url-encoded
body in its keys' order. The bytes below are those the vendored axios (node_modules, 1.12.0)
put on the wire when this file was run against a capture server: its headers in their order,
``Accept: application/json, text/plain, */*`` and ``User-Agent: axios/1.12.0`` its own.
RequestTXN sends no ``monto`` (lines 90-95).

How it reads: axios parses a JSON body into ``response.data`` (else leaves the text); then
``response.data.success`` decides (lines 54, 110, 147), and ``taecelRecharge`` (lines
165-249) takes ``TransID, Fecha, Carrier, Telefono, Folio, Status, Monto, Timeout, IP,
"Saldo Final", Nota`` from StatusTXN's ``data`` and ``parseFloat(Monto.replace(/[\\$,]/g,
""))``; getBalance finds ``Bolsa === "Tiempo Aire"`` and ``parseFloat(Saldo.replace(/,/g,
""))`` (lines 58-65), which throws unless ``Saldo`` is a string.
"""

from __future__ import annotations

import json
import re
from typing import Any

from contract_wire import Wire, form

_AXIOS = (("Accept", "application/json, text/plain, */*"),
          ("Content-Type", "application/x-www-form-urlencoded"))
_AXIOS_TAIL = (("Accept-Encoding", "gzip, compress, deflate, br"), ("Connection", "keep-alive"))
# config/services.js:10 (GPS) and :63-73 (VOZ): every product code it sends to Taecel.
CODES = ("TEL010", "PSL150", "PSL300", "PSL010", "PSL020", "PSL030", "PSL050", "PSL100",
         "PSL200")
PRICES = {"TEL010": 10, "PSL010": 10, "PSL020": 20, "PSL030": 30, "PSL050": 50, "PSL100": 100,
          "PSL150": 150, "PSL200": 200, "PSL300": 300}  # config/services.js:8, 63-73 monto


class NodeThrew(Exception):
    """An Error thrown, or a result with ``success: false``, in mextic's code."""


def get_balance(key: str, nip: str) -> Wire:
    """WebserviceClient.js:17-39: its own User-Agent, set in the call's headers."""
    headers = (*_AXIOS, ("User-Agent", "Mozilla/5.0 (compatible; Recargas-System/1.0)"),
               *_AXIOS_TAIL)
    return Wire("POST", "/getBalance", headers, form([("key", key), ("nip", nip)]))


def request_txn(key: str, nip: str, sim: str, producto: str) -> Wire:
    """WebserviceClient.js:89-108: key, nip, producto, referencia; no monto."""
    return Wire("POST", "/RequestTXN", (*_AXIOS, ("User-Agent", "axios/1.12.0"), *_AXIOS_TAIL),
                form([("key", key), ("nip", nip), ("producto", producto), ("referencia", sim)]))


def status_txn(key: str, nip: str, trans_id: str) -> Wire:
    """WebserviceClient.js:127-145."""
    return Wire("POST", "/StatusTXN", (*_AXIOS, ("User-Agent", "axios/1.12.0"), *_AXIOS_TAIL),
                form([("key", key), ("nip", nip), ("transID", trans_id)]))


def axios_data(body: bytes) -> Any:
    """axios' transformResponse: JSON.parse when it parses, else the text as it came."""
    try:
        return json.loads(body)
    except ValueError:
        return body.decode("utf-8", "replace")


def _parse_float(text: str) -> float:
    """JavaScript's parseFloat: the leading number, NaN if none."""
    found = re.match(r"\s*([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)", text)
    return float(found.group(1)) if found else float("nan")


def read_balance(status: int, body: bytes) -> float:
    """getTaecelBalance's reading (WebserviceClient.js:41-67)."""
    if status == 403 or status != 200:
        raise NodeThrew(f"HTTP {status}")
    data = axios_data(body)
    if not data:
        raise NodeThrew("Respuesta vacía de TAECEL")
    if not isinstance(data, dict) or not data.get("success"):
        raise NodeThrew("API Error")
    pool = next((item for item in data.get("data") or [] if isinstance(item, dict)
                 and item.get("Bolsa") == "Tiempo Aire"), None)
    if pool is None:
        raise NodeThrew("No se encontró el saldo de Tiempo Aire en la respuesta")
    if not isinstance(pool.get("Saldo"), str):
        raise NodeThrew("TypeError: tiempoAire.Saldo.replace is not a function")
    return _parse_float(pool["Saldo"].replace(",", ""))


def read_request(body: bytes) -> str:
    """taecelRequestTXN's reading (lines 110-120) as taecelRecharge uses it (175-177)."""
    data = axios_data(body)
    if isinstance(data, dict) and data.get("success"):
        return str((data.get("data") or {}).get("transID"))
    message = data.get("message") if isinstance(data, dict) else None
    raise NodeThrew(f"RequestTXN falló: {message or 'Error desconocido en RequestTXN'}")


def read_recharge(body: bytes) -> dict[str, Any]:
    """taecelStatusTXN's reading (147-158) and taecelRecharge's result (186-240)."""
    data = axios_data(body)
    if not (isinstance(data, dict) and data.get("success")):
        message = data.get("message") if isinstance(data, dict) else None
        raise NodeThrew(f"StatusTXN falló: {message}")
    found = data["data"]
    monto = found.get("Monto") or "0"
    if not isinstance(monto, str):
        raise NodeThrew("TypeError: (Monto || '0').replace is not a function")
    return {"transId": found.get("TransID"), "monto": _parse_float(re.sub(r"[\\$,]", "", monto)),
            "folio": found.get("Folio"), "saldoFinal": found.get("Saldo Final") or "N/A",
            "carrier": found.get("Carrier") or "Telcel", "fecha": found.get("Fecha"),
            "timeout": found.get("Timeout") or found.get("timeout") or "0.00",
            "ip": found.get("IP") or found.get("ip") or found.get("IP_Address") or "0.0.0.0",
            "nota": found.get("Nota") or "", "debug_missing": not found.get("Timeout")
            or not found.get("IP")}  # line 194: the debug line when Timeout or IP is missing
