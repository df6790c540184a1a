"""Protocol v1.2: what the shop earns on each product, an optional catalog field listed only
to a client that asks for it, so a v1.1 client and a v1.1 dealer keep working; the client
asks v1.2 and falls back to v1.1 where the dealer refuses the question."""

from __future__ import annotations

import json

import httpx
import pytest

from recarga_tui.config import DealerSettings
from recarga_tui.dealer import DealerClient
from recarga_tui.dealer.protocol import ProtocolViolation
from recarga_tui.dealer.v1 import wire
from recarga_tui.domain.catalog import Earns

PRODUCT = {"sku": "TEL-050", "carrier_id": "telcel", "amount": 5000,
           "description": "Recarga Telcel $50"}
CARRIERS = [{"id": "telcel", "name": "Telcel", "status": "up"}]


def catalog_with(**fields) -> bytes:
    return json.dumps({"carriers": CARRIERS, "products": [{**PRODUCT, **fields}]}).encode()


def test_r03_a_product_says_what_the_shop_earns_as_a_figure_or_a_rate_never_both():
    (fixed,) = wire.read(catalog_with(earning=300), wire.Catalog).products
    (share,) = wire.read(catalog_with(earning_rate=650), wire.Catalog).products
    (unsaid,) = wire.read(catalog_with(), wire.Catalog).products
    assert (fixed.earns, share.earns, unsaid.earns) == (Earns(centavos=300), Earns(bp=650), None)
    assert fixed.for_sale().earns == Earns(centavos=300)
    for wrong in ({"earning": 300, "earning_rate": 650}, {"earning": 5001},
                  {"earning": -1}, {"earning_rate": 10_001}, {"earning": 1.5}):
        with pytest.raises(ProtocolViolation):
            wire.read(catalog_with(**wrong), wire.Catalog)


async def test_r03_the_simulator_lists_earnings_only_to_a_client_asking_v12(control, client):
    token = (await control.post("/v1/sessions", json={
        "terminal_id": "DEMO-01", "user": "demo", "password": "demo"})).json()["token"]
    auth = {"Authorization": f"Bearer {token}"}
    v11 = (await control.get("/v1/catalog", params={"version": "1.1"}, headers=auth)).json()
    v12 = (await control.get("/v1/catalog", params={"version": "1.2"}, headers=auth)).json()
    assert not any("earning" in p or "earning_rate" in p for p in v11["products"])
    assert [{k: v for k, v in p.items() if not k.startswith("earning")}
            for p in v12["products"]] == v11["products"]
    assert all(("earning" in p) != ("earning_rate" in p) for p in v12["products"])
    catalog = await client.catalog()
    assert catalog.product("TEL-050").earns == Earns(centavos=300)
    assert catalog.product("PAGO-AGUA").earns == Earns(bp=100)


async def test_r01_a_dealer_that_knows_no_v12_is_asked_for_v11_and_the_shops_rate_is_used():
    asked: list[str | None] = []

    def dealer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/sessions":
            return httpx.Response(201, json={"token": "t", "expires_at":
                                             "2030-01-01T00:00:00-06:00",
                                             "shop": {"id": "1", "name": "Tienda"}})
        version = request.url.params.get("version")
        asked.append(version)
        if version not in (None, "1.1"):
            return httpx.Response(400, json={"error": {
                "code": "BAD_REQUEST", "class": "invalid", "origin": "shop",
                "message": "version desconocida"}})
        return httpx.Response(200, content=catalog_with())

    client = DealerClient.from_settings(DealerSettings(), transport=httpx.MockTransport(dealer))
    try:
        await client.login("demo", "demo")
        first = await client.catalog()
        await client.catalog()
    finally:
        await client.aclose()
    assert asked == ["1.2", "1.1", "1.1"]  # asked once, then remembered
    assert first.product("TEL-050").earns is None
