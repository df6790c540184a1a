"""Words for what only the transact.asmx distributors say (docs/dealers/transact.md)."""

WORDS = {
    # GetTRequestID answered with an empty result: no id, so nothing could be sent (R01).
    "dealer.transact.no_request_id": (
        "El distribuidor contestó a GetTRequestID sin número de solicitud, y sin él no se puede "
        "enviar la venta: no aceptó el usuario, la contraseña o la licencia, o su servicio está "
        "en mantenimiento",
        "The dealer answered GetTRequestID with no request id, and without one the sale cannot "
        "be sent: it did not accept the user, the password or the licence, or its service is "
        "under maintenance",
    ),
    "dealer.transact.no_request_id_no_licence": (
        "El distribuidor contestó a GetTRequestID sin número de solicitud, y sin él no se puede "
        "enviar la venta. Esta tienda no tiene licencia configurada: si el distribuidor la pide, "
        "pídasela y póngala en [dealer.transact] licence (o en RECARGA_DEALER_LICENCE); si no, "
        "revise el usuario y la contraseña, o su servicio está en mantenimiento",
        "The dealer answered GetTRequestID with no request id, and without one the sale cannot "
        "be sent. This shop has no licence configured: if the dealer wants one, ask for it and "
        "put it in [dealer.transact] licence (or in RECARGA_DEALER_LICENCE); if not, check the "
        "user and the password, or its service is under maintenance",
    ),
}
