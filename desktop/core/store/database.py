"""Opening the store: the key from the keyring, checks, migrations with backup.

One PC: an encrypted SQLite file (``open_store``). A station: a PostgreSQL
database on the station's server (``open_postgresql``), migrated by the same
Alembic scripts; PostgreSQL's DDL is transactional, so a failed upgrade there
leaves the schema as it was and needs no file backup.
"""

from __future__ import annotations

import re
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, event, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from desktop.core.credentials import Vault, create_database_key, database_key
from desktop.core.errors import UserError
from desktop.core.paths import Paths
from desktop.core.store import sqlite
from desktop.core.tickets import current_ticket

if TYPE_CHECKING:
    from types import ModuleType

    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")


def _postgresql() -> ModuleType:
    """The PostgreSQL module, imported only by a station (its dialect costs ~100 ms)."""
    from desktop.core.store import postgresql

    return postgresql


KEEP_BACKUPS = 3
# About 8 ms of SQLite's own work (130 million steps a second here): rare enough not to
# take the interpreter from the window, often enough to stop a read called off.
PROGRESS_STEPS = 1_000_000


@dataclass(frozen=True, slots=True)
class Store:
    """An open database. Every read and write goes through ``read``/``write``."""

    engine: Engine
    path: Path | None  # None: a PostgreSQL database (station mode)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """One read transaction. Run as a job of a ticket (``desktop.core.tickets``), a
        read of the SQLite store stops at once when the ticket is cancelled: its
        statement is interrupted, and no statement of it starts after the cancel."""
        with self._translated(), self.engine.connect() as conn, conn.begin():
            ticket = current_ticket() if self.path is not None else None
            if ticket is None:
                yield conn
                return
            raw = conn.connection.dbapi_connection
            with ticket.interruptible(raw.interrupt):  # type: ignore[union-attr]
                event.listen(conn, "before_cursor_execute", lambda *_: ticket.check())
                # A cancel landing between that check and the statement's start finds
                # nothing to interrupt (SQLite forgets it): the statement then stops at
                # its next progress check, every PROGRESS_STEPS of SQLite's steps.
                raw.set_progress_handler(lambda: ticket.cancelled, PROGRESS_STEPS)  # type: ignore[union-attr]
                try:
                    yield conn
                finally:
                    raw.set_progress_handler(None, 0)  # type: ignore[union-attr]

    @contextmanager
    def write(self, *, durable: bool = True) -> Iterator[Connection]:
        """One transaction that writes: all of it is stored, or none of it.

        ``durable=False``: a power cut may undo it whole (see ``sqlite.write_options``);
        only for what can be fetched again.
        """
        dialect = sqlite if self.path is not None else _postgresql()
        with (
            self._translated(),
            self.engine.connect().execution_options(
                **dialect.write_options(durable=durable)
            ) as conn,
            conn.begin(),
        ):
            yield conn

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            if self.path is None:
                where = self.engine.url.render_as_string(hide_password=True)
                known = _postgresql().known_error(exc, where)
            else:
                known = sqlite.known_error(exc, self.path)
            if known is None:
                raise
            raise known from exc

    def close(self) -> None:
        self.engine.dispose()


def open_store(paths: Paths, vault: Vault, *, script_location: Path = MIGRATIONS) -> Store:
    """Open (or create) the encrypted database in ``paths.home``, migrated to head."""
    paths.ensure()
    key = _database_key(paths, vault)
    return open_with_key(paths.database, key, script_location=script_location)


def open_with_key(path: Path, key: bytes | None, *, script_location: Path = MIGRATIONS) -> Store:
    """Open ``path`` with a known key (``None``: unencrypted, for measurements)."""
    existed = path.exists() and path.stat().st_size > 0
    if existed and key is not None and sqlite.looks_unencrypted(path):
        raise UserError("unencrypted_database", path=path)
    store = Store(sqlite.make_engine(path, key), path)
    try:
        with store.read() as conn:
            sqlite.read_schema(conn)
        _migrate(store, script_location, existed=existed)
    except BaseException:
        store.close()
        raise
    return store


def open_postgresql(url: URL | str, *, script_location: Path = MIGRATIONS) -> Store:
    """Open the station's PostgreSQL database at ``url``, migrated to head.

    The server must know the ``indonesian`` text-search configuration
    (PostgreSQL 13 and later ship it).
    """
    postgresql = _postgresql()
    store = Store(postgresql.make_engine(url), None)
    try:
        with store.read() as conn:
            postgresql.read_schema(conn)
            existed = inspect(conn).has_table("alembic_version")
        _migrate(store, script_location, existed=existed)
    except BaseException:
        store.close()
        raise
    return store


def _database_key(paths: Paths, vault: Vault) -> bytes:
    db = paths.database
    if db.exists() and db.stat().st_size > 0:
        if sqlite.looks_unencrypted(db):
            raise UserError("unencrypted_database", path=db)
        db_id = paths.database_id.read_text().strip() if paths.database_id.exists() else ""
        key = database_key(vault, db_id) if db_id else None
        if key is None:
            raise UserError("missing_key", path=db)
        return key
    db_id = uuid.uuid4().hex
    key = create_database_key(vault, db_id)
    paths.database_id.write_text(db_id + "\n", encoding="ascii")
    return key


def _alembic_config(script_location: Path, conn: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.attributes["connection"] = conn
    return config


def schema_revision(store: Store) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with store.read() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(script_location: Path = MIGRATIONS) -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(script_location))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


_REVISION = re.compile(r'^revision: str = "([^"]+)"$', re.MULTILINE)
_DOWN_REVISION = re.compile(r'^down_revision: str \| None = (?:"([^"]+)"|None)$', re.MULTILINE)


def script_revisions(script_location: Path = MIGRATIONS) -> tuple[set[str], str | None]:
    """Every revision the migration scripts name, and the head (the one none revises).

    Read from the scripts' text without loading Alembic (a tenth of a second),
    so that opening an up-to-date store stays fast; a test holds it to Alembic.
    """
    revisions: set[str] = set()
    revised: set[str] = set()
    for script in (script_location / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if revision is None or down is None:
            return set(), None  # not in the usual form: let Alembic decide
        revisions.add(revision.group(1))
        if down.group(1):
            revised.add(down.group(1))
    heads = revisions - revised
    return revisions, (heads.pop() if len(heads) == 1 else None)


def _stored_revision(store: Store) -> str | None:
    with store.read() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _migrate(store: Store, script_location: Path, *, existed: bool) -> None:
    _, head = script_revisions(script_location)
    if head is not None and existed and _stored_revision(store) == head:
        return  # up to date: no need to load Alembic
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(script_location))
    scripts = ScriptDirectory.from_config(config)
    current = schema_revision(store)
    known = {script.revision for script in scripts.walk_revisions()}
    if current is not None and current not in known:
        raise UserError("newer_schema", found=current)
    if current == scripts.get_current_head():
        return
    path = store.path  # None: PostgreSQL, whose failed upgrade rolls back whole
    backup = _backup(store, path, current) if existed and path is not None else None
    try:
        with store.engine.connect() as conn:
            command.upgrade(_alembic_config(script_location, conn), "head")
            conn.commit()
    except Exception as exc:
        store.engine.dispose()
        if path is not None:
            _restore(path, backup)
        raise UserError("migration_failed", detail=type(exc).__name__) from exc


def _backup(store: Store, path: Path, revision: str | None) -> Path:
    """Copy the database file aside before touching its schema."""
    with store._translated():
        sqlite.checkpoint(store.engine)
    store.engine.dispose()
    folder = Paths(path.parent).backups
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{path.stem}-schema-{revision or 'none'}-{stamp}.db"
    shutil.copy2(path, target)
    prune_backups(folder, path.stem)
    return target


def prune_backups(folder: Path, stem: str, keep: int = KEEP_BACKUPS) -> None:
    """Keep the newest ``keep`` backups: a large database must not fill the disk."""
    backups = sorted(folder.glob(f"{stem}-schema-*.db"), key=lambda p: p.stat().st_mtime)
    for old in backups[:-keep]:
        old.unlink(missing_ok=True)


def _restore(path: Path, backup: Path | None) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    if backup is None:
        path.unlink(missing_ok=True)
    else:
        shutil.copy2(backup, path)
