"""The one catalog of words the cashier reads, in Spanish (es-MX, the default) and English.

A small catalog of Python dictionaries, one module per area under ``words/``, each entry
holding both languages side by side: ``"key": ("texto", "text")``. It was chosen over gettext
because the app has two languages and few plurals, needs no compile step or .mo files on the
shop PC, and a test can check at once that every key has both languages with the same
placeholders. Placeholders use ``str.format`` names: ``"{amount}"``.
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from typing import Literal

Language = Literal["es", "en"]
LANGUAGES: tuple[Language, ...] = ("es", "en")

_current: Language = "es"
_catalog: dict[str, tuple[str, str]] | None = None
# The words of single modules, read before the whole catalog is needed (see ``_words``).
_homes: dict[str, dict[str, tuple[str, str]]] = {}


def _load() -> dict[str, tuple[str, str]]:
    """Merge every ``words`` module; a key defined twice is a programming error."""
    from . import words

    merged: dict[str, tuple[str, str]] = {}
    for info in pkgutil.iter_modules(words.__path__):
        module = importlib.import_module(f"{words.__name__}.{info.name}")
        for key, pair in module.WORDS.items():
            if key in merged:
                raise KeyError(f"catalog key {key!r} defined twice (in {info.name})")
            merged[key] = pair
    return merged


def catalog() -> dict[str, tuple[str, str]]:
    global _catalog
    if _catalog is None:
        _catalog = _load()
    return _catalog


def set_language(language: str) -> None:
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _current = language


def language() -> Language:
    return _current


def _words(key: str, count: object) -> dict[str, tuple[str, str]]:
    """Where ``key`` is: the words of its home module (``words/config.py`` for
    ``"config.…"``), read alone while nothing else was needed, so a short command
    (check-config) does not read the whole catalog; the whole catalog otherwise. A key is
    defined once (``catalog()`` refuses a second), so both give the same text."""
    if _catalog is not None:
        return _catalog
    home = key.partition(".")[0]
    if home not in _homes:
        from . import words

        try:
            module = importlib.import_module(f"{words.__name__}.{home}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{words.__name__}.{home}":
                raise
            return catalog()
        _homes[home] = module.WORDS
    found = _homes[home]
    if key in found and (count != 1 or f"{key}.one" in found):
        return found
    return catalog()  # elsewhere, or a singular that may be


def t(key: str, /, lang: str | None = None, **params: object) -> str:
    """The text for ``key`` in the current language (or ``lang``), with ``params`` filled in.

    With ``count=1`` the singular ``<key>.one`` is used where the catalog has one: "1 venta",
    never "1 ventas" or "1 venta(s)".
    """
    words = _words(key, params.get("count"))
    if params.get("count") == 1 and f"{key}.one" in words:
        key = f"{key}.one"
    pair = words[key]
    text = pair[LANGUAGES.index(lang or _current)]
    return text.format(**params) if params else text


def tc(key: str, category: object, /, lang: str | None = None, **params: object) -> str:
    """``key`` worded for what is sold: ``<key>.<category>`` where the catalog words it for
    that category of product (a bill's receipt says "Pago de servicio realizado", a bundle's
    ticket warns of the bundle too), else ``key`` itself (airtime's words)."""
    specific = f"{key}.{getattr(category, 'value', category)}"
    return t(specific if specific in catalog() else key, lang, **params)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
