"""20 desktops × 5 actions/s against one station PostgreSQL on this machine.

Starts a throwaway PostgreSQL (Debian's server programs, as the tests do) with
durable commits (fsync and synchronous_commit on, unlike the tests' cluster),
creates a station database with its officer group and one login per desktop,
loads sample complaints, then runs ``--desktops`` processes. Each process is
one officer's desktop (its own login, its own ``Desk``) doing ``--rate``
actions a second for ``--seconds``, on a fixed schedule: a status change, a
progress note and a queued reply (with its outbox entry) in turn, on random
complaints, plus a presence refresh every 5 s as a window does. An action the
store refuses as "busy" (a deadlock victim or a lock timeout: rolled back
whole, the window says "try again shortly") is pressed again, as an officer
would, up to BUSY_RETRIES times; those are counted. An action's
latency is from its scheduled start (so falling behind counts) to its commit.

At the end every effect is counted in the database by officer: each status
change, note, reply and outbox entry a desktop saw committed must be there,
once. Status changes refused because another officer had just moved the
complaint (a legal outcome) are counted apart.

``--pages N``: meanwhile one more process, as the schema's owner, stores N
pulled pages a second (3 new inbound messages each, into random complaints
the desktops work on), as the station worker does; its "busy" refusals are
counted too (a page store and a status change on one complaint deadlocked
before migration 0011).

    .venv/bin/python bench/station_load.py [--desktops 20] [--rate 5] [--seconds 60] [--pages 2]

Prints figures; exits 1 if anything was lost or duplicated.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from desktop.core.store.database import Store
    from tests.postgres_support import Cluster

KINDS = ("status", "note", "reply")
Output = dict[str, Any]
PRESENCE_EVERY_S = 5.0
BUSY_RETRIES = 5  # "the database is busy, try again": a deadlock victim, rolled back whole


def worker(url: str, seconds: float, rate: float, start_at: float, seed: int) -> None:
    """One desktop: print a JSON line of what it did and how long each action took."""
    from sqlalchemy import select

    from desktop.core.credentials import MemoryVault
    from desktop.core.desk import Desk
    from desktop.core.errors import UserError
    from desktop.core.model import TRANSITIONS, Status
    from desktop.core.paths import Paths
    from desktop.core.store.database import open_postgresql
    from desktop.core.store.presence import Activity
    from desktop.core.store.schema import ComplaintRow

    rng = random.Random(seed)
    store = open_postgresql(url)
    desk = Desk(store, MemoryVault(), Paths(Path("/nonexistent")))
    with store.read() as conn:
        ids = list(conn.execute(select(ComplaintRow.id)).scalars())
    done = {kind: 0 for kind in KINDS}
    refused = busy = given_up = 0
    latencies: dict[str, list[float]] = {kind: [] for kind in KINDS}
    service: list[float] = []  # from the click to the commit, whatever the backlog
    interval = 1.0 / rate
    count = int(seconds * rate)
    next_presence = start_at
    for i in range(count):
        due = start_at + i * interval
        wait = due - time.time()
        if wait > 0:
            time.sleep(wait)
        complaint = rng.choice(ids)
        kind = KINDS[i % len(KINDS)]
        if kind == "status":  # what the window already shows, read before the click
            with store.read() as conn:
                current = Status(
                    conn.execute(
                        select(ComplaintRow.status).where(ComplaintRow.id == complaint)
                    ).scalar_one()
                )
            target = rng.choice(sorted(TRANSITIONS[current]))
        began = time.time()
        for _attempt in range(BUSY_RETRIES + 1):
            try:
                if kind == "status":
                    desk.complaints.change_status(complaint, target, "")
                elif kind == "note":
                    desk.complaints.note(complaint, f"Catatan beban {seed}-{i}", "")
                else:
                    desk.complaints.reply(complaint, f"Balasan beban {seed}-{i}", "")
            except UserError as exc:
                if exc.code == "database_busy":  # rolled back whole; the officer presses again
                    busy += 1
                    continue
                if exc.code != "illegal_transition":
                    raise
                refused += 1  # another officer moved it between the read and the click
            else:
                done[kind] += 1
            break
        else:
            given_up += 1
        latencies[kind].append(time.time() - due)
        service.append(time.time() - began)
        if time.time() >= next_presence:
            desk.complaints.mark_presence(complaint, "", Activity.VIEWING)
            next_presence += PRESENCE_EVERY_S
    store.close()
    summary = {"done": done, "refused": refused, "busy": busy, "given_up": given_up}
    print(json.dumps({**summary, "latencies": latencies, "service": service}))


def page_writer(url: str, seconds: float, rate: float, start_at: float, seed: int) -> None:
    """The worker's side: pages of new inbound messages; print a JSON line of what it did."""
    from sqlalchemy import select

    from desktop.core.errors import UserError
    from desktop.core.model import Channel, InboundItem
    from desktop.core.store.database import open_postgresql
    from desktop.core.store.ingest import ingest
    from desktop.core.store.schema import ComplaintRow

    rng = random.Random(seed)
    store = open_postgresql(url)
    with store.read() as conn:
        threads = conn.execute(
            select(ComplaintRow.account_id, ComplaintRow.channel, ComplaintRow.thread_id)
        ).all()
    pages = busy = given_up = 0
    for i in range(int(seconds * rate)):
        wait = start_at + i / rate - time.time()
        if wait > 0:
            time.sleep(wait)
        account = rng.choice(threads)[0]
        its = [t for t in threads if t[0] == account]
        chosen = rng.sample(its, min(3, len(its)))
        now = datetime.now(UTC)
        items = [
            InboundItem(Channel(kind), thread, f"bench-{seed}-{i}-{n}", "u", "Warga", "Cek", now)
            for n, (_, kind, thread) in enumerate(chosen)
        ]
        for _attempt in range(BUSY_RETRIES + 1):
            try:
                ingest(store, account, items, None)
            except UserError as exc:
                if exc.code != "database_busy":
                    raise
                busy += 1
                continue
            pages += 1
            break
        else:
            given_up += 1
    store.close()
    print(json.dumps({"pages": pages, "busy": busy, "given_up": given_up}))


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desktops", type=int, default=20)
    parser.add_argument("--rate", type=float, default=5.0, help="actions per second per desktop")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--complaints", type=int, default=2000)
    parser.add_argument("--pages", type=float, default=0.0, help="pulled pages per second")
    parser.add_argument("--worker", nargs=4, metavar=("URL", "SECONDS", "RATE", "START"))
    parser.add_argument("--page-writer", nargs=4, metavar=("URL", "SECONDS", "RATE", "START"))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.worker:
        url, seconds, rate, start_at = args.worker
        worker(url, float(seconds), float(rate), float(start_at), args.seed)
        return 0
    if args.page_writer:
        url, seconds, rate, start_at = args.page_writer
        page_writer(url, float(seconds), float(rate), float(start_at), args.seed)
        return 0

    from psycopg import sql
    from sqlalchemy import text

    from desktop.core.sample import sample_threads
    from desktop.core.station import roles
    from desktop.core.store.database import open_postgresql
    from desktop.core.store.seed import load_sample
    from tests.postgres_support import ROLE, Cluster, require_server_programs

    cluster = Cluster.start(require_server_programs())
    try:
        # Durable commits, as a station's server has them (the tests' cluster turns them off).
        cluster._run(
            "pg_ctl",
            "-D",
            str(cluster.data),
            "-l",
            str(cluster.folder / "server.log"),
            "-w",
            "-o",
            f"-c listen_addresses=127.0.0.1 -p {cluster.port} -k {cluster.folder}",
            "restart",
        )
        database = cluster.create_database()
        owner = open_postgresql(cluster.url(database))
        load_sample(owner, sample_threads(args.complaints, now=datetime.now(UTC), seed=3))
        with owner.read() as conn:
            fsync = conn.execute(text("SHOW fsync")).scalar_one()
            commit = conn.execute(text("SHOW synchronous_commit")).scalar_one()
        logins = [f"bench_officer_{n}" for n in range(args.desktops)]
        run_in_station(cluster, database, roles.recipe(database, ROLE))
        for n, login in enumerate(logins):
            run_in_station(cluster, database, roles.add_officer(database, login, f"Petugas {n}"))
            with cluster.admin() as admin:
                admin.execute(
                    sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                        sql.Identifier(login), sql.Literal(cluster.password)
                    )
                )
        before = effects(owner)
        start_at = time.time() + 8.0 + 1.0 * args.desktops  # every process started and ready
        processes = [
            subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "--seed",
                    str(n),
                    "--worker",
                    cluster.url(database, user=login).render_as_string(hide_password=False),
                    str(args.seconds),
                    str(args.rate),
                    str(start_at),
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            for n, login in enumerate(logins)
        ]
        owner_url = cluster.url(database).render_as_string(hide_password=False)
        timing = [str(args.seconds), str(args.pages), str(start_at)]
        command = [sys.executable, __file__, "--page-writer", owner_url, *timing]
        writers = 1 if args.pages > 0 else 0
        pulling = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True)] * writers
        outputs: list[Output] = [
            json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in processes
        ]
        pulled = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in pulling]
        wall = time.time() - start_at
        print(f"machine: {os.cpu_count()} cores, load average at the end {os.getloadavg()[0]:.1f}")
        after = effects(owner)
        owner.close()
    finally:
        cluster.stop()
    report(args, outputs, before, after, wall, fsync, commit)
    for done in pulled:
        print(
            f"  pulled pages stored: {done['pages']}; 'database busy': {done['busy']}; "
            f"given up after {BUSY_RETRIES} retries: {done['given_up']}"
        )
    return 0 if lost_or_doubled(args, outputs, before, after) == 0 else 1


def run_in_station(cluster: Cluster, database: str, statements: list[str]) -> None:
    import psycopg

    with psycopg.connect(
        host="127.0.0.1",
        port=cluster.port,
        user="postgres",
        password=cluster.password,
        dbname=database,
        autocommit=True,
    ) as conn:
        for statement in statements:
            conn.execute(statement.encode())


def effects(store: Store) -> dict[str, dict[str, int]]:
    """Rows per officer: status changes, notes, replies, outbox entries."""
    from sqlalchemy import text

    queries = {
        "status": "SELECT officer, count(*) FROM status_change GROUP BY officer",
        "note": "SELECT officer, count(*) FROM note GROUP BY officer",
        "reply": "SELECT officer, count(*) FROM reply GROUP BY officer",
        "outbox": "SELECT r.officer, count(*) FROM outbox o JOIN reply r ON r.id = o.reply_id "
        "GROUP BY r.officer",
    }
    found: dict[str, dict[str, int]] = {}
    with store.read() as conn:
        for kind, query in queries.items():
            found[kind] = {str(name): int(n) for name, n in conn.execute(text(query))}
    return found


def _new(before: dict[str, dict[str, int]], after: dict[str, dict[str, int]], kind: str) -> int:
    return sum(
        n - before[kind].get(name, 0)
        for name, n in after[kind].items()
        if name.startswith("Petugas ")
    )


def lost_or_doubled(
    args: argparse.Namespace,
    outputs: list[Output],
    before: dict[str, dict[str, int]],
    after: dict[str, dict[str, int]],
) -> int:
    reported = {kind: int(sum(o["done"][kind] for o in outputs)) for kind in KINDS}
    differences = sum(abs(_new(before, after, kind) - reported[kind]) for kind in KINDS)
    return differences + abs(_new(before, after, "outbox") - reported["reply"])


def report(
    args: argparse.Namespace,
    outputs: list[Output],
    before: dict[str, dict[str, int]],
    after: dict[str, dict[str, int]],
    wall: float,
    fsync: str,
    commit: str,
) -> None:
    every = [v for o in outputs for kind in KINDS for v in o["latencies"][kind]]
    planned = args.desktops * int(args.seconds * args.rate)
    print(
        f"{args.desktops} desktops × {args.rate:g} actions/s × {args.seconds:g} s "
        f"= {planned} actions planned; {len(every)} made in {wall:.1f} s "
        f"({len(every) / wall:.1f}/s); server fsync={fsync}, synchronous_commit={commit}"
    )
    ms = [v * 1000 for v in every]
    print(
        f"action latency (from scheduled start to commit): median {statistics.median(ms):.1f} ms, "
        f"p95 {_percentile(ms, 0.95):.1f} ms, p99 {_percentile(ms, 0.99):.1f} ms, "
        f"max {max(ms):.1f} ms"
    )
    took = [v * 1000 for o in outputs for v in o["service"]]
    print(
        f"action service time (from its actual start to commit): median "
        f"{statistics.median(took):.1f} ms, p95 {_percentile(took, 0.95):.1f} ms, "
        f"p99 {_percentile(took, 0.99):.1f} ms"
    )
    late = sum(1 for v in ms if v > 1000)
    print(f"actions committed more than 1 s after their scheduled start: {late} of {len(ms)}")
    for kind in KINDS:
        values = [v * 1000 for o in outputs for v in o["latencies"][kind]]
        print(
            f"  {kind:6}: n={len(values)} median {statistics.median(values):.1f} ms, "
            f"p95 {_percentile(values, 0.95):.1f} ms"
        )
    refused = sum(o["refused"] for o in outputs)
    for kind in KINDS:
        reported = sum(o["done"][kind] for o in outputs)
        print(f"  {kind:6}: committed {reported}, found {_new(before, after, kind)}")
    replies = sum(o["done"]["reply"] for o in outputs)
    print(
        f"  outbox: one entry per reply expected {replies}, found {_new(before, after, 'outbox')}"
    )
    print(f"  status changes refused (another officer had just moved the complaint): {refused}")
    busy = sum(o["busy"] for o in outputs)
    given_up = sum(o["given_up"] for o in outputs)
    print(
        f"  'database busy' (deadlock or lock timeout; rolled back, pressed again): {busy}; "
        f"given up after {BUSY_RETRIES} retries: {given_up}"
    )
    print(f"lost or duplicated: {lost_or_doubled(args, outputs, before, after)}")


if __name__ == "__main__":
    sys.exit(main())
