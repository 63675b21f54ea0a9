"""The self-check an officer sends to IT: one report, no secret in it."""

from __future__ import annotations

import platform
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop import __version__
from desktop.core.clock import load_skew
from desktop.core.credentials import (
    CredentialsUnavailableError,
    InsecureKeyringError,
    KeyringVault,
    Vault,
)
from desktop.core.errors import UserError
from desktop.core.model import Account, SyncState
from desktop.core.paths import Paths
from desktop.core.platforms.errors import PlatformError
from desktop.core.store import queries, sqlite
from desktop.core.store.accounts import list_accounts
from desktop.core.store.database import Store, head_revision, open_store, schema_revision
from desktop.core.sync.adapters import AdapterProvider


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


@dataclass
class Report:
    version: str
    python: str
    system: str
    data_folder: str
    checks: list[Check] = field(default_factory=list)
    accounts: list[dict[str, Any]] = field(default_factory=list)
    outbox: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ok": self.ok}

    def add(self, name: str, ok: bool, detail: str) -> None:
        self.checks.append(Check(name, ok, detail))


def run_doctor(
    paths: Paths,
    *,
    vault_factory: Callable[[], Vault] = KeyringVault,
    network: bool = True,
) -> Report:
    """Check the keyring, the database, the clock, each account and the outbox."""
    report = Report(
        version=__version__,
        python=sys.version.split()[0],
        system=f"{platform.system()} {platform.release()} ({platform.machine()})",
        data_folder=str(paths.home),
    )
    try:
        vault = vault_factory()
    except (InsecureKeyringError, CredentialsUnavailableError) as exc:
        report.add("keyring", False, str(exc))
        return report
    backend = getattr(vault, "backend_name", type(vault).__name__)
    report.add("keyring", True, str(backend))
    if not paths.database.exists():
        report.add("database", False, f"no database yet in {paths.home}")
        return report
    try:
        store = open_store(paths, vault)
    except UserError as exc:
        report.add("database", False, exc.english())
        return report
    try:
        _check_store(report, store)
        if network:
            _check_accounts(report, store, vault)
        else:
            report.accounts = [_account_row(a) for a in _accounts(store)]
    finally:
        store.close()
    return report


def _check_store(report: Report, store: Any) -> None:
    size = store.path.stat().st_size
    with store.read() as conn:
        problems = sqlite.quick_check(conn)
        skew = load_skew(conn)
        entries = queries.outbox(conn, include_sent=True)
    report.add(
        "database",
        not problems,
        f"{size / 1_000_000:.1f} MB, encrypted; "
        + ("integrity ok" if not problems else "; ".join(problems[:5])),
    )
    current, head = schema_revision(store), head_revision()
    report.add("schema", current == head, f"schema {current} (this version expects {head})")
    if skew.measured_at.year > 1:
        minutes = skew.offset.total_seconds() / 60
        report.add(
            "clock",
            not skew.significant,
            f"this PC's clock is {abs(minutes):.0f} min {'behind' if minutes > 0 else 'ahead of'}"
            f" the platforms (measured {skew.measured_at:%Y-%m-%d %H:%M} UTC)"
            + ("; deadlines are corrected for it" if skew.significant else ""),
        )
    else:
        report.add("clock", True, "not measured yet (no sync so far)")
    states = Counter(entry.reply.state.value for entry in entries)
    report.outbox = dict(states)
    waiting = states.get("queued", 0) + states.get("uncertain", 0) + states.get("sending", 0)
    failed = states.get("failed", 0)
    report.add(
        "outbox",
        failed == 0,
        f"{waiting} waiting to be sent, {failed} failed, {states.get('sent', 0)} sent",
    )


def _account_row(account: Any) -> dict[str, Any]:
    return {
        "id": account.id,
        "channel": account.channel.value,
        "name": account.name,
        "state": account.state.value,
        "last_sync_at": account.last_sync_at.isoformat() if account.last_sync_at else None,
        "last_error": account.last_error,
    }


def _provider(vault: Vault, store: Store | None) -> AdapterProvider:
    if store is None:
        return AdapterProvider(vault)
    from desktop.core.connect.apps import load_apps
    from desktop.core.connect.source import lock_folder

    return AdapterProvider(vault, apps=load_apps(store), lock_folder=lock_folder(store))


def _accounts(store: Store) -> list[Account]:
    with store.read() as conn:
        return list_accounts(conn, include_disabled=True)


def check_account(
    account: Account, vault: Vault, store: Store | None = None
) -> PlatformError | None:
    """Reach one account with one read (nothing is stored): None, or what went wrong.

    The error carries a ``reason`` code and the platform's own words; the caller words it.
    With ``store``, a connected account's token is renewed with the profile's app.
    """
    provider = _provider(vault, store)
    try:
        provider.adapter(account).fetch(account.cursor)
    except PlatformError as exc:
        return exc
    finally:
        provider.close()
    return None


def _check_accounts(report: Report, store: Any, vault: Vault) -> None:
    """Reach each account with one read (nothing is stored)."""
    provider = _provider(vault, store)
    try:
        for account in _accounts(store):
            row = _account_row(account)
            if account.state is SyncState.DISABLED:
                row["reachable"] = None
            else:
                started = datetime.now(UTC)
                try:
                    provider.adapter(account).fetch(account.cursor)
                except PlatformError as exc:
                    row["reachable"] = False
                    row["check"] = f"{type(exc).__name__}: {exc}"
                else:
                    row["reachable"] = True
                    row["check"] = f"ok in {(datetime.now(UTC) - started).total_seconds():.1f} s"
                    skew = provider.session(account.id).clock_skew()
                    if skew is not None:
                        row["clock_skew_seconds"] = round(skew.total_seconds())
            report.accounts.append(row)
    finally:
        provider.close()
    unreachable = [a for a in report.accounts if a.get("reachable") is False]
    report.add(
        "accounts",
        not unreachable,
        f"{len(report.accounts)} accounts, {len(unreachable)} unreachable",
    )
