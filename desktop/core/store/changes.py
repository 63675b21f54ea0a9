"""The station's change feed (PostgreSQL only): which complaints changed after sequence N.

Every INSERT, UPDATE or DELETE on the tables a desktop shows (complaints, their
messages, replies and sends, notes, status changes, drafts) adds, per statement,
one ``station_change`` row per complaint it touched, numbered by one sequence,
and notifies the ``CHANNEL``. A desktop keeps the last number it has seen and
asks only for the rows after it (an index range scan, never a table rescan).

The numbers must follow the order in which transactions commit, or a reader
could pass over a row whose transaction took its number earlier but committed
later. So the trigger takes one transaction-level advisory lock before it
numbers: writers of the shown tables take turns from their first such
statement until they commit (a desk action or a pulled page is one short
transaction).

The lock is taken *before* the first statement on those tables touches a row
(a statement-level BEFORE trigger, ``create_turns``, migration 0011): a
statement's own row locks (a status change's complaint row, a reply's key
share on its complaint) come after it, never before. Taken only by the AFTER
trigger, a status change would hold its complaint's row while waiting for the
lock, and a page store holding the lock would wait for that row when it
re-timed the complaint: a deadlock. One order for every writer: the feed's
lock, then rows (the count triggers' rows in key order).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Connection, text

from desktop.core.store.settings import load_setting, save_setting

CHANNEL = "aduan_station_changes"
TABLE = "station_change"
LOCK_KEY = 0x616475616E  # "aduan": the feed's advisory lock
MAX_BATCH = 50_000

# table: how a row of its transition table names its complaint
_COMPLAINT_OF = {
    "complaint": "SELECT id AS complaint_id FROM {rows}",
    "message": "SELECT complaint_id FROM {rows}",
    "reply": "SELECT complaint_id FROM {rows}",
    "outbox": "SELECT r.complaint_id FROM {rows} AS o JOIN reply AS r ON r.id = o.reply_id",
    "note": "SELECT complaint_id FROM {rows}",
    "status_change": "SELECT complaint_id FROM {rows}",
    "draft": "SELECT complaint_id FROM {rows}",
}
_ROWS = {"insert": "new_rows", "update": "new_rows", "delete": "old_rows"}


@dataclass(frozen=True, slots=True)
class Changes:
    """The complaints changed after a sequence number, and the number to ask after next."""

    complaint_ids: frozenset[int]
    last: int

    @property
    def empty(self) -> bool:
        return not self.complaint_ids


def _name(table_name: str, operation: str) -> str:
    # "change_feed_…" sorts before "complaint_count_…": PostgreSQL fires same-event
    # triggers in name order, so the feed's lock comes first.
    return f"change_feed_{table_name}_{operation}"


def _function(table_name: str, operation: str) -> str:
    rows = _ROWS[operation]
    complaints = _COMPLAINT_OF[table_name].format(rows=rows)
    return (
        f"CREATE OR REPLACE FUNCTION {_name(table_name, operation)}() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        f"PERFORM pg_advisory_xact_lock({LOCK_KEY}); "
        f"INSERT INTO {TABLE} (complaint_id) "
        f"SELECT DISTINCT complaint_id FROM ({complaints}) AS c ORDER BY complaint_id; "
        f"PERFORM pg_notify('{CHANNEL}', ''); "
        "RETURN NULL; END $$"
    )


def _trigger(table_name: str, operation: str) -> str:
    transition = "NEW" if _ROWS[operation] == "new_rows" else "OLD"
    return (
        f"CREATE TRIGGER {_name(table_name, operation)} AFTER {operation.upper()} "
        f"ON {table_name} REFERENCING {transition} TABLE AS {_ROWS[operation]} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {_name(table_name, operation)}()"
    )


TURN_FUNCTION = "change_feed_take_turn"


def create_turns(conn: Connection) -> None:
    """Each statement on a shown table first takes the feed's lock (see above)."""
    conn.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION {TURN_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_advisory_xact_lock({LOCK_KEY}); RETURN NULL; END $$"
    )
    for table_name in _COMPLAINT_OF:
        conn.exec_driver_sql(
            f"CREATE TRIGGER {_name(table_name, 'turn')} BEFORE INSERT OR UPDATE OR DELETE "
            f"ON {table_name} FOR EACH STATEMENT EXECUTE FUNCTION {TURN_FUNCTION}()"
        )


def drop_turns(conn: Connection) -> None:
    for table_name in _COMPLAINT_OF:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_name(table_name, 'turn')} ON {table_name}")
    conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {TURN_FUNCTION}()")


def feed_functions() -> list[str]:
    """The trigger functions that write ``station_change`` (run as the schema's owner,
    migration 0011: an officer's login needs no right on the change log)."""
    return [_name(table_name, operation) for table_name in _COMPLAINT_OF for operation in _ROWS]


def create_feed(conn: Connection) -> None:
    """The change table, its sequence and the triggers (the migration calls this)."""
    conn.exec_driver_sql(
        f"CREATE TABLE {TABLE} ("
        "seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
        "complaint_id integer NOT NULL, "
        "at timestamptz NOT NULL DEFAULT now())"
    )
    for table_name in _COMPLAINT_OF:
        for operation in _ROWS:
            conn.exec_driver_sql(_function(table_name, operation))
            conn.exec_driver_sql(_trigger(table_name, operation))


def drop_feed(conn: Connection) -> None:
    for table_name in _COMPLAINT_OF:
        for operation in _ROWS:
            name = _name(table_name, operation)
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table_name}")
            conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {name}()")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")


def latest(conn: Connection) -> int:
    """The newest sequence number (0: nothing changed yet): where a new reader starts."""
    found = conn.execute(text(f"SELECT max(seq) FROM {TABLE}")).scalar()
    return max(int(found or 0), pruned_through(conn))  # the log may be pruned empty


def changed_after(conn: Connection, after: int, limit: int = MAX_BATCH) -> Changes:
    """The complaints changed after sequence ``after`` (at most ``limit`` changes at once:
    ask again after ``last`` until it comes back empty)."""
    rows: Sequence[tuple[int, int]] = conn.execute(
        text(f"SELECT seq, complaint_id FROM {TABLE} WHERE seq > :after ORDER BY seq LIMIT :limit"),
        {"after": after, "limit": limit},
    ).all()
    if not rows:
        return Changes(frozenset(), after)
    return Changes(frozenset(complaint for _, complaint in rows), rows[-1][0])


PRUNED_KEY = "station_change_pruned"  # the setting: every change up to "through" is gone


def pruned_through(conn: Connection) -> int:
    """The last sequence number pruned (0: none): a reader behind it has missed changes."""
    found = load_setting(conn, PRUNED_KEY)
    return 0 if found is None else int(found["through"])


def prune(conn: Connection, keep: timedelta) -> int:
    """Delete the changes recorded longer than ``keep`` ago by the server's clock (and
    any older number), remember the last number deleted, and return how many went.
    A reader whose cursor is behind that number refills (``pruned_through``)."""
    through = conn.execute(
        text(f"SELECT max(seq) FROM {TABLE} WHERE at < now() - :keep"), {"keep": keep}
    ).scalar()
    if through is None:
        return 0
    gone = conn.execute(text(f"DELETE FROM {TABLE} WHERE seq <= :through"), {"through": through})
    save_setting(conn, PRUNED_KEY, {"through": max(int(through), pruned_through(conn))})
    return int(gone.rowcount)
