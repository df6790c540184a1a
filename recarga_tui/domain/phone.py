"""Mexican phone numbers: the 10 digits, read back grouped and in words, two entries compared.

Since the 2019 numbering plan every Mexican number is dialled as 10 digits: a regional code
(2 or 3 digits) and the subscriber number. Regional codes start with 2 to 9, so a national
number never starts with 0 or 1; the old prefixes 044/045 (a mobile from a landline or long
distance), 01 (long distance) and the "1" of "+52 1" (a mobile from abroad) are gone and a
top-up under them would go to the wrong number or fail. They are refused with a message
telling the cashier to type only the 10 digits, rather than silently stripped: the customer
should learn their number as it is dialled today, and a guess is never sent (R04).
"""

from __future__ import annotations

from msgspec import Struct

from recarga_tui import i18n
from recarga_tui.domain.catalog import REFERENCE_MAX, group_reference
from recarga_tui.domain.sale import SaleError

LENGTH = 10
# The most digits a number can be typed with: 10, or 13 with an old prefix (044...) that is
# refused by name. A field stops taking digits there.
MAX_TYPED_DIGITS = LENGTH + 3
COUNTRY_CODE = "52"
DIGITS = "0123456789"
# What people type around the digits; anything else is refused by name.
SEPARATORS = frozenset(" -.()\t\u00a0")
# 3-3-4, as the number is read aloud: "272 721 5380".
GROUPS = (3, 3, 4)
# The shortest reference a bill service asks for in the simulators' catalogs (a contract).
REFERENCE_SHORTEST = 8


class PhoneError(SaleError):
    """An entry that is not a Mexican 10-digit number; ``code`` says why, for the cashier."""


def normalize(raw: str) -> str:
    """The 10 digits of ``raw``, or :class:`PhoneError` with the reason.

    Spaces, dashes, dots and parentheses are allowed anywhere; a leading ``+52`` or ``52`` is
    dropped when it leaves exactly 10 digits.
    """
    text = raw.strip()
    if not text:
        raise PhoneError("phone.empty")
    plus = text.startswith("+")
    body = text[1:] if plus else text
    _check_characters(body)
    digits = "".join(ch for ch in body if ch in DIGITS)
    if not digits:
        raise PhoneError("phone.empty")
    if plus:
        if not digits.startswith(COUNTRY_CODE):
            raise PhoneError("phone.not_mexican")
        digits = digits[len(COUNTRY_CODE):]
        if digits.startswith("1") and len(digits) == LENGTH + 1:
            raise PhoneError("phone.old_prefix", prefix="+52 1")
    else:
        digits = _strip_prefix(digits)
    if len(digits) < LENGTH:
        raise PhoneError("phone.too_short", count=len(digits))
    if len(digits) > LENGTH:
        raise PhoneError("phone.too_long", count=len(digits))
    if digits[0] in "01":
        raise PhoneError("phone.bad_start", digit=digits[0])
    return digits


def _check_characters(body: str) -> None:
    letters = list(dict.fromkeys(ch for ch in body if ch.isalpha()))
    if letters:
        raise PhoneError("phone.letters", chars=" ".join(letters))
    # Non-ASCII digits (full-width, Arabic-Indic...) are refused too: the dealer takes ASCII.
    others = list(dict.fromkeys(ch for ch in body if ch not in DIGITS and ch not in SEPARATORS))
    if others:
        raise PhoneError("phone.bad_chars", chars=" ".join(others))


def _strip_prefix(digits: str) -> str:
    """Drop ``52``, refuse the old prefixes; only where the length says it is a prefix."""
    n = len(digits)
    if n == LENGTH + 3 and digits[:3] in ("044", "045"):
        raise PhoneError("phone.old_prefix", prefix=digits[:3])
    if n == LENGTH + 3 and digits[:3] == "521":
        raise PhoneError("phone.old_prefix", prefix="52 1")
    if n == LENGTH + 1 and digits[0] == "1":
        raise PhoneError("phone.old_prefix", prefix="1")
    if n == LENGTH + 2 and digits[:2] == "01":
        raise PhoneError("phone.old_prefix", prefix="01")
    if n == LENGTH + 2 and digits[:2] == COUNTRY_CODE:
        return digits[2:]
    return digits


def is_valid(raw: str) -> bool:
    try:
        normalize(raw)
    except PhoneError:
        return False
    return True


# --- read-back (R04) ---


def chunks(digits: str) -> list[str]:
    """``digits`` cut 3-3-rest, as :func:`group` shows them; works on any length."""
    out: list[str] = []
    start = 0
    for size in GROUPS[:-1]:
        if start >= len(digits):
            break
        out.append(digits[start:start + size])
        start += size
    if start < len(digits):
        out.append(digits[start:])
    return out


def group(msisdn: str) -> str:
    """The number grouped for reading back: ``"272 721 5380"``. What a sale holds in its
    place for a bill (the service's reference, plain digits that are no phone number) is
    grouped in fours, as it is read aloud: ``"0123 4567 8901"``."""
    try:
        return " ".join(chunks(normalize(msisdn)))
    except PhoneError:
        if is_reference(msisdn):
            return group_reference(msisdn)
        raise


def is_reference(value: str) -> bool:
    """Plain digits of a service's reference as the journal keeps them (never typed input:
    that is read by :func:`normalize` or ``catalog.field_value``)."""
    return value.isascii() and value.isdigit() and REFERENCE_SHORTEST <= len(value) \
        <= REFERENCE_MAX


def grouped_index(position: int) -> int:
    """Where digit ``position`` (0-based, in the 10 digits) sits in :func:`group`'s text."""
    offset = 0
    edge = 0
    for size in GROUPS[:-1]:
        edge += size
        if position >= edge:
            offset += 1
    return position + offset


def digit_word(digit: str, lang: str | None = None) -> str:
    return i18n.t(f"phone.digit.{digit}", lang=lang)


def spoken(msisdn: str, lang: str | None = None) -> str:
    """The digits in words, grouped like :func:`group`: ``"dos siete dos, siete dos uno, ..."``.

    Digit by digit, never "doscientos setenta y dos": a customer checks a number against the
    note digit by digit, and a missing or extra digit is heard at once.
    """
    return ", ".join(
        " ".join(digit_word(d, lang) for d in part) for part in chunks(normalize(msisdn))
    )


def spoken_groups(groups: list[str], lang: str | None = None) -> str:
    """Any digits in words, group by group (a service's reference, read in fours)."""
    return ", ".join(" ".join(digit_word(d, lang) for d in part if d in DIGITS)
                     for part in groups)


# --- the second entry (R03, R04) ---


class Comparison(Struct, frozen=True):
    """Two entries of the same number, side by side.

    ``first``/``second`` are the normalized 10 digits of each entry when it is valid, or just
    the digits typed when it is not (so the cashier still sees where they part).
    ``positions`` are the 0-based places where they differ, counted in those digits; when the
    lengths differ every place past the shorter one counts as different.
    """

    first: str
    second: str
    positions: tuple[int, ...]
    first_error: PhoneError | None = None
    second_error: PhoneError | None = None

    @property
    def valid(self) -> bool:
        return self.first_error is None and self.second_error is None

    @property
    def matches(self) -> bool:
        """True only when both entries are valid numbers and equal: then it may go on."""
        return self.valid and not self.positions

    @property
    def same_length(self) -> bool:
        return len(self.first) == len(self.second)

    @property
    def msisdn(self) -> str | None:
        """The agreed number, when the entries match."""
        return self.first if self.matches else None

    @property
    def code(self) -> str:
        """The catalog key that tells the cashier what the comparison found."""
        if self.first_error is not None:
            return "phone.compare.first_invalid"
        if self.second_error is not None:
            return "phone.compare.second_invalid"
        if not self.positions:
            return "phone.compare.same"
        if len(self.positions) == 1:
            return "phone.compare.differ_one"
        return "phone.compare.differ_many"

    def text(self, lang: str | None = None) -> str:
        """What the comparison found, in words for the cashier."""
        params: dict[str, object] = {"count": len(self.positions)}
        error = self.first_error or self.second_error
        if error is not None:
            params["reason"] = i18n.t(error.code, lang=lang, **error.params)
        return i18n.t(self.code, lang=lang, **params)

    def marks(self) -> str:
        """A line with ``^`` under each differing digit, aligned with the grouped entries."""
        width = len(" ".join(chunks(self.longest)))
        line = [" "] * width
        for pos in self.positions:
            line[grouped_index(pos)] = "^"
        return "".join(line).rstrip()

    @property
    def longest(self) -> str:
        return self.first if len(self.first) >= len(self.second) else self.second

    def lines(self) -> tuple[str, str, str]:
        """The first entry grouped, the second grouped, and the marks under them."""
        return (" ".join(chunks(self.first)), " ".join(chunks(self.second)), self.marks())

    def render(self) -> str:
        return "\n".join(line for line in self.lines() if line)


def _digits_of(raw: str) -> tuple[str, PhoneError | None]:
    try:
        return normalize(raw), None
    except PhoneError as error:
        return "".join(ch for ch in raw if ch in DIGITS), error


def compare(first: str, second: str) -> Comparison:
    """Compare two entries of the same number; never raises for bad entries."""
    a, first_error = _digits_of(first)
    b, second_error = _digits_of(second)
    positions = tuple(
        i for i in range(max(len(a), len(b)))
        if i >= len(a) or i >= len(b) or a[i] != b[i]
    )
    return Comparison(a, b, positions, first_error, second_error)
