"""Words about the config file."""

WORDS = {
    "config.missing_file": (
        "{file}: no existe el archivo de configuración; cópielo de config.example.toml",
        "{file}: the config file does not exist; copy it from config.example.toml",
    ),
    "config.unreadable": (
        "{file}: no se puede leer el archivo de configuración ({reason})",
        "{file}: the config file cannot be read ({reason})",
    ),
    "config.not_utf8": (
        "{file}: el archivo de configuración debe guardarse como texto UTF-8 "
        "(la línea {line} no lo es)",
        "{file}: the config file must be saved as UTF-8 text (line {line} is not)",
    ),
    "config.no_permission": (
        "{file}: este usuario no tiene permiso para leer el archivo de configuración",
        "{file}: this user has no permission to read the config file",
    ),
    "config.link_loop": (
        "{file}: los enlaces simbólicos forman un ciclo y no llevan a ningún archivo",
        "{file}: the symbolic links form a loop and lead to no file",
    ),
    "config.dangling_link": (
        "{file}: es un enlace simbólico a {target}, que no existe",
        "{file}: is a symbolic link to {target}, which does not exist",
    ),
    "config.not_regular": (
        "{file}: es {kind}, no un archivo de configuración; no se lee",
        "{file}: is {kind}, not a config file; it is not read",
    ),
    "config.kind.folder": ("una carpeta", "a folder"),
    "config.kind.fifo": ("una tubería con nombre (FIFO)", "a named pipe (FIFO)"),
    "config.kind.device": ("un dispositivo", "a device"),
    "config.kind.socket": ("un socket", "a socket"),
    "config.kind.other": ("un archivo especial", "a special file"),
    "config.too_big": (
        "{file}: el archivo de configuración pasa del límite de {cap} KiB; "
        "no parece el archivo correcto",
        "{file}: the config file is over the {cap} KiB limit; it does not look like the "
        "right file",
    ),
    "config.too_deep": (
        "{file}: el archivo anida listas o tablas a demasiada profundidad para leerlo",
        "{file}: the file nests lists or tables too deeply to be read",
    ),
    "config.number_too_long": (
        "{file}: el archivo tiene un número de miles de dígitos; ningún valor lleva tantos",
        "{file}: the file has a number thousands of digits long; no setting takes one",
    ),
    "config.bad_toml": (
        "{file}: el archivo no es TOML válido: {reason}",
        "{file}: the file is not valid TOML: {reason}",
    ),
    # --- what tomllib says is wrong, in the cashier's words (config.py _TOML_REASONS) ---
    "config.toml.at": ("línea {line}, columna {column}", "line {line}, column {column}"),
    "config.toml.at_end": ("al final del archivo", "at the end of the file"),
    "config.toml.table_twice": (
        "la sección [{table}] está dos veces; júntelas en una",
        "section [{table}] appears twice; join them into one",
    ),
    "config.toml.invalid_statement": (
        "la línea no es ni «clave = valor» ni «[sección]» ni un comentario con #",
        "the line is neither \"key = value\" nor \"[section]\" nor a # comment",
    ),
    "config.toml.after_statement": (
        "sobra algo después del valor; cada clave va en su propia línea y un comentario empieza "
        "con #",
        "something is left after the value; each key goes on its own line and a comment starts "
        "with #",
    ),
    "config.toml.no_equals": (
        "falta el signo = entre la clave y su valor",
        "the = sign between the key and its value is missing",
    ),
    "config.toml.unclosed_section": (
        "falta el ] que cierra el nombre de la sección",
        "the ] that closes the section's name is missing",
    ),
    "config.toml.key_twice": (
        "una clave tiene valor dos veces; deje solo uno",
        "a key is given a value twice; keep only one",
    ),
    "config.toml.redefined": (
        "una sección o una clave se vuelve a definir con otra forma",
        "a section or a key is defined again in another shape",
    ),
    "config.toml.bad_key": (
        "el nombre de una clave empieza con un carácter que no puede llevar (use letras, "
        "dígitos, _ o -, o escríbalo entre comillas)",
        "a key's name starts with a character it cannot have (use letters, digits, _ or -, or "
        "write it in quotes)",
    ),
    "config.toml.unclosed_array": (
        "una lista [ ... ] no se cierra, o le falta una coma entre dos valores",
        "a list [ ... ] is not closed, or a comma is missing between two values",
    ),
    "config.toml.unclosed_inline_table": (
        "una tabla { ... } no se cierra en la misma línea",
        "a table { ... } is not closed on the same line",
    ),
    "config.toml.backslash": (
        "una \\ suelta dentro de un texto entre comillas dobles; escriba \\\\ o use "
        "comillas simples (como en 'C:\\tickets')",
        "a lone \\ inside a text in double quotes; write \\\\ or use single quotes (as in "
        "'C:\\tickets')",
    ),
    "config.toml.bad_escape": (
        "un \\u o \\U dentro de un texto no es un carácter válido",
        "a \\u or \\U inside a text is not a valid character",
    ),
    "config.toml.unterminated_string": (
        "un texto entre comillas no se cierra",
        "a text in quotes is not closed",
    ),
    "config.toml.illegal_character": (
        "un carácter que no puede ir ahí (un salto de línea o un carácter de control, "
        "invisible) dentro de un texto o de un comentario",
        "a character that cannot be there (a line break or an invisible control character) "
        "inside a text or a comment",
    ),
    "config.toml.bad_date": (
        "una fecha u hora que no existe",
        "a date or time that does not exist",
    ),
    "config.toml.bad_value": (
        "un valor que no se entiende: un texto va entre comillas (\"es\"), un número sin "
        "ellas (15), sí/no como true o false, una lista entre [ ]",
        "a value that cannot be read: a text goes in quotes (\"es\"), a number without them "
        "(15), yes/no as true or false, a list in [ ]",
    ),
    "config.toml.other": (
        "algo no sigue las reglas de TOML",
        "something breaks TOML's rules",
    ),
    "config.unknown_section": (
        "{file}: sección [{key}] desconocida; se esperaba una de: {known}",
        "{file}: unknown section [{key}]; expected one of: {known}",
    ),
    "config.top_level_key": (
        "{file}: la clave {key} debe ir dentro de una sección, como [{section}]",
        "{file}: key {key} must be inside a section such as [{section}]",
    ),
    "config.unknown_key": (
        "{file}: clave {key} desconocida; en esa sección van: {known}",
        "{file}: unknown key {key}; that section takes: {known}",
    ),
    "config.no_keys": ("ninguna", "none"),
    "config.moved_key": (
        "{file}: [dealer] {old} se leyó como [dealer.{kind}] {key}; muévala a esa sección, "
        "que es donde va ahora",
        "{file}: [dealer] {old} was read as [dealer.{kind}] {key}; move it to that section, "
        "where it goes now",
    ),
    "config.moved_twice": (
        "{file}: {key} está dos veces, también en su lugar anterior {old}; deje solo {key}",
        "{file}: {key} is set twice, also at its old place {old}; keep only {key}",
    ),
    "config.bad_value": (
        "{file}: {key} debe ser {expected}, no {got}",
        "{file}: {key} must be {expected}, not {got}",
    ),
    "config.ok": (
        "{file}: configuración correcta",
        "{file}: the configuration is correct",
    ),
    "config.defaults": (
        "No hay archivo de configuración en {file}; se usan los valores de fábrica",
        "No config file at {file}; the defaults are used",
    ),
    "config.readable_by_others": (
        "Aviso: otros usuarios pueden leer {file}; ejecute: chmod 600 {file}",
        "Warning: other users can read {file}; run: chmod 600 {file}",
    ),
    "config.expect.language": ('"es" o "en"', '"es" or "en"'),
    "config.expect.text": (
        "un texto entre comillas, de una línea y hasta {high} caracteres",
        "a quoted text, one line of up to {high} characters",
    ),
    "config.expect.text_list": (
        'una lista de hasta {most} textos de una línea (de hasta {high} caracteres), '
        'como ["a", "b"]',
        'a list of up to {most} one-line texts (up to {high} characters each), like ["a", "b"]',
    ),
    "config.expect.folder": (
        'la ruta de una carpeta entre comillas, de una línea y hasta {high} caracteres '
        '(~usuario solo con un usuario de esta PC)',
        "a quoted folder path, one line of up to {high} characters (~user only with a user "
        "of this PC)",
    ),
    "config.expect.folder_not_file": (
        "una carpeta, y esa ruta es un archivo (o pasa por uno): indique una carpeta",
        "a folder, and that path is a file (or goes through one): name a folder",
    ),
    "config.expect.seconds": (
        "un número de segundos de {low} a {high}",
        "a number of seconds from {low} to {high}",
    ),
    "config.expect.whole_seconds": (
        "un número entero de segundos de {low} a {high}",
        "a whole number of seconds from {low} to {high}",
    ),
    "config.expect.minutes": (
        "un número entero de minutos de {low} a {high}",
        "a whole number of minutes from {low} to {high}",
    ),
    "config.expect.days": (
        "un número entero de días de {low} a {high}",
        "a whole number of days from {low} to {high}",
    ),
    "config.expect.pesos": (
        "una cantidad entera de pesos de {low} a {high}",
        "a whole number of pesos from {low} to {high}",
    ),
    "config.expect.pool_pesos": (
        "una cantidad entera de pesos de {low} a {high} (0: sin aviso)",
        "a whole number of pesos from {low} to {high} (0: no warning)",
    ),
    "config.expect.pool_thresholds": (
        'una tabla de hasta {most} bolsas, cada una por su nombre o su id con una cantidad '
        'entera de pesos de {low} a {high}, como {{ "Pago de Servicios" = 2000 }}',
        'a table of up to {most} pools, each by its name or id with a whole number of pesos '
        'from {low} to {high}, like {{ "Pago de Servicios" = 2000 }}',
    ),
    "config.expect.percent": (
        "un porcentaje de 0 a 100 con hasta dos decimales, como 6.5",
        "a percentage from 0 to 100 with up to two decimals, like 6.5",
    ),
    "config.expect.attempts": (
        "un número entero de intentos de {low} a {high}",
        "a whole number of attempts from {low} to {high}",
    ),
    "config.expect.time": (
        'una hora del día "HH:MM" (00:00 a 23:59)',
        'a time of day "HH:MM" (00:00 to 23:59)',
    ),
    "config.expect.url": (
        "una dirección https:// o http:// con servidor y sin espacios, ? ni # "
        "(como https://recargas.example.com.mx)",
        "an https:// or http:// address with a host and no spaces, ? or # "
        "(like https://recargas.example.com.mx)",
    ),
    "config.expect.url_no_credentials": (
        "una dirección sin usuario ni contraseña (las credenciales nunca van en la dirección)",
        "an address without user or password (credentials never go in the address)",
    ),
    "config.expect.ca_bundle": (
        "la ruta de un archivo de certificados PEM que exista, o \"\" para los del sistema",
        "the path of an existing PEM certificate file, or \"\" for the system's",
    ),
    "config.expect.dealer_kind": (
        "el tipo de distribuidor, uno de: {kinds}",
        "the kind of dealer, one of: {kinds}",
    ),
    "config.expect.secret": (
        "texto sin espacios ni acentos, hasta 128 caracteres",
        "text without spaces or accents, up to 128 characters",
    ),
    "config.dealer_kind_unavailable": (
        "Esta versión todavía no habla con un distribuidor de tipo \"{kind}\" "
        "([dealer] kind)",
        "This version does not speak to a dealer of kind \"{kind}\" yet ([dealer] kind)",
    ),
    # --- a dealer's secrets (dealer/registry.py Secret), never shown (R12) ---
    "config.secret.from_env": (
        "{dealer}: {what} viene de la variable {env} (no se muestra)",
        "{dealer}: {what} comes from the variable {env} (not shown)",
    ),
    "config.secret.from_file": (
        "{dealer}: {what} viene del archivo (no se muestra)",
        "{dealer}: {what} comes from the file (not shown)",
    ),
    "config.secret.readable": (
        "Aviso: {file} guarda {what} de {dealer} y otros usuarios pueden leerlo; ejecute: "
        "chmod 600 {file}, o póngalo en la variable {env}",
        "Warning: {file} holds {dealer}'s {what} and other users can read it; run: chmod 600 "
        "{file}, or put it in the variable {env}",
    ),
    "config.taecel.key": ("la llave (key)", "the key"),
    "config.taecel.nip": ("el NIP", "the NIP"),
    "config.taecel.key_missing": (
        "Taecel: falta la llave (key): póngala en [dealer.taecel] key o en {env}; sin ella "
        "se usa el usuario que se escribe al entrar",
        "Taecel: the key is missing: set it in [dealer.taecel] key or in {env}; without it "
        "the user typed at the login is used",
    ),
    "config.taecel.nip_missing": (
        "Taecel: el NIP no está guardado: se escribe como contraseña al entrar",
        "Taecel: the NIP is not kept: it is typed as the password at the login",
    ),
    "config.transact.licence": ("la licencia", "the licence"),
    "config.transact.licence_missing": (
        "transact: la licencia está vacía (ni [dealer.transact] licence ni {env}): la app pide "
        "el número de solicitud (GetTRequestID) con la licencia vacía, como otros sistemas de "
        "tienda. Si el distribuidor contesta sin número, ninguna venta sale y la pantalla lo "
        "dice: pídale la licencia y póngala en {env} o en [dealer.transact] licence",
        "transact: the licence is empty (neither [dealer.transact] licence nor {env}): the app "
        "asks for the request id (GetTRequestID) with an empty licence, as other shop systems "
        "do. If the dealer answers with no id, no sale goes out and the screen says so: ask "
        "the dealer for the licence and put it in {env} or in [dealer.transact] licence",
    ),
    "config.hidden": (
        "(no se muestra: es secreto)",
        "(not shown: it is a secret)",
    ),
    "config.expect.terminal_id": (
        "el id de terminal: letras, dígitos, - o _ (hasta 32)",
        "the terminal id: letters, digits, - or _ (up to 32)",
    ),
    "config.expect.licence": (
        "la licencia del distribuidor: letras, dígitos y _ . : @ + / = - (hasta 128), sin "
        "espacios",
        "the dealer's licence: letters, digits and _ . : @ + / = - (up to 128), no spaces",
    ),
    "config.expect.table": ("una sección [..]", "a section [..]"),
    "config.expect.timezone": (
        'una zona horaria como "America/Mexico_City" o "America/Tijuana"',
        'a time zone like "America/Mexico_City" or "America/Tijuana"',
    ),
    "config.expect.peak_end": (
        "una hora distinta de peak_start",
        "a time different from peak_start",
    ),
    "config.expect.small_below_large": (
        "menor que cash.large_bill_pesos",
        "less than cash.large_bill_pesos",
    ),
}
