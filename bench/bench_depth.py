"""Counts and search at depth: a million complaints, encrypted, on a cold page cache.

"Cold" means a new connection for every run: SQLCipher's page cache is empty,
so every page read is decrypted again (the operating system's file cache stays
warm). Each figure is the median over runs; ratios compare against the way the
same number was read before (a count over the complaints, a search that lists
every match). Prints figures and ratios; asserts nothing.

    .venv/bin/python bench/bench_depth.py                    # 1M complaints
    .venv/bin/python bench/bench_depth.py --complaints 100000
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Connection, func, select  # noqa: E402

import bench.ui_bench_data as bench_data  # noqa: E402
from desktop.core.deadlines import UnitSettings  # noqa: E402
from desktop.core.desk import queue as desk_queue  # noqa: E402
from desktop.core.model import OPEN_STATUSES  # noqa: E402
from desktop.core.store import queries, queue_pages, sqlite  # noqa: E402
from desktop.core.store.schema import ComplaintRow, ComplaintTallyRow  # noqa: E402

PAGE = 1000  # ids per page, as the window reads them
RUNS = 9
NOW = datetime.now(UTC)
Read = Callable[[Connection], object]


def median_ms(db: Path, key: bytes | None, read: Read, *, cold: bool, runs: int = RUNS) -> float:
    engine = sqlite.make_engine(db, key)
    samples = []
    try:
        with engine.connect() as warm:
            read(warm)  # the OS file cache, and the warm connection's own cache
            for _ in range(runs):
                if cold:
                    engine.dispose()  # a new connection: an empty page cache
                    with engine.connect() as conn:
                        conn.exec_driver_sql("SELECT 1").all()  # opened, key applied
                        start = time.perf_counter()
                        read(conn)
                        samples.append((time.perf_counter() - start) * 1000)
                        conn.rollback()
                else:
                    start = time.perf_counter()
                    read(warm)
                    samples.append((time.perf_counter() - start) * 1000)
            warm.rollback()
    finally:
        engine.dispose()
    return statistics.median(samples)


# --- counts ------------------------------------------------------------------------


def _margin() -> timedelta:
    deadlines = UnitSettings().deadlines
    return (1 - deadlines.warning_fraction) * deadlines.first_answer


def new_counts() -> dict[str, Read]:
    return {
        "per status": queries.status_counts,
        "per channel (open)": queries.channel_counts,
        "per account (open)": queries.account_counts,
        "overdue now": lambda conn: queries.due_before_count(conn, NOW),
        "due soon (warning)": lambda conn: queries.due_before_count(conn, NOW + _margin()),
    }


def old_counts() -> dict[str, Read]:
    """The same numbers counted over the complaints, as the side bar read them before."""
    open_values = sorted(s.value for s in OPEN_STATUSES)

    def per_status(conn: Connection) -> object:
        return conn.execute(
            select(ComplaintRow.status, func.count()).group_by(ComplaintRow.status)
        ).all()

    def per_channel(conn: Connection) -> object:  # open and due, plus open without a due time
        due = select(ComplaintRow.channel, func.count()).where(ComplaintRow.due_at.is_not(None))
        undue = select(ComplaintRow.channel, func.count()).where(
            ComplaintRow.status.in_(open_values), ComplaintRow.due_at.is_(None)
        )
        return [
            conn.execute(due.group_by(ComplaintRow.channel)).all(),
            conn.execute(undue.group_by(ComplaintRow.channel)).all(),
        ]

    def per_account(conn: Connection) -> object:  # one count per account, as the side bar did
        ids = conn.execute(select(ComplaintTallyRow.account_id).distinct()).scalars().all()
        return [
            conn.execute(
                select(func.count()).where(
                    ComplaintRow.account_id == account, ComplaintRow.status.in_(open_values)
                )
            ).scalar_one()
            for account in ids
        ]

    def due_before(moment: datetime) -> Read:
        return lambda conn: conn.execute(
            select(func.count()).where(ComplaintRow.due_at < moment)
        ).scalar_one()

    return {
        "per status": per_status,
        "per channel (open)": per_channel,
        "per account (open)": per_account,
        "overdue now": due_before(NOW),
        "due soon (warning)": due_before(NOW + _margin()),
    }


def bench_counts(db: Path, key: bytes) -> None:
    print("Counts (cold: a new connection each run; target < 10 ms)")
    old = old_counts()
    for name, read in new_counts().items():
        enc = median_ms(db, key, read, cold=True)
        before = median_ms(db, key, old[name], cold=True, runs=3)
        print(
            f"  {name:22s} {enc:7.2f} ms   counted over complaints {before:8.2f} ms"
            f"   ratio {before / enc:6.0f}x faster   {'met' if enc < 10 else 'NOT met'}"
        )


# --- search ------------------------------------------------------------------------


def word_shares(db: Path, key: bytes, words: list[str]) -> dict[str, int]:
    engine = sqlite.make_engine(db, key)
    try:
        with engine.connect() as conn:
            return {
                word: int(
                    conn.exec_driver_sql(
                        f"SELECT count(*) FROM {sqlite.SEARCH_TABLE} "
                        f"WHERE {sqlite.SEARCH_TABLE} MATCH ?",
                        (sqlite.fts_query(word),),
                    ).scalar_one()
                )
                for word in words
            }
    finally:
        engine.dispose()


def listing_every_match(conn: Connection, typed: str) -> object:
    """The way a search met the queue before: every match listed, then the order walked."""
    query = sqlite.fts_query(typed)
    table = sqlite.SEARCH_TABLE
    return conn.exec_driver_sql(
        "SELECT id FROM complaint WHERE due_at >= '1970' AND coalesce(id, id) IN "
        f"(SELECT rowid FROM {table} WHERE {table} MATCH ?) ORDER BY due_at, id LIMIT {PAGE}",
        (query,),
    ).all()


def bench_search(db: Path, key: bytes, words: list[str], total: int) -> None:
    shares = word_shares(db, key, words)
    first = desk_queue.FIRST_SEARCH_PAGE
    print(f"\nSearch: the first page of {PAGE} ids, open complaints (target < 50 ms)")
    print(f"  first load: the window's first read, {first} ids and their rows")
    print("  (a word followed by a space was typed whole: exact; else a prefix)")
    open_filter = queries.QueueFilter
    for typed in words:
        queue_filter = open_filter(search=typed)

        def first_page(
            conn: Connection, queue_filter: queries.QueueFilter = queue_filter
        ) -> object:
            return queue_pages.id_page(conn, queue_filter, None, PAGE)

        def capped(conn: Connection, queue_filter: queries.QueueFilter = queue_filter) -> object:
            return queue_pages.queue_count_capped(conn, queue_filter)

        def first_load(
            conn: Connection, queue_filter: queries.QueueFilter = queue_filter
        ) -> object:
            page = queue_pages.id_page(conn, queue_filter, None, first)
            return queue_pages.queue_rows(conn, page.ids[: desk_queue.WINDOW])

        cold = median_ms(db, key, first_page, cold=True)
        warm = median_ms(db, key, first_page, cold=False)
        shown = median_ms(db, key, first_load, cold=True)
        count = median_ms(db, key, capped, cold=True)

        def listing(conn: Connection, typed: str = typed) -> object:
            return listing_every_match(conn, typed)

        before = median_ms(db, key, listing, cold=False, runs=3)
        share = shares[typed] / total
        label = f"{typed!r} ({shares[typed]:,} = {share:.0%})"
        print(
            f"  {label:34s} first load cold {shown:7.2f} ms  page cold {cold:7.2f} ms  "
            f"warm {warm:7.2f} ms  "
            f"count (capped) {count:7.2f} ms   listing every match (warm) {before:8.2f} ms"
            f"   ratio {before / warm:5.1f}x   first load {'met' if shown < 50 else 'NOT met'}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--complaints", type=int, default=1_000_000)
    parser.add_argument("--cache", type=Path, help="folder of the cached databases")
    parser.add_argument(
        "--words",
        default="pak ,tolong ,motor ,knalpot ,dijambret ,pak,motor",
        help="comma-separated search words",
    )
    args = parser.parse_args()
    if args.cache:
        bench_data.CACHE = args.cache
    db, key = bench_data.cached_database(args.complaints)
    print(f"{args.complaints:,} complaints in {db}\n")
    bench_counts(db, key)
    bench_search(db, key, args.words.split(","), args.complaints)


if __name__ == "__main__":
    main()
