"""Everything PostgreSQL-specific in the store (station mode), and only here.

The counterpart of :mod:`desktop.core.store.sqlite`: the same functions, for a
station's PostgreSQL server. The engine (psycopg 3, TLS), the bulk writes,
the full-text index with PostgreSQL's own ``indonesian`` configuration
(a ``tsvector`` per complaint under a GIN index; words are stemmed, so
"motornya" finds "motor", and accents are dropped by the ``unaccent``
extension, as on SQLite), and the officer-facing errors.

Times keep the text form the SQLite store uses on its bulk path
(``db_time``): PostgreSQL reads that text into its ``timestamp`` columns, and
what comes back as a ``datetime`` is turned into the same text where the
callers compare stored times.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

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
    literal,
    select,
    table,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import Insert as PostgresqlInsert
from sqlalchemy.dialects.postgresql import dialect as postgresql_dialect
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from desktop.core.errors import UserError
from desktop.core.store import sqlite
from desktop.core.store.sqlite import Search
from desktop.core.store.stored_time import db_time as db_time

_DIALECT = postgresql_dialect()  # type: ignore[no-untyped-call]
TEXT_SEARCH_CONFIG = "indonesian"
CONNECT_TIMEOUT_SECONDS = 10
LOCK_TIMEOUT_MS = 10_000
TCP_USER_TIMEOUT_MS = 5_000


@dataclass(frozen=True, slots=True)
class Server:
    """Where the station's database is and how to reach it (the profile's ``station``)."""

    host: str
    port: int
    dbname: str
    user: str
    sslmode: str = "verify-full"
    sslrootcert: str | None = None

    def url(self, password: str | None) -> URL:
        query: dict[str, str] = {"sslmode": self.sslmode}
        if self.sslrootcert:
            query["sslrootcert"] = self.sslrootcert
        return URL.create(
            "postgresql+psycopg",
            username=self.user,
            password=password,
            host=self.host,
            port=self.port,
            database=self.dbname,
            query=query,
        )

    def describe(self) -> str:
        """For messages and logs: no password."""
        return f"{self.user}@{self.host}:{self.port}/{self.dbname}"


def make_engine(url: URL | str, *, echo: bool = False, pooled: bool = True) -> Engine:
    """An engine on the station's server; every connection waits at most
    ``LOCK_TIMEOUT_MS`` for a row another writer holds (then: ``database_busy``).

    ``pooled=False``: a new connection each time (a desktop's background work,
    whose link may have died unseen while a pooled connection waited)."""
    engine = create_engine(
        url,
        echo=echo,
        pool_pre_ping=True,
        **({} if pooled else {"poolclass": NullPool}),
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_SECONDS,
            "options": f"-c lock_timeout={LOCK_TIMEOUT_MS} -c TimeZone=UTC",
            "application_name": "aduan-desk",
            # A link that stops answering (a cut cable, a black hole) fails in seconds.
            "tcp_user_timeout": TCP_USER_TIMEOUT_MS,
            "keepalives_idle": 5,
            "keepalives_interval": 2,
            "keepalives_count": 2,
        },
    )
    event.listen(engine, "begin", _on_begin)
    return engine


DURABLE = "aduan_durable"


def write_options(*, durable: bool = True) -> Mapping[str, object]:
    """Execution options for a transaction that will write (see ``sqlite.write_options``).

    ``durable=False`` commits without waiting for the write-ahead log's flush
    (``synchronous_commit = off``, set per transaction by ``begin_write``): a
    server crash may lose the last such transactions whole, never half of one.
    """
    return {DURABLE: durable}


def _on_begin(conn: Connection) -> None:
    """Apply ``write_options`` inside the transaction just begun."""
    if not conn.get_execution_options().get(DURABLE, True):
        conn.exec_driver_sql("SET LOCAL synchronous_commit = off")


# --- times -------------------------------------------------------------------


def stored_text(value: datetime | str | None) -> str | None:
    """A time as the server returned it (a naive UTC ``datetime``), in the text form."""
    if value is None or isinstance(value, str):
        return value
    return db_time(value.replace(tzinfo=UTC))


def parse_db_time(stored: datetime | str) -> datetime:
    """The aware UTC time of a stored value (a ``timestamp`` or its text)."""
    if isinstance(stored, str):
        stored = datetime.fromisoformat(stored)
    return stored.replace(tzinfo=UTC)


def parse_stored_time(stored: datetime | str | None) -> datetime | None:
    return None if stored is None else parse_db_time(stored)


# --- bulk writes -------------------------------------------------------------


# One statement per page, not one per row: the rows go as one array per column
# (``unnest``), so the count triggers run once for the page and the server
# parses one statement. Each array is cast to its column's type.


def _arrays(
    table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> tuple[str, tuple[list[Any], ...]]:
    from desktop.core.store.schema import Base

    described = Base.metadata.tables[table].c
    types = [described[column].type.compile(dialect=_DIALECT) for column in columns]
    unnest = "unnest(" + ", ".join(f"%s::{kind}[]" for kind in types) + ")"
    return unnest, tuple(list(values) for values in zip(*rows, strict=True))


def insert_many(
    conn: Connection, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """INSERT ``rows`` (driver-ready values, times through ``db_time``)."""
    if rows:
        unnest, arrays = _arrays(table, columns, rows)
        conn.exec_driver_sql(
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM {unnest}", arrays
        )


def update_many(
    conn: Connection, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """UPDATE by ``id``: each row holds the ``columns``' new values, then the id."""
    if rows:
        unnest, arrays = _arrays(table, (*columns, "id"), rows)
        sets = ", ".join(f"{column} = v.{column}" for column in columns)
        conn.exec_driver_sql(
            f"UPDATE {table} SET {sets} FROM {unnest} AS v ({', '.join(columns)}, id) "
            f"WHERE {table}.id = v.id",
            arrays,
        )


def in_values(column: str, name: str) -> str:
    """SQL text: ``column`` is one of the array bound as ``name`` (see ``values_param``)."""
    return f"{column} = ANY(:{name})"


def values_param(values: Iterable[object]) -> list[object]:
    """A list of ids or strings, bound as one array for ``in_values``."""
    return list(values)


def upsert(table: Any) -> PostgresqlInsert:
    """An INSERT with ``on_conflict_do_nothing``/``on_conflict_do_update``."""
    return postgresql_insert(table)


# --- full-text search -------------------------------------------------------
#
# One row per complaint in ``complaint_search``: the stemmed words of what the
# public wrote in it and their names, under a GIN index. A complaint's row is
# replaced whenever it gets new messages, as on SQLite.

SEARCH_TABLE = "complaint_search"
# Each word twice: stemmed (what a whole word typed finds) and as written (what
# the prefix of a word being typed finds: "kehil" finds "kehilangan", whose stem
# is "hilang").
_WORDS = "unaccent(string_agg(text, ' ') || ' ' || string_agg(author_name, ' '))"
_DOCUMENT = f"to_tsvector('{TEXT_SEARCH_CONFIG}', {_WORDS}) || to_tsvector('simple', {_WORDS})"


def create_search_index(conn: Connection) -> None:
    if not has_text_search_config(conn):
        raise RuntimeError(
            f"PostgreSQL has no '{TEXT_SEARCH_CONFIG}' text search configuration "
            "(PostgreSQL 13 or later has it)"
        )
    # A trusted extension (PostgreSQL 13+): the database's owner may create it.
    conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    conn.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS {SEARCH_TABLE} ("
        "complaint_id integer PRIMARY KEY REFERENCES complaint (id) ON DELETE CASCADE, "
        "document tsvector NOT NULL)"
    )
    conn.exec_driver_sql(
        f"CREATE INDEX IF NOT EXISTS ix_{SEARCH_TABLE}_document "
        f"ON {SEARCH_TABLE} USING gin (document)"
    )


def drop_search_index(conn: Connection) -> None:
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {SEARCH_TABLE}")


def reindex_complaints(
    conn: Connection, complaint_ids: Iterable[int], *, new: Collection[int] = ()
) -> None:
    """Rebuild the index rows of these complaints from their inbound messages."""
    ids = sorted(set(complaint_ids))
    if ids:
        conn.exec_driver_sql(
            f"INSERT INTO {SEARCH_TABLE} (complaint_id, document) "
            f"SELECT complaint_id, {_DOCUMENT} FROM message "
            "WHERE direction = 'inbound' AND complaint_id = ANY(%s) GROUP BY complaint_id "
            "ON CONFLICT (complaint_id) DO UPDATE SET document = excluded.document",
            (ids,),
        )


def rebuild_search_index(conn: Connection) -> None:
    """Index every complaint (after a migration)."""
    conn.exec_driver_sql(f"DELETE FROM {SEARCH_TABLE}")
    conn.exec_driver_sql(
        f"INSERT INTO {SEARCH_TABLE} (complaint_id, document) "
        f"SELECT complaint_id, {_DOCUMENT} FROM message "
        "WHERE direction = 'inbound' GROUP BY complaint_id"
    )


_TOKEN = re.compile(r"\w+", re.UNICODE)
_ENDS_IN_WORD = re.compile(r"\w$", re.UNICODE)


def fts_query(user_text: str) -> str | None:
    """What the officer typed as a ``to_tsquery`` text: every word must match
    (stemmed); the last word, when nothing follows it, also as a prefix."""
    words = [word.lower() for word in _TOKEN.findall(user_text)]
    if not words:
        return None
    terms = [f"'{word}'" for word in words]
    if _ENDS_IN_WORD.search(user_text):
        terms[-1] += ":*"
    return " & ".join(terms)


_INDEX = table(SEARCH_TABLE, column("complaint_id", Integer))


def _match(query: str) -> ColumnElement[bool]:
    return text(  # type: ignore[return-value]
        f"{SEARCH_TABLE}.document @@ (to_tsquery('{TEXT_SEARCH_CONFIG}', unaccent(:fts_query)) "
        "|| to_tsquery('simple', unaccent(:fts_query)))"
    ).bindparams(fts_query=query)


def search(conn: Connection, user_text: str) -> Search | None:
    """What the officer typed, as a select of matching complaint ids (see ``sqlite.search``)."""
    query = fts_query(user_text)
    if query is None:
        return None
    ids = select(_INDEX.c.complaint_id).where(_match(query))
    capped = ids.limit(sqlite.FEW_MATCHES + 1).subquery()
    count = conn.execute(select(func.count()).select_from(capped)).scalar_one()
    if count <= sqlite.FEW_MATCHES:
        return Search(ids, True, query)
    newest = conn.exec_driver_sql("SELECT max(id) FROM complaint").scalar() or 0
    sample = conn.execute(
        select(func.count())
        .select_from(_INDEX)
        .where(_match(query), _INDEX.c.complaint_id > newest - sqlite.DENSITY_SAMPLE)
    ).scalar_one()
    share = sample / max(1, min(newest, sqlite.DENSITY_SAMPLE))
    return Search(ids, False, query, density=share, complaints=newest)


def id_list(ids: Iterable[int]) -> Select[Any]:
    """A select of the ``ids``, bound as one array parameter."""
    return select(func.unnest(literal(list(ids), ARRAY(Integer))))


def matching_ids(
    conn: Connection, query: str, candidates: Select[int], *, lookups: bool = False
) -> list[int]:
    """Which of the ids ``candidates`` selects match ``query`` (the GIN index serves
    both ways alike: ``lookups`` changes nothing here)."""
    statement = select(_INDEX.c.complaint_id).where(
        _match(query), _INDEX.c.complaint_id.in_(candidates)
    )
    return [int(cid) for cid in conn.execute(statement).scalars()]


# --- maintenance -------------------------------------------------------------


def checkpoint(engine: Engine) -> None:
    """Nothing to fold: the server owns its files (the SQLite store copies its file)."""


def quick_check(conn: Connection) -> list[str]:
    """The server checks its own pages; a query that runs is all the desk can see."""
    conn.exec_driver_sql("SELECT 1").scalar_one()
    return []


def read_schema(conn: Connection) -> None:
    """Fails at once on a wrong password, an unreachable server or a missing database."""
    conn.exec_driver_sql("SELECT count(*) FROM pg_catalog.pg_class").scalar_one()


def has_text_search_config(conn: Connection) -> bool:
    """Whether the server knows the ``indonesian`` configuration (PostgreSQL 13+)."""
    found = conn.execute(
        text("SELECT count(*) FROM pg_catalog.pg_ts_config WHERE cfgname = :name"),
        {"name": TEXT_SEARCH_CONFIG},
    ).scalar_one()
    return bool(found)


# --- errors ------------------------------------------------------------------

# SQLSTATE classes and codes the officer can act on (the rest are bugs).
_KNOWN = {
    "53100": "disk_full",  # disk_full
    "40001": "database_busy",  # serialization_failure
    "40P01": "database_busy",  # deadlock_detected
    "55P03": "database_busy",  # lock_not_available (lock_timeout)
    "25006": "database_readonly",  # read_only_sql_transaction (a standby)
    "XX001": "corrupt_database",  # data_corrupted
    "XX002": "corrupt_database",  # index_corrupted
}


def known_error(exc: DBAPIError, where: str) -> UserError | None:
    """The officer-facing error for a known PostgreSQL failure, or ``None`` (a bug)."""
    state = str(getattr(exc.orig, "sqlstate", "") or "")
    code = _KNOWN.get(state)
    if code is None:
        return None
    return UserError(code, path=where, detail=state, backups="")


# --- counts --------------------------------------------------------------------
#
# The same two tables as on SQLite (see ``sqlite_counts``), kept by statement-level
# triggers: each INSERT, UPDATE or DELETE on ``complaint`` adds up its rows'
# changes (its transition tables) and applies them in one upsert per table, so
# a page of a thousand complaints costs two statements, not two thousand. The
# rows are upserted in key order, so that two writers lock them in one order.

TALLY_TABLE = "complaint_tally"
DUE_HOUR_TABLE = "complaint_due_hour"
_DUE_HOUR = "to_char(due_at, 'YYYY-MM-DD HH24')"  # the key sqlite_counts.due_hour makes
_TRANSITIONS = {  # operation: the transition tables and their step
    "insert": (("new_rows", "1"),),
    "delete": (("old_rows", "-1"),),
    "update": (("new_rows", "1"), ("old_rows", "-1")),
}


def _count_function(operation: str) -> str:
    steps = _TRANSITIONS[operation]
    tally = " UNION ALL ".join(
        f"SELECT account_id, channel, status, {step} AS step FROM {rows}" for rows, step in steps
    )
    due = " UNION ALL ".join(
        f"SELECT {_DUE_HOUR} AS hour, {step} AS step FROM {rows} WHERE due_at IS NOT NULL"
        for rows, step in steps
    )
    return (
        f"CREATE OR REPLACE FUNCTION complaint_count_{operation}() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        f"INSERT INTO {TALLY_TABLE} AS t (account_id, channel, status, n) "
        f"SELECT account_id, channel, status, sum(step) FROM ({tally}) AS d "
        "GROUP BY account_id, channel, status HAVING sum(step) <> 0 "
        "ORDER BY account_id, channel, status "
        "ON CONFLICT (account_id, channel, status) DO UPDATE SET n = t.n + excluded.n; "
        f"INSERT INTO {DUE_HOUR_TABLE} AS t (hour, n) "
        f"SELECT hour, sum(step) FROM ({due}) AS d GROUP BY hour HAVING sum(step) <> 0 "
        "ORDER BY hour ON CONFLICT (hour) DO UPDATE SET n = t.n + excluded.n; "
        "RETURN NULL; END $$"
    )


def _count_trigger(operation: str) -> str:
    tables = " ".join(
        f"{'NEW' if rows == 'new_rows' else 'OLD'} TABLE AS {rows}"
        for rows, _ in _TRANSITIONS[operation]
    )
    return (
        f"CREATE TRIGGER complaint_count_{operation} AFTER {operation.upper()} ON complaint "
        f"REFERENCING {tables} FOR EACH STATEMENT "
        f"EXECUTE FUNCTION complaint_count_{operation}()"
    )


def count_functions() -> list[str]:
    """The trigger functions that write the count tables (run as the schema's owner)."""
    return [f"complaint_count_{operation}" for operation in _TRANSITIONS]


def create_count_triggers(conn: Connection) -> None:
    for operation in _TRANSITIONS:
        conn.exec_driver_sql(_count_function(operation))
        conn.exec_driver_sql(_count_trigger(operation))


def drop_count_triggers(conn: Connection) -> None:
    for operation in _TRANSITIONS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS complaint_count_{operation} ON complaint")
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS complaint_count_{operation}()")


def recount(conn: Connection) -> None:
    """Fill both count tables from the complaints (after a migration)."""
    conn.exec_driver_sql(f"DELETE FROM {TALLY_TABLE}")
    conn.exec_driver_sql(
        f"INSERT INTO {TALLY_TABLE} (account_id, channel, status, n) "
        "SELECT account_id, channel, status, count(*) FROM complaint "
        "GROUP BY account_id, channel, status"
    )
    conn.exec_driver_sql(f"DELETE FROM {DUE_HOUR_TABLE}")
    conn.exec_driver_sql(
        f"INSERT INTO {DUE_HOUR_TABLE} (hour, n) SELECT {_DUE_HOUR}, count(*) FROM complaint "
        f"WHERE due_at IS NOT NULL GROUP BY {_DUE_HOUR}"
    )
