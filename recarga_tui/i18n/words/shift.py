"""Words of the shifts at the counter: opening, counting the drawer, the hand-over, the
owner's view of a day, and the shift's slip."""

WORDS = {
    "shift.illegal_step": (
        "El turno {id} está «{current}» y no puede pasar a «{target}»",
        "Shift {id} is «{current}» and cannot go to «{target}»",
    ),
    "shift.bad_count": (
        "El efectivo contado es una cantidad de cero pesos o más",
        "The cash counted is an amount of zero pesos or more",
    ),
    "shift.none_open": (
        "Nadie tiene turno abierto (origen: esta tienda): un cajero abre su turno con su NIP "
        "antes de vender",
        "Nobody has a shift open (origin: this shop): a cashier opens their shift with their "
        "PIN before selling",
    ),
    "shift.cashier_locked": (
        "{name} está bloqueado hasta las {until} por NIP equivocados (origen: esta tienda): "
        "no se vende en su turno hasta esa hora. El dueño puede ponerle un NIP nuevo",
        "{name} is locked until {until} after wrong PINs (origin: this shop): nothing is "
        "sold on their shift until then. The owner can set them a new PIN",
    ),
    "shift.already_open": (
        "{name} tiene el turno abierto: que lo cierre o entregue la caja primero",
        "{name} has the shift open: they close it or hand the drawer over first",
    ),
    "shift.pin_needed": (
        "El turno lo cierra su cajero con su NIP, o el dueño con la contraseña del "
        "distribuidor",
        "The shift is closed by its cashier with their PIN, or by the owner with the "
        "distributor's password",
    ),
    "shift.owner": ("el dueño", "the owner"),
    # --- the screens of a shift ---
    "shift.start.title": ("Abrir turno", "Open a shift"),
    "shift.end.title": ("Cerrar turno", "Close the shift"),
    "shift.handover.title": ("Entregar la caja", "Hand the drawer over"),
    "shift.on_duty": ("Turno de {name} desde las {time}", "{name}'s shift since {time}"),
    "shift.opening_label": (
        "Efectivo en el cajón al empezar:", "Cash in the drawer at the start:"),
    "shift.opening_from": (
        "Empieza con lo que contó {name}: {amount}", "It starts with what {name} counted: {amount}"),
    "shift.count_label": (
        "Cuente el efectivo del cajón y escriba cuánto hay:",
        "Count the cash in the drawer and type how much there is:",
    ),
    "shift.expected_label": ("Debe haber", "Should hold"),
    "shift.counted_label": ("Contado", "Counted"),
    "shift.difference_label": ("Diferencia", "Difference"),
    "shift.even": ("La caja cuadra al centavo.", "The drawer is right to the centavo."),
    "shift.over": ("Sobran {amount} en la caja.", "The drawer has {amount} too much."),
    "shift.short": ("Faltan {amount} en la caja.", "The drawer is {amount} short."),
    "shift.next_pick": (
        "¿Quién recibe la caja? Elija su nombre; escribe su NIP.",
        "Who takes the drawer? Pick their name; they type their PIN.",
    ),
    "shift.ended": (
        "Turno de {name} cerrado. Imprima el comprobante con P.",
        "{name}'s shift is closed. Print its slip with P.",
    ),
    "shift.handed": (
        "{name} entregó la caja a {next}, que empieza con {amount}.",
        "{name} handed the drawer to {next}, who starts with {amount}.",
    ),
    "shift.locked_screen": (
        "Caja bloqueada. {name}: escriba su NIP para seguir, o entregue la caja.",
        "Counter locked. {name}: type your PIN to go on, or hand the drawer over.",
    ),
    # --- the owner's day ---
    "shift.day.title": ("Turnos del {day}", "Shifts of {day}"),
    "shift.day.none": ("Ningún turno empezó ese día.", "No shift started that day."),
    "shift.day.col.cashier": ("Cajero", "Cashier"),
    "shift.day.col.from": ("Desde", "From"),
    "shift.day.col.to": ("Hasta", "To"),
    "shift.day.col.sales": ("Ventas", "Sales"),
    "shift.day.col.money_back": ("Devuelto", "Given back"),
    "shift.day.col.expected": ("Debe haber", "Expected"),
    "shift.day.col.counted": ("Contado", "Counted"),
    "shift.day.col.difference": ("Diferencia", "Difference"),
    "shift.day.col.earned": ("Ganancia", "Earned"),
    "shift.day.open": ("abierto", "open"),
    "shift.day.lock": (
        "{name} bloqueado a las {at} hasta las {until} ({attempts} NIP equivocados)",
        "{name} locked at {at} until {until} ({attempts} wrong PINs)",
    ),
    "key.shift_end": ("Cerrar turno", "Close shift"),
    "key.handover": ("Entregar", "Hand over"),
    "key.shifts_day": ("Turnos", "Shifts"),
    # --- the shift's slip ---
    "shift.print.title": ("CORTE DE TURNO", "SHIFT CLOSE"),
    "shift.print.cashier": ("Cajero ", "Cashier "),
    "shift.print.from": ("Desde ", "From "),
    "shift.print.to": ("Hasta ", "To "),
    "shift.print.handed_to": ("Entregó a ", "Handed to "),
    "shift.print.sales": ("Ventas realizadas ({count}) ", "Sales done ({count}) "),
    "shift.print.money_back": ("Devoluciones ({count}) ", "Money given back ({count}) "),
    "shift.print.opening": ("Fondo al empezar ", "Opening cash "),
    "shift.print.expected": ("Debe haber ", "Should hold "),
    "shift.print.counted": ("Contado ", "Counted "),
    "shift.print.even": ("Cuadra ", "Even "),
    "shift.print.over": ("Sobra ", "Over "),
    "shift.print.short": ("Falta ", "Short "),
    "shift.print.earned": ("Ganancia del turno ", "Earned this shift "),
}
