"""Words of the cash close (F8): the corte de caja of a day or a shift."""

WORDS = {
    "key.cash_close": ("Corte", "Close"),
    "key.today": ("Hoy", "Today"),
    "key.shift": ("Turno", "Shift"),
    "key.login_shift": ("Entrada", "Login"),
    "key.print": ("Imprimir", "Print"),
    "key.apply": ("Aplicar", "Apply"),
    "close.since_label": ("Turno desde (HH:MM):", "Shift from (HH:MM):"),
    "close.type_time": (
        "Escriba la hora en que empezó el turno, como 14:00, y oprima Enter.",
        "Type the time the shift started, like 14:00, and press Enter.",
    ),
    "close.bad_time": (
        "«{text}» no es una hora: escríbala como 14:00.",
        "«{text}» is not a time: type it like 14:00.",
    ),
    "close.future_time": (
        "Las {text} todavía no llegan: escriba una hora ya pasada de hoy.",
        "{text} has not come yet: type a time of today already past.",
    ),
    "close.no_login_time": (
        "No se sabe a qué hora entró: use T para escribir la hora del turno.",
        "The login time is not known: use T to type the shift's start.",
    ),
    "close.kind.day": ("DEL DÍA", "OF THE DAY"),
    "close.kind.shift": ("DEL TURNO", "OF THE SHIFT"),
    "close.print.title": (
        "CORTE DE CAJA {kind} · {shop} · Terminal {terminal}",
        "CASH CLOSE {kind} · {shop} · Terminal {terminal}",
    ),
    "close.print.title_unnamed": (
        "CORTE DE CAJA {kind} · Terminal {terminal}",
        "CASH CLOSE {kind} · Terminal {terminal}",
    ),
    "close.print.period": ("Desde {start} hasta {end}", "From {start} to {end}"),
    "close.print.by_carrier": (
        "Recargas realizadas, por compañía:", "Top-ups done, by company:"),
    "close.print.col.company": ("Compañía", "Company"),
    "close.print.by_category": (
        "Por categoría (cada una cuadra por sí sola):",
        "By category (each one balances on its own):"),
    "close.print.col.done": ("Realizadas", "Done"),
    "close.print.col.owed": ("Sin confirmar", "Not confirmed"),
    "close.print.col.drawer": ("En caja", "In the drawer"),
    "close.print.col.count": ("Cantidad", "Count"),
    "close.print.col.total": ("Total", "Total"),
    "close.print.none": ("ninguna", "none"),
    "close.print.total": ("Total", "Total"),
    "close.print.cash_taken": ("Efectivo recibido", "Cash taken"),
    "close.print.change_given": ("Cambio entregado", "Change given"),
    "close.print.given_back": ("Dinero devuelto a clientes", "Money given back"),
    "close.print.drawer": ("DEBE HABER EN CAJA", "THE DRAWER MUST HOLD"),
    "close.print.carried_in": (
        "  de ello, pagado en ventas de antes",
        "  of which paid in earlier sales",
    ),
    "close.print.carried_out": (
        "  de ello, pasado a ventas de después",
        "  of which carried to later sales",
    ),
    "close.print.owed": (
        "Sin confirmar (sin respuesta, para después...): {count}, {total} en caja que son del "
        "cliente hasta confirmarse o devolverse:",
        "Not confirmed (no answer, deferred...): {count}, {total} in the drawer that belong to "
        "the customer until confirmed or given back:",
    ),
    "close.print.owed.one": (
        "Sin confirmar (sin respuesta, para después...): 1, {total} en caja que es del "
        "cliente hasta confirmarse o devolverse:",
        "Not confirmed (no answer, deferred...): 1, {total} in the drawer that belongs to "
        "the customer until confirmed or given back:",
    ),
    "close.print.owed_none": (
        "Sin confirmar: ninguna. Todo lo cobrado está confirmado o devuelto.",
        "Not confirmed: none. Everything paid is confirmed or given back.",
    ),
    "close.print.refunded": ("Ventas devueltas: {count}", "Sales given back: {count}"),
    "close.print.used_journal": (
        "Saldo usado según el cuaderno",
        "Balance used per the notebook",
    ),
    "close.print.used_statement": (
        "Saldo usado según el estado de cuenta",
        "Balance used per the statement",
    ),
    "close.print.used_unknown": (
        "Estado de cuenta: esperando al distribuidor…",
        "Statement: waiting for the distributor…",
    ),
    "close.print.used_offline": (
        "Estado de cuenta: sin conexión con el distribuidor; compárelo cuando haya conexión.",
        "Statement: not connected to the distributor; compare it once connected.",
    ),
    "close.print.used_same": (
        "El cuaderno y el estado de cuenta coinciden.",
        "The notebook and the statement agree.",
    ),
    "close.print.used_diff": (
        "DIFERENCIA (revise el reporte, F4)",
        "DIFFERENCE (check the report, F4)",
    ),
    "close.print.unbalanced": (
        "LAS CUENTAS NO CUADRAN: anote este corte y llame a la mesa de control.",
        "THE TOTALS DO NOT ADD UP: keep this close and call the control desk.",
    ),
    "close.written": (
        "Corte guardado en {text} (y {csv} para hoja de cálculo). Imprímalo desde ahí.",
        "Close saved to {text} (and {csv} for a spreadsheet). Print it from there.",
    ),
    "close.write_failed": (
        "No se pudo guardar el corte (origen: punto de venta): {reason}. Revise el disco.",
        "The close could not be saved (origin: shop): {reason}. Check the disk.",
    ),
}
