"""Domain types of the complaint desk.

Plain, immutable values. Times are timezone-aware datetimes in UTC; the
platform's own time of a message is kept, never the time it was synced.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime


class Channel(enum.StrEnum):
    """The platforms a unit's official accounts live on."""

    INSTAGRAM = "instagram"
    FACEBOOK = "facebook"
    X = "x"
    YOUTUBE = "youtube"
    TELEGRAM = "telegram"
    TIKTOK = "tiktok"
    WHATSAPP = "whatsapp"


# The longest reply text each platform accepts (characters).
MAX_REPLY_LENGTH: Mapping[Channel, int] = {
    Channel.INSTAGRAM: 2200,
    Channel.FACEBOOK: 8000,
    Channel.X: 280,
    Channel.YOUTUBE: 10000,
    Channel.TELEGRAM: 4096,
    Channel.TIKTOK: 150,
    Channel.WHATSAPP: 4096,
}


# Platforms the desk polls. WhatsApp delivers only by webhook (a relay is needed).
POLLED: tuple[Channel, ...] = tuple(c for c in Channel if c is not Channel.WHATSAPP)


class Status(enum.StrEnum):
    """Where a complaint stands. See ``TRANSITIONS`` for the legal moves."""

    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    DISMISSED = "dismissed"

    @property
    def is_open(self) -> bool:
        return self in OPEN_STATUSES


OPEN_STATUSES = frozenset({Status.NEW, Status.ACKNOWLEDGED, Status.IN_PROGRESS})

# Moves an officer (or the outbox, for ``acknowledged``) may make.
TRANSITIONS: Mapping[Status, frozenset[Status]] = {
    Status.NEW: frozenset({Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.DISMISSED}),
    Status.ACKNOWLEDGED: frozenset({Status.IN_PROGRESS, Status.RESOLVED, Status.DISMISSED}),
    Status.IN_PROGRESS: frozenset({Status.RESOLVED, Status.DISMISSED}),
    Status.RESOLVED: frozenset({Status.IN_PROGRESS}),
    Status.DISMISSED: frozenset({Status.NEW}),
}


class IllegalTransitionError(ValueError):
    """A status change the status machine does not allow."""

    def __init__(self, current: Status, wanted: Status) -> None:
        self.current = current
        self.wanted = wanted
        self.allowed_text = ", ".join(sorted(s.value for s in TRANSITIONS[current])) or "-"
        super().__init__(
            f"cannot change status from {current.value} to {wanted.value} "
            f"(allowed: {self.allowed_text})"
        )


def check_transition(current: Status, wanted: Status) -> Status:
    """Return ``wanted`` if moving there from ``current`` is legal, else raise."""
    if wanted not in TRANSITIONS[current]:
        raise IllegalTransitionError(current, wanted)
    return wanted


def status_after_inbound(current: Status) -> Status:
    """A new message from the public reopens a resolved complaint."""
    return Status.IN_PROGRESS if current is Status.RESOLVED else current


class Direction(enum.StrEnum):
    INBOUND = "inbound"  # from the public
    OUTBOUND = "outbound"  # from one of the unit's accounts


class ReplyState(enum.StrEnum):
    """Delivery state of a reply in the outbox."""

    QUEUED = "queued"
    SENDING = "sending"
    UNCERTAIN = "uncertain"  # the request left, its outcome is unknown
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


def utc(value: datetime) -> datetime:
    """Normalise an aware datetime to UTC; refuse naive ones."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"naive datetime {value!r}: platform times must carry a zone")
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class InboundItem:
    """One message as an adapter read it, normalised for the store.

    ``thread_id`` names the conversation the message belongs to (a top-level
    comment, a DM conversation, a chat); the complaint is keyed by it.
    ``outbound`` is true for messages written by the unit's own account (our
    replies seen on read-back).
    """

    channel: Channel
    thread_id: str
    platform_id: str
    author_id: str
    author_name: str
    text: str
    platform_time: datetime
    outbound: bool = False
    parent_id: str | None = None
    permalink: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "platform_time", utc(self.platform_time))
        if not self.thread_id or not self.platform_id:
            raise ValueError("an inbound item needs a thread id and a platform id")


class SyncState(enum.StrEnum):
    """Where an account's sync stands."""

    IDLE = "idle"  # never synced yet
    OK = "ok"
    OFFLINE = "offline"  # network or server trouble; retried with backoff
    RATE_LIMITED = "rate_limited"  # waiting as long as the platform asked
    NEEDS_TOKEN = "needs_token"  # expired or revoked: the officer must give a new one
    # A connected account whose tokens can no longer be renewed (the platform
    # refused the refresh: revoked, expired, password changed); ``last_error``
    # holds the platform's reason. "Hubungkan ulang" signs in again.
    NEEDS_RECONNECT = "needs_reconnect"
    CONFLICT = "conflict"  # another program polls this Telegram bot
    ERROR = "error"  # refused for a reason that retrying will not fix
    DISABLED = "disabled"  # removed by the officer; complaints kept


# States in which an account waits for the officer (a new token, a new sign-in).
NEEDS_SIGN_IN = frozenset({SyncState.NEEDS_TOKEN, SyncState.NEEDS_RECONNECT})


@dataclass(frozen=True, slots=True)
class Account:
    """One of the unit's official accounts, as stored. Its token lives in the keyring."""

    id: int
    channel: Channel
    name: str
    api_base: str | None = None
    params: Mapping[str, str] = field(default_factory=dict)
    cursor: str | None = None
    state: SyncState = SyncState.IDLE
    last_sync_at: datetime | None = None
    last_error: str | None = None
    next_sync_at: datetime | None = None
    failure_count: int = 0

    @property
    def own_user_id(self) -> str | None:
        return self.params.get("own_user_id") or None


@dataclass(frozen=True, slots=True)
class Message:
    id: int
    complaint_id: int
    direction: Direction
    author_id: str
    author_name: str
    text: str
    platform_id: str
    platform_time: datetime


@dataclass(frozen=True, slots=True)
class Reply:
    """A reply the officer wrote, with its outbox state."""

    id: int
    complaint_id: int
    text: str
    officer: str
    created_at: datetime
    state: ReplyState
    attempts: int = 0
    platform_id: str | None = None
    accepted_at: datetime | None = None
    last_error: str | None = None  # the platform's own words (redacted), if it gave any
    next_attempt_at: datetime | None = None
    last_reason: str | None = None  # why it waits or failed: a ``SendReason`` code


@dataclass(frozen=True, slots=True)
class Note:
    """A progress note: internal, or public (then also queued as a reply)."""

    id: int
    complaint_id: int
    officer: str
    text: str
    public: bool
    created_at: datetime
    reply_id: int | None = None


@dataclass(frozen=True, slots=True)
class Complaint:
    """One conversation on one platform, as the queue shows it."""

    id: int
    account_id: int
    channel: Channel
    thread_id: str
    author_name: str
    excerpt: str
    status: Status
    first_message_at: datetime
    last_inbound_at: datetime | None
    clock_started_at: datetime | None
    last_public_answer_at: datetime | None
    due_at: datetime | None
