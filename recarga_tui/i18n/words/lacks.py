"""Words for what a dealer does not offer through its system, and where to ask instead
(R09, R11, R14): said on the screen, never a failure."""

_ASK = ("Pregunte a la mesa de control: tel. {phone}, correo {email}",
        "Ask the control desk: phone {phone}, e-mail {email}")

WORDS = {
    "dealer.lacks.notices": (
        "{dealer} no publica avisos por su sistema. " + _ASK[0],
        "{dealer} publishes no notices through its system. " + _ASK[1],
    ),
    "dealer.lacks.statement": (
        "{dealer} no da el estado de cuenta por su sistema. " + _ASK[0],
        "{dealer} gives no statement through its system. " + _ASK[1],
    ),
    "dealer.lacks.deposits": (
        "{dealer} no recibe avisos de depósito por su sistema. " + _ASK[0],
        "{dealer} takes no deposit notices through its system. " + _ASK[1],
    ),
    "dealer.lacks.clarifications": (
        "{dealer} no recibe aclaraciones por su sistema. " + _ASK[0],
        "{dealer} takes no clarifications through its system. " + _ASK[1],
    ),
    "dealer.lacks.fault_reports": (
        "{dealer} no recibe reportes de falla por su sistema. " + _ASK[0],
        "{dealer} takes no fault reports through its system. " + _ASK[1],
    ),
    "dealer.lacks.request_id": (
        "{dealer} no da un número de venta antes de la recarga. " + _ASK[0],
        "{dealer} gives no sale number before the top-up. " + _ASK[1],
    ),
}
