"""A published PHP script that reads getSales before topping up (PHP's curl): what it sends,
and how it reads the answers.

Source: a public PHP file the code index holds without naming its repository (its first line
``<?php``, then ``$ch = curl_init();``; 65 lines; index id 16009918628). Line numbers below
are that file's.

What it sends: ``curl_setopt($ch, CURLOPT_POSTFIELDS, $postvars)`` with ``$postvars`` an
array (lines 14-22, 45-54, 61-...): PHP's curl posts an array as ``multipart/form-data``,
each field a part, in the array's order: ``key, nip, fecha`` (getSales, ``fecha`` =
``date("Y-m-d")``, no ``bolsa``), ``key, nip, producto, referencia`` (RequestTXN, ``TEL050``,
no ``monto``), ``key, nip, transID`` (StatusTXN). The bytes are libcurl's (7.88, the
library PHP's curl extension calls): ``Accept: */*``, the boundary of 24 dashes and 16 hex
digits, ``Content-Disposition: form-data; name="..."`` per part; PHP sets no User-Agent.

How it reads: ``json_decode($response)`` into objects; ``foreach ($response->data as
$data)`` with ``$data->Telefono`` and ``$data->Nota == "Recarga Exitosa"`` (lines 25-36)
decides whether the number was topped up today; RequestTXN's ``$response->data->transID``
(line 62) is what StatusTXN is asked with.
"""

from __future__ import annotations

import json
from typing import Any

from contract_wire import Wire

BOUNDARY = "------------------------d74496d66958873e"  # libcurl's: 24 dashes, 16 hex digits


def multipart(operation: str, fields: list[tuple[str, str]]) -> Wire:
    """libcurl's multipart/form-data for PHP's array of fields."""
    parts = b"".join(f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                     f"{value}\r\n".encode() for name, value in fields)
    body = parts + f"--{BOUNDARY}--\r\n".encode()
    headers = (("Accept", "*/*"), ("Content-Type", f"multipart/form-data; boundary={BOUNDARY}"))
    return Wire("POST", f"/{operation}", headers, body)


def php_decode(body: bytes) -> Any:
    """``json_decode($response)``: null for what is not JSON."""
    try:
        return json.loads(body)
    except ValueError:
        return None


def topped_up(body: bytes, telefono: str) -> bool:
    """Lines 25-36: a line of the day's sales with this number and "Recarga Exitosa"."""
    data = (php_decode(body) or {}).get("data")
    lines = data if isinstance(data, list) else []  # foreach over [] or over an object's fields
    return any(isinstance(line, dict) and line.get("Nota") == "Recarga Exitosa"
               and line.get("Telefono") == telefono for line in lines)


def trans_id(body: bytes) -> Any:
    """Line 62: ``$response->data->transID`` (null, with a warning, when there is none)."""
    data = (php_decode(body) or {}).get("data")
    return data.get("transID") if isinstance(data, dict) else None
