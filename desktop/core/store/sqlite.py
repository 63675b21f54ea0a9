"""Everything SQLite-specific in the store, and only here.

SQLCipher encryption, connection pragmas, transaction begin modes, the FTS5
full-text index and the mapping of SQLite error codes to officer-facing
errors. A PostgreSQL backend replaces this module, not the rest of the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Connection, Engine, Select, create_engine, event, func, select, text
from sqlalchemy.dialects.sqlite import Insert as SqliteInsert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import ConnectionPoolEntry

from desktop.core.errors import UserError
from desktop.core.paths import Paths

KEY_BYTES = 32
BUSY_TIMEOUT_SECONDS = 10.0

# Execution option naming the BEGIN mode of a transaction ("IMMEDIATE" for
# writes, so two writers queue on the busy timeout instead of deadlocking).
BEGIN_MODE = "aduan_begin"

SEARCH_TABLE = "complaint_search"
SEARCH_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {SEARCH_TABLE} USING fts5("
    "body, authors, content = '', contentless_delete = 1, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)
# The first schema indexed messages one by one; migration 0004 replaced it.
LEGACY_MESSAGE_INDEX = "message_fts"
LEGACY_MESSAGE_INDEX_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {LEGACY_MESSAGE_INDEX} USING fts5("
    "text, author_name, complaint_id UNINDEXED, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)


def create_legacy_message_index(conn: Connection) -> None:
    conn.exec_driver_sql(LEGACY_MESSAGE_INDEX_DDL)


def drop_legacy_message_index(conn: Connection) -> None:
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {LEGACY_MESSAGE_INDEX}")


SQLITE_HEADER = b"SQLite format 3\x00"


def make_engine(path: Path, key: bytes | None, *, echo: bool = False) -> Engine:
    """An engine over ``path``, encrypted with ``key`` (``None``: plain SQLite).

    The plain mode exists for measuring the cost of encryption; the
    application always opens its database with a key.
    """
    if key is not None and len(key) != KEY_BYTES:
        raise ValueError(f"a database key has {KEY_BYTES} bytes")

    def connect() -> Any:
        conn = sqlcipher3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
        # A wrong key is reported to the officer by us, not logged to stderr.
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        return conn

    engine = create_engine(
        f"sqlite:///{path}", creator=connect, module=sqlcipher3, echo=echo, future=True
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_conn: Any, record: ConnectionPoolEntry) -> None:
    # Let SQLAlchemy, not the driver, decide where transactions begin.
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a queued reply survives a power cut once its commit returned.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        cursor.execute("PRAGMA cache_size = -65536")
        cursor.execute("PRAGMA temp_store = MEMORY")
    finally:
        cursor.close()


def _on_begin(conn: Connection) -> None:
    options = conn.get_execution_options()
    mode = options.get(BEGIN_MODE, "")
    if mode:  # a write: choose how it meets a power cut (reads need no fsync either way)
        sync = "FULL" if options.get(DURABLE, True) else "NORMAL"
        conn.exec_driver_sql(f"PRAGMA synchronous = {sync}")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


DURABLE = "aduan_durable"


def write_options(*, durable: bool = True) -> Mapping[str, object]:
    """Execution options for a transaction that will write.

    ``durable=False`` skips the fsync at commit (WAL with ``synchronous =
    NORMAL``): a power cut may then undo the last such transactions, never
    half of one. For pages fetched from a platform, which are fetched again
    with their cursor, that is harmless; what the officer wrote stays durable.
    """
    return {BEGIN_MODE: "IMMEDIATE", DURABLE: durable}


def looks_unencrypted(path: Path) -> bool:
    """True when the file is a plain (unencrypted) SQLite database."""
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


# --- bulk writes --------------------------------------------------------------
#
# The ingest path writes thousands of rows a second; these go straight to the
# driver's executemany, with times in the text form ``UtcDateTime`` stores.


def db_time(value: datetime | None) -> str | None:
    """A UTC time as stored on SQLite (ISO text with microseconds, no zone)."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def insert_many(
    conn: Connection, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """INSERT ``rows`` (driver-ready values, times through ``db_time``)."""
    if rows:
        marks = ", ".join("?" * len(columns))
        conn.exec_driver_sql(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", list(rows)
        )


def update_many(
    conn: Connection, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """UPDATE by ``id``: each row holds the ``columns``' new values, then the id."""
    if rows:
        sets = ", ".join(f"{column} = ?" for column in columns)
        conn.exec_driver_sql(f"UPDATE {table} SET {sets} WHERE id = ?", list(rows))


# --- upserts -------------------------------------------------------------------


def upsert(table: Any) -> SqliteInsert:
    """An INSERT with ``on_conflict_do_nothing``/``on_conflict_do_update``.

    PostgreSQL's dialect offers the same two methods; a second backend swaps
    this function, not its callers.
    """
    return sqlite_insert(table)


# --- full-text search -------------------------------------------------------
#
# One index row per complaint (rowid = complaint id) holding what the public
# wrote in it and their names, so a search yields complaint ids straight from
# the index. The index keeps no copy of the text (contentless); a complaint's
# row is replaced whenever it gets new messages.


def create_search_index(conn: Connection) -> None:
    conn.exec_driver_sql(SEARCH_DDL)


def drop_search_index(conn: Connection) -> None:
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {SEARCH_TABLE}")


def reindex_complaints(conn: Connection, complaint_ids: Iterable[int]) -> None:
    """Rebuild the index rows of these complaints from their inbound messages."""
    ids = sorted(set(complaint_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        conn.exec_driver_sql(f"DELETE FROM {SEARCH_TABLE} WHERE rowid IN ({marks})", tuple(chunk))
        conn.exec_driver_sql(
            f"INSERT INTO {SEARCH_TABLE} (rowid, body, authors) "
            "SELECT complaint_id, group_concat(text, ' '), group_concat(author_name, ' ') "
            f"FROM message WHERE direction = 'inbound' AND complaint_id IN ({marks}) "
            "GROUP BY complaint_id",
            tuple(chunk),
        )


def rebuild_search_index(conn: Connection) -> None:
    """Index every complaint (after a migration)."""
    conn.exec_driver_sql(f"DELETE FROM {SEARCH_TABLE}")
    conn.exec_driver_sql(
        f"INSERT INTO {SEARCH_TABLE} (rowid, body, authors) "
        "SELECT complaint_id, group_concat(text, ' '), group_concat(author_name, ' ') "
        "FROM message WHERE direction = 'inbound' GROUP BY complaint_id"
    )


_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(user_text: str) -> str | None:
    """Turn what the officer typed into an FTS5 query: every word, as a prefix."""
    words = _TOKEN.findall(user_text)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


# Up to this many matches, a search drives the query (each match looked up by
# id); with more, the queue's order index does and each row is tested against
# the matches (a common word in a million complaints stays fast).
FEW_MATCHES = 2000


@dataclass(frozen=True, slots=True)
class Search:
    ids: Select[tuple[int]]  # the ids of the matching complaints
    few: bool  # few matches: let them lead


def search(conn: Connection, user_text: str) -> Search | None:
    """What the officer typed, as a select of matching complaint ids; None: no words."""
    query = fts_query(user_text)
    if query is None:
        return None
    match = text(f"{SEARCH_TABLE} MATCH :fts_query").bindparams(fts_query=query)
    ids = select(text("rowid")).select_from(text(SEARCH_TABLE)).where(match)
    count = conn.execute(
        select(func.count()).select_from(text(SEARCH_TABLE)).where(match)
    ).scalar_one()
    return Search(ids, count <= FEW_MATCHES)


# --- maintenance -------------------------------------------------------------


def checkpoint(engine: Engine) -> None:
    """Fold the write-ahead log into the main file (before a file copy).

    Runs outside any transaction, as SQLite requires.
    """
    raw = engine.raw_connection()
    try:
        raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        raw.close()


def quick_check(conn: Connection) -> list[str]:
    """SQLite's quick integrity check: an empty list when the file is sound."""
    rows = conn.exec_driver_sql("PRAGMA quick_check").scalars().all()
    return [str(row) for row in rows if row != "ok"]


def read_schema(conn: Connection) -> None:
    """Touch the first page: fails at once on a wrong key or a foreign file."""
    conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar_one()


# --- errors ------------------------------------------------------------------

_KNOWN = {
    "SQLITE_FULL": "disk_full",
    "SQLITE_BUSY": "database_busy",
    "SQLITE_LOCKED": "database_busy",
    "SQLITE_CORRUPT": "corrupt_database",
    "SQLITE_NOTADB": "not_a_database",
    "SQLITE_READONLY": "database_readonly",
    "SQLITE_CANTOPEN": "database_readonly",
    "SQLITE_IOERR": "database_readonly",
}


def known_error(exc: DBAPIError, path: Path) -> UserError | None:
    """The officer-facing error for a known SQLite failure, or ``None`` (a bug)."""
    name = str(getattr(exc.orig, "sqlite_errorname", ""))
    code = _KNOWN.get(name) or _KNOWN.get("_".join(name.split("_")[:2]))
    if code is None:
        return None
    detail = str(exc.orig)
    return UserError(code, path=path, detail=detail, backups=Paths(path.parent).backups)
