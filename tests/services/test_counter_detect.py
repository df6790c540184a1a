"""The company of a number as advice: asked of a dealer that detects it, never of one that
does not, and no failure of it (a refusal, a lapsed session, a hang) ever stops a sale:
the cashier chooses the company and the read-back names it (R04)."""

from __future__ import annotations

import asyncio

from msgspec.structs import replace
from test_counter import TELCEL_50, journal, make  # noqa: F401

from recarga_tui.dealer.outcomes import DealerError, SessionExpired
from recarga_tui.dealer.v1.client import V1_CAPABILITIES
from recarga_tui.domain.faults import Certainty, Fault, Origin

NUMBER = "2727215380"


def detecting(dealer, answer) -> list[str]:
    """``dealer`` detects companies: each detection answers (or raises, or awaits) ``answer``."""
    asked: list[str] = []
    dealer.capabilities = replace(V1_CAPABILITIES, detects_carrier=True)

    async def detect_carrier(msisdn):
        asked.append(msisdn)
        if isinstance(answer, BaseException):
            raise answer
        if answer == "hang":
            await asyncio.Event().wait()
        return answer

    dealer.detect_carrier = detect_carrier
    return asked


async def test_r04_a_detecting_dealer_names_the_company_of_the_number(journal):  # noqa: F811
    counter, dealer, _ = make(journal)
    asked = detecting(dealer, "telcel")
    assert await counter.detect_carrier(NUMBER) == "telcel"
    assert asked == [NUMBER]
    assert journal.open_sales() == []  # advice: nothing journaled


async def test_r04_a_dealer_that_does_not_detect_is_not_asked(journal):  # noqa: F811
    counter, dealer, _ = make(journal)
    asked = detecting(dealer, "telcel")
    dealer.capabilities = V1_CAPABILITIES
    assert await counter.detect_carrier(NUMBER) is None
    assert asked == []


async def test_r01_r04_no_failure_of_a_detection_stops_the_sale(journal):  # noqa: F811
    refused = DealerError(Fault(Origin.DEALER, "dealer.query.malformed",
                                certainty=Certainty.NONE))
    lapsed = SessionExpired(Fault(Origin.SHOP, "dealer.query.not_logged_in",
                                  certainty=Certainty.NONE))
    for answer in (refused, lapsed, "hang", "", None):
        counter, dealer, _ = make(journal)
        detecting(dealer, answer)
        assert await counter.detect_carrier(NUMBER, timeout=0.05) is None, answer
    # And the sale goes on as ever, the company the cashier chose.
    sale = counter.start(NUMBER, TELCEL_50)
    assert sale.carrier_id == "telcel"
