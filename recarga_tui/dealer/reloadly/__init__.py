"""Reloadly, a top-up service reached over the internet, seen from the shop: its airtime API
behind the dealer port (``adapter.py``), its answers read as pure functions (``answers.py``,
``judge.py``, ``catalog.py``), its settings (``kind.py``: the ``[dealer.reloadly]`` section
and how the registry makes it; ``settings.py``: as the adapter uses them). See
docs/dealers/reloadly.md.
"""
