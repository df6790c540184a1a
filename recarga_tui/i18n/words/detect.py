"""Words of the company detected from the number, at the capture (R04): advice the cashier
may overrule; the read-back names the company chosen."""

WORDS = {
    "capture.number_first": (
        "Primero el número; después se elige la compañía (el distribuidor sugiere la suya)",
        "The number first; the company is chosen after it (the dealer suggests its own)",
    ),
    "capture.detected": ("detectada", "detected"),
}
