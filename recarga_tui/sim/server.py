"""``recarga-tui sim``: serve the simulated dealer over HTTP with uvicorn."""

from __future__ import annotations

import argparse
import importlib.util
import logging
import sys
from typing import TYPE_CHECKING, Any

from starlette.types import ASGIApp, Receive, Scope, Send

from . import faces
from .app import ConnectionDropped

if TYPE_CHECKING:
    import uvicorn


log = logging.getLogger(__name__)

# uvicorn is the `sim` extra (pyproject.toml): a shop PC installed without it still sells and
# still runs the demo, whose simulator is reached in-process.
NO_SERVER = ("recarga-tui sim serves the simulated dealer with uvicorn, which is not installed "
             "here. Install it with: pip install 'recarga-tui[sim]' "
             "(the demo, recarga-tui --demo, needs nothing more).")


class QuietDrops:
    """Over a socket, a dropped answer is a plan, not a crash: close it without a traceback.

    Returning with the answer half sent makes uvicorn close the connection, which is what
    the client must see.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    @property
    def state(self) -> Any:
        return self.app.state  # type: ignore[attr-defined]  # a Starlette app's state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.app(scope, receive, send)
        except ConnectionDropped:
            log.info("answer dropped on purpose after the top-up was recorded")


def build_server(host: str = "127.0.0.1", port: int = 8765, seed: int = 0,
                 scenario: str = "normal", time_scale: float = 1.0,
                 log_level: str = "info", dealer: str = faces.DEFAULT) -> uvicorn.Server:
    """A ready uvicorn server (``server.run()`` blocks; tests run it in a thread)."""
    import uvicorn

    app = faces.make(dealer, seed=seed, scenario=scenario, time_scale=time_scale)
    config = uvicorn.Config(QuietDrops(app), host=host, port=port, log_level=log_level,
                            lifespan="off", timeout_graceful_shutdown=2,
                            access_log=log_level == "debug")
    return uvicorn.Server(config)


def main(args: argparse.Namespace) -> int:
    if args.time_scale <= 0:
        print("--time-scale must be above zero", file=sys.stderr)
        return 2
    dealer = getattr(args, "dealer", faces.DEFAULT)
    if dealer not in faces.names():
        print(f"--dealer: one of {', '.join(faces.names())}", file=sys.stderr)
        return 2
    if importlib.util.find_spec("uvicorn") is None:
        print(NO_SERVER, file=sys.stderr)
        return 2
    server = build_server(args.host, args.port, args.seed, args.scenario, args.time_scale,
                          dealer=dealer)
    print(f"Simulated dealer ({dealer}) on http://{args.host}:{args.port}  "
          f"scenario={args.scenario} seed={args.seed} time-scale={args.time_scale}\n"
          f"Demo login: {faces.demo_login(dealer)}", flush=True)
    server.run()
    return 0
