"""Words for what a dealer does not offer through its system, and where to ask instead
(R09, R11, R14): said on the screen, never a failure."""

_ASK = ("Pregunte a la mesa de control: tel. {phone}, correo {email}",
        "Ask the control desk: phone {phone}, e-mail {email}")

WORDS = {
    "dealer.lacks.notices": (
        "{dealer} no publica avisos por su sistema. " + _ASK[0],
        "{dealer} publishes no notices through its system. " + _ASK[1],
    ),
    "dealer.lacks.statement": (
        "{dealer} no da el estado de cuenta por su sistema. " + _ASK[0],
        "{dealer} gives no statement through its system. " + _ASK[1],
    ),
    "dealer.lacks.deposits": (
        "{dealer} no recibe avisos de depósito por su sistema. " + _ASK[0],
        "{dealer} takes no deposit notices through its system. " + _ASK[1],
    ),
    "dealer.lacks.clarifications": (
        "{dealer} no recibe aclaraciones por su sistema. " + _ASK[0],
        "{dealer} takes no clarifications through its system. " + _ASK[1],
    ),
    "dealer.lacks.fault_reports": (
        "{dealer} no recibe reportes de falla por su sistema. " + _ASK[0],
        "{dealer} takes no fault reports through its system. " + _ASK[1],
    ),
    "dealer.lacks.sales_report": (
        "{dealer} no da un reporte de ventas por su sistema: cada venta se confirma "
        "consultándola por su número de solicitud; el reporte está en el portal del "
        "distribuidor. " + _ASK[0],
        "{dealer} gives no sales report through its system: each sale is confirmed by looking "
        "it up by its request id; the report is on the dealer's portal. " + _ASK[1],
    ),
    "dealer.lacks.lookup": (
        "{dealer} no deja consultar una venta por su sistema: una venta sin respuesta se busca "
        "en su reporte de ventas. " + _ASK[0],
        "{dealer} lets no sale be looked up through its system: a sale without an answer is "
        "looked for in its sales report. " + _ASK[1],
    ),
    "transact.send.not_sendable": (
        "La venta no tiene número de solicitud del distribuidor o sus datos no se pueden "
        "enviar; no se envió nada",
        "The sale has no request id from the dealer or its data cannot be sent; nothing was "
        "sent",
    ),
    "dealer.lacks.request_id": (
        "{dealer} no da un número de venta antes de la recarga. " + _ASK[0],
        "{dealer} gives no sale number before the top-up. " + _ASK[1],
    ),
}
