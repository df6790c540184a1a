"""Words of the sale's state machine."""

WORDS = {
    "sale.illegal_transition": (
        "La venta {ref} está en «{current}» y no puede pasar a «{target}»",
        "Sale {ref} is «{current}» and cannot go to «{target}»",
    ),
    "sale.naive_time": (
        "Hora sin zona horaria: revise el reloj de la computadora",
        "Time without a time zone: check the computer's clock",
    ),
    "sale.time_backwards": (
        "La hora de la computadora retrocedió durante la venta {ref}: revise el reloj",
        "The computer's clock went back during sale {ref}: check the clock",
    ),
    "sale.bad_amount": (
        "El monto de la recarga debe ser mayor que cero",
        "The top-up amount must be above zero",
    ),
    "state.captured": ("capturada", "captured"),
    "state.accepted": ("número aceptado", "number accepted"),
    "state.paid": ("cobrada, sin enviar", "paid, not sent"),
    "state.deferred": ("cobrada, se enviará después", "paid, to be sent later"),
    "state.sending": ("enviando", "sending"),
    "state.confirmed": ("realizada", "done"),
    "state.rejected": ("rechazada", "rejected"),
    "state.unknown": ("sin respuesta: revisar", "no answer: checking"),
    "state.not_found": ("el distribuidor no la recibió", "the distributor never got it"),
    "state.refunded": ("dinero devuelto", "money given back"),
    "state.carried": ("dinero pasado a otra venta", "money carried to another sale"),
    "state.abandoned": ("dejada sin cobrar", "left unpaid"),
}
