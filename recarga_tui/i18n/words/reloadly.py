"""Words for what only Reloadly answers: its error codes, its token, what it leaves open."""

_CHECK = ("se busca sola en el reporte de Reloadly por la referencia de la venta",
          "it is looked up by itself in Reloadly's report by the sale's reference")

WORDS = {
    "login.demo_credentials.reloadly": (
        "Demostración (Reloadly): la cuenta demo ya está en la configuración; pulse Enter. "
        "El bloqueo (Ctrl+L) pide el client secret: demo-secret",
        "Demo (Reloadly): the demo account is already in the configuration; press Enter. "
        "The lock (Ctrl+L) asks for the client secret: demo-secret",
    ),
    # --- the login: what the config does not hold is typed -------------------------------------
    "login.reloadly.configured": (
        "Reloadly: el client id y el client secret ya están en la configuración; pulse Enter "
        "para conectar.",
        "Reloadly: the client id and the client secret are already in the configuration; "
        "press Enter to connect.",
    ),
    "login.reloadly.secret_as_password": (
        "Reloadly: el client id ya está en la configuración. Escriba el client secret como "
        "contraseña.",
        "Reloadly: the client id is already in the configuration. Type the client secret as "
        "the password.",
    ),
    "login.reloadly.id_as_user": (
        "Reloadly: el client secret ya está en la configuración. Escriba el client id como "
        "usuario.",
        "Reloadly: the client secret is already in the configuration. Type the client id as "
        "the user.",
    ),
    "login.reloadly.both_typed": (
        "Reloadly: escriba el client id como usuario y el client secret como contraseña.",
        "Reloadly: type the client id as the user and the client secret as the password.",
    ),
    # --- its settings: [dealer.reloadly] and the environment -----------------------------------
    "config.reloadly.client_id": ("el client id", "the client id"),
    "config.reloadly.client_secret": ("el client secret", "the client secret"),
    "config.reloadly.client_id_missing": (
        "Reloadly: falta el client id (ni [dealer.reloadly] client_id ni {env}): se escribe "
        "como usuario al entrar",
        "Reloadly: the client id is missing (neither [dealer.reloadly] client_id nor {env}): "
        "it is typed as the user at the login",
    ),
    "config.reloadly.client_secret_missing": (
        "Reloadly: el client secret no está guardado (ni [dealer.reloadly] client_secret ni "
        "{env}): se escribe como contraseña al entrar",
        "Reloadly: the client secret is not kept (neither [dealer.reloadly] client_secret "
        "nor {env}): it is typed as the password at the login",
    ),
    # --- the account and its token -------------------------------------------------------------
    "dealer.reloadly.no_credentials": (
        "Falta el client id o el client secret de Reloadly: escríbalos al entrar, o póngalos "
        "en RECARGA_RELOADLY_CLIENT_ID y RECARGA_RELOADLY_CLIENT_SECRET ([dealer.reloadly])",
        "Reloadly's client id or client secret is missing: type them at the login, or set "
        "them in RECARGA_RELOADLY_CLIENT_ID and RECARGA_RELOADLY_CLIENT_SECRET "
        "([dealer.reloadly])",
    ),
    "dealer.reloadly.bad_credentials": (
        "Reloadly no aceptó el client id o el client secret: {dealer_message}",
        "Reloadly did not accept the client id or the client secret: {dealer_message}",
    ),
    "dealer.reloadly.bad_audience": (
        "Reloadly no reconoce el servicio pedido (audience); revise la dirección del "
        "distribuidor en la configuración",
        "Reloadly does not know the service asked for (audience); check the dealer's address "
        "in the config",
    ),
    "dealer.reloadly.no_token": (
        "No se pudo obtener el permiso (token) de Reloadly; no se envió nada. Intente otra vez",
        "Reloadly's permission (token) could not be had; nothing was sent. Try again",
    ),
    "dealer.reloadly.token_refused": (
        "Reloadly rechazó su propio permiso (token) dos veces; no se envió nada. Intente en "
        "un momento",
        "Reloadly turned its own permission (token) away twice; nothing was sent. Try again "
        "in a moment",
    ),
    "dealer.reloadly.not_sendable": (
        "El producto no es uno del catálogo de Reloadly o su monto no corresponde; no se "
        "envió nada. Actualice el catálogo",
        "The product is not one of Reloadly's catalog or its amount does not match; nothing "
        "was sent. Refresh the catalog",
    ),
    "dealer.reloadly.period_too_long": (
        "El periodo tiene más de {lines} movimientos en Reloadly; pida un periodo más corto",
        "The period holds more than {lines} transactions at Reloadly; ask for a shorter one",
    ),
    # --- top-ups left open (R16): looked up, never "failed" ------------------------------------
    "dealer.reloadly.in_progress": (
        "Reloadly todavía no sabe si la compañía entregó la recarga; " + _CHECK[0],
        "Reloadly does not know yet whether the carrier delivered the top-up; " + _CHECK[1],
    ),
    "dealer.reloadly.phone_recently_recharged": (
        "Reloadly no tomó la recarga: ese número se recargó hace menos de 2 minutos. Puede "
        "ser esta misma venta; " + _CHECK[0],
        "Reloadly did not take the top-up: that number was topped up less than 2 minutes ago. "
        "It may be this very sale; " + _CHECK[1],
    ),
    "dealer.reloadly.custom_identifier_already_used": (
        "Reloadly ya tiene una recarga con la referencia de esta venta: no se envió otra; "
        + _CHECK[0],
        "Reloadly already has a top-up under this sale's reference: no other was sent; "
        + _CHECK[1],
    ),
    "dealer.reloadly.unknown_code": (
        "Reloadly respondió con un error que esta versión no conoce ({dealer_code}): no se "
        "sabe si la recarga llegó",
        "Reloadly answered with an error this version does not know ({dealer_code}): it is "
        "not known whether the top-up arrived",
    ),
    # --- Reloadly's refusals: the top-up was not made -------------------------------------------
    "dealer.code.invalid_recipient_phone": (
        "Reloadly dice que el número no es válido para la compañía; verifíquelo con el cliente",
        "Reloadly says the number is not valid for the carrier; check it with the customer",
    ),
    "dealer.code.invalid_phone_number": (
        "El número no es válido; verifíquelo con el cliente",
        "The number is not valid; check it with the customer",
    ),
    "dealer.code.could_not_auto_detect_operator": (
        "Reloadly no reconoce la compañía de ese número; verifique el número y elija la "
        "compañía",
        "Reloadly does not recognise the carrier of that number; check the number and choose "
        "the company",
    ),
    "dealer.code.invalid_sender_phone": (
        "Reloadly no aceptó el teléfono de la tienda; avise a soporte",
        "Reloadly did not accept the shop's phone; tell support",
    ),
    "dealer.code.invalid_amount": (
        "Reloadly no aceptó el monto; actualice el catálogo",
        "Reloadly did not accept the amount; refresh the catalog",
    ),
    "dealer.code.invalid_amount_for_operator": (
        "La compañía no acepta ese monto; elija otro o actualice el catálogo",
        "The carrier does not take that amount; choose another or refresh the catalog",
    ),
    "dealer.code.country_not_supported": (
        "Reloadly no atiende ese país por ahora",
        "Reloadly does not serve that country for now",
    ),
    "dealer.code.operator_unavailable_or_currently_inactive": (
        "La compañía no está recibiendo recargas en Reloadly por ahora; no se descontó nada",
        "The carrier is not taking top-ups at Reloadly for now; nothing was taken",
    ),
    "dealer.code.operator_not_in_service": (
        "La compañía está fuera de servicio en Reloadly; no se descontó nada",
        "The carrier is out of service at Reloadly; nothing was taken",
    ),
    "dealer.code.topup_transaction_failed": (
        "La recarga no se realizó; Reloadly no descontó nada",
        "The top-up was not made; Reloadly took nothing",
    ),
    "dealer.code.transaction_cannot_be_processed_at_the_moment": (
        "Reloadly no puede procesar recargas en este momento; no se descontó nada. Intente "
        "más tarde",
        "Reloadly cannot process top-ups right now; nothing was taken. Try later",
    ),
    "dealer.code.inactive_account": (
        "Reloadly desactivó la cuenta de la tienda; llame a Reloadly",
        "Reloadly deactivated the shop's account; call Reloadly",
    ),
    "dealer.code.account_not_found": (
        "Reloadly no encuentra la cuenta de la tienda; llame a Reloadly",
        "Reloadly cannot find the shop's account; call Reloadly",
    ),
    "dealer.code.max_daily_transaction_count_reached": (
        "La cuenta llegó a su límite de recargas del día en Reloadly",
        "The account reached its limit of top-ups for the day at Reloadly",
    ),
    "dealer.code.max_daily_transaction_amount_reached": (
        "La cuenta llegó a su límite de importe del día en Reloadly",
        "The account reached its limit of amount for the day at Reloadly",
    ),
}
