"""A separate process that writes pages into a store (fault tests run it).

Usage: python ingest_worker.py DB KEYHEX ACCOUNT_ID PREFIX PAGES PAGE_SIZE
Each page is ingested with its number as the account's cursor, and
``page N`` is printed after its commit.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.core.model import Channel, InboundItem
from desktop.core.store.database import open_with_key
from desktop.core.store.ingest import ingest


def main() -> None:
    db, key_hex, account, prefix, pages, size = sys.argv[1:7]
    store = open_with_key(Path(db), bytes.fromhex(key_hex))
    now = datetime.now(UTC)
    for page in range(int(pages)):
        items = [
            InboundItem(
                channel=Channel.X,
                thread_id=f"{prefix}-t{page}-{n // 2}",
                platform_id=f"{prefix}-{page}-{n}",
                author_id=f"u{n}",
                author_name="Warga",
                text=f"aduan halaman {page} nomor {n} tentang parkir liar",
                platform_time=now - timedelta(minutes=n),
            )
            for n in range(int(size))
        ]
        ingest(store, int(account), items, cursor=str(page))
        print(f"page {page}", flush=True)
    store.close()


if __name__ == "__main__":
    main()
