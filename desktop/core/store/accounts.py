"""The unit's accounts as stored: one type, one query to read them, the writes the
sync engines and the officer make. Tokens are never here (see ``credentials``)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import Connection, RowMapping, delete, func, insert, select, update

from desktop.core.errors import UserError
from desktop.core.model import Account, Channel, SyncState
from desktop.core.store.schema import AccountRow, ComplaintRow


def list_accounts(conn: Connection, *, include_disabled: bool = False) -> list[Account]:
    statement = select(*AccountRow.__table__.c).order_by(AccountRow.id)
    if not include_disabled:
        statement = statement.where(AccountRow.sync_state != SyncState.DISABLED.value)
    return [_account(row) for row in conn.execute(statement).mappings()]


def find_account(conn: Connection, account_id: int) -> Account:
    row = (
        conn.execute(select(*AccountRow.__table__.c).where(AccountRow.id == account_id))
        .mappings()
        .first()
    )
    if row is None:
        raise UserError("unknown_account", id=account_id)
    return _account(row)


def account_names(conn: Connection) -> set[tuple[Channel, str]]:
    """(channel, name) of every account, disabled ones included."""
    return {
        (Channel(channel), str(name))
        for channel, name in conn.execute(select(AccountRow.channel, AccountRow.name))
    }


def insert_account(
    conn: Connection,
    channel: Channel,
    name: str,
    *,
    api_base: str | None = None,
    params: Mapping[str, str] | None = None,
) -> int:
    """Register one of the unit's accounts (``account_exists`` if it is there already)."""
    if (channel, name) in account_names(conn):
        raise UserError("account_exists", channel=channel.value, name=name)
    result = conn.execute(
        insert(AccountRow).values(
            channel=channel.value,
            name=name,
            api_base=api_base,
            params=json.dumps(dict(params or {}), sort_keys=True),
            created_at=datetime.now(UTC),
            sync_state=SyncState.IDLE.value,
        )
    )
    (account_id,) = result.inserted_primary_key or (None,)
    assert isinstance(account_id, int)
    return account_id


def forget_account(conn: Connection, account_id: int) -> bool:
    """Delete an account without complaints (True); disable one that has some (False),
    so that no complaint, reply or note is lost."""
    find_account(conn, account_id)
    used = conn.execute(
        select(func.count()).select_from(ComplaintRow).where(ComplaintRow.account_id == account_id)
    ).scalar_one()
    if used:
        _set(conn, account_id, sync_state=SyncState.DISABLED.value, next_sync_at=None)
        return False
    conn.execute(delete(AccountRow).where(AccountRow.id == account_id))
    return True


def delete_account(conn: Connection, account_id: int) -> None:
    conn.execute(delete(AccountRow).where(AccountRow.id == account_id))


def mark_fresh_token(conn: Connection, account_id: int) -> None:
    """A new token: sync again at once, failures forgotten."""
    _set(
        conn,
        account_id,
        sync_state=SyncState.IDLE.value,
        last_error=None,
        next_sync_at=None,
        failure_count=0,
    )


def mark_synced(conn: Connection, account_id: int, now: datetime, next_at: datetime) -> None:
    _set(
        conn,
        account_id,
        sync_state=SyncState.OK.value,
        last_sync_at=now,
        last_error=None,
        next_sync_at=next_at,
        failure_count=0,
    )


def mark_failed(
    conn: Connection,
    account_id: int,
    state: SyncState,
    error: str | None,
    next_at: datetime | None,
    failures: int,
) -> None:
    _set(
        conn,
        account_id,
        sync_state=state.value,
        last_error=error,
        next_sync_at=next_at,
        failure_count=failures,
    )


def mark_needs_token(conn: Connection, account_id: int, error: str | None) -> None:
    _set(conn, account_id, sync_state=SyncState.NEEDS_TOKEN.value, last_error=error)


def mark_needs_reconnect(conn: Connection, account_id: int, reason: str | None) -> None:
    """The platform refused to renew a connected account: the officer must sign in again."""
    _set(conn, account_id, sync_state=SyncState.NEEDS_RECONNECT.value, last_error=reason)


def set_params(conn: Connection, account_id: int, params: Mapping[str, str]) -> None:
    """Replace an account's adapter parameters (ids found again on reconnect)."""
    _set(conn, account_id, params=json.dumps(dict(params), sort_keys=True))


def _set(conn: Connection, account_id: int, **values: object) -> None:
    conn.execute(update(AccountRow).where(AccountRow.id == account_id).values(**values))


def _account(row: RowMapping) -> Account:
    raw = row["params"]
    params = json.loads(raw) if isinstance(raw, str) and raw else {}
    return Account(
        id=int(str(row["id"])),
        channel=Channel(str(row["channel"])),
        name=str(row["name"]),
        api_base=row["api_base"] if isinstance(row["api_base"], str) else None,
        params={str(k): str(v) for k, v in params.items()},
        cursor=row["cursor"] if isinstance(row["cursor"], str) else None,
        state=SyncState(str(row["sync_state"] or SyncState.IDLE.value)),
        last_sync_at=row["last_sync_at"] if isinstance(row["last_sync_at"], datetime) else None,
        last_error=row["last_error"] if isinstance(row["last_error"], str) else None,
        next_sync_at=row["next_sync_at"] if isinstance(row["next_sync_at"], datetime) else None,
        failure_count=int(str(row["failure_count"] or 0)),
    )
