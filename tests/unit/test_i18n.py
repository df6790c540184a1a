"""The catalog is complete in both languages."""

import pytest

from recarga_tui import i18n


def test_every_key_has_both_languages_with_the_same_placeholders():
    for key, (es, en) in i18n.catalog().items():
        assert es.strip(), f"{key}: Spanish is empty"
        assert en.strip(), f"{key}: English is empty"
        assert i18n.placeholders(es) == i18n.placeholders(en), key


def test_spanish_is_the_default_and_english_on_request():
    es, en = i18n.catalog()["config.missing_file"]
    assert i18n.language() == "es"
    assert i18n.t("config.missing_file", file="x.toml") == es.format(file="x.toml")
    i18n.set_language("en")
    try:
        assert i18n.t("config.missing_file", file="x.toml") == en.format(file="x.toml")
    finally:
        i18n.set_language("es")


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        i18n.set_language("fr")
