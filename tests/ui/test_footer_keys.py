"""Every screen's way back works over SSH and on the Linux console: a key bound to Esc is also
bound to another key, and the footer shows that other key, never "esc" alone."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.screen import Screen

import recarga_tui.ui.screens as screens


def screen_classes() -> list[type[Screen]]:
    found = []
    for info in pkgutil.iter_modules(screens.__path__):
        module = importlib.import_module(f"{screens.__name__}.{info.name}")
        found += [cls for _, cls in inspect.getmembers(module, inspect.isclass)
                  if issubclass(cls, Screen) and cls.__module__ == module.__name__]
    return found


def test_an_escape_binding_shows_its_other_key_in_the_footer():
    checked = 0
    for cls in screen_classes():
        for binding in cls.__dict__.get("BINDINGS", ()):
            keys = binding.key.split(",")
            if "escape" not in keys or not binding.show:
                continue
            checked += 1
            others = [k for k in keys if k != "escape"]
            assert others, f"{cls.__name__}: Esc is the only key of {binding.action}"
            shown = (binding.key_display or "").lower()
            assert shown in others, f"{cls.__name__}: the footer shows {shown or 'esc'!r}"
    assert checked >= 10
