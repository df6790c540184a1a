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
    "help.pending.title": ("Ventas pendientes (F3)", "Pending sales (F3)"),
    "help.pending.body": (
        "Cada venta que todavía espera algo, con lo que sigue. Ábrala con su número, o con las "
        "flechas y Enter. El dinero de estas ventas es del cliente hasta que se realicen o se "
        "le devuelva.\n"
        "• Sin respuesta: puede que sí le haya llegado. No la envíe otra vez ni devuelva el "
        "dinero. {looked_for} Puede tardar hasta {reflection} minutos en aparecer; si aparece, "
        "queda realizada con el dato del distribuidor como prueba.\n"
        "• No llegó: pasaron los {reflection} minutos y no apareció. {resend}\n"
        "• Para después: cobrada y guardada; la app la envía sola cuando el sistema se "
        "normaliza. Se ve la hora prometida al cliente; si ya pasó, ofrézcale su dinero. P "
        "imprime su comprobante con la hora prometida.\n"
        "• Cobrada: se cobró y no se envió (por ejemplo, se fue la luz). E la envía ahora, D la "
        "deja para después con nueva hora prometida, R devuelve el dinero: nada se envió.\n"
        "• Rechazada: el distribuidor confirmó que no se hizo. Corrija los datos o devuelva el "
        "dinero.\n"
        "• Enviándose: espere la respuesta.",
        "Every sale still waiting for something, with its next step. Open it by its number, or "
        "with the arrows and Enter. The money of these sales is the customer's until they are "
        "done or it is given back.\n"
        "• No answer: it may have arrived. Do not send it again or give the money back. "
        "{looked_for} It can take up to {reflection} minutes to show; if it shows, it is done, "
        "with the distributor's data as proof.\n"
        "• Never arrived: the {reflection} minutes passed and it did not show. {resend}\n"
        "• Send later: paid and kept; the app sends it by itself once the system is normal. "
        "The time promised to the customer shows; if it passed, offer the money back. P prints "
        "their slip with the promised time.\n"
        "• Paid: paid and not sent (say, the power went off). E sends it now, D keeps it for "
        "later with a new promised time, R gives the money back: nothing was sent.\n"
        "• Rejected: the distributor confirmed it was not made. Correct the data or give the "
        "money back.\n"
        "• Sending: wait for the answer.",
    ),
    "help.capture.title": ("Capturar la venta", "Capturing the sale"),
    "help.capture.body": (
        "Pida al cliente que escriba su número y compañía en la libreta, de su puño y letra.\n"
        "Elija qué vende con su número: 1 tiempo aire, 2 paquetes, 3 pago de servicios (F2 lo "
        "cambia). Elija la compañía o el servicio, escriba el número a 10 dígitos (o la "
        "referencia del recibo), y otra vez como el cliente se lo dicte o como viene en el "
        "recibo. Si no coinciden, la app marca las posiciones distintas y no sigue. Luego elija "
        "el monto o el paquete con su número; en un recibo escriba el importe a pagar. Si la "
        "bolsa de saldo de esa venta no alcanza, la app lo dice antes de cobrar.",
        "Ask the customer to write their number and company in the notebook, by hand.\n"
        "Pick what is sold by its number: 1 airtime, 2 data bundles, 3 bill payments (F2 "
        "changes it). Pick the company or service, type the 10-digit number (or the bill's "
        "reference), then again as the customer says it or as the bill prints it. If they "
        "differ, the app marks the positions and goes no further. Then pick the amount or the "
        "bundle by its number; for a bill type the amount to pay. If that sale's balance pool "
        "cannot cover it, the app says so before any money is taken.",
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
    "help.catalog.title": ("Paquetes y pago de servicios", "Data bundles and bill payments"),
    "help.catalog.body": (
        "Paquetes (Amigo Sin Límite, Internet Amigo...): como una recarga, al número de 10 "
        "dígitos; lea al cliente el nombre del paquete, su vigencia y lo que incluye antes de "
        "que lo acepte.\n"
        "Pago de servicios (luz CFE, Telmex, agua...): la referencia del recibo se escribe dos "
        "veces y se lee en grupos de cuatro («0123 4567 8901»); el importe se escribe en pesos, "
        "dentro de lo que permite el distribuidor, y se lee junto con la referencia. Una vez "
        "aceptados, no se aceptan reclamaciones por error en la referencia, el servicio o el "
        "importe.\n"
        "Cada pago sale de su bolsa de saldo (tiempo aire, pago de servicios): el inicio y la "
        "cuenta (F6) muestran cada bolsa; si la de una venta no alcanza, no se cobra ni se "
        "envía: deposite a esa bolsa con la mesa de control. El corte de caja (F8) separa "
        "tiempo aire, paquetes y servicios, cada uno cuadrado al centavo.",
        "Data bundles (Amigo Sin Límite, Internet Amigo...): like a top-up, to the 10-digit "
        "number; read the customer the bundle's name, validity and what it includes before "
        "they accept it.\n"
        "Bill payments (CFE electricity, Telmex, water...): the bill's reference is typed twice "
        "and read in groups of four («0123 4567 8901»); the amount is typed in pesos, within "
        "what the distributor allows, and read with the reference. Once accepted, no claim for "
        "a wrong reference, service or amount is accepted.\n"
        "Each sale is paid from its balance pool (airtime, bill payments): home and the account "
        "(F6) show each pool; if a sale's pool cannot cover it, nothing is collected or sent: "
        "deposit into that pool through the control desk. The cash close (F8) splits airtime, "
        "bundles and bills, each balanced to the centavo.",
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
        "Entre {peak_start} y {peak_end} las compañías se saturan. Diga la verdad al cliente y ofrezca: "
        "anotar su número, cobrar y enviarla en unos {minutes} minutos; o que regrese; y si no "
        "se pudo, devolverle su dinero. La app envía sola las ventas guardadas cuando el sistema "
        "se normaliza.",
        "Between {peak_start} and {peak_end} the carriers saturate. Tell the customer the truth and offer: "
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
        "prueba por si regresa. P imprime su ticket (o sale solo, si así se configuró); V lo "
        "muestra en pantalla. Si la impresora falla, la venta ya está hecha y no se vuelve a "
        "enviar: arregle la impresora y oprima P otra vez.",
        "Give the customer the carrier folio. It is kept in the app's notebook as proof in case "
        "they come back. P prints their ticket (or it prints by itself, if so set); V shows it "
        "on screen. If the printer fails, the sale is already done and is not sent again: fix "
        "the printer and press P again.",
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
        "nuevo ni devuelva el dinero sin que se haya revisado: una operación puede tardar hasta "
        "{reflection} minutos en aparecer. {looked_for}",
        "Sometimes the screen shows an error but the customer does get the top-up. Never send "
        "it again or give the money back before it was checked: a sale can take up to "
        "{reflection} minutes to show. {looked_for}",
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
        "No haga recargas que le pidan por teléfono, WhatsApp, mensajero o correo: solo se hace "
        "la recarga cuando ya está pagada, con el cliente en el mostrador. A distancia nadie "
        "acepta el número leído en voz alta, el dinero no está en caja (sería fiar) y, si "
        "algo falla, no hay a quién devolverle.",
        "Never top up on orders by phone, WhatsApp, messenger or e-mail: a top-up is made only "
        "once it is paid, with the customer at the counter. From afar nobody accepts the number "
        "read aloud, the money is not in the drawer (it would be credit) and, if something "
        "fails, there is nobody to give the money back to.",
    ),
    "help.passwords.title": ("Contraseñas", "Passwords"),
    "help.passwords.body": (
        "Su contraseña es su responsabilidad. Nadie del distribuidor se la va a pedir; nunca la "
        "escriba en un correo o chat. Si la olvidó o quiere cambiarla, escriba a {admin_email} "
        "pidiendo que el administrador se comunique con usted; él solo atiende contraseñas.\n"
        "Si la sesión vence, la app le pide la contraseña otra vez sin perder la pantalla; una "
        "venta cobrada no se envía hasta que la escriba (queda en Pendientes si elige «Ahora "
        "no»). Ctrl+L bloquea la pantalla cuando se aleja del mostrador.",
        "Your password is your responsibility. Nobody from the distributor will ask for it; "
        "never write it in an e-mail or chat. If you forgot it or want to change it, write to "
        "{admin_email} asking the administrator to contact you; they handle passwords only.\n"
        "If the session lapses, the app asks for the password again without losing the "
        "screen; a paid sale is not sent until you type it (it stays in Pending if you choose "
        "\"Not now\"). Ctrl+L locks the screen when you step away from the counter.",
    ),
    "help.contacts.title": ("Contacto con la mesa de control", "Contacting the control desk"),
    "help.contacts.body": (
        "Correo (el único que se lee): {email}\nChat: {chat}\nTeléfono: {phone}\n{address}",
        "E-mail (the only one that is read): {email}\nChat: {chat}\nPhone: {phone}\n{address}",
    ),
    "help.version": ("recarga-tui {version} · ¿Qué hago?", "recarga-tui {version} · What do I do?"),
    "help.search": ("Buscar:", "Search:"),
    "help.matches": (
        "{count} secciones tienen esas palabras: ↑ ↓ para pasar de una a otra.",
        "{count} sections have those words: ↑ ↓ to go from one to the next.",
    ),
    "help.matches.one": (
        '1 sección tiene esas palabras.',
        '1 section has those words.',
    ),
    "help.no_match": (
        "Ninguna sección dice «{text}». Borre con ← (retroceso) y pruebe otra palabra.",
        "No section says «{text}». Delete with backspace and try another word.",
    ),
    "key.previous_match": ("Anterior", "Previous"),
    "key.next_match": ("Siguiente", "Next"),
    "help.report.title": ("Reporte de ventas (F4)", "Sales report (F4)"),
    "help.report.body": (
        "Muestra el reporte del distribuidor de un día junto a su cuaderno. Marca con «!» las "
        "diferencias: una recarga del reporte que no está en el cuaderno, una realizada en el "
        "cuaderno que no sale en el reporte (solo después de {reflection} minutos: puede tardar "
        "en aparecer) y los datos distintos (número, monto, folio). ← → cambia el día; con ↑ ↓ "
        "elija una diferencia y A pide la aclaración a la mesa de control. P reimprime el "
        "ticket de una recarga realizada (dice REIMPRESIÓN; no se vende otra vez).",
        "Shows the distributor's report of a day beside your notebook. It marks differences "
        "with «!»: a top-up in the report missing from the notebook, one done in the notebook "
        "missing from the report (only after {reflection} minutes: it may take that long to "
        "show) and data that differ (number, amount, folio). ← → changes the day; pick a "
        "difference with ↑ ↓ and A asks the control desk to clarify it. P reprints the ticket "
        "of a top-up that was done (marked REPRINT; nothing is sold again).",
    ),
    "help.claims.title": ("Reclamos de clientes (F5)", "Customer claims (F5)"),
    "help.claims.body": (
        "Si un cliente regresa diciendo que no le llegó, escriba su número (o el folio) y oprima "
        "Enter: verá sus ventas de los últimos {days} días con su prueba: a qué hora aceptó el "
        "número leído, cuándo se cobró y envió, el folio de la compañía y dónde se comprobó. "
        "Lea al cliente las palabras que se muestran. Después de aceptar el número no procede "
        "reclamación por número o compañía equivocados. F2 pide una aclaración de esa venta; "
        "F3 reimprime su ticket (dice REIMPRESIÓN; no se vende otra vez).",
        "If a customer comes back saying it never arrived, type their number (or the folio) and "
        "press Enter: you see their sales of the last {days} days with the proof: when they "
        "accepted the number read back, when it was paid and sent, the carrier folio and where "
        "it was proven. Read the words shown to the customer. Once the number was accepted, no "
        "claim for a wrong number or company applies. F2 asks to clarify that sale; F3 "
        "reprints its ticket (marked REPRINT; nothing is sold again).",
    ),
    "help.account.title": ("Cuenta y depósitos (F6)", "Account and deposits (F6)"),
    "help.account.body": (
        "Su saldo y el estado de cuenta: depósitos, abonos, cargos, recargas y comisiones con el "
        "saldo de cada movimiento. F2 avisa un depósito: banco, monto, referencia y fecha, como "
        "en la ficha; ahí ve también los avisos enviados y si ya se abonaron. Dudas sobre "
        "recargas, depósitos, abonos, cargos o estados de cuenta: mesa de control, {email}, "
        "tel. {phone}.",
        "Your balance and the statement: deposits, credits, charges, top-ups and commissions "
        "with the balance after each. F2 notifies a deposit: bank, amount, reference and date, "
        "as on the slip; there you also see the notices sent and whether they were credited. "
        "Questions on top-ups, deposits, credits, charges or statements: control desk, {email}, "
        "phone {phone}.",
    ),
    "help.support.title": ("Soporte: fallas y aclaraciones (F7)", "Support (F7)"),
    "help.support.body": (
        "F2 reporta una falla a soporte técnico: elija su origen, escriba qué pasó y marque las "
        "ventas afectadas. No llega respuesta escrita: la respuesta es que el sistema vuelva a "
        "funcionar. F3 pide una aclaración de su cuenta: se contesta por escrito en 24 horas; la "
        "pantalla muestra cuándo vence y la respuesta. Si pasa la hora sin respuesta, llame a "
        "la mesa de control.",
        "F2 reports a failure to technical support: pick its origin, type what happened and "
        "mark the sales concerned. No written answer comes: the answer is the system working "
        "again. F3 asks for an account clarification: it is answered in writing within 24 "
        "hours; the screen shows when it is due and the answer. If it passes with no answer, "
        "call the control desk.",
    ),
    "help.close.title": ("Corte de caja (F8)", "Cash close (F8)"),
    "help.close.body": (
        "Cuenta lo que debe haber en caja: ventas realizadas por compañía o servicio, efectivo "
        "recibido, cambio entregado y dinero devuelto. Las ventas sin confirmar o para después "
        "tienen su dinero en caja, pero es del cliente hasta que se confirmen o se devuelva. D: "
        "el día; T: un turno desde la hora que escriba; L: desde que entró. P lo guarda como "
        "texto para imprimir y como CSV en la carpeta «cortes», junto a la del cuaderno (la "
        "pantalla dice el archivo); I lo imprime en la impresora de tickets. Una copia de "
        "consulta no guarda ni imprime nada.",
        "Counts what the drawer must hold: sales done by company or service, cash taken, change "
        "given and money given back. Unconfirmed or deferred sales have their money in the "
        "drawer, but it is the customer's until confirmed or given back. D: the day; T: a shift "
        "from the time you type; L: since you logged in. P saves it as printable text and as "
        "CSV in the folder «cortes», beside the notebook's (the screen names the file); I "
        "prints it on the ticket printer. A look-only copy saves and prints nothing.",
    ),
    "help.lock.title": ("Bloquear la pantalla (Ctrl+L)", "Locking the screen (Ctrl+L)"),
    "help.lock.body": (
        "Si se aleja del mostrador, oprima Ctrl+L: nada se ve hasta que escriba su contraseña "
        "otra vez. Si el distribuidor cierra su sesión, la app le pide la contraseña sin perder "
        "lo que estaba haciendo. La contraseña no se guarda en ningún lado.",
        "If you leave the counter, press Ctrl+L: nothing shows until your password is typed "
        "again. If the distributor ends your session, the app asks for the password without "
        "losing what you were doing. The password is stored nowhere.",
    ),
    "help.read_only.title": ("SOLO LECTURA", "READ-ONLY"),
    "help.read_only.body": (
        "Si arriba dice SOLO LECTURA, otra copia de la app tiene abierto el cuaderno. Solo una "
        "puede anotar ventas, así que aquí las teclas de vender no hacen nada: venda en la otra "
        "copia. Aquí puede consultar reportes, reclamos, cuenta y corte.",
        "If the top says READ-ONLY, another copy of the app has the notebook open. Only one can "
        "write sales, so here the selling keys do nothing: sell on the other copy. Here you can "
        "look at reports, claims, account and close.",
    ),
}
