"""Command-line commands that talk to the platforms: accounts, sync, the outbox, the simulator."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import cli_connect, cli_station
from desktop.core.errors import UserError
from desktop.core.model import POLLED, Channel

# Each command imports what it needs when it runs: ``--help`` and the light
# commands start without loading the store, the network stack or the doctor.
if TYPE_CHECKING:
    from desktop.core.credentials import Vault
    from desktop.core.desk import Desk
    from desktop.core.model import Account
    from desktop.core.store.database import Store
    from desktop.core.sync.engine import SyncReport


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add this module's commands to the top-level subparsers."""

    def command(
        parent: Any, name: str, handler: Any, text: str, **kw: Any
    ) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = parent.add_parser(
            name, parents=[common], help=text, description=text, **kw
        )
        p.set_defaults(handler=handler)
        return p

    account = command(sub, "account", cmd_account_list, "the unit's platform accounts")
    asub = account.add_subparsers(title="account commands", metavar="ACTION")
    p = command(asub, "add", cmd_account_add, "add an account; the token is read from stdin")
    p.add_argument("platform", type=Channel, choices=POLLED)
    p.add_argument("name", help="a name for the account, e.g. its handle")
    p.add_argument("--api-base", help="API address (a proxy, a relay or the simulator)")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="platform ids")
    command(asub, "list", cmd_account_list, "list the accounts and their sync state")
    p = command(asub, "remove", cmd_account_remove, "remove an account and its token")
    p.add_argument("id", type=int)
    cli_connect.register(asub, command)
    p = command(asub, "token", cmd_account_token, "replace an account's token (from stdin)")
    p.add_argument("id", type=int)

    p = command(sub, "sync", cmd_sync, "pull every account and push the outbox")
    p.add_argument("--once", action="store_true", help="one round, then exit")

    p = command(sub, "outbox", cmd_outbox, "replies waiting to be sent, and failed ones")
    osub = p.add_subparsers(title="outbox commands", metavar="ACTION")
    p = command(osub, "retry", cmd_outbox_retry, "send a failed reply again")
    p.add_argument("id", type=int, help="the reply's id")
    p = command(osub, "cancel", cmd_outbox_cancel, "withdraw a reply not sent yet")
    p.add_argument("id", type=int, help="the reply's id")

    profile = command(sub, "profile", cmd_profile_check, "unit profiles (TOML) from IT")
    psub = profile.add_subparsers(title="profile commands", metavar="ACTION")
    p = command(psub, "check", cmd_profile_check, "validate a unit profile, line by line")
    p.add_argument("file", type=Path)
    p = command(psub, "apply", cmd_profile_apply, "apply a unit profile to this data folder now")
    p.add_argument("file", type=Path)

    p = command(sub, "doctor", cmd_doctor, "self-check report to send to IT (no secrets)")
    p.add_argument("--offline", action="store_true", help="do not contact the platforms")

    cli_station.register(sub, command)

    p = command(sub, "simulator", cmd_simulator, "run the built-in platform simulator")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--count", type=int, default=200, help="sample complaints served")
    p.add_argument("--seed", type=int, default=1)


def _open(args: argparse.Namespace, vault: Vault) -> Store:
    from desktop.core.paths import resolve_home
    from desktop.core.startup import open_home

    return open_home(resolve_home(args.home), vault)


@contextlib.contextmanager
def _desk(args: argparse.Namespace) -> Iterator[Desk]:
    """The user's desk: the store opened with the key from the OS keyring."""
    from desktop.core.credentials import KeyringVault
    from desktop.core.desk import Desk
    from desktop.core.paths import resolve_home
    from desktop.core.startup import open_home

    paths, vault = resolve_home(args.home), KeyringVault()
    store = open_home(paths, vault)
    try:
        yield Desk(store, vault, paths)
    finally:
        store.close()


def read_token(prompt: str = "Token: ") -> str:
    """The token from the terminal without echo, or from piped stdin."""
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.read().strip() if sys.stdin is not None else ""


def _params(pairs: list[str], lang: str) -> dict[str, str]:
    from desktop import cli_format as fmt

    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UserError("bad_option", detail=fmt.label("param_shape", lang, pair=pair))
        params[key.strip()] = value.strip()
    return params


def cmd_account_add(args: argparse.Namespace) -> int:
    from desktop.core.desk.accounts import check_settings

    params = _params(args.param, args.lang)
    token = read_token()
    check_settings(args.platform, token, args.api_base, params)  # before the keyring opens
    with _desk(args) as desk:
        account_id = desk.accounts.add(
            args.platform, args.name, token, api_base=args.api_base, params=params
        )
    _say(
        args,
        {"id": account_id},
        "account_added",
        id=account_id,
        channel=args.platform.value,
        name=args.name,
    )
    return 0


def cmd_account_list(args: argparse.Namespace) -> int:
    from desktop import cli_format as fmt

    with _desk(args) as desk:
        rows = desk.accounts.list()
        unit = desk.unit.settings()
    if args.json:
        fmt.print_json([_account_json(a, args.lang) for a in rows])
    else:
        for a in rows:
            print(
                f"#{a.id}  {a.channel.value}/{a.name}  {fmt.local(a.last_sync_at, unit)}"
                f"  {_state_text(a, args.lang)}"
            )
    return 0


def _state_text(a: Account, lang: str) -> str:
    """The state in the window's words, then the platform's own words, labelled as theirs."""
    from desktop import cli_format as fmt

    words = str(fmt.words(lang).sync_state_text(a.state))
    if a.last_error:
        words += " — " + str(fmt.words(lang).platform_words(a.last_error))
    return words


def _account_json(a: Account, lang: str) -> dict[str, object]:
    from desktop import cli_format as fmt

    return {
        "id": a.id,
        "channel": a.channel.value,
        "name": a.name,
        "api_base": a.api_base,
        "params": dict(a.params),
        "state": a.state,
        "state_text": fmt.words(lang).sync_state_text(a.state),
        "last_sync_at": a.last_sync_at,
        "last_error": a.last_error,
        "next_sync_at": a.next_sync_at,
    }


def cmd_account_remove(args: argparse.Namespace) -> int:
    from desktop.core.desk import Removal

    with _desk(args) as desk:
        removal = desk.accounts.remove(args.id)
    deleted = removal is Removal.DELETED
    _say(
        args,
        {"id": args.id, "deleted": deleted},
        "account_removed" if deleted else "account_kept",
        id=args.id,
    )
    return 0


def cmd_account_token(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        desk.accounts.set_token(args.id, read_token())
    _say(args, {"id": args.id}, "token_replaced", id=args.id)
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from desktop.core.credentials import KeyringVault
    from desktop.core.sync.engine import SyncEngine

    vault = KeyringVault()
    store = _open(args, vault)
    engine = SyncEngine(store, vault)
    try:
        if args.once:
            _print_round(args, store, engine.run_once(force=True))
            return 0
        stop = threading.Event()
        try:
            while not stop.is_set():
                _print_round(args, store, engine.run_once())
                stop.wait(5.0)
        except KeyboardInterrupt:
            return 0
        return 0
    finally:
        engine.close()
        store.close()


def _print_round(args: argparse.Namespace, store: Store, report: SyncReport) -> None:
    from desktop import cli_format as fmt
    from desktop.core.store.accounts import list_accounts

    with store.read() as conn:
        states = list_accounts(conn)
    pulled = {p.account_id: p for p in report.pulls}
    if args.json:
        fmt.print_json(
            {
                "at": datetime.now(UTC),
                "accounts": [
                    {
                        **_account_json(a, args.lang),
                        "pages": pulled[a.id].pages if a.id in pulled else 0,
                        "new_messages": pulled[a.id].new_messages if a.id in pulled else 0,
                    }
                    for a in states
                ],
                "push": {
                    "sent": report.push.sent,
                    "failed": report.push.failed,
                    "uncertain": report.push.uncertain,
                    "deferred": report.push.deferred,
                },
            }
        )
        return
    for a in states:
        got = pulled.get(a.id)
        new = f" +{got.new_messages}" if got else ""
        print(f"#{a.id} {a.channel.value}/{a.name}{new}: {_state_text(a, args.lang)}")
    push = report.push
    print(
        fmt.label(
            "outbox_round",
            args.lang,
            sent=push.sent,
            failed=push.failed,
            uncertain=push.uncertain,
        )
    )


def cmd_outbox(args: argparse.Namespace) -> int:
    from desktop import cli_format as fmt

    with _desk(args) as desk:
        unit = desk.unit.settings()
        entries = desk.complaints.outbox()
    if args.json:
        fmt.print_json(
            [
                {
                    **fmt.reply_json(e.reply, unit),
                    "channel": e.channel.value,
                    "account": e.account_name,
                }
                for e in entries
            ]
        )
    else:
        print("\n".join(fmt.outbox_lines(entries, unit, args.lang)))
    return 0


def cmd_outbox_retry(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        desk.complaints.retry_reply(args.id)
    _say(args, {"id": args.id, "state": "queued"}, "retry_queued", id=args.id)
    return 0


def cmd_outbox_cancel(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        desk.complaints.cancel_reply(args.id)
    _say(args, {"id": args.id, "state": "cancelled"}, "reply_cancelled", id=args.id)
    return 0


def cmd_profile_check(args: argparse.Namespace) -> int:
    from desktop import cli_format as fmt
    from desktop.core.profile import ProfileError, load_profile

    if getattr(args, "file", None) is None:
        raise UserError("bad_option", detail=fmt.label("profile_file_missing", args.lang))
    try:
        profile = load_profile(args.file)
    except OSError as exc:
        raise UserError("bad_option", detail=f"{args.file}: {exc.strerror}") from None
    except ProfileError as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
        return 1
    summary = {
        "unit": profile.unit.name,
        "level": profile.level,
        "zone": profile.unit.zone.label,
        "accounts": [f"{a.channel.value}/{a.name}" for a in profile.accounts],
        "templates": [t.name for t in profile.templates],
        "fixed": sorted(profile.fixed),
    }
    _say(
        args,
        {"ok": True, **summary},
        "profile_ok",
        unit=profile.unit.name,
        level=profile.level,
        zone=profile.unit.zone.label,
        accounts=len(profile.accounts),
        templates=len(profile.templates),
    )
    return 0


def cmd_profile_apply(args: argparse.Namespace) -> int:
    from desktop.core.credentials import KeyringVault
    from desktop.core.paths import resolve_home
    from desktop.core.profile import ProfileError, load_profile
    from desktop.core.startup import apply_profile
    from desktop.core.store.database import open_store

    paths = resolve_home(args.home)
    vault = KeyringVault()
    store = open_store(paths, vault)
    try:
        try:
            profile = load_profile(args.file)
        except ProfileError as exc:
            for line in exc.lines():
                print(line, file=sys.stderr)
            return 1
        apply_profile(store, paths, profile, args.file)
    finally:
        store.close()
    _say(args, {"applied": str(args.file)}, "profile_applied", file=args.file)
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from desktop import cli_format as fmt
    from desktop.core.doctor import run_doctor
    from desktop.core.paths import resolve_home

    report = run_doctor(resolve_home(args.home), network=not args.offline)
    if args.json:
        fmt.print_json(report.to_dict())
        return 0
    good, bad = fmt.label("check_ok", args.lang), fmt.label("check_problem", args.lang)
    print(f"Aduan Desk {report.version} · Python {report.python} · {report.system}")
    print(fmt.label("data_folder", args.lang, folder=report.data_folder))
    for check in report.checks:  # the checks' details are for IT, in English
        print(f"  [{good if check.ok else bad}] {check.name}: {check.detail}")
    for account in report.accounts:
        state = fmt.words(args.lang).sync_state_text(str(account["state"]))
        reach = f"{state} — {account['check']}" if account.get("check") else state
        name = f"{account['channel']}/{account['name']}"
        print(f"  #{account['id']} {name}: {reach}")
    return 0


def cmd_simulator(args: argparse.Namespace) -> int:
    from desktop.simulator.server import run_forever

    with contextlib.suppress(KeyboardInterrupt):
        run_forever(args.port, args.count, args.seed)
    return 0


def _say(args: argparse.Namespace, data: dict[str, object], key: str, **params: object) -> None:
    """``data`` as JSON, or the sentence ``key`` of ``fmt.LABELS`` in the officer's language."""
    from desktop import cli_format as fmt

    if args.json:
        fmt.print_json(data)
    else:
        print(fmt.label(key, args.lang, **params))
