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
    "ask.where": (
        "¿Dudas? Mesa de control: {email} · Tel. {phone}",
        "Questions? Control desk: {email} · Phone {phone}",
    ),
}
