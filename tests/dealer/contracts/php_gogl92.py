"""gogl92/taecel (PHP 8, Laravel): what it sends, and how it reads the answers.

Source: https://github.com/gogl92/taecel at d134aa7 (the commit of its ``result.csv`` and of
the log of its test matrix against the real Taecel, 2025-05-01).

What it sends (``src/Taecel.php``): ``Http::asForm()->post($this->url(op), [...])`` (lines
91, 117, 239, 272): Guzzle 7 writes the array with ``http_build_query`` as
``application/x-www-form-urlencoded`` under its own ``User-Agent: GuzzleHttp/7``, no
``Accept``. ``url()`` is ``"$this->url/$url"`` (line 73) and the configured base is
``https://taecel.com/app/api/`` (``config/taecel.php:8``): every call goes to ``...//op``.

How it reads (its rules transcribed, each with its line):

* ``throw_if($httpResponse->status() !== 200, ...)``; ``$data = $httpResponse->json()`` is
  ``json_decode($body, true)``: null when the body is not JSON (then ``statusTxn`` throws
  ``'Servicio no disponible'``, line 283, and the others fail on ``$data['success']``);
* ``throw_unless($data['success'], new Exception(sprintf('%s, error: %d', message, error)))``
  (lines 99, 125, 252, 284);
* the models declare ``strict_types=1`` and typed properties: a value of another type is a
  ``TypeError`` (``int`` takes an int only; ``float`` an int or a float; ``string`` a string;
  ``?string`` null too). ``Campo`` also validates ``Min``, ``Max``, ``Formato``,
  ``Confirmar``, ``Obligatorio`` as ``required|integer`` (``src/Models/Campo.php:25-32``);
  ``Producto`` and ``Proveedor`` call ``$validator->failed()``, which never runs the rules,
  so only their property types hold them.
"""

from __future__ import annotations

import json
import re
from typing import Any

from contract_wire import Wire, form

BASE = "/"  # config/taecel.php:8 'url' => 'https://taecel.com/app/api/' (the simulator's root)
HEADERS = (("User-Agent", "GuzzleHttp/7"),
           ("Content-Type", "application/x-www-form-urlencoded"))

# src/Models/*.php: the typed properties each constructor assigns, and the key it reads.
BOLSA = {"ID": "int|string", "Bolsa": "string"}                   # Bolsa.php:12
PROVEEDOR = {"ID": "int", "Nombre": "string", "Logotipo": "?string", "BolsaID": "int",
             "Categoria": "string", "CategoriaID": "int", "Tipo": "int",
             "Promos": "?string"}                                  # Proveedor.php:15-22, 39-46
CAMPO = {"Nombre": "string", "Campo": "string", "Min": "int", "Max": "int", "Formato": "int",
         "Confirmar": "int", "Obligatorio": "int"}                 # Campo.php:16-22, 38-44
PRODUCTO = {"Bolsa": "string", "BolsaID": "int", "Categoria": "string", "CategoriaID": "int",
            "Carrier": "string", "CarrierID": "int", "Codigo": "string", "Monto": "float",
            "Unidades": "float", "Vigencia": "string",
            "Descripcion": "string"}                               # Producto.php:16-26, 49-59
TRANSACCION = {"TransID": "string", "Fecha": "string", "Carrier": "string", "Folio": "string",
               "Status": "string", "Monto": "string",
               "Nota": "string"}                       # InformacionDeTransaccion.php:13-19, 23-26
CAMPO_INTEGERS = ("Min", "Max", "Formato", "Confirmar", "Obligatorio")  # Campo.php:25-32


class PhpThrew(Exception):
    """What the PHP client throws: an Exception with its message, or a TypeError."""


def request(operation: str, fields: list[tuple[str, str]]) -> Wire:
    return Wire("POST", f"{BASE}/{operation}", HEADERS, form(fields))


def _php_type_ok(value: Any, php_type: str) -> bool:
    is_int = isinstance(value, int) and not isinstance(value, bool)
    return {"int": is_int, "float": is_int or isinstance(value, float),
            "string": isinstance(value, str), "?string": value is None or isinstance(value, str),
            "int|string": is_int or isinstance(value, str)}[php_type]


def assign(data: dict[str, Any], properties: dict[str, str], model: str) -> dict[str, Any]:
    """``$this->x = Arr::get($data, 'X')`` for every typed property, under strict_types."""
    for key, php_type in properties.items():
        value = data.get(key)
        if not _php_type_ok(value, php_type):
            raise PhpThrew(f"TypeError: Cannot assign {type(value).__name__} to property "
                           f"{model}::{key} of type {php_type}")
    return {key: data.get(key) for key in properties}


def _laravel_integer(value: Any) -> bool:
    """Laravel's ``integer`` rule: FILTER_VALIDATE_INT, an int or its digits as text."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, str)
                                      and re.fullmatch(r"[+-]?[0-9]+", value) is not None)


def _php_int(value: Any) -> int:
    """``sprintf('%d', $x)``: the leading integer of a string, 0 if none."""
    found = re.match(r"\s*[+-]?[0-9]+", str(value))
    return int(found.group()) if found else 0


def _decode(status: int, body: bytes) -> Any:
    if status != 200:
        raise PhpThrew(f"{status} error")
    try:
        return json.loads(body)
    except ValueError:
        return None  # $httpResponse->json(): json_decode of something else is null


def _succeeded(data: Any, template: str = "%s, error: %d") -> dict[str, Any]:
    if not isinstance(data, dict) or not data.get("success"):
        message = data.get("message") if isinstance(data, dict) else None
        error = data.get("error") if isinstance(data, dict) else None
        raise PhpThrew(template.replace("%s", str(message or "")).replace(
            "%d", str(_php_int(error))))
    return data


def get_balance(status: int, body: bytes) -> list[dict[str, Any]]:
    """Taecel::getBalance (src/Taecel.php:85-107): one Bolsa per pool."""
    data = _succeeded(_decode(status, body), "message %s, error: %d")
    pools = []
    for pool in data["data"]:
        fields = assign(pool, BOLSA, "Bolsa")
        # floatval("899,968,134") is 899.0: the leading number, up to the comma
        number = re.match(r"\s*([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+))", str(pool["Saldo"]))
        fields["Saldo"] = float(number.group(1)) if number else 0.0
        pools.append(fields)
    return pools


def get_products(status: int, body: bytes) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Taecel::getProducts (src/Taecel.php:109-165): the Proveedores (with their Campos) and
    the Productos, each through its model."""
    data = _succeeded(_decode(status, body))["data"]
    proveedores = []
    for carrier in data["carriers"]:
        proveedor = assign(carrier, PROVEEDOR, "Proveedor")
        campos = []
        for campo in carrier.get("Campos") or []:
            if not campo.get("Nombre") or not campo.get("Campo") or not all(
                    _laravel_integer(campo.get(k)) for k in CAMPO_INTEGERS):
                raise PhpThrew("The given data was invalid.")  # Campo.php:36-37
            campos.append(assign(campo, CAMPO, "Campo"))
        proveedor["Campos"] = campos
        proveedores.append(proveedor)
    productos = [assign(p, PRODUCTO, "Producto") for p in data["productos"]]
    return proveedores, productos


def request_txn(status: int, body: bytes) -> str:
    """Taecel::requestTxn (src/Taecel.php:230-255): the transID, a ``string`` return."""
    data = _succeeded(_decode(status, body))
    trans_id = (data.get("data") or {}).get("transID")
    if not isinstance(trans_id, str):
        raise PhpThrew("TypeError: Taecel::requestTxn(): Return value must be of type string")
    return trans_id


def status_txn(status: int, body: bytes) -> dict[str, Any]:
    """Taecel::statusTxn (src/Taecel.php:263-287): an InformacionDeTransaccion."""
    data = _decode(status, body)
    if data is None:
        raise PhpThrew("Servicio no disponible")  # line 283
    return assign(_succeeded(data)["data"], TRANSACCION, "InformacionDeTransaccion")


def fputcsv(row: list[Any]) -> str:
    """PHP's fputcsv: a field is enclosed in quotes when it holds a delimiter, a quote, a
    backslash, a space, a tab or a line break (ext/standard/file.c)."""
    def field(value: Any) -> str:
        text = str(value)
        if any(c in text for c in ',"\\ \t\r\n'):
            return '"' + text.replace('"', '""') + '"'
        return text
    return ",".join(field(v) for v in row)
