"""SQLAlchemy 2 table models of the complaint store.

Portable SQL only: the SQLite specifics (encryption, pragmas, full-text
index) live in :mod:`desktop.core.store.sqlite`. Times are stored as UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeEngine

from desktop.core.store.declared import DeclaredTables, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out; naive values refused.

    On SQLite the value is ISO text with microseconds (``2026-11-29
    06:00:00.000000``), which sorts in time order; elsewhere a timestamp.
    """

    impl = DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(26))
        return dialect.type_descriptor(DateTime())

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        naive = value.astimezone(UTC).replace(tzinfo=None)
        if dialect.name == "sqlite":  # the form sqlite.db_time writes on the bulk path
            return naive.isoformat(sep=" ", timespec="microseconds")
        return naive

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


class Base(DeclaredTables):
    metadata = MetaData(naming_convention=NAMING)


class AccountRow(Base):
    __tablename__ = "account"
    __table_args__ = (UniqueConstraint("channel", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    api_base: Mapped[str | None] = mapped_column(String(500))
    params: Mapped[str] = mapped_column(Text, default="{}")  # JSON object, never secrets
    cursor: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sync_state: Mapped[str] = mapped_column(String(32), default="idle")
    last_sync_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    next_sync_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    failure_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ComplaintRow(Base):
    __tablename__ = "complaint"
    __table_args__ = (
        UniqueConstraint("account_id", "thread_id"),
        # The queue: open complaints by due time (closed ones have no due time).
        Index("ix_complaint_due", "due_at"),
        Index("ix_complaint_status_due", "status", "due_at"),
        Index("ix_complaint_channel_due", "channel", "due_at"),
        Index("ix_complaint_last_message", "last_message_at"),
        Index("ix_complaint_status_last_message", "status", "last_message_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16))
    thread_id: Mapped[str] = mapped_column(String(200))
    author_id: Mapped[str] = mapped_column(String(200), default="")
    author_name: Mapped[str] = mapped_column(String(200), default="")
    excerpt: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(16), default="new")
    first_message_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_message_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_inbound_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    clock_started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_public_answer_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    message_count: Mapped[int] = mapped_column(Integer, default=0)


class ComplaintTallyRow(Base):
    """How many complaints each (account, channel, status) has; kept by the writes."""

    __tablename__ = "complaint_tally"

    account_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)


class ComplaintDueHourRow(Base):
    """How many complaints fall due in each hour (UTC); kept by the writes."""

    __tablename__ = "complaint_due_hour"

    hour: Mapped[str] = mapped_column(String(13), primary_key=True)  # 'YYYY-MM-DD HH'
    n: Mapped[int] = mapped_column(Integer, default=0)


class MessageRow(Base):
    __tablename__ = "message"
    __table_args__ = (
        UniqueConstraint("account_id", "platform_id"),
        Index("ix_message_thread", "complaint_id", "platform_time"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    direction: Mapped[str] = mapped_column(String(8))
    platform_id: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[str | None] = mapped_column(String(200))
    author_id: Mapped[str] = mapped_column(String(200))
    author_name: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    platform_time: Mapped[datetime] = mapped_column(UtcDateTime)
    permalink: Mapped[str | None] = mapped_column(String(500))


class ReplyRow(Base):
    """A reply the officer wrote. Its delivery state is its outbox entry."""

    __tablename__ = "reply"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaint.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    officer: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    platform_id: Mapped[str | None] = mapped_column(String(200))
    accepted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class OutboxRow(Base):
    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_next", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reply_id: Mapped[int] = mapped_column(ForeignKey("reply.id", ondelete="CASCADE"), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    first_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_reason: Mapped[str | None] = mapped_column(String(40))  # stable code, e.g. "too_long"
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class NoteRow(Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaint.id", ondelete="CASCADE"), index=True
    )
    officer: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reply_id: Mapped[int | None] = mapped_column(ForeignKey("reply.id", ondelete="SET NULL"))


class StatusChangeRow(Base):
    """Who changed a complaint's status, when: what leaders ask about."""

    __tablename__ = "status_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaint.id", ondelete="CASCADE"), index=True
    )
    old_status: Mapped[str] = mapped_column(String(16))
    new_status: Mapped[str] = mapped_column(String(16))
    officer: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SettingRow(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class DraftRow(Base):
    """What the officer is typing, saved as they type: it survives a crash."""

    __tablename__ = "draft"

    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaint.id", ondelete="CASCADE"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime)


class OfficerRow(Base):
    """Station mode: the display name of each officer's PostgreSQL login."""

    __tablename__ = "officer"

    login: Mapped[str] = mapped_column(String(63), primary_key=True)  # PostgreSQL's name length
    display_name: Mapped[str] = mapped_column(String(200))


class PresenceRow(Base):
    """Station mode: who has a complaint open or is typing in it, refreshed as they work."""

    __tablename__ = "presence"
    __table_args__ = (Index("ix_presence_seen", "seen_at"),)

    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaint.id", ondelete="CASCADE"), primary_key=True
    )
    officer: Mapped[str] = mapped_column(String(200), primary_key=True)
    activity: Mapped[str] = mapped_column(String(16))  # "viewing" or "typing"
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime)
