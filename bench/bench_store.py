"""Store benchmarks: ingest against raw executemany, queue queries, encryption cost.

Prints figures and ratios measured in the same run; asserts nothing.

    .venv/bin/python bench/bench_store.py              # 100k ingest, 1M-complaint queue
    .venv/bin/python bench/bench_store.py --quick      # smaller, for a quick look
"""

from __future__ import annotations

import argparse
import itertools
import secrets
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlcipher3  # noqa: E402

from bench.ui_bench_data import cached_database  # noqa: E402
from desktop.core.model import InboundItem  # noqa: E402
from desktop.core.sample import sample_threads  # noqa: E402
from desktop.core.store import queries, queue_pages  # noqa: E402
from desktop.core.store.database import Store, open_with_key  # noqa: E402
from desktop.core.store.ingest import ingest  # noqa: E402
from desktop.core.store.seed import ensure_accounts  # noqa: E402

PAGE = 1000
NOW = datetime.now(UTC)


def items(count: int, seed: int) -> list[InboundItem]:
    """``count`` realistic inbound items (whole sample threads, cut to size)."""
    threads = sample_threads(count, now=NOW, seed=seed)
    flat = itertools.chain.from_iterable(t.items for t in threads)
    return list(itertools.islice(flat, count))


def bench_ingest(folder: Path, rows: list[InboundItem], key: bytes | None) -> float:
    """Items per second through the store's ingest path, pages of PAGE."""
    store = open_with_key(folder / f"ingest-{'enc' if key else 'plain'}.db", key)
    (account,) = ensure_accounts(
        store, {t.account for t in sample_threads(1, now=NOW, seed=1)}
    ).values()
    start = time.perf_counter()
    for n in range(0, len(rows), PAGE):
        ingest(store, account, rows[n : n + PAGE], cursor=str(n))
    elapsed = time.perf_counter() - start
    store.close()
    return len(rows) / elapsed


def bench_raw(folder: Path, rows: list[InboundItem]) -> float:
    """Items per second of plain sqlite3.executemany into an equivalent table."""
    conn = sqlite3.connect(folder / "raw.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(
        "CREATE TABLE message (id INTEGER PRIMARY KEY, complaint_id INTEGER, account_id INTEGER,"
        " direction TEXT, platform_id TEXT, parent_id TEXT, author_id TEXT, author_name TEXT,"
        " text TEXT, platform_time TEXT, permalink TEXT, UNIQUE (account_id, platform_id))"
    )
    params = [
        (
            0,
            1,
            "outbound" if r.outbound else "inbound",
            r.platform_id,
            r.parent_id,
            r.author_id,
            r.author_name,
            r.text,
            r.platform_time.isoformat(),
            r.permalink,
        )
        for r in rows
    ]
    start = time.perf_counter()
    for n in range(0, len(params), PAGE):
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO message (complaint_id, account_id, direction, platform_id, parent_id,"
            " author_id, author_name, text, platform_time, permalink)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            params[n : n + PAGE],
        )
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return len(rows) / elapsed


def median_ms(action: Callable[[], object], runs: int = 15) -> float:
    action()  # warm the cache once
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def queue_stores(complaints: int) -> tuple[Store, Store]:
    """The same ``complaints`` in SQLCipher and in plain SQLite (built once, cached)."""
    db, key = cached_database(complaints)
    plain = db.with_name("plain.db")
    if not plain.exists():
        started = time.perf_counter()
        export_plain(db, key, plain)
        print(f"  plain copy made in {time.perf_counter() - started:.0f} s")
    return open_with_key(db, key), open_with_key(plain, None)


def export_plain(db: Path, key: bytes, target: Path) -> None:
    """SQLCipher's own export of an encrypted database into a plain one."""
    conn = sqlcipher3.connect(str(db))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()


def bench_queue(store: Store) -> dict[str, float]:
    open_filter = queries.QueueFilter()
    search = queries.QueueFilter(search="motor")
    overdue = queries.QueueFilter(overdue_at=NOW)

    def read(call: Callable[..., object], *args: object) -> Callable[[], object]:
        def run() -> object:
            with store.read() as conn:
                return call(conn, *args)

        return run

    with store.read() as conn:
        matches = queue_pages.queue_count(conn, search)
    print(f"  search word 'motor' matches {matches:,} open complaints")
    return {
        "first page (50 most urgent)": median_ms(read(queue_pages.queue_page, open_filter)),
        "search 'motor', first 50": median_ms(read(queue_pages.queue_page, search)),
        "overdue count": median_ms(read(queue_pages.queue_count, overdue)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ingest", type=int, default=100_000, help="items to ingest")
    parser.add_argument("--complaints", type=int, default=1_000_000, help="complaints stored")
    parser.add_argument("--quick", action="store_true", help="20k items, 100k complaints")
    args = parser.parse_args()
    if args.quick:
        args.ingest, args.complaints = 20_000, 100_000
    key = secrets.token_bytes(32)
    with tempfile.TemporaryDirectory(prefix="aduan-bench-") as tmp:
        folder = Path(tmp)
        rows = items(args.ingest, seed=5)
        print(f"Ingest of {len(rows):,} inbound items, pages of {PAGE}")
        raw = bench_raw(folder, rows)
        ours_enc = bench_ingest(folder, rows, key)
        ours_plain = bench_ingest(folder, rows, None)
        print(f"  raw sqlite3.executemany (plain table): {raw:12,.0f} items/s")
        print(f"  store ingest, plain SQLite:            {ours_plain:12,.0f} items/s")
        print(f"  store ingest, SQLCipher:               {ours_enc:12,.0f} items/s")
        print(f"  ratio ingest/raw (SQLCipher):  {ours_enc / raw:.2f}  (target >= 0.5)")
        print(f"  ratio ingest/raw (plain):      {ours_plain / raw:.2f}")
        print(f"  encryption cost on ingest:     {ours_plain / ours_enc:.2f}x  (target <= 1.3)")

        print(f"\nQueue with {args.complaints:,} complaints (median of 15 runs)")
        results: dict[str, dict[str, float]] = {}
        encrypted, plain = queue_stores(args.complaints)
        for label, store in (("SQLCipher", encrypted), ("plain", plain)):
            results[label] = bench_queue(store)
            store.close()
        for name in results["SQLCipher"]:
            enc, plain = results["SQLCipher"][name], results["plain"][name]
            print(
                f"  {name:30s} SQLCipher {enc:8.2f} ms   plain {plain:8.2f} ms"
                f"   ratio {enc / plain:.2f}x   (target < 50 ms, <= 1.3x)"
            )


if __name__ == "__main__":
    main()
