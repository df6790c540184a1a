"""What a screen may promise about a sale, chosen from the dealer's capabilities alone.

Resending after "not found", giving the money back, how a sale with a lost answer is looked
for, and whether clarifications and a statement can be asked of the dealer: a dealer keeps
some of these and not others (``dealer.port.Capabilities``). Every screen that speaks of them,
and the cashier's guide, take their words from here, so no screen promises what the dealer
does not keep (R16, R18, R19): a dealer that takes no key from the shop (Taecel) never hears
"no se cobra doble", and a dealer without a sales report is never said to be searched in one.

The choice depends on the capabilities only, never on the dealer's kind or name: a new
dealer is worded right by what its adapter declares.
"""

from __future__ import annotations

from msgspec import Struct

from ..dealer.port import Capabilities, SaleKey
from ..i18n import t

# How the lookup of one sale is named, by what the dealer knows a sale by.
_LOOKUP_BY = {SaleKey.SHOP_REFERENCE: "reference", SaleKey.DEALER_ID_FIRST: "request_id",
              SaleKey.NONE: "dealer_id"}


class Promises(Struct, frozen=True):
    """The sentences of one dealer's capabilities."""

    caps: Capabilities

    # --- the lookup after a lost answer (R19) ---

    @property
    def looks(self) -> str:
        """Where the lookup happens: "report" (the sales report, the proof of R19), "lookup"
        (the dealer asked about the sale alone) or "none" (the dealer offers neither)."""
        if self.caps.sales_report:
            return "report"
        return "lookup" if self.caps.lookup else "none"

    def looked_for(self) -> str:
        """How the app looks for a sale whose answer was lost, in one sentence."""
        return t(f"promise.looks.{self.looks}", dealer=self.caps.name,
                 by=self.lookup_by())

    def lookup_by(self) -> str:
        """What one sale is looked up by at this dealer: "por referencia", "por folio"."""
        return t(f"promise.lookup_by.{_LOOKUP_BY[self.caps.sale_key]}")

    def not_found(self, minutes: int) -> str:
        """The sale did not show within the window: what that means, and what may be done
        with it now (send again, money back), as this dealer keeps them."""
        return " ".join((t(f"promise.absent.{self.looks}", minutes=minutes,
                           dealer=self.caps.name), self.resend()))

    def resend(self) -> str:
        """What sending it again is at this dealer: the same sale (never charged twice), or a
        new sale that makes two top-ups if the first one shows late."""
        return t(f"promise.resend.{self.resend_kind}", dealer=self.caps.name)

    @property
    def resend_kind(self) -> str:
        """"reference" or "request_id" when a sale sent again goes under the same key (the
        dealer charges it once); "new_sale" when it goes as a new one."""
        if not self.caps.same_key_again or self.caps.sale_key is SaleKey.NONE:
            return "new_sale"
        return _LOOKUP_BY[self.caps.sale_key]

    @property
    def same_sale_again(self) -> bool:
        """Whether "send again" is the same sale for the dealer (never a second top-up)."""
        return self.resend_kind != "new_sale"

    def not_found_keys(self) -> str:
        """The catalog key of the keys line of a sale not found (``check.keys_not_found``
        and its ``_offline`` form, per how a sale is sent again)."""
        return f"check.keys_not_found.{self.resend_kind}"

    def pending_next(self) -> str:
        """The pending list's next step for a sale not found."""
        return t(f"pending.next.not_found.{self.resend_kind}")

    def tried_lookup(self, result: str) -> str:
        """One lookup of the check screen's "tried" line: how it was asked, and its result
        (``services.checker``'s name for it); with nothing to ask by, the report decides
        only where there is one."""
        key = f"check.result.{result}"
        if result == "no_key" and not self.caps.sales_report:
            key += ".no_report"
        return t("check.tried.lookup", by=self.lookup_by(), result=t(key))

    # --- what may be asked of the dealer ---

    @property
    def clarifications(self) -> bool:
        """Whether a clarification can be asked through the dealer's system (R11)."""
        return self.caps.clarifications

    @property
    def statement(self) -> bool:
        """Whether the dealer gives a statement the cash close compares with (R14)."""
        return self.caps.statement

    def no_statement(self) -> str:
        """The cash close's statement line for a dealer that gives none."""
        return t("promise.no_statement", dealer=self.caps.name)
