"""What the simulated transact dealer sells, and its catalog as ``GetSkuList`` answers it.

The carriers' top-ups are the world's own (``sim/catalog.py``, the same skus as protocol v1);
this face adds data bundles and bills, which it hands the world as ``extra_products``. A
bill takes the amount the shop sends (``amount`` None in the world, ``monto`` 0 in the
catalog) within the limits below.

The ``<product>`` children are those the public clients read: name, sku, monto, info, regex,
costo, stype, opid (RecargasTae), with checksku sixth and regex seventh (the Pagaqui
integrator reads them by position). ``costo`` is the price less the dealer's commission (a
bill's is 0: no figure, the shop's own rate). ``stype`` and ``opid`` are the simulator's choice:
1 top-up, 2 data bundle, 3 bill; ``opid`` numbers the company. ``checksku`` is always 0: this
face has no ``CheckSku`` (a real dealer's "-1" asks for it before a bill's DoT).

Names and descriptions are written without the characters XML escapes (``&``, ``<``, ``>``,
quotes): the document travels escaped once more inside ``GetSkuListResult``, and RecargasTae
unescapes only ``&lt;`` and ``&gt;``, so "AT&T" would reach it as ``AT&amp;amp;T``. The
service's names are upper-case words ("TELCEL"); AT&T is written "ATT".
"""

from __future__ import annotations

from typing import Any

from ...dealer.transact.soap import escape
from .. import catalog as carriers

TAE, BUNDLE, BILL = 1, 2, 3
BILL_MIN, BILL_MAX = 1_00, 10_000_00  # centavos: what one bill payment may be here

_OPERATOR = {cid: n for n, (cid, _) in enumerate(carriers.CARRIERS, start=1)}
PHONE = "^[0-9]{10}$"

BUNDLES: tuple[tuple[str, str, int, str], ...] = (
    # sku, carrier, pesos, what it gives
    ("PAQ-TEL-030", "telcel", 30, "Internet Amigo 30: 1 GB y redes sociales, 7 dias"),
    ("PAQ-TEL-100", "telcel", 100, "Internet Amigo 100: 5 GB y redes sociales, 30 dias"),
    ("PAQ-MOV-050", "movistar", 50, "Internet 50: 2 GB, 14 dias"),
    ("PAQ-ATT-150", "att", 150, "AT&T Internet 150: 6 GB, 30 dias"),
)

BILLS: tuple[tuple[str, str, str, str], ...] = (
    # sku, biller id, name, the account's pattern
    ("SRV-CFE", "cfe", "CFE", "^[0-9]{30}$"),          # the 30 digits of the receipt's code
    ("SRV-TELMEX", "telmex", "TELMEX", PHONE),         # the line's ten digits
    ("SRV-IZZI", "izzi", "IZZI", "^[0-9]{8,12}$"),      # the contract number
)


def extra_products() -> list[dict[str, Any]]:
    """The bundles and bills in the world's product shape (``World.extra_products``)."""
    bundles = [{"sku": sku, "carrier_id": cid, "amount": pesos * 100, "description": what}
               for sku, cid, pesos, what in BUNDLES]
    bills = [{"sku": sku, "carrier_id": biller, "amount": None,
              "description": f"Pago de servicio {name}"} for sku, biller, name, _ in BILLS]
    return bundles + bills


def bill_pattern(sku: str) -> str | None:
    return next((pattern for s, _, _, pattern in BILLS if s == sku), None)


_ESCAPED = str.maketrans("", "", "&<>\"'")


def plain(text: str) -> str:
    """``text`` without the characters XML escapes: "AT&T" -> "ATT"."""
    return text.translate(_ESCAPED)


def _product(name: str, sku: str, monto: str, info: str, costo: str, checksku: str,
             regex: str, stype: int, opid: int) -> str:
    fields = (("name", plain(name)), ("sku", sku), ("monto", monto), ("info", plain(info)),
              ("costo", costo), ("checksku", checksku), ("regex", regex),
              ("stype", str(stype)), ("opid", str(opid)))
    return "<product>" + "".join(f"<{k}>{escape(v)}</{k}>" for k, v in fields) + "</product>"


# What a product costs the shop (``costo``): the price less the dealer's commission, a
# percentage per carrier on top-ups (the world's own, protocol v1.2's figures) and on bundles,
# in whole pesos as RecargasTae reads it (``costo.toInt()``: a commission under a peso is none).
BUNDLE_PERCENT = 4


def cost(pesos: int, percent: int) -> str:
    """``costo`` in whole pesos: the price less ``percent`` of it, that share cut to the peso."""
    return str(pesos - pesos * percent // 100)


def document() -> str:
    """The inner document of ``GetSkuListResult`` (escaped once more when it is sent)."""
    names = dict(carriers.CARRIERS)
    items = []
    for product in carriers.products():
        cid = str(product["carrier_id"])
        pesos = int(product["amount"]) // 100
        items.append(_product(names[cid].upper(), str(product["sku"]), f"{pesos}.00",
                              str(product["description"]),
                              cost(pesos, carriers.AIRTIME_PERCENT[cid]), "0", PHONE, TAE,
                              _OPERATOR[cid]))
    for sku, cid, pesos, what in BUNDLES:
        items.append(_product(names[cid].upper(), sku, f"{pesos}.00", what,
                              cost(pesos, BUNDLE_PERCENT), "0", PHONE, BUNDLE, _OPERATOR[cid]))
    for n, (sku, _, name, pattern) in enumerate(BILLS, start=len(_OPERATOR) + 1):
        items.append(_product(name, sku, "0", f"Pago de servicio {name}", "0", "0", pattern,
                              BILL, n))
    return "<products>" + "".join(items) + "</products>"
