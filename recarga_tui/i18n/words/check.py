"""Words of the lost answers: the check in the sales report (R16, R19), the pending list,
deferred sales (R17), and what the recovery at start did."""

WORDS = {
    # --- keys in the footer ---
    "key.send_again": ("Enviar otra vez", "Send again"),
    "key.send_as_new": ("Como venta nueva", "As a new sale"),
    "key.keep_checking": ("Al inicio", "To home"),
    "key.pending": ("Pendientes", "Pending"),
    "key.open_sale": ("Abrir", "Open"),
    "key.new_promise": ("Nueva hora", "New time"),
    "key.row_up": ("Subir", "Up"),
    "key.row_down": ("Bajar", "Down"),
    "key.pick_row": ("Fila", "Row"),
    # --- the check screen ---
    "check.title": (
        "Recarga de {amount} al {number}",
        "{amount} top-up to {number}",
    ),
    "check.unknown": (
        "Puede que sí haya llegado: NO la envíe otra vez y NO devuelva el dinero todavía.",
        "It may have arrived: do NOT send it again and do NOT give the money back yet.",
    ),
    # After an answer that came but does not settle it (its words say it may have arrived).
    "check.unknown_answered": (
        "NO la envíe otra vez ni devuelva el dinero todavía.",
        "Do NOT send it again nor give the money back yet.",
    ),
    # What came back from the dealer, said as it was (one of four, domain.faults.Heard).
    "check.heard.nothing": ("No llegó respuesta.", "No answer came."),
    "check.heard.unreadable": (
        "Llegó una respuesta que no se pudo leer o no es de esta venta.",
        "An answer came that could not be read or is not about this sale.",
    ),
    "check.heard.error": (
        "El distribuidor contestó con un error que no dice si se hizo.",
        "The distributor answered with an error that does not say whether it was made.",
    ),
    "check.heard.in_progress": (
        "El distribuidor la tiene en proceso: la compañía no contesta aún.",
        "The distributor has it in progress: the carrier has not answered yet.",
    ),
    "check.countdown": (
        "Se busca hasta las {time} (faltan {left}).",
        "Looking until {time} ({left} left).",
    ),
    "check.window_passed": (
        "Se buscó hasta las {time} (intento {attempt}).",
        "Looked for it until {time} (attempt {attempt}).",
    ),
    "check.tried_none": ("Revisando…", "Checking…"),
    "check.tried": ("Revisado a las {time}: {what}", "Checked at {time}: {what}"),
    "check.tried.report": ("reporte de ventas: {result}", "sales report: {result}"),
    "check.tried.lookup": ("{by}: {result}", "{by}: {result}"),
    "check.result.absent": ("no aparece todavía", "not there yet"),
    "check.result.not_visible": ("no aparece todavía", "not there yet"),
    "check.result.pending": (
        "la compañía aún no contesta", "the carrier has not answered yet"),
    "check.result.dealer_unknown": (
        "el distribuidor aún no sabe", "the distributor does not know yet"),
    "check.result.unreachable": (
        "sin conexión con el distribuidor", "no connection to the distributor"),
    "check.result.unreadable": (
        "su respuesta no se pudo leer", "its answer could not be read"),
    "check.result.dealer_error": (
        "el distribuidor contestó con un error", "the distributor answered with an error"),
    "check.result.login": (
        "hay que entrar otra vez con la contraseña", "the password is needed again"),
    "check.result.found": ("encontrada", "found"),
    "check.result.failed": ("no se hizo", "not made"),
    "check.say_this": ("Dígale al cliente:", "Tell the customer:"),
    "check.script_unknown": (
        "«El sistema no me confirmó todavía. Puede que ya le haya llegado; a las {time} sé con "
        "seguridad. Si no llegó, la envío otra vez o le devuelvo su dinero.»",
        "«The system has not confirmed it yet. It may have reached you already; by {time} I "
        "will know for sure. If it did not arrive, I send it again or give you your money "
        "back.»",
    ),
    "check.script_not_found": (
        "«No le llegó: el sistema nunca la recibió. Si gusta la envío otra vez ahora, o le "
        "devuelvo su dinero.»",
        "«It did not reach you: the system never received it. If you like I send it again "
        "now, or I give you your money back.»",
    ),
    "check.keys_unknown": (
        "Enter: al inicio (la app sigue buscando; la venta queda en Pendientes, F3)",
        "Enter: home (the app keeps looking; the sale stays in Pending, F3)",
    ),
    "check.too_soon": (
        "Todavía no: puede aparecer hasta las {time}. Enviarla otra vez o devolver el dinero "
        "antes podría cobrarle dos veces o regalar una recarga que sí llegó.",
        "Not yet: it may still show until {time}. Sending it again or giving the money back "
        "before could charge twice or give away a top-up that did arrive.",
    ),
    "check.refunded": (
        "Devuelva {amount} al cliente. La recarga nunca llegó al distribuidor.",
        "Give {amount} back to the customer. The top-up never reached the distributor.",
    ),
    # --- the pending list ---
    "pending.title": ("Ventas pendientes", "Pending sales"),
    "pending.none": (
        "No hay ventas pendientes. Todas están terminadas.",
        "No sales pending. All of them are finished.",
    ),
    "pending.col.state": ("Estado", "State"),
    "pending.col.number": ("Número", "Number"),
    "pending.col.amount": ("Monto", "Amount"),
    "pending.col.age": ("Hace", "Ago"),
    "pending.col.next": ("Qué sigue", "Next step"),
    "pending.hint": (
        "Flechas y Enter, o el número de la fila, para abrir una venta.",
        "Arrows and Enter, or the row's number, to open a sale.",
    ),
    "pending.age": ("{minutes} min", "{minutes} min"),
    "pending.state.paid": ("Cobrada", "Paid"),
    "pending.state.deferred": ("Para después", "Send later"),
    "pending.state.sending": ("Enviándose", "Sending"),
    "pending.state.unknown": ("Sin respuesta", "No answer"),
    "pending.state.not_found": ("No llegó", "Never arrived"),
    "pending.state.rejected": ("Rechazada", "Rejected"),
    "pending.next.paid": ("enviar, después o devolver", "send, later or give back"),
    "pending.next.deferred": ("sale sola; prometida {time}", "goes by itself; promised {time}"),
    "pending.next.overdue": ("¡pasó {time}! devolver", "{time} passed! give back"),
    "pending.next.sending": ("esperando respuesta", "waiting for the answer"),
    "pending.next.unknown": ("buscando, faltan {minutes} min", "looking, {minutes} min left"),
    "pending.next.rejected": ("devolver o corregir", "give back or correct"),
    "pending.sending": (
        "Esa venta se está enviando: espere la respuesta.",
        "That sale is being sent: wait for the answer.",
    ),
    # --- a paid sale not sent, or deferred ---
    "waiting.paid_title": (
        "Cobrada y sin enviar: {amount} al {number}",
        "Paid and not sent: {amount} to {number}",
    ),
    "waiting.deferred_title": (
        "Para enviar después: {amount} al {number}, prometida a las {time}",
        "To send later: {amount} to {number}, promised by {time}",
    ),
    "waiting.paid_body": (
        "El dinero está cobrado y no se envió nada. Envíela ahora, déjela para después, o "
        "devuelva el dinero.",
        "The money is collected and nothing was sent. Send it now, leave it for later, or "
        "give the money back.",
    ),
    "waiting.deferred_body": (
        "La app la envía sola en cuanto el sistema esté normal. Si el cliente regresa, puede "
        "enviarla ahora o devolverle el dinero.",
        "The app sends it by itself as soon as the system is normal. If the customer comes "
        "back, you may send it now or give the money back.",
    ),
    "waiting.overdue": (
        "La hora prometida ya pasó y no se pudo enviar. Ofrezca devolver el dinero: «No se "
        "pudo hacer su recarga; aquí está su dinero.»",
        "The promised time passed and it could not be sent. Offer the money back: «Your "
        "top-up could not be made; here is your money.»",
    ),
    "choices.read_only": (
        "Copia de consulta: esta venta se decide en la copia del mostrador.",
        "Look-only copy: this sale is decided on the counter's copy.",
    ),
    "read_only.key": (
        "Copia de consulta: aquí no se vende, no se imprime y no se escribe nada. Hágalo en "
        "la copia del mostrador.",
        "Look-only copy: nothing is sold, printed or written here. Do it on the counter's "
        "copy.",
    ),
    "waiting.choices_offline": (
        "D: enviar después · R: devolver el dinero · F9: regresar · para enviarla ahora, entre "
        "(F2 en el inicio)",
        "D: send later · R: give the money back · F9: back · to send it now, log in (F2 at "
        "home)",
    ),
    "waiting.choices": (
        "E: enviar ahora · D: enviar después · R: devolver el dinero · F9: regresar",
        "E: send now · D: send later · R: give the money back · F9: back",
    ),
    "waiting.deferred": (
        "Prometida para las {time}: la app la envía sola cuando el sistema esté normal.",
        "Promised by {time}: the app sends it by itself when the system is normal.",
    ),
    "waiting.refunded": (
        "Devuelva {amount} al cliente. No se envió nada.",
        "Give {amount} back to the customer. Nothing was sent.",
    ),
    # --- told while the cashier does something else ---
    "lost.written": (
        "Ya quedó anotada en el cuaderno la venta de {amount} al {number}.",
        "The sale of {amount} to {number} is written in the notebook now.",
    ),
    "check.result.no_key": (
        "sin el folio del distribuidor, se busca en el reporte",
        "without the distributor's id, looked for in the report"),
    "check.result.no_key.no_report": (
        "sin el folio del distribuidor no se puede preguntar",
        "without the distributor's id it cannot be asked"),
    "check.result.ambiguous": (
        "dos o más ventas del reporte podrían ser esta; no se adivina",
        "two or more sales of the report could be this one; none is guessed"),
    "check.candidates": (
        "Ventas al mismo número, producto e importe: {times}. Pregunte al distribuidor cuál "
        "es esta (Soporte).",
        "Sales to the same number, product and amount: {times}. Ask the distributor which is "
        "this one (Support).",
    ),
    "check.result.mismatch": (
        "el distribuidor mostró otra venta", "the distributor showed another sale"),
    "lost.confirmed": (
        "Sí llegó: {amount} al {number}, folio {folio}. Dígaselo al cliente si regresa.",
        "It arrived: {amount} to {number}, folio {folio}. Tell the customer if they come back.",
    ),
    "lost.deferred_confirmed": (
        "Se envió la recarga pendiente: {amount} al {number}, folio {folio}. Avise al cliente.",
        "The pending top-up was sent: {amount} to {number}, folio {folio}. Tell the customer.",
    ),
    "lost.rejected": (
        "No se hizo la recarga de {amount} al {number}: devuelva el dinero (Pendientes, F3).",
        "The {amount} top-up to {number} was not made: give the money back (Pending, F3).",
    ),
    "lost.not_found": (
        "La recarga de {amount} al {number} nunca llegó: envíela otra vez o devuelva el dinero "
        "(Pendientes, F3).",
        "The {amount} top-up to {number} never arrived: send it again or give the money back "
        "(Pending, F3).",
    ),
    "lost.promise_passed": (
        "Pasó la hora prometida ({time}) de la recarga al {number} y no se pudo enviar: "
        "ofrezca devolver el dinero (Pendientes, F3).",
        "The promised time ({time}) of the top-up to {number} passed unsent: offer the money "
        "back (Pending, F3).",
    ),
    # --- the recovery at start ---
    "recovery.interrupted": (
        "La app se cerró mientras enviaba esta recarga: no se sabe si llegó.",
        "The app closed while sending this top-up: nobody knows yet whether it arrived.",
    ),
    "recovery.interrupted_sales": (
        "Al abrir: {count} ventas se estaban enviando cuando la app se cerró; se le pregunta "
        "al distribuidor por ellas.",
        "At start: {count} sales were being sent when the app closed; the distributor is being "
        "asked about them.",
    ),
    "recovery.interrupted_sales.one": (
        'Al abrir: 1 venta se estaba enviando cuando la app se cerró; se le pregunta al '
        'distribuidor por ella.',
        'At start: 1 sale was being sent when the app closed; the distributor is being asked '
        'about it.',
    ),
    "recovery.abandoned_sales": (
        "Al abrir: {count} ventas sin cobrar quedaron cerradas; no se debe nada.",
        "At start: {count} unpaid sales were closed; nothing is owed.",
    ),
    "recovery.abandoned_sales.one": (
        'Al abrir: 1 venta sin cobrar quedó cerrada; no se debe nada.',
        'At start: 1 unpaid sale was closed; nothing is owed.',
    ),
    "recovery.carried_sales": (
        "Al abrir: {count} ventas rechazadas pasaron su dinero a la venta corregida.",
        "At start: {count} rejected sales carried their money to the corrected sale.",
    ),
    "recovery.carried_sales.one": (
        'Al abrir: 1 venta rechazada pasó su dinero a la venta corregida.',
        'At start: 1 rejected sale carried its money to the corrected sale.',
    ),
    "recovery.waiting_sales": (
        "Al abrir: {count} ventas cobradas sin enviar: envíelas, déjelas para después o "
        "devuelva el dinero (Pendientes, F3).",
        "At start: {count} paid sales not sent: send, leave for later or give the money back "
        "(Pending, F3).",
    ),
    "recovery.waiting_sales.one": (
        'Al abrir: 1 venta cobrada sin enviar: envíela, déjela para después o devuelva el dinero (Pendientes, F3).',
        'At start: 1 paid sale not sent: send it, leave it for later or give the money back (Pending, F3).',
    ),
}
