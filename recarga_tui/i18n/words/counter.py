"""Words of the counter service."""

WORDS = {
    "counter.already_sending": (
        "La venta {ref} ya se está enviando: espere la respuesta",
        "Sale {ref} is already being sent: wait for the answer",
    ),
    "counter.carry_needs_rejected": (
        "Solo el dinero de una venta rechazada puede pasar a otra venta ({ref})",
        "Only a rejected sale's money can be carried to another sale ({ref})",
    ),
}
