"""Opening the store: encryption, keys, damaged files, schema versions, backups."""

from __future__ import annotations

import hashlib
import secrets
import shutil
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text

from desktop.core.credentials import MemoryVault, database_key
from desktop.core.errors import UserError
from desktop.core.model import Channel
from desktop.core.paths import Paths
from desktop.core.store import queries, queue_pages
from desktop.core.store.database import (
    MIGRATIONS,
    head_revision,
    open_store,
    open_with_key,
    schema_revision,
)
from desktop.core.store.ingest import ingest
from tests.support import ItemFactory, add_account


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _filled(path: Path, key: bytes, make_item: ItemFactory, count: int = 50) -> None:
    store = open_with_key(path, key)
    account = add_account(store, Channel.X, "humas")
    ingest(store, account, [make_item(n) for n in range(count)], cursor="c")
    store.close()


def test_new_store_is_encrypted_at_rest(tmp_path: Path, make_item: ItemFactory) -> None:
    path = tmp_path / "a.db"
    _filled(path, secrets.token_bytes(32), make_item)
    raw = path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert b"Motor saya hilang" not in raw
    assert b"Budi Santoso" not in raw


def test_plain_sqlite_cannot_read_it(tmp_path: Path, make_item: ItemFactory) -> None:
    path = tmp_path / "a.db"
    _filled(path, secrets.token_bytes(32), make_item)
    conn = sqlcipher3.connect(str(path))
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    conn.close()


@pytest.mark.both_dialects
def test_store_is_migrated_to_head_with_search_index(store: object) -> None:
    from desktop.core.store.database import Store

    assert isinstance(store, Store)
    assert schema_revision(store) == head_revision()
    with store.read() as conn:
        assert queue_pages.queue_count(conn, queries.QueueFilter(search="motor")) == 0


def test_open_store_creates_key_in_vault_and_reopens(home: Paths, make_item: ItemFactory) -> None:
    vault = MemoryVault()
    store = open_store(home, vault)
    account = add_account(store, Channel.X, "humas")
    ingest(store, account, [make_item(1)], cursor=None)
    store.close()
    db_id = home.database_id.read_text().strip()
    assert database_key(vault, db_id) is not None
    again = open_store(home, vault)
    with again.read() as conn:
        assert queue_pages.queue_count(conn, queries.QueueFilter()) == 1
    again.close()


def test_missing_key_is_a_clear_error(home: Paths) -> None:
    open_store(home, MemoryVault()).close()
    with pytest.raises(UserError) as caught:
        open_store(home, MemoryVault())
    assert caught.value.code == "missing_key"
    assert "keyring" in caught.value.english()


def test_another_key_is_refused_and_file_untouched(tmp_path: Path, make_item: ItemFactory) -> None:
    path = tmp_path / "a.db"
    _filled(path, secrets.token_bytes(32), make_item)
    before = _digest(path)
    with pytest.raises(UserError) as caught:
        open_with_key(path, secrets.token_bytes(32))
    assert caught.value.code == "not_a_database"
    assert _digest(path) == before


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    path.write_bytes(b"this is a spreadsheet, not a database" * 200)
    with pytest.raises(UserError) as caught:
        open_with_key(path, secrets.token_bytes(32))
    assert caught.value.code == "not_a_database"


def test_an_unencrypted_sqlite_file_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    conn = sqlcipher3.connect(str(path))
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(UserError) as caught:
        open_with_key(path, secrets.token_bytes(32))
    assert caught.value.code == "unencrypted_database"


def test_corrupt_pages_give_a_clear_error(tmp_path: Path, make_item: ItemFactory) -> None:
    path = tmp_path / "a.db"
    key = secrets.token_bytes(32)
    _filled(path, key, make_item, count=2000)
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page):
        data[offset + 100 : offset + 140] = b"\x00" * 40
    path.write_bytes(bytes(data))

    def read_everything() -> None:
        store = open_with_key(path, key)
        try:
            with store.read() as conn:
                queue_pages.queue_page(conn, queries.QueueFilter(), limit=5000)
        finally:
            store.close()

    with pytest.raises(UserError) as caught:
        read_everything()
    assert caught.value.code in {"corrupt_database", "not_a_database"}
    assert str(path) in caught.value.english()


def test_newer_schema_is_refused_without_change(tmp_path: Path, make_item: ItemFactory) -> None:
    path = tmp_path / "a.db"
    key = secrets.token_bytes(32)
    _filled(path, key, make_item)
    store = open_with_key(path, key)
    with store.write() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    before = _digest(path)
    with pytest.raises(UserError) as caught:
        open_with_key(path, key)
    assert caught.value.code == "newer_schema"
    assert "9999" in caught.value.english()
    assert _digest(path) == before


FAILING_MIGRATION = '''"""A migration that fails half-way (test only)."""

import sqlalchemy as sa
from alembic import op

revision = "0099"
down_revision = "HEAD"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("complaint", sa.Column("half_done", sa.Integer(), nullable=True))
    op.execute("DELETE FROM message")
    raise RuntimeError("power cut in the middle of the upgrade")


def downgrade() -> None:
    pass
'''


def test_failed_migration_restores_the_backup(tmp_path: Path, make_item: ItemFactory) -> None:
    path = tmp_path / "a.db"
    key = secrets.token_bytes(32)
    _filled(path, key, make_item)
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0099_broken.py").write_text(
        FAILING_MIGRATION.replace("HEAD", head_revision())
    )

    with pytest.raises(UserError) as caught:
        open_with_key(path, key, script_location=scripts)
    assert caught.value.code == "migration_failed"

    backups = list((tmp_path / "backups").glob(f"a-schema-{head_revision()}-*.db"))
    assert len(backups) == 1
    store = open_with_key(path, key)
    assert schema_revision(store) == head_revision()
    with store.read() as conn:
        assert queue_pages.queue_count(conn, queries.QueueFilter()) == 50
        columns = [row[1] for row in conn.exec_driver_sql("PRAGMA table_info(complaint)")]
    assert "half_done" not in columns
    store.close()


def test_successful_migration_keeps_a_backup(tmp_path: Path, make_item: ItemFactory) -> None:
    path = tmp_path / "a.db"
    key = secrets.token_bytes(32)
    _filled(path, key, make_item)
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0099_ok.py").write_text(
        FAILING_MIGRATION.replace("HEAD", head_revision())
        .replace('    op.execute("DELETE FROM message")\n', "")
        .replace('    raise RuntimeError("power cut in the middle of the upgrade")\n', "")
    )
    store = open_with_key(path, key, script_location=scripts)
    assert schema_revision(store) == "0099"
    with store.read() as conn:
        assert queue_pages.queue_count(conn, queries.QueueFilter()) == 50
    store.close()
    assert len(list((tmp_path / "backups").glob("*.db"))) == 1


def test_only_the_newest_backups_are_kept(tmp_path: Path) -> None:
    import os

    from desktop.core.store.database import KEEP_BACKUPS, prune_backups

    for n in range(6):
        backup = tmp_path / f"aduan-desk-schema-000{n}-x.db"
        backup.write_bytes(b"x")
        os.utime(backup, (1_000_000 + n, 1_000_000 + n))
    (tmp_path / "unrelated.db").write_bytes(b"y")
    prune_backups(tmp_path, "aduan-desk")
    left = sorted(p.name for p in tmp_path.glob("aduan-desk-schema-*.db"))
    assert left == [f"aduan-desk-schema-000{n}-x.db" for n in range(6 - KEEP_BACKUPS, 6)]
    assert (tmp_path / "unrelated.db").exists()
