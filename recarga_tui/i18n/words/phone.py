"""Words about phone numbers: why an entry is refused, the read-back, the second entry."""

WORDS = {
    "phone.empty": (
        "Escriba el número de 10 dígitos",
        "Type the 10-digit number",
    ),
    "phone.letters": (
        "El número lleva letras ({chars}): escriba sólo dígitos",
        "The number has letters in it ({chars}): type digits only",
    ),
    "phone.bad_chars": (
        "El número lleva caracteres que no van ({chars}): escriba sólo dígitos",
        "The number has characters that do not belong ({chars}): type digits only",
    ),
    "phone.too_short": (
        "Faltan dígitos: se escribieron {count} de 10",
        "Digits missing: {count} of 10 typed",
    ),
    "phone.too_long": (
        "Sobran dígitos: se escribieron {count} y son 10",
        "Too many digits: {count} typed, it takes 10",
    ),
    "phone.old_prefix": (
        "Ya no se marca {prefix}: escriba sólo los 10 dígitos del número",
        "{prefix} is no longer dialled: type only the 10 digits of the number",
    ),
    "phone.bad_start": (
        "Un número de México no empieza con {digit}: revíselo con el cliente",
        "A Mexican number does not start with {digit}: check it with the customer",
    ),
    "phone.not_mexican": (
        "Sólo se recargan números de México (+52): escriba los 10 dígitos",
        "Only Mexican numbers (+52) can be topped up: type the 10 digits",
    ),
    "phone.digit.0": ("cero", "zero"),
    "phone.digit.1": ("uno", "one"),
    "phone.digit.2": ("dos", "two"),
    "phone.digit.3": ("tres", "three"),
    "phone.digit.4": ("cuatro", "four"),
    "phone.digit.5": ("cinco", "five"),
    "phone.digit.6": ("seis", "six"),
    "phone.digit.7": ("siete", "seven"),
    "phone.digit.8": ("ocho", "eight"),
    "phone.digit.9": ("nueve", "nine"),
    "phone.compare.same": (
        "Los dos números coinciden",
        "Both numbers match",
    ),
    "phone.compare.differ_one": (
        "Los números no coinciden en 1 dígito (marcado con ^): revíselo con el cliente",
        "The numbers differ in 1 digit (marked with ^): check it with the customer",
    ),
    "phone.compare.differ_many": (
        "Los números no coinciden en {count} dígitos (marcados con ^): revíselos con el cliente",
        "The numbers differ in {count} digits (marked with ^): check them with the customer",
    ),
    "phone.compare.first_invalid": (
        "El primer número no es válido: {reason}",
        "The first number is not valid: {reason}",
    ),
    "phone.compare.second_invalid": (
        "El segundo número no es válido: {reason}",
        "The second number is not valid: {reason}",
    ),
}
