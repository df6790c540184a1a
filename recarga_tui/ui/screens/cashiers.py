"""The owner's list of cashiers (C on home): after the dealer's password (R12-R13: only the
owner holds it, and the dealer checks it), the cashiers with who is locked and until when;
A adds one (a name and a PIN of 4 to 8 digits typed twice, masked), N sets a new PIN (a
forgotten one; it lifts a lock), B removes one, T opens the owner's day of shifts, E closes
the shift of a cashier who left without closing it (the drawer counted).

The PIN is hashed off the screen's thread (scrypt) and never shown, logged or kept
(``services/cashiers.py``). The owner's password is good for a few minutes; after that the
screen asks it again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual import work
from textual.widget import Widget

from ...i18n import t
from ...services.cashiers import CashierError
from ..desk import check_off_thread, pin_entry, roster_text, take_pin
from ..errors import describe_error
from ..keys import key
from ..moves import EndShift, Home, Open
from ..widgets.box import Box
from ..widgets.entry import Entry
from ..widgets.line import Line
from .base import ShopScreen

PASSWORD, LIST, NAME, PIN, PIN_AGAIN, CHOOSE, REMOVE = (
    "password", "list", "name", "pin", "pin_again", "choose", "remove")


class CashiersScreen(ShopScreen):
    CSS_PATH = "desk.tcss"
    HELP_TOPIC = "cashiers"
    FOOTER_IN_ROWS = True  # more keys than one 80-column line holds
    BINDINGS = [
        key("enter", "enter", "key.continue"),
        key("a", "add", "key.add_cashier", key_display="A"),
        key("n", "new_pin", "key.new_pin", key_display="N"),
        key("b", "remove", "key.remove_cashier", key_display="B"),
        key("t", "day", "key.shifts_day", key_display="T"),
        key("e", "end_shift", "key.shift_end", key_display="E"),
        key("escape,f9", "back", "key.back", key_display="F9"),
        *[key(str(n), f"choose({n})", "key.pick", show=False) for n in range(1, 10)],
    ]
    WRITES = frozenset({"add", "new_pin", "remove", "end_shift"})
    NEEDS_DEALER = frozenset({"enter"})
    ON_THE_LIST = frozenset({"add", "new_pin", "remove", "day", "end_shift"})

    def __init__(self) -> None:
        super().__init__()
        self.stage = PASSWORD
        self.owner: Any = None
        self.doing = ""  # "add", "new_pin" or "remove": what the stages after the list do
        self.typed_name = ""
        self.pin = ""  # the first of the two PINs typed, until the second is
        self.chosen: Any = None
        self.rows: list[Any] = []

    @property
    def user(self) -> str:
        return self.shop.cashier or self.shop.services.capabilities.name

    def compose_body(self) -> Iterable[Widget]:
        with Box(id="desk-box"):
            yield Line(t("desk.owner.title"), id="desk-title")
            yield Line(t("desk.owner.why", user=self.user), id="desk-lead")
            yield Entry(t("login.password") + ":", id="desk-password", password=True,
                        max_length=128)
            yield Line("", id="desk-rows")
            yield Entry(t("cashier.name_label"), id="desk-name", max_length=30)
            yield pin_entry(t("cashier.pin_label"), "desk-pin")
            yield Line("", id="desk-hint")

    def on_mount(self) -> None:
        self._show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.ON_THE_LIST and self.stage != LIST:
            return False
        if action == "choose" and self.stage != CHOOSE:
            return False
        if action == "end_shift" and self.shop.services.shifts.on_duty is None:
            return False
        return super().check_action(action, parameters)

    def _entries(self) -> dict[str, Entry]:
        return {name: self.query_one(f"#desk-{name}", Entry)
                for name in ("password", "name", "pin")}

    def _active(self) -> str | None:
        return {PASSWORD: "password", NAME: "name", PIN: "pin", PIN_AGAIN: "pin"}.get(
            self.stage)

    def active_entry(self) -> Entry | None:
        active = self._active()
        return self._entries()[active] if active else None

    def _show(self) -> None:
        active = self._active()
        for name, entry in self._entries().items():
            entry.display = entry.active = name == active
        pin = self._entries()["pin"]
        pin.label = t("cashier.pin_again_label") if self.stage == PIN_AGAIN else (
            t("desk.owner.new_pin_for", name=self.chosen.name)
            if self.doing == "new_pin" and self.chosen is not None
            else t("cashier.pin_label"))
        pin.refresh_label()
        self.query_one("#desk-lead", Line).display = self.stage == PASSWORD
        rows = self.query_one("#desk-rows", Line)
        hint = self.query_one("#desk-hint", Line)
        rows.display = self.stage != PASSWORD
        if self.stage != PASSWORD:
            services = self.shop.services
            try:
                self.rows = services.cashiers.listed()
            except CashierError as err:
                self.rows = []
                self.say(describe_error(err), level="error")
            shift = services.shifts.on_duty
            rows.update(roster_text(self.rows, None, services.clock.now().tzinfo,
                                    shift.cashier if shift is not None else None)
                        or t("cashier.none"))
        hint.update({
            PASSWORD: t("login.forgotten", email=self.shop.services.settings.contacts
                        .admin_email),
            LIST: t("desk.owner.list_hint"),
            NAME: t("cashier.pin_private"),
            PIN: t("cashier.pin_private"),
            PIN_AGAIN: t("cashier.pin_private"),
            CHOOSE: t("desk.owner.which"),
            REMOVE: t("desk.owner.remove_ask", name=self.chosen.name if self.chosen else ""),
        }[self.stage])
        self.refresh_bindings()

    def _go(self, stage: str, said: str = "") -> None:
        self.stage = stage
        self.say(said)
        self._show()

    # --- the owner's password ---

    def action_enter(self) -> None:
        entries = self._entries()
        if self.stage == PASSWORD:
            password = entries["password"].value
            if not password:
                self.say(t("cashier.owner_password"), level="warning")
                return
            entries["password"].value = ""  # not kept in the field once sent
            self.say(t("desk.owner.checking"))
            self._check_owner(password)
        elif self.stage == NAME:
            if not entries["name"].value.strip():
                self.say(t("desk.owner.name_missing"), level="warning")
                return
            self.typed_name = entries["name"].value
            self._go(PIN)
        elif self.stage == PIN:
            if not entries["pin"].value:
                self.say(t("desk.pin_missing"), level="warning")
                return
            self.pin = take_pin(entries["pin"])
            self._go(PIN_AGAIN)
        elif self.stage == PIN_AGAIN:
            again, first = take_pin(entries["pin"]), self.pin
            self.pin = ""
            if again != first:
                self._go(PIN, t("cashier.pin_mismatch"))
                return
            self._save_pin(first)
        elif self.stage == REMOVE:
            self._remove()

    @work(exclusive=True, group="owner", exit_on_error=False)
    async def _check_owner(self, password: str) -> None:
        self.owner = await self.shop.services.cashiers.owner(self.user, password)
        self._go(LIST)

    # --- the list ---

    def action_add(self) -> None:
        self.doing, self.chosen = "add", None
        self._entries()["name"].value = ""
        self._go(NAME)

    def action_new_pin(self) -> None:
        self.doing = "new_pin"
        self._go(CHOOSE)

    def action_remove(self) -> None:
        self.doing = "remove"
        self._go(CHOOSE)

    def action_choose(self, number: int) -> None:
        if number > len(self.rows):
            return
        self.chosen = self.rows[number - 1].cashier
        self._go(PIN if self.doing == "new_pin" else REMOVE)

    def action_day(self) -> None:
        self.move(Open("shift_day"))

    def action_end_shift(self) -> None:
        """A cashier left without closing the shift: the owner counts the drawer and closes
        it (``shifts.end(counted, owner=...)``)."""
        self.move(EndShift(handover=False, owner=self.owner))

    # --- the changes ---

    def _save_pin(self, pin: str) -> None:
        cashiers, owner = self.shop.services.cashiers, self.owner
        if self.doing == "add":
            name = self.typed_name
            check_off_thread(self, lambda: cashiers.add(owner, name, pin),
                             lambda done: self._done("cashier.added", done), "desk.saving")
        elif self.chosen is not None:
            chosen = self.chosen.id
            check_off_thread(self, lambda: cashiers.set_pin(owner, chosen, pin),
                             lambda done: self._done("cashier.pin_set", done), "desk.saving")

    def _remove(self) -> None:
        try:
            done = self.shop.services.cashiers.remove(self.owner, self.chosen.id)
        except CashierError as err:
            self.worker_failed(err)
            return
        self._done("cashier.removed", done)

    def _done(self, words: str, cashier: Any) -> None:
        self.doing, self.chosen, self.typed_name = "", None, ""
        self._go(LIST, t(words, name=cashier.name))

    def worker_failed(self, error: BaseException) -> None:
        """Refused: the owner's password again once its minutes passed, else the stage it
        was asked at (a name taken: the name; a PIN's shape: the PIN)."""
        code = getattr(error, "code", "")
        if self.stage == PASSWORD or code == "cashier.owner_needed":
            self.owner = None
            self._go(PASSWORD)
        elif code == "cashier.name_taken" or code == "cashier.name_shape":
            self._go(NAME)
        elif code == "cashier.pin_shape":
            self._go(PIN)
        else:
            self._go(LIST)
        super().worker_failed(error)

    def action_back(self) -> None:
        if self.stage in (PASSWORD, LIST):
            self.move(Home())
            return
        self.pin = ""
        self._entries()["pin"].value = ""
        self._go(LIST)
