"""Words for a lapsed session with the dealer met outside a screen's own query: the background
refresh, the checks and deferred sales, the send of a sale (R01, R12)."""

WORDS = {
    "refresh.failed": (
        "No se pudieron actualizar el saldo y los avisos. Origen de la falla: {origin}. "
        "{what}. Queda en pantalla lo último que se supo; la app vuelve a intentarlo sola en "
        "{seconds} s. Si sigue así, avise a la mesa de control.",
        "The balance and the notices could not be refreshed. Where it failed: {origin}. "
        "{what}. The screen keeps the last known state; the app tries again by itself in "
        "{seconds} s. If it goes on, tell the control desk.",
    ),
    "refresh.unexpected": (
        "Algo falló en esta computadora",
        "Something failed on this computer",
    ),
    "session.not_now": (
        "Sin sesión con el distribuidor (origen: esta tienda): el saldo no se actualiza y las "
        "ventas pendientes esperan. Para entrar otra vez: Ctrl+L y su contraseña; la app se la "
        "volverá a pedir en unos minutos.",
        "No session with the distributor (origin: this shop): the balance is not refreshed and "
        "pending sales wait. To log in again: Ctrl+L and your password; the app will ask for it "
        "again in a few minutes.",
    ),
    "send.not_sent_no_id": (
        "No se envió la recarga de {amount} al {number}: {why}. El dinero queda cobrado: "
        "envíela otra vez, déjela para después o devuelva el dinero. También está en "
        "Pendientes (F3).",
        "The {amount} top-up to {number} was not sent: {why}. The money stays collected: send "
        "it again, leave it for later or give the money back. It is also in Pending (F3).",
    ),
    "send.not_sent_session": (
        "No se envió la recarga de {amount} al {number}: la sesión con el distribuidor terminó "
        "(origen: esta tienda). El dinero queda cobrado: envíela ahora (se pide la contraseña), "
        "déjela para después o devuelva el dinero. También está en Pendientes (F3).",
        "The {amount} top-up to {number} was not sent: the session with the distributor ended "
        "(origin: this shop). The money stays collected: send it now (the password is asked), "
        "leave it for later or give the money back. It is also in Pending (F3).",
    ),
}
