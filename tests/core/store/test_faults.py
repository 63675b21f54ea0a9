"""Faults: a full disk, two writers at once, a process killed mid-ingest."""

from __future__ import annotations

import os
import random
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core.errors import UserError
from desktop.core.model import Channel
from desktop.core.store import queries, queue_pages
from desktop.core.store.database import Store, open_with_key
from desktop.core.store.ingest import ingest
from desktop.core.store.schema import AccountRow, MessageRow
from tests.support import ItemFactory, add_account

WORKER = Path(__file__).with_name("ingest_worker.py")
ROOT = Path(__file__).resolve().parents[3]


def _worker(
    db: Path, key: bytes, account: int, prefix: str, pages: int, size: int
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            str(WORKER),
            str(db),
            key.hex(),
            str(account),
            prefix,
            str(pages),
            str(size),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _messages(store: Store, account: int) -> int:
    with store.read() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(MessageRow).where(MessageRow.account_id == account)
            ).scalar_one()
        )


def _cursor(store: Store, account: int) -> str | None:
    with store.read() as conn:
        return conn.execute(select(AccountRow.cursor).where(AccountRow.id == account)).scalar()


def test_full_disk_loses_nothing_committed(
    store: Store, account_id: int, make_item: ItemFactory
) -> None:
    ingest(store, account_id, [make_item(n) for n in range(20)], cursor="first")
    with store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()
    # Every pooled connection must carry the limit: use one connection only.
    store.engine.dispose()
    engine_conn = store.engine.connect()
    engine_conn.exec_driver_sql(f"PRAGMA max_page_count = {pages + 1}")
    engine_conn.commit()
    big = [make_item(n, text="sangat panjang " * 400) for n in range(100, 400)]
    engine_conn.close()  # back to the pool, limit still set on it
    with pytest.raises(UserError) as caught:
        ingest(store, account_id, big, cursor="second")
    assert caught.value.code == "disk_full"
    assert "disk is full" in caught.value.english()
    assert _messages(store, account_id) == 20
    assert _cursor(store, account_id) == "first"
    # Once space is free again, writing works and the earlier data is there.
    store.engine.dispose()
    ingest(store, account_id, big[:5], cursor="third")
    assert _messages(store, account_id) == 25


def test_two_processes_writing_at_once(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    key = secrets.token_bytes(32)
    store = open_with_key(db, key)
    first = add_account(store, Channel.X, "a")
    second = add_account(store, Channel.X, "b")
    workers = [_worker(db, key, first, "a", 15, 100), _worker(db, key, second, "b", 15, 100)]
    # Meanwhile this process writes too.
    ingest(store, first, [], cursor=None)
    for proc in workers:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.count("page ") == 15
    assert _messages(store, first) == 1500
    assert _messages(store, second) == 1500
    assert _cursor(store, first) == "14"
    assert _cursor(store, second) == "14"
    store.close()


@pytest.mark.slow
def test_killed_mid_ingest_never_leaves_cursor_ahead(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    key = secrets.token_bytes(32)
    store = open_with_key(db, key)
    account = add_account(store, Channel.X, "a")
    size = 300
    rng = random.Random(7)
    for round_number in range(5):
        proc = _worker(db, key, account, f"r{round_number}", 1000, size)
        assert proc.stdout is not None
        for _ in range(rng.randint(1, 4)):
            proc.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        cursor = _cursor(store, account)
        assert cursor is not None
        with store.read() as conn:
            stored = conn.execute(
                select(func.count())
                .select_from(MessageRow)
                .where(MessageRow.platform_id.like(f"r{round_number}-%"))
            ).scalar_one()
        # Every page up to the cursor is stored whole, and nothing beyond it.
        assert stored == (int(cursor) + 1) * size
        with store.read() as conn:
            assert queue_pages.queue_count(conn, queries.QueueFilter()) > 0
    store.close()
