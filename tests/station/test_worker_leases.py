"""Leases and the fence on the station's PostgreSQL: one holder per account, stale ones refused."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import URL, select, text

from desktop.core.model import Channel
from desktop.core.station.lease import Leases
from desktop.core.store import leases
from desktop.core.store.database import Store, open_postgresql
from desktop.core.store.ingest import ingest
from desktop.core.store.leases import LeaseLostError
from desktop.core.store.schema import AccountRow, MessageRow
from tests.postgres_support import empty_tables
from tests.support import ItemFactory, add_account

pytestmark = pytest.mark.postgresql

SHORT = timedelta(seconds=1)


@pytest.fixture
def pg(postgres_migrated: URL) -> Iterator[Store]:
    """The station's store, emptied (leases live on PostgreSQL only)."""
    store = open_postgresql(postgres_migrated)
    with store.write() as conn:
        empty_tables(conn)
    yield store
    store.close()


def _lapse(store: Store, account_id: int) -> None:
    with store.write() as conn:
        conn.execute(
            text(
                "UPDATE station_lease SET expires_at = now() - interval '1 second' "
                "WHERE account_id = :a"
            ),
            {"a": account_id},
        )


def test_one_holder_per_account_and_each_takeover_raises_the_token(pg: Store) -> None:
    account = add_account(pg, Channel.X, "humas")
    with pg.write() as conn:
        assert leases.take(conn, account, "first", timedelta(seconds=30)) == 1
        assert leases.take(conn, account, "second", timedelta(seconds=30)) is None
        assert leases.renew(conn, account, "first", 1, timedelta(seconds=30))
    _lapse(pg, account)
    with pg.write() as conn:
        assert not leases.renew(conn, account, "first", 1, timedelta(seconds=30))
        assert leases.take(conn, account, "second", timedelta(seconds=30)) == 2
        assert leases.holders(conn)[account] == ("second", 2, True)


def test_a_stale_token_cannot_store_a_pulled_page(pg: Store, make_item: ItemFactory) -> None:
    account = add_account(pg, Channel.X, "humas")
    first = Leases(pg, "first", timedelta(seconds=30))
    first.refresh()
    ingest(pg, account, [make_item(1)], "c1", first.check)  # the holder stores
    _lapse(pg, account)
    second = Leases(pg, "second", timedelta(seconds=30))
    second.refresh()
    assert second.held() == {account}

    with pytest.raises(LeaseLostError):
        ingest(pg, account, [make_item(2)], "c2", first.check)

    assert first.held() == frozenset()  # it stands down for the account
    with pg.read() as conn:
        assert conn.execute(select(MessageRow.platform_id)).scalars().all() == ["m1"]
        assert conn.execute(select(AccountRow.cursor)).scalar() == "c1"  # nor its cursor


def test_a_takeover_waits_for_a_guarded_write_in_flight(pg: Store) -> None:
    """The fence locks the row: a takeover cannot slip in between check and commit."""
    account = add_account(pg, Channel.X, "humas")
    first = Leases(pg, "first", SHORT)
    first.refresh()
    with pg.write() as conn:
        first.check(conn, account)
        time.sleep(1.5)  # the lease lapses while the write is open
        # Another worker's takeover now would block on the row until this commits.
    second = Leases(pg, "second", timedelta(seconds=30))
    second.refresh()
    assert second.token(account) == 2
    with pg.write() as conn, pytest.raises(LeaseLostError):
        first.check(conn, account)


def test_giving_up_hands_the_account_to_the_standby_at_once(pg: Store) -> None:
    account = add_account(pg, Channel.X, "humas")
    first = Leases(pg, "first", timedelta(minutes=5))
    second = Leases(pg, "second", timedelta(minutes=5))
    first.refresh()
    second.refresh()
    assert first.held() == {account}
    assert not second.held()
    first.give_up()
    second.refresh()
    assert second.held() == {account}
