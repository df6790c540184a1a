"""Words of the command line."""

WORDS = {
    "cli.needs_terminal": (
        "recarga-tui necesita una terminal: ábralo desde una ventana de terminal o por SSH "
        "con «ssh -t». Para revisar la configuración use «recarga-tui check-config».",
        "recarga-tui needs a terminal: open it from a terminal window or over SSH with "
        "«ssh -t». To check the configuration use «recarga-tui check-config».",
    ),
}
