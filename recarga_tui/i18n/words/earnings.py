"""Words of what the shop earned: per sale, per category and per cashier."""

WORDS = {
    "earnings.title": ("Ganancia", "Earned"),
    "earnings.total": ("Ganancia de las ventas realizadas", "Earned on the sales done"),
    "earnings.by_category": ("Ganancia por tipo de venta:", "Earned by kind of sale:"),
    "earnings.by_cashier": ("Ganancia por cajero:", "Earned by cashier:"),
    "earnings.no_cashier": ("sin cajero", "no cashier"),
    "earnings.source.dealer": ("según el distribuidor", "as the distributor says"),
    "earnings.source.rate": ("según la tarifa de la tienda", "at the shop's rate"),
    "earnings.unknown": (
        "{count} ventas realizadas antes de anotar ganancias no la tienen; no se calcula "
        "después",
        "{count} sales done before earnings were written have none; it is not worked out "
        "afterwards",
    ),
    "earnings.unknown.one": (
        "1 venta realizada antes de anotar ganancias no la tiene; no se calcula después",
        "1 sale done before earnings were written has none; it is not worked out afterwards",
    ),
}
