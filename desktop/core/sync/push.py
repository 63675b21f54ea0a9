"""The sender: takes due outbox entries and delivers them, exactly once.

Per entry: claim it (committed), reconcile it first if its last outcome is
unknown, post it, record the platform's id and time together with the
message in the thread (so the deadline counts from the platform's accepted
time). Accounts work in parallel, each up to ``per_account`` entries at a
time; a rate limit or an expired token pauses only that account, and one
failing entry never blocks the others.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import random
import re
import threading
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from sqlalchemy import Connection

from desktop.core.model import Account, InboundItem, ReplyState, SyncState
from desktop.core.platforms.base import Adapter, PostedReply
from desktop.core.platforms.errors import (
    DuplicateContentError,
    PermanentError,
    PlatformError,
    RateLimitedError,
    ReconnectNeededError,
    TokenExpiredError,
    TransientError,
)
from desktop.core.store import accounts as account_rows
from desktop.core.store import outbox as rows
from desktop.core.store.database import Store
from desktop.core.store.outbox import Entry
from desktop.core.sync.adapters import AdapterProvider
from desktop.core.sync.fence import Fence, LeaseLostError
from desktop.core.sync.outbox import IN_FLIGHT, LEASE, claim_is_alive, claimant
from desktop.core.sync.reasons import SendReason
from desktop.core.workers import DIRECT, Lane

log = logging.getLogger(__name__)
T = TypeVar("T")

BLOCKED = frozenset({SyncState.NEEDS_TOKEN, SyncState.NEEDS_RECONNECT, SyncState.DISABLED})

# Our reply read back may carry a platform time a little before our first try
# (clock differences); it is ours if it is no older than this before it.
RECONCILE_MARGIN = timedelta(minutes=10)
# Passes per round: each sends at most one more reply of every complaint.
MAX_PASSES = 20


@dataclass(frozen=True, slots=True)
class PushPolicy:
    per_account: int = 2
    backoff_first: timedelta = timedelta(seconds=20)
    backoff_max: timedelta = timedelta(minutes=30)
    # How long a dead claimant's request may still reach the platform (see ``rows.release_stale``).
    in_flight: timedelta = IN_FLIGHT


class Outcome(enum.StrEnum):
    """What one delivery attempt came to."""

    SENT = "sent"
    FAILED = "failed"  # the officer must act (the reason is on the reply)
    UNCERTAIN = "uncertain"  # read back before any retry
    DEFERRED = "deferred"  # queued again for later (backoff, rate limit, token)
    SKIPPED = "skipped"  # another sender claimed it first


class SenderBugError(RuntimeError):
    """The sender failed unexpectedly on an entry; its claim was freed first."""


@dataclass(slots=True)
class PushReport:
    sent: int = 0
    failed: int = 0
    uncertain: int = 0
    deferred: int = 0
    changed_complaints: set[int] = field(default_factory=set)
    bugs: list[BaseException] = field(default_factory=list)


class Sender:
    def __init__(
        self,
        store: Store,
        adapters: AdapterProvider,
        *,
        policy: PushPolicy | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        rng: random.Random | None = None,
        lane: Lane = DIRECT,
        network: Executor | None = None,
        fence: Fence | None = None,
    ) -> None:
        self._store = store
        self._adapters = adapters
        self._policy = policy or PushPolicy()
        self._fence = fence
        self._clock = clock
        self._rng = rng or random.Random()
        self._lane = lane
        # The engine shares its network pool; a sender on its own makes one, once.
        self._network = network or ThreadPoolExecutor(PushPolicy().per_account * 6)
        self._who = claimant()
        self._lock = threading.Lock()

    def _read(self, work: Callable[..., T], *args: object, **kwargs: object) -> T:
        """``work(conn, *args, **kwargs)`` in a read transaction, in the store's lane."""

        def run() -> T:
            with self._store.read() as conn:
                return work(conn, *args, **kwargs)

        return self._lane.run(run)

    def _write(self, work: Callable[..., T], *args: object, **kwargs: object) -> T:
        """``work(conn, *args, **kwargs)`` in one write transaction, in the store's lane."""

        def run() -> T:
            with self._store.write() as conn:
                return work(conn, *args, **kwargs)

        return self._lane.run(run)

    def _guarded(
        self, account_id: int, work: Callable[..., T], /, *args: object, **kwargs: object
    ) -> T:
        """Like ``_write``, for a write about one account: a station worker's fence checks
        its lease first, in the same transaction (``LeaseLostError`` refuses it)."""

        def run(conn: Connection, *args: object, **kwargs: object) -> T:
            if self._fence is not None:
                self._fence.check(conn, account_id)
            return work(conn, *args, **kwargs)

        return self._write(run, *args, **kwargs)

    def push_due(self) -> PushReport:
        """Send everything due now, accounts in parallel.

        Only the oldest waiting reply of a complaint is tried at a time; once
        it is sent, the next pass takes the following one.
        """
        report = PushReport()
        for _ in range(MAX_PASSES):
            sent_before = report.sent
            self._one_pass(report)
            if report.bugs:
                # Every claim is freed already; the first bug goes to the crash report.
                raise SenderBugError(
                    f"{len(report.bugs)} outbox entries failed unexpectedly"
                ) from (report.bugs[0])
            if report.sent == sent_before:
                break
        return report

    def _one_pass(self, report: PushReport) -> None:
        now = self._clock()
        held = None if self._fence is None else self._fence.held()
        in_flight = self._policy.in_flight
        if held is None:
            self._write(rows.release_stale, now, LEASE, claim_is_alive, in_flight)
        else:  # a station worker: another claimant of an account it holds lost its lease
            for account_id in held:
                with contextlib.suppress(LeaseLostError):
                    self._guarded(
                        account_id,
                        rows.release_stale,
                        now,
                        LEASE,
                        self._who.__eq__,
                        in_flight,
                        account_id=account_id,
                    )
        by_account: dict[int, list[Entry]] = defaultdict(list)
        for entry in self._read(rows.eligible, now, blocked=BLOCKED):
            if held is None or entry.account_id in held:
                by_account[entry.account_id].append(entry)
        futures = []
        for account_id, entries in by_account.items():
            account = self._read(account_rows.find_account, account_id)
            try:
                adapter = self._adapters.adapter(account)
            except PlatformError as exc:
                log.warning("outbox: account %d unusable: %s", account_id, exc)
                report.deferred += len(entries)
                continue
            run = _AccountRun(self, account, adapter, entries, report)
            for _ in range(min(self._policy.per_account, len(entries))):
                futures.append(self._network.submit(run.work))
        wait(futures)

    # -- one entry ------------------------------------------------------------

    def deliver(self, account: Account, adapter: Adapter, entry: Entry) -> Outcome:
        """Claim, reconcile if needed, post, record."""
        now = self._clock()
        try:
            if not self._guarded(entry.account_id, rows.claim, entry, now, self._who):
                return Outcome.SKIPPED
        except LeaseLostError:
            return Outcome.SKIPPED  # another worker holds the account now
        try:
            if entry.state is ReplyState.UNCERTAIN:
                found = self._reconcile(adapter, entry)
                if found is not None:
                    return self._record_sent(account, entry, found)
                if entry.last_reason == SendReason.DUPLICATE:
                    return self._finish_failed(entry, SendReason.DUPLICATE_CONTENT, None)
            parent = self._parent(entry)
            if self._fence is not None:  # the last word before the platform: still ours?
                self._guarded(entry.account_id, lambda conn: None)
            posted = adapter.post_reply(entry.thread_id, parent, entry.text)
        except DuplicateContentError as exc:
            # Only a hint: reconcile by reading back, never take it as success.
            return self._set(
                entry,
                ReplyState.UNCERTAIN,
                exc.platform_message,
                SendReason.DUPLICATE,
                timedelta(0),
            )
        except RateLimitedError as exc:
            wait = timedelta(seconds=exc.retry_after)
            self._set(entry, ReplyState.QUEUED, exc.platform_message, exc.reason, wait)
            raise
        except TokenExpiredError as exc:
            self._set(entry, ReplyState.QUEUED, exc.platform_message, exc.reason, None)
            self._account_needs_token(account, exc)
            raise
        except TransientError as exc:
            state = ReplyState.UNCERTAIN if exc.maybe_delivered else ReplyState.QUEUED
            if entry.state is ReplyState.UNCERTAIN:
                state = ReplyState.UNCERTAIN  # still unknown: reconcile again next time
            words = exc.platform_message
            return self._set(entry, state, words, exc.reason, self._backoff(entry.attempts + 1))
        except PermanentError as exc:
            return self._finish_failed(entry, exc.reason, exc.platform_message)
        except PlatformError as exc:
            return self._set(
                entry,
                ReplyState.QUEUED,
                exc.platform_message,
                exc.reason,
                self._backoff(entry.attempts + 1),
            )
        return self._record_sent(account, entry, posted)

    def _reconcile(self, adapter: Adapter, entry: Entry) -> PostedReply | None:
        """Look in the thread (as the platform has it) for this reply sent earlier."""
        if not adapter.supports_read_back:
            raise PermanentError(
                "It is unknown whether this reply arrived, and this platform cannot be "
                "read back: check the conversation, then retry or cancel.",
                reason="unverifiable",
            )
        since = (entry.first_attempt_at or self._clock()) - RECONCILE_MARGIN
        wanted = _normal(entry.text)
        candidates = [
            item
            for item in adapter.read_back(entry.thread_id)
            if item.outbound and _normal(item.text) == wanted and item.platform_time >= since
        ]
        taken = self._read(rows.platform_ids_taken, [c.platform_id for c in candidates])
        for item in sorted(candidates, key=lambda c: c.platform_time):
            if item.platform_id not in taken:
                log.info("outbox %d: found on read-back as %s", entry.id, item.platform_id)
                return PostedReply(item.platform_id, item.platform_time)
        return None

    def _parent(self, entry: Entry) -> str:
        """The message the reply answers: the citizen's latest one in the thread."""
        return self._read(rows.latest_inbound_id, entry.complaint_id) or entry.thread_id

    # -- recording outcomes -------------------------------------------------------

    def _record_sent(self, account: Account, entry: Entry, posted: PostedReply) -> Outcome:
        accepted = posted.accepted_at or self._clock()
        item = InboundItem(
            channel=account.channel,
            thread_id=entry.thread_id,
            platform_id=posted.platform_id,
            author_id=account.own_user_id or account.name,
            author_name=account.name,
            text=entry.text,
            platform_time=accepted,
            outbound=True,
        )
        self._guarded(entry.account_id, rows.record_sent, entry, posted.platform_id, accepted, item)
        return Outcome.SENT

    def _finish_failed(self, entry: Entry, reason: str, message: str | None) -> Outcome:
        return self._set(entry, ReplyState.FAILED, message, reason, None)

    def _set(
        self,
        entry: Entry,
        state: ReplyState,
        message: str | None,  # the platform's own words (redacted), or None
        reason: str,
        wait: timedelta | None,
    ) -> Outcome:
        next_at = None if wait is None else self._clock() + wait

        self._guarded(
            entry.account_id,
            rows.set_outcome,
            entry.id,
            state,
            reason=reason,
            error=message,
            next_at=next_at,
        )
        return _OUTCOME_OF[state]

    def free_after_bug(self, entry: Entry) -> None:
        """The sender failed on ``entry`` unexpectedly: free its claim now, as uncertain
        (it may have reached the platform), to be read back before any retry."""
        self._set(
            entry,
            ReplyState.UNCERTAIN,
            None,
            SendReason.UNEXPECTED,
            self._backoff(entry.attempts + 1),
        )

    def _account_needs_token(self, account: Account, exc: TokenExpiredError) -> None:
        if isinstance(exc, ReconnectNeededError):
            self._guarded(
                account.id, account_rows.mark_needs_reconnect, account.id, exc.platform_message
            )
        else:
            self._guarded(
                account.id, account_rows.mark_needs_token, account.id, exc.platform_message
            )

    def _backoff(self, attempts: int) -> timedelta:
        base = self._policy.backoff_first * (2 ** min(max(attempts - 1, 0), 16))
        capped: timedelta = min(base, self._policy.backoff_max)
        jitter: float = self._rng.uniform(0.5, 1.5)
        return capped * jitter

    def count(self, report: PushReport, outcome: Outcome, entry: Entry) -> None:
        with self._lock:
            if outcome is Outcome.SENT:
                report.sent += 1
                report.changed_complaints.add(entry.complaint_id)
            elif outcome is Outcome.FAILED:
                report.failed += 1
                report.changed_complaints.add(entry.complaint_id)
            elif outcome is Outcome.UNCERTAIN:
                report.uncertain += 1
            else:
                report.deferred += 1


_OUTCOME_OF = {
    ReplyState.SENT: Outcome.SENT,
    ReplyState.FAILED: Outcome.FAILED,
    ReplyState.UNCERTAIN: Outcome.UNCERTAIN,
    ReplyState.QUEUED: Outcome.DEFERRED,
}


class _AccountRun:
    """One account's entries, sent by up to ``per_account`` workers."""

    def __init__(
        self,
        sender: Sender,
        account: Account,
        adapter: Adapter,
        entries: list[Entry],
        report: PushReport,
    ) -> None:
        self._sender = sender
        self._account = account
        self._adapter = adapter
        self._entries = list(reversed(entries))  # pop() takes the oldest
        self._report = report
        self._lock = threading.Lock()
        self._paused = False

    def _next(self) -> Entry | None:
        with self._lock:
            if self._paused or not self._entries:
                return None
            return self._entries.pop()

    def work(self) -> None:
        while (entry := self._next()) is not None:
            try:
                outcome = self._sender.deliver(self._account, self._adapter, entry)
            except (RateLimitedError, TokenExpiredError) as exc:
                log.info("outbox: account %d paused: %s", self._account.id, exc)
                with self._lock:
                    self._paused = True
                outcome = Outcome.DEFERRED
            except LeaseLostError as exc:  # another worker took the account: leave it to it
                log.warning("outbox: %s", exc)
                with self._lock:
                    self._paused = True
                outcome = Outcome.SKIPPED
            except Exception as bug:
                log.exception("outbox entry %d: unexpected failure", entry.id)
                self._sender.free_after_bug(entry)
                with self._lock:
                    self._report.bugs.append(bug)
                outcome = Outcome.UNCERTAIN
            self._sender.count(self._report, outcome, entry)


_SPACE = re.compile(r"\s+")


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()
