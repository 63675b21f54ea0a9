"""``aduan-desk station …``: the commands of station mode (``station worker`` here).

Each command imports what it needs when it runs (``--help`` stays light).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import cli_connect, cli_station_admin
from desktop.core.errors import UserError
from desktop.core.model import POLLED, Channel

if TYPE_CHECKING:
    from desktop.core.profile import StationSettings

Command = Callable[..., argparse.ArgumentParser]


def register(sub: Any, command: Command) -> argparse.ArgumentParser:
    """Add ``station`` and its ``worker`` to the top-level subparsers; returns the
    ``station`` parser, whose subparsers other modules may extend."""
    station = command(sub, "station", _station_help, "station mode: the team on one queue")
    ssub = station.add_subparsers(title="station commands", metavar="ACTION")
    station.set_defaults(station_parser=station)
    cli_station_admin.register(ssub, command)
    p = command(
        ssub,
        "worker",
        cmd_worker,
        "talk to the platforms for the station (run as a service; a second one stands by)",
    )
    p.add_argument(
        "--profile", type=Path, required=True, help="the unit profile with the [station] section"
    )
    p.add_argument("--lease", type=_seconds, default=30.0, help="lease in seconds (30)")
    p.add_argument("--tick", type=_seconds, default=2.0, help="seconds between rounds (2)")
    p.add_argument("--pull-every", type=_seconds, default=120.0, help="seconds between pulls (120)")
    p.add_argument(
        "--in-flight",
        type=_seconds,
        default=None,
        help="seconds a dead worker's send may still arrive (default: the HTTP timeouts + 20)",
    )
    p.add_argument(
        "--keep-changes-days",
        type=_seconds,
        default=30.0,
        help="days the change log keeps an entry; a desktop away longer copies the queue anew (30)",
    )
    p = command(
        ssub,
        "password",
        cmd_password,
        "keep the station login's PostgreSQL password in this user's keyring (from stdin)",
    )
    p.add_argument("--profile", type=Path, required=True, help="the unit profile")
    p = command(
        ssub,
        "token",
        cmd_token,
        "keep a station account's platform token in this user's keyring (from stdin)",
    )
    p.add_argument("id", type=int, help="the account's id in the station")
    p.add_argument("--profile", type=Path, required=True, help="the unit profile")
    p = command(
        ssub,
        "connect",
        cmd_connect,
        "connect a station account by signing in with the platform "
        "(on the worker PC: its token goes to this user's keyring)",
    )
    p.add_argument("platform", type=Channel, choices=POLLED)
    p.add_argument("--profile", type=Path, required=True, help="the unit profile")
    cli_connect.flow_options(p)
    return station


def _seconds(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0 seconds")
    return value


def _station_help(args: argparse.Namespace) -> int:
    args.station_parser.print_help()
    return 0


def _station_of(profile: Path) -> StationSettings:
    """The profile's [station] server; a clear error when there is none."""
    from desktop.core.profile import ProfileError, load_profile

    try:
        settings = load_profile(profile).station
    except OSError as exc:
        raise UserError("bad_option", detail=f"{profile}: {exc.strerror}") from None
    except ProfileError as exc:
        raise UserError("bad_option", detail="; ".join(exc.lines())) from None
    if settings.kind != "postgresql":
        raise UserError("bad_option", detail=f"{profile}: no [station] PostgreSQL server")
    return settings


def cmd_password(args: argparse.Namespace) -> int:
    from desktop import cli_format as fmt
    from desktop.cli_sync import read_token
    from desktop.core.credentials import KeyringVault
    from desktop.core.store.station import password_name, server_of

    server = server_of(_station_of(args.profile))
    password = read_token("Password: ")
    if not password:
        raise UserError("bad_option", detail="empty password")
    KeyringVault().set(password_name(server), password)
    print(fmt.label("station_password_kept", args.lang, name=password_name(server)))
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    from desktop import cli_format as fmt
    from desktop.cli_sync import read_token
    from desktop.core.credentials import KeyringVault
    from desktop.core.desk.accounts import Accounts
    from desktop.core.paths import resolve_home
    from desktop.core.store.station import open_configured

    settings = _station_of(args.profile)
    vault = KeyringVault()
    token = read_token()
    store = open_configured(resolve_home(args.home), vault, settings)
    try:
        Accounts(store, vault).set_token(args.id, token)
    finally:
        store.close()
    print(fmt.label("token_replaced", args.lang, id=args.id))
    return 0


def cmd_connect(args: argparse.Namespace) -> int:
    """``account connect`` for the station: the account in the station's store, its
    token in this user's keyring (the worker's, where ``station worker`` reads it)."""
    from desktop.core.connect.apps import save_apps
    from desktop.core.credentials import KeyringVault
    from desktop.core.desk import Desk
    from desktop.core.paths import resolve_home
    from desktop.core.profile import load_profile
    from desktop.core.store.station import open_configured

    settings = _station_of(args.profile)
    paths, vault = resolve_home(args.home), KeyringVault()
    store = open_configured(paths, vault, settings)
    try:
        apps = load_profile(args.profile).apps
        if apps:  # the platforms' apps, their client secrets to this PC's keyring
            save_apps(store, vault, apps)
        desk = Desk(store, vault, paths)
        account_id = cli_connect.run_flow(args, desk, args.platform, None)
        account = desk.accounts.find(account_id)
        cli_connect.report(
            args, account_id, account.channel, account.name, "account_connected", desk
        )
    finally:
        store.close()
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    import logging
    import sys
    import threading
    from datetime import timedelta

    from desktop.core.credentials import KeyringVault
    from desktop.core.logs import RedactingFormatter
    from desktop.core.paths import resolve_home
    from desktop.core.station.stop_signals import set_on_stop_signal
    from desktop.core.station.worker import StationWorker, WorkerSettings
    from desktop.core.store.station import open_configured

    settings = _station_of(args.profile)
    # A service's log is its standard error (journald, NSSM's log file), as well as the file.
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger("desktop").addHandler(console)
    logging.getLogger("desktop").setLevel(logging.INFO)

    vault = KeyringVault()
    store = open_configured(resolve_home(args.home), vault, settings)
    defaults = WorkerSettings()
    worker = StationWorker(
        store,
        vault,
        WorkerSettings(
            lease=timedelta(seconds=args.lease),
            tick=args.tick,
            pull_interval=timedelta(seconds=args.pull_every),
            in_flight=(
                defaults.in_flight if args.in_flight is None else timedelta(seconds=args.in_flight)
            ),
            keep_changes=timedelta(days=args.keep_changes_days),
        ),
    )
    stop = threading.Event()
    set_on_stop_signal(stop)  # systemd, Ctrl+C, a Windows service stop
    try:
        worker.run(stop)
    finally:
        store.close()
    return 0
