"""TLS to the dealer: verified by default, against the configured CA bundle when there is one,
and a certificate that fails is said as such, with nothing sent."""

from __future__ import annotations

import pytest
from live_sim import TLS_CERT, LiveSim

from recarga_tui.config import ConfigError, load
from recarga_tui.dealer import DealerClient, DealerError, Rejected
from recarga_tui.dealer.match import Sent
from recarga_tui.domain.faults import Certainty, Origin


@pytest.fixture(scope="module")
def tls_sim():
    with LiveSim(tls=True) as sim:
        yield sim


def _client(sim: LiveSim, ca_bundle: str = "") -> DealerClient:
    return DealerClient(sim.url, terminal_id="DEMO-01", connect_timeout=2.0, read_timeout=5.0,
                        send_timeout=5.0, ca_bundle=ca_bundle)


async def test_the_dealer_is_reached_over_tls_with_the_configured_ca_bundle(tls_sim):
    async with _client(tls_sim, str(TLS_CERT)) as dealer:
        await dealer.login("demo", "demo")
        assert (await dealer.balance()).available > 0


async def test_a_certificate_the_shop_does_not_trust_is_refused_by_default(tls_sim):
    async with _client(tls_sim) as dealer:
        with pytest.raises(DealerError) as refused:
            await dealer.login("demo", "demo")
    assert refused.value.fault.code == "dealer.query.untrusted"
    assert refused.value.fault.origin is Origin.NETWORK


async def test_r02_a_top_up_to_an_untrusted_server_is_definitely_not_sent(tls_sim):
    async with _client(tls_sim, str(TLS_CERT)) as trusted:
        await trusted.login("demo", "demo")
        session = trusted._session
    async with _client(tls_sim) as dealer:
        dealer._session = session  # as if the certificate changed after login
        outcome = await dealer.send_topup(Sent("tls-1", "5555550000", "TEL-050", 5000))
    assert isinstance(outcome, Rejected)
    assert outcome.fault.code == "dealer.send.untrusted"
    assert outcome.fault.certainty is Certainty.DEFINITE
    assert not any(e["client_ref"] == "tls-1" for e in tls_sim.world.ledger)


@pytest.mark.parametrize("value", ["/nowhere/ca.pem", "not-a-pem"])
def test_a_ca_bundle_that_does_not_load_is_a_config_error(tmp_path, value):
    if value == "not-a-pem":
        value = str(tmp_path / "ca.pem")
        (tmp_path / "ca.pem").write_text("not a certificate")
    path = tmp_path / "config.toml"
    path.write_text(f'[dealer]\nca_bundle = "{value}"\n')
    with pytest.raises(ConfigError) as wrong:
        load(path)
    assert "dealer.ca_bundle" in str(wrong.value) and "PEM" in str(wrong.value)


def test_the_ca_bundle_setting_takes_a_pem_file(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(f'[dealer]\nca_bundle = "{TLS_CERT}"\n')
    assert load(path).dealer.ca_bundle == str(TLS_CERT)
