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
        "el protocolo del distribuidor: \"v1\", \"taecel\" o \"transact\"",
        "the dealer's protocol: \"v1\", \"taecel\" or \"transact\"",
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
    "config.taecel.nip_readable": (
        "Aviso: el NIP de Taecel está en {file} y otros usuarios pueden leerlo; ejecute: "
        "chmod 600 {file}, o póngalo en RECARGA_TAECEL_NIP",
        "Warning: Taecel's NIP is in {file} and other users can read it; run: chmod 600 "
        "{file}, or set it in RECARGA_TAECEL_NIP",
    ),
    "config.taecel.key_from_env": (
        "Taecel: la llave (key) viene de {env} (no se muestra)",
        "Taecel: the key comes from {env} (not shown)",
    ),
    "config.taecel.key_from_file": (
        "Taecel: la llave (key) viene del archivo (no se muestra)",
        "Taecel: the key comes from the file (not shown)",
    ),
    "config.taecel.key_missing": (
        "Taecel: falta la llave (key): póngala en [dealer] taecel_key o en {env}; sin ella "
        "se usa el usuario que se escribe al entrar",
        "Taecel: the key is missing: set it in [dealer] taecel_key or in {env}; without it "
        "the user typed at the login is used",
    ),
    "config.taecel.nip_from_env": (
        "Taecel: el NIP viene de {env} (no se muestra)",
        "Taecel: the NIP comes from {env} (not shown)",
    ),
    "config.taecel.nip_from_file": (
        "Taecel: el NIP viene del archivo (no se muestra)",
        "Taecel: the NIP comes from the file (not shown)",
    ),
    "config.taecel.nip_missing": (
        "Taecel: el NIP no está guardado: se escribe como contraseña al entrar",
        "Taecel: the NIP is not kept: it is typed as the password at the login",
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
    "config.licence_readable": (
        "Aviso: {file} guarda la licencia del distribuidor y otros usuarios pueden leerlo; "
        "ejecute: chmod 600 {file}, o póngala en la variable {env}",
        "Warning: {file} holds the dealer's licence and other users can read it; run: "
        "chmod 600 {file}, or put it in the variable {env}",
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
