"""Counts kept by the writes agree with counting every complaint, after any writes."""

from __future__ import annotations

import random
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Connection, delete, func, select

from desktop.core.deadlines import DeadlineSettings, UnitSettings
from desktop.core.model import OPEN_STATUSES, TRANSITIONS, Channel, InboundItem, Status
from desktop.core.store import actions, queries, queue_pages
from desktop.core.store.database import Store, open_with_key
from desktop.core.store.ingest import ingest
from desktop.core.store.schema import AccountRow, ComplaintRow
from tests.support import NOW, add_account

pytestmark = pytest.mark.both_dialects

CHANNELS = (Channel.X, Channel.INSTAGRAM, Channel.INSTAGRAM, Channel.TELEGRAM)


def _random_items(rng: random.Random, channel: Channel, serial: int) -> list[InboundItem]:
    items = []
    for n in range(rng.randint(1, 30)):
        outbound = rng.random() < 0.3
        items.append(
            InboundItem(
                channel=channel,
                thread_id=f"t{rng.randint(1, 60)}",
                platform_id=f"p{serial}-{n}",
                author_id="own" if outbound else f"u{n}",
                author_name="Humas" if outbound else "Warga",
                text="motor hilang di pasar",
                # Minutes apart, so due times fall on both sides of hour boundaries.
                platform_time=NOW - timedelta(minutes=rng.randint(0, 6000)),
                outbound=outbound,
            )
        )
    return items


def _oracle(conn: Connection) -> dict[str, object]:
    """Every count, by counting the complaints themselves."""
    per_status = dict.fromkeys(Status, 0)
    for status, n in conn.execute(
        select(ComplaintRow.status, func.count()).group_by(ComplaintRow.status)
    ):
        per_status[Status(status)] = n
    open_values = sorted(s.value for s in OPEN_STATUSES)
    per_channel = {
        Channel(c): n
        for c, n in conn.execute(
            select(ComplaintRow.channel, func.count())
            .where(ComplaintRow.status.in_(open_values))
            .group_by(ComplaintRow.channel)
        )
    }
    per_account = dict(
        conn.execute(
            select(ComplaintRow.account_id, func.count())
            .where(ComplaintRow.status.in_(open_values))
            .group_by(ComplaintRow.account_id)
        ).all()
    )
    return {"status": per_status, "channel": per_channel, "account": per_account}


def _due_before_oracle(conn: Connection, moment: object) -> int:
    statement = select(func.count()).where(ComplaintRow.due_at < moment)
    return int(conn.execute(statement).scalar_one())


def _check(store: Store, rng: random.Random) -> None:
    with store.read() as conn:
        expected = _oracle(conn)
        assert queries.status_counts(conn) == expected["status"]
        assert queries.channel_counts(conn) == expected["channel"]
        assert queries.account_counts(conn) == expected["account"]
        hour = NOW.replace(minute=0, second=0, microsecond=0)
        moments = [hour, hour - timedelta(microseconds=1), NOW + timedelta(hours=6)]
        moments += [NOW + timedelta(minutes=rng.randint(-8000, 8000)) for _ in range(5)]
        for moment in moments:
            assert queries.due_before_count(conn, moment) == _due_before_oracle(conn, moment)
            overdue = queries.QueueFilter(overdue_at=moment)
            assert queue_pages.queue_count(conn, overdue) == _due_before_oracle(conn, moment)
        for statuses in (OPEN_STATUSES, frozenset({Status.RESOLVED}), frozenset(Status)):
            for channel in (None, Channel.INSTAGRAM):
                want = queries.QueueFilter(statuses=statuses, channel=channel)
                brute = select(func.count()).where(
                    ComplaintRow.status.in_([s.value for s in statuses])
                )
                if channel is not None:
                    brute = brute.where(ComplaintRow.channel == channel.value)
                assert queue_pages.queue_count(conn, want) == conn.execute(brute).scalar_one()


def _random_status_change(store: Store, rng: random.Random) -> None:
    with store.read() as conn:
        rows = conn.execute(select(ComplaintRow.id, ComplaintRow.status)).all()
    if rows:
        cid, status = rng.choice(rows)
        allowed = sorted(TRANSITIONS[Status(status)])
        if allowed:
            actions.change_status(store, cid, rng.choice(allowed), "petugas")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_counts_match_a_full_count_after_random_writes(store: Store, seed: int) -> None:
    rng = random.Random(seed)
    accounts = [add_account(store, channel, f"akun{n}") for n, channel in enumerate(CHANNELS)]
    _check(store, rng)
    for step in range(60):
        roll = rng.random()
        if roll < 0.55:
            n = rng.randrange(len(accounts))
            ingest(store, accounts[n], _random_items(rng, CHANNELS[n], step), cursor=str(step))
        elif roll < 0.85:
            _random_status_change(store, rng)
        elif roll < 0.92:
            hours = rng.choice([6, 24, 30])
            deadlines = DeadlineSettings(first_answer=timedelta(hours=hours))
            actions.set_unit_settings(store, UnitSettings(deadlines=deadlines))
        else:
            with store.write() as conn:
                ids = conn.execute(select(ComplaintRow.id)).scalars().all()
                if ids:
                    conn.execute(delete(ComplaintRow).where(ComplaintRow.id == rng.choice(ids)))
        _check(store, rng)
    with store.write() as conn:  # a removed account takes its complaints along
        conn.execute(delete(AccountRow).where(AccountRow.id == accounts[1]))
    _check(store, rng)
    with store.read() as conn:
        assert accounts[1] not in queries.account_counts(conn)
        assert sum(queries.status_counts(conn).values()) > 0


def test_an_upgraded_database_starts_with_its_counts(tmp_path: Path) -> None:
    from tests.core.store.test_upgrade import FIXTURE_KEY, FIXTURES

    path = tmp_path / "aduan-desk.db"
    shutil.copy(FIXTURES / "schema-0001.aduan", path)
    store = open_with_key(path, FIXTURE_KEY)
    try:
        with store.read() as conn:
            expected = _oracle(conn)
            assert sum(expected["status"].values()) > 0  # type: ignore[attr-defined]
            assert queries.status_counts(conn) == expected["status"]
            assert queries.channel_counts(conn) == expected["channel"]
            assert queries.account_counts(conn) == expected["account"]
            for hours in (-1000, 0, 1000):
                moment = NOW + timedelta(hours=hours)
                assert queries.due_before_count(conn, moment) == _due_before_oracle(conn, moment)
    finally:
        store.close()
