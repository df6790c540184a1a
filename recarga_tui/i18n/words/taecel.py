"""Words for what only Taecel answers: its 10-minute guard, codes this version does not know."""

WORDS = {
    "dealer.taecel.recent_topup": (
        "El distribuidor no tomó la recarga: ese número se recargó hace menos de 10 minutos. "
        "Puede ser la recarga que acaba de enviar: búsquela en el reporte de ventas antes de "
        "enviarla otra vez o devolver el dinero",
        "The dealer did not take the top-up: that number was topped up less than 10 minutes "
        "ago. It may be the top-up just sent: look for it in the sales report before sending "
        "it again or giving the money back",
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
}
