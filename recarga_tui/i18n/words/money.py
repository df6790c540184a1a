"""Words about money: amounts typed, the change, the cash warnings."""

WORDS = {
    "money.empty": (
        "Escriba la cantidad",
        "Type the amount",
    ),
    "money.negative": (
        "La cantidad no puede ser negativa",
        "The amount cannot be negative",
    ),
    "money.letters": (
        "La cantidad lleva letras ({chars}): escriba sólo números, como 50 o 50.00",
        "The amount has letters in it ({chars}): type numbers only, like 50 or 50.00",
    ),
    "money.bad_chars": (
        "La cantidad lleva caracteres que no van ({chars}): escriba como 50 o 1,000.00",
        "The amount has characters that do not belong ({chars}): type like 50 or 1,000.00",
    ),
    "money.bad_format": (
        "No se entiende la cantidad «{text}»: escriba como 50, 50.50 o 1,000",
        "The amount «{text}» is not clear: type like 50, 50.50 or 1,000",
    ),
    "money.too_many_decimals": (
        "Sólo dos decimales (centavos): escriba como 50.50",
        "Only two decimals (centavos): type like 50.50",
    ),
    "money.too_large": (
        "La cantidad es demasiado grande (más de {limit}): revísela",
        "The amount is too large (over {limit}): check it",
    ),
    "money.no_credit": (
        "Faltan {missing}: se debe {due} y entregó {handed}. No se fía: cobre completo antes de enviar",
        "{missing} short: {due} due and {handed} handed. No credit: collect it all before sending",
    ),
    "money.no_coin": (
        "No hay monedas para dar {amount} exactos: redondee el cambio",
        "There are no coins to give exactly {amount}: round the change",
    ),
    "money.warn.large_bill": (
        "Billete de {handed} para una recarga de {due}: el cambio es {change}. "
        "Si no tiene cambio, puede no aceptarlo; no quede a deber ni salga a cambiar",
        "A {handed} bill for a {due} top-up: the change is {change}. "
        "If you have no change you may refuse it; do not owe it or go out for change",
    ),
    "money.warn.check_bill": (
        "Recibió {handed}: revise que el billete no sea falso (marca de agua, hilo, relieve)",
        "{handed} handed: check the bill is not fake (watermark, thread, raised print)",
    ),
    "money.kind.bill": ("billete", "bill"),
    "money.kind.coin": ("moneda", "coin"),
}
