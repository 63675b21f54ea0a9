"""Loading generated sample complaints into a store (demo and benchmarks)."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from sqlalchemy import Connection, bindparam, insert, or_, select, update

from desktop.core.model import Direction, InboundItem, ReplyState, Status
from desktop.core.sample import SampleAccount, SampleThread
from desktop.core.store.accounts import insert_account, list_accounts
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest, refresh_complaints, store_items
from desktop.core.store.schema import (
    ComplaintRow,
    MessageRow,
    NoteRow,
    OutboxRow,
    ReplyRow,
)
from desktop.core.store.settings import load_unit_settings

BATCH_THREADS = 2000
SAMPLE_OFFICER = "contoh"
WRITING_TIME = timedelta(seconds=40)  # from queueing a sample reply to the platform's acceptance


def ensure_accounts(store: Store, accounts: Iterable[SampleAccount]) -> dict[SampleAccount, int]:
    """The store's id of each sample account, registering the missing ones."""
    ids: dict[SampleAccount, int] = {}
    with store.write() as conn:
        known = {(a.channel, a.name): a.id for a in list_accounts(conn, include_disabled=True)}
        for account in accounts:
            found = known.get((account.channel, account.name))
            ids[account] = (
                found
                if found is not None
                else insert_account(
                    conn,
                    account.channel,
                    account.name,
                    params={"own_user_id": account.platform_user_id},
                )
            )
    return ids


def load_sample(store: Store, threads: Iterable[SampleThread]) -> int:
    """Store ``threads`` (with their statuses and notes); return how many."""
    count = 0
    account_ids: dict[SampleAccount, int] = {}
    iterator = iter(threads)
    while batch := list(itertools.islice(iterator, BATCH_THREADS)):
        for account in {thread.account for thread in batch} - account_ids.keys():
            account_ids.update(ensure_accounts(store, [account]))
        _load_batch(store, batch, account_ids)
        count += len(batch)
    return count


def _load_batch(
    store: Store, batch: list[SampleThread], account_ids: dict[SampleAccount, int]
) -> None:
    per_account: dict[int, list[SampleThread]] = defaultdict(list)
    for thread in batch:
        per_account[account_ids[thread.account]].append(thread)
    for account_id, threads in per_account.items():
        items = [item for thread in threads for item in thread.items]
        ingest(store, account_id, items, cursor=None)
    apply_statuses_and_notes(store, batch, account_ids)


def apply_statuses_and_notes(
    store: Store, threads: Sequence[SampleThread], account_ids: Mapping[SampleAccount, int]
) -> None:
    """Give the stored complaints of ``threads`` their sample status and notes.

    Threads whose complaint is not in the store (or whose account is not
    mapped) are passed over.
    """
    with store.write() as conn:
        found = _stored(conn, threads, account_ids)
        closed = [
            (f.complaint_id, f.thread.status.value)
            for f in found
            if f.thread.status not in (Status.NEW, Status.ACKNOWLEDGED)
        ]
        if closed:
            conn.execute(
                update(ComplaintRow)
                .where(ComplaintRow.id == bindparam("cid"))
                .values(status=bindparam("status")),
                [{"cid": cid, "status": status} for cid, status in closed],
            )
            refresh_complaints(conn, [cid for cid, _ in closed], load_unit_settings(conn).deadlines)
        notes = [
            {
                "complaint_id": f.complaint_id,
                "officer": SAMPLE_OFFICER,
                "text": text,
                "public": public,
                "created_at": f.thread.items[-1].platform_time,
            }
            for f in found
            for text, public in f.thread.notes
        ]
        if notes:
            conn.execute(insert(NoteRow), notes)


def record_desk_replies(
    store: Store, threads: Sequence[SampleThread], account_ids: Mapping[SampleAccount, int]
) -> int:
    """Record the unit's answers in ``threads`` as replies written at the desk and sent.

    Each answer becomes what the sender leaves behind: a reply with its outbox
    entry in the ``sent`` state, the platform's id and time of acceptance, and
    the answer as our message in the thread (already there when the platform
    let us read it back; a Telegram bot cannot). A public note is tied to the
    reply that published it. Returns how many replies were recorded.
    """
    recorded = 0
    with store.write() as conn:
        for found in _stored(conn, threads, account_ids):
            account_id = account_ids[found.thread.account]
            answers = [item for item in found.thread.items if item.outbound]
            known = set(
                conn.execute(
                    select(MessageRow.platform_id).where(
                        MessageRow.complaint_id == found.complaint_id,
                        MessageRow.direction == Direction.OUTBOUND.value,
                    )
                ).scalars()
            )
            unread = [
                replace(item, thread_id=found.thread_id)
                for item in answers
                if item.platform_id not in known
            ]
            if unread:
                store_items(conn, account_id, unread)
            for item in answers:
                _record_sent_reply(conn, found, account_id, item)
                recorded += 1
    return recorded


def _record_sent_reply(
    conn: Connection, found: _Stored, account_id: int, item: InboundItem
) -> None:
    written = item.platform_time - WRITING_TIME
    reply_id = conn.execute(
        insert(ReplyRow)
        .values(
            complaint_id=found.complaint_id,
            text=item.text,
            officer=SAMPLE_OFFICER,
            created_at=written,
            platform_id=item.platform_id,
            accepted_at=item.platform_time,
        )
        .returning(ReplyRow.id)
    ).scalar_one()
    conn.execute(
        insert(OutboxRow).values(
            reply_id=reply_id,
            account_id=account_id,
            state=ReplyState.SENT.value,
            attempts=1,
            first_attempt_at=written,
        )
    )
    public = [text for text, is_public in found.thread.notes if is_public]
    note = next((text for text in public if item.text.endswith(text)), None)
    if note is not None:
        conn.execute(
            update(NoteRow)
            .where(
                NoteRow.complaint_id == found.complaint_id,
                NoteRow.public.is_(True),
                NoteRow.text == note,
            )
            .values(reply_id=reply_id)
        )


@dataclass(frozen=True, slots=True)
class _Stored:
    complaint_id: int
    thread_id: str  # as the store keys it
    thread: SampleThread


def _stored(
    conn: Connection, threads: Sequence[SampleThread], account_ids: Mapping[SampleAccount, int]
) -> list[_Stored]:
    """The stored complaint of each of ``threads`` (those not stored are left out).

    A platform may key a thread otherwise than by its first message (as the
    simulator serves them): a TikTok comment as ``video:comment``, found by its
    tail; a Telegram chat by the citizen's id.
    """
    found: list[_Stored] = []
    by_account: dict[int, list[SampleThread]] = defaultdict(list)
    for thread in threads:
        if thread.account in account_ids:
            by_account[account_ids[thread.account]].append(thread)
    for account_id, group in by_account.items():
        wanted = {thread.items[0].thread_id: thread for thread in group}
        rows = conn.execute(
            select(ComplaintRow.thread_id, ComplaintRow.id).where(
                ComplaintRow.account_id == account_id,
                ComplaintRow.thread_id.in_(list(wanted)),
            )
        )
        matched = {thread_id: (thread_id, cid) for thread_id, cid in rows}
        for thread_id, thread in wanted.items():
            hit = matched.get(thread_id)
            if hit is None:
                row = conn.execute(
                    select(ComplaintRow.thread_id, ComplaintRow.id).where(
                        ComplaintRow.account_id == account_id,
                        or_(
                            ComplaintRow.thread_id.like(f"%:{thread_id}"),
                            ComplaintRow.thread_id == thread.items[0].author_id,
                        ),
                    )
                ).first()
                hit = None if row is None else (row[0], row[1])
            if hit is not None:
                found.append(_Stored(hit[1], hit[0], thread))
    return found
