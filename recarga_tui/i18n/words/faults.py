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
    "fault.consumer.next_query": (
        "Revise los datos con el cliente e intente de nuevo",
        "Check the data with the customer and try again",
    ),
    "fault.shop.next_query": (
        "Revise el internet de esta computadora y los datos de acceso; si sigue fallando, "
        "llame a la mesa de control",
        "Check this computer's internet and the log-in details; if it keeps failing, "
        "call the control desk",
    ),
    "fault.dealer.next_query": (
        "Intente de nuevo en unos minutos; si sigue fallando, llame a la mesa de control",
        "Try again in a few minutes; if it keeps failing, call the control desk",
    ),
    "fault.network.next_query": (
        "Primero revise si la tienda tiene internet (abra una página conocida). Si no tiene, "
        "es el internet de la tienda. Si sí tiene, no contesta el distribuidor o su red: "
        "llame a la mesa de control (F9 en el inicio)",
        "First check whether the shop has internet (open a well-known page). If it has none, "
        "it is the shop's internet. If it has, the distributor or its network does not answer: "
        "call the control desk (F9 at home)",
    ),
    "fault.carrier.next_query": (
        "La compañía no contesta ahorita; intente más tarde",
        "The phone company does not answer right now; try later",
    ),
    "fault.rejected.invalid": (
        "Algún dato no sirve: revise con el cliente el número y la compañía y corrija la venta "
        "(C), o devuélvale su dinero (R)",
        "Some data is not valid: check the number and the company with the customer and correct "
        "the sale (C), or give the money back (R)",
    ),
    "fault.rejected.refused": (
        "No se puede hacer así: no la envíe otra vez igual. Corrija los datos con el cliente "
        "(C) o devuélvale su dinero (R)",
        "It cannot be made as it is: do not send it the same way again. Correct the data with "
        "the customer (C) or give the money back (R)",
    ),
    "fault.rejected.transient": (
        "Es pasajero: la compañía o el sistema no la reciben ahorita. Dígale la verdad al "
        "cliente: puede regresar más tarde (se captura de nuevo con el dinero ya cobrado, C) o "
        "llevarse su dinero (R)",
        "It is passing: the company or the system is not taking it right now. Tell the customer "
        "the truth: they may come back later (captured again with the money already paid, C) or "
        "take their money back (R)",
    ),
    "fault.none.next": (
        "Esto no tiene que ver con ninguna recarga",
        "This concerns no top-up",
    ),
    "fault.definite.next": (
        "No llegó nada a la compañía: si ya cobró, puede intentar otra vez o devolver el dinero",
        "Nothing reached the company: if you were paid, you may try again or give the money back",
    ),
    "fault.unknown.next": (
        "No se sabe aún si la recarga llegó: no la envíe otra vez ni devuelva el dinero "
        "hasta que la app la haya revisado con el distribuidor",
        "It is not known yet whether the top-up arrived: do not send it again or give the money "
        "back until the app has checked it with the distributor",
    ),
}
