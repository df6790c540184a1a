"""Reloadly's answers as its public documents and SDKs print them, for the tests.

Each body names its source beside it. Three sources:

* OA: Reloadly/reloadly-api-documentation, ``openapi/paths/*.yaml``: the OpenAPI document's
  examples, written there in YAML and here in JSON (the same values; YAML's numbers stay
  numbers, its unquoted dates are the texts they show);
* SW: APIs-guru/openapi-directory ``APIs/reloadly.com/1.0.0/swagger.yaml``: Reloadly's 2018 API
  description (its apiary document), whose examples are quoted;
* SDK: Reloadly/reloadly-sdk-java, its tests' fixtures (``src/test/resources``), verbatim.

None of them is about a Mexican sale: the tests that need one take a documented body and put
the sale's own fields in it (``mexican()``), and say so.
"""

from __future__ import annotations

import json
from typing import Any

# --- OA: the OpenAPI document's examples --------------------------------------------------

# OA access-token.yaml, 200 (its token cut short here: only its shape matters)
TOKEN_OA = """{"access_token": "eyJraWQiOiJjNGE1ZWU1Zi0xYmE2LTQ1N2UtOTI3Yi1lYzdiODliNzcxZTIi",
  "scope": "developer", "expires_in": 5184000, "token_type": "Bearer"}"""
# OA access-token.yaml, 401
TOKEN_401_OA = """{"timeStamp": "2022-01-06 10:57:50", "message": "Access Denied",
  "path": "/oauth/token", "errorCode": "INVALID_CREDENTIALS", "infoLink": null, "details": []}"""
# OA airtime-accounts-balance.yaml, 200
BALANCE_OA = """{"balance": 5000, "currencyCode": "USD", "currencyName": "US Dollar",
  "updatedAt": "2021-12-04 08:45:51"}"""
# OA airtime-accounts-balance.yaml, 401 (every airtime path has the same)
INVALID_TOKEN_OA = """{"timeStamp": "2021-05-11 21:14:00",
  "message": "Full authentication is required to access this resource",
  "path": "/accounts/balance", "errorCode": "INVALID_TOKEN", "infoLink": null, "details": []}"""
# OA airtime-top-ups.yaml, 200; the same transaction is airtime-top-ups-status.yaml's 200
TOPUP_OA = """{"transactionId": 4602843, "status": "SUCCESSFUL",
  "operatorTransactionId": "7297929551:OrderConfirmed",
  "customIdentifier": "This is example identifier 130", "recipientPhone": 447951631337,
  "recipientEmail": null, "senderPhone": 11231231231, "countryCode": "GB", "operatorId": 535,
  "operatorName": "EE PIN England", "discount": 63.37, "discountCurrencyCode": "NGN",
  "requestedAmount": 3168.4, "requestedAmountCurrencyCode": "NGN", "deliveredAmount": 4.9985,
  "deliveredAmountCurrencyCode": "GBP", "transactionDate": "2021-12-06 08:13:39",
  "pinDetail": {"serial": 558111, "info1": "DIAL *611", "info2": "DIAL *611",
    "info3": "DIAL *611", "value": null, "code": 773709733097662, "ivr": "1-888-888-8888",
    "validity": "30 days"},
  "balanceInfo": {"oldBalance": 5109.53732, "newBalance": 2004.50532, "currencyCode": "NGN",
    "currencyName": "Nigerian Naira", "updatedAt": "2021-12-06 13:13:39"}}"""
STATUS_OA = TOPUP_OA
# OA airtime-top-ups.yaml, 400
INVALID_PHONE_OA = """{"timeStamp": "2022-01-06 18:37:10",
  "message": "Recipient phone number is not valid", "path": "/topups",
  "errorCode": "INVALID_RECIPIENT_PHONE", "infoLink": null, "details": []}"""
# OA airtime-top-ups.yaml, 404 (Spring's own answer to a path nobody serves)
NOT_FOUND_OA = """{"timeStamp": "2021-09-11 11:54:00", "status": 404, "error": "Not Found",
  "message": "No message available", "path": "/topup"}"""
# OA airtime-top-ups-async.yaml, 200
ASYNC_OA = """{"transactionId": 4602843}"""
# OA airtime-get-all-transactions.yaml, 200: one line, then "{}" where more would follow
REPORT_OA = """{"content": [{"transactionId": 4602843, "status": "SUCCESSFUL",
  "operatorTransactionId": "7297929551:OrderConfirmed",
  "customIdentifier": "This is example identifier 130", "recipientPhone": 447951631337,
  "recipientEmail": null, "senderPhone": 11231231231, "countryCode": "GB", "operatorId": 535,
  "operatorName": "EE PIN England", "discount": 63.37, "discountCurrencyCode": "NGN",
  "requestedAmount": 3168.4, "requestedAmountCurrencyCode": "NGN", "deliveredAmount": 4.9985,
  "deliveredAmountCurrencyCode": "GBP", "transactionDate": "2021-12-06 08:13:39",
  "pinDetail": {"serial": 558111, "info1": "DIAL *611", "info2": "DIAL *611",
    "info3": "DIAL *611", "value": null, "code": 773709733097662, "ivr": "1-888-888-8888",
    "validity": "30 days"}, "balanceInfo": null}, {}, {}]}"""
# OA airtime-auto-detect-an-operator.yaml, 200 (also airtime-get-operator-by-id.yaml's, and
# airtime-get-operator-by-iso.yaml's, where the operators of a country are this one object)
OPERATOR_OA = """{"id": 88, "operatorId": 88, "name": "Movistar Colombia", "bundle": false,
  "data": false, "pin": false, "supportsLocalAmounts": false, "denominationType": "RANGE",
  "senderCurrencyCode": "USD", "senderCurrencySymbol": "$", "destinationCurrencyCode": "COP",
  "destinationCurrencySymbol": "$", "commission": 4.42, "internationalDiscount": 4.42,
  "localDiscount": 0.00, "mostPopularAmount": null, "minAmount": 5.00, "maxAmount": 5.00,
  "localMinAmount": null, "localMaxAmount": null,
  "country": {"isoName": "CO", "name": "Colombia"},
  "fx": {"rate": 2192.1867, "currencyCode": "COP"},
  "logoUrls": ["https://s3.amazonaws.com/rld-operator/3f4a8bcd3268-size-1.png",
    "https://s3.amazonaws.com/rld-operator/3f4a8bcd3268-size-2.png",
    "https://s3.amazonaws.com/rld-operator/3f4a8bcd3268-size-3.png"],
  "fixedAmounts": [], "fixedAmountsDescriptions": [], "localFixedAmounts": [],
  "localFixedAmountsDescriptions": [], "suggestedAmounts": [7, 10, 15],
  "suggestedAmountsMap": {"7": 19482.51, "10": 27832.16, "15": 41748.23}, "promotions": []}"""
# OA airtime-get-operator-by-iso.yaml, 404
COUNTRY_NOT_SUPPORTED_OA = """{"timeStamp": "2021-02-11 11:54:00",
  "message": "Country not found and/or not currently supported", "path": "/countries/PKGG",
  "errorCode": "COUNTRY_NOT_SUPPORTED", "infoLink": null, "details": []}"""

# --- SW: the 2018 API description --------------------------------------------------------

# SW "Get an access token": expires_in as a text
TOKEN_SW = """{"access_token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6Ik0wWXpRa",
  "scope": "<scopes>", "expires_in": "5184000", "token_type": "Bearer"}"""
# SW "Error response message": the format of every error, its timeStamp "(numerical)" (the
# Java SDK's APIError documents 1559108814252), here with the code SW names for a lapsed token
TOKEN_EXPIRED_SW = """{"timeStamp": 1559108814252,
  "message": "Account verification failed, invalid or expired token",
  "infoLink": "ERROR_DOCUMENTATION_LINK", "path": "/topups", "errorCode": "TOKEN_EXPIRED",
  "details": [{"field": "FIELD_NAME", "issue": "PROBLEM_WITH_FIELD"}]}"""
# SW /operators/countries/HT: the 2018 shape of an operator (no amounts at all)
OPERATORS_SW = """[{"bundle": false, "countryCode": "HT", "defaultCommissionPercentage": 15,
  "name": "Digicel Haiti", "operatorId": 173, "status": true},
  {"bundle": false, "countryCode": "HT", "defaultCommissionPercentage": 12,
  "name": "Natcom Haiti", "operatorId": 174, "status": true}]"""

# --- SDK: the Java SDK's fixtures ----------------------------------------------------------

# verbatim, from Reloadly/reloadly-sdk-java:
#   java-sdk-airtime/src/test/resources/topup/phone_topup_transaction.json
TOPUP_SDK = """{
  "transactionId": 10670,
  "operatorTransactionId": null,
  "customIdentifier": "fe8c5a90-691a-452a-a9a6-19045f7f7a7c",
  "recipientPhone": "50936377111",
  "recipientEmail": null,
  "senderPhone": null,
  "countryCode": "HT",
  "operatorId": 173,
  "operatorName": "Digicel Haiti",
  "discount": 1.8,
  "discountCurrencyCode": "USD",
  "requestedAmount": 15,
  "requestedAmountCurrencyCode": "USD",
  "deliveredAmount": 1089.31,
  "deliveredAmountCurrencyCode": "HTG",
  "transactionDate": "2021-01-16 03:39:56",
  "pinDetail": null,
  "balanceInfo": {
    "oldBalance": 1648.56,
    "newBalance": 1635.36,
    "currencyCode": "USD",
    "currencyName": "US Dollar",
    "updatedAt": "2021-01-16 08:39:56"
  }
}"""

# verbatim, from Reloadly/reloadly-sdk-java:
#   java-sdk-airtime/src/test/resources/topup/phone_topup_transaction_with_pin_detail.json
TOPUP_PIN_SDK = """{
  "transactionId": 10671,
  "operatorTransactionId": null,
  "customIdentifier": "ede8ffda-25d7-4039-841c-5f62393dec2b",
  "recipientPhone": "306907039456",
  "recipientEmail": null,
  "senderPhone": null,
  "countryCode": "GR",
  "operatorId": 672,
  "operatorName": "Wind PIN Greece",
  "discount": 0.5,
  "discountCurrencyCode": "USD",
  "requestedAmount": 18.24,
  "requestedAmountCurrencyCode": "USD",
  "deliveredAmount": 15.04,
  "deliveredAmountCurrencyCode": "EUR",
  "transactionDate": "2021-01-16 03:44:13",
  "pinDetail": {
    "serial": "810268",
    "info1": "DIAL *611",
    "info2": "DIAL *611",
    "info3": "Dial *233* and PIN #",
    "value": null,
    "code": "773709732524155",
    "ivr": "1-888-888-8888",
    "validity": "90 days"
  },
  "balanceInfo": {
    "oldBalance": 1635.36,
    "newBalance": 1617.12,
    "currencyCode": "USD",
    "currencyName": "US Dollar",
    "updatedAt": "2021-01-16 08:44:13"
  }
}"""

# verbatim, from Reloadly/reloadly-sdk-java:
#   java-sdk-airtime/src/test/resources/topup/phone_topup_transaction_async.json
ASYNC_SDK = """{
  "transactionId": 1
}"""

# verbatim, from Reloadly/reloadly-sdk-java:
#   java-sdk-airtime/src/test/resources/topup/phone_topup_transaction_status.json
STATUS_SDK = """{
  "code": null,
  "message": null,
  "status": "SUCCESSFUL",
  "transaction": {
    "transactionId": 1,
    "status": "SUCCESSFUL",
    "operatorTransactionId": null,
    "customIdentifier": null,
    "recipientPhone": "50936377111",
    "recipientEmail": null,
    "senderPhone": null,
    "countryCode": "HT",
    "operatorId": 174,
    "operatorName": "Natcom Haiti",
    "discount": 2.6,
    "discountCurrencyCode": "USD",
    "requestedAmount": 20,
    "requestedAmountCurrencyCode": "USD",
    "deliveredAmount": 1977.12,
    "deliveredAmountCurrencyCode": "HTG",
    "transactionDate": "2022-01-05 13:26:20",
    "pinDetail": null,
    "balanceInfo": {
      "oldBalance": 1000.00,
      "newBalance": 982.60,
      "currencyCode": "USD",
      "currencyName": "US Dollar",
      "updatedAt": "2022-01-05 18:26:20"
    }
  }
}"""

# verbatim, from Reloadly/reloadly-sdk-java:
#   java-sdk-airtime/src/test/resources/account/account_balance.json
BALANCE_SDK = """{
  "balance": 1000.00,
  "currencyCode": "USD",
  "currencyName": "US Dollar",
  "updatedAt": "2020-12-26 11:57:22"
}"""

# verbatim, from Reloadly/reloadly-sdk-java:
#   java-sdk-airtime/src/test/resources/report/transaction_history_filtered_page.json
REPORT_SDK = """{
  "content": [
    {
      "transactionId": 10657,
      "operatorTransactionId": null,
      "customIdentifier": null,
      "recipientPhone": "13058989796",
      "recipientEmail": null,
      "senderPhone": "13056154908",
      "countryCode": "US",
      "operatorId": 548,
      "operatorName": "T-Mobile USA RTR",
      "discount": 0,
      "discountCurrencyCode": "USD",
      "requestedAmount": 20,
      "requestedAmountCurrencyCode": "USD",
      "deliveredAmount": 20,
      "deliveredAmountCurrencyCode": "USD",
      "transactionDate": "2021-01-16 01:59:22",
      "pinDetail": null,
      "balanceInfo": null
    },
    {
      "transactionId": 10658,
      "operatorTransactionId": null,
      "customIdentifier": null,
      "recipientPhone": "50936377111",
      "recipientEmail": null,
      "senderPhone": "13056154908",
      "countryCode": "HT",
      "operatorId": 173,
      "operatorName": "Digicel Haiti",
      "discount": 0.6,
      "discountCurrencyCode": "USD",
      "requestedAmount": 5,
      "requestedAmountCurrencyCode": "USD",
      "deliveredAmount": 363.1,
      "deliveredAmountCurrencyCode": "HTG",
      "transactionDate": "2021-01-16 01:59:34",
      "pinDetail": null,
      "balanceInfo": null
    },
    {
      "transactionId": 10666,
      "operatorTransactionId": null,
      "customIdentifier": null,
      "recipientPhone": "17863241259",
      "recipientEmail": null,
      "senderPhone": "13056154908",
      "countryCode": "US",
      "operatorId": 549,
      "operatorName": "Airlink Mobile PIN USA",
      "discount": 0,
      "discountCurrencyCode": "USD",
      "requestedAmount": 50,
      "requestedAmountCurrencyCode": "USD",
      "deliveredAmount": 50,
      "deliveredAmountCurrencyCode": "USD",
      "transactionDate": "2021-01-16 02:29:45",
      "pinDetail": {
        "serial": "854707",
        "info1": "DIAL *611",
        "info2": "DIAL *611",
        "info3": "Dial *233* and PIN #",
        "value": null,
        "code": "773709733038289",
        "ivr": "1-888-888-8888",
        "validity": "30 days"
      },
      "balanceInfo": null
    },
    {
      "transactionId": 10667,
      "operatorTransactionId": null,
      "customIdentifier": null,
      "recipientPhone": "93625365428",
      "recipientEmail": null,
      "senderPhone": "13056154908",
      "countryCode": "AF",
      "operatorId": 3,
      "operatorName": "Etisalat Afghanistan",
      "discount": 1.5,
      "discountCurrencyCode": "USD",
      "requestedAmount": 15,
      "requestedAmountCurrencyCode": "USD",
      "deliveredAmount": 975,
      "deliveredAmountCurrencyCode": "AFN",
      "transactionDate": "2021-01-16 02:30:18",
      "pinDetail": null,
      "balanceInfo": null
    },
    {
      "transactionId": 10668,
      "operatorTransactionId": null,
      "customIdentifier": null,
      "recipientPhone": "8618508521207",
      "recipientEmail": null,
      "senderPhone": "13056154908",
      "countryCode": "CN",
      "operatorId": 86,
      "operatorName": "China Unicom China",
      "discount": 0.11,
      "discountCurrencyCode": "USD",
      "requestedAmount": 3.52,
      "requestedAmountCurrencyCode": "USD",
      "deliveredAmount": 23,
      "deliveredAmountCurrencyCode": "CNY",
      "transactionDate": "2021-01-16 02:30:47",
      "pinDetail": null,
      "balanceInfo": null
    }
  ],
  "pageable": {
    "sort": {
      "sorted": true,
      "unsorted": false,
      "empty": false
    },
    "pageNumber": 0,
    "pageSize": 10,
    "offset": 0,
    "paged": true,
    "unpaged": false
  },
  "totalPages": 1,
  "totalElements": 5,
  "last": true,
  "sort": {
    "sorted": true,
    "unsorted": false,
    "empty": false
  },
  "first": true,
  "numberOfElements": 5,
  "size": 10,
  "number": 0,
  "empty": false
}"""

# verbatim, from Reloadly/reloadly-sdk-java:
#   java-sdk-airtime/src/test/resources/report/transaction_history_by_id.json
TRANSACTION_SDK = """{
  "transactionId": 10657,
  "operatorTransactionId": null,
  "customIdentifier": null,
  "recipientPhone": "13058989796",
  "recipientEmail": null,
  "senderPhone": "13056154908",
  "countryCode": "US",
  "operatorId": 548,
  "operatorName": "T-Mobile USA RTR",
  "discount": 0,
  "discountCurrencyCode": "USD",
  "requestedAmount": 20,
  "requestedAmountCurrencyCode": "USD",
  "deliveredAmount": 20,
  "deliveredAmountCurrencyCode": "USD",
  "transactionDate": "2021-01-16 01:59:22",
  "pinDetail": null,
  "balanceInfo": null
}"""

# verbatim, from Reloadly/reloadly-sdk-java:
#   java-sdk-authentication/src/test/resources/client/auth/error_access_denied.json
ACCESS_DENIED_SDK = """{
  "timeStamp": "2020-12-27 08:26:25",
  "message": "Access Denied",
  "path": "/oauth/token",
  "errorCode": null,
  "infoLink": null,
  "details": []
}"""

# verbatim, from Reloadly/reloadly-sdk-java:
#   java-sdk-authentication/src/test/resources/client/auth/error_invalid_audience.json
INVALID_AUDIENCE_SDK = """{
  "timeStamp": "2020-12-27 08:26:25",
  "message": "The provided audience is not valid",
  "path": "/oauth/token",
  "errorCode": "INVALID_AUDIENCE",
  "infoLink": null,
  "details": []
}"""

# verbatim, from Reloadly/reloadly-sdk-java:
#   java-sdk-authentication/src/test/resources/client/error_invalid_token.json
INVALID_TOKEN_SDK = """{
  "timeStamp": "2020-12-27 08:26:25",
  "message": "Invalid token, make sure token is valid for the given environment",
  "path": "/phone-intel",
  "errorCode": "INVALID_TOKEN",
  "infoLink": null,
  "details": []
}"""

# verbatim but for the token, split over lines; from Reloadly/reloadly-sdk-java:
#   java-sdk-authentication/src/test/resources/client/auth/success_token_response.json
TOKEN_SDK_VALUE = (
    "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJPbmxpbmUgSldUIEJ1aWxkZXIiLCJpYXQ"
    "iOjE1NjA4MjQxNDUsImV4cCI6MTU5MjM2MDE0NSwiYXVkIjoid3d3LmV4YW1wbGUuY29tIiwic3ViIjo"
    "ianJvY2tldEBleGFtcGxlLmNvbSIsIkdpdmVuTmFtZSI6IkpvaG5ueSIsIlN1cm5hbWUiOiJSb2NrZXQ"
    "iLCJFbWFpbCI6Impyb2NrZXRAZXhhbXBsZS5jb20iLCJSb2xlIjpbIk1hbmFnZXIiLCJQcm9qZWN0IEF"
    "kbWluaXN0cmF0b3IiXX0.nWH9TcLnMhrOLn-UC_3Abn3HGoJxs3Y7MDIX65vO7Xg"
)
TOKEN_SDK = json.dumps({"access_token": TOKEN_SDK_VALUE, "expires_in": 5184000,
                        "token_type": "Bearer"})

# Reloadly/reloadly-sdk-java java-sdk-airtime/src/test/resources/operator/: operators 340, 645
# and 581 of operators_paged_unfiltered_response.json, 173 and 172 of
# operators_by_country_code_unfiltered.json, as they are but for their promotions, logos and
# suggested amounts, left out
OPERATORS_SDK = """[
  {
    "id": 340,
    "operatorId": 340,
    "name": "9Mobile (Etisalat) Nigeria",
    "bundle": false,
    "data": false,
    "pin": false,
    "supportsLocalAmounts": true,
    "denominationType": "RANGE",
    "senderCurrencyCode": "USD",
    "senderCurrencySymbol": "$",
    "destinationCurrencyCode": "NGN",
    "destinationCurrencySymbol": "\u20a6",
    "commission": 9.0,
    "internationalDiscount": 9.0,
    "localDiscount": 0.0,
    "mostPopularAmount": 15,
    "mostPopularLocalAmount": null,
    "minAmount": 0.02,
    "maxAmount": 138,
    "localMinAmount": 5.0,
    "localMaxAmount": 50000.0,
    "country": {
      "isoName": "NG",
      "name": "Nigeria"
    },
    "fx": {
      "rate": 320,
      "currencyCode": "NGN"
    },
    "fixedAmounts": [],
    "fixedAmountsDescriptions": {},
    "localFixedAmounts": [],
    "localFixedAmountsDescriptions": {}
  },
  {
    "id": 645,
    "operatorId": 645,
    "name": "9Mobile (Etisalat) Nigeria Data",
    "bundle": false,
    "data": true,
    "pin": false,
    "supportsLocalAmounts": true,
    "denominationType": "FIXED",
    "senderCurrencyCode": "USD",
    "senderCurrencySymbol": "$",
    "destinationCurrencyCode": "NGN",
    "destinationCurrencySymbol": "\u20a6",
    "commission": 4.0,
    "internationalDiscount": 4.0,
    "localDiscount": 0.0,
    "mostPopularAmount": 305.56,
    "mostPopularLocalAmount": 50.0,
    "minAmount": null,
    "maxAmount": null,
    "localMinAmount": null,
    "localMaxAmount": null,
    "country": {
      "isoName": "NG",
      "name": "Nigeria"
    },
    "fx": {
      "rate": 360,
      "currencyCode": "NGN"
    },
    "fixedAmounts": [
      0.14,
      0.28,
      0.56,
      1.39,
      2.78,
      3.33,
      4.17,
      5.56,
      8.33,
      11.11,
      22.22,
      27.78,
      50.0,
      76.39,
      152.78,
      236.09,
      305.56
    ],
    "fixedAmountsDescriptions": {
      "0.14": "25MB (24 hours)",
      "0.28": "Data 40MB (1 day)",
      "0.56": "Data 650MB (24 Hours)",
      "1.39": "Data 500MB (30 Days)",
      "2.78": "Data 1GB (30 days)",
      "3.33": "Data 1.5GB (30 days)",
      "4.17": "Data 7GB (7 Days)",
      "5.56": "Data 2.5GB (30 days)",
      "8.33": "Data 4GB (30 days)",
      "11.11": "Data 5.5GB (30 days)",
      "22.22": "Data 11.5GB (30 days)",
      "27.78": "Data 15GB (30 days)",
      "50.00": "Data 27.5GB (30 days)",
      "76.39": "Data 30GB (90 days)",
      "152.78": "Data 60GB (180 days)",
      "236.09": "Data 100GB (100 days)",
      "305.56": "Data 120GB (365 days)"
    },
    "localFixedAmounts": [
      50.0,
      100.0,
      200.0,
      500.0,
      1000.0,
      1200.0,
      1500.0,
      2000.0,
      3000.0,
      4000.0,
      8000.0,
      10000.0,
      18000.0,
      27500.0,
      55000.0,
      84992.0,
      110000.0
    ],
    "localFixedAmountsDescriptions": {
      "50.00": "25MB (24 hours)",
      "100.00": "Data 40MB (1 day)",
      "200.00": "Data 650MB (24 Hours)",
      "500.00": "Data 500MB (30 Days)",
      "1000.00": "Data 1GB (30 days)",
      "1200.00": "Data 1.5GB (30 days)",
      "1500.00": "Data 7GB (7 Days)",
      "2000.00": "Data 2.5GB (30 days)",
      "3000.00": "Data 4GB (30 days)",
      "4000.00": "Data 5.5GB (30 days)",
      "8000.00": "Data 11.5GB (30 days)",
      "10000.00": "Data 15GB (30 days)",
      "18000.00": "Data 27.5GB (30 days)",
      "27500.00": "Data 30GB (90 days)",
      "55000.00": "Data 60GB (180 days)",
      "84992.00": "Data 100GB (100 days)",
      "110000.00": "Data 120GB (365 days)"
    }
  },
  {
    "id": 581,
    "operatorId": 581,
    "name": "Access Wireless PIN USA",
    "bundle": false,
    "data": false,
    "pin": true,
    "supportsLocalAmounts": true,
    "denominationType": "FIXED",
    "senderCurrencyCode": "USD",
    "senderCurrencySymbol": "$",
    "destinationCurrencyCode": "USD",
    "destinationCurrencySymbol": "$",
    "commission": 1.0,
    "internationalDiscount": 1.0,
    "localDiscount": 0.0,
    "mostPopularAmount": 25.0,
    "mostPopularLocalAmount": null,
    "minAmount": null,
    "maxAmount": null,
    "localMinAmount": null,
    "localMaxAmount": null,
    "country": {
      "isoName": "US",
      "name": "United States"
    },
    "fx": {
      "rate": 1,
      "currencyCode": "USD"
    },
    "fixedAmounts": [
      5.0,
      10.0,
      25.0,
      50.0
    ],
    "fixedAmountsDescriptions": {},
    "localFixedAmounts": [],
    "localFixedAmountsDescriptions": {}
  },
  {
    "id": 173,
    "operatorId": 173,
    "name": "Digicel Haiti",
    "bundle": false,
    "data": false,
    "pin": false,
    "supportsLocalAmounts": false,
    "denominationType": "RANGE",
    "senderCurrencyCode": "USD",
    "senderCurrencySymbol": "$",
    "destinationCurrencyCode": "HTG",
    "destinationCurrencySymbol": "HTG",
    "commission": 12.0,
    "internationalDiscount": 12.0,
    "localDiscount": 0.0,
    "mostPopularAmount": 15,
    "mostPopularLocalAmount": null,
    "minAmount": 5.0,
    "maxAmount": 70,
    "localMinAmount": null,
    "localMaxAmount": null,
    "country": {
      "isoName": "HT",
      "name": "Haiti"
    },
    "fx": {
      "rate": 68,
      "currencyCode": "HTG"
    },
    "fixedAmounts": [],
    "fixedAmountsDescriptions": {},
    "localFixedAmounts": [],
    "localFixedAmountsDescriptions": {}
  },
  {
    "id": 172,
    "operatorId": 172,
    "name": "Digicel Haiti Bundles",
    "bundle": true,
    "data": false,
    "pin": false,
    "supportsLocalAmounts": false,
    "denominationType": "FIXED",
    "senderCurrencyCode": "USD",
    "senderCurrencySymbol": "$",
    "destinationCurrencyCode": "HTG",
    "destinationCurrencySymbol": "HTG",
    "commission": 8.0,
    "internationalDiscount": 8.0,
    "localDiscount": 0.0,
    "mostPopularAmount": 15.0,
    "mostPopularLocalAmount": null,
    "minAmount": null,
    "maxAmount": null,
    "localMinAmount": null,
    "localMaxAmount": null,
    "country": {
      "isoName": "HT",
      "name": "Haiti"
    },
    "fx": {
      "rate": 1,
      "currencyCode": "HTG"
    },
    "fixedAmounts": [
      5.0,
      15.0,
      25.0
    ],
    "fixedAmountsDescriptions": {
      "5.00": "Small Plan - 2GB, 7 Days",
      "15.00": "Medium Plan - 4GB, 15 Days",
      "25.00": "Large Plan - 8GB, 30 Days"
    },
    "localFixedAmounts": [],
    "localFixedAmountsDescriptions": {}
  }
]"""


# --- a Mexican sale in the documents' shapes ------------------------------------------------


def mexican(body: str, *, ref: str, msisdn: str, operator_id: int, pesos: str,
            **more: Any) -> str:
    """A documented transaction (``body``, or the one inside a status) with the sale's own
    fields put in: its reference, the number with Mexico's code, the operator, and the pesos
    delivered (a top-up sent with ``useLocalAmount``); ``more`` sets any other field."""
    data = json.loads(body)
    txn = data["transaction"] if isinstance(data.get("transaction"), dict) else data
    txn.update({"customIdentifier": ref, "recipientPhone": f"52{msisdn}", "countryCode": "MX",
                "operatorId": operator_id, "deliveredAmount": float(pesos),
                "deliveredAmountCurrencyCode": "MXN", **more})
    return json.dumps(data)
