"""Everything SQLite-specific in the store, and only here.

SQLCipher encryption, connection pragmas, transaction begin modes, the FTS5
full-text index and the mapping of SQLite error codes to officer-facing
errors. A PostgreSQL backend replaces this module, not the rest of the store.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Integer,
    Select,
    column,
    create_engine,
    event,
    func,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.dialects.sqlite import Insert as SqliteInsert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import ConnectionPoolEntry

from desktop.core.errors import UserError
from desktop.core.paths import Paths
from desktop.core.store.stored_time import db_time as db_time

KEY_BYTES = 32
BUSY_TIMEOUT_SECONDS = 10.0

# Execution option naming the BEGIN mode of a transaction ("IMMEDIATE" for
# writes, so two writers queue on the busy timeout instead of deadlocking).
BEGIN_MODE = "aduan_begin"

SEARCH_TABLE = "complaint_search"
# Prefix indexes for words of 2 to 5 letters: a word still being typed ("pak",
# "motor") is one list to read, not the merge of every word it begins
# (10x faster for a prefix of a word in most complaints). Migration 0010 added them.
SEARCH_PREFIXES = "2 3 4 5"
SEARCH_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {SEARCH_TABLE} USING fts5("
    "body, authors, content = '', contentless_delete = 1, "
    f"prefix = '{SEARCH_PREFIXES}', tokenize = 'unicode61 remove_diacritics 2')"
)
# The index as migration 0004 first made it (what 0010's downgrade restores).
SEARCH_DDL_WITHOUT_PREFIXES = (
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


# Every connection's settings (the benchmarks' raw baseline uses the same).
CONNECTION_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    # FULL: a queued reply survives a power cut once its commit returned.
    "PRAGMA synchronous = FULL",
    f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}",
    "PRAGMA cache_size = -65536",
    "PRAGMA temp_store = MEMORY",
    # Checkpoint the write-ahead log every 32 MB instead of 4 MB: a page written
    # by many ingest transactions is copied into the database file once, not
    # each time (+15 % and more on ingest). The log file is cut back to 32 MB.
    "PRAGMA wal_autocheckpoint = 8192",
    f"PRAGMA journal_size_limit = {32 * 1024 * 1024}",
)


def _on_connect(dbapi_conn: Any, record: ConnectionPoolEntry) -> None:
    # Let SQLAlchemy, not the driver, decide where transactions begin.
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    try:
        for pragma in CONNECTION_PRAGMAS:
            cursor.execute(pragma)
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


def parse_db_time(stored: str) -> datetime:
    """The aware UTC time of a value stored by ``db_time``."""
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


def parse_stored_time(stored: str | None) -> datetime | None:
    """``parse_db_time``, passing ``None`` through."""
    return None if stored is None else parse_db_time(stored)


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


def in_values(column: str, name: str) -> str:
    """SQL text: ``column`` is one of the list bound as ``name`` (see ``values_param``).

    One parameter whatever the list's length: no statement to compile per length.
    """
    return f"{column} IN (SELECT value FROM json_each(:{name}))"


def values_param(values: Iterable[object]) -> str:
    """A list of ids or strings, bound for ``in_values``."""
    return json.dumps(list(values))


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


def search_index_has_prefixes(conn: Connection) -> bool:
    """True when the search index keeps prefix indexes (``SEARCH_PREFIXES``)."""
    ddl = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (SEARCH_TABLE,)
    ).scalar()
    return ddl is not None and "prefix" in str(ddl)


def set_search_prefixes(conn: Connection, *, prefixes: bool) -> None:
    """Make the search index again, with or without prefix indexes, and fill it."""
    if search_index_has_prefixes(conn) == prefixes:
        return
    drop_search_index(conn)
    conn.exec_driver_sql(SEARCH_DDL if prefixes else SEARCH_DDL_WITHOUT_PREFIXES)
    rebuild_search_index(conn)
    # One segment instead of the many a bulk fill leaves: each read seeks one b-tree.
    conn.exec_driver_sql(f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}) VALUES ('optimize')")


def reindex_complaints(
    conn: Connection, complaint_ids: Iterable[int], *, new: Collection[int] = ()
) -> None:
    """Rebuild the index rows of these complaints from their inbound messages.

    ``new``: complaints created in this transaction, which have no row to remove.
    """
    ids = sorted(set(complaint_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        indexed = tuple(cid for cid in chunk if cid not in new)
        if indexed:
            conn.exec_driver_sql(
                f"DELETE FROM {SEARCH_TABLE} WHERE rowid IN ({', '.join('?' * len(indexed))})",
                indexed,
            )
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
_ENDS_IN_WORD = re.compile(r"\w$", re.UNICODE)


def fts_query(user_text: str) -> str | None:
    """Turn what the officer typed into an FTS5 query.

    Every word must match. A word followed by anything (a space, a comma) was
    typed whole and matches that exact word; the last word, when nothing
    follows it, may still be being typed and matches as a prefix.
    """
    words = _TOKEN.findall(user_text)
    if not words:
        return None
    terms = [f'"{word}"' for word in words]
    if _ENDS_IN_WORD.search(user_text):
        terms[-1] += "*"
    return " ".join(terms)


# How a search meets the queue's order, by how many complaints match:
# - up to FEW_MATCHES, the matches lead (each looked up by id, then sorted);
# - more, up to a share of DENSE_SHARE of the complaints: the queue's order
#   index leads and each row is looked up in the list of matches, built once;
# - a larger share (a word in most complaints): listing hundreds of thousands
#   of matches would cost more than the page, so the next complaints in queue
#   order are taken as a window of candidates and the search index, read once,
#   says which of them match (``matching_ids``); the window is sized from the
#   share, so a page is found in one read.
FEW_MATCHES = 2000
DENSE_SHARE = 0.25
DENSITY_SAMPLE = 10_000  # newest complaints in which the share of matches is counted
# A window of candidates meets the search index one of two ways: the index's list
# of matches is read whole, each match looked up among the candidates; or each
# candidate is looked up in the index. One lookup (~15 us) costs about as much as
# reading and testing this many matches of a list (~70 ns each; measured at 1M,
# SQLCipher): for a word in 70 % of complaints, the window of the rows shown first
# costs a fifth of the list, and a capped count's window half of it.
LOOKUP_COST = 200


@dataclass(frozen=True, slots=True)
class Search:
    ids: Select[int]  # the ids of the matching complaints
    few: bool  # few matches: let them lead
    query: str  # the FTS5 query
    density: float = 1.0  # the share of complaints that match (estimated; many matches only)
    complaints: int = 0  # how many complaints there are (estimated; many matches only)

    @property
    def dense(self) -> bool:
        """Matches in so many complaints that listing them costs more than a page."""
        return not self.few and self.density >= DENSE_SHARE

    def lookups_pay(self, candidates: int) -> bool:
        """Cheaper to look each of ``candidates`` up in the index than to read its
        list of matches (see ``LOOKUP_COST``)."""
        return candidates * LOOKUP_COST < self.density * self.complaints

    def matches(self, complaint_id: Any) -> ColumnElement[bool]:
        """The condition "the complaint ``complaint_id`` matches"."""
        condition: ColumnElement[bool] = complaint_id.in_(self.ids)
        return condition


_INDEX = table(SEARCH_TABLE, column("rowid", Integer))


def _match(query: str) -> ColumnElement[bool]:
    return text(f"{SEARCH_TABLE} MATCH :fts_query").bindparams(fts_query=query)  # type: ignore[return-value]


def search(conn: Connection, user_text: str) -> Search | None:
    """What the officer typed, as a select of matching complaint ids; None: no words.

    Matches are counted only up to ``FEW_MATCHES``; beyond, their share is
    estimated among the newest complaints. Neither grows with the matches.
    """
    query = fts_query(user_text)
    if query is None:
        return None
    ids = select(_INDEX.c.rowid).where(_match(query))
    capped = ids.limit(FEW_MATCHES + 1).subquery()
    count = conn.execute(select(func.count()).select_from(capped)).scalar_one()
    if count <= FEW_MATCHES:
        return Search(ids, True, query)
    newest = conn.exec_driver_sql("SELECT max(id) FROM complaint").scalar() or 0
    sample = conn.exec_driver_sql(
        f"SELECT count(*) FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ? AND rowid > ?",
        (query, newest - DENSITY_SAMPLE),
    ).scalar_one()
    share = sample / max(1, min(newest, DENSITY_SAMPLE))
    return Search(ids, False, query, density=share, complaints=newest)


def id_list(ids: Iterable[int]) -> Select[Any]:
    """A select of the ``ids``, bound as one parameter (for ``column.in_(...)``)."""
    values = func.json_each(values_param(ids)).table_valued("value")
    return select(values.c.value)


def matching_ids(
    conn: Connection, query: str, candidates: Select[int], *, lookups: bool = False
) -> list[int]:
    """Which of the ids ``candidates`` selects match ``query``.

    By default the candidates are listed once; the index's matches are then
    read in order and each is looked up among them. ``lookups``: each
    candidate is looked up in the index instead, which pays only when the list
    of matches is hundreds of times longer than the candidates (``LOOKUP_COST``).
    """
    if lookups:
        listed = candidates.subquery()
        candidate = next(iter(listed.c))
        found = select(_INDEX.c.rowid).where(_match(query), _INDEX.c.rowid == candidate)
        by_lookup = select(candidate).where(found.exists())
        return [int(cid) for cid in conn.execute(by_lookup).scalars()]
    listed_rowid: ColumnElement[int] = literal_column(f"+{SEARCH_TABLE}.rowid")  # "+": no lookups
    statement = select(_INDEX.c.rowid).where(_match(query), listed_rowid.in_(candidates))
    return [int(rowid) for rowid in conn.execute(statement).scalars()]


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
