"""The ``recarga-tui`` command: the app (default), the demo, the simulator, the journal tools.

Heavy modules (Textual, the simulator, the journal) are imported only by the command that
needs them, so ``--help`` and ``check-config`` answer at once on an old shop PC.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from . import __version__, i18n
from .config import (
    ConfigError,
    Settings,
    default_config_path,
    load,
    readable_by_others,
    shown_path,
)
from .dealer import registry
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
    p.add_argument("--dealer", dest="dealer_kind", choices=registry.names(), metavar="KIND",
                   help="which dealer to sell through, instead of the configured [dealer] kind:"
                        f" {', '.join(registry.names())} (with --demo, its simulator)")
    p.add_argument("--read-only", action="store_true", dest="read_only",
                   help="open the journal read-only: look, never sell (the control desk over SSH)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    cc = sub.add_parser("check-config", help="check a config file and say what is wrong")
    cc.add_argument("path", nargs="?",
                    help="the file to check (default: --config or the per-user one)")

    sim = sub.add_parser("sim", help="serve the simulated dealer over HTTP")
    sim.add_argument("--dealer", default=registry.DEFAULT, metavar="PROTOCOL",
                     help="which dealer's protocol to speak: "
                          f"{', '.join(registry.names())} (default {registry.DEFAULT}); "
                          "the banner says how to log in to its demo account")
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
        from .wiring import demo_settings

        settings = demo_settings(settings, Path(args.journal) if args.journal else None)
    elif args.journal:
        settings = replace(settings, app=replace(settings.app, journal_dir=args.journal))
    return settings


def _check_config(args: argparse.Namespace) -> int:
    """Every problem of the file at once (``load`` raises them together, one line each), or
    "correct" and what the person setting up the shop PC should know besides."""
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
    readable = readable_by_others(file)
    if readable:
        print(t("config.readable_by_others", file=shown_path(file)))
    for line in (*settings.notes, *dealer_notes(settings, readable)):
        print(line)
    return 0


def dealer_notes(settings: Settings, file_readable: bool,
                 environ: Mapping[str, str] | None = None) -> list[str]:
    """What check-config says of the configured dealer's settings: where each secret comes
    from, never what it is (R12), a secret in a file others can read said first, and what a
    secret left empty means."""
    kind = registry.get(settings.dealer.kind)
    file = shown_path(settings.source)
    notes = []
    for secret, source in registry.secret_sources(settings.dealer, environ):
        what = t(secret.what)
        if source == "file" and file_readable:
            notes.append(t("config.secret.readable", file=file, what=what, dealer=kind.title,
                           env=secret.env))
        if source == "missing":
            notes.append(t(secret.missing, env=secret.env))
        else:
            notes.append(t(f"config.secret.from_{source}", dealer=kind.title, what=what,
                           env=secret.env))
    return notes


def startup_notes(settings: Settings) -> list[str]:
    """What the person at the shop PC should know before selling: said before the UI starts
    and again inside it."""
    notes = []
    if settings.source and readable_by_others(Path(settings.source)):
        notes.append(t("config.readable_by_others", file=settings.source))
    return notes


def _run_app(args: argparse.Namespace) -> int:
    from .ui import collector

    collector.hold()  # until the first frame: the start allocates only what lives on
    try:
        return _start_app(args)
    finally:
        collector.let_go()


def _start_app(args: argparse.Namespace) -> int:
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
    from .wiring import run as run_app

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
