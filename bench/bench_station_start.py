"""A desktop's start in station mode with a big station: time to a painted queue.

    .venv/bin/python bench/bench_station_start.py                 # 1,000,000 complaints
    .venv/bin/python bench/bench_station_start.py --count 50000   # a quicker look

Measured, each in a fresh process on the offscreen platform, from just before
the process is started:

- a desktop's first start in station mode (an empty replica): the painted
  queue, then how long the whole background copy takes;
- its second start (the replica filled): the painted queue, and the catch-up;
- the baseline: a single PC's start on a SQLCipher file of the same complaints
  (the filled replica, opened as a single PC opens its own file).

The station is a throwaway PostgreSQL cluster kept under the system temp
folder per count (built once by the server itself, ``tests/station/
bulk_station.py``; minutes for a million), started on a free loopback port
for each run and stopped after. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import URL  # noqa: E402

from tests.postgres_support import ROLE, Cluster, _give_to_postgres, server_programs  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "aduan-desk-bench-station"
DBNAME = "aduan_bench"
TARGET_S = 2.0


def cached_station(count: int) -> Cluster:
    """A running cluster whose ``DBNAME`` holds ``count`` complaints (built the first time)."""
    programs = server_programs()
    if programs is None:
        raise SystemExit("PostgreSQL's server programs are not installed (apt install postgresql)")
    folder = CACHE / f"complaints-{count}"
    done, secret = folder / "complete", folder / "password"
    if done.exists():
        cluster = Cluster(programs, folder, password=secret.read_text().strip())
        _start_existing(cluster)
        return cluster
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    if os.geteuid() == 0:
        _give_to_postgres(folder)
    cluster = Cluster(programs, folder)
    cluster._start()
    secret.write_text(cluster.password)
    print(f"building {count:,} complaints in a station cluster under {folder} (once)")
    started = time.perf_counter()
    with cluster.admin() as conn:
        conn.execute(f"CREATE DATABASE {DBNAME} OWNER {ROLE}")
    from desktop.core.store.database import open_postgresql
    from tests.station.bulk_station import add_complaints

    store = open_postgresql(cluster.url(DBNAME))
    try:
        add_complaints(store, count)
    finally:
        store.close()
    with cluster.admin() as conn:
        conn.execute("CHECKPOINT")
    with _connect(cluster) as conn:
        conn.execute("VACUUM ANALYZE")
    done.write_text("built")
    print(f"  built in {time.perf_counter() - started:.0f} s")
    return cluster


def _connect(cluster: Cluster) -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(
        host="127.0.0.1",
        port=cluster.port,
        user="postgres",
        password=cluster.password,
        dbname=DBNAME,
        autocommit=True,
    )


def _start_existing(cluster: Cluster) -> None:
    from tests.postgres_support import _free_port

    cluster.port = _free_port()
    options = (
        f"-c listen_addresses=127.0.0.1 -p {cluster.port} -k {cluster.folder} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )
    log = str(cluster.folder / "server.log")
    cluster._run("pg_ctl", "-D", str(cluster.data), "-l", log, "-w", "-o", options, "start")


def _stop(cluster: Cluster) -> None:
    cluster._run("pg_ctl", "-D", str(cluster.data), "-m", "fast", "-w", "stop")


def _child(*args: str, env: dict[str, str] | None = None) -> dict[str, float]:
    extra = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), **(env or {})}
    t0 = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "bench.station_start_child", str(t0), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **extra},
        check=False,
    )
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        raise SystemExit(done.returncode)
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1_000_000, help="complaints in the station")
    args = parser.parse_args()
    cluster = cached_station(args.count)
    try:
        url: URL = cluster.url(DBNAME)
        station_env = {"ADUAN_BENCH_STATION": url.render_as_string(hide_password=False)}
        with tempfile.TemporaryDirectory(prefix="aduan-bench-station-") as home:
            first = _child("station", home, env=station_env)
            second = _child("station", home, env=station_env)
            baseline = _child("single", home)
    finally:
        _stop(cluster)
    load = os.getloadavg()
    print(f"station start with {args.count:,} complaints (load average {load[0]:.2f})")
    _line("station, first start (empty replica)", first["painted_s"])
    print(f"    rows on screen at paint: {first['rows_at_paint']:.0f}")
    print(f"    whole background copy: {first['filled_s']:.1f} s after the start")
    print(f"    copied: {first['replica_complaints']:,.0f} complaints")
    _line("station, second start (replica filled)", second["painted_s"])
    print(f"    caught up with the station: {second['up_s']:.2f} s after the start")
    _line("single PC, the same complaints (baseline)", baseline["painted_s"])


def _line(label: str, seconds: float) -> None:
    print(f"  {label:<44} {seconds:6.2f} s  ({seconds / TARGET_S:.0%} of the 2 s target)")


if __name__ == "__main__":
    main()
