"""Sync benchmark: ~20,000 new items across six accounts from the simulator over loopback.

Prints items per second and the ratio of the sync's time to the bare store
ingest of the very same pages (target: network and parsing cost no more than
3x the ingest). Asserts nothing.

    .venv/bin/python bench/bench_sync.py [--threads 9600]
"""

from __future__ import annotations

import argparse
import secrets
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.core.credentials import MemoryVault  # noqa: E402
from desktop.core.model import POLLED, Channel, InboundItem  # noqa: E402
from desktop.core.store.accounts import insert_account  # noqa: E402
from desktop.core.store.database import Store, open_with_key  # noqa: E402
from desktop.core.store.ingest import IngestResult, ingest  # noqa: E402
from desktop.core.sync.adapters import AdapterProvider  # noqa: E402
from desktop.core.sync.pull import Puller, PullPolicy  # noqa: E402
from desktop.simulator import Simulator, connect_accounts  # noqa: E402

Page = tuple[int, Sequence[InboundItem], str | None]


def sync_all(store: Store, sim: Simulator) -> tuple[float, int, list[Page]]:
    """Pull every account until nothing new comes; return seconds, items, the pages."""
    vault = MemoryVault()
    connect_accounts(sim, store, vault)
    pages: list[Page] = []

    def recording_ingest(
        account: int, items: Sequence[InboundItem], cursor: str | None
    ) -> IngestResult:
        pages.append((account, list(items), cursor))
        return ingest(store, account, items, cursor)

    provider = AdapterProvider(vault)
    puller = Puller(
        store, provider, policy=PullPolicy(max_pages=10_000), ingest_page=recording_ingest
    )
    started = time.perf_counter()
    items = 0
    try:
        while True:
            reports = [puller.pull(account) for account in puller.accounts()]
            new = sum(r.new_messages for r in reports)
            items += new
            if new == 0:
                break
    finally:
        provider.close()
    return time.perf_counter() - started, items, pages


def replay(store: Store, pages: list[Page]) -> float:
    """The same pages through the bare ingest (no network, no parsing)."""
    ids: dict[int, int] = {}
    for account, _, _ in pages:
        if account not in ids:
            with store.write() as conn:
                ids[account] = insert_account(conn, Channel.X, f"replay-{account}")
    started = time.perf_counter()
    for account, items, cursor in pages:
        ingest(store, ids[account], items, cursor)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=9600, help="sample complaints served")
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="aduan-bench-sync-") as tmp,
        Simulator(count=args.threads, seed=9) as sim,
    ):
        key = secrets.token_bytes(32)
        synced = open_with_key(Path(tmp) / "sync.db", key)
        seconds, items, pages = sync_all(synced, sim)
        synced.close()
        bare = open_with_key(Path(tmp) / "bare.db", key)
        ingest_seconds = replay(bare, pages)
        bare.close()
    print(f"Sync of {items:,} new items across {len(POLLED)} accounts ({len(pages)} pages)")
    print(f"  sync over loopback:  {seconds:7.2f} s   {items / seconds:9,.0f} items/s")
    print(
        f"  bare ingest:         {ingest_seconds:7.2f} s   {items / ingest_seconds:9,.0f} items/s"
    )
    print(f"  ratio sync/ingest:   {seconds / ingest_seconds:.2f}  (target <= 3)")


if __name__ == "__main__":
    main()
