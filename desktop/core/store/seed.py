"""Loading generated sample complaints into a store (demo and benchmarks)."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import bindparam, insert, select, update

from desktop.core.model import Status
from desktop.core.sample import SampleAccount, SampleThread
from desktop.core.store.accounts import insert_account, list_accounts
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest, refresh_complaints
from desktop.core.store.schema import ComplaintRow, NoteRow
from desktop.core.store.settings import load_unit_settings

BATCH_THREADS = 2000
SAMPLE_OFFICER = "contoh"


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
        found: list[tuple[int, SampleThread]] = []
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
            found += [(cid, wanted[thread_id]) for thread_id, cid in rows]
        closed = [
            (cid, thread.status.value)
            for cid, thread in found
            if thread.status not in (Status.NEW, Status.ACKNOWLEDGED)
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
                "complaint_id": cid,
                "officer": SAMPLE_OFFICER,
                "text": text,
                "public": public,
                "created_at": thread.items[-1].platform_time,
            }
            for cid, thread in found
            for text, public in thread.notes
        ]
        if notes:
            conn.execute(insert(NoteRow), notes)
