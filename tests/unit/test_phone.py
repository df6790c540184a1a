"""Mexican phone numbers: normalise, read back grouped and in words, compare two entries."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recarga_tui import i18n
from recarga_tui.domain import phone
from recarga_tui.domain.phone import PhoneError, compare, group, normalize, spoken
from recarga_tui.domain.sale import SaleError

# A valid national number: a first digit 2-9 and nine more.
numbers = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("23456789"),
    st.text(alphabet="0123456789", min_size=9, max_size=9),
)
separators = st.text(alphabet=" -.()", max_size=2)


def _spread(digits: str, seps: list[str]) -> str:
    return "".join(sep + d for sep, d in zip(seps, digits, strict=False)) + seps[-1]


def _code(raw: str) -> str:
    with pytest.raises(PhoneError) as caught:
        normalize(raw)
    return caught.value.code


# --- normalize ---


@pytest.mark.parametrize("raw", [
    "2727215380",
    "272 721 5380",
    "272-721-5380",
    "272.721.5380",
    "(272) 721-5380",
    "  272 721 5380  ",
    "+52 272 721 5380",
    "+522727215380",
    "52 272 721 5380",
    "522727215380",
    "+52 (272) 721.53.80",
])
def test_accepts_what_people_type_around_the_digits(raw):
    assert normalize(raw) == "2727215380"


def test_a_ten_digit_number_starting_with_52_is_kept_whole():
    assert normalize("5212345678") == "5212345678"


@pytest.mark.parametrize("raw, prefix", [
    ("044 272 721 5380", "044"),
    ("045 272 721 5380", "045"),
    ("01 272 721 5380", "01"),
    ("+52 1 272 721 5380", "+52 1"),
    ("52 1 272 721 5380", "52 1"),
    ("1 272 721 5380", "1"),
])
def test_old_prefixes_are_refused_with_the_prefix_named(raw, prefix):
    with pytest.raises(PhoneError) as caught:
        normalize(raw)
    assert caught.value.code == "phone.old_prefix"
    assert caught.value.params == {"prefix": prefix}
    assert "10" in i18n.t("phone.old_prefix", prefix=prefix)


@pytest.mark.parametrize("raw", ["", "   ", "--", "()", "+"])
def test_empty_entries_are_refused(raw):
    assert _code(raw) == "phone.empty"


def test_letters_are_refused_naming_them():
    with pytest.raises(PhoneError) as caught:
        normalize("272 72l 538O")
    assert caught.value.code == "phone.letters"
    assert caught.value.params == {"chars": "l O"}


@pytest.mark.parametrize("raw, chars", [
    ("272*721*5380", "*"),
    ("272/721_5380", "/ _"),
    ("272 721 5380#", "#"),
    ("272 7+21 5380", "+"),
    ("２７２７２１５３８０", "２ ７ １ ５ ３ ８ ０"),
])
def test_other_characters_are_refused_naming_them(raw, chars):
    with pytest.raises(PhoneError) as caught:
        normalize(raw)
    assert caught.value.code == "phone.bad_chars"
    assert caught.value.params == {"chars": chars}


@pytest.mark.parametrize("raw, count", [("272721538", 9), ("2", 1), ("272 721", 6),
                                        ("+52 272 721 538", 9)])
def test_too_few_digits_says_how_many_were_typed(raw, count):
    with pytest.raises(PhoneError) as caught:
        normalize(raw)
    assert caught.value.code == "phone.too_short"
    assert caught.value.params == {"count": count}


@pytest.mark.parametrize("raw, count", [("27272153801", 11), ("272721538012", 12),
                                        ("2727215380123", 13), ("53 272 721 5380", 12)])
def test_too_many_digits_says_how_many_were_typed(raw, count):
    with pytest.raises(PhoneError) as caught:
        normalize(raw)
    assert caught.value.code == "phone.too_long"
    assert caught.value.params == {"count": count}


@pytest.mark.parametrize("raw, digit", [("0727215380", "0"), ("1727215380", "1"),
                                        ("+52 072 721 5380", "0")])
def test_no_mexican_number_starts_with_0_or_1(raw, digit):
    with pytest.raises(PhoneError) as caught:
        normalize(raw)
    assert caught.value.code == "phone.bad_start"
    assert caught.value.params == {"digit": digit}


def test_a_foreign_country_code_is_refused():
    assert _code("+1 555 123 4567") == "phone.not_mexican"


def test_phone_error_is_a_sale_error_with_a_catalog_key():
    with pytest.raises(SaleError) as caught:
        normalize("12")
    assert caught.value.code in i18n.catalog()


@given(numbers, st.lists(separators, min_size=11, max_size=11),
       st.sampled_from(["", "+52", "+52 ", "52", "52-", "+ 52 "]))
def test_any_valid_number_with_separators_and_prefix_round_trips(digits, seps, prefix):
    assert normalize(prefix + _spread(digits, seps)) == digits


@given(st.text(max_size=20))
def test_normalize_either_gives_ten_digits_or_a_known_refusal(raw):
    try:
        digits = normalize(raw)
    except PhoneError as error:
        assert error.code in i18n.catalog()
        i18n.t(error.code, **error.params)  # renders with its own params
    else:
        assert len(digits) == 10 and digits.isascii() and digits.isdigit()
        assert digits[0] not in "01"


@given(numbers)
def test_is_valid_agrees_with_normalize(digits):
    assert phone.is_valid(digits)
    assert not phone.is_valid(digits[:-1])


# --- read-back (R04) ---


def test_r04_readback_groups_the_number_3_3_4():
    assert group("2727215380") == "272 721 5380"
    assert group("+52 (272) 721-5380") == "272 721 5380"


def test_r04_readback_says_the_digits_in_spanish_words():
    assert spoken("2727215380", "es") == "dos siete dos, siete dos uno, cinco tres ocho cero"


def test_r04_readback_in_english_on_request():
    assert spoken("2727215380", "en") == "two seven two, seven two one, five three eight zero"


def test_r04_readback_follows_the_current_language():
    i18n.set_language("en")
    try:
        assert spoken("5500000019").startswith("five five zero")
    finally:
        i18n.set_language("es")


def test_r04_readback_refuses_an_invalid_number():
    with pytest.raises(PhoneError):
        group("272 721")
    with pytest.raises(PhoneError):
        spoken("044 272 721 5380")


@given(numbers)
def test_r04_grouping_never_loses_a_digit(digits):
    text = group(digits)
    assert text.replace(" ", "") == digits
    assert [len(part) for part in text.split(" ")] == [3, 3, 4]


@given(numbers, st.sampled_from(["es", "en"]))
def test_r04_spoken_digits_never_lose_a_digit(digits, lang):
    words = {i18n.t(f"phone.digit.{d}", lang=lang): d for d in "0123456789"}
    parts = spoken(digits, lang).split(", ")
    assert ["".join(words[w] for w in part.split(" ")) for part in parts] == group(digits).split()


def test_every_digit_has_a_distinct_word_in_each_language():
    for lang in i18n.LANGUAGES:
        words = [phone.digit_word(d, lang) for d in "0123456789"]
        assert len(set(words)) == 10


# --- compare the two entries (R03, R04) ---


def test_r04_compare_the_same_number_typed_two_ways_matches():
    result = compare("272 721 5380", "+52 272-721-5380")
    assert result.matches
    assert result.positions == ()
    assert result.msisdn == "2727215380"
    assert result.code == "phone.compare.same"
    assert result.marks() == ""


def test_r04_compare_marks_the_differing_digit_under_the_grouped_number():
    result = compare("2727215380", "2727315380")
    assert not result.matches
    assert result.positions == (4,)
    assert result.msisdn is None
    assert result.lines() == ("272 721 5380", "272 731 5380", "     ^")
    assert result.code == "phone.compare.differ_one"
    assert "1" in result.text("en")


def test_r04_compare_counts_several_differences():
    result = compare("2727215380", "2727215308")
    assert result.positions == (8, 9)
    assert result.marks() == " " * 10 + "^^"
    assert result.code == "phone.compare.differ_many"
    assert "2" in result.text()


def test_r04_compare_an_invalid_second_entry_says_so_and_still_marks():
    result = compare("2727215380", "272 731 538")
    assert not result.matches and not result.valid and not result.same_length
    assert result.second_error is not None and result.second_error.code == "phone.too_short"
    assert result.code == "phone.compare.second_invalid"
    assert result.positions == (4, 9)
    assert result.lines() == ("272 721 5380", "272 731 538", "     ^     ^")
    assert i18n.t("phone.too_short", count=9) in result.text()


def test_r04_compare_an_invalid_first_entry_says_so():
    result = compare("272 72l 5380", "2727215380")
    assert result.code == "phone.compare.first_invalid"
    assert not result.matches


def test_r04_compare_two_equal_invalid_entries_does_not_match():
    result = compare("0727215380", "0727215380")
    assert result.positions == ()
    assert not result.matches


def test_r04_compare_letters_only_entry_does_not_crash():
    result = compare("2727215380", "abc")
    assert result.second == ""
    assert result.positions == tuple(range(10))
    assert result.render().splitlines()[0] == "272 721 5380"


@given(numbers)
def test_r04_compare_a_number_with_itself_matches(digits):
    assert compare(digits, group(digits)).matches


@given(numbers, st.integers(0, 9), st.sampled_from("0123456789"))
def test_r04_a_single_changed_digit_is_reported_at_exactly_its_position(digits, at, new):
    changed = digits[:at] + new + digits[at + 1:]
    result = compare(digits, changed)
    if changed == digits:
        assert result.matches
        return
    assert result.positions == (at,)
    marks = result.marks()
    assert marks.index("^") == phone.grouped_index(at)
    assert group(digits)[phone.grouped_index(at)] == digits[at]
    assert marks.count("^") == 1


@given(st.text(max_size=16), st.text(max_size=16))
def test_compare_never_raises(first, second):
    result = compare(first, second)
    result.text("es")
    result.text("en")
    result.render()
    assert result.matches == (result.valid and result.first == result.second)
