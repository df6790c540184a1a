"""The settings of cashiers, earnings and low pools: declared once like every other, written
out in the example with their defaults, and refused in one line naming the key (R01)."""

from __future__ import annotations

from pathlib import Path

import pytest

from recarga_tui.config import ConfigError, Settings, load

EXAMPLE = Path(__file__).resolve().parents[2] / "config.example.toml"


def test_the_example_holds_the_new_settings_with_their_defaults():
    settings, defaults = load(EXAMPLE, required=True), Settings()
    for section in ("cash", "earnings", "cashiers"):
        assert getattr(settings, section) == getattr(defaults, section), section
    assert (defaults.cashiers.pin_attempts, defaults.cashiers.pin_lock_minutes) == (5, 15)
    assert defaults.cash.low_balance_pesos == 0 and defaults.cash.low_balance_pools == {}


def test_r14_a_threshold_per_pool_and_rates_per_category_are_read(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[cash]\nlow_balance_pesos = 500\nlow_balance_pools = { "Pago de '
                    'Servicios" = 2000 }\n[earnings]\nairtime_percent = 6.5\nbill_percent = 3\n'
                    '[cashiers]\npin_attempts = 3\npin_lock_minutes = 30\n', "utf-8")
    s = load(path)
    assert (s.cash.low_balance_pesos, s.cash.low_balance_pools) == (
        500, {"Pago de Servicios": 2000})
    assert (s.earnings.airtime_percent, s.earnings.bill_percent) == (6.5, 3.0)
    assert (s.cashiers.pin_attempts, s.cashiers.pin_lock_minutes) == (3, 30)


@pytest.mark.parametrize("text, key", [
    ("[earnings]\nairtime_percent = 6.255\n", "earnings.airtime_percent"),
    ("[earnings]\nbundle_percent = 101\n", "earnings.bundle_percent"),
    ("[earnings]\nbill_percent = true\n", "earnings.bill_percent"),
    ("[cash]\nlow_balance_pools = { x = -1 }\n", "cash.low_balance_pools"),
    ("[cash]\nlow_balance_pesos = 1.5\n", "cash.low_balance_pesos"),
    ("[cashiers]\npin_attempts = 1\n", "cashiers.pin_attempts"),
])
def test_r01_a_wrong_value_is_one_line_naming_the_key(tmp_path, text, key):
    path = tmp_path / "config.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as refused:
        load(path)
    (line,) = refused.value.lines
    assert key in line and "Traceback" not in line
