"""The unit's accounts: their settings in the store, their tokens in the keyring."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import RowMapping, delete, func, select, update

from desktop.core.credentials import Vault, token_name
from desktop.core.errors import UserError
from desktop.core.model import Channel
from desktop.core.store import actions
from desktop.core.store.database import Store
from desktop.core.store.schema import AccountRow, ComplaintRow
from desktop.core.sync.states import SyncState

DISABLED = SyncState.DISABLED.value


@dataclass(frozen=True, slots=True)
class AccountConfig:
    """An account as the sync engines see it (the token is fetched separately)."""

    id: int
    channel: Channel
    name: str
    api_base: str | None
    params: Mapping[str, str]
    cursor: str | None
    state: str
    last_sync_at: datetime | None
    last_error: str | None
    next_sync_at: datetime | None
    failure_count: int

    @property
    def own_user_id(self) -> str | None:
        return self.params.get("own_user_id") or None


def add_account(
    store: Store,
    vault: Vault,
    channel: Channel,
    name: str,
    token: str,
    *,
    api_base: str | None = None,
    params: Mapping[str, str] | None = None,
) -> int:
    """Register an account and put its token in the keyring (never anywhere else)."""
    if not token.strip():
        raise UserError("empty_token")
    with store.read() as conn:
        exists = conn.execute(
            select(AccountRow.id).where(
                AccountRow.channel == channel.value, AccountRow.name == name
            )
        ).scalar()
    if exists is not None:
        raise UserError("account_exists", channel=channel.value, name=name)
    account_id = actions.add_account(store, channel, name, api_base=api_base, params=params)
    try:
        vault.set(token_name(account_id), token.strip())
    except BaseException:
        with store.write() as conn:
            conn.execute(delete(AccountRow).where(AccountRow.id == account_id))
        raise
    return account_id


def set_token(store: Store, vault: Vault, account_id: int, token: str) -> None:
    """Replace an account's token (after it expired) and let it sync again at once."""
    if not token.strip():
        raise UserError("empty_token")
    find_account(store, account_id)
    vault.set(token_name(account_id), token.strip())
    with store.write() as conn:
        conn.execute(
            update(AccountRow)
            .where(AccountRow.id == account_id)
            .values(sync_state="idle", last_error=None, next_sync_at=None, failure_count=0)
        )


def remove_account(store: Store, vault: Vault, account_id: int) -> bool:
    """Forget an account's token. Returns True if its row went too.

    An account that brought complaints is kept, disabled, so that no
    complaint, reply or note is lost; one without any is deleted.
    """
    find_account(store, account_id)
    vault.delete(token_name(account_id))
    with store.write() as conn:
        used = conn.execute(
            select(func.count())
            .select_from(ComplaintRow)
            .where(ComplaintRow.account_id == account_id)
        ).scalar_one()
        if used:
            conn.execute(
                update(AccountRow)
                .where(AccountRow.id == account_id)
                .values(sync_state=DISABLED, next_sync_at=None)
            )
            return False
        conn.execute(delete(AccountRow).where(AccountRow.id == account_id))
        return True


def list_accounts(store: Store, *, include_disabled: bool = False) -> list[AccountConfig]:
    statement = select(*AccountRow.__table__.c).order_by(AccountRow.id)
    if not include_disabled:
        statement = statement.where(AccountRow.sync_state != DISABLED)
    with store.read() as conn:
        return [_config(row) for row in conn.execute(statement).mappings()]


def find_account(store: Store, account_id: int) -> AccountConfig:
    with store.read() as conn:
        row = (
            conn.execute(select(*AccountRow.__table__.c).where(AccountRow.id == account_id))
            .mappings()
            .first()
        )
    if row is None:
        raise UserError("unknown_account", id=account_id)
    return _config(row)


def _config(row: RowMapping) -> AccountConfig:
    raw = row["params"]
    params = json.loads(raw) if isinstance(raw, str) and raw else {}
    return AccountConfig(
        id=int(str(row["id"])),
        channel=Channel(str(row["channel"])),
        name=str(row["name"]),
        api_base=row["api_base"] if isinstance(row["api_base"], str) else None,
        params={str(k): str(v) for k, v in params.items()},
        cursor=row["cursor"] if isinstance(row["cursor"], str) else None,
        state=str(row["sync_state"]),
        last_sync_at=row["last_sync_at"] if isinstance(row["last_sync_at"], datetime) else None,
        last_error=row["last_error"] if isinstance(row["last_error"], str) else None,
        next_sync_at=row["next_sync_at"] if isinstance(row["next_sync_at"], datetime) else None,
        failure_count=int(str(row["failure_count"] or 0)),
    )
