"""Per-account leases of the station's workers, with fencing tokens (PostgreSQL only).

One worker at a time talks to the platforms for an account: the holder of
its row in ``station_lease``. Times come from the server's clock (``now()``),
so the workers' clocks do not matter. Each takeover raises the row's
``token``; every write a worker makes for an account first runs ``fence``
in the same transaction, which locks the row (``FOR SHARE``) and refuses the
write when the caller's token is no longer the row's: a worker that was
paused or cut off past its lease can neither store nor send once another
took over. A takeover (an UPDATE of the row) waits for the guarded writes
in flight, and they wait for it: the two never interleave.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Connection, text


class LeaseLostError(RuntimeError):
    """The caller no longer holds the account's lease: its write was refused."""

    def __init__(self, account_id: int, token: int, current: int | None) -> None:
        super().__init__(
            f"account {account_id}: lease token {token} is stale (now {current}); write refused"
        )
        self.account_id = account_id
        self.token = token
        self.current = current


_TAKE = text(
    "INSERT INTO station_lease (account_id, holder, token, expires_at) "
    "VALUES (:account, :holder, 1, now() + make_interval(secs => :ttl)) "
    "ON CONFLICT (account_id) DO UPDATE SET holder = EXCLUDED.holder, "
    "token = station_lease.token + 1, expires_at = EXCLUDED.expires_at "
    "WHERE station_lease.expires_at <= now() "
    "RETURNING token"
)
_RENEW = text(
    "UPDATE station_lease SET expires_at = now() + make_interval(secs => :ttl) "
    "WHERE account_id = :account AND holder = :holder AND token = :token "
    "AND expires_at > now() RETURNING token"
)
_FENCE = text(
    "SELECT token, holder, expires_at > now() AS live FROM station_lease "
    "WHERE account_id = :account FOR SHARE"
)
_GIVE_UP = text(
    "UPDATE station_lease SET expires_at = now() "
    "WHERE account_id = :account AND holder = :holder AND token = :token"
)


def take(conn: Connection, account_id: int, holder: str, ttl: timedelta) -> int | None:
    """Take the account's lease if it is free or lapsed: the new token, else ``None``."""
    token = conn.execute(
        _TAKE, {"account": account_id, "holder": holder, "ttl": ttl.total_seconds()}
    ).scalar()
    return None if token is None else int(token)


def renew(conn: Connection, account_id: int, holder: str, token: int, ttl: timedelta) -> bool:
    """Extend a lease still held (not lapsed); False if it lapsed or was taken."""
    params = {"account": account_id, "holder": holder, "token": token, "ttl": ttl.total_seconds()}
    return conn.execute(_RENEW, params).scalar() is not None


def fence(conn: Connection, account_id: int, holder: str, token: int) -> None:
    """Refuse (``LeaseLostError``) unless ``holder`` holds the live lease with ``token``.

    Run it inside the transaction of the write it guards: the row stays
    locked against a takeover until that transaction ends.
    """
    row = conn.execute(_FENCE, {"account": account_id}).one_or_none()
    if row is None or row.token != token or row.holder != holder or not row.live:
        raise LeaseLostError(account_id, token, None if row is None else int(row.token))


def give_up(conn: Connection, account_id: int, holder: str, token: int) -> None:
    """End a held lease now (a clean stop): a standby takes the account at once."""
    conn.execute(_GIVE_UP, {"account": account_id, "holder": holder, "token": token})


def holders(conn: Connection) -> dict[int, tuple[str, int, bool]]:
    """Every lease: account id → (holder, token, live)."""
    rows = conn.execute(
        text("SELECT account_id, holder, token, expires_at > now() FROM station_lease")
    ).all()
    return {int(a): (str(h), int(t), bool(live)) for a, h, t, live in rows}
