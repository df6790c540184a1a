"""Reloadly's answers as msgspec structs, lenient where its own documents disagree.

Where the OpenAPI documents (Reloadly/reloadly-api-documentation) and Reloadly's SDKs and
their test fixtures (Reloadly/reloadly-sdk-java, ``src/test/resources``) give one field two
shapes, both are taken: a phone or an id as a number or a text, ``expires_in`` as a number or
a text, ``timeStamp`` as a date text or epoch milliseconds, the descriptions of fixed amounts
as a map or a list. Money is decoded as :class:`~decimal.Decimal` from the JSON number itself,
so ``3168.4`` is exactly 3168.4. Fields the app does not read (logos, promotions, PIN
details) are not declared: msgspec skips them. See docs/dealers/reloadly.md.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from msgspec import Struct

Text = str | None
Number = Decimal | None
IdLike = int | str | None


class Token(Struct):
    """POST /oauth/token, 200."""

    access_token: str = ""
    expires_in: int | str | None = None  # 5184000 (OpenAPI), "5184000" (the 2018 docs)
    token_type: Text = None
    scope: Text = None


class Error(Struct):
    """Every refusal: ``errorCode`` (null on some: a wrong path, "Access Denied"), ``message``
    and the path; Spring's own 404 has ``status`` and ``error`` instead."""

    errorCode: Text = None
    message: Text = None
    path: Text = None
    timeStamp: int | str | None = None
    infoLink: Text = None
    details: list[Any] | None = None
    status: int | None = None
    error: Text = None


class BalanceInfo(Struct):
    oldBalance: Number = None
    newBalance: Number = None
    cost: Number = None  # in the answers since 22 March 2022 (Reloadly's changelog)
    currencyCode: Text = None
    currencyName: Text = None
    updatedAt: Text = None


class Transaction(Struct):
    """A top-up as /topups, its status and the transactions report give it."""

    transactionId: IdLike = None
    status: Text = None  # SUCCESSFUL, PROCESSING, REFUNDED, FAILED; absent in the SDK's /topups
    operatorTransactionId: IdLike = None
    customIdentifier: Text = None
    recipientPhone: IdLike = None  # 447951631337 (OpenAPI /topups) or "50936377111" (SDK)
    recipientEmail: Text = None
    senderPhone: IdLike = None
    countryCode: Text = None
    operatorId: IdLike = None
    operatorName: Text = None
    discount: Number = None
    discountCurrencyCode: Text = None
    requestedAmount: Number = None
    requestedAmountCurrencyCode: Text = None
    deliveredAmount: Number = None
    deliveredAmountCurrencyCode: Text = None
    transactionDate: Text = None
    balanceInfo: BalanceInfo | None = None


class Status(Struct):
    """GET /topups/{transactionId}/status as the Java SDK's fixture has it: the transaction
    inside, beside the status and an error code and message."""

    status: Text = None
    code: Text = None
    message: Text = None
    transaction: Transaction | None = None
    transactionId: IdLike = None  # present only in the OpenAPI's flat shape


class Taken(Struct):
    """POST /topups-async, 200."""

    transactionId: IdLike = None


class Balance(Struct):
    """GET /accounts/balance."""

    balance: Number = None
    currencyCode: Text = None
    currencyName: Text = None
    updatedAt: Text = None


class Country(Struct):
    isoName: Text = None
    name: Text = None


class Fx(Struct):
    rate: Number = None
    currencyCode: Text = None


Descriptions = dict[str, Any] | list[Any] | None


class Operator(Struct):
    """An operator: /operators/countries/{iso}, /operators/{id} and the auto-detection."""

    id: IdLike = None
    operatorId: IdLike = None
    name: Text = None
    bundle: bool | None = None
    data: bool | None = None
    pin: bool | None = None
    supportsLocalAmounts: bool | None = None
    denominationType: Text = None  # FIXED or RANGE
    senderCurrencyCode: Text = None
    destinationCurrencyCode: Text = None
    minAmount: Number = None
    maxAmount: Number = None
    localMinAmount: Number = None
    localMaxAmount: Number = None
    fixedAmounts: list[Decimal] | None = None
    fixedAmountsDescriptions: Descriptions = None  # {} in the SDK's fixtures, [] in OpenAPI
    localFixedAmounts: list[Decimal] | None = None
    localFixedAmountsDescriptions: Descriptions = None
    country: Country | None = None
    fx: Fx | None = None

    @property
    def key(self) -> str | None:
        """The operator's id as text: ``operatorId``, or ``id`` where only it is given."""
        found = self.operatorId if self.operatorId is not None else self.id
        return None if found is None or isinstance(found, bool) else str(found)


class Page(Struct):
    """A page of Spring's (``content``, ``last``, ``totalPages``): the transactions report."""

    content: list[Transaction] | None = None
    last: bool | None = None
    totalPages: int | None = None


class OperatorPage(Struct):
    """The operators' list when it comes as a page (``GET /operators``)."""

    content: list[Operator] | None = None
