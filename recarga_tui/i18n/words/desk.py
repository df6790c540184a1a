"""Words of the counter's desk screens: opening a shift with the PIN, the counter locked
(Ctrl+L), counting the drawer at a shift's end or hand-over, the owner's list of cashiers and
the owner's day, the cashier on duty and a pool running low on the home screen."""

WORDS = {
    # --- opening a shift ---
    "desk.start.pick_hint": (
        "Elija su nombre con su número (o ↑ ↓) y Enter; luego escriba su NIP.",
        "Pick your name by its number (or ↑ ↓) and Enter; then type your PIN.",
    ),
    "desk.start.pin_for": ("NIP de {name}:", "{name}'s PIN:"),
    "desk.start.first": (
        "Es el primer turno: empieza con el cajón en $0.00.",
        "This is the first shift: it starts with the drawer at $0.00.",
    ),
    "desk.start.opened": (
        "Turno de {name} abierto con {amount} en el cajón.",
        "{name}'s shift is open with {amount} in the drawer.",
    ),
    "desk.checking": ("Revisando el NIP…", "Checking the PIN…"),
    "desk.saving": ("Guardando la huella del NIP…", "Saving the PIN's fingerprint…"),
    "desk.pin_missing": (
        "Escriba el NIP (de 4 a 8 dígitos) y Enter.",
        "Type the PIN (4 to 8 digits) and Enter.",
    ),
    "desk.row": ("{number}. {name}", "{number}. {name}"),
    "desk.row_locked": ("{number}. {name} ({locked})", "{number}. {name} ({locked})"),
    "desk.row_on_duty": ("{number}. {name} (de turno)", "{number}. {name} (on duty)"),
    "desk.no_shift_home": (
        "Nadie tiene turno abierto: F2 abre el turno de un cajero con su NIP.",
        "Nobody has a shift open: F2 opens a cashier's shift with their PIN.",
    ),
    # --- the counter locked ---
    "desk.lock.title": ("Caja bloqueada", "Counter locked"),
    "desk.lock.pin": ("NIP:", "PIN:"),
    "desk.lock.resumed": ("{name} sigue en su turno.", "{name} goes on with the shift."),
    # --- counting the drawer ---
    "desk.count.sales": (
        "En este turno: {count} ventas cobradas, {back} devoluciones.",
        "This shift: {count} sales paid, {back} given money back.",
    ),
    "desk.count.sales.one": (
        "En este turno: 1 venta cobrada, {back} devoluciones.",
        "This shift: 1 sale paid, {back} given money back.",
    ),
    "desk.count.amount": ("Efectivo contado:", "Cash counted:"),
    "desk.count.pin_hint": (
        "{name}: escriba su NIP para cerrar el turno con esta cuenta.",
        "{name}: type your PIN to close the shift with this count.",
    ),
    "desk.count.owner_hint": (
        "Enter: el dueño cierra el turno de {name} con esta cuenta.",
        "Enter: the owner closes {name}'s shift with this count.",
    ),
    "desk.count.next_pin": ("{name}: escriba su NIP para recibir la caja.",
                            "{name}: type your PIN to take the drawer."),
    "desk.count.nobody_next": (
        "No hay otro cajero a quien entregar: cierre el turno (F3 en la caja bloqueada).",
        "There is no other cashier to hand over to: close the shift (F3 at the locked "
        "counter).",
    ),
    "desk.count.done_hint": (
        "Enter: seguir. P: imprimir el comprobante del turno.",
        "Enter: go on. P: print the shift's slip.",
    ),
    "desk.count.done_hint_no_printer": ("Enter: seguir.", "Enter: go on."),
    "desk.figure": ("{label:<12}{amount:>14}", "{label:<12}{amount:>14}"),
    # --- the owner's list of cashiers ---
    "desk.owner.title": ("Cajeros: solo el dueño", "Cashiers: the owner only"),
    "desk.owner.why": (
        "Escriba la contraseña del distribuidor de {user}: la sabe solo el dueño.",
        "Type the distributor's password of {user}: only the owner knows it.",
    ),
    "desk.owner.checking": (
        "Revisando la contraseña con el distribuidor…",
        "Checking the password with the distributor…",
    ),
    "desk.owner.list_hint": (
        "A da de alta, N pone un NIP nuevo, B da de baja, T muestra los turnos del día, E "
        "cierra el turno de quien se fue sin cerrarlo.",
        "A adds, N sets a new PIN, B removes, T shows the day's shifts, E closes the shift "
        "of whoever left without closing it.",
    ),
    "desk.owner.which": (
        "Escriba el número del cajero.",
        "Type the cashier's number.",
    ),
    "desk.owner.remove_ask": (
        "¿Dar de baja a {name}? Enter: sí. Esc: no.",
        "Remove {name}? Enter: yes. Esc: no.",
    ),
    "desk.owner.name_missing": (
        "Escriba el nombre del cajero y Enter.",
        "Type the cashier's name and Enter.",
    ),
    "desk.owner.new_pin_for": ("NIP nuevo de {name}:", "{name}'s new PIN:"),
    # --- who sold it (claims, the report) ---
    "desk.sold_by": ("Vendió: {name}", "Sold by: {name}"),
    "desk.refunded_by": ("Devolvió el dinero: {name}", "Money given back by: {name}"),
    # --- the owner's day ---
    "desk.day.earned_shift": ("Ganancia del turno de {name}", "Earned on {name}'s shift"),
    # --- home ---
    "desk.home.on_duty": (
        "Turno de {name} desde las {time}. Ctrl+L bloquea, entrega o cierra el turno.",
        "{name}'s shift since {time}. Ctrl+L locks, hands over or closes the shift.",
    ),
    "key.open_shift": ("Abrir turno", "Open shift"),
    "key.resume": ("Seguir", "Go on"),
    "key.deposit": ("Depositar", "Deposit"),
    "key.confirm": ("Confirmar", "Confirm"),
    # --- the help's section ---
    "help.cashiers.title": ("Cajeros y turnos", "Cashiers and shifts"),
    "help.cashiers.body": (
        "El dueño (quien sabe la clave del distribuidor) da de alta a cada cajero con C "
        "en el inicio: un nombre y un NIP de 4 a 8 dígitos, escrito dos veces. El NIP no se "
        "muestra ni se guarda; si un cajero lo olvida, el dueño le pone uno nuevo (N). Tras "
        "varios NIP equivocados el cajero queda bloqueado un rato; la pantalla dice hasta qué "
        "hora.\n"
        "Al abrir la app, el dueño entra con la clave del distribuidor y cada cajero abre "
        "su turno con su nombre y su NIP. Ctrl+L bloquea la caja: el cajero de turno sigue con "
        "su NIP, F2 entrega la caja al siguiente cajero y F3 cierra el turno. Al entregar o "
        "cerrar se cuenta el efectivo del cajón: la app lo compara con lo que debe haber y "
        "muestra la diferencia; P imprime el comprobante del turno.\n"
        "Si el distribuidor pide su clave a media jornada, solo el dueño la escribe. T en "
        "la lista de cajeros muestra los turnos del día: quién, de qué hora a qué hora, ventas, "
        "devoluciones, lo que debía haber, lo contado, la diferencia y la ganancia.",
        "The owner (whoever knows the distributor's password) sets each cashier up with C on "
        "the home screen: a name and a PIN of 4 to 8 digits, typed twice. The PIN is never "
        "shown or kept; if a cashier forgets it, the owner sets a new one (N). After several "
        "wrong PINs the cashier is locked for a while; the screen says until when.\n"
        "When the app opens, the owner logs in with the distributor's password and each "
        "cashier opens their shift with their name and PIN. Ctrl+L locks the counter: the "
        "cashier on duty goes on with their PIN, F2 hands the drawer to the next cashier and "
        "F3 closes the shift. Handing over or closing counts the cash in the drawer: the app "
        "holds it against what the drawer should hold and shows the difference; P prints the "
        "shift's slip.\n"
        "If the distributor asks for its password mid-day, only the owner types it. T on the "
        "list of cashiers shows the day's shifts: who, from when to when, sales, money given "
        "back, what the drawer should hold, what was counted, the difference and the earnings.",
    ),
}
