"""Words of the catalog: categories, bundles, bill payments, their fields and pools."""

WORDS = {
    "category.airtime": ("Tiempo aire", "Airtime"),
    "category.bundle": ("Paquetes", "Data bundles"),
    "category.bill": ("Pago de servicios", "Bill payments"),
    "capture.pick_category": (
        "¿Qué vende? Oprima su número:",
        "What are you selling? Press its number:",
    ),
    "capture.pick_service": (
        "¿Qué servicio paga? Oprima su número:",
        "Which service is being paid? Press its number:",
    ),
    "capture.service": ("Servicio: {carrier}", "Service: {carrier}"),
    "capture.pick_bundle": (
        "¿Qué paquete? Oprima su número:",
        "Which bundle? Press its number:",
    ),
    "capture.pick_bill_product": (
        "¿Qué pago? Oprima su número:",
        "Which payment? Press its number:",
    ),
    "capture.field_first": ("{field} ({length}):", "{field} ({length}):"),
    "capture.length_exact": ("{count} dígitos", "{count} digits"),
    "capture.length_range": ("{low} a {high} dígitos", "{low} to {high} digits"),
    "capture.ask_second_field": (
        "Pida al cliente que le diga la referencia otra vez (o léala del recibo) y escríbala "
        "de nuevo",
        "Ask the customer to say the reference again (or read it from the bill) and type it "
        "again",
    ),
    "capture.fields_match": ("Las dos coinciden: {value}", "Both match: {value}"),
    "capture.fields_differ": (
        "No coinciden: {count} posición(es) distinta(s), marcadas con ^. Pregunte otra vez y "
        "escriba la segunda de nuevo.",
        "They do not match: {count} position(s) differ, marked with ^. Ask again and type the "
        "second one again.",
    ),
    "capture.amount_label": ("Importe a pagar ($):", "Amount to pay ($):"),
    "capture.amount_limits": (
        "Escriba el monto que pide el cliente, de {low} a {high}, y Enter:",
        "Type the amount the customer asks for, {low} to {high}, then Enter:",
    ),
    "capture.amount_limits.bill": (
        "Escriba el importe del recibo, de {low} a {high}, y Enter:",
        "Type the bill's amount, {low} to {high}, then Enter:",
    ),
    "capture.duplicate_bill": (
        "Ojo: a las {time} ya se pagó {amount} a la referencia {number} ({state}). "
        "¿Es otro pago? Enter para seguir, F4 para corregir.",
        "Careful: at {time} {amount} was paid to reference {number} ({state}). Is this "
        "another payment? Enter to go on, F4 to correct.",
    ),
    "catalog.amount_fixed": (
        "Este producto es de un importe fijo",
        "This product has a fixed amount",
    ),
    "catalog.amount_outside": (
        "El importe debe ser de {low} a {high}",
        "The amount must be {low} to {high}",
    ),
    "catalog.field_required": ("Falta escribir: {field}", "Still to type: {field}"),
    "catalog.field_digits": ("{field}: solo dígitos", "{field}: digits only"),
    "catalog.field_alnum": ("{field}: solo letras y dígitos", "{field}: letters and digits only"),
    "catalog.field_length": (
        "{field}: de {low} a {high} caracteres (lleva {count})",
        "{field}: {low} to {high} characters ({count} typed)",
    ),
    "catalog.field_length_exact": (
        "{field}: {low} caracteres (lleva {count})",
        "{field}: {low} characters ({count} typed)",
    ),
    "readback.read_aloud_bill": (
        "Lea en voz alta al cliente y pida que acepte la referencia y el importe:",
        "Read aloud to the customer and ask them to accept the reference and the amount:",
    ),
    "readback.what_bundle": (
        "{carrier} · {name} · {amount} · vigencia {validity}",
        "{carrier} · {name} · {amount} · valid {validity}",
    ),
    "readback.what_bill": ("{carrier} · {name} · importe {amount}",
                           "{carrier} · {name} · amount {amount}"),
    "readback.no_claims_bundle": (
        "Dígale: «Una vez aceptado el número, no se aceptan reclamaciones por error en el "
        "número, la compañía o el paquete.»",
        "Tell them: «Once the number is accepted, no claim for a wrong number, company or "
        "bundle is accepted.»",
    ),
    "readback.no_claims_bill": (
        "Dígale: «Una vez aceptada la referencia, no se aceptan reclamaciones por error en la "
        "referencia, el servicio o el importe.»",
        "Tell them: «Once the reference is accepted, no claim for a wrong reference, service "
        "or amount is accepted.»",
    ),
    "counter.pool_short": (
        "La bolsa «{pool}» tiene {available} y esta venta es de {amount}: no alcanza. No se "
        "cobra ni se envía. Deposite a esa bolsa con su distribuidor (mesa de control) u "
        "ofrezca otra venta.",
        "The «{pool}» pool holds {available} and this sale is {amount}: not enough. Nothing is "
        "collected or sent. Deposit into that pool with your distributor (control desk) or "
        "offer another sale.",
    ),
    "home.pools": ("Saldos: {pools}", "Balances: {pools}"),
}
