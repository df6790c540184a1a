"""Words of the shop's cashiers: their list, their PINs and the lock after wrong PINs."""

WORDS = {
    "cashier.pin_shape": (
        "El NIP son de {low} a {high} dígitos, solo números",
        "The PIN is {low} to {high} digits, numbers only",
    ),
    "cashier.name_shape": (
        "El nombre del cajero va en una línea, de 1 a {high} letras",
        "The cashier's name goes on one line, 1 to {high} letters",
    ),
    "cashier.pin_refused": (
        "Ese no es el NIP de {name} (origen: esta tienda). Quedan {left} intentos antes de "
        "bloquearlo un rato",
        "That is not {name}'s PIN (origin: this shop). {left} tries are left before the "
        "cashier is locked for a while",
    ),
    "cashier.pin_refused.one": (
        "Ese no es el NIP de {name} (origen: esta tienda). Queda un intento antes de "
        "bloquearlo un rato",
        "That is not {name}'s PIN (origin: this shop). One try is left before the cashier "
        "is locked for a while",
    ),
    "cashier.locked": (
        "{name} está bloqueado hasta las {until} por NIP equivocados (origen: esta tienda). "
        "Espere a esa hora, o que el dueño le ponga un NIP nuevo",
        "{name} is locked until {until} after wrong PINs (origin: this shop). Wait until "
        "then, or have the owner set a new PIN",
    ),
    "cashier.roster_unreadable": (
        "No se puede leer la lista de cajeros {file} ({reason}; origen: esta tienda). No se "
        "vende hasta arreglarla: el dueño la mueve a otra carpeta y da de alta los cajeros "
        "otra vez",
        "The cashiers' list {file} cannot be read ({reason}; origin: this shop). Nothing is "
        "sold until it is mended: the owner moves it to another folder and sets the "
        "cashiers up again",
    ),
    "cashier.roster_not_written": (
        "No se pudo guardar la lista de cajeros {file} ({reason}; origen: esta tienda): no "
        "cambió nada. Libere espacio o revise el disco y repita",
        "The cashiers' list {file} could not be saved ({reason}; origin: this shop): nothing "
        "changed. Free some space or check the disk and try again",
    ),
    "cashier.owner_password": (
        "Escriba la contraseña del distribuidor: solo el dueño da de alta cajeros",
        "Type the distributor's password: only the owner sets cashiers up",
    ),
    "cashier.owner_needed": (
        "Esto lo hace el dueño: escriba otra vez la contraseña del distribuidor",
        "The owner does this: type the distributor's password again",
    ),
    "cashier.name_taken": (
        "Ya hay un cajero llamado {name}: use otro nombre (un apellido, una inicial)",
        "There is already a cashier called {name}: use another name (a surname, an initial)",
    ),
    "cashier.too_many": (
        "La lista ya tiene {most} cajeros: dé de baja a quien ya no trabaja aquí",
        "The list already has {most} cashiers: remove whoever no longer works here",
    ),
    "cashier.read_only": (
        "Esta copia solo consulta (la otra copia escribe): los cajeros y sus turnos se manejan "
        "en la caja",
        "This copy only looks (the other copy writes): cashiers and their shifts are handled "
        "at the counter",
    ),
    "cashier.unknown": (
        "Ese cajero ya no está en la lista: elija otro nombre",
        "That cashier is no longer on the list: pick another name",
    ),
    # --- what the screens of the cashiers show ---
    "cashier.title": ("Cajeros", "Cashiers"),
    "cashier.none": (
        "Esta tienda no tiene cajeros: todo se vende como siempre. El dueño los da de alta "
        "con la contraseña del distribuidor.",
        "This shop has no cashiers: everything is sold as always. The owner sets them up "
        "with the distributor's password.",
    ),
    "cashier.name_label": ("Nombre del cajero:", "Cashier's name:"),
    "cashier.pin_label": ("NIP (4 a 8 dígitos):", "PIN (4 to 8 digits):"),
    "cashier.pin_again_label": ("El mismo NIP otra vez:", "The same PIN again:"),
    "cashier.pin_mismatch": (
        "Los dos NIP no son iguales: escríbalo otra vez.",
        "The two PINs differ: type it again.",
    ),
    "cashier.pin_private": (
        "El NIP es solo de cada cajero: no se muestra ni se guarda, solo su huella.",
        "The PIN is each cashier's own: it is never shown or kept, only its fingerprint.",
    ),
    "cashier.added": (
        "Alta de {name}: abre su turno con su NIP.",
        "{name} is set up: they open their shift with their PIN.",
    ),
    "cashier.removed": (
        "{name} ya no está en la lista; sus ventas en el cuaderno siguen con su nombre.",
        "{name} is off the list; the notebook still names them in their sales.",
    ),
    "cashier.pin_set": (
        "{name} tiene un NIP nuevo; si tenía bloqueo, ya no lo tiene.",
        "{name} has a new PIN; if they were locked, they no longer are.",
    ),
    "cashier.locked_row": ("bloqueado hasta las {until}", "locked until {until}"),
    "cashier.pick": (
        "¿Quién es? Elija su nombre y escriba su NIP.",
        "Who are you? Pick your name and type your PIN.",
    ),
    "cashier.password_again": (
        "El distribuidor pide su contraseña otra vez. Solo el dueño la escribe: llame al "
        "dueño. Lo cobrado queda guardado y se envía en cuanto la escriba.",
        "The distributor asks for its password again. Only the owner types it: call the "
        "owner. What was paid is kept and is sent as soon as it is typed.",
    ),
    "key.cashiers": ("Cajeros", "Cashiers"),
    "key.add_cashier": ("Alta", "Add"),
    "key.remove_cashier": ("Baja", "Remove"),
    "key.new_pin": ("NIP nuevo", "New PIN"),
}
