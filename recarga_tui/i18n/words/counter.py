"""Words of the counter service."""

WORDS = {
    "counter.already_sending": (
        "La venta {ref} ya se está enviando: espere la respuesta",
        "Sale {ref} is already being sent: wait for the answer",
    ),
    "counter.session_needed": (
        "No se envió: la sesión con el distribuidor terminó y no se escribió la contraseña "
        "(origen: esta tienda). La venta queda cobrada, sin enviar ({ref})",
        "Not sent: the session with the distributor ended and the password was not typed "
        "(origin: this shop). The sale stays paid, not sent ({ref})",
    ),
    "counter.carry_needs_rejected": (
        "Solo el dinero de una venta rechazada puede pasar a otra venta ({ref})",
        "Only a rejected sale's money can be carried to another sale ({ref})",
    ),
}
