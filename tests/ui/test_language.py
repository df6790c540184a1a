"""The interface speaks Spanish by default and English on request, on every word."""

from __future__ import annotations

from dataclasses import replace

import pytest
from ui_helpers import bar_keys, capture, login, screen_text, wait_for

from recarga_tui import i18n
from recarga_tui.ui.screens.receipt import ReceiptScreen


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("es")


async def test_a_whole_sale_in_english(shop, english):
    app = shop()
    app.services.settings = replace(app.services.settings,
                                    app=replace(app.services.settings.app, language="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        assert "System status:" in screen_text(app)
        await capture(pilot, "5555550000")
        text = screen_text(app)
        assert "Read aloud to the customer" in text
        assert "five five five, five five five, zero zero zero zero" in text
        assert "Customer accepted" in bar_keys(app)
        await pilot.press("a", "f4", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        assert "Top-up done" in screen_text(app)
        assert "Recarga" not in screen_text(app)
