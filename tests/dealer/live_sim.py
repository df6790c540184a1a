"""The simulated dealer served over a real socket (uvicorn in a thread), for the dealer tests."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

from recarga_tui.sim import SimClock, make_app
from recarga_tui.sim.server import QuietDrops

# A self-signed certificate for 127.0.0.1 (valid until 2126), only for the TLS tests.
TLS_CERT = Path(__file__).with_name("tls") / "sim-cert.pem"
TLS_KEY = Path(__file__).with_name("tls") / "sim-key.pem"
FAST = 1000.0  # simulated seconds per real second: a 40 s carrier answer takes 0.04 s


def quiet_clock() -> SimClock:
    """10:00 Mexico time, far from the 19:30-21:30 peak, whatever the hour of the test run."""
    return SimClock.at(10, scale=FAST)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveSim:
    """uvicorn serving a simulator on 127.0.0.1 in a thread; the world is shared memory."""

    def __init__(self, tls: bool = False, clock: SimClock | None = None,
                 face: str = "v1") -> None:
        import uvicorn

        from recarga_tui.sim import faces

        factory = make_app if face == "v1" else lambda **o: faces.make(face, **o)
        self.app = factory(seed=11, scenario="normal", clock=clock or quiet_clock())
        self.world = self.app.state.world
        self.port = _free_port()
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        files = {"ssl_certfile": str(TLS_CERT), "ssl_keyfile": str(TLS_KEY)} if tls else {}
        config = uvicorn.Config(QuietDrops(self.app), host="127.0.0.1", port=self.port,
                                log_level="critical", lifespan="off",
                                timeout_graceful_shutdown=1, **files)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveSim:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the simulator did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
