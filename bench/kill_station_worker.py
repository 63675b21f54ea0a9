"""Kill test of the station's worker: SIGKILL the active worker again and again mid-send,
a standby takes over each time; every reply reaches the platform exactly once.

A throwaway PostgreSQL cluster holds the station store; the simulator serves
five platforms over loopback; two ``aduan-desk station worker`` processes run
against them, tokens in the real OS keyring. Each round the bench waits a
random moment, SIGKILLs whichever worker holds the leases, starts a fresh one
(the next standby) and queues more replies. Some sends lose their answer on
the way back (the simulator's faults). At the end one worker finishes the
outbox, and the simulator's record must hold every reply exactly once.

Telegram is left out, as in ``kill_outbox.py`` (see ``kill_support.py``).

    scripts/with-keyring .venv/bin/python bench/kill_station_worker.py --kills 100
"""

from __future__ import annotations

import argparse
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import URL, text, update  # noqa: E402

from bench import kill_support  # noqa: E402
from desktop.core.credentials import KeyringVault, Vault, token_name  # noqa: E402
from desktop.core.model import ReplyState  # noqa: E402
from desktop.core.store import accounts, queries  # noqa: E402
from desktop.core.store import leases as lease_rows  # noqa: E402
from desktop.core.store.database import Store, open_postgresql  # noqa: E402
from desktop.core.store.postgresql import Server  # noqa: E402
from desktop.core.store.schema import OutboxRow  # noqa: E402
from desktop.core.store.station import password_name  # noqa: E402
from desktop.simulator import Fault, Simulator, connect_accounts  # noqa: E402
from tests.postgres_support import ROLE, Cluster, server_programs  # noqa: E402

LEASE = 2.0  # seconds: a takeover within about LEASE * 4/3
IN_FLIGHT = 3.0  # the simulator answers on loopback in milliseconds
TAG = "stasiun"  # in every reply's text


@dataclass
class Station:
    """A station for tests and benchmarks: its store, profile, simulator, worker processes."""

    store: Store
    url: URL
    profile: Path
    folder: Path
    vault: Vault
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)
    _serial: int = 0

    def start_worker(
        self, *, lease: float = LEASE, in_flight: float = IN_FLIGHT, pull_every: float = 1.0
    ) -> subprocess.Popen[bytes]:
        """A worker process; its log is ``log_of(worker)``."""
        self._serial += 1
        home = self.folder / f"worker-{self._serial}"
        home.mkdir(parents=True)
        with (home / "stderr.log").open("wb") as stderr:  # the child keeps its own copy
            worker = self._spawn(home, stderr, lease, in_flight, pull_every)
        self.workers.append(worker)
        return worker

    def _spawn(
        self, home: Path, stderr: BinaryIO, lease: float, in_flight: float, pull_every: float
    ) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            kill_support.cli(
                home, "station", "worker", "--profile", str(self.profile),
                "--lease", str(lease), "--tick", "0.2",
                "--pull-every", str(pull_every), "--in-flight", str(in_flight),
            ),
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env=kill_support.child_env(),
        )  # fmt: skip

    def log_of(self, worker: subprocess.Popen[bytes]) -> str:
        index = self.workers.index(worker) + 1
        return (self.folder / f"worker-{index}" / "stderr.log").read_text(errors="replace")

    def holders(self) -> dict[int, tuple[str, int, bool]]:
        with self.store.read() as conn:
            return lease_rows.holders(conn)

    def active(self) -> subprocess.Popen[bytes] | None:
        """The worker process holding a live lease, if any."""
        live = {h.split(":")[1] for h, _token, ok in self.holders().values() if ok}
        for worker in self.workers:
            if worker.poll() is None and str(worker.pid) in live:
                return worker
        return None

    def wait_for(self, what: Callable[[], object], timeout: float = 30.0) -> object:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = what()
            if found:
                return found
            time.sleep(0.1)
        raise TimeoutError(f"not within {timeout} s")

    def stop_workers(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGCONT)
                worker.send_signal(signal.SIGTERM)
        for worker in self.workers:
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()


@contextmanager
def station(cluster: Cluster, folder: Path, vault: Vault) -> Iterator[Station]:
    """A new station database on ``cluster``, its profile and the login's password in
    ``vault`` (the keyring the worker processes read)."""
    dbname = cluster.create_database()
    url = cluster.url(dbname)
    store = open_postgresql(url)
    profile = folder / "profil.toml"
    profile.write_text(
        '[unit]\nname = "Polres Contoh"\n\n[station]\nkind = "postgresql"\n'
        f'host = "127.0.0.1"\nport = {cluster.port}\ndbname = "{dbname}"\n'
        f'user = "{ROLE}"\nsslmode = "disable"\n',
        encoding="utf-8",
    )
    secret = password_name(Server("127.0.0.1", cluster.port, dbname, ROLE, "disable", None))
    vault.set(secret, cluster.password)
    result = Station(store, url, profile, folder, vault)
    try:
        yield result
    finally:
        result.stop_workers()
        try:
            with store.read() as conn:  # the accounts' tokens go with the station
                listed = accounts.list_accounts(conn, include_disabled=True)
            for account in listed:
                vault.delete(token_name(account.id))
        finally:
            store.close()
            vault.delete(secret)
            cluster.drop_database(dbname)


@dataclass
class KillFigures:
    kills: int
    replies: int
    sent: int
    once: int
    twice: int  # published more than once
    lost: int  # never on the platform and not shown to the officer as failed
    failed: int  # shown to the officer as failed
    failed_but_held: int
    retried: int  # replies that needed more than one attempt (a kill or a fault mid-send)
    takeover_seconds: list[float]  # from a kill to the standby's first live lease
    seconds: float

    @property
    def holds(self) -> bool:
        return not (self.twice or self.lost or self.failed_but_held)


def _due_now(store: Store) -> None:
    """The final phase is not a test of backoff: waiting entries go now."""
    with store.write() as conn:
        conn.execute(
            update(OutboxRow)
            .where(OutboxRow.next_attempt_at.is_not(None))
            .values(next_attempt_at=None)
        )


def run(
    cluster: Cluster,
    kills: int,
    seed: int = 1,
    log: Callable[[str], None] = print,
) -> KillFigures:
    started = time.monotonic()
    rng = random.Random(seed)
    vault = KeyringVault()
    with (
        tempfile.TemporaryDirectory(prefix="aduan-station-kill-") as tmp,
        Simulator(count=60, seed=seed, strict=True) as sim,
        station(cluster, Path(tmp), vault) as st,
    ):
        connect_accounts(sim, st.store, vault, kill_support.CHANNELS)
        st.start_worker()
        st.start_worker()  # the standby
        st.wait_for(lambda: _complaints(st.store) > 0, timeout=60)
        serial = [0]
        texts = kill_support.queue_some(st.store, rng, 10, serial, tag=TAG)
        # Every send takes a moment, so kills land mid-send too.
        sim.inject(Fault("latency", None, method="POST", times=-1, seconds=0.1))
        takeovers: list[float] = []
        st.wait_for(st.active, timeout=60)
        for n in range(kills):
            if rng.random() < 0.3:
                sim.inject(
                    Fault(
                        rng.choice(kill_support.FAULTS),
                        rng.choice(kill_support.CHANNELS),
                        method="POST",
                    )
                )
            texts += kill_support.queue_some(st.store, rng, rng.randint(1, 3), serial, tag=TAG)
            time.sleep(rng.uniform(0.2, 1.5))
            victim = st.wait_for(st.active, timeout=60)
            assert isinstance(victim, subprocess.Popen)
            victim.send_signal(signal.SIGKILL)
            victim.wait()
            killed_at = time.monotonic()
            st.start_worker()  # the next standby
            st.wait_for(st.active, timeout=60)
            takeovers.append(time.monotonic() - killed_at)
            if (n + 1) % 10 == 0:
                log(f"  {n + 1} kills, {len(texts)} replies queued")
        sim.clear_faults()
        deadline = time.monotonic() + 180
        while kill_support.waiting(st.store) and time.monotonic() < deadline:
            _due_now(st.store)
            time.sleep(1.0)
        st.stop_workers()
        with st.store.read() as conn:
            entries = queries.outbox(conn, include_sent=True)
        accepted = kill_support.published(sim)
    ours = set(texts)
    states = {e.reply.text: e.reply.state for e in entries if e.reply.text in ours}
    failed = {t for t, s in states.items() if s is ReplyState.FAILED}
    return KillFigures(
        kills=kills,
        replies=len(texts),
        sent=sum(1 for s in states.values() if s is ReplyState.SENT),
        once=sum(1 for t in texts if accepted[t] == 1),
        twice=sum(1 for t in texts if accepted[t] > 1),
        lost=sum(1 for t in texts if accepted[t] == 0 and t not in failed),
        failed=len(failed),
        failed_but_held=sum(1 for t in failed if accepted[t] > 0),
        retried=sum(1 for e in entries if e.reply.text in ours and e.reply.attempts > 1),
        takeover_seconds=takeovers,
        seconds=time.monotonic() - started,
    )


def _complaints(store: Store) -> int:
    with store.read() as conn:
        return int(conn.execute(text("SELECT count(*) FROM complaint")).scalar() or 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    programs = server_programs()
    if programs is None:
        sys.exit("PostgreSQL's server programs are not installed (scripts/install-system-deps)")
    print(f"Station kill test: {args.kills} SIGKILLs of the active 'station worker'")
    cluster = Cluster.start(programs)
    try:
        result = run(cluster, args.kills, args.seed)
    finally:
        cluster.stop()
    print(f"  replies queued:               {result.replies}")
    print(f"  sent (outbox says):           {result.sent}")
    print(f"  on the platform once:         {result.once}")
    print(f"  published twice or more:      {result.twice}")
    print(f"  lost:                         {result.lost}")
    print(f"  failed (officer told):        {result.failed}")
    print(f"  failed but on the platform:   {result.failed_but_held}")
    print(f"  needed more than one try:     {result.retried}")
    waits = sorted(result.takeover_seconds) or [0.0]
    print(
        f"  takeover after a kill:        median {statistics.median(waits):.1f} s, "
        f"max {waits[-1]:.1f} s (lease {LEASE:.0f} s)"
    )
    print(f"  took {result.seconds:.0f} s; invariant {'HOLDS' if result.holds else 'BROKEN'}")
    sys.exit(0 if result.holds else 1)


if __name__ == "__main__":
    main()
