"""Words of the claims screen (F5): the notebook's proof for a customer who comes back (R04,
R18, R19)."""

WORDS = {
    "key.claims": ("Reclamos", "Claims"),
    "key.search": ("Buscar", "Search"),
    "claims.query": (
        "Número o folio (últimos {days} días):",
        "Number or folio (last {days} days):",
    ),
    "claims.hint": (
        "Escriba el número del cliente (o sus últimos dígitos) o el folio y oprima Enter.",
        "Type the customer's number (or its last digits) or the folio and press Enter.",
    ),
    "claims.query_empty": (
        "Escriba al menos unos dígitos del número o el folio.",
        "Type at least a few digits of the number or the folio.",
    ),
    "claims.found": (
        "{count} ventas en los últimos {days} días. ↑ ↓ para ver la prueba de cada una.",
        "{count} sales in the last {days} days. ↑ ↓ to see each one's proof.",
    ),
    "claims.found.one": (
        '1 venta en los últimos {days} días: su prueba, abajo.',
        '1 sale in the last {days} days: its proof, below.',
    ),
    "claims.none": (
        "Ninguna venta cobrada a ese número o folio en los últimos {days} días. Revise el "
        "número con el cliente; el reporte de ventas (F4 en inicio) muestra lo del distribuidor.",
        "No paid sale to that number or folio in the last {days} days. Check the number with "
        "the customer; the sales report (F4 at home) shows the distributor's side.",
    ),
    "claims.pick_first": (
        "Primero busque la venta (Enter) y elíjala con ↑ ↓.",
        "First search for the sale (Enter) and pick it with ↑ ↓.",
    ),
    "claims.col.when": ("Fecha", "Date"),
    "claims.col.number": ("Número", "Number"),
    "claims.col.amount": ("Monto", "Amount"),
    "claims.col.state": ("Estado", "State"),
    "claims.col.folio": ("Folio compañía", "Carrier folio"),
    "claims.proof": (
        "Ref. {ref} · Número aceptado por el cliente: {accepted} · Cobrada: {paid} (entregó "
        "{handed}, cambio {change}) · Enviada: {sent} · Folio: {folio} · Comprobada en: "
        "{found_in}",
        "Ref. {ref} · Number accepted by the customer: {accepted} · Paid: {paid} (handed "
        "{handed}, change {change}) · Sent: {sent} · Folio: {folio} · Proven by: {found_in}",
    ),
    "claims.found_in.answer": ("la respuesta del distribuidor", "the distributor's answer"),
    "claims.found_in.report": ("el reporte de ventas", "the sales report"),
    "claims.found_in.lookup": ("la consulta al distribuidor", "the lookup at the distributor"),
    "claims.say": ("Dígale: {words}", "Tell them: {words}"),
    "claims.say.confirmed": (
        "«La recarga se hizo al {number}, folio {folio}. Usted aceptó ese número el {day} a "
        "las {time}; después de aceptarlo no procede reclamación por número o compañía "
        "equivocados.»",
        "«The top-up was made to {number}, folio {folio}. You accepted that number on {day} "
        "at {time}; once accepted, no claim for a wrong number or company applies.»",
    ),
    "claims.say.checking": (
        "«El sistema todavía no me confirma si llegó; lo estoy revisando con el distribuidor. "
        "Si no llegó, se la envío otra vez o le devuelvo su dinero.»",
        "«The system has not confirmed yet whether it arrived; I am checking it with the "
        "distributor. If it did not arrive, I send it again or give you your money back.»",
    ),
    "claims.say.deferred": (
        "«Su recarga está cobrada y guardada para enviarse cuando el sistema se normalice; si "
        "no se puede, le devuelvo su dinero.»",
        "«Your top-up is paid and kept to be sent once the system is normal; if it cannot be "
        "done, I give you your money back.»",
    ),
    "claims.say.refunded": (
        "«Esa recarga no se hizo y se le devolvió el dinero.»",
        "«That top-up was not made and the money was given back.»",
    ),
    "claims.say.rejected": (
        "«Esa recarga no se hizo: la compañía o el sistema la rechazó. No se le cobró al "
        "número.»",
        "«That top-up was not made: the company or the system refused it. Nothing reached the "
        "number.»",
    ),
    "claims.say.not_sold": (
        "«Esa venta no se terminó: no se envió ninguna recarga.»",
        "«That sale was not finished: no top-up was sent.»",
    ),
    "claims.state.captured": ("capturada", "captured"),
    "claims.state.accepted": ("aceptada", "accepted"),
    "claims.state.paid": ("cobrada", "paid"),
    "claims.state.deferred": ("para después", "deferred"),
    "claims.state.sending": ("enviando", "sending"),
    "claims.state.confirmed": ("realizada", "done"),
    "claims.state.rejected": ("rechazada", "rejected"),
    "claims.state.unknown": ("sin respuesta", "no answer"),
    "claims.state.not_found": ("no aparece", "not found"),
    "claims.state.refunded": ("devuelta", "refunded"),
    "claims.state.carried": ("pasada a otra", "carried"),
    "claims.state.abandoned": ("abandonada", "abandoned"),
    "claims.clarify.text": (
        "Reclamación de cliente sobre la venta {ref} ({what}) al número o referencia "
        "{number}, monto {amount}. En nuestro cuaderno: {state}, folio {folio}, aceptado por "
        "el cliente el {accepted}",
        "Customer claim about sale {ref} ({what}) to number or reference {number}, amount "
        "{amount}. In our notebook: {state}, folio {folio}, accepted by the customer at "
        "{accepted}",
    ),
    "clarify.sent": (
        "Aclaración {id} enviada a la mesa de control. La respuesta llega por escrito antes "
        "del {due} (F7 Soporte la muestra).",
        "Clarification {id} sent to the control desk. The written answer comes before {due} "
        "(F7 Support shows it).",
    ),
}
