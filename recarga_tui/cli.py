"""The ``recarga-tui`` command: the app (default), the demo, the simulator, the journal tools.

Heavy modules (Textual, the simulator, the journal) are imported only by the command that
needs them, so ``--help`` and ``check-config`` answer at once on an old shop PC.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from . import __version__, i18n
from .config import (
    DEALER_KINDS,
    LICENCE_ENV,
    ConfigError,
    Settings,
    default_config_path,
    load,
    readable_by_others,
    shown_path,
)
from .i18n import t


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="recarga-tui",
        description="Venta de recargas electrónicas en el mostrador / "
                    "prepaid top-ups at the counter.",
    )
    p.add_argument("--version", action="version", version=f"recarga-tui {__version__}")
    p.add_argument("--config", metavar="PATH", help="config file (TOML); default: the per-user one")
    p.add_argument("--demo", action="store_true",
                   help="start against the built-in simulated dealer, with a demo journal")
    p.add_argument("--journal", metavar="DIR",
                   help="journal folder, instead of the configured one (or the demo's)")
    p.add_argument("--dealer", dest="dealer_kind", choices=DEALER_KINDS, metavar="KIND",
                   help="which dealer to sell through, instead of the configured [dealer] kind:"
                        " v1, taecel or transact (with --demo, its simulator)")
    p.add_argument("--read-only", action="store_true", dest="read_only",
                   help="open the journal read-only: look, never sell (the control desk over SSH)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    cc = sub.add_parser("check-config", help="check a config file and say what is wrong")
    cc.add_argument("path", nargs="?",
                    help="the file to check (default: --config or the per-user one)")

    sim = sub.add_parser("sim", help="serve the simulated dealer over HTTP")
    sim.add_argument("--dealer", default="v1", metavar="PROTOCOL",
                     help="which dealer's protocol to speak: v1 (the default), taecel "
                          "(TAECEL's web service, demo key demo, nip 1234) or transact (the "
                          "SOAP transact.asmx service, at /transact.asmx)")
    sim.add_argument("--host", default="127.0.0.1")
    sim.add_argument("--port", type=int, default=8765)
    sim.add_argument("--seed", type=int, default=0)
    sim.add_argument("--scenario", choices=("normal", "peak", "outage", "chaos"), default="normal")
    sim.add_argument("--time-scale", type=float, default=1.0, dest="time_scale",
                     help="how many simulated seconds pass per real second")

    journal = sub.add_parser("journal", help="the shop's notebook: export, check, backup")
    jsub = journal.add_subparsers(dest="journal_command", metavar="ACTION", required=True)
    exp = jsub.add_parser("export", help="one row per sale, as CSV or JSON lines")
    exp.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    exp.add_argument("--from", dest="from_day", metavar="DAY", help="first day, YYYY-MM-DD")
    exp.add_argument("--to", dest="to_day", metavar="DAY", help="last day, YYYY-MM-DD")
    exp.add_argument("--output", "-o", metavar="FILE", help="write here instead of the screen")
    chk = jsub.add_parser("check", help="verify every file of the journal (or of a copy)")
    chk.add_argument("path", nargs="?", help="a journal folder (default: the configured one)")
    chk.add_argument("--repair", action="store_true",
                     help="rebuild the index of open sales from the day files")
    bak = jsub.add_parser("backup", help="copy the journal consistently, even while the app runs")
    bak.add_argument("dest", help="destination folder (a USB stick, say)")
    return p


def _settings(args: argparse.Namespace) -> Settings:
    """The settings of the config file, with the journal folder of ``--journal``/``--demo``."""
    settings = load(args.config, required=bool(args.config))
    i18n.set_language(settings.app.language)
    if args.dealer_kind:
        settings = replace(settings, dealer=replace(settings.dealer, kind=args.dealer_kind))
    if args.demo:
        from .services.shop import demo_settings

        settings = demo_settings(settings, Path(args.journal) if args.journal else None)
    elif args.journal:
        settings = replace(settings, app=replace(settings.app, journal_dir=args.journal))
    return settings


def _check_config(args: argparse.Namespace) -> int:
    path = args.path or args.config
    # load tells a missing default file (the defaults) from one that cannot be read (a link
    # loop, a FIFO): Path.exists() says False for both.
    settings = load(path, required=bool(path))
    if not settings.source:
        print(t("config.defaults", file=shown_path(default_config_path())))
        return 0
    i18n.set_language(settings.app.language)
    file = Path(settings.source)
    print(t("config.ok", file=shown_path(file)))
    if readable_by_others(file):
        print(t("config.readable_by_others", file=shown_path(file)))
        if settings.dealer.licence:  # a secret, like a password (R12)
            print(t("config.licence_readable", file=shown_path(file), env=LICENCE_ENV))
    for line in dealer_secrets_notes(settings, readable_by_others(file)):
        print(line)
    return 0


def dealer_secrets_notes(settings: Settings, file_readable: bool) -> list[str]:
    """For Taecel: whether its key and nip are set and where from, never what they are
    (R12); a nip in a file others can read is said first."""
    import os

    from .dealer.taecel.adapter import KEY_ENV, NIP_ENV

    d = settings.dealer
    if d.kind != "taecel":
        return []
    notes = []
    if d.taecel_nip and file_readable:
        notes.append(t("config.taecel.nip_readable", file=shown_path(Path(settings.source))))
    for name, env, value in (("key", KEY_ENV, d.taecel_key), ("nip", NIP_ENV, d.taecel_nip)):
        if os.environ.get(env):
            notes.append(t(f"config.taecel.{name}_from_env", env=env))
        elif value:
            notes.append(t(f"config.taecel.{name}_from_file"))
        else:
            notes.append(t(f"config.taecel.{name}_missing", env=env))
    return notes


def startup_notes(settings: Settings) -> list[str]:
    """What the person at the shop PC should know before selling: said before the UI starts
    and again inside it."""
    notes = []
    if settings.source and readable_by_others(Path(settings.source)):
        notes.append(t("config.readable_by_others", file=settings.source))
    return notes


def _run_app(args: argparse.Namespace) -> int:
    import logging

    from .logs import setup as setup_log

    settings = _settings(args)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Without a terminal there is no cashier to read the screen, and the UI would spin
        # on a closed input: say so and stop instead.
        print(t("cli.needs_terminal"), file=sys.stderr)
        return 2
    notes = startup_notes(settings)
    for note in notes:
        print(note, file=sys.stderr)
    log_file = setup_log(read_only=args.read_only, tz=settings.app.zone())
    from .printing.device import where

    logging.getLogger("recarga_tui").info(
        "start %s: demo=%s config=%s journal=%s log=%s printer=%s %s", __version__, args.demo,
        settings.source or "-", settings.journal_path(), log_file, settings.printer.kind,
        where(settings.printer))
    from .ui.app import run as run_app

    return run_app(settings, demo=args.demo, notes=notes, read_only=args.read_only)


def _dispatch(args: argparse.Namespace) -> Callable[[argparse.Namespace], int]:
    if args.command == "check-config":
        return _check_config
    if args.command == "sim":
        from .sim.server import main as sim_main

        return sim_main
    if args.command == "journal":
        from .journal.cli import main as journal_main

        return lambda a: journal_main(a, _settings(a))
    return _run_app


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _dispatch(args)(args)
    except ConfigError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
