"""Words of the screens: keys, labels, and the scripts read to the customer (R17, R18)."""

WORDS = {
    # --- keys in the footer ---
    "key.help": ("Ayuda", "Help"),
    "key.quit": ("Salir", "Quit"),
    "key.new_sale": ("Nueva venta", "New sale"),
    "key.pick": ("Elegir", "Pick"),
    "key.change_category": ("Tipo", "Kind"),
    "key.change_carrier": ("Compañía", "Company"),
    "key.retype_number": ("Número", "Number"),
    "key.change_service": ("Servicio", "Service"),
    "key.retype_reference": ("Referencia", "Reference"),
    "key.continue": ("Continuar", "Continue"),
    "key.previous_field": ("Campo anterior", "Previous field"),
    "key.back": ("Regresar", "Back"),
    "key.decide_later": ("Decidir después", "Decide later"),
    "key.accepted": ("Cliente aceptó", "Customer accepted"),
    "key.correct": ("Corregir", "Correct"),
    "key.bills": ("Billetes", "Bills"),
    "key.clear": ("Borrar", "Clear"),
    "key.paid": ("Cobrado", "Paid"),
    "key.send_now": ("Enviar ahora", "Send now"),
    "key.defer": ("Enviar después", "Send later"),
    "key.refund": ("Devolver dinero", "Give money back"),
    "key.quit_yes": ("Salir", "Leave"),
    "key.quit_no": ("Seguir aquí", "Stay"),
    "quit.ask": ("¿Salir de la app?", "Leave the app?"),
    "quit.sending": (
        "Se está enviando la recarga de {amount} al {number}. Si sale ahora, la app no verá la "
        "respuesta: al abrirla otra vez se la preguntará al distribuidor. Hasta entonces no "
        "la envíe de nuevo ni devuelva el dinero.",
        "The {amount} top-up to {number} is being sent. If you leave now, the app will not see "
        "the answer: when it opens again it asks the distributor about it. Until then do not "
        "send it again or give the money back.",
    ),
    "quit.pending": (
        "Quedan {count} ventas pendientes: la app las retoma al abrirla otra vez.",
        "{count} sales are pending: the app takes them up again when it opens.",
    ),
    "quit.pending.one": (
        "Queda 1 venta pendiente: la app la retoma al abrirla otra vez.",
        "1 sale is pending: the app takes it up again when it opens.",
    ),
    "quit.keys": (
        "F10 otra vez o Enter: salir · N o Esc: seguir aquí",
        "F10 again or Enter: leave · N or Esc: stay",
    ),
    "key.refund_yes": ("Sí, devolver", "Yes, give it back"),
    "key.refund_no": ("No", "No"),
    "key.money_handed": ("Ya se lo di", "Handed over"),
    "refund.ask": (
        "¿Devolver {amount} al cliente del {number}?",
        "Give {amount} back to the customer of {number}?",
    ),
    "refund.final": (
        "La venta se cierra como dinero devuelto y no se podrá enviar después. Nada llegó a la "
        "compañía.",
        "The sale is closed as money given back and cannot be sent later. Nothing reached the "
        "company.",
    ),
    "refund.hand_over": (
        "Entregue al cliente del {number}:", "Hand the customer of {number}:"),
    "refund.say": (
        "Ya quedó anotado en el cuaderno. Dígale: «No se pudo hacer su recarga; aquí está su "
        "dinero.» Oprima Enter cuando se lo haya entregado.",
        "It is in the notebook. Tell them: \"Your top-up could not be made; here is your "
        "money.\" Press Enter once it was handed over.",
    ),
    "key.new_sale_done": ("Terminar", "Done"),
    "key.correct_data": ("Corregir datos", "Correct the data"),
    "key.close_help": ("Cerrar", "Close"),
    # --- status line and notices (R10) ---
    "status.no_shop": ("Sin sesión", "Not logged in"),
    "status.terminal": ("Terminal {terminal}", "Terminal {terminal}"),
    "status.balance": ("Saldo {balance}", "Balance {balance}"),
    "status.pending": ("Pendientes: {count}", "Pending: {count}"),
    "status.read_only": ("SOLO LECTURA", "READ-ONLY"),
    "status.unwritten": ("SIN ANOTAR: {count}", "NOT WRITTEN: {count}"),
    "notebook.unwritten": (
        "El cuaderno NO pudo anotar esta venta ({why}). Lo que dice esta pantalla SÍ pasó: "
        "anote a mano el folio y la hora. La app la anotará sola en cuanto el disco lo "
        "permita; libere espacio o llame a la mesa de control.",
        "The notebook could NOT write this sale down ({why}). What this screen says DID "
        "happen: write the folio and the time down by hand. The app writes it by itself as "
        "soon as the disk allows; free some space or call the control desk.",
    ),
    "notebook.written_now": (
        "Ya quedó anotada en el cuaderno.", "It is written in the notebook now."),
    "notebook.why.disk_full": ("disco lleno", "disk full"),
    "notebook.why.disk_read_only": ("el disco no deja escribir", "the disk refuses writes"),
    "notebook.why.write_failed": ("error al escribir en el disco", "the disk failed a write"),
    "status.demo": ("DEMO", "DEMO"),
    "notices.status.label": ("Situación del sistema:", "System status:"),
    "notices.general.label": ("Mensaje general:", "General message:"),
    "notices.unknown": ("sin datos todavía", "no data yet"),
    "notices.failed": (
        "no se pudieron consultar los avisos ({origin}, {age}); se reintenta cada {seconds} s",
        "the notices could not be fetched ({origin}, {age}); tried again every {seconds} s",
    ),
    "notices.stale": (
        "(no se pudo actualizar {age})", "(could not be refreshed {age})"),
    "notices.none": (
        "{dealer} no publica avisos; medido por esta app: {measure}",
        "{dealer} publishes no notices; measured by this app: {measure}",
    ),
    "notices.measure": (
        "respuesta {seconds} s (lento desde {slow} s), hora pico {start}-{end}",
        "answers in {seconds} s (slow from {slow} s), peak hours {start}-{end}",
    ),
    "notices.measure.none": (
        "sin respuestas medidas todavía, hora pico {start}-{end}",
        "no answer measured yet, peak hours {start}-{end}",
    ),
    "notices.none.general": (
        "Pregunte por avisos a la mesa de control: tel. {phone}",
        "Ask the control desk about notices: phone {phone}",
    ),
    "notices.not_asked": (
        "esta copia no consulta al distribuidor", "this copy does not ask the distributor"),
    "status.offline": ("SIN CONEXIÓN", "OFFLINE"),
    "notices.level.normal": ("NORMAL", "NORMAL"),
    "notices.level.slow": ("LENTO", "SLOW"),
    "notices.level.down": ("SIN SERVICIO", "DOWN"),
    "notices.age.now": ("hace un momento", "just now"),
    "notices.age.minutes": ("hace {minutes} min", "{minutes} min ago"),
    "notices.age.hours": ("hace {hours} h", "{hours} h ago"),
    "error.unexpected": (
        "Algo falló en esta computadora (origen: punto de venta). Anote lo que hacía y llame "
        "a la mesa de control",
        "Something failed on this computer (origin: shop). Write down what you were doing and "
        "call the control desk",
    ),
    # --- login (R12, R13) ---
    "login.title": ("Entrar al sistema de recargas", "Log in to the top-up system"),
    "login.terminal": ("Terminal: {terminal}", "Terminal: {terminal}"),
    "login.user": ("Usuario", "User"),
    "login.password": ("Contraseña", "Password"),
    "login.demo_credentials": (
        "Demostración: usuario demo, contraseña demo",
        "Demo: user demo, password demo",
    ),
    "login.demo_credentials.taecel": (
        "Demostración (Taecel): usuario demo (la llave), contraseña 1234 (el NIP)",
        "Demo (Taecel): user demo (the key), password 1234 (the NIP)",
    ),
    "login.taecel.key_configured": (
        "Taecel: la llave (key) ya está en la configuración, así que no se pide usuario. "
        "Escriba el NIP de Taecel como contraseña.",
        "Taecel: the key is already in the configuration, so no user is asked. Type "
        "Taecel's NIP as the password.",
    ),
    "login.taecel.key_as_user": (
        "Taecel: escriba la llave (key) de la cuenta como usuario y el NIP como contraseña.",
        "Taecel: type the account's key as the user and the NIP as the password.",
    ),
    "login.read_only": (
        "SOLO LECTURA: otra copia de la app tiene abierto el cuaderno. Aquí puede consultar, "
        "no vender.",
        "READ-ONLY: another copy of the app has the notebook open. Here you can look, not sell.",
    ),
    "login.forgotten": (
        "¿Olvidó su contraseña? Escriba a {email} pidiendo que el administrador se comunique "
        "con usted.",
        "Forgot your password? Write to {email} asking the administrator to contact you.",
    ),
    "login.nobody_asks": (
        "Nadie del distribuidor le pedirá su contraseña. No la escriba en correos ni chats.",
        "Nobody from the distributor will ask for your password. Never write it in e-mail or "
        "chat.",
    ),
    "login.user_missing": ("Escriba su usuario", "Type your user name"),
    "login.password_missing": ("Escriba su contraseña", "Type your password"),
    "login.connecting": ("Conectando con el distribuidor…", "Connecting to the distributor…"),
    # --- home ---
    "home.shop": (
        "Tienda: {shop}  ·  Terminal: {terminal}",
        "Shop: {shop}  ·  Terminal: {terminal}",
    ),
    "home.terminal": ("Terminal: {terminal}", "Terminal: {terminal}"),
    "home.shop_unnamed": (
        "Terminal: {terminal}  ·  Distribuidor: {dealer}",
        "Terminal: {terminal}  ·  Distributor: {dealer}",
    ),
    "home.pending": (
        "Ventas que esperan algo: {count}. Revíselas antes de cerrar.",
        "Sales waiting for something: {count}. Check them before closing.",
    ),
    "home.no_pending": ("No hay ventas pendientes.", "No sales pending."),
    "home.today": (
        "Hoy: {count} ventas realizadas, {total}",
        "Today: {count} sales done, {total}",
    ),
    "home.today.one": (
        'Hoy: 1 venta realizada, {total}',
        'Today: 1 sale done, {total}',
    ),
    "home.hint": (
        "F2 para vender. F1 si no sabe qué hacer.",
        "F2 to sell. F1 if you are not sure what to do.",
    ),
    # --- capture (R03) ---
    "capture.pick_carrier": (
        "¿De qué compañía es el celular? Oprima su número:",
        "Which company is the phone with? Press its number:",
    ),
    "capture.carrier": ("Compañía: {carrier}", "Company: {carrier}"),
    "capture.carrier_down": ("sin servicio", "down"),
    "capture.carrier_is_down": (
        "{carrier} no está recibiendo recargas ahora (origen: compañía). Ofrezca otra hora.",
        "{carrier} is not taking top-ups now (origin: carrier). Offer another time.",
    ),
    "capture.no_catalog": (
        "Todavía no llega la lista de compañías del distribuidor. Espere un momento.",
        "The distributor's list of companies has not arrived yet. Wait a moment.",
    ),
    "capture.no_such_choice": ("Esa opción no existe", "There is no such choice"),
    "capture.first_label": (
        "Número (10 dígitos, de la libreta):",
        "Number (10 digits, from the notebook):",
    ),
    "capture.second_label": (
        "Otra vez, como lo dice el cliente: ",
        "Again, as the customer says it:    ",
    ),
    "capture.ask_second": (
        "Pida al cliente que le diga el número otra vez y escríbalo de nuevo",
        "Ask the customer to say the number again and type it again",
    ),
    "capture.numbers_match": ("Los dos coinciden: {number}", "Both match: {number}"),
    "capture.pick_amount": ("¿De cuánto es la recarga? Oprima su número:",
                            "How much is the top-up? Press its number:"),
    "capture.duplicate": (
        "Ojo: a las {time} ya se vendió una recarga de {amount} al {number} ({state}). "
        "¿Es otra? Enter para seguir, F4 para corregir.",
        "Careful: at {time} a {amount} top-up was sold to {number} ({state}). Is this another "
        "one? Enter to go on, F4 to correct.",
    ),
    # --- read-back (R04) ---
    "readback.read_aloud": (
        "Lea en voz alta al cliente y pida que acepte el número:",
        "Read aloud to the customer and ask them to accept the number:",
    ),
    "readback.what": ("{carrier} · {amount}", "{carrier} · {amount}"),
    "readback.no_claims": (
        "Dígale: «Una vez aceptado el número, no se aceptan reclamaciones por error en el número "
        "o la compañía.»",
        "Tell them: «Once the number is accepted, no claim for a wrong number or company is "
        "accepted.»",
    ),
    "readback.keys": (
        "A: el cliente aceptó · C: corregir",
        "A: the customer accepted · C: correct",
    ),
    # --- payment (R05, R06, R07) ---
    "payment.due": ("Cobre: {due}", "Collect: {due}"),
    "payment.due_carried": (
        "Recarga {amount}; ya pagó {credit} en la venta rechazada. Cobre: {due}",
        "Top-up {amount}; {credit} already paid in the rejected sale. Collect: {due}",
    ),
    "payment.handed": ("Recibido:", "Handed over:"),
    "payment.bills_hint": (
        "F2 $20 · F3 $50 · F4 $100 · F5 $200 · F6 $500 · F7 $1,000 · o escriba la cantidad",
        "F2 $20 · F3 $50 · F4 $100 · F5 $200 · F6 $500 · F7 $1,000 · or type the amount",
    ),
    "payment.change": ("Cambio:", "Change:"),
    "payment.missing": (
        "Faltan {missing}. No se fía: cobre completo antes de enviar.",
        "{missing} missing. No credit: collect it all before sending.",
    ),
    "payment.no_credit": (
        "Cobre antes de enviar. No se fía ni se deja a deber.",
        "Collect before sending. No credit, nothing owed.",
    ),
    # --- the slow system (R15, R17, R18) ---
    "slow.title": (
        "El sistema está lento. Avise al cliente antes de enviar:",
        "The system is slow. Tell the customer before sending:",
    ),
    "slow.say_this": ("Dígale al cliente:", "Tell the customer:"),
    "slow.script": (
        "«En este momento el sistema está lento. Ya tengo su pago: si gusta, anoto su número y "
        "se la envío en aproximadamente {minutes} minutos, cuando el sistema se normalice; si "
        "por algún motivo no se pudo hacer, le devuelvo su dinero. O si prefiere, le devuelvo "
        "su dinero ahora y regresa más tarde.»",
        "«The system is slow right now. I have your payment: if you like, I take down your "
        "number and send it in about {minutes} minutes, once the system is normal; if for any "
        "reason it cannot be done, I give you your money back. Or if you prefer, I give you "
        "your money back now and you come back later.»",
    ),
    "payment.slow": (
        "El sistema está lento: antes de cobrar, avise al cliente que la recarga puede tardar.",
        "The system is slow: before taking the money, tell the customer the top-up may take "
        "a while.",
    ),
    "slow.choices": (
        "E: enviar ahora · D: enviar después (queda cobrada) · R: devolver el dinero",
        "E: send now · D: send later (kept paid) · R: give the money back",
    ),
    "slow.deferred": (
        "Venta guardada para enviarse después; prometida para las {time}.",
        "Sale kept to be sent later; promised by {time}.",
    ),
    "slow.refunded": (
        "Devuelva {amount} al cliente. No se envió nada.",
        "Give {amount} back to the customer. Nothing was sent.",
    ),
    # --- sending ---
    "send.sending": ("Enviando {amount} al {number}…", "Sending {amount} to {number}…"),
    "send.elapsed": ("{seconds} s", "{seconds} s"),
    "send.wait": (
        "Espere la respuesta. No se puede enviar dos veces ni cancelar una recarga enviada.",
        "Wait for the answer. A top-up cannot be sent twice nor cancelled once sent.",
    ),
    # --- receipt ---
    "receipt.title": ("Recarga realizada", "Top-up done"),
    "receipt.number": ("Número", "Number"),
    "receipt.carrier": ("Compañía", "Company"),
    "receipt.service": ("Servicio", "Service"),
    "receipt.bill_reference": ("Ref. de pago", "Bill ref."),
    "receipt.amount": ("Monto", "Amount"),
    "receipt.carrier_folio": ("Folio compañía", "Carrier folio"),
    "receipt.dealer_folio": ("Folio distribuidor", "Dealer folio"),
    "receipt.time": ("Hora de la recarga", "Time of the top-up"),
    "receipt.checked_at": ("Comprobada a las", "Checked at"),
    "receipt.reference": ("Referencia", "Reference"),
    "receipt.found_in": ("Comprobado en", "Proven by"),
    "receipt.found_in_report": ("el reporte de ventas", "the sales report"),
    "receipt.found_in_lookup": ("la consulta al distribuidor", "the lookup at the dealer"),
    "receipt.ticket": ("Ticket del distribuidor: {lines}", "The dealer's ticket: {lines}"),
    "receipt.tell_customer": (
        "Dé al cliente el folio de la compañía. Enter para terminar.",
        "Give the customer the carrier folio. Enter to finish.",
    ),
    # --- rejection (R01, R02) ---
    "rejected.title": (
        "No se hizo la recarga de {amount} al {number}",
        "The {amount} top-up to {number} was not made",
    ),
    "rejected.nothing_sent": (
        "El distribuidor confirma que no se hizo y no le descontó nada a la tienda. Usted ya "
        "cobró {paid} al cliente: ese dinero es del cliente hasta corregir la venta o "
        "devolvérselo.",
        "The distributor confirms it was not made and took nothing from the shop. You were "
        "paid {paid} by the customer: that money is the customer's until the sale is corrected "
        "or it is given back.",
    ),
    "rejected.choices": (
        "C: corregir datos (el dinero pasa a la venta corregida) · R: devolver el dinero · "
        "F9: decidir después (queda en Pendientes, F3)",
        "C: correct the data (the money goes to the corrected sale) · R: give the money back · "
        "F9: decide later (it stays in Pending, F3)",
    ),
    "rejected.choices_offline": (
        "R: devolver el dinero · F9: decidir después · para corregir los datos, entre (F2 en "
        "el inicio)",
        "R: give the money back · F9: decide later · to correct the data, log in (F2 at home)",
    ),
    "rejected.later": (
        "La venta rechazada queda en Pendientes (F3): el dinero sigue siendo del cliente "
        "hasta corregir los datos o devolverlo.",
        "The rejected sale stays in Pending (F3): the money is still the customer's until "
        "the data is corrected or it is given back.",
    ),
    "rejected.refunded": (
        "Devuelva {amount} al cliente.",
        "Give {amount} back to the customer.",
    ),
}
