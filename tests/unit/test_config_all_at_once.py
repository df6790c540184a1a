"""check-config tells everything at once, in the cashier's language: every problem of the
file (a typo does not hide a wrong time), TOML's own mistakes in Spanish or English with
where they are, the keys a dealer's section took over from [dealer], and what an empty
transact licence means (R01, R12)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

import pytest

from recarga_tui import config, i18n
from recarga_tui.cli import main
from recarga_tui.config import ConfigError, load
from recarga_tui.dealer import registry

TOMLLIB_PARSER = Path(tomllib.__file__).with_name("_parser.py")


def write(tmp_path: Path, text: str, mode: int = 0o600) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(ConfigError) as raised:
        load(path)
    return list(raised.value.lines)


def test_r01_check_config_reports_every_problem_at_once(tmp_path, capsys):
    path = write(tmp_path, '[app]\ncolour = "azul"\n[procedure]\npeak_start = "25:00"\n'
                           '[cash]\ncheck_bill_pesos = -1\n[dealer]\nkind = "soap"\n')
    lines = problems(path)
    assert [re.search(r"(app\.colour|procedure\.peak_start|cash\.check_bill_pesos|"
                      r"dealer\.kind)", line)[0] for line in lines] == [
        "app.colour", "dealer.kind", "procedure.peak_start", "cash.check_bill_pesos"]
    assert all(line.startswith(str(path)) for line in lines)
    assert main(["check-config", str(path)]) == 2
    out = capsys.readouterr()
    assert out.out == "" and out.err.strip().splitlines() == lines


def test_a_rule_of_two_keys_is_not_judged_on_a_key_already_wrong(tmp_path):
    # peak_end is wrong; its default (21:30) equals peak_start, but that is no second problem.
    lines = problems(write(tmp_path, '[procedure]\npeak_start = "21:30"\npeak_end = "99:00"\n'))
    assert len(lines) == 1 and "procedure.peak_end" in lines[0] and "HH:MM" in lines[0]
    lines = problems(write(tmp_path, '[printer]\nkind = "laser"\n[cash]\n'
                                     'large_bill_pesos = 50\nsmall_topup_pesos = 100\n'))
    assert len(lines) == 2 and "printer.kind" in lines[0] and "small_topup_pesos" in lines[1]


@pytest.mark.parametrize("text, spanish", [
    ('[app\nlanguage = "es"\n', "falta el ] que cierra el nombre de la sección"),
    ('[app]\nlanguage "es"\n', "falta el signo = entre la clave y su valor"),
    ('[app]\nlanguage = es\n', "un valor que no se entiende"),
    ('[app]\nlanguage = "es" "en"\n', "sobra algo después del valor"),
    ('[app]\nlanguage = "es\n', "un texto entre comillas no se cierra"),
    ('[app]\nlanguage = "es"\nlanguage = "en"\n', "una clave tiene valor dos veces"),
    ("[app]\n[cash]\n[app]\n", "la sección [app] está dos veces"),
    ('[contacts]\nchat = ["a", "b"\n', "una lista [ ... ] no se cierra"),
    ('[contacts]\naddress = "C:\\tickets\\x"\n', "una \\ suelta dentro de un texto"),
    ("[procedure]\npeak_start = 2024-02-30\n", "una fecha u hora que no existe"),
    ("[app]\nlanguage. = 1\n", "el nombre de una clave empieza con un carácter"),
    ("[app]\n# comentario \x01\n", "un carácter que no puede ir ahí"),
])
def test_r01_a_toml_mistake_is_said_in_the_cashiers_language_with_where(tmp_path, text,
                                                                        spanish):
    english = str(_tomllib_error(text))
    (line,) = problems(write(tmp_path, text))
    assert spanish in line and "TOML válido" in line, line
    assert re.search(r"línea \d+, columna \d+|al final del archivo", line), line
    reason = english.rsplit(" (at ", 1)[0]
    assert reason not in line and " (at " not in line  # not one English word of tomllib's
    i18n.set_language("en")
    try:
        (line,) = problems(write(tmp_path, text))
        assert "not valid TOML" in line and re.search(r"line \d+, column \d+|end of the", line)
    finally:
        i18n.set_language("es")


def _tomllib_error(text: str) -> tomllib.TOMLDecodeError:
    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        tomllib.loads(text)
    return raised.value


@pytest.mark.skipif(not TOMLLIB_PARSER.exists(), reason="tomllib's source is not installed")
def test_every_reason_tomllib_can_give_has_words():
    """Each message of the installed tomllib's parser is matched by a pattern of its own,
    never left to the general words: a Python upgrade that adds one fails here."""
    messages = list(_tomllib_messages())
    assert len(messages) >= 20
    for message in messages:
        assert any(p.fullmatch(message) for p, _ in config._toml_reasons()), message


def _tomllib_messages():
    """The third argument of every ``suffixed_err(src, pos, msg)`` call of tomllib's parser,
    an f-string's fields filled as they would be (a repr, or a tuple of keys)."""
    tree = ast.parse(TOMLLIB_PARSER.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "suffixed_err":
            message = node.args[2]
            if isinstance(message, ast.Constant):
                yield message.value
            else:
                assert isinstance(message, ast.JoinedStr)
                yield "".join(part.value if isinstance(part, ast.Constant) else
                              ("'x'" if part.conversion == ord("r") else "('a',)")
                              for part in message.values)


def test_an_old_dealer_key_is_read_and_check_config_says_where_it_goes(tmp_path, capsys,
                                                                        monkeypatch):
    monkeypatch.delenv("RECARGA_TAECEL_KEY", raising=False)
    path = write(tmp_path, '[dealer]\nkind = "taecel"\ntaecel_key = "k3y"\n')
    settings = load(path)
    assert registry.section_of(settings.dealer).key == "k3y"
    assert main(["check-config", str(path)]) == 0
    out = capsys.readouterr().out
    assert "[dealer] taecel_key se leyó como [dealer.taecel] key" in out
    assert "k3y" not in out
    both = write(tmp_path, '[dealer]\ntaecel_key = "old-k3y"\n[dealer.taecel]\n'
                           'key = "new-k3y"\n')
    (line,) = problems(both)
    assert "dealer.taecel.key" in line and "dealer.taecel_key" in line
    assert "k3y" not in line


def test_a_wrong_key_of_a_dealers_section_names_what_it_takes(tmp_path):
    (line,) = problems(write(tmp_path, '[dealer.transact]\nlicense = "X"\n'))
    assert "dealer.transact.license" in line and "licence, name" in line
    (line,) = problems(write(tmp_path, "[dealer.v1]\nkey = 1\n"))
    assert "dealer.v1.key" in line and "ninguna" in line


def test_r12_a_wrong_secret_of_a_dealers_section_is_never_shown(tmp_path):
    (line,) = problems(write(tmp_path, '[dealer.taecel]\nnip = "12 34 n1p-oculto"\n'))
    assert "dealer.taecel.nip" in line and "n1p-oculto" not in line and "no se muestra" in line


def test_an_empty_transact_licence_is_said_plainly_and_is_no_error(tmp_path, capsys,
                                                                   monkeypatch):
    """The service hands request ids to shops that send an empty licence, so the app asks
    for none; check-config says it is empty and what that means (docs/dealers/transact.md)."""
    monkeypatch.delenv("RECARGA_DEALER_LICENCE", raising=False)
    path = write(tmp_path, '[dealer]\nkind = "transact"\n')
    assert main(["check-config", str(path)]) == 0
    out = capsys.readouterr().out
    assert "configuración correcta" in out
    assert "la licencia está vacía" in out and "GetTRequestID" in out
    assert "RECARGA_DEALER_LICENCE" in out and "ninguna venta sale y la pantalla lo dice" in out
    monkeypatch.setenv("RECARGA_DEALER_LICENCE", "LIC-9")
    assert main(["check-config", str(path)]) == 0
    out = capsys.readouterr().out
    assert "transact: la licencia viene de la variable RECARGA_DEALER_LICENCE" in out
    assert "vacía" not in out and "LIC-9" not in out


def test_the_kinds_are_named_by_the_registry(tmp_path):
    (line,) = problems(write(tmp_path, '[dealer]\nkind = "soap"\n'))
    assert all(f'"{kind}"' in line for kind in registry.names()), line


def test_check_config_in_a_child_process_lists_every_problem(tmp_path):
    import subprocess

    path = write(tmp_path, '[app]\ncolour = 1\n[procedure]\npeak_start = "7pm"\n')
    done = subprocess.run([sys.executable, "-m", "recarga_tui", "check-config", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 2
