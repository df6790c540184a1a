"""R12: a cashier's PIN is never written anywhere: not in the list of cashiers, the journal,
its previous generations, the cash close's files, an export or the log, whatever happens in
a day (set up, shifts, wrong PINs and a lock, sales, a hand-over, a new PIN)."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from desk_shop import START, TZ, desk_shop

from recarga_tui import logs
from recarga_tui.journal.export import write_csv, write_jsonl
from recarga_tui.services import cash_close
from recarga_tui.services.cashiers import CashierLocked, PinRefused

# Eight digits no time, amount, reference or id of the day can hold by chance.
PINS = {"ana": "73915286", "beto": "48207519", "new": "61940373"}
WRONG = ("90817263", "31405926", "55501234")


@pytest.fixture
def log_file(tmp_path):
    path = logs.setup(tmp_path / "log", level=logging.DEBUG, tz=TZ)
    assert path is not None
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", "") == str(path):
            root.removeHandler(handler)
            handler.close()


def every_file(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


async def test_r12_the_pin_is_nowhere_on_disk_in_the_log_the_journal_or_an_export(
        tmp_path, log_file):
    shop = await desk_shop(tmp_path)
    services = shop.services
    try:
        owner = await services.cashiers.owner("demo", "demo")
        ana = services.cashiers.add(owner, "Ana", PINS["ana"])
        beto = services.cashiers.add(owner, "Beto", PINS["beto"])
        services.shifts.start(ana.id, PINS["ana"], opening=10_000)
        tel50 = await shop.product("TEL-050")
        await shop.sell("5555500010", tel50)
        services.counter.refund(shop.paid("5555500020", tel50), "left")
        for wrong in WRONG[:-1]:
            with pytest.raises(PinRefused):
                services.shifts.resume(wrong)
        services.shifts.hand_over(PINS["ana"], services.shifts.figures_now().expected,
                                  beto.id, PINS["beto"])
        await shop.sell("5555500030", tel50)
        for _ in range(services.settings.cashiers.pin_attempts):
            try:
                services.cashiers.check(ana.id, WRONG[-1])
            except (PinRefused, CashierLocked):
                pass
        assert services.cashiers.locked_until(ana.id) is not None
        services.cashiers.set_pin(owner, ana.id, PINS["new"])
        services.shifts.end(services.shifts.figures_now().expected, pin=PINS["beto"])

        day = START.date()
        close = cash_close.compute(services, *cash_close.day_period(day, TZ))
        text = cash_close.render(close, {}, {"terminal": "DEMO-01", "shop": "", "kind": "DÍA"},
                                 None)
        cash_close.write(services, close, text, cash_close.to_csv(close, None))
        sales = services.notebook.sales_between(day, day)
        exported = tmp_path / "export"
        exported.mkdir()
        for name, write in (("ventas.csv", write_csv), ("ventas.jsonl", write_jsonl)):
            out = io.StringIO()
            write(sales, out)
            (exported / name).write_text(out.getvalue(), "utf-8")
    finally:
        shop.close()
    logging.getLogger().handlers[-1].flush()

    files = every_file(tmp_path)
    names = {p.name for p in files}
    assert {"journal-cajeros.json", "recarga-tui.log", "ventas.csv",
            "ventas.jsonl", f"{day.isoformat()}.json", f"{day.isoformat()}.json.prev"} <= names
    assert any(p.suffix == ".csv" and p.parent.name == "cortes" for p in files)
    assert "cashier c01: locked" in log_file.read_text("utf-8")  # the log says it happened
    for path in files:
        raw = path.read_bytes()
        for pin in (*PINS.values(), *WRONG):
            assert pin.encode() not in raw, (path.name, pin)
