"""One setting of the config file, declared once: a field of its section's frozen dataclass
whose type carries its bounds (msgspec's ``Meta``) and an :class:`Expect`, what it expects in
the cashier's words.

    claims_days: Annotated[int, Meta(ge=1, le=366), Expect("config.expect.days")] = 30

From that one line the file's value is judged (:meth:`Setting.judge`: msgspec converts it,
strictly, to the type within its bounds), the words of a refusal are filled with the same
bounds ("un número entero de días de 1 a 366"), and the key is known to its section
(:func:`settings_of`). What a type cannot say (an address, a folder that must not be a file,
a zone the system knows) is a function of the :class:`Expect`: ``read`` before the type,
``then`` after it.

Kept apart from ``config.py`` so each section can be declared where it lives: the printer's in
``printing/settings.py``, each dealer's ``[dealer.<kind>]`` in ``dealer/<kind>/kind.py``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Annotated, Any, get_args, get_origin, get_type_hints

import msgspec
import msgspec.inspect

# One line of text: no character that would break the line a setting is shown in, or a path
# given to the OS (C0 and C1 controls, the Unicode line and paragraph separators).
ONE_LINE = r"\A[^\x00-\x1f\x7f-\x9f\u2028\u2029]*\Z"
# A field of a section that is not a key of the file (``field(metadata=NOT_IN_FILE)``).
NOT_IN_FILE: Mapping[str, bool] = MappingProxyType({"in_file": False})


def one_line(high: int) -> msgspec.Meta:
    """A text of one line and at most ``high`` characters."""
    return msgspec.Meta(max_length=high, pattern=ONE_LINE)


class Unfit(Exception):
    """A value refused: ``expect`` is the catalog key of what was expected, filled with
    ``params``; ``shown`` is what the message quotes of the value (a secret is never quoted,
    and a check may quote less than the value: an address without its password)."""

    def __init__(self, expect: str, shown: Any, **params: object) -> None:
        super().__init__(expect)
        self.expect = expect
        self.shown = shown
        self.params = params


@dataclass(frozen=True)
class Expect:
    """What a setting expects, said in the catalog's words (``words``, filled with the bounds
    of its type), whether it is a secret (never shown back, even when wrong: R12), and the
    checks its type cannot make: ``read`` takes the file's value before the type does (text
    such as "19:30" made a time), ``then`` takes the typed value after; each returns the value
    to keep, or None to refuse it, or raises :class:`Unfit` to refuse it in words of its own."""

    words: str
    secret: bool = False
    read: Callable[[Any], Any] | None = None
    then: Callable[[Any], Any] | None = None


@dataclass(frozen=True)
class Setting:
    """One key of a section: its type as msgspec reads it, and its :class:`Expect`."""

    name: str
    type: Any
    expect: Expect

    @property
    def params(self) -> Mapping[str, object]:
        """The bounds of its type as its words name them (``low``, ``high``, ``most``)."""
        return _bounds(self.type)

    def judge(self, value: Any) -> Any:
        """The typed value of ``value`` as the file wrote it; :class:`Unfit` when it does not
        fit."""
        expect = self.expect
        read = value if expect.read is None else self._kept(expect.read(value), value)
        try:
            typed = msgspec.convert(read, self.type, strict=True)
        except msgspec.ValidationError:
            raise self._refused(value) from None  # quoted as the file wrote it
        if expect.then is not None:
            typed = self._kept(expect.then(typed), value)
        return typed

    def fits(self, value: Any) -> bool:
        try:
            self.judge(value)
        except Unfit:
            return False
        return True

    def _kept(self, checked: Any, value: Any) -> Any:
        if checked is None:
            raise self._refused(value)
        return checked

    def _refused(self, value: Any) -> Unfit:
        return Unfit(self.expect.words, value, **self.params)


@cache
def settings_of(section: type) -> Mapping[str, Setting]:
    """The keys of a section (a dataclass), in the order they are declared: every field but
    those marked :data:`NOT_IN_FILE`, each of which must say what it expects."""
    hints = get_type_hints(section, include_extras=True)
    found = {}
    for f in dataclasses.fields(section):
        if not f.metadata.get("in_file", True):
            continue
        hint = hints[f.name]
        expect = next((m for m in get_args(hint)[1:] if isinstance(m, Expect)), None)
        if get_origin(hint) is not Annotated or expect is None:
            raise TypeError(f"{section.__name__}.{f.name}: a setting declares its Expect")
        found[f.name] = Setting(f.name, hint, expect)
    return MappingProxyType(found)


def _bounds(hint: Any) -> dict[str, object]:
    """The bounds of a type, as the words name them: ``low`` and ``high`` of a number, ``high``
    of a text (its length), ``most`` of a list and ``high`` of its texts, ``most`` of a
    table and ``low`` and ``high`` of its numbers."""
    types = msgspec.inspect
    info = types.type_info(hint)
    bounds: dict[str, object] = {}
    if isinstance(info, (types.IntType, types.FloatType)):
        low = info.ge if info.ge is not None else info.gt
        high = info.le if info.le is not None else info.lt
        bounds = {"low": _number(low), "high": _number(high)}
    elif isinstance(info, types.StrType):
        bounds = {"high": info.max_length}
    elif isinstance(info, (types.VarTupleType, types.ListType)):
        bounds = {"most": info.max_length}
        if isinstance(info.item_type, types.StrType):
            bounds["high"] = info.item_type.max_length
    elif isinstance(info, types.DictType):  # a table of names, each with its number
        bounds = {"most": info.max_length}
        if isinstance(info.value_type, (types.IntType, types.FloatType)):
            bounds["low"] = _number(info.value_type.ge)
            bounds["high"] = _number(info.value_type.le)
    return {key: value for key, value in bounds.items() if value is not None}


def _number(value: float | None) -> object:
    """A bound as the words show it: 0.1, 600, 10000 (never 600.0 or 1e+04)."""
    if isinstance(value, float):
        return f"{value:g}"
    return value
