"""The counts the writes keep, in SQLite: two small tables and the triggers that keep them.

``complaint_tally`` counts complaints per (account, channel, status);
``complaint_due_hour`` counts due times per hour, so "due before a moment" is a
sum of whole hours plus one hour read from the due index. SQLite-specific like
``sqlite.py``, of which it is the part about counts.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection

from desktop.core.store.sqlite import db_time

# Caution for later migrations: a batch (copy-and-move) alter of ``complaint``
# drops its triggers; call ``create_count_triggers`` again after one.

TALLY_TABLE = "complaint_tally"
DUE_HOUR_TABLE = "complaint_due_hour"
_DUE_HOUR = "substr({row}.due_at, 1, 13)"  # 'YYYY-MM-DD HH' of the stored ISO text


def _tally_step(row: str, step: str) -> str:
    return (
        f"INSERT INTO {TALLY_TABLE} (account_id, channel, status, n) "
        f"VALUES ({row}.account_id, {row}.channel, {row}.status, {step}) "
        f"ON CONFLICT (account_id, channel, status) DO UPDATE SET n = n + ({step});"
    )


def _due_hour_step(row: str, step: str) -> str:
    hour = _DUE_HOUR.format(row=row)
    return (
        f"INSERT INTO {DUE_HOUR_TABLE} (hour, n) SELECT {hour}, {step} "
        f"WHERE {row}.due_at IS NOT NULL "
        f"ON CONFLICT (hour) DO UPDATE SET n = n + ({step});"
    )


_COUNT_TRIGGERS = {
    "complaint_count_insert": (
        "AFTER INSERT ON complaint",
        _tally_step("new", "1") + _due_hour_step("new", "1"),
    ),
    "complaint_count_delete": (
        "AFTER DELETE ON complaint",
        _tally_step("old", "-1") + _due_hour_step("old", "-1"),
    ),
    "complaint_count_tally_update": (
        "AFTER UPDATE OF account_id, channel, status ON complaint "
        "WHEN old.status IS NOT new.status OR old.channel IS NOT new.channel "
        "OR old.account_id IS NOT new.account_id",
        _tally_step("old", "-1") + _tally_step("new", "1"),
    ),
    "complaint_count_due_update": (
        "AFTER UPDATE OF due_at ON complaint "
        f"WHEN {_DUE_HOUR.format(row='old')} IS NOT {_DUE_HOUR.format(row='new')}",
        _due_hour_step("old", "-1") + _due_hour_step("new", "1"),
    ),
}


def create_count_triggers(conn: Connection) -> None:
    for name, (when, body) in _COUNT_TRIGGERS.items():
        conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {when} BEGIN {body} END")


def drop_count_triggers(conn: Connection) -> None:
    for name in _COUNT_TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def recount(conn: Connection) -> None:
    """Fill both count tables from the complaints (after a migration)."""
    conn.exec_driver_sql(f"DELETE FROM {TALLY_TABLE}")
    conn.exec_driver_sql(
        f"INSERT INTO {TALLY_TABLE} (account_id, channel, status, n) "
        "SELECT account_id, channel, status, count(*) FROM complaint "
        "GROUP BY account_id, channel, status"
    )
    conn.exec_driver_sql(f"DELETE FROM {DUE_HOUR_TABLE}")
    hour = _DUE_HOUR.format(row="complaint")
    conn.exec_driver_sql(
        f"INSERT INTO {DUE_HOUR_TABLE} (hour, n) SELECT {hour}, count(*) FROM complaint "
        f"WHERE due_at IS NOT NULL GROUP BY {hour}"
    )


def due_hour(moment: datetime) -> tuple[str, datetime]:
    """The count table's key of the hour holding ``moment``, and that hour's start."""
    start = moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    stored = db_time(start)
    assert stored is not None
    return stored[:13], start
