"""Words for what a dealer does not offer through its API (the transact.asmx distributors
lack most of it), and where to ask instead (R09, R10, R11, R14)."""

_ASK = ("; pregunte a la mesa de control: {email}, {phone}",
        "; ask the control desk: {email}, {phone}")


def _lacks(es: str, en: str) -> tuple[str, str]:
    return es + _ASK[0], en + _ASK[1]


WORDS = {
    "dealer.lacks.notices": _lacks(
        "{dealer} no publica avisos (estado del sistema ni mensaje general) por este sistema",
        "{dealer} publishes no notices (system status or general message) through this system",
    ),
    "dealer.lacks.sales_report": _lacks(
        "{dealer} no da un reporte de ventas por este sistema: cada venta se confirma "
        "consultándola por su número de solicitud; el reporte está en el portal del "
        "distribuidor",
        "{dealer} gives no sales report through this system: each sale is confirmed by "
        "looking it up by its request id; the report is on the dealer's portal",
    ),
    "dealer.lacks.statement": _lacks(
        "{dealer} no da estado de cuenta por este sistema",
        "{dealer} gives no statement through this system",
    ),
    "dealer.lacks.deposits": _lacks(
        "{dealer} no recibe avisos de depósito por este sistema",
        "{dealer} takes no deposit notices through this system",
    ),
    "dealer.lacks.clarifications": _lacks(
        "{dealer} no recibe aclaraciones por este sistema",
        "{dealer} takes no clarifications through this system",
    ),
    "dealer.lacks.fault_reports": _lacks(
        "{dealer} no recibe reportes de falla por este sistema",
        "{dealer} takes no fault reports through this system",
    ),
    "transact.send.not_sendable": (
        "La venta no tiene número de solicitud del distribuidor o sus datos no se pueden "
        "enviar; no se envió nada",
        "The sale has no request id from the dealer or its data cannot be sent; nothing was "
        "sent",
    ),
    "dealer.no_notices.none": (
        "{dealer} no publica avisos; la app mide su velocidad: responde en {latency} (lento "
        "desde {slow} s; hora pico {peak})",
        "{dealer} publishes no notices; the app measures its speed: it answers in {latency} "
        "(slow from {slow} s; peak hours {peak})",
    ),
    "dealer.no_notices.no_message": (
        "— ({dealer} no publica mensajes)",
        "— ({dealer} publishes no messages)",
    ),
    "dealer.no_notices.not_measured": ("(sin medir todavía)", "(not measured yet)"),
}
