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


def test_a_key_read_from_its_home_module_is_the_whole_catalogs_own(monkeypatch):
    """A short command reads only the module a key lives in (words/config.py for
    "config.ok"); whichever way a key is found, its words are the catalog's."""
    every = i18n.catalog()
    monkeypatch.setattr(i18n, "_homes", {})
    monkeypatch.setattr(i18n, "_catalog", None)
    assert i18n.t("config.ok", file="x.toml") == every["config.ok"][0].format(file="x.toml")
    assert i18n._catalog is None  # the rest of the catalog was not read
    for key, pair in every.items():
        monkeypatch.setattr(i18n, "_catalog", None)
        for count in (None, 1):
            words = i18n._words(key, count)
            assert words[key] == pair, key
            if count == 1 and f"{key}.one" in every:
                assert words[f"{key}.one"] == every[f"{key}.one"], key
