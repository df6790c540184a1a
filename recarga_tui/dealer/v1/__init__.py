"""Dealer protocol v1: its records declared once (``wire.py``) and the OpenAPI document
written from them (``openapi_gen.py``)."""
