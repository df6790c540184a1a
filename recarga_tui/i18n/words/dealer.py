"""Words about the dealer: its error codes, unknown outcomes and failed queries (R01, R16)."""

WORDS = {
    # --- what the dealer's codes mean for the cashier -----------------------------------------
    "dealer.code.bad_request": (
        "El distribuidor no entendió la solicitud de esta terminal; avise a soporte",
        "The dealer did not understand this terminal's request; tell support",
    ),
    "dealer.code.bad_credentials": (
        "Terminal, usuario o contraseña no aceptados",
        "Terminal, user or password not accepted",
    ),
    "dealer.code.no_session": (
        "No hay sesión abierta con el distribuidor; escriba su contraseña",
        "No session is open with the dealer; type your password",
    ),
    "dealer.code.session_expired": (
        "La sesión con el distribuidor venció; escriba su contraseña otra vez",
        "The session with the dealer expired; type your password again",
    ),
    "dealer.code.not_found": (
        "El distribuidor no tiene ese registro",
        "The dealer has no such record",
    ),
    "dealer.code.topup_not_visible": (
        "La recarga todavía no aparece en el distribuidor",
        "The top-up does not show at the dealer yet",
    ),
    "dealer.code.ref_mismatch": (
        "Esa referencia ya se usó con otro número o monto; no se envió nada",
        "That reference was already used with another number or amount; nothing was sent",
    ),
    "dealer.code.unknown_sku": (
        "El distribuidor ya no ofrece ese producto; actualice el catálogo",
        "The dealer no longer offers that product; refresh the catalog",
    ),
    "dealer.code.amount_mismatch": (
        "El monto no corresponde al producto; actualice el catálogo",
        "The amount does not match the product; refresh the catalog",
    ),
    "dealer.code.invalid_number": (
        "El número no existe o no puede recibir esta recarga; verifíquelo con el cliente",
        "The number does not exist or cannot take this top-up; check it with the customer",
    ),
    "dealer.code.carrier_down": (
        "La compañía no está recibiendo recargas en este momento; el distribuidor no le "
        "descontó nada a la tienda",
        "The carrier is not taking top-ups right now; the dealer took nothing from the shop",
    ),
    "dealer.code.recent_topup": (
        "La compañía rechazó la recarga: ese número recibió una recarga hace poco",
        "The carrier refused the top-up: that number was topped up a short while ago",
    ),
    "dealer.code.carrier_rejected": (
        "La compañía rechazó la recarga; el distribuidor no le descontó nada a la tienda",
        "The carrier rejected the top-up; the dealer took nothing from the shop",
    ),
    "dealer.code.insufficient_balance": (
        "Saldo insuficiente en la cuenta de la tienda; haga un depósito",
        "Not enough balance in the shop's account; make a deposit",
    ),
    "dealer.code.dealer_busy": (
        "El sistema del distribuidor está saturado; intente más tarde",
        "The dealer's system is overloaded; try later",
    ),
    "dealer.code.system_down": (
        "La red de distribución no está disponible; intente más tarde",
        "The distribution network is not available; try later",
    ),
    "dealer.code.internal": (
        "Error en el sistema del distribuidor",
        "Error in the dealer's system",
    ),
    "dealer.code.other": (
        "El distribuidor respondió con un error que esta versión no conoce",
        "The dealer answered with an error this version does not know",
    ),
    # --- top-ups whose outcome is unknown (R16): never "failed" ------------------------------
    "dealer.unknown.timeout": (
        "El distribuidor no contestó a tiempo: no se sabe si la recarga llegó",
        "The dealer did not answer in time: it is not known whether the top-up arrived",
    ),
    "dealer.unknown.dropped": (
        "Se cortó la conexión antes de la respuesta: no se sabe si la recarga llegó",
        "The connection dropped before the answer: it is not known whether the top-up arrived",
    ),
    "dealer.unknown.server_error": (
        "El distribuidor tuvo un error: no se sabe si la recarga llegó",
        "The dealer had an error: it is not known whether the top-up arrived",
    ),
    "dealer.unknown.malformed": (
        "La respuesta del distribuidor llegó dañada: no se sabe si la recarga llegó",
        "The dealer's answer arrived damaged: it is not known whether the top-up arrived",
    ),
    "dealer.unknown.too_large": (
        "La respuesta del distribuidor es demasiado grande: no se sabe si la recarga llegó",
        "The dealer's answer is too large: it is not known whether the top-up arrived",
    ),
    "dealer.unknown.mismatch": (
        "El distribuidor contestó sobre otra venta (otro número, producto, importe o "
        "referencia): no se sabe si esta recarga llegó",
        "The dealer answered about another sale (another number, product, amount or "
        "reference): it is not known whether this top-up arrived",
    ),
    "dealer.unknown.unrecordable": (
        "La respuesta del distribuidor trae datos que el cuaderno no puede anotar: no se "
        "toma por buena y se revisa con el distribuidor",
        "The dealer's answer carries data the notebook cannot write down: it is not taken "
        "as good and is checked with the dealer",
    ),
    "dealer.unknown.pending": (
        "El distribuidor la recibió y espera la respuesta de la compañía: no se sabe aún si "
        "la recarga llegó",
        "The dealer took it and waits for the carrier's answer: it is not known yet whether "
        "the top-up arrived",
    ),
    "dealer.unknown.dealer_unknown": (
        "El distribuidor no sabe todavía si la recarga llegó",
        "The dealer does not know yet whether the top-up arrived",
    ),
    # --- queries that failed -------------------------------------------------------------------
    "dealer.query.no_connection": (
        "No hay conexión con el distribuidor; revise el internet de la tienda",
        "No connection to the dealer; check the shop's internet",
    ),
    "dealer.query.unreachable": (
        "No se pudo conectar con el distribuidor (no contesta en su dirección)",
        "Could not connect to the dealer (nothing answers at its address)",
    ),
    "dealer.query.untrusted": (
        "No se pudo comprobar que el servidor sea el distribuidor (certificado no válido); "
        "revise la hora de la PC y «ca_bundle» en la configuración, y llame a la mesa de control",
        "The server could not be proven to be the dealer (certificate not valid); check the "
        "PC's clock and «ca_bundle» in the configuration, and call the control desk",
    ),
    "dealer.query.timeout": (
        "El distribuidor no contestó a tiempo; intente de nuevo en un momento",
        "The dealer did not answer in time; try again in a moment",
    ),
    "dealer.query.dropped": (
        "Se cortó la conexión con el distribuidor; intente de nuevo",
        "The connection to the dealer dropped; try again",
    ),
    "dealer.query.malformed": (
        "La respuesta del distribuidor llegó dañada; intente de nuevo",
        "The dealer's answer arrived damaged; try again",
    ),
    "dealer.query.too_large": (
        "La respuesta del distribuidor es demasiado grande; avise a soporte",
        "The dealer's answer is too large; tell support",
    ),
    "dealer.query.server_error": (
        "Error en el sistema del distribuidor; intente más tarde",
        "Error in the dealer's system; try later",
    ),
    "dealer.query.not_logged_in": (
        "Primero inicie sesión con el distribuidor",
        "Log in to the dealer first",
    ),
    # --- the top-up never left the shop --------------------------------------------------------
    "dealer.send.untrusted": (
        "No se pudo comprobar que el servidor sea el distribuidor: la recarga no se envió; "
        "llame a la mesa de control",
        "The server could not be proven to be the dealer: the top-up was not sent; call "
        "the control desk",
    ),
    "dealer.send.not_sent": (
        "No se pudo conectar con el distribuidor: la recarga no salió de la tienda. Revise si "
        "la tienda tiene internet; si sí tiene, no contesta el distribuidor o su red: llame a "
        "la mesa de control",
        "Could not connect to the dealer: the top-up never left the shop. Check whether the "
        "shop has internet; if it has, the dealer or its network does not answer: call the "
        "control desk",
    ),
}
