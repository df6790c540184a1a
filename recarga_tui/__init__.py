"""recarga-tui: the shop counter app for prepaid mobile top-ups."""

__version__ = "0.1.0"
