"""Taecel's answers as they come over the wire, typed with msgspec.

Lenient exactly where Taecel is quirky, strict everywhere else:

* ``error`` is an integer or a string (``0`` with a success, ``"3128"`` with a refusal), and
  so are the ids and the small numbers of the catalog (``"ID": "1"`` in getBalance; the PHP
  client types them int, the Java one String);
* money and times are strings (``"$1,258.05"``, ``"2025-05-01 16:55:03"``), read later by
  ``money.py`` and ``times.py``; a product's ``Monto`` may be a number or a string;
* texts carry trailing spaces (``"Status": "Fracasada "``), trimmed by ``text.safe``;
* fields the app does not use (``Cargo``, ``Abono``, ``Via``, ``Región``, ``IP``, ``logo``,
  ``Comision``...) and unknown ones are ignored: Taecel adds fields over the years (``logo``
  appeared between the 2022 and 2025 samples).

Everything else must be as shown: a field of the wrong type or a text longer than its
limit makes the whole answer unreadable, which the classifiers turn into an unknown outcome.
Field names are Taecel's (Spanish, capitalised as it spells them).
"""

from __future__ import annotations

from typing import Annotated

from msgspec import Meta, Raw, Struct, field

Short = Annotated[str, Meta(max_length=120)]
Text = Annotated[str, Meta(max_length=2000)]
# ``error``, ids, the limits of a field: an integer or its digits as text.
IntOrText = int | Annotated[str, Meta(max_length=24)]
# A product's ``Monto``: ``10``, ``"10"``, ``"10.00"``; a JSON float only if exact (money.py).
Amount = int | float | Annotated[str, Meta(max_length=40)]


class Envelope(Struct):
    """Every answer: ``{"success", "error", "message", "data", "extra"}`` (``extra`` unused)."""

    success: bool
    error: IntOrText
    message: Text = ""
    data: Raw = Raw(b"null")  # decoded by operation: an object, a list, or ``[]`` on errors


class RequestData(Struct):
    """RequestTXN's ``data`` when it took the sale."""

    trans_id: Short = field(name="transID")
    fecha: Short = ""  # the 2025 answers carry it, the 2020 and 2022 ones do not


class TxnData(Struct):
    """StatusTXN's ``data``; the same fields are taken for a line of getSales."""

    trans_id: Short = field(name="TransID")
    status: Short = field(name="Status")
    telefono: Short = field(name="Telefono")
    carrier: Short = field(name="Carrier")
    monto: Short = field(name="Monto")
    fecha: Short = field(name="Fecha")
    folio: Short = field(name="Folio", default="")
    nota: Text = field(name="Nota", default="")
    bolsa: Short = field(name="Bolsa", default="")
    saldo_final: Short = field(name="Saldo Final", default="")
    # Not in StatusTXN; taken when a report line names its product.
    codigo: Short = field(name="Codigo", default="")


class PoolData(Struct):
    """One pool of getBalance: ``{"ID": "1", "Bolsa": "Tiempo Aire", "Saldo": "899,968,134"}``."""

    id: IntOrText = field(name="ID")
    bolsa: Short = field(name="Bolsa")
    saldo: Short = field(name="Saldo")


class CampoData(Struct):
    """A field the cashier fills for a carrier (``Campos``): its form name is ``Campo``."""

    nombre: Short = field(name="Nombre")
    campo: Short = field(name="Campo")
    min: IntOrText = field(name="Min")
    max: IntOrText = field(name="Max")
    formato: IntOrText = field(name="Formato", default=0)
    confirmar: IntOrText = field(name="Confirmar", default=0)
    obligatorio: IntOrText = field(name="Obligatorio", default=1)
    ini_cero: IntOrText | None = field(name="iniCero", default=None)


class CarrierData(Struct):
    """A carrier or service of getProducts (``data.carriers``)."""

    id: IntOrText = field(name="ID")
    nombre: Short = field(name="Nombre")
    bolsa_id: IntOrText = field(name="BolsaID")
    categoria_id: IntOrText = field(name="CategoriaID")
    categoria: Short = field(name="Categoria", default="")
    campos: list[CampoData] | None = field(name="Campos", default=None)


class ProductData(Struct):
    """A product of getProducts (``data.productos``): ``Codigo`` is what RequestTXN sells."""

    codigo: Short = field(name="Codigo")
    carrier: Short = field(name="Carrier")
    carrier_id: IntOrText = field(name="CarrierID")
    monto: Amount = field(name="Monto")
    categoria_id: IntOrText = field(name="CategoriaID")
    bolsa_id: IntOrText = field(name="BolsaID")
    nombre: Short = field(name="Nombre", default="")
    vigencia: Text = field(name="Vigencia", default="")
    descripcion: Text = field(name="Descripcion", default="")


class CatalogData(Struct):
    """getProducts' ``data``; its other lists (bolsas, categorias, comisionTipo...) unused."""

    carriers: list[CarrierData]
    productos: list[ProductData]
