"""Words of the account screens (F6): balance, statement, deposit notices (R14)."""

WORDS = {
    "key.account": ("Cuenta", "Account"),
    "key.span": ("1/7/30 días", "1/7/30 days"),
    "key.deposits": ("Depósitos", "Deposits"),
    "key.send_notice": ("Enviar aviso", "Send notice"),
    "key.field_before": ("Anterior", "Previous"),
    "account.balance": (
        "Saldo disponible: {balance} (a las {at})",
        "Available balance: {balance} (at {at})",
    ),
    "account.range": (
        "Estado de cuenta del {first} al {last} (← → mueve, S: 1, 7 o 30 días)",
        "Statement from {first} to {last} (← → moves, S: 1, 7 or 30 days)",
    ),
    "account.col.at": ("Fecha", "Date"),
    "account.col.kind": ("Movimiento", "Movement"),
    "account.col.amount": ("Importe", "Amount"),
    "account.col.balance": ("Saldo", "Balance"),
    "account.col.description": ("Descripción", "Description"),
    "account.kind.deposit": ("depósito", "deposit"),
    "account.kind.credit": ("abono", "credit"),
    "account.kind.charge": ("cargo", "charge"),
    "account.kind.topup": ("recarga", "top-up"),
    "account.kind.commission": ("comisión", "commission"),
    "account.totals": (
        "Saldo inicial {opening} · final {closing} · {sums}",
        "Opening {opening} · closing {closing} · {sums}",
    ),
    "account.hint": (
        "F2: avisar un depósito y ver los avisos enviados.",
        "F2: notify a deposit and see the notices sent.",
    ),
    "account.empty": (
        "Sin movimientos en esos días. ← → u otro rango (S).",
        "No movements on those days. ← → or another range (S).",
    ),
    "deposit.title": (
        "Avisar un depósito (Enter pasa al siguiente dato; en la fecha, envía):",
        "Notify a deposit (Enter goes to the next entry; on the date, sends):",
    ),
    "deposit.field.bank": ("Banco:     ", "Bank:      "),
    "deposit.field.amount": ("Monto:     ", "Amount:    "),
    "deposit.field.reference": ("Referencia:", "Reference: "),
    "deposit.field.date": ("Fecha (AAAA-MM-DD):", "Date (YYYY-MM-DD):"),
    "deposit.hint": (
        "Copie los datos de la ficha del banco. El distribuidor abona el saldo al revisarlo.",
        "Copy the data from the bank slip. The distributor credits the balance once checked.",
    ),
    "deposit.sent_title": ("Avisos enviados:", "Notices sent:"),
    "deposit.col.date": ("Depósito", "Deposit"),
    "deposit.col.bank": ("Banco", "Bank"),
    "deposit.col.amount": ("Monto", "Amount"),
    "deposit.col.reference": ("Referencia", "Reference"),
    "deposit.col.state": ("Estado", "State"),
    "deposit.state.received": ("recibido, en revisión", "received, being checked"),
    "deposit.state.accepted": ("aceptado: ya está en su saldo", "accepted: in your balance"),
    "deposit.state.rejected": (
        "rechazado: llame a la mesa de control",
        "rejected: call the control desk",
    ),
    "deposit.refused": ("{field}: {reason}", "{field}: {reason}"),
    "deposit.bank_empty": (
        "escriba el nombre del banco, como viene en la ficha",
        "type the bank's name, as on the slip",
    ),
    "deposit.amount_zero": (
        "el monto debe ser mayor que cero: escríbalo como en la ficha, por ejemplo 1500.00",
        "the amount must be above zero: type it as on the slip, for example 1500.00",
    ),
    "deposit.reference_empty": (
        "escriba la referencia o el folio de la ficha del banco",
        "type the reference or folio from the bank slip",
    ),
    "deposit.too_long": (
        "es demasiado largo (más de {limit} caracteres): escriba solo lo de la ficha",
        "too long (over {limit} characters): type only what is on the slip",
    ),
    "deposit.date_empty": (
        "escriba el día del depósito como 2026-11-25 (año-mes-día)",
        "type the day of the deposit like 2026-11-25 (year-month-day)",
    ),
    "deposit.date_format": (
        "«{text}» no es una fecha: escríbala como 2026-11-25 (año-mes-día)",
        "«{text}» is not a date: type it like 2026-11-25 (year-month-day)",
    ),
    "deposit.date_future": (
        "la fecha es posterior a hoy ({today}): escriba el día que dice la ficha",
        "the date is after today ({today}): type the day on the slip",
    ),
    "deposit.sending": ("Enviando el aviso…", "Sending the notice…"),
    "deposit.sent": (
        "Aviso {id} de {amount} enviado: {state}.",
        "Notice {id} of {amount} sent: {state}.",
    ),
}
