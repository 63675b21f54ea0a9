"""Station mode: an inbound complaint written at the station → in another desktop's replica.

Starts a throwaway PostgreSQL cluster (Debian's server programs, 127.0.0.1),
stores ``--complaints`` sample complaints, opens one desktop's station session
(its replica filled, its feed listening), then ``--rounds`` times writes one new
inbound complaint through the ingest path (as the worker does) and waits until
the desktop's session reports it copied into its replica (what the window
reads; the window's own re-read adds its queue refresh). Prints median and p95.

    .venv/bin/python bench/bench_station_feed.py [--complaints N] [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.core.credentials import MemoryVault  # noqa: E402
from desktop.core.sample import sample_threads  # noqa: E402
from desktop.core.station.session import open_session  # noqa: E402
from desktop.core.store.accounts import list_accounts  # noqa: E402
from desktop.core.store.database import open_postgresql  # noqa: E402
from desktop.core.store.ingest import ingest  # noqa: E402
from desktop.core.store.seed import load_sample  # noqa: E402
from tests.postgres_support import Cluster, server_programs  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--complaints", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    programs = server_programs()
    if programs is None:
        print("PostgreSQL's server programs are not installed")
        return 1
    cluster = Cluster.start(programs)
    try:
        url = cluster.url(cluster.create_database())
        worker = open_postgresql(url)
        now = datetime.now(UTC)
        load_sample(worker, sample_threads(args.complaints, now=now, seed=5))
        with worker.read() as conn:
            accounts = {a.name: a.id for a in list_accounts(conn)}
        seen: dict[int, float] = {}
        arrived = threading.Condition()

        def heard(ids: frozenset[int]) -> None:
            with arrived:
                for complaint in ids:
                    seen.setdefault(complaint, time.perf_counter())
                arrived.notify_all()

        with tempfile.TemporaryDirectory() as home:
            session = open_session(open_postgresql(url), Path(home), MemoryVault())
            session.listen(heard, lambda _up: None)
            session.start()
            while not session.up:
                time.sleep(0.05)
            times = []
            threads = sample_threads(args.rounds, now=now + timedelta(hours=1), seed=77)
            for thread in threads:
                started = time.perf_counter()
                result = ingest(worker, accounts[thread.account.name], thread.items, cursor=None)
                new = set(result.changed_complaints)
                deadline = time.perf_counter() + 10
                with arrived:
                    while not new <= seen.keys() and time.perf_counter() < deadline:
                        arrived.wait(timeout=0.5)
                times.append(max(seen[c] for c in new) - started)
                time.sleep(0.05)
            session.close()
        worker.close()
        times.sort()
        median = statistics.median(times) * 1000
        p95 = times[int(0.95 * (len(times) - 1))] * 1000
        print(
            f"inbound at the station -> in another desktop's replica "
            f"({args.complaints} complaints, {len(times)} rounds): "
            f"median {median:.1f} ms, p95 {p95:.1f} ms, max {times[-1] * 1000:.1f} ms"
        )
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
