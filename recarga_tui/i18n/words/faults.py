"""Words about failures: the five origins (R01), what each means and the next step."""

WORDS = {
    "fault.heading": (
        "Origen de la falla: {origin}",
        "Where it failed: {origin}",
    ),
    "fault.consumer.name": ("el cliente", "the customer"),
    "fault.consumer.what": (
        "El número o la compañía no reciben la recarga: número equivocado, "
        "de otra compañía o que no puede recibirla",
        "The number or the company cannot take the top-up: a wrong number, "
        "another company's number or one that cannot receive it",
    ),
    "fault.consumer.next": (
        "Revise con el cliente el número y la compañía, y léale el número otra vez en voz alta",
        "Check the number and the company with the customer, and read the number back aloud again",
    ),
    "fault.shop.name": ("esta tienda", "this shop"),
    "fault.shop.what": (
        "La falla es de este lado: el saldo, las claves, esta computadora o su internet",
        "The failure is on this side: the balance, the passwords, this computer or its internet",
    ),
    "fault.shop.next": (
        "Revise su saldo y su conexión a internet; si sigue fallando, llame a la mesa de control",
        "Check your balance and your internet connection; if it keeps failing, "
        "call the control desk",
    ),
    "fault.dealer.name": ("el distribuidor", "the distributor"),
    "fault.dealer.what": (
        "El sistema del distribuidor falló o no respondió",
        "The distributor's system failed or did not answer",
    ),
    "fault.dealer.next": (
        "Antes de todo, busque la venta en el reporte de ventas (puede tardar hasta 10 minutos "
        "en aparecer): si aparece, ya está hecha; si no, se intenta otra vez. "
        "Si sigue fallando, llame a la mesa de control",
        "Before anything, look the sale up in the sales report (it can take up to 10 minutes "
        "to show): if it is there, it is done; if not, it is tried again. "
        "If it keeps failing, call the control desk",
    ),
    "fault.network.name": ("la red de distribución (central)", "the distribution network (central)"),
    "fault.network.what": (
        "La red central que lleva las recargas a las compañías falló o está lenta",
        "The central network that carries top-ups to the companies failed or is slow",
    ),
    "fault.network.next": (
        "Espere unos minutos y busque la venta en el reporte de ventas antes de intentar otra vez; "
        "si sigue fallando, llame a la mesa de control",
        "Wait a few minutes and look the sale up in the sales report before trying again; "
        "if it keeps failing, call the control desk",
    ),
    "fault.carrier.name": ("la compañía celular", "the phone company"),
    "fault.carrier.what": (
        "La compañía celular (Telcel, Movistar, AT&T...) rechazó la recarga o está saturada",
        "The phone company (Telcel, Movistar, AT&T...) refused the top-up or is saturated",
    ),
    "fault.carrier.next": (
        "Dígale al cliente la verdad: ofrezca anotar su número y enviarla en cuanto el sistema "
        "se normalice (cerca de una hora), o que regrese más tarde; "
        "si no se envió nada, devuélvale su dinero",
        "Tell the customer the truth: offer to note the number and send it once the system is "
        "normal (about an hour), or to come back later; "
        "if nothing was sent, give the money back",
    ),
    "fault.definite.next": (
        "No llegó nada a la compañía: si ya cobró, puede intentar otra vez o devolver el dinero",
        "Nothing reached the company: if you were paid, you may try again or give the money back",
    ),
    "fault.unknown.next": (
        "No se sabe aún si la recarga llegó: no la envíe otra vez ni devuelva el dinero "
        "hasta revisarla en el reporte de ventas",
        "It is not known yet whether the top-up arrived: do not send it again or give the money "
        "back until it was checked in the sales report",
    ),
}
