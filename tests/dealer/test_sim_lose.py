"""The simulator's lost-request control: a top-up that never reaches the dealer (R16, R19)."""

from __future__ import annotations

from recarga_tui.config import DealerSettings
from recarga_tui.dealer import DealerClient
from recarga_tui.dealer.match import Sent
from recarga_tui.dealer.outcomes import Confirmed, NotVisible, Unknown

SKU, AMOUNT = "TEL-050", 5000


async def test_r19_a_lost_request_leaves_no_record_and_the_same_ref_goes_through_later(
        sim_app, control, world):
    answer = await control.post("/sim/lose", json={"count": 1})
    assert answer.json() == {"lose_requests": 1}
    settings = DealerSettings(send_timeout=0.1, connect_timeout=0.05)
    async with DealerClient.in_process(sim_app, settings) as dealer:
        await dealer.login("demo", "demo")
        lost = await dealer.send_topup(Sent("LOST-1", "5555550000", SKU, AMOUNT))
        assert isinstance(lost, Unknown)
        world.clock.advance(3600)
        assert isinstance(await dealer.lookup_ref("LOST-1"), NotVisible)
        assert world.ledger == [] and world.lose_requests == 0
        again = await dealer.send_topup(Sent("LOST-1", "5555550000", SKU, AMOUNT))
        assert isinstance(again, Confirmed) and not again.replayed
    assert [e["client_ref"] for e in world.ledger] == ["LOST-1"]


async def test_the_lost_request_count_is_checked(control):
    assert (await control.post("/sim/lose", json={"count": -1})).status_code == 400
    assert (await control.post("/sim/lose", json={"count": True})).status_code == 400
