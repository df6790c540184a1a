"""Protocol v1.1 against v1: the catalog's categories, fields, open amounts and pools are
optional additions, so a v1 dealer's answers read as before (airtime to a phone) and a v1
client never meets a product it cannot sell (R03, R04, R01)."""

from __future__ import annotations

import msgspec
import pytest

from recarga_tui.dealer import Confirmed
from recarga_tui.dealer.match import Sent
from recarga_tui.dealer.protocol import ProtocolViolation
from recarga_tui.dealer.v1 import wire
from recarga_tui.domain.catalog import Category, FieldKind

V1_CATALOG = (b'{"carriers":[{"id":"telcel","name":"Telcel","status":"up"}],'
              b'"products":[{"sku":"TEL-050","carrier_id":"telcel","amount":5000,'
              b'"description":"Recarga Telcel $50"}]}')


def test_r03_a_v1_catalog_reads_as_airtime_to_a_confirmed_phone():
    catalog = wire.read(V1_CATALOG, wire.Catalog)
    (product,) = catalog.products
    assert (product.category, product.fields, product.open_amount) == (
        Category.AIRTIME, (), False)
    sold = product.for_sale()
    assert sold.account_field.kind is FieldKind.PHONE and sold.account_field.confirm


def test_r04_an_open_amount_without_its_limits_is_no_catalog():
    body = V1_CATALOG.replace(b'"amount":5000', b'"amount":0')
    with pytest.raises(ProtocolViolation):
        wire.read(body, wire.Catalog)


async def login(control) -> dict[str, str]:
    answer = await control.post("/v1/sessions", json={
        "terminal_id": "DEMO-01", "user": "demo", "password": "demo"})
    return {"Authorization": f"Bearer {answer.json()['token']}"}


async def test_r04_a_v1_client_is_never_offered_a_bill_it_cannot_type(control):
    auth = await login(control)
    old = (await control.get("/v1/catalog", headers=auth)).json()
    new = (await control.get("/v1/catalog", params={"version": "1.1"}, headers=auth)).json()
    assert all(p["amount"] > 0 for p in old["products"])
    assert any(p.get("category") == "bundle" for p in old["products"])  # fixed amounts: both
    bills = [p for p in new["products"] if p.get("category") == "bill"]
    assert {p["sku"] for p in bills} >= {"PAGO-CFE", "PAGO-TELMEX"}
    assert all(p["amount"] == 0 and p["max_amount"] > 0 for p in bills)


async def test_r01_the_balance_names_every_pool_and_the_client_reads_them(client, world):
    world.pools["servicios"] = 12_345
    balances = await client.balances()
    assert [(p.id, p.name, p.available) for p in balances.pools] == [
        ("", "Tiempo Aire", world.balance), ("servicios", "Pago de Servicios", 12_345)]
    assert balances.available == world.balance


async def test_r03_a_bill_is_paid_to_its_reference_from_its_own_pool(client, world):
    catalog = await client.catalog()
    bill = catalog.product("PAGO-CFE")
    assert bill is not None and bill.category is Category.BILL and bill.pool == "servicios"
    before, main = world.pools["servicios"], world.balance
    outcome = await client.send_topup(Sent("T-BILL-1", "555555000000", "PAGO-CFE", 45_050))
    assert isinstance(outcome, Confirmed)
    assert world.pools["servicios"] == before - 45_050 and world.balance == main


@pytest.mark.parametrize("sku, msisdn, amount, status", [
    ("PAGO-CFE", "55555500000", 45_050, 400),          # 11 digits: CFE asks 12 to 30
    ("PAGO-CFE", "555555000000", 1_000_001, 422),      # above the biller's limit
    ("TEL-050", "555555000000", 5000, 400),            # airtime goes to a 10-digit number
])
async def test_r03_the_simulator_refuses_what_the_products_field_does_not_take(
        control, sku, msisdn, amount, status):
    auth = await login(control)
    answer = await control.post("/v1/topups", headers=auth, json={
        "client_ref": "T-X-1", "sku": sku, "msisdn": msisdn, "amount": amount})
    assert answer.status_code == status, answer.text
    assert msgspec.json.decode(answer.content)["error"]["code"] in (
        "BAD_REQUEST", "AMOUNT_MISMATCH")
