"""Words of the printed slips (the customer's ticket, a deferred sale's slip, money back, the
cash close), of printing on the screens, and of the ``[printer]`` section of the config."""

WORDS = {
    # --- the config's [printer] section ---
    "config.expect.printer.kind": (
        'uno de "none", "usb", "serial", "network", "cups" o "file"',
        'one of "none", "usb", "serial", "network", "cups" or "file"',
    ),
    "config.expect.printer.usb_id": (
        "el número del dispositivo como lo muestra lsusb, por ejemplo 0x0416",
        "the device's number as lsusb shows it, for example 0x0416",
    ),
    "config.expect.printer.baudrate": (
        "una velocidad de 1200 a 115200, como 9600 o 19200",
        "a speed from 1200 to 115200, like 9600 or 19200",
    ),
    "config.expect.printer.port": ("un puerto de 1 a 65535 (casi siempre 9100)",
                                   "a port from 1 to 65535 (almost always 9100)"),
    "config.expect.printer.paper": ("58 o 80 (milímetros de ancho del papel)",
                                    "58 or 80 (the paper's width in millimetres)"),
    "config.expect.printer.code_page": (
        'una página de códigos para español: "CP858", "CP850", "CP437", "CP1252" o '
        '"ISO_8859-15"',
        'a code page for Spanish: "CP858", "CP850", "CP437", "CP1252" or "ISO_8859-15"',
    ),
    "config.expect.printer.when": (
        '"auto" (al confirmarse la venta) o "key" (con la tecla P)',
        '"auto" (as the sale is confirmed) or "key" (on the P key)',
    ),
    "config.expect.printer.codes": ('"none", "qr" o "barcode"', '"none", "qr" or "barcode"'),
    "config.expect.printer.timeout": ("segundos, más de 0 y hasta 120",
                                      "seconds, above 0 and up to 120"),
    "config.expect.bool": ("true o false", "true or false"),
    "config.expect.string": ("un texto entre comillas", "a quoted text"),
    "config.expect.printer.needs.usb": (
        "los números usb_vendor_id y usb_product_id de la impresora (lsusb los muestra)",
        "the printer's usb_vendor_id and usb_product_id (lsusb shows them)",
    ),
    "config.expect.printer.needs.serial": (
        'el puerto de la impresora, como "/dev/ttyUSB0" o "COM3"',
        'the printer\'s port, like "/dev/ttyUSB0" or "COM3"',
    ),
    "config.expect.printer.needs.network": (
        'la dirección de la impresora en la red, como "192.168.1.50"',
        'the printer\'s address on the network, like "192.168.1.50"',
    ),
    "config.expect.printer.needs.cups": (
        "el nombre de la impresora en CUPS (lpstat -p los muestra)",
        "the printer's name in CUPS (lpstat -p shows them)",
    ),
    "config.expect.printer.needs.file": (
        'el archivo o dispositivo donde escribir, como "/dev/usb/lp0"',
        'the file or device to write to, like "/dev/usb/lp0"',
    ),
    "journal.history.bad_event": (
        "el evento {event} no se entiende",
        "event {event} cannot be read",
    ),
    # --- on the paper ---
    "print.terminal": ("Terminal {terminal}", "Terminal {terminal}"),
    "print.sale_title": ("RECARGA ELECTRÓNICA", "PREPAID TOP-UP"),
    "print.reprint": ("REIMPRESIÓN", "REPRINT"),
    "print.reprinted_at": ("Reimpreso el {time}", "Reprinted on {time}"),
    "print.date": ("Fecha ", "Date "),
    "print.product": ("Producto ", "Product "),
    "print.found_in_report": (
        "Comprobada en el reporte de ventas el {time}.",
        "Proven in the sales report on {time}.",
    ),
    "print.no_claims": (
        "Una vez aceptado el número, no se aceptan reclamaciones por error en el número o la "
        "compañía.",
        "Once the number was accepted, no claim for a wrong number or company is accepted.",
    ),
    "print.thanks": ("¡Gracias por su compra!", "Thank you!"),
    "print.deferred_title": ("RECARGA PAGADA, POR ENVIAR", "TOP-UP PAID, TO BE SENT"),
    "print.paid_at": ("Pagada ", "Paid "),
    "print.paid": ("Pagó ", "Paid "),
    "print.promised": ("Se envía a más tardar ", "Sent by "),
    "print.deferred_promise": (
        "El sistema está lento. Su pago quedó registrado: la recarga se envía en cuanto el "
        "sistema se normalice. Si no se pudo hacer, se le devuelve su dinero ({amount}) con "
        "este comprobante.",
        "The system is slow. Your payment is recorded: the top-up is sent as soon as the "
        "system is normal. If it could not be done, your money ({amount}) is given back on "
        "this slip.",
    ),
    "print.not_the_topup": (
        "Este comprobante no es la recarga: guárdelo hasta recibirla.",
        "This slip is not the top-up: keep it until you receive it.",
    ),
    "print.money_back_title": ("DEVOLUCIÓN DE DINERO", "MONEY GIVEN BACK"),
    "print.returned": ("Devuelto ", "Given back "),
    "print.money_back_why": (
        "La recarga no llegó a la compañía: se le devolvió su dinero completo.",
        "The top-up never reached the company: your money was given back in full.",
    ),
    "print.close_title": ("CORTE DE CAJA {kind}", "CASH CLOSE {kind}"),
    # --- the keys ---
    "key.print_ticket": ("Imprimir", "Print"),
    "key.preview_ticket": ("Ver ticket", "See ticket"),
    "key.reprint": ("Reimprimir", "Reprint"),
    "key.print_slip": ("Comprobante", "Slip"),
    "key.print_close": ("Ticket", "Ticket"),
    "key.close_preview": ("Cerrar", "Close"),
    # --- on the screen ---
    "print.printing": ("Imprimiendo…", "Printing…"),
    "print.done": ("Impreso en {where}.", "Printed to {where}."),
    "print.busy_here": ("Ya se está imprimiendo: espere un momento.",
                        "Already printing: wait a moment."),
    "print.only_confirmed": (
        "Solo se imprime el ticket de una recarga realizada.",
        "Only a top-up that was done has a ticket to print.",
    ),
    "print.preview_title": ("Así sale el ticket ({columns} columnas):",
                            "The ticket as it prints ({columns} columns):"),
    "print.no_printer": (
        "No hay impresora configurada ([printer] en la configuración): dé al cliente el "
        "folio de la compañía.",
        "No printer is set ([printer] in the config): give the customer the carrier folio.",
    ),
    "print.sale_is_done": (
        "La venta ya está hecha y no se vuelve a enviar. Cuando la impresora esté lista, "
        "oprima {key} para imprimir otra vez.",
        "The sale is done and is not sent again. Once the printer is ready, press {key} to "
        "print again.",
    ),
    "print.fail.missing": (
        "No se encontró la impresora ({where}).",
        "The printer was not found ({where}).",
    ),
    "print.next.missing": (
        "Revise que esté encendida y su cable conectado (USB, red o serial).",
        "Check that it is on and its cable plugged in (USB, network or serial).",
    ),
    "print.fail.permission": (
        "Esta computadora no tiene permiso de usar la impresora ({where}).",
        "This computer has no permission to use the printer ({where}).",
    ),
    "print.next.permission": (
        "Quien instaló la app debe dar el permiso (ver docs/instalacion.md, impresora).",
        "Whoever installed the app must grant it (see docs/instalacion.md, printer).",
    ),
    "print.fail.not_answering": (
        "La impresora no responde ({where}).",
        "The printer does not answer ({where}).",
    ),
    "print.next.not_answering": (
        "Revise que esté encendida, con la tapa cerrada y sin luz de error; apáguela y "
        "préndala si hace falta.",
        "Check that it is on, its lid closed and no error light; switch it off and on if "
        "needed.",
    ),
    "print.fail.no_paper": ("La impresora no tiene papel.", "The printer is out of paper."),
    "print.next.no_paper": ("Ponga un rollo nuevo y cierre la tapa.",
                            "Put in a new roll and close the lid."),
    "print.fail.stopped": (
        "La impresora se detuvo a medio ticket: salió incompleto.",
        "The printer stopped halfway: the ticket came out incomplete.",
    ),
    "print.next.stopped": (
        "Revise el papel (atorado o terminado) y la tapa; tire el pedazo incompleto.",
        "Check the paper (jammed or out) and the lid; throw the incomplete piece away.",
    ),
    "print.fail.no_driver": (
        "Falta en esta computadora el programa para esa impresora.",
        "This computer lacks the software for that printer.",
    ),
    "print.next.no_driver": (
        "Quien instaló la app debe instalarlo (ver docs/instalacion.md, impresora).",
        "Whoever installed the app must install it (see docs/instalacion.md, printer).",
    ),
    "print.fail.busy": (
        "La impresora sigue ocupada con el ticket anterior.",
        "The printer is still busy with the last ticket.",
    ),
    "print.next.busy": (
        "Espere a que termine o apáguela y préndala.",
        "Wait for it to finish, or switch it off and on.",
    ),
    "print.fail.unexpected": (
        "No se pudo imprimir ({where}).",
        "It could not be printed ({where}).",
    ),
    "print.next.unexpected": (
        "Revise la impresora; si sigue fallando, llame a quien la instaló.",
        "Check the printer; if it keeps failing, call whoever installed it.",
    ),
}
