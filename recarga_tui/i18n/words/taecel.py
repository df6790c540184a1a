"""Words for what only Taecel answers: its 10-minute guard, codes this version does not know."""

WORDS = {
    "dealer.taecel.recent_topup": (
        "El distribuidor no la tomó: ese número se recargó hace menos de 10 minutos, tal vez "
        "con esta misma venta",
        "The dealer did not take it: that number was topped up less than 10 minutes ago, "
        "maybe by this very sale",
    ),
    "dealer.taecel.unknown_code": (
        "El distribuidor respondió con un error que esta versión no conoce: no se sabe si la "
        "recarga llegó",
        "The dealer answered with an error this version does not know: it is not known "
        "whether the top-up arrived",
    ),
    "dealer.taecel.unclear": (
        "La respuesta del distribuidor no dice si la recarga llegó",
        "The dealer's answer does not say whether the top-up arrived",
    ),
    "dealer.taecel.query_refused": (
        "El distribuidor no contestó la consulta: {dealer_message}",
        "The dealer did not answer the query: {dealer_message}",
    ),
    "dealer.taecel.in_progress": (
        "La compañía todavía no contesta si la recarga llegó; se revisa sola en el reporte",
        "The carrier has not answered yet whether the top-up arrived; it is checked by itself "
        "in the report",
    ),
    "dealer.taecel.no_credentials": (
        "Falta la llave (key) o el NIP de Taecel: escriba el NIP, o póngalos en la "
        "configuración o en RECARGA_TAECEL_KEY y RECARGA_TAECEL_NIP",
        "Taecel's key or NIP is missing: type the NIP, or set them in the config or in "
        "RECARGA_TAECEL_KEY and RECARGA_TAECEL_NIP",
    ),
    "dealer.taecel.bad_credentials": (
        "Taecel no aceptó la llave (key) o el NIP: {dealer_message}",
        "Taecel did not accept the key or the NIP: {dealer_message}",
    ),
    "dealer.taecel.period_too_long": (
        "El reporte de ventas de Taecel se pide día por día: a lo más {days} días",
        "Taecel's sales report is asked day by day: {days} days at the most",
    ),
}
