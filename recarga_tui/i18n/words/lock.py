"""Words of the lock (Ctrl+L) and of a lapsed session: the password again (R12, R13)."""

WORDS = {
    "key.lock": ("Bloquear", "Lock"),
    "key.unlock": ("Desbloquear", "Unlock"),
    "key.relogin": ("Entrar", "Log in"),
    "key.not_now": ("Ahora no", "Not now"),
    "lock.title": ("Pantalla bloqueada", "Screen locked"),
    "lock.why": (
        "Nada se ve hasta que escriba la contraseña de {user} otra vez.",
        "Nothing shows until the password of {user} is typed again.",
    ),
    "relogin.title": ("Su sesión terminó", "Your session ended"),
    "relogin.why": (
        "El distribuidor pide la contraseña de {user} otra vez. Escríbala y se repite lo que "
        "estaba haciendo; la pantalla de abajo queda como estaba.",
        "The distributor asks for the password of {user} again. Type it and what you were "
        "doing is done again; the screen below stays as it was.",
    ),
    # A dealer whose login reads no typed field: its account (and a secret) is in the config.
    "lock.secret": ("Secreto", "Secret"),
    "lock.why_secret": (
        "Nada se ve hasta que escriba {what} de {dealer}, el que la tienda configuró. Se "
        "compara en esta computadora y no se envía a nadie.",
        "Nothing shows until {what} of {dealer}, the one the shop configured, is typed. It is "
        "compared on this computer and sent to nobody.",
    ),
    "relogin.why_secret": (
        "La sesión con {dealer} terminó. Escriba {what}, el que la tienda configuró: se "
        "compara en esta computadora, no se envía a nadie, y se entra otra vez con el de la "
        "configuración; se repite lo que estaba haciendo.",
        "The session with {dealer} ended. Type {what}, the one the shop configured: it is "
        "compared on this computer, sent to nobody, and the app logs in again with the "
        "configured one; what you were doing is done again.",
    ),
    "lock.wrong_secret": (
        "Lo escrito no es el secreto que la tienda configuró para {dealer}; no se envió a "
        "nadie. Escríbalo otra vez o pregunte a quien configuró la app",
        "What was typed is not the secret the shop configured for {dealer}; it was sent to "
        "nobody. Type it again or ask whoever set up the app",
    ),
    "lock.no_secret": (
        "{dealer} no tiene en la configuración un secreto con qué comparar; cierre la app "
        "(F10) y entre otra vez",
        "{dealer} has no secret in the configuration to compare with; quit the app (F10) "
        "and start it again",
    ),
    "ask.where": (
        "¿Dudas? Mesa de control: {email} · Tel. {phone}",
        "Questions? Control desk: {email} · Phone {phone}",
    ),
}
