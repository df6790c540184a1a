"""The help, "¿Qué hago?" (F1): the procedure in the cashier's words."""

WORDS = {
    "help.home.title": ("Inicio", "Home"),
    "help.home.body": (
        "Arriba ve su saldo, la hora y los dos avisos del distribuidor: «Situación del sistema» "
        "(azul) y «Mensaje general» (amarillo). Léalos seguido; la app los actualiza sola.\n"
        "F2 empieza una venta. Si hay ventas pendientes, revíselas antes de cerrar.",
        "At the top: your balance, the time and the distributor's two notices: «System status» "
        "(blue) and «General message» (yellow). Read them often; the app refreshes them itself.\n"
        "F2 starts a sale. If sales are pending, check them before closing.",
    ),
    "help.capture.title": ("Capturar la venta", "Capturing the sale"),
    "help.capture.body": (
        "Pida al cliente que escriba su número y compañía en la libreta, de su puño y letra.\n"
        "Elija la compañía con su número, escriba el número a 10 dígitos, y otra vez como el "
        "cliente se lo dicte. Si no coinciden, la app marca los dígitos distintos. Luego elija "
        "el monto con su número.",
        "Ask the customer to write their number and company in the notebook, by hand.\n"
        "Pick the company by its number, type the 10-digit number, then again as the customer "
        "says it. If they differ, the app marks the digits. Then pick the amount by its number.",
    ),
    "help.readback.title": ("Leer el número al cliente", "Reading the number back"),
    "help.readback.body": (
        "Lea el número en voz alta y clara, con la compañía y el monto, y pida que lo acepte. "
        "Avise que después de aceptarlo no se aceptan reclamaciones por error en el número o "
        "la compañía. Oprima A solo cuando el cliente haya dicho que sí.",
        "Read the number aloud and clearly, with the company and amount, and ask the customer to "
        "accept it. Say that once accepted, no claim for a wrong number or company is accepted. "
        "Press A only once the customer said yes.",
    ),
    "help.payment.title": ("Cobrar", "Collecting"),
    "help.payment.body": (
        "Cobre antes de enviar, siempre. No fíe: lo que se fía es riesgo de la tienda. Si le "
        "pagan una recarga barata con un billete grande y no tiene cambio, puede no aceptarlo; "
        "no salga a cambiar ni deje a deber. Revise los billetes grandes.",
        "Always collect before sending. No credit: what you lend is the shop's own risk. If a "
        "cheap top-up is paid with a large bill you cannot change, you may refuse it; never go "
        "out for change or leave money owed. Check large bills.",
    ),
    "help.slow.title": ("Sistema lento", "Slow system"),
    "help.slow.body": (
        "Entre 19:30 y 21:30 las compañías se saturan. Diga la verdad al cliente y ofrezca: "
        "anotar su número, cobrar y enviarla en unos {minutes} minutos; o que regrese; y si no "
        "se pudo, devolverle su dinero. La app envía sola las ventas guardadas cuando el sistema "
        "se normaliza.",
        "Between 19:30 and 21:30 the carriers saturate. Tell the customer the truth and offer: "
        "take the number, collect, and send it in about {minutes} minutes; or come back later; "
        "and if it could not be done, give the money back. The app sends kept sales by itself "
        "once the system is normal.",
    ),
    "help.send.title": ("Enviando", "Sending"),
    "help.send.body": (
        "Espere la respuesta. Una recarga enviada no se puede cancelar.",
        "Wait for the answer. A top-up once sent cannot be cancelled.",
    ),
    "help.receipt.title": ("Recarga realizada", "Top-up done"),
    "help.receipt.body": (
        "Dé al cliente el folio de la compañía. Queda anotada en el cuaderno de la app como "
        "prueba por si regresa.",
        "Give the customer the carrier folio. It is kept in the app's notebook as proof in case "
        "they come back.",
    ),
    "help.rejected.title": ("Recarga rechazada", "Rejected top-up"),
    "help.rejected.body": (
        "El distribuidor confirmó que no se hizo. Vea el origen de la falla y qué hacer. Puede "
        "corregir los datos (el dinero pasa a la nueva venta) o devolver el dinero.",
        "The distributor confirmed it was not made. See the origin of the failure and what to "
        "do. You may correct the data (the money goes to the new sale) or give it back.",
    ),
    "help.unknown.title": ("Sin respuesta", "No answer"),
    "help.unknown.body": (
        "A veces la pantalla marca error y al cliente sí le llega la recarga. Nunca la envíe de "
        "nuevo ni devuelva el dinero sin revisar el reporte de ventas: una operación puede "
        "tardar hasta {reflection} minutos en aparecer. La app la busca por usted.",
        "Sometimes the screen shows an error but the customer does get the top-up. Never send "
        "it again or give the money back before checking the sales report: a sale can take up "
        "to {reflection} minutes to show. The app looks for it for you.",
    ),
    "help.origins.title": ("¿De dónde viene la falla?", "Where does the failure come from?"),
    "help.no_credit.title": ("¿Por qué no se fía?", "Why no credit?"),
    "help.no_credit.body": (
        "Lo que usted fía es bajo su responsabilidad y no tiene que ver con el sistema: hay "
        "quien se va sin pagar en cuanto le llega la recarga. Por eso la app no tiene fiado ni "
        "«pago después».",
        "What you lend is your own risk and has nothing to do with the system: some leave "
        "without paying as soon as the top-up arrives. So the app has no credit and no «pay "
        "later».",
    ),
    "help.remote_orders.title": ("Pedidos por teléfono o chat", "Orders by phone or chat"),
    "help.remote_orders.body": (
        "No haga recargas que le pidan por teléfono, mensajero o correo: solo se hace la "
        "recarga cuando ya está pagada, con el cliente en el mostrador.",
        "Never top up on orders by phone, messenger or e-mail: a top-up is made only once it is "
        "paid, with the customer at the counter.",
    ),
    "help.passwords.title": ("Contraseñas", "Passwords"),
    "help.passwords.body": (
        "Su contraseña es su responsabilidad. Nadie del distribuidor se la va a pedir; nunca la "
        "escriba en un correo o chat. Si la olvidó o quiere cambiarla, escriba a {admin_email} "
        "pidiendo que el administrador se comunique con usted; él solo atiende contraseñas.",
        "Your password is your responsibility. Nobody from the distributor will ask for it; "
        "never write it in an e-mail or chat. If you forgot it or want to change it, write to "
        "{admin_email} asking the administrator to contact you; they handle passwords only.",
    ),
    "help.contacts.title": ("Contacto con la mesa de control", "Contacting the control desk"),
    "help.contacts.body": (
        "Correo (el único que se lee): {email}\nChat: {chat}\nTeléfono: {phone}\n{address}",
        "E-mail (the only one that is read): {email}\nChat: {chat}\nPhone: {phone}\n{address}",
    ),
}
