"""Catalog modules: each defines ``WORDS = {key: (spanish, english)}`` for one area."""
