"""The next step is never hidden (R01): a failure's whole description, its origin, what
happened, the next step and what its certainty allows, shows on the screen's message line at
80x24 and at 100x40, in Spanish and English, with the screen above it whole; and the keys it
names work where it is said, before the login too."""

from __future__ import annotations

import string
from dataclasses import replace

import pytest
from ui_helpers import screen_text, wait_for
from whole import cuts_of, rendered, settled

from recarga_tui import i18n
from recarga_tui.domain.faults import Certainty, Fault, Origin, describe
from recarga_tui.ui.screens.help import HelpScreen
from recarga_tui.ui.screens.login import LoginScreen

SIZES = [(80, 24), (100, 40)]
# What happened, as the dealer's answers and the network are told, by where it is said: a
# login or a query that failed (no top-up involved) on the login screen, the tallest box a
# message shares rows with; a sale refused before any money (a pool that cannot pay it, the
# dealer unreachable) on the capture screen, where it is said.
WHERE = {"login": [("dealer.query.", Certainty.NONE), ("dealer.code.", Certainty.NONE)],
         "capture": [("dealer.code.", Certainty.DEFINITE), ("dealer.send.", Certainty.DEFINITE)]}


@pytest.fixture
def language():
    yield
    i18n.set_language("es")


def longest_what(family: str, lang: str) -> str:
    """The longest "what happened" sentence of ``family`` without placeholders, in ``lang``:
    with every origin, the tallest descriptions of that family."""
    words = i18n.catalog()
    keys = [key for key in words if key.startswith(family)
            and not any(name for _, name, _, _ in string.Formatter().parse(words[key][0]))]
    return max(keys, key=lambda key: len(i18n.t(key, lang=lang)))


def english(app, lang: str):
    i18n.set_language(lang)
    app.services.settings = replace(app.services.settings,
                                    app=replace(app.services.settings.app, language=lang))
    return app


async def says_whole(pilot, family: str, certainty: Certainty, lang: str) -> None:
    """Each origin's description of the family's longest sentence, said on the screen on
    top: whole, its last line (the next step) in sight, the screen above it whole."""
    screen = pilot.app.screen
    code = longest_what(family, lang)
    message = screen.query_one("#message")
    for origin in Origin:
        text = describe(Fault(origin, code, certainty=certainty))
        screen.say(text, level="error")
        await settled(pilot)
        shown = " ".join(" ".join(rendered(message)).split())
        for line in text.splitlines():
            assert " ".join(line.split()) in shown, (type(screen).__name__, origin, shown)
        assert cuts_of(screen) == [], (type(screen).__name__, origin, cuts_of(screen))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: "x".join(map(str, size)))
@pytest.mark.parametrize("lang", ["es", "en"])
async def test_r01_every_fault_shows_whole_with_its_next_step(shop, lang, size, language):
    from test_snapshots import at_capture_products

    from recarga_tui.ui.screens.capture import CaptureScreen

    app = english(shop(), lang)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
        for family, certainty in WHERE["login"]:
            await says_whole(pilot, family, certainty, lang)
        app.screen.say("")
        await at_capture_products(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, CaptureScreen))
        for family, certainty in WHERE["capture"]:
            await says_whole(pilot, family, certainty, lang)


@pytest.mark.parametrize("lang", ["es", "en"])
async def test_r01_r09_the_control_desk_is_reached_by_the_keys_the_fault_names(shop, lang,
                                                                             language):
    """The network's next step at the login names F1, then F2: they open the help at the
    control desk's contacts, with its phone, before any login (F9 is a key of home)."""
    app = english(shop(), lang)
    phone = app.services.settings.contacts.phone
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        advice = i18n.t("fault.network.next_query")
        assert "F1" in advice and "F2" in advice and "F9" not in advice
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.screen.topic == "contacts")
        contacts = app.screen.query_one("#help-contacts")
        scroll = app.screen.query_one("#help-scroll")
        await pilot.pause()
        assert scroll.region.contains_region(contacts.region) or (
            contacts.region.y >= scroll.region.y and contacts.region.y < scroll.region.bottom)
        assert phone in screen_text(app)
