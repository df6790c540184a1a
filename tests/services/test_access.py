"""What proves the cashier again at the lock and a lapsed session (R12): the password, sent
to a dealer that reads one; the configured secret, compared here and sent nowhere, for a
dealer whose login reads no typed field."""

from __future__ import annotations

import pytest
from msgspec.structs import replace

from recarga_tui.dealer.outcomes import BadCredentials
from recarga_tui.dealer.port import LoginAsks
from recarga_tui.dealer.v1.client import V1_CAPABILITIES
from recarga_tui.domain.faults import Origin
from recarga_tui.i18n import t
from recarga_tui.services.access import Access, ConfiguredSecret

SECRET = ConfiguredSecret("config.taecel.key", "s3cr3t")


class Dealer:
    def __init__(self, reads_password: bool) -> None:
        self.capabilities = replace(V1_CAPABILITIES, name="Nube",
                                    login=LoginAsks(user=False, password=reads_password))
        self.given: list[tuple[str, str]] = []

    async def login(self, user, password):
        self.given.append((user, password))
        return "session"


async def test_r12_the_configured_secret_is_compared_here_and_sent_nowhere():
    dealer = Dealer(reads_password=False)
    access = Access(dealer, SECRET)
    assert access.again_asks_secret
    for typed in ("", "demo", "s3cr3", "s3cr3t ", "S3CR3T"):
        with pytest.raises(BadCredentials) as refused:
            await access.again("Nube", typed)
        fault = refused.value.fault
        assert fault.origin is Origin.SHOP and fault.code == "lock.wrong_secret"
        assert "Nube" in t(fault.code, **fault.params) and "s3cr3t" not in repr(refused.value)
    assert dealer.given == []                         # nothing reached the dealer
    assert await access.again("Nube", "s3cr3t") == "session"
    assert dealer.given == [("Nube", "")]             # the config's own, not what was typed


async def test_r12_without_a_configured_secret_nothing_opens():
    dealer = Dealer(reads_password=False)
    with pytest.raises(BadCredentials) as refused:
        await Access(dealer).again("Nube", "anything")
    assert refused.value.fault.code == "lock.no_secret" and dealer.given == []
    empty = ConfiguredSecret("config.taecel.key", "")
    assert not empty.matches("")                      # an empty secret never matches


async def test_r12_a_dealer_that_reads_a_password_gets_it_as_at_the_login():
    dealer = Dealer(reads_password=True)
    access = Access(dealer, SECRET)
    assert not access.again_asks_secret
    assert await access.again("ana", "clave") == "session"
    assert dealer.given == [("ana", "clave")]


def test_r12_the_configured_secret_is_in_no_repr():
    assert "s3cr3t" not in repr(SECRET)
