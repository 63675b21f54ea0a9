"""Store benchmarks: ingest against a raw baseline doing the same writes; the queue.

The raw baseline (``bench/raw_ingest.py``) writes what ingest writes into a
database made by the same migrations (tables, indexes, count triggers, FTS),
with the same pragmas and FTS upkeep, straight through the SQLCipher driver;
both runs must end in identical databases (checked, FTS shadow tables too).
Prints figures and ratios measured in the same run; asserts nothing.
Counts and search at a million complaints: ``bench/bench_depth.py``.

    .venv/bin/python bench/bench_store.py              # 100k ingest, 1M-complaint queue
    .venv/bin/python bench/bench_store.py --quick      # smaller, for a quick look
    .venv/bin/python bench/bench_store.py --only ingest
"""

from __future__ import annotations

import argparse
import itertools
import secrets
import shutil
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

from bench.raw_ingest import RawIngest, database_rows  # noqa: E402
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


def template(folder: Path, key: bytes | None) -> tuple[Path, int]:
    """An empty store made by the migrations, with the sample account; and its id."""
    path = folder / f"template-{'enc' if key else 'plain'}.db"
    store = open_with_key(path, key)
    (account,) = ensure_accounts(
        store, {t.account for t in sample_threads(1, now=NOW, seed=1)}
    ).values()
    store.close()
    return path, account


def fresh_copy(source: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(source, target)
    return target


def bench_ingest(path: Path, rows: list[InboundItem], key: bytes | None, account: int) -> float:
    """Items per second through the store's ingest path, pages of PAGE."""
    store = open_with_key(path, key)
    start = time.perf_counter()
    for n in range(0, len(rows), PAGE):
        ingest(store, account, rows[n : n + PAGE], cursor=str(n))
    elapsed = time.perf_counter() - start
    store.close()
    return len(rows) / elapsed


def bench_raw(path: Path, rows: list[InboundItem], key: bytes | None, account: int) -> float:
    """Items per second of the same writes issued by hand on the driver (``raw_ingest``)."""
    raw = RawIngest(path, key, account)
    start = time.perf_counter()
    for n in range(0, len(rows), PAGE):
        raw.page(rows[n : n + PAGE], cursor=str(n))
    elapsed = time.perf_counter() - start
    raw.close()
    return len(rows) / elapsed


def compare_ingest(folder: Path, rows: list[InboundItem], key: bytes, rounds: int) -> None:
    """Store ingest against the raw baseline, plain and encrypted; best of ``rounds``."""
    print(f"Ingest of {len(rows):,} inbound items, pages of {PAGE}, best of {rounds} rounds")
    for label, k in (("plain", None), ("SQLCipher", key)):
        empty, account = template(folder, k)
        ours, raw = 0.0, 0.0
        for _ in range(rounds):  # alternate, so a busy moment hits both
            ours_path = fresh_copy(empty, folder / f"ours-{label}.db")
            ours = max(ours, bench_ingest(ours_path, rows, k, account))
            raw_path = fresh_copy(empty, folder / f"raw-{label}.db")
            raw = max(raw, bench_raw(raw_path, rows, k, account))
        same = database_rows(ours_path, k) == database_rows(raw_path, k)
        print(f"  {label:9s} raw baseline (same writes): {raw:10,.0f} items/s")
        print(f"  {label:9s} store ingest:               {ours:10,.0f} items/s")
        print(
            f"  {label:9s} ratio ingest/raw: {ours / raw:.2f}  (target >= 0.8)"
            f"   databases identical: {'yes' if same else 'NO'}"
        )


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
    parser.add_argument("--rounds", type=int, default=2, help="ingest rounds (best kept)")
    parser.add_argument("--only", choices=["ingest", "queue"], help="run one part only")
    args = parser.parse_args()
    if args.quick:
        args.ingest, args.complaints = 20_000, 100_000
    key = secrets.token_bytes(32)
    with tempfile.TemporaryDirectory(prefix="aduan-bench-") as tmp:
        folder = Path(tmp)
        if args.only != "queue":
            compare_ingest(folder, items(args.ingest, seed=5), key, args.rounds)
        if args.only == "ingest":
            return
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
