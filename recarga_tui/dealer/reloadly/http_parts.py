"""The HTTP parts Reloadly's adapter shares with the other dealers: the client without its
command line, TLS, the answer-size cap, an answer read within a deadline, and the words of a
query that got no answer. Taken from ``dealer/client.py`` here only, so the adapter names
each of them once, by a public name."""

from __future__ import annotations

from ..client import IN_PROCESS_URL, LATENCY_WINDOW, MAX_ANSWER_BYTES, read_within
from ..client import _certificate_refused as certificate_refused
from ..client import _Failure as Failure
from ..client import _httpx as httpx_module
from ..client import _query_failure as query_failure
from ..client import _tls as tls
from ..client import _TooLarge as TooLarge

__all__ = ["IN_PROCESS_URL", "LATENCY_WINDOW", "MAX_ANSWER_BYTES", "Failure", "TooLarge",
           "certificate_refused", "httpx_module", "query_failure", "read_within", "tls"]
