"""Words of the home screen's keys to the rest of the counter, and of a read-only copy."""

WORDS = {
    "key.sell": ("Vender", "Sell"),
    "key.contacts": ("Contacto", "Contacts"),
    "home.read_only_no_sale": (
        "Esta copia es SOLO LECTURA: otra copia de la app tiene abierto el cuaderno y solo una "
        "puede anotar ventas. Venda en esa otra; aquí puede consultar.",
        "This copy is READ-ONLY: another copy of the app has the notebook open and only one can "
        "write sales. Sell on that one; here you can look things up.",
    ),
}
