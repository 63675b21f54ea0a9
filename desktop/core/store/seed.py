"""Loading generated sample complaints into a store (demo and benchmarks)."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import bindparam, insert, select, update

from desktop.core.model import Status
from desktop.core.sample import SampleAccount, SampleThread
from desktop.core.store.actions import add_account
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest, refresh_complaints
from desktop.core.store.schema import AccountRow, ComplaintRow, NoteRow
from desktop.core.store.settings import load_unit_settings

BATCH_THREADS = 2000
SAMPLE_OFFICER = "contoh"


def ensure_accounts(store: Store, accounts: Iterable[SampleAccount]) -> dict[SampleAccount, int]:
    """The store's id of each sample account, registering the missing ones."""
    ids: dict[SampleAccount, int] = {}
    for account in accounts:
        with store.read() as conn:
            found = conn.execute(
                select(AccountRow.id).where(
                    AccountRow.channel == account.channel.value, AccountRow.name == account.name
                )
            ).scalar()
        ids[account] = (
            found
            if found is not None
            else add_account(
                store,
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
    _apply_statuses_and_notes(store, batch, account_ids)


def _apply_statuses_and_notes(
    store: Store, batch: list[SampleThread], account_ids: dict[SampleAccount, int]
) -> None:
    with store.write() as conn:
        keys = [(account_ids[t.account], t.items[0].thread_id) for t in batch]
        ids: dict[tuple[int, str], int] = {}
        for account_id in {key[0] for key in keys}:
            threads = [thread for aid, thread in keys if aid == account_id]
            rows = conn.execute(
                select(ComplaintRow.thread_id, ComplaintRow.id).where(
                    ComplaintRow.account_id == account_id, ComplaintRow.thread_id.in_(threads)
                )
            )
            ids.update({(account_id, thread): cid for thread, cid in rows})
        changes = [
            {"cid": ids[key], "status": thread.status.value}
            for key, thread in zip(keys, batch, strict=True)
            if thread.status not in (Status.NEW, Status.ACKNOWLEDGED)
        ]
        if changes:
            conn.execute(
                update(ComplaintRow)
                .where(ComplaintRow.id == bindparam("cid"))
                .values(status=bindparam("status")),
                changes,
            )
            changed_ids = [
                ids[key]
                for key, thread in zip(keys, batch, strict=True)
                if thread.status not in (Status.NEW, Status.ACKNOWLEDGED)
            ]
            refresh_complaints(conn, changed_ids, load_unit_settings(conn).deadlines)
        notes = [
            {
                "complaint_id": ids[key],
                "officer": SAMPLE_OFFICER,
                "text": text,
                "public": public,
                "created_at": thread.items[-1].platform_time,
            }
            for key, thread in zip(keys, batch, strict=True)
            for text, public in thread.notes
        ]
        if notes:
            conn.execute(insert(NoteRow), notes)
