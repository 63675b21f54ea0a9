"""Station mode: who has which complaint open, and who is typing a reply in it.

Each desktop refreshes its officer's row while they view or type; a row not
refreshed for ``PRESENCE_TTL`` counts as gone (a closed window or a PC that
lost the network leaves no lasting trace). Rows are kept by (complaint,
officer): one row per officer per complaint, overwritten on refresh.

On PostgreSQL a change the others should see (an officer arrives, starts or
stops typing, leaves, or comes back after counting as gone) notifies
``CHANNEL`` with the complaint's id, so the other desktops show it within a
moment (``station/feed.py``); a refresh that changes nothing stays quiet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from sqlalchemy import Connection, delete, select, text

from desktop.core.store.audit import acting_officer
from desktop.core.store.dialects import backend
from desktop.core.store.schema import PresenceRow, ReplyRow

PRESENCE_TTL = timedelta(seconds=60)
CHANNEL = "aduan_station_presence"
_NOTIFY = "presence_notify"
# A reply by someone else this recent means the citizen probably has an answer
# already: a second answer within ten minutes is more likely a duplicate than a
# follow-up (officers answer within the hour; follow-ups come after the citizen
# writes back), while a longer window would warn about ordinary follow-ups.
RECENT_REPLY = timedelta(minutes=10)


class Activity(StrEnum):
    VIEWING = "viewing"
    TYPING = "typing"


@dataclass(frozen=True, slots=True)
class Presence:
    officer: str
    activity: Activity
    seen_at: datetime


@dataclass(frozen=True, slots=True)
class RecentReply:
    officer: str
    at: datetime


def mark(
    conn: Connection, complaint_id: int, officer: str, activity: Activity, now: datetime
) -> None:
    """Record (or refresh) that ``officer`` is at the complaint doing ``activity``."""
    statement = (
        backend(conn)
        .upsert(PresenceRow)
        .values(complaint_id=complaint_id, officer=officer, activity=activity.value, seen_at=now)
    )
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=["complaint_id", "officer"],
            set_={"activity": activity.value, "seen_at": now},
        )
    )


def leave(conn: Connection, complaint_id: int, officer: str) -> None:
    """The officer closed the complaint: their row goes at once."""
    officer = acting_officer(conn, officer)
    conn.execute(
        delete(PresenceRow).where(
            PresenceRow.complaint_id == complaint_id, PresenceRow.officer == officer
        )
    )


def others_at(conn: Connection, complaint_id: int, officer: str, now: datetime) -> list[Presence]:
    """The other officers at the complaint, seen within ``PRESENCE_TTL``; typing first."""
    rows = conn.execute(
        select(PresenceRow.officer, PresenceRow.activity, PresenceRow.seen_at)
        .where(
            PresenceRow.complaint_id == complaint_id,
            PresenceRow.officer != officer,
            PresenceRow.seen_at >= now - PRESENCE_TTL,
        )
        .order_by(PresenceRow.officer)
    )
    found = [Presence(name, Activity(activity), seen) for name, activity, seen in rows]
    return sorted(found, key=lambda p: p.activity != Activity.TYPING)


def recent_reply_by_other(
    conn: Connection, complaint_id: int, officer: str, now: datetime
) -> RecentReply | None:
    """The newest reply another officer queued to the complaint within ``RECENT_REPLY``."""
    row = conn.execute(
        select(ReplyRow.officer, ReplyRow.created_at)
        .where(
            ReplyRow.complaint_id == complaint_id,
            ReplyRow.officer != officer,
            ReplyRow.created_at >= now - RECENT_REPLY,
        )
        .order_by(ReplyRow.id.desc())
        .limit(1)
    ).first()
    return None if row is None else RecentReply(row[0], row[1])


def server_now(conn: Connection) -> datetime:
    """The station's clock in station mode (PCs' clocks drift apart), this PC's otherwise."""
    if conn.dialect.name != "postgresql":
        return datetime.now(UTC)
    naive = conn.execute(text("SELECT now() AT TIME ZONE 'UTC'")).scalar_one()
    assert isinstance(naive, datetime)
    return naive.replace(tzinfo=UTC)


# --- PostgreSQL: notify the other desktops (migration 0011) ---------------------------


def create_notify(conn: Connection) -> None:
    ttl = int(PRESENCE_TTL.total_seconds())
    conn.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION {_NOTIFY}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF TG_OP = 'DELETE' THEN "
        f"PERFORM pg_notify('{CHANNEL}', OLD.complaint_id::text); "
        f"ELSE PERFORM pg_notify('{CHANNEL}', NEW.complaint_id::text); END IF; "
        "RETURN NULL; END $$"
    )
    conn.exec_driver_sql(
        f"CREATE TRIGGER {_NOTIFY}_arrive_leave AFTER INSERT OR DELETE ON presence "
        f"FOR EACH ROW EXECUTE FUNCTION {_NOTIFY}()"
    )
    conn.exec_driver_sql(  # a refresh: only when the others would see a difference
        f"CREATE TRIGGER {_NOTIFY}_change AFTER UPDATE ON presence FOR EACH ROW "
        "WHEN (OLD.activity IS DISTINCT FROM NEW.activity "
        f"OR OLD.seen_at < NEW.seen_at - interval '{ttl} seconds') "
        f"EXECUTE FUNCTION {_NOTIFY}()"
    )


def drop_notify(conn: Connection) -> None:
    for trigger in ("arrive_leave", "change"):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_NOTIFY}_{trigger} ON presence")
    conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {_NOTIFY}()")


# --- as the desk calls them: the acting officer (the login in station mode), the station's clock


def mark_now(conn: Connection, complaint_id: int, officer: str, activity: Activity) -> None:
    mark(conn, complaint_id, acting_officer(conn, officer), activity, server_now(conn))


def others_now(conn: Connection, complaint_id: int, officer: str) -> list[Presence]:
    return others_at(conn, complaint_id, acting_officer(conn, officer), server_now(conn))


def recent_reply_now(conn: Connection, complaint_id: int, officer: str) -> RecentReply | None:
    return recent_reply_by_other(
        conn, complaint_id, acting_officer(conn, officer), server_now(conn)
    )
