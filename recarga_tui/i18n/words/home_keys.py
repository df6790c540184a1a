"""Words of the home screen's keys to the rest of the counter, and of a read-only copy."""

WORDS = {
    "key.sell": ("Vender", "Sell"),
    "key.contacts": ("Contacto", "Contacts"),
    "key.log_in": ("Entrar", "Log in"),
    "key.open_notebook": ("Cuaderno sin conexión", "Notebook offline"),
    "home.hint_offline": (
        "SIN CONEXIÓN con el distribuidor: puede consultar el cuaderno (F3 pendientes, F4 "
        "ventas del día, F5 reclamaciones, F8 corte). Para vender, entre con F2.",
        "NOT CONNECTED to the distributor: you can look at the notebook (F3 pending, F4 the "
        "day's sales, F5 claims, F8 cash close). To sell, log in with F2.",
    ),
    "home.hint_read_only": (
        "SOLO LECTURA: otra copia de la app tiene abierto el cuaderno y solo una puede anotar "
        "ventas. Venda en esa otra; aquí se consulta, sin conexión con el distribuidor.",
        "READ-ONLY: another copy of the app has the notebook open and only one can write "
        "sales. Sell on that one; here you look, without a connection to the distributor.",
    ),
    "home.hint_read_only_asked": (
        "COPIA DE CONSULTA: ve el cuaderno de la tienda (F3 pendientes, F4 ventas del día, F5 "
        "reclamaciones, F8 corte) sin anotar nada ni conectarse con el distribuidor.",
        "LOOK-ONLY COPY: it shows the shop's notebook (F3 pending, F4 the day's sales, F5 "
        "claims, F8 cash close) without writing anything or connecting to the distributor.",
    ),
}
