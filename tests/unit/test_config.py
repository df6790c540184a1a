"""The config file: every setting typed, every mistake one clear line, never a traceback."""

import subprocess
import sys
from dataclasses import dataclass, replace
from datetime import time
from pathlib import Path
from typing import Annotated

import pytest
from msgspec import Meta

from recarga_tui import i18n
from recarga_tui.cli import main
from recarga_tui.config import AppSettings, ConfigError, Settings, load, sections
from recarga_tui.dealer import registry
from recarga_tui.setting import Expect, Unfit, settings_of

EXAMPLE = Path(__file__).resolve().parents[2] / "config.example.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_holds_every_setting_with_its_default():
    settings = load(EXAMPLE, required=True)
    assert settings.procedure.peak_start == time(19, 30)
    assert settings.procedure.peak_end == time(21, 30)
    assert settings.procedure.reflection_minutes == 10
    assert settings.procedure.deferral_minutes == 60
    assert settings.dealer.terminal_id == "DEMO-01"
    # Every key of the schema is written out in the example, and equals the default.
    defaults = Settings()
    for section in ("app", "procedure", "cash", "contacts"):
        assert getattr(settings, section) == getattr(defaults, section), section
    assert replace(settings.dealer, sections=()) == defaults.dealer
    # Every kind of dealer has its section, each key written with its default.
    text = EXAMPLE.read_text("utf-8")
    for kind in registry.every():
        assert f"[dealer.{kind.name}]" in text
        own = registry.section_of(settings.dealer, kind.name)
        assert own == kind.settings() and own in settings.dealer.sections
        for key in registry.keys_of(kind):
            assert f"\n{key} = " in text.split(f"[dealer.{kind.name}]")[1], (kind.name, key)


def test_r15_peak_window_and_r19_reflection_window_are_configurable(tmp_path):
    path = write(tmp_path, '[procedure]\npeak_start = "20:00"\npeak_end = "22:15"\n'
                           "reflection_minutes = 15\n")
    settings = load(path)
    assert settings.procedure.peak_start == time(20, 0)
    assert settings.procedure.peak_end == time(22, 15)
    assert settings.procedure.reflection_minutes == 15


def test_r09_contact_channels_come_from_config(tmp_path):
    path = write(tmp_path, '[contacts]\nphone = "55 1234 5678"\nchat = ["a@b.mx"]\n')
    settings = load(path)
    assert settings.contacts.phone == "55 1234 5678"
    assert settings.contacts.chat == ("a@b.mx",)


@pytest.mark.parametrize(
    "text, must_name",
    [
        ("[procedure]\npeak_start = \"25:00\"\n", "procedure.peak_start"),
        ("[procedure]\npeak_start = \"7:30pm\"\n", "procedure.peak_start"),
        ("[dealer]\nconnect_timeout = \"five\"\n", "dealer.connect_timeout"),
        ("[dealer]\nconnect_timeout = -1\n", "dealer.connect_timeout"),
        ("[app]\nlanguage = \"fr\"\n", "app.language"),
        ("[app]\nclaims_days = true\n", "app.claims_days"),
        ("[app]\ncolour = \"blue\"\n", "app.colour"),
        ("[printer]\nport = 1\n", "printer"),
        ("[cash]\nlarge_bill_pesos = 50\nsmall_topup_pesos = 100\n", "cash.small_topup_pesos"),
        ("[dealer]\nurl = \"ftp://x\"\n", "dealer.url"),
        ("app = 3\n", "app"),
    ],
)
def test_a_wrong_setting_names_the_file_and_the_key(tmp_path, text, must_name):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load(path)
    message = str(err.value)
    assert "\n" not in message
    assert str(path) in message
    assert must_name in message


def test_bad_toml_is_one_line(tmp_path):
    path = write(tmp_path, "[app\nlanguage = es\n")
    with pytest.raises(ConfigError) as err:
        load(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_a_missing_file_that_was_asked_for_is_an_error(tmp_path):
    with pytest.raises(ConfigError):
        load(tmp_path / "nope.toml", required=True)


def test_english_config_errors_when_the_file_asks_for_english(tmp_path):
    path = write(tmp_path, '[app]\nlanguage = "en"\n[procedure]\npeak_end = "99:00"\n')
    with pytest.raises(ConfigError) as err:
        load(path)
    assert "must be" in str(err.value)


def test_check_config_command_reports_ok_and_errors(tmp_path, capsys):
    assert main(["check-config", str(EXAMPLE)]) == 0
    assert "correcta" in capsys.readouterr().out
    bad = write(tmp_path, '[procedure]\nreflection_minutes = "diez"\n')
    assert main(["check-config", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "procedure.reflection_minutes" in err


def test_config_option_with_a_broken_file_exits_non_zero_without_traceback(tmp_path):
    bad = write(tmp_path, "not toml at all [")
    proc = subprocess.run([sys.executable, "-m", "recarga_tui", "--config", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    i18n.set_language("es")


def test_the_help_works():
    proc = subprocess.run([sys.executable, "-m", "recarga_tui", "--help"], capture_output=True,
                          text=True)
    assert proc.returncode == 0
    assert "check-config" in proc.stdout


def test_the_app_without_a_terminal_says_so_and_stops(tmp_path):
    # Started by a script or a service with no terminal, it must not spin on a closed input.
    good = write(tmp_path, '[dealer]\nterminal_id = "TIENDA-07"\n')
    proc = subprocess.run([sys.executable, "-m", "recarga_tui", "--demo", "--config", str(good)],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "terminal" in proc.stderr and "Traceback" not in proc.stderr


def every_section() -> list[type]:
    return [*sections().values(), *(kind.settings for kind in registry.every())]


@pytest.mark.parametrize("section", every_section(), ids=lambda c: c.__name__)
def test_every_setting_says_what_it_expects_and_its_default_fits_it(section):
    """Each key is declared once: its type, bounds and words beside its default, and the
    default is a value the file itself could give."""
    defaults = section()
    for name, setting in settings_of(section).items():
        assert setting.expect.words in i18n.catalog(), (section.__name__, name)
        assert setting.judge(getattr(defaults, name)) == getattr(defaults, name), name


def test_r01_the_words_of_a_refusal_name_the_bounds_the_type_holds():
    days = settings_of(AppSettings)["claims_days"]
    assert dict(days.params) == {"low": 1, "high": 366}
    with pytest.raises(Unfit) as refused:
        days.judge(367)
    words = i18n.t(refused.value.expect, lang="es", **refused.value.params)
    assert words == "un número entero de días de 1 a 366"

    @dataclass(frozen=True)
    class Waits:
        seconds: Annotated[float, Meta(ge=0.5, le=90), Expect("config.expect.seconds")] = 1.0

    (seconds,) = settings_of(Waits).values()
    assert dict(seconds.params) == {"low": "0.5", "high": 90}
    assert seconds.judge(90) == 90.0 and not seconds.fits(90.5) and not seconds.fits(True)


def test_a_setting_that_does_not_say_what_it_expects_is_refused_when_declared():
    @dataclass(frozen=True)
    class Loose:
        colour: str = "azul"

    with pytest.raises(TypeError, match="Loose.colour"):
        settings_of(Loose)
