"""The simulated Taecel's catalog: carriers, bundles, bills, pools, as getProducts gives them.

Codes follow Taecel's (``TEL010``, ``MOV120``, ``CFE000`` in its test matrix; ``PSL010`` ...
``PSL300``, the Telcel bundles mextic/recargas sells through Taecel); amounts are typical
Mexican ones. Each carrier says which of the world's carriers it is (``world_id``), so a
scenario's outage of Telcel shows in Telcel's top-ups and its bundles alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...dealer.taecel.records import PAQUETES, SERVICIOS, TAE

TIEMPO_AIRE, PAGO_DE_SERVICIOS = "1", "2"
POOLS = {TIEMPO_AIRE: "Tiempo Aire", PAGO_DE_SERVICIOS: "Pago de Servicios"}
# The world's name of each pool: Tiempo Aire is its main balance.
WORLD_POOL = {TIEMPO_AIRE: "", PAGO_DE_SERVICIOS: "servicios"}
CATEGORIES = {TAE: "Tiempo Aire", PAQUETES: "Paquetes", SERVICIOS: "Servicios",
              "4": "Gift Cards"}
# Formato of a field (the simulator's names: no source lists Taecel's).
FORMATS = {"1": "Numérico", "2": "Alfanumérico", "3": "Importe"}


def _phone() -> dict[str, str]:
    return {"Nombre": "Número celular", "Campo": "referencia", "Min": "10", "Max": "10",
            "Formato": "1", "Confirmar": "1", "Obligatorio": "1", "iniCero": "0"}


# What a bill without a ``monto`` Campo takes here (pesos): the amount its receipt says.
BILL_PESOS = (1, 10_000)


def _bill(label: str, shortest: int, longest: int,
          most_pesos: int | None) -> tuple[dict[str, str], ...]:
    """A service's Campos: its reference, and the amount's limits where it names them (CFE
    names none: the amount is what the customer's bill says)."""
    reference = {"Nombre": label, "Campo": "referencia", "Min": str(shortest),
                 "Max": str(longest), "Formato": "1", "Confirmar": "1", "Obligatorio": "1",
                 "iniCero": "1"}
    if most_pesos is None:
        return (reference,)
    return (reference, {"Nombre": "Importe a pagar", "Campo": "monto", "Min": "1",
                        "Max": str(most_pesos), "Formato": "3", "Confirmar": "0",
                        "Obligatorio": "1", "iniCero": "0"})


@dataclass(frozen=True)
class Carrier:
    id: str
    name: str
    world_id: str
    category_id: str
    fields: tuple[dict[str, str], ...]

    @property
    def pool_id(self) -> str:
        return PAGO_DE_SERVICIOS if self.category_id == SERVICIOS else TIEMPO_AIRE

    @property
    def reference(self) -> dict[str, str]:
        return next(f for f in self.fields if f["Campo"] == "referencia")

    @property
    def open_amount(self) -> tuple[int, int] | None:
        """The pesos a bill may be paid with, or None for fixed amounts."""
        field = next((f for f in self.fields if f["Campo"] == "monto"), None)
        if field is None:
            return BILL_PESOS if self.category_id == SERVICIOS else None
        return int(field["Min"]), int(field["Max"])


@dataclass(frozen=True)
class Product:
    code: str
    carrier: Carrier
    pesos: int          # 0: an open amount (a bill)
    name: str
    validity: str
    description: str

    @property
    def world_pool(self) -> str:
        return WORLD_POOL[self.carrier.pool_id]


CARRIERS = (
    Carrier("1", "Telcel", "telcel", TAE, (_phone(),)),
    Carrier("2", "Movistar", "movistar", TAE, (_phone(),)),
    Carrier("3", "AT&T", "att", TAE, (_phone(),)),
    Carrier("4", "Unefon", "unefon", TAE, (_phone(),)),
    Carrier("5", "Bait", "bait", TAE, (_phone(),)),
    Carrier("6", "Virgin Mobile", "virgin", TAE, (_phone(),)),
    Carrier("20", "Amigo Sin Límite", "telcel", PAQUETES, (_phone(),)),
    Carrier("21", "Internet Amigo", "telcel", PAQUETES, (_phone(),)),
    Carrier("22", "Movistar Paquetes", "movistar", PAQUETES, (_phone(),)),
    Carrier("23", "Paquetes Sin Límite", "telcel", PAQUETES, (_phone(),)),
    Carrier("40", "CFE", "cfe", SERVICIOS, _bill("Número de servicio", 12, 30, None)),
    Carrier("41", "Telmex", "telmex", SERVICIOS, _bill("Número telefónico", 10, 10, 5_000)),
)
_BY_NAME = {c.name: c for c in CARRIERS}

_TAE_PESOS = {
    "Telcel": ("TEL", (10, 20, 30, 50, 100, 150, 200, 300, 500)),
    "Movistar": ("MOV", (10, 20, 30, 50, 100, 120, 150, 200, 300, 500)),
    "AT&T": ("ATT", (10, 20, 30, 50, 100, 150, 200, 300, 500)),
    "Unefon": ("UNE", (10, 20, 30, 50, 100, 150, 200, 300, 500)),
    "Bait": ("BAI", (30, 50, 100, 150, 200, 300)),
    "Virgin Mobile": ("VIR", (20, 30, 50, 100, 150, 200, 300)),
}
# (carrier, code, pesos, validity, description)
_BUNDLES = (
    ("Amigo Sin Límite", "ASL050", 50, "7 días",
     "Llamadas y SMS ilimitados, 500 MB para navegar, WhatsApp ilimitado"),
    ("Amigo Sin Límite", "ASL100", 100, "15 días",
     "Llamadas y SMS ilimitados, 1.5 GB para navegar, redes sociales ilimitadas"),
    ("Amigo Sin Límite", "ASL200", 200, "30 días",
     "Llamadas y SMS ilimitados, 3 GB para navegar, redes sociales ilimitadas"),
    ("Internet Amigo", "INA030", 30, "3 días", "1 GB para navegar"),
    ("Internet Amigo", "INA100", 100, "15 días", "3 GB para navegar"),
    ("Movistar Paquetes", "MVP050", 50, "10 días", "Llamadas y SMS ilimitados, 1 GB"),
    # Paquetes Sin Límite, with the days mextic/recargas' config/services.js gives each.
    *(("Paquetes Sin Límite", f"PSL{pesos:03d}", pesos, validity,
       "Llamadas y SMS ilimitados")
      for pesos, validity in ((10, "1 día"), (20, "2 días"), (30, "3 días"), (50, "7 días"),
                              (100, "15 días"), (150, "25 días"), (200, "30 días"),
                              (300, "30 días"))),
)


def _products() -> tuple[Product, ...]:
    made = [Product(f"{prefix}{pesos:03d}", _BY_NAME[name], pesos, f"{name} ${pesos}",
                    "No Aplica", f"Recarga {name} ${pesos}")
            for name, (prefix, amounts) in _TAE_PESOS.items() for pesos in amounts]
    made += [Product(code, _BY_NAME[name], pesos, f"{name} ${pesos}", validity, description)
             for name, code, pesos, validity, description in _BUNDLES]
    made += [Product("CFE000", _BY_NAME["CFE"], 0, "CFE", "No Aplica", "Pago de recibo de luz CFE"),
             Product("TMX000", _BY_NAME["Telmex"], 0, "Telmex", "No Aplica",
                     "Pago de recibo Telmex")]
    return tuple(made)


PRODUCTS = _products()
_BY_CODE = {p.code: p for p in PRODUCTS}


def product(code: str) -> Product | None:
    return _BY_CODE.get(code)


TEXT_OF_CAMPO = frozenset({"Nombre", "Campo"})


def _campo(field: dict[str, str]) -> dict[str, str | int]:
    """A Campo as getProducts writes it: its limits and flags as integers."""
    return {k: int(v) if k not in TEXT_OF_CAMPO else v for k, v in field.items()}


def products_data() -> dict[str, Any]:
    """getProducts' ``data``: ids, flags and amounts as JSON integers. gogl92/taecel's models
    (``declare(strict_types=1)``: ``int $bolsa_id``, ``float $unidades``, ``int $min``) throw
    a TypeError on ``"1"``; the Java client reads them as Strings through Gson, which takes a
    number as well."""
    return {
        "bolsas": [{"ID": int(i), "Nombre": n} for i, n in POOLS.items()],
        "categorias": [{"ID": int(i), "Nombre": n, "Icono": ""} for i, n in CATEGORIES.items()],
        "formatoCampos": [{"ID": int(i), "Nombre": n} for i, n in FORMATS.items()],
        "carriers": [{"ID": int(c.id), "Nombre": c.name, "Logotipo": "",
                      "BolsaID": int(c.pool_id), "Categoria": CATEGORIES[c.category_id],
                      "CategoriaID": int(c.category_id), "Tipo": 1, "Promos": None,
                      "Campos": [_campo(f) for f in c.fields]}
                     for c in CARRIERS],
        "productos": [{"Bolsa": POOLS[p.carrier.pool_id], "BolsaID": int(p.carrier.pool_id),
                       "Categoria": CATEGORIES[p.carrier.category_id],
                       "CategoriaID": int(p.carrier.category_id), "Carrier": p.carrier.name,
                       "CarrierID": int(p.carrier.id), "Codigo": p.code, "Monto": p.pesos,
                       "Unidades": p.pesos, "Vigencia": p.validity,
                       "Descripcion": p.description, "Nombre": p.name}
                      for p in PRODUCTS],
    }
