"""Words of the sales report screen (F4): the dealer's report beside the notebook (R14, R19)."""

WORDS = {
    "key.sales_report": ("Reporte", "Report"),
    "key.day": ("Día", "Day"),
    "key.day_before": ("Día antes", "Day before"),
    "key.day_after": ("Día después", "Day after"),
    "key.move": ("Mover", "Move"),
    "key.up": ("Arriba", "Up"),
    "key.down": ("Abajo", "Down"),
    "key.clarify": ("Pedir aclaración", "Ask for clarification"),
    "report.loading": (
        "Pidiendo al distribuidor el reporte de ventas del {day}…",
        "Asking the distributor for the sales report of {day}…",
    ),
    "report.title": (
        "Reporte del {day}: {count} recargas, {total} según el reporte · diferencias: {diffs}",
        "Report of {day}: {count} top-ups, {total} per the report · differences: {diffs}",
    ),
    "report.title.one": (
        'Reporte del {day}: 1 recarga, {total} según el reporte · diferencias: {diffs}',
        'Report of {day}: 1 top-up, {total} per the report · differences: {diffs}',
    ),
    "report.title_notebook": (
        "Cuaderno del {day}: {count} ventas realizadas, {total}. Sin conexión: falta el "
        "reporte del distribuidor para compararlas.",
        "Notebook of {day}: {count} sales done, {total}. Not connected: the distributor's "
        "report is missing to compare them.",
    ),
    "report.title_notebook.one": (
        "Cuaderno del {day}: 1 venta realizada, {total}. Sin conexión: falta el reporte del "
        "distribuidor para compararla.",
        "Notebook of {day}: 1 sale done, {total}. Not connected: the distributor's report "
        "is missing to compare it.",
    ),
    "report.kind.notebook": ("solo cuaderno", "notebook only"),
    "report.empty": (
        "Ese día no hay recargas ni en el reporte ni en el cuaderno. ← → para otro día.",
        "No top-ups that day, neither in the report nor in the notebook. ← → for another day.",
    ),
    "report.no_future": (
        "Ese día todavía no llega: el reporte llega hasta hoy.",
        "That day has not come yet: the report goes up to today.",
    ),
    "report.col.time": ("Hora", "Time"),
    "report.col.number": ("Número", "Number"),
    "report.col.amount": ("Monto", "Amount"),
    "report.col.journal": ("Cuaderno", "Notebook"),
    "report.col.report": ("Folio reporte", "Report folio"),
    "report.col.what": ("Comparación", "Comparison"),
    "report.in_report": ("sí aparece", "listed"),
    "report.kind.match": ("coincide", "agrees"),
    "report.kind.waiting": ("puede tardar", "may still show"),
    "report.kind.only_report": ("no en cuaderno", "not in notebook"),
    "report.kind.missing": ("falta en reporte", "not in report"),
    "report.kind.different": ("datos distintos", "data differ"),
    "report.field.msisdn": ("número", "number"),
    "report.field.amount": ("monto", "amount"),
    "report.field.carrier_folio": ("folio de la compañía", "carrier folio"),
    "report.field.state": (
        "el cuaderno no la tiene como realizada",
        "the notebook does not have it as done",
    ),
    "report.detail": ("Referencia {ref}", "Reference {ref}"),
    "report.differs": ("distinto: {fields}", "differs: {fields}"),
    "report.clarify_hint": (
        "A: pedir aclaración a la mesa de control sobre esta recarga (respuesta en 24 h).",
        "A: ask the control desk to clarify this top-up (answer within 24 h).",
    ),
    "report.clarify_only_differences": (
        "Elija con ↑ ↓ una fila marcada con «!»: solo las diferencias se aclaran.",
        "Pick a row marked «!» with ↑ ↓: only differences are clarified.",
    ),
    "report.clarifying": ("Enviando la aclaración…", "Sending the clarification…"),
    "report.clarify.text": (
        "Reporte de ventas del {day}: {kind}. Referencia {ref}, número {number}, monto {amount}",
        "Sales report of {day}: {kind}. Reference {ref}, number {number}, amount {amount}",
    ),
}
