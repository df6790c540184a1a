"""Words for what the transact.asmx distributors (Pagaqui...) do not offer, and where to ask
instead (R09, R11, R14)."""

_ASK = ("; pregunte a la mesa de control: {email}, {phone}",
        "; ask the control desk: {email}, {phone}")


def _lacks(es: str, en: str) -> tuple[str, str]:
    return es + _ASK[0], en + _ASK[1]


WORDS = {
    "transact.lacks.notices": _lacks(
        "{dealer} no publica avisos (estado del sistema ni mensaje general) por este sistema",
        "{dealer} publishes no notices (system status or general message) through this system",
    ),
    "transact.lacks.sales_report": _lacks(
        "{dealer} no da un reporte de ventas por este sistema: cada venta se confirma "
        "consultándola por su número de solicitud; el reporte está en el portal del "
        "distribuidor",
        "{dealer} gives no sales report through this system: each sale is confirmed by "
        "looking it up by its request id; the report is on the dealer's portal",
    ),
    "transact.lacks.statement": _lacks(
        "{dealer} no da estado de cuenta por este sistema",
        "{dealer} gives no statement through this system",
    ),
    "transact.lacks.deposits": _lacks(
        "{dealer} no recibe avisos de depósito por este sistema",
        "{dealer} takes no deposit notices through this system",
    ),
    "transact.lacks.clarifications": _lacks(
        "{dealer} no recibe aclaraciones por este sistema",
        "{dealer} takes no clarifications through this system",
    ),
    "transact.lacks.fault_reports": _lacks(
        "{dealer} no recibe reportes de falla por este sistema",
        "{dealer} takes no fault reports through this system",
    ),
    "transact.send.not_sendable": (
        "La venta no tiene número de solicitud del distribuidor o sus datos no se pueden "
        "enviar; no se envió nada",
        "The sale has no request id from the dealer or its data cannot be sent; nothing was "
        "sent",
    ),
    "transact.notices.none": (
        "{dealer} no publica avisos. Medición propia de la app: el distribuidor responde en "
        "{latency}; lento a partir de {slow} s; hora pico {peak}",
        "{dealer} publishes no notices. The app's own measure: the dealer answers in "
        "{latency}; slow from {slow} s; peak hours {peak}",
    ),
    "transact.notices.not_measured": ("(sin medir todavía)", "(not measured yet)"),
}
