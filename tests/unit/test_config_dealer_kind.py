"""The dealer's kind and the transact licence in the config, and check-config on them (R12)."""

from __future__ import annotations

import os

import pytest

from recarga_tui.cli import main
from recarga_tui.config import ConfigError, load
from recarga_tui.dealer import registry


def write(tmp_path, text: str, mode: int = 0o600):
    file = tmp_path / "config.toml"
    file.write_text(text, encoding="utf-8")
    os.chmod(file, mode)
    return file


@pytest.mark.parametrize("text", [
    '[dealer]\nkind = "transact"\n[dealer.transact]\nname = "Pagaqui"\nlicence = "LIC-77"\n',
    # Where they were read before [dealer.transact]: still read, check-config says where to.
    '[dealer]\nkind = "transact"\nname = "Pagaqui"\nlicence = "LIC-77"\n',
])
def test_the_kind_name_and_licence_are_read(tmp_path, monkeypatch, text):
    monkeypatch.delenv("RECARGA_DEALER_LICENCE", raising=False)
    settings = load(write(tmp_path, text))
    own = registry.section_of(settings.dealer)
    assert (settings.dealer.kind, own.name) == ("transact", "Pagaqui")
    assert registry.resolved(settings.dealer).licence == "LIC-77"
    assert "LIC-77" not in repr(settings)  # R12


@pytest.mark.parametrize("line", ['kind = "soap"', 'licence = "has space"', "licence = 7"])
def test_a_wrong_kind_or_licence_names_the_key(tmp_path, line):
    with pytest.raises(ConfigError) as raised:
        load(write(tmp_path, f"[dealer]\n{line}\n"))
    assert "dealer." in str(raised.value)


def test_r12_check_config_warns_of_a_licence_others_can_read(tmp_path, capsys):
    file = write(tmp_path, '[dealer]\nkind = "transact"\nlicence = "LIC-77"\n', 0o644)
    assert main(["check-config", str(file)]) == 0
    shown = capsys.readouterr().out
    assert "RECARGA_DEALER_LICENCE" in shown and "LIC-77" not in shown
