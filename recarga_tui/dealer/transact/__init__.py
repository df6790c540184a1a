"""The transact.asmx family of distributors (Pagaqui and others on the same SOAP 1.1 service).

What does not depend on how the app reaches a dealer: the requests (``build``), the answers
of a sale and its lookup as the app's outcomes (``answers``), the queries (``queries``), what
each ``rcode`` means (``rcodes``), and the wary XML underneath (``soap``). The service and its
quirks are described in docs/dealers/transact.md.

A sale goes: ``get_request_id`` (the id, kept with the sale before anything else), ``do_t``
under that id, and ``check_transaction`` under the same id while the outcome is not final
and after any error (R16, R19). A sale is only ever sent again under its own id.
"""

from .answers import (
    POLL_SECONDS,
    PrintLine,
    TransactConfirmed,
    TResponse,
    after_polling,
    parse_check,
    parse_dot,
    read_tresponse,
)
from .build import (
    Request,
    check_transaction,
    do_t,
    get_balance,
    get_request_id,
    get_sku_list,
    pesos,
)
from .queries import (
    Product,
    SkuList,
    parse_balance,
    parse_request_id,
    parse_sku_list,
    pesos_to_centavos,
)

__all__ = [
    "POLL_SECONDS", "PrintLine", "Product", "Request", "SkuList", "TResponse",
    "TransactConfirmed", "after_polling", "check_transaction", "do_t", "get_balance",
    "get_request_id", "get_sku_list", "parse_balance", "parse_check", "parse_dot",
    "parse_request_id", "parse_sku_list", "pesos", "pesos_to_centavos", "read_tresponse",
]
