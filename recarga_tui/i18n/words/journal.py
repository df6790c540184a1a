"""Words about the shop's notebook (the journal) and its command-line tools."""

WORDS = {
    # --- why this copy cannot write ---
    "journal.read_only": (
        "Solo lectura: otra copia de la app tiene el cuaderno abierto",
        "Read-only: another copy of the app has the notebook open",
    ),
    "journal.read_only_disk": (
        "Solo lectura: no se puede escribir en la carpeta del cuaderno; "
        "revise el disco o llame a la mesa de control",
        "Read-only: the notebook's folder cannot be written to; "
        "check the disk or call the control desk",
    ),
    "journal.read_only_asked": (
        "Cuaderno abierto solo para consulta",
        "Notebook opened for reading only",
    ),
    # --- a step that could not be written: nothing announced may happen ---
    "journal.disk_full": (
        "Disco lleno: la venta no se anotó en el cuaderno y no se hizo nada más. "
        "Libere espacio en el disco o llame a la mesa de control.",
        "Disk full: the sale was not written in the notebook and nothing else was done. "
        "Free some disk space or call the control desk.",
    ),
    "journal.disk_read_only": (
        "El disco no deja escribir (solo lectura o sin permiso): la venta no se anotó "
        "y no se hizo nada más. Llame a la mesa de control.",
        "The disk does not allow writing (read-only or no permission): the sale was not "
        "written and nothing else was done. Call the control desk.",
    ),
    "journal.write_failed": (
        "No se pudo anotar en el cuaderno ({reason}); no se hizo nada más. "
        "Llame a la mesa de control.",
        "The notebook could not be written ({reason}); nothing else was done. "
        "Call the control desk.",
    ),
    # The same refusals for a step of a sale already in the notebook: which step could not be
    # written, what that left undone, then why and what to do (ui/errors.py puts them so).
    "journal.disk_full.why": (
        "Disco lleno: libere espacio en el disco o llame a la mesa de control.",
        "Disk full: free some disk space or call the control desk.",
    ),
    "journal.disk_read_only.why": (
        "El disco no deja escribir (solo lectura o sin permiso): llame a la mesa de control.",
        "The disk does not allow writing (read-only or no permission): call the control desk.",
    ),
    "journal.write_failed.why": (
        "No se pudo escribir ({reason}): llame a la mesa de control.",
        "It could not be written ({reason}): call the control desk.",
    ),
    "journal.not_written.captured": (
        "La venta no se anotó en el cuaderno y no se hizo nada más.",
        "The sale was not written in the notebook and nothing else was done.",
    ),
    "journal.not_written.accepted": (
        "No se anotó que el cliente aceptó: no cobre todavía; la venta sigue sin aceptar.",
        "The customer's acceptance was not written: do not collect yet; the sale is still "
        "not accepted.",
    ),
    "journal.not_written.paid": (
        "No se anotó el cobro: la venta sigue sin cobrar y no se envió nada.",
        "The payment was not written: the sale is still unpaid and nothing was sent.",
    ),
    "journal.not_written.sending": (
        "La venta sí está anotada como cobrada; lo que no se pudo anotar es el envío, así "
        "que no se envió nada.",
        "The sale is written as paid; what could not be written is the send, so nothing "
        "was sent.",
    ),
    "journal.not_written.deferred": (
        "No se anotó dejarla para después: sigue cobrada y sin enviar.",
        "Leaving it for later was not written: it is still paid and not sent.",
    ),
    "journal.not_written.refunded": (
        "No se anotó la devolución: no entregue el dinero todavía; la venta sigue como estaba.",
        "The money back was not written: do not hand the money over yet; the sale is as it "
        "was.",
    ),
    "journal.not_written.abandoned": (
        "No se anotó que el cliente se fue: la venta sigue abierta; no se cobró nada.",
        "That the customer left was not written: the sale stays open; nothing was collected.",
    ),
    "journal.stale_history": (
        "El cuaderno ya tiene otros pasos para la venta {ref} ({stored} anotados, {given} "
        "nuevos): no se reescriben. Vuelva a abrir la venta.",
        "The notebook already holds other steps for sale {ref} ({stored} stored, {given} "
        "given): they are not rewritten. Open the sale again.",
    ),
    "journal.illegal_history": (
        "La historia de la venta {ref} no es válida: {problem}",
        "The history of sale {ref} is not valid: {problem}",
    ),
    "journal.secret_refused": (
        "La venta {ref} trae un dato «{key}» que parece una contraseña o clave; "
        "el cuaderno nunca guarda contraseñas",
        "Sale {ref} carries a field «{key}» that looks like a password or key; "
        "the notebook never stores passwords",
    ),
    "journal.bad_data": (
        "La venta {ref} trae datos que no se pueden anotar",
        "Sale {ref} carries data that cannot be written down",
    ),
    "journal.unreadable_file": (
        "El cuaderno no puede leer {file} ({reason}). Si es una carpeta o un archivo que no "
        "es de la app, apártelo; si es un permiso, devuélvalo al usuario de la app "
        "(chmod 600 para un archivo, 700 para la carpeta). Si no sabe, llame a la mesa de "
        "control.",
        "The notebook cannot read {file} ({reason}). If it is a folder or a file that is not "
        "the app's, move it away; if it is a permission, give it back to the app's user "
        "(chmod 600 for a file, 700 for the folder). If unsure, call the control desk.",
    ),
    "journal.closed": (
        "El cuaderno ya se cerró",
        "The notebook is already closed",
    ),
    # --- what is wrong with a history ---
    "journal.history.empty": ("no tiene ningún paso", "it has no step"),
    "journal.history.bad_step": (
        "el paso {step} no se entiende",
        "step {step} cannot be read",
    ),
    "journal.history.not_captured_first": (
        "empieza en «{state}» y no con la captura",
        "it starts at «{state}», not with the capture",
    ),
    "journal.history.illegal": (
        "el paso {step} pasa de «{current}» a «{target}», que no está permitido",
        "step {step} goes from «{current}» to «{target}», which is not allowed",
    ),
    "journal.history.time_backwards": (
        "la hora del paso {step} es anterior a la del paso previo",
        "the time of step {step} is before the previous step",
    ),
    # --- what recovery did ---
    "journal.recovered.temp_removed": (
        "Se borró un archivo a medio escribir: {file}",
        "A half-written file was removed: {file}",
    ),
    "journal.recovered.prev_restored": (
        "Faltaba el cuaderno del {day}; se repuso con su copia anterior",
        "The notebook of {day} was missing; it was put back from its previous copy",
    ),
    "journal.recovered.day_from_prev": (
        "El cuaderno del {day} estaba dañado: se apartó como {file} y se usa su copia "
        "anterior (puede faltar el último paso anotado)",
        "The notebook of {day} was damaged: it was moved aside as {file} and its previous "
        "copy is used (the last step written may be missing)",
    ),
    "journal.recovered.day_lost": (
        "El cuaderno del {day} estaba dañado y no había copia anterior buena: se apartó "
        "como {file}. Llame a la mesa de control.",
        "The notebook of {day} was damaged and had no good previous copy: it was moved "
        "aside as {file}. Call the control desk.",
    ),
    "journal.recovered.day_missing": (
        "Falta el cuaderno del {day} y su copia anterior (.prev) no se puede leer: sus "
        "ventas no se pueden mostrar. Guarde los archivos del día y llame a la mesa de "
        "control.",
        "The notebook of {day} is missing and its previous copy (.prev) cannot be read: its "
        "sales cannot be shown. Keep the day's files and call the control desk.",
    ),
    "journal.recovered.damaged_read_only": (
        "El cuaderno del {day} está dañado: se muestra su copia anterior (.prev) de las "
        "{time}, a la que puede faltar lo último, hasta que la copia principal de la app "
        "lo repare",
        "The notebook of {day} is damaged: its previous copy (.prev) of {time} is shown, "
        "which may lack the latest steps, until the main copy of the app repairs it",
    ),
    "journal.recovered.damaged_read_only_lost": (
        "El cuaderno del {day} está dañado y no tiene copia anterior buena: sus ventas no se "
        "pueden mostrar. Llame a la mesa de control.",
        "The notebook of {day} is damaged and has no good previous copy: its sales cannot "
        "be shown. Call the control desk.",
    ),
    "journal.recovered.unfinished_lost": (
        "Con el cuaderno dañado del {day} se perdieron {count} ventas sin terminar: {refs}. "
        "No están terminadas: búsquelas en el reporte de ventas del distribuidor y "
        "anótelas a mano.",
        "With the damaged notebook of {day}, {count} unfinished sales were lost: {refs}. "
        "They are not finished: look them up in the dealer's sales report and write them "
        "down by hand.",
    ),
    "journal.recovered.check_failed": (
        "La venta {ref} del {day} no coincide con su verificación: se cambió después de "
        "anotarse. Se muestra como está; ejecute: recarga-tui journal check",
        "Sale {ref} of {day} does not match its check: it was changed after it was written. "
        "It is shown as it is; run: recarga-tui journal check",
    ),
    "journal.recovered.bad_document": (
        "Una venta del {day} ({ref}) no se pudo leer y no se muestra; "
        "ejecute: recarga-tui journal check",
        "A sale of {day} ({ref}) could not be read and is not shown; "
        "run: recarga-tui journal check",
    ),
    "journal.recovered.index_rebuilt": (
        "Se rehízo el índice de ventas pendientes leyendo todos los días",
        "The index of pending sales was rebuilt by reading every day",
    ),
    "journal.recovered.index_not_saved": (
        "No se pudo guardar el índice de ventas pendientes (¿disco lleno?); "
        "se rehará al abrir",
        "The index of pending sales could not be saved (disk full?); it will be rebuilt "
        "at start",
    ),
    "journal.cannot_open": (
        "No se puede abrir el cuaderno de ventas en {folder}: {reason}. Revise «journal_dir» "
        "en la configuración (recarga-tui check-config) o llame a la mesa de control.",
        "The sales notebook cannot be opened in {folder}: {reason}. Check «journal_dir» in "
        "the configuration (recarga-tui check-config) or call the control desk.",
    ),
    # --- command line ---
    "journal.os_error": (
        "{file}: {reason}",
        "{file}: {reason}",
    ),
    "journal.bad_day": (
        "«{value}» no es un día válido: use AAAA-MM-DD, por ejemplo 2026-11-25",
        "«{value}» is not a valid day: use YYYY-MM-DD, for example 2026-11-25",
    ),
    "journal.bad_range": (
        "El primer día ({first}) es posterior al último ({last})",
        "The first day ({first}) is after the last one ({last})",
    ),
    "journal.no_folder": (
        "No existe la carpeta del cuaderno: {folder}",
        "The notebook's folder does not exist: {folder}",
    ),
    "journal.export.day_from_prev": (
        "día {day} dañado: se usó la copia anterior (.prev) de las {time}; puede faltar lo "
        "último",
        "day {day} damaged: its previous copy (.prev) of {time} was used; the latest steps "
        "may be missing",
    ),
    "journal.export.day_lost": (
        "día {day} dañado: no se pudo leer; sus ventas no están en la exportación",
        "day {day} damaged: it could not be read; its sales are not in the export",
    ),
    "journal.export.bad_document": (
        "día {day}: la venta {ref} no se pudo leer; no está en la exportación",
        "day {day}: sale {ref} could not be read; it is not in the export",
    ),
    "journal.export.done": (
        "{count} ventas exportadas a {file}",
        "{count} sales exported to {file}",
    ),
    "journal.backup.same_folder": (
        "La copia no puede ir a la misma carpeta del cuaderno: {folder}",
        "The copy cannot go into the notebook's own folder: {folder}",
    ),
    "journal.backup.done": (
        "Copia hecha en {dest}: {days} días",
        "Copy made in {dest}: {days} days",
    ),
    # --- journal check ---
    "journal.check.summary": (
        "{files} archivos revisados, {damaged} con daños",
        "{files} files checked, {damaged} damaged",
    ),
    "journal.check.note": ("aviso", "note"),
    "journal.check.app_running": (
        "La app está abierta: ciérrela antes de reparar el cuaderno",
        "The app is open: close it before repairing the notebook",
    ),
    "journal.check.index_rebuilt": (
        "Índice rehecho: {count} ventas sin terminar",
        "Index rebuilt: {count} unfinished sales",
    ),
    "journal.check.unreadable": (
        "no se puede leer ({reason})",
        "cannot be read ({reason})",
    ),
    "journal.check.prev_available": (
        "su copia anterior (.prev) está bien: al abrir, la app la usará",
        "its previous copy (.prev) is fine: the app will use it when it opens",
    ),
    "journal.check.bad_document": (
        "el documento {id} no es una venta ({reason})",
        "document {id} is not a sale ({reason})",
    ),
    "journal.check.check_failed": (
        "venta {ref} (documento {id}): no coincide con su verificación; se cambió después de "
        "anotarse (a mano o por el disco)",
        "sale {ref} (document {id}): does not match its check; it was changed after it was "
        "written (by hand or by the disk)",
    ),
    "journal.check.unsealed": (
        "{count} ventas sin verificación (anotadas por una versión anterior de la app)",
        "{count} sales without a check (written by an older version of the app)",
    ),
    "journal.check.duplicate_id": (
        "el documento {id} está dos veces: la app lee solo el último ({shown}) y la venta "
        "{hidden} queda oculta",
        "document {id} is there twice: the app reads only the last one ({shown}) and sale "
        "{hidden} is hidden",
    ),
    "journal.check.duplicate_key": (
        "la clave «{key}» está dos veces en el mismo objeto: se lee solo la última",
        "key «{key}» is twice in the same object: only the last one is read",
    ),
    "journal.check.unfinished_unreadable": (
        "venta sin terminar {ref} (según el índice): este día no se puede leer, así que no "
        "consta cómo terminó; búsquela en el reporte de ventas del distribuidor",
        "unfinished sale {ref} (by the index): this day cannot be read, so how it ended is "
        "not known; look it up in the dealer's sales report",
    ),
    "journal.check.unfinished_not_in_prev": (
        "venta sin terminar {ref} (según el índice): tampoco está en la copia anterior; "
        "búsquela en el reporte de ventas del distribuidor",
        "unfinished sale {ref} (by the index): it is not in the previous copy either; "
        "look it up in the dealer's sales report",
    ),
    "journal.check.only_prev": (
        "falta el archivo del día y solo queda su copia anterior ({file}): una reparación "
        "se cortó; se lee la copia anterior y la app la repone al abrir",
        "the day's file is missing and only its previous copy ({file}) is there: a repair "
        "was cut short; the previous copy is read, and the app puts it back when it opens",
    ),
    "journal.check.missing_sale": (
        "falta la venta {ref} (documento {id}), que el día ya tenía: se borró después de "
        "anotarse; búsquela en el reporte de ventas del distribuidor",
        "sale {ref} (document {id}) is missing, and the day had it: it was removed after it "
        "was written; look it up in the dealer's sales report",
    ),
    "journal.check.not_as_listed": (
        "el documento {id} era la venta {ref} y ahora dice {found}: se cambió a mano",
        "document {id} was sale {ref} and now says {found}: it was changed by hand",
    ),
    "journal.check.steps_missing": (
        "venta {ref}: tiene {have} pasos y el día sabe de {known}: se quitaron pasos después "
        "de anotarse",
        "sale {ref}: it has {have} steps and the day knows of {known}: steps were removed "
        "after they were written",
    ),
    "journal.check.check_removed": (
        "venta {ref}: su verificación no es la que se anotó (se quitó o se rehízo)",
        "sale {ref}: its check is not the one written (removed or made again)",
    ),
    "journal.check.not_listed": (
        "venta {ref} (documento {id}): el día no la anotó; se agregó a mano",
        "sale {ref} (document {id}): the day never wrote it; it was added by hand",
    ),
    "journal.check.missing_id": (
        "falta el documento {id}: los números van seguidos y una venta nunca sale de su "
        "día; se borró una línea",
        "document {id} is missing: the numbers run one after another and a sale never "
        "leaves its day; a line was removed",
    ),
    "journal.check.no_contents": (
        "sin lista de contenido (anotado por una versión anterior de la app)",
        "no list of contents (written by an older version of the app)",
    ),
    "journal.check.duplicate_ref": (
        "la venta {ref} aparece dos veces",
        "sale {ref} appears twice",
    ),
    "journal.check.ref_in_two_days": (
        "la venta {ref} aparece en varios días: {days}",
        "sale {ref} appears in several days: {days}",
    ),
    "journal.check.bad_history": (
        "venta {ref}: {problem}",
        "sale {ref}: {problem}",
    ),
    "journal.check.inconsistent": (
        "venta {ref}: el estado anotado no es el de su último paso",
        "sale {ref}: the stored state is not that of its last step",
    ),
    "journal.check.secret": (
        "venta {ref}: guarda un dato «{key}» que parece contraseña; no debe estar ahí",
        "sale {ref}: holds a field «{key}» that looks like a password; it must not be there",
    ),
    "journal.check.index_missing": (
        "falta el índice y hay ventas sin terminar; "
        "ejecute: recarga-tui journal check --repair",
        "the index is missing and there are unfinished sales; "
        "run: recarga-tui journal check --repair",
    ),
    "journal.check.index_missing_harmless": (
        "no hay índice; la app lo creará al abrir",
        "there is no index; the app will create it when it opens",
    ),
    "journal.check.not_indexed": (
        "la venta sin terminar {ref} (del {day}) no está en el índice; "
        "ejecute: recarga-tui journal check --repair",
        "unfinished sale {ref} (of {day}) is not in the index; "
        "run: recarga-tui journal check --repair",
    ),
    "journal.check.index_stale": (
        "{count} entradas de ventas ya terminadas; la app las quita al abrir",
        "{count} entries for sales already finished; the app drops them when it opens",
    ),
    "journal.check.temp_left": (
        "archivo a medio escribir {file}; la app lo borra al abrir, si quien lo escribía ya "
        "no está abierto",
        "half-written file {file}; the app removes it when it opens, once whoever wrote it "
        "is no longer running",
    ),
    "journal.check.damaged_aside": (
        "archivo dañado apartado {file}; guárdelo para la mesa de control",
        "damaged file moved aside {file}; keep it for the control desk",
    ),
    "journal.check.prev_bad": (
        "la copia anterior {file} no se puede leer",
        "the previous copy {file} cannot be read",
    ),
    # --- the counter's own records: shifts and cashiers' locks (the desk table) ---
    "journal.desk.bad_kind": (
        "no es ni un turno ni un bloqueo de cajero («{kind}»)",
        "it is neither a shift nor a cashier's lock («{kind}»)",
    ),
    "journal.desk.not_first": (
        "empieza en «{state}» y no con la apertura",
        "it starts at «{state}», not with the opening",
    ),
    "journal.desk.bad_record": (
        "no nombra a su cajero o le falta un dato",
        "it names no cashier or lacks a figure",
    ),
    "journal.check.bad_desk": (
        "el registro de caja {id} no es válido: {problem}",
        "counter record {id} is not valid: {problem}",
    ),
    "journal.check.desk.check_failed": (
        "registro de caja {ref} (documento {id}): no coincide con su verificación; se cambió "
        "después de anotarse",
        "counter record {ref} (document {id}): does not match its check; it was changed after "
        "it was written",
    ),
    "journal.check.desk.duplicate_ref": (
        "el registro de caja {ref} aparece dos veces",
        "counter record {ref} appears twice",
    ),
    "journal.check.desk.secret": (
        "registro de caja {ref}: guarda un dato «{key}» que parece contraseña o NIP; no debe "
        "estar ahí",
        "counter record {ref}: holds a field «{key}» that looks like a password or PIN; it "
        "must not be there",
    ),
    "journal.check.desk.missing_sale": (
        "falta el registro de caja {ref} (documento {id}), que el día ya tenía: se borró "
        "después de anotarse",
        "counter record {ref} (document {id}) is missing, and the day had it: it was removed "
        "after it was written",
    ),
    "journal.check.desk.not_as_listed": (
        "el documento de caja {id} era {ref} y ahora dice {found}: se cambió a mano",
        "counter document {id} was {ref} and now says {found}: it was changed by hand",
    ),
    "journal.check.desk.steps_missing": (
        "registro de caja {ref}: tiene {have} pasos y el día sabe de {known}: se quitaron "
        "pasos después de anotarse",
        "counter record {ref}: it has {have} steps and the day knows of {known}: steps were "
        "removed after they were written",
    ),
    "journal.check.desk.check_removed": (
        "registro de caja {ref}: su verificación no es la que se anotó (se quitó o se rehízo)",
        "counter record {ref}: its check is not the one written (removed or made again)",
    ),
    "journal.check.desk.not_listed": (
        "registro de caja {ref} (documento {id}): el día no lo anotó; se agregó a mano",
        "counter record {ref} (document {id}): the day never wrote it; it was added by hand",
    ),
    "journal.check.desk.missing_id": (
        "falta el documento de caja {id}: los números van seguidos; se borró una línea",
        "counter document {id} is missing: the numbers run one after another; a line was "
        "removed",
    ),
}
