"""What the Taecel decoder hands the app: typed, in centavos, aware times, safe strings.

These sit beside the app's outcome types (``dealer/outcomes.py``), which the classifiers
return wherever the app already has a word for the result: Confirmed, Rejected, Pending,
Unknown. Only two results are Taecel's own: :class:`Accepted` (RequestTXN took the sale and
named it; its fate is StatusTXN's to tell) and :class:`RecentTopup` (error 3128).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from msgspec import Struct

from ...domain.faults import Fault
from ..outcomes import Confirmed, Pending, Rejected, Unknown

# getProducts' CategoriaID.
TAE, PAQUETES, SERVICIOS, GIFT_CARDS = "1", "2", "3", "4"

TxnState = Literal["delivered", "failed", "in_progress", "unknown"]


class Accepted(Struct, frozen=True):
    """RequestTXN took the sale under ``trans_id``, Taecel's reference for it (the shop
    chooses none). Nothing is known yet of its fate: ask StatusTXN with ``trans_id``."""

    trans_id: str
    at: datetime | None  # the ``fecha`` of the answer, when it has one
    message: str


class RecentTopup(Struct, frozen=True):
    """Error 3128: Taecel refused to take this sale because the number was topped up less
    than 10 minutes ago, by this shop or anyone.

    Not a rejection: after a lost answer it is a strong sign that the first attempt went
    through. The sale is looked up in the sales report (R19); the fault is origin dealer,
    certainty unknown, so no money goes back on it (R16)."""

    fault: Fault
    message: str
    dealer_code: str = "3128"


RequestOutcome = Accepted | RecentTopup | Rejected | Unknown


class Transaction(Struct, frozen=True):
    """One sale as Taecel tells it: StatusTXN's ``data``, or a line of getSales.

    ``state`` reads ``Status``: ``"Exitosa"`` is delivered, ``"Fracasada "`` failed, ``"En
    Proceso"`` (and the like) in progress, anything else unknown. Only a delivered line is
    proof (R19). ``product`` is the product code when the line names one (StatusTXN names
    only the ``carrier``: ``matching.py`` says how to hold it against the product sent).
    """

    trans_id: str
    number: str             # Telefono: the referencia sent (a phone or a service number)
    carrier: str
    product: str | None
    amount: int             # centavos
    at: datetime            # Fecha, Mexico City
    folio: str              # the carrier's authorisation ("" until delivered)
    status: str             # as Taecel wrote it, trimmed
    state: TxnState
    note: str               # Nota: "Saldo insuficiente", "Recarga Exitosa", ""
    pool: str               # Bolsa: "Tiempo Aire", "Pago de Servicios"
    balance_after: int | None  # Saldo Final, centavos

    @property
    def delivered(self) -> bool:
        return self.state == "delivered"


SaleLine = Transaction

StatusOutcome = Confirmed | Rejected | Pending | Unknown


class StatusAnswer(Struct, frozen=True):
    """StatusTXN's answer: the outcome, and the transaction it names (None when unreadable),
    which the caller holds against the sale sent before believing the outcome (match.py)."""

    outcome: StatusOutcome
    transaction: Transaction | None


class Pool(Struct, frozen=True):
    """A pool of money (``Bolsa``): Tiempo Aire pays top-ups and bundles, Pago de Servicios
    bills. ``balance`` in centavos, as precise as Taecel writes it (whole pesos in the only
    sample); the exact balance after a sale is StatusTXN's Saldo Final."""

    id: str
    name: str
    balance: int


class Field(Struct, frozen=True):
    """What the cashier types for a carrier (``Campos``), sent as the form field ``name``."""

    label: str            # Nombre: "Número celular", "Número de servicio"
    name: str             # Campo: "referencia", "monto"
    min: int              # Min / Max: length of a reference, or pesos of an amount
    max: int
    format: str           # Formato (an id of getProducts' formatoCampos)
    confirm: bool         # Confirmar: ask for it twice (R03, R04)
    required: bool        # Obligatorio
    leading_zero: bool | None  # iniCero, when given


class Carrier(Struct, frozen=True):
    id: str
    name: str
    pool_id: str
    category_id: str       # TAE, PAQUETES, SERVICIOS, GIFT_CARDS
    category: str
    fields: tuple[Field, ...]


class Product(Struct, frozen=True):
    code: str              # Codigo, what RequestTXN's ``producto`` names: "TEL020"
    carrier: str           # the carrier's name, as StatusTXN's ``Carrier`` names it
    carrier_id: str
    amount: int | None     # centavos; None: an open amount (a bill), typed at the counter
    category_id: str
    pool_id: str
    name: str
    validity: str          # Vigencia: "30 días", "No Aplica"
    description: str


class Catalog(Struct, frozen=True):
    carriers: tuple[Carrier, ...]
    products: tuple[Product, ...]

    def product(self, code: str) -> Product | None:
        return next((p for p in self.products if p.code == code), None)

    def carrier(self, carrier_id: str) -> Carrier | None:
        return next((c for c in self.carriers if c.id == carrier_id), None)
