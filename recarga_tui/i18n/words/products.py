"""Words worded for what is sold: a bundle or a bill payment is named as what it is on the
receipt, the ticket, the check and the cash close (``i18n.tc``: ``<key>.<category>`` where a
category has its own words, else the airtime words of ``<key>``)."""

WORDS = {
    # --- the receipt on screen ---
    "receipt.title.bundle": ("Paquete vendido", "Bundle sold"),
    "receipt.title.bill": ("Pago de servicio realizado", "Bill paid"),
    "receipt.time.bundle": ("Hora de la venta", "Time of the sale"),
    "receipt.time.bill": ("Hora del pago", "Time of the payment"),
    "receipt.carrier_folio.bill": ("Folio del servicio", "Service folio"),
    "receipt.product": ("Producto", "Product"),
    "receipt.validity": ("Vigencia", "Valid for"),
    "receipt.tell_customer.bill": (
        "Dé al cliente el folio del servicio. Enter para terminar.",
        "Give the customer the service folio. Enter to finish.",
    ),
    # --- the customer's ticket ---
    "print.sale_title.bundle": ("VENTA DE PAQUETE", "DATA BUNDLE"),
    "print.sale_title.bill": ("PAGO DE SERVICIO", "BILL PAYMENT"),
    "print.validity": ("Vigencia ", "Valid for "),
    "print.no_claims.bundle": (
        "Una vez aceptado el número, no se aceptan reclamaciones por error en el número, la "
        "compañía o el paquete.",
        "Once the number was accepted, no claim for a wrong number, company or bundle is "
        "accepted.",
    ),
    "print.no_claims.bill": (
        "Una vez aceptada la referencia, no se aceptan reclamaciones por error en la "
        "referencia, el servicio o el importe.",
        "Once the reference was accepted, no claim for a wrong reference, service or amount "
        "is accepted.",
    ),
    # --- the check of a lost answer ---
    "check.title.bundle": (
        "Paquete de {amount} al {number}", "{amount} bundle to {number}"),
    "check.title.bill": (
        "Pago de {amount} a la referencia {number}", "{amount} payment to reference {number}"),
    # --- capture ---
    "sale.bad_amount.bill": (
        "El importe del pago debe ser mayor que cero",
        "The payment's amount must be above zero",
    ),
    "readback.what_bill_plain": ("{carrier} · importe {amount}", "{carrier} · amount {amount}"),
    # --- the cash close: more than airtime was sold ---
    "close.print.by_carrier.mixed": (
        "Ventas realizadas, por compañía o servicio:",
        "Sales done, by company or service:",
    ),
    "close.print.col.company.mixed": ("Compañía o servicio", "Company or service"),
}
