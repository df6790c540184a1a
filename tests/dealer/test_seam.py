"""A dealer is one folder: every kind of the registry sits on the base, keeps its word about
its capabilities, reaches its simulator face with its demo login, and shares the one HTTP
exchange; a new kind plugs in with its module and one registry line (a kind that lives only in
these tests shows it). What a dealer lacks is said by the base, with where to ask instead
(R09, R11, R14)."""

from __future__ import annotations

import ast
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fake_kind import TOKEN_ENV, FakeDealer, FakeSettings
from msgspec.structs import replace

import recarga_tui
from recarga_tui.cli import main
from recarga_tui.config import ContactSettings, DealerSettings, Settings, load
from recarga_tui.dealer import registry
from recarga_tui.dealer.base import CAPABILITY_METHODS, BaseDealer, unlike_capabilities
from recarga_tui.dealer.http import Http
from recarga_tui.dealer.outcomes import DealerError
from recarga_tui.dealer.port import Dealer, SaleKey
from recarga_tui.domain.faults import Certainty, Origin
from recarga_tui.i18n import t
from recarga_tui.sim import faces
from recarga_tui.wiring import configured_secret, demo_settings

ROOT = Path(recarga_tui.__file__).parent
AT = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
CONTACTS = ContactSettings(phone="(272) 111 2233", email="mesa@example.mx")
# Each method of the port a dealer may lack, called with arguments it accepts.
CALLS = {
    "notices": lambda d: d.notices(),
    "sales_report": lambda d: d.sales_report(AT, AT),
    "lookup": lambda d: d.lookup(None),
    "statement": lambda d: d.statement(AT, AT),
    "deposits": lambda d: d.deposits(),
    "notify_deposit": lambda d: d.notify_deposit("BBVA", 100, "x", AT),
    "clarifications": lambda d: d.clarifications(),
    "ask_clarification": lambda d: d.ask_clarification("saldo", "x"),
    "fault_report": lambda d: d.fault_report(Origin.DEALER, "x"),
    "request_id": lambda d: d.request_id(None),
}


def adapter(kind: str) -> BaseDealer:
    dealer = registry.make(Settings(dealer=DealerSettings(kind=kind), contacts=CONTACTS))
    assert isinstance(dealer, BaseDealer)
    return dealer


@pytest.fixture
def fake_kind(monkeypatch):
    """The tests' own kind, plugged in with one line."""
    monkeypatch.setitem(registry.KINDS, "fake", "fake_kind")
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    return registry.get("fake")


@pytest.mark.parametrize("kind", registry.names())
def test_every_kind_sits_on_the_base_and_keeps_its_word(kind):
    dealer = adapter(kind)
    assert isinstance(dealer, Dealer) and isinstance(dealer.http, Http)
    # A capability it claims is written; one it lacks is left to the base: no stub of its own.
    assert unlike_capabilities(dealer) == []


def lacking(kind: str) -> list[tuple[str, str]]:
    caps = adapter(kind).capabilities
    found = [(kind, name) for capability, names in CAPABILITY_METHODS.items()
             if not getattr(caps, capability) for name in names]
    if caps.sale_key is not SaleKey.DEALER_ID_FIRST:
        found.append((kind, "request_id"))
    return found


@pytest.mark.parametrize("kind, method", [pair for k in registry.names() for pair in lacking(k)])
async def test_r09_r14_what_a_kind_lacks_the_base_says_with_where_to_ask(kind, method):
    dealer = adapter(kind)
    with pytest.raises(DealerError) as raised:
        await CALLS[method](dealer)
    fault = raised.value.fault
    assert raised.value.dealer_code == "NOT_OFFERED" and fault.certainty is Certainty.NONE
    words = t(fault.code, lang="es", **fault.params)
    assert dealer.capabilities.name in words
    assert CONTACTS.phone in words and CONTACTS.email in words


@pytest.mark.parametrize("kind", [k for k in registry.names()
                                  if not adapter(k).capabilities.detects_carrier])
async def test_r04_a_kind_that_detects_no_company_has_no_advice_and_no_stub(kind):
    """The base answers None: the cashier chooses the company, as always."""
    dealer = adapter(kind)
    assert await dealer.detect_carrier("2727215380") is None
    assert type(dealer).detect_carrier is BaseDealer.detect_carrier


def test_r09_every_capability_a_dealer_may_lack_has_its_words():
    from recarga_tui.i18n import catalog

    for capability in (*CAPABILITY_METHODS, "request_id"):
        assert f"dealer.lacks.{capability}" in catalog(), capability


def test_the_base_holds_an_adapter_to_its_capabilities():
    """The check itself can fail: a capability claimed but left to the base, and a stub an
    adapter wrote for what it lacks, are both named."""

    class Claims(FakeDealer):
        capabilities = FakeDealer.capabilities.__class__(
            name="x", sale_key=SaleKey.SHOP_REFERENCE, notices=True, sales_report=False,
            statement=False, deposits=False, clarifications=False, fault_reports=False)

        async def statement(self, start, end):  # a stub of its own
            raise NotImplementedError

    dealer = Claims(Settings(), FakeSettings())
    assert unlike_capabilities(dealer) == ["notices", "statement"]

    class Detects(FakeDealer):  # claims to detect companies, but left it to the base
        capabilities = replace(FakeDealer.capabilities, detects_carrier=True)

    assert unlike_capabilities(Detects(Settings(), FakeSettings())) == ["detect_carrier"]


@pytest.mark.parametrize("kind", registry.names())
async def test_every_kind_logs_in_to_its_simulator_face_with_its_demo_login(kind, tmp_path):
    """The registry's face, demo settings and demo login fit each other: the demo works."""
    settings = demo_settings(Settings(dealer=DealerSettings(kind=kind)), tmp_path / "j")
    sim = faces.make(kind, seed=3)
    dealer = registry.make(settings, sim_app=sim)
    try:
        session = await dealer.login(*registry.get(kind).demo_login)
        assert dealer.logged_in and session.expires_at
        assert (await dealer.catalog()).products
    finally:
        await dealer.aclose()


def test_no_module_imports_an_underscore_name_of_another():
    offenders = []
    for path in ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.ImportFrom):
                continue
            ours = node.level > 0 or (node.module or "").startswith("recarga_tui")
            for alias in node.names:
                if ours and alias.name.startswith("_") and not alias.name.startswith("__"):
                    offenders.append(f"{path.relative_to(ROOT)}: {alias.name}")
    assert offenders == []


def test_the_http_exchange_is_written_once():
    """Only dealer/http.py builds an httpx client or reads an answer within its cap."""
    writers = [path.relative_to(ROOT).as_posix() for path in (ROOT / "dealer").rglob("*.py")
               if any(word in path.read_text("utf-8")
                      for word in ("AsyncClient(", "aiter_bytes", "read_within("))]
    assert writers == ["dealer/http.py"]


def test_screens_and_services_reach_no_dealer_folder():
    """The screens and the services know the port and the shared records, never a kind's
    folder, the registry or the HTTP: a new kind changes neither."""
    shared = {"port", "outcomes", "records", "match", "reading", "protocol"}
    offenders = []
    for layer in ("ui", "services"):
        for path in (ROOT / layer).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module and (
                        node.module == "dealer" or node.module.startswith("dealer.")):
                    parts = node.module.split(".")
                    names = parts[1:2] or [a.name for a in node.names]
                    offenders += [f"{path.name}: {n}" for n in names if n not in shared]
    assert offenders == []


# --- a new kind: its folder and one line ----------------------------------------------------


def write(tmp_path, text: str) -> Path:
    file = tmp_path / "config.toml"
    file.write_text(text, encoding="utf-8")
    file.chmod(0o600)
    return file


def test_a_new_kind_is_read_from_its_own_section(fake_kind, tmp_path):
    settings = load(write(tmp_path, '[dealer]\nkind = "fake"\n[dealer.fake]\n'
                                    'token = "T0k3n"\nregion = "gt"\n'))
    own = registry.section_of(settings.dealer)
    assert (own.token, own.region) == ("T0k3n", "gt")
    assert "T0k3n" not in repr(settings)  # R12
    dealer = registry.make(settings)
    assert isinstance(dealer, FakeDealer) and dealer.own.token == "T0k3n"


def test_r12_a_new_kinds_secret_comes_from_its_variable_first(fake_kind, monkeypatch):
    dealer = DealerSettings(kind="fake", sections=(FakeSettings(token="file"),))
    monkeypatch.setenv(TOKEN_ENV, "env")
    assert registry.resolved(dealer).token == "env"
    monkeypatch.setenv(TOKEN_ENV, "not valid!")  # refused by its check: the file's stays
    assert registry.resolved(dealer).token == "file"


def test_r12_the_secret_that_unlocks_comes_from_its_variable_first(fake_kind, monkeypatch):
    """The lock of a dealer whose login reads no password asks its configured secret: the
    registry names it (``Secret.unlocks``) with the value the adapter logs in with."""
    dealer = DealerSettings(kind="fake", sections=(FakeSettings(token="file"),))
    assert registry.unlock_secret(dealer) == ("config.taecel.key", "file")
    monkeypatch.setenv(TOKEN_ENV, "env")
    assert registry.unlock_secret(dealer) == ("config.taecel.key", "env")
    assert registry.unlock_secret(DealerSettings(kind="v1")) is None  # it reads a password
    # The composition hands it to the services' Access, which the modals ask.
    secret = configured_secret(Settings(dealer=dealer))
    assert secret is not None and secret.matches("env") and "env" not in repr(secret)


def test_r12_a_new_kinds_wrong_secret_is_one_line_that_never_shows_it(fake_kind, tmp_path,
                                                                        capsys):
    file = write(tmp_path, '[dealer]\nkind = "fake"\n[dealer.fake]\ntoken = "s3cr3t!!"\n'
                           'colour = 1\n')
    assert main(["check-config", str(file)]) == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 2, err
    assert "dealer.fake.token" in lines[0] and "s3cr3t" not in err
    assert "dealer.fake.colour" in lines[1] and "token, region" in lines[1]


def test_r12_check_config_says_where_a_new_kinds_secret_comes_from(fake_kind, tmp_path, capsys,
                                                                   monkeypatch):
    file = write(tmp_path, '[dealer]\nkind = "fake"\n')
    assert main(["check-config", str(file)]) == 0
    assert TOKEN_ENV in capsys.readouterr().out  # missing: where to put it
    monkeypatch.setenv(TOKEN_ENV, "abc")
    assert main(["check-config", str(file)]) == 0
    out = capsys.readouterr().out
    assert f"Fakeloadly: la llave (key) viene de la variable {TOKEN_ENV}" in out
    assert "abc" not in out


def test_an_unknown_kind_section_names_the_kinds_there_are(tmp_path):
    file = write(tmp_path, '[dealer.reloaded]\nkey = 1\n')
    with pytest.raises(Exception) as raised:
        load(file)
    message = str(raised.value)
    assert "[dealer.reloaded]" in message
    assert all(f"dealer.{kind}" in message for kind in registry.names())
