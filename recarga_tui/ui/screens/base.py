"""What every screen of the shop has: the status line, the two notices, a body, the footer."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import ClassVar

from textual import on
from textual.actions import parse as parse_action
from textual.app import ComposeResult
from textual.events import Key, Mount, ScreenResume
from textual.screen import Screen
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from ...i18n import t
from ...services.events import Event
from ..errors import describe_error
from ..keys import declared, key, run_key
from ..messages import SaleChanged
from ..moves import Help, Move, Step
from ..room import after_layout
from ..shop import Shop, shop_of
from ..widgets.box import Body
from ..widgets.entry import Entry
from ..widgets.keybar import KeyBar
from ..widgets.line import Line
from ..widgets.notices import NoticesBar
from ..widgets.status import StatusLine
from ..widgets.too_small import TooSmall

log = logging.getLogger(__name__)


# Seconds between two readings of the journal by a read-only copy's screens.
READ_ONLY_FOLLOW = 5.0

class ShopScreen(Screen[None]):
    """A screen of the counter. Subclasses give ``compose_body`` and their own keys."""

    BINDINGS = [key("f1", "help", "key.help")]
    # The section of the help that F1 opens from this screen.
    HELP_TOPIC: ClassVar[str] = "home"
    # More keys than one 80-column line holds (in some language or terminal's key names): the
    # footer in rows, every key whole (the counter's words test finds the screens that need it).
    FOOTER_IN_ROWS: ClassVar[bool] = False
    # Actions that write the notebook (not offered by a read-only copy) and actions that need
    # the dealer (not offered without a session): a key is shown only where it acts.
    WRITES: ClassVar[frozenset[str]] = frozenset()
    NEEDS_DEALER: ClassVar[frozenset[str]] = frozenset()
    # Actions that print (not offered where no printer is set in ``[printer]``).
    NEEDS_PRINTER: ClassVar[frozenset[str]] = frozenset()
    # Actions that need a capability of the dealer (a field of ``port.Capabilities``): not
    # offered where the dealer lacks it; the key, pressed, says so and where to ask instead.
    NEEDS_CAPABILITY: ClassVar[dict[str, str]] = {}

    def __init__(self) -> None:
        super().__init__()
        # Keys typed ahead can reach a screen just pushed before its widgets are mounted (a
        # fast cashier, a burst over SSH): they wait here and are taken in order on mount.
        self._ready = False
        self._early_keys: list[Key] = []
        # A move asked of the router and not made yet: the keys typed meanwhile wait for
        # where it leads (``move``), so none acts twice on the screen being left.
        self._moving = False
        self._kept_keys: list[Key] = []

    def follow_sales(self, *, looks: bool = True) -> None:
        """Have :class:`SaleChanged` posted to this screen whenever the notebook records a
        step or (``looks``) the check looks at a sale. A read-only copy is not told of another
        copy's writes: it reads the journal again every few seconds instead."""
        services = self.shop.services
        if services.notebook.read_only:
            self.set_interval(READ_ONLY_FOLLOW, lambda: self.post_message(SaleChanged(None)))
            return

        def tell(event: Event) -> None:
            self.post_message(SaleChanged(event.sale))

        self._followed = [(services.notebook.events, tell)]
        if looks:
            self._followed.append((services.checker.events, tell))
        for listeners, callback in self._followed:
            listeners.add(callback)

    def on_unmount(self) -> None:
        for listeners, callback in getattr(self, "_followed", ()):
            listeners.remove(callback)

    @on(Mount)
    async def _mounted(self) -> None:
        """Runs after the screen's own ``on_mount`` (Textual calls a subclass's handlers
        first): the widgets are there, and the keys typed while they were not are taken now,
        in the order typed."""
        # What gives way when the screen is short of rows, and where the corner messages
        # stand (ui/room.py).
        self.screen_layout_refresh_signal.subscribe(self, after_layout, immediate=True)
        self._told_of_its_sale()
        self._ready = True
        early, self._early_keys = self._early_keys, []
        for event in early:
            await self.take_key(event)

    @on(ScreenResume)
    def _resumed(self) -> None:
        self._told_of_its_sale()

    def _told_of_its_sale(self) -> None:
        """The sale this screen shows: its corner messages leave, the screen says it all."""
        sale = getattr(self, "sale", None)
        if sale is not None:
            self.shop.withdraw_about(sale.ref)

    @property
    def shop(self) -> Shop:
        return shop_of(self)

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status-line")
        yield NoticesBar(id="notices")
        with Body(id="body"):
            yield from self.compose_body()
        yield Line("", id="message")
        yield KeyBar(rows=self.FOOTER_IN_ROWS, id="keys")
        yield TooSmall()

    def compose_body(self) -> Iterable[Widget]:
        return ()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """False hides the key: writing in a read-only copy, the dealer without a session,
        printing without a printer."""
        if action in self.WRITES and self.shop.services.notebook.read_only:
            return False
        if action in self.NEEDS_DEALER and not self.shop.connected:
            return False
        if action in self.NEEDS_PRINTER and not self.shop.services.printing.enabled:
            return False
        capability = self.NEEDS_CAPABILITY.get(action)
        if capability is not None and not getattr(self.shop.services.capabilities, capability):
            return False
        return True

    def refused_why(self, action: str) -> str | None:
        """Why a key the cashier pressed does nothing here, when the cashier must hear it: a
        read-only copy neither sells nor writes nor prints; a dealer that lacks what the key
        asks for (and where to ask instead). None: the key is not offered for another reason
        the screen already says (no session, no printer)."""
        if self.shop.services.notebook.read_only and (
                action in self.WRITES or action in self.NEEDS_PRINTER):
            return t("read_only.key")
        capability = self.NEEDS_CAPABILITY.get(action)
        return self.lacking(capability) if capability is not None else None

    def active_entry(self) -> Entry | None:
        """The field that typed characters go to now (None: keys are only commands)."""
        return None

    async def on_key(self, event: Key) -> None:
        """Every key of the screen, in the order typed: first the active field, then the
        screen's own keys. Running the binding here (rather than letting the key bubble to
        the app) keeps a key typed ahead from overtaking the one before it."""
        await self._typed(event)

    async def _typed(self, event: Key) -> None:
        if self._moving:
            event.stop()
            event.prevent_default()
            self._kept_keys.append(event)
            return
        top = self.app.screen
        if top is not self and isinstance(top, ShopScreen):
            # Typed before this screen handed over to the next one (A, then F4 at once): the
            # key belongs to the screen now on top, in the order typed.
            event.stop()
            event.prevent_default()
            await top._typed(event)
            return
        await self.typed_ahead(event)

    def move(self, step: Step) -> None:
        """Ask the router for ``step`` (ui/router.py). Until it is made, the keys typed here
        wait, then go where it led, in the order typed: a key typed right after Enter on the
        payment is for the send screen, never a second Enter on the payment."""
        self._moving = True
        self.post_message(Move(step, self))

    async def moved(self) -> None:
        """The router made the move this screen asked for: the keys kept meanwhile, taken by
        the screen now on top (this one again when the move covered nothing)."""
        self._moving = False
        kept, self._kept_keys = self._kept_keys, []
        for event in kept:
            await self._typed(event)

    async def typed_ahead(self, event: Key) -> None:
        """Take a key now, or keep it until the screen's widgets are mounted."""
        if not self._ready:
            event.stop()
            event.prevent_default()
            self._early_keys.append(event)
            return
        await self.take_key(event)

    async def take_key(self, event: Key) -> None:
        """One key, once the screen is ready; a screen with keys of its own overrides this
        and hands on what it does not take."""
        if getattr(self.app, "too_small", False):
            # The cashier cannot see the screen: no key may act on it (F10 still quits).
            event.stop()
            event.prevent_default()
            return
        entry = self.active_entry()
        if entry is not None and entry.feed(event):
            event.stop()
            event.prevent_default()
            return
        if await run_key(self, event.key):
            event.stop()
            event.prevent_default()
            return
        why = self.refused_key(event.key)
        if why is not None:
            event.stop()
            event.prevent_default()
            self.say(why, level="warning")

    def refused_key(self, key_: str) -> str | None:
        """Why ``key_``, bound here but not offered now, did nothing, when the cashier must
        hear it (``refused_why``); None otherwise."""
        for binding in declared(self, key_):
            _, name, params = parse_action(binding.action)
            if self.check_action(name, params) is not True:
                why = self.refused_why(name)
                if why is not None:
                    return why
        return None

    def shop_time(self, at: datetime | None, fmt: str = "%H:%M", missing: str = "") -> str:
        """A time as the cashier reads it: in the shop's zone (``[app] timezone``), whatever
        zone it was kept or sent in (the dealer's offset, a PC left on UTC)."""
        if at is None:
            return missing
        return at.astimezone(self.shop.services.clock.now().tzinfo).strftime(fmt)

    def step_day(self, day: date, delta: int) -> date | None:
        """The day ``delta`` days from ``day`` (the ← → of the account, the report and the cash
        close), or None, said, when it has not come yet."""
        stepped = day + timedelta(days=delta)
        if stepped > self.shop.services.clock.now().date():
            self.say(t("report.no_future"), level="warning")
            return None
        return stepped

    def lacking(self, capability: str) -> str | None:
        """The words saying the dealer does not offer ``capability`` (a field of
        ``port.Capabilities``) and where to ask instead (R09, R11, R14); None when it does."""
        services = self.shop.services
        caps = services.capabilities
        if getattr(caps, capability):
            return None
        contacts = services.settings.contacts
        return t(f"dealer.lacks.{capability}", dealer=caps.name, phone=contacts.phone,
                 email=contacts.email)

    def lacks(self, capability: str) -> bool:
        """Whether the dealer lacks ``capability``; if so, the screen says so and where to ask."""
        words = self.lacking(capability)
        if words is not None:
            self.say(words, level="warning")
        return words is not None

    def said_error(self, text: str) -> None:
        """``text`` on the message line as an error (a step the notebook refused)."""
        self.say(text, level="error")

    def say(self, text: str, *, level: str = "info") -> None:
        """A one-line message above the footer: what happened and what to do next (R01)."""
        message = self.query_one("#message", Line)
        message.update(text)
        for name in ("info", "warning", "error"):
            message.set_class(name == level, f"-{name}")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Every worker of every screen that fails ends here, in one place: the screen says
        it with its origin and next step (R01). Nothing is retried by itself."""
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            log.warning("%s: worker %s failed: %s", type(self).__name__, event.worker.name,
                        type(event.worker.error).__name__)
            self.worker_failed(event.worker.error)

    def worker_failed(self, error: BaseException) -> None:
        """A worker of this screen failed (a dealer query, a send refused before it left): its
        origin and next step on the screen's message line (R01). Screens that must put a
        field back first override it and call this."""
        self.say(describe_error(error), level="error")

    def action_help(self) -> None:
        self.move(Help(self.HELP_TOPIC))


def choices_text(app: Shop, key_: str) -> str:
    """The line that names a sale's choices, as this copy can take them: none in a read-only
    copy, those without the dealer when there is no session (``<key>_offline``)."""
    if app.services.notebook.read_only:
        return t("choices.read_only")
    if not app.connected:
        return t(f"{key_}_offline")
    return t(key_)
