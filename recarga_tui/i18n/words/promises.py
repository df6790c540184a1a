"""Words a screen says about what the dealer keeps: resending, money back, the lookup after a
lost answer, the statement (chosen from its capabilities in ``services/promises.py``)."""

WORDS = {
    # --- how a sale with a lost answer is looked for (R19) ---
    "promise.looks.report": (
        "La app la busca en el reporte de ventas.",
        "The app is looking for it in the sales report.",
    ),
    "promise.looks.lookup": (
        "La app se la pregunta a {dealer} {by}.",
        "The app is asking {dealer} about it {by}.",
    ),
    "promise.looks.none": (
        "{dealer} no deja consultar una venta por su sistema: pregunte por ella a la mesa de "
        "control.",
        "{dealer} lets no sale be looked up through its system: ask the control desk about it.",
    ),
    "promise.lookup_by.reference": ("por referencia", "by reference"),
    "promise.lookup_by.request_id": ("por folio de solicitud", "by request id"),
    "promise.lookup_by.dealer_id": ("por folio del distribuidor", "by the distributor's id"),
    # --- not found after the window ---
    "promise.absent.report": (
        "No apareció en el reporte en {minutes} minutos: el distribuidor nunca la recibió.",
        "It did not show in the report in {minutes} minutes: the distributor never received it.",
    ),
    "promise.absent.lookup": (
        "El distribuidor no la encontró en {minutes} minutos: nunca la recibió.",
        "The distributor did not find it in {minutes} minutes: it never received it.",
    ),
    "promise.absent.none": (
        "No se pudo comprobar en {minutes} minutos: pregunte a la mesa de control antes de "
        "enviarla otra vez.",
        "It could not be checked in {minutes} minutes: ask the control desk before sending it "
        "again.",
    ),
    "promise.resend.reference": (
        "Puede enviarla otra vez (con la misma referencia, no se cobra doble) o devolver el "
        "dinero.",
        "You may send it again (same reference, never charged twice) or give the money back.",
    ),
    "promise.resend.request_id": (
        "Puede enviarla otra vez (con el mismo folio de solicitud, no se cobra doble) o "
        "devolver el dinero.",
        "You may send it again (same request id, never charged twice) or give the money back.",
    ),
    "promise.resend.new_sale": (
        "Puede devolver el dinero, o enviarla como venta nueva: {dealer} no toma la referencia "
        "de la tienda, y si la primera apareciera tarde serían dos.",
        "You may give the money back, or send it as a new sale: {dealer} takes no reference "
        "from the shop, and if the first one showed late there would be two.",
    ),
    "check.keys_not_found.reference": (
        "E: enviar otra vez (misma referencia) · R: devolver el dinero · Enter: al inicio",
        "E: send again (same reference) · R: give the money back · Enter: home",
    ),
    "check.keys_not_found.request_id": (
        "E: enviar otra vez (mismo folio) · R: devolver el dinero · Enter: al inicio",
        "E: send again (same request id) · R: give the money back · Enter: home",
    ),
    "check.keys_not_found.new_sale": (
        "R: devolver el dinero · E: enviar como venta nueva · Enter: al inicio",
        "R: give the money back · E: send as a new sale · Enter: home",
    ),
    "check.keys_not_found.reference_offline": (
        "R: devolver el dinero · Enter: al inicio · para enviarla otra vez, entre (F2 en el "
        "inicio)",
        "R: give the money back · Enter: home · to send it again, log in (F2 at home)",
    ),
    "check.keys_not_found.request_id_offline": (
        "R: devolver el dinero · Enter: al inicio · para enviarla otra vez, entre (F2 en el "
        "inicio)",
        "R: give the money back · Enter: home · to send it again, log in (F2 at home)",
    ),
    "check.keys_not_found.new_sale_offline": (
        "R: devolver el dinero · Enter: al inicio · para enviarla como venta nueva, entre (F2 "
        "en el inicio)",
        "R: give the money back · Enter: home · to send it as a new sale, log in (F2 at home)",
    ),
    "lost.not_found.new_sale": (
        "La recarga de {amount} al {number} nunca llegó: devuelva el dinero o envíela como "
        "venta nueva (Pendientes, F3).",
        "The {amount} top-up to {number} never arrived: give the money back or send it as a "
        "new sale (Pending, F3).",
    ),
    "pending.next.not_found.reference": ("enviar otra vez o devolver", "send again or give back"),
    "pending.next.not_found.request_id": (
        "enviar otra vez o devolver", "send again or give back"),
    "pending.next.not_found.new_sale": ("devolver o venta nueva", "give back or a new sale"),
    # --- the statement of the cash close (R14) ---
    "promise.no_statement": (
        "Estado de cuenta: {dealer} no lo da por su sistema; compare el saldo usado en su "
        "portal o con la mesa de control.",
        "Statement: {dealer} gives none through its system; compare the balance used on its "
        "portal or with the control desk.",
    ),
}
