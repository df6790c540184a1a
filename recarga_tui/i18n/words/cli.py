"""Words of the command line."""

WORDS = {
    "cli.not_yet": (
        "Esta versión todavía no incluye «{what}».",
        "This version does not include «{what}» yet.",
    ),
}
