"""The desktop's encrypted replica of the station: filled from the change feed,
readable without the station, and a stale one catches up with what changed only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import URL, select, text

from desktop.core.credentials import MemoryVault
from desktop.core.desk import Desk
from desktop.core.model import TRANSITIONS
from desktop.core.paths import Paths
from desktop.core.sample import sample_threads
from desktop.core.station.replica import open_replica, replica_paths
from desktop.core.store import sqlite
from desktop.core.store.database import Store, open_postgresql
from desktop.core.store.queries import QueueFilter
from desktop.core.store.schema import Base
from desktop.core.store.seed import load_sample
from tests.support import NOW

pytestmark = pytest.mark.postgresql

SHOWN = ("complaint", "message", "reply", "outbox", "note", "status_change", "draft")


@pytest.fixture
def station(postgres_url: URL) -> Iterator[Store]:
    store = open_postgresql(postgres_url)
    load_sample(store, sample_threads(30, now=NOW, seed=3))
    yield store
    store.close()


def _content(store: Store) -> dict[str, list[dict[str, Any]]]:
    with store.read() as conn:
        return {
            name: [
                dict(row._mapping)
                for row in conn.execute(
                    select(Base.metadata.tables[name]).order_by(
                        *Base.metadata.tables[name].primary_key.columns
                    )
                )
            ]
            for name in SHOWN
        }


def _ids(store: Store) -> list[int]:
    with store.read() as conn:
        return list(conn.execute(text("SELECT id FROM complaint ORDER BY id")).scalars())


def test_a_new_replica_is_an_encrypted_copy_readable_without_the_station(
    station: Store, tmp_path: Path
) -> None:
    vault = MemoryVault()
    replica = open_replica(tmp_path, vault)
    try:
        done = replica.catch_up(station)
        assert done.complaints == 30
        assert _content(replica.store) == _content(station)
        open_ones = Desk(station, vault, Paths(tmp_path)).queue.count(QueueFilter())
        station.close()  # the station is out: the replica still serves the queue
        queue = Desk(replica.store, vault, Paths(tmp_path)).queue
        assert queue.count(QueueFilter()) == open_ones > 0
        assert queue.first_load(QueueFilter()).page.ids
    finally:
        replica.close()
    assert not sqlite.looks_unencrypted(replica_paths(tmp_path).database)


def test_a_replica_a_week_behind_catches_up_with_the_changes_only(
    station: Store, tmp_path: Path
) -> None:
    vault = MemoryVault()
    replica = open_replica(tmp_path, vault)
    try:
        replica.catch_up(station)
        before = replica.after
        # A week away: the worker stores new complaints, other officers work.
        load_sample(station, sample_threads(12, now=NOW + timedelta(days=7), seed=41))
        desk = Desk(station, vault, Paths(tmp_path))
        worked = _ids(station)[:5]
        for complaint in worked:
            current = desk.complaints.detail(complaint).complaint.status
            if TRANSITIONS[current]:
                desk.complaints.change_status(complaint, sorted(TRANSITIONS[current])[0], "Ani")
            desk.complaints.note(complaint, "sudah dicek", "Ani")
        desk.complaints.save_draft(worked[0], "Terima kasih atas laporannya.")
        total = len(_ids(station))
        assert total == 42

        done = replica.catch_up(station)

        assert done.complaints == 12 + len(worked)  # not the 42 of a full reload
        assert replica.after == done.after > (before or 0)
        assert _content(replica.store) == _content(station)
        assert replica.catch_up(station).complaints == 0
    finally:
        replica.close()
