"""Words about the terminal itself: its size, and the start-up notes of the shop PC."""

WORDS = {
    "terminal.too_small.title": (
        "La ventana es muy chica",
        "The window is too small",
    ),
    "terminal.too_small.need": (
        "recarga-tui necesita al menos {width} columnas por {height} renglones; "
        "ahora hay {columns} por {rows}.",
        "recarga-tui needs at least {width} columns by {height} rows; "
        "now there are {columns} by {rows}.",
    ),
    "terminal.too_small.what": (
        "Agrande la ventana o achique la letra. Mientras tanto ninguna tecla hace nada, "
        "salvo F10 para salir.",
        "Make the window larger or the font smaller. Until then no key does anything, "
        "except F10 to quit.",
    ),
}
