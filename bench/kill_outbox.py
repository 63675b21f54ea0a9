"""Kill test: replies survive SIGKILL at random moments and reach the platform exactly once.

A simulator runs in this process. Replies are queued in a real home (real
SQLCipher file, key in the real OS keyring); ``aduan-desk sync --once`` runs
as a child process and is killed with SIGKILL at a random moment, again and
again, while new replies keep being queued and some sends lose their answer
on the way back. A clean run then finishes the outbox. The simulator's record
must hold every reply exactly once.

Telegram is left out (see ``kill_support.py``).

By default the simulator runs in strict mode (pages of 1-3 items, the item
before each page boundary repeated, our comments known only by each
platform's documented marker) and each kill may arm one of the faults
``accept_then_drop``, ``drop``, ``truncate`` or ``server_error`` on a
platform's next POST. Figures are per platform: lost (never on the
platform, not shown as failed), published twice, and failed although the
platform holds the reply.

    scripts/with-keyring .venv/bin/python bench/kill_outbox.py --kills 200
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import kill_support  # noqa: E402
from desktop.core.credentials import KeyringVault, database_key  # noqa: E402
from desktop.core.model import Channel, ReplyState  # noqa: E402
from desktop.core.paths import Paths  # noqa: E402
from desktop.core.store import queries  # noqa: E402
from desktop.core.store.database import Store, open_store  # noqa: E402
from desktop.core.sync.engine import SyncEngine  # noqa: E402
from desktop.simulator import Fault, Simulator, connect_accounts  # noqa: E402


@dataclass
class ChannelFigures:
    replies: int = 0
    sent: int = 0
    lost: int = 0  # never on the platform, and not shown to the officer as failed
    twice: int = 0  # on the platform more than once
    failed_but_held: int = 0  # marked failed although the platform holds it
    failed: int = 0  # marked failed (the officer is told)


@dataclass
class KillResult:
    kills: int
    replies: int
    sent: int
    accepted_once: int
    accepted_twice_or_more: int
    missing: int
    retried: int  # replies that needed more than one attempt (killed or cut mid-send)
    seconds: float
    per_channel: dict[Channel, ChannelFigures] | None = None

    @property
    def holds(self) -> bool:
        if self.per_channel is not None:
            return not any(
                f.lost or f.twice or f.failed_but_held for f in self.per_channel.values()
            )
        return self.accepted_once == self.replies and not self.accepted_twice_or_more


def _sync_once(home: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        kill_support.cli(home, "sync", "--once", "--json"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=kill_support.child_env(),
    )


def run(
    kills: int,
    seed: int = 1,
    home: Path | None = None,
    log: Callable[[str], None] = print,
    *,
    strict: bool = True,
) -> KillResult:
    started = time.monotonic()
    rng = random.Random(seed)
    vault = KeyringVault()
    with (
        tempfile.TemporaryDirectory(prefix="aduan-kill-") as tmp,
        Simulator(count=80, seed=seed, strict=strict) as sim,
    ):
        paths = Paths(home or Path(tmp) / "home")
        store = open_store(paths, vault)
        try:
            _prepare(store, vault, sim)
            serial = [0]
            texts = kill_support.queue_some(store, rng, 10, serial)
            # Every send takes a little while, so kills land mid-send too.
            sim.inject(Fault("latency", None, method="POST", times=-1, seconds=0.02))
            for n in range(kills):
                if rng.random() < 0.3:
                    kind = rng.choice(kill_support.FAULTS) if strict else "accept_then_drop"
                    sim.inject(Fault(kind, rng.choice(kill_support.CHANNELS), method="POST"))
                proc = _sync_once(paths.home)
                time.sleep(rng.uniform(0.3, 1.6))  # start-up takes ~0.6 s
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                texts += kill_support.queue_some(store, rng, rng.randint(0, 2), serial)
                if (n + 1) % 25 == 0:
                    log(f"  {n + 1} kills, {len(texts)} replies queued")
            sim.clear_faults()
            for _ in range(10):  # the clean run (a few rounds: backoffs)
                _force_due(store)
                subprocess.run(
                    kill_support.cli(paths.home, "sync", "--once"),
                    check=True,
                    capture_output=True,
                    env=kill_support.child_env(),
                )
                if not kill_support.waiting(store):
                    break
            with store.read() as conn:
                entries = queries.outbox(conn, include_sent=True)
            states = Counter(e.reply.state for e in entries)
            retried = sum(1 for e in entries if e.reply.attempts > 1)
        finally:
            store.close()
            _forget_key(vault, paths)
        accepted = kill_support.published(sim)
        once = sum(1 for t in texts if accepted[t] == 1)
        twice = sum(1 for t in texts if accepted[t] > 1)
        missing = sum(1 for t in texts if accepted[t] == 0)
        figures = {c: ChannelFigures() for c in kill_support.CHANNELS}
        for entry in entries:
            one = figures[entry.channel]
            held, failed = accepted[entry.reply.text], entry.reply.state is ReplyState.FAILED
            one.replies += 1
            one.sent += entry.reply.state is ReplyState.SENT
            one.failed += failed
            one.lost += held == 0 and not failed
            one.twice += held > 1
            one.failed_but_held += failed and held > 0
    return KillResult(
        kills, len(texts), states[ReplyState.SENT], once, twice, missing, retried,
        time.monotonic() - started, figures,
    )  # fmt: skip


def run_concurrent(replies: int = 30, processes: int = 2, seed: int = 3) -> KillResult:
    """Several ``sync --once`` processes on the same home at the same moment."""
    started = time.monotonic()
    rng = random.Random(seed)
    vault = KeyringVault()
    with (
        tempfile.TemporaryDirectory(prefix="aduan-twice-") as tmp,
        Simulator(count=80, seed=seed) as sim,
    ):
        paths = Paths(Path(tmp) / "home")
        store = open_store(paths, vault)
        try:
            _prepare(store, vault, sim)
            texts = kill_support.queue_some(store, rng, replies, [0])
            sim.inject(Fault("latency", None, method="POST", times=-1, seconds=0.02))
            children = [_sync_once(paths.home) for _ in range(processes)]
            for child in children:
                child.wait(timeout=300)
            with store.read() as conn:
                entries = queries.outbox(conn, include_sent=True)
        finally:
            store.close()
            _forget_key(vault, paths)
        accepted = kill_support.published(sim)
    return KillResult(
        processes,
        len(texts),
        sum(1 for e in entries if e.reply.state is ReplyState.SENT),
        sum(1 for t in texts if accepted[t] == 1),
        sum(1 for t in texts if accepted[t] > 1),
        sum(1 for t in texts if accepted[t] == 0),
        sum(1 for e in entries if e.reply.attempts > 1),
        time.monotonic() - started,
    )


def _prepare(store: Store, vault: KeyringVault, sim: Simulator) -> None:
    """Accounts pointed at the simulator, and its complaints pulled in."""
    connect_accounts(sim, store, vault, kill_support.CHANNELS)
    engine = SyncEngine(store, vault)
    try:
        for _ in range(3):
            engine.run_once(force=True)
    finally:
        engine.close()


def _forget_key(vault: KeyringVault, paths: Paths) -> None:
    db_id = paths.database_id.read_text().strip() if paths.database_id.exists() else ""
    if db_id and database_key(vault, db_id) is not None:
        vault.delete(f"database-key/{db_id}")


def _force_due(store: Store) -> None:
    """Let backed-off entries and accounts go now (the clean run is not a test of backoff),
    and claims of killed processes be read back now: their requests ended with them (the
    simulator answers in milliseconds), so the in-flight wait has nothing left to wait for."""
    from sqlalchemy import select, update

    from desktop.core.model import ReplyState
    from desktop.core.store.schema import AccountRow, OutboxRow
    from desktop.core.sync.outbox import IN_FLIGHT

    with store.write() as conn:
        conn.execute(update(OutboxRow).values(next_attempt_at=None))
        claims = conn.execute(
            select(OutboxRow.id, OutboxRow.claimed_at).where(
                OutboxRow.state == ReplyState.SENDING.value, OutboxRow.claimed_at.is_not(None)
            )
        ).all()
        for entry_id, claimed_at in claims:
            conn.execute(
                update(OutboxRow)
                .where(OutboxRow.id == entry_id)
                .values(claimed_at=claimed_at - IN_FLIGHT)
            )
        conn.execute(update(AccountRow).values(next_sync_at=None))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--lenient", action="store_true", help="the simulator's easy mode, accept_then_drop only"
    )
    args = parser.parse_args()
    mode = "lenient" if args.lenient else "strict, faults: " + ", ".join(kill_support.FAULTS)
    print(f"Kill test: {args.kills} SIGKILLs of 'aduan-desk sync --once' ({mode})")
    result = run(args.kills, args.seed, strict=not args.lenient)
    print(f"  replies queued:            {result.replies}")
    print(f"  sent (outbox says):        {result.sent}")
    print(f"  on the platform once:      {result.accepted_once}")
    print(f"  on the platform 2+ times:  {result.accepted_twice_or_more}")
    print(f"  never arrived:             {result.missing}")
    print(f"  needed more than one try:  {result.retried}")
    print(f"  {'platform':<10} replies  sent  lost  twice  failed  failed-but-held")
    for channel, f in (result.per_channel or {}).items():
        print(
            f"  {channel.value:<10} {f.replies:>7} {f.sent:>5} {f.lost:>5} {f.twice:>6} "
            f"{f.failed:>7} {f.failed_but_held:>16}"
        )
    print(f"  took {result.seconds:.0f} s; invariant {'HOLDS' if result.holds else 'BROKEN'}")
    twice = run_concurrent()
    print(
        f"Two sync processes at once: {twice.replies} replies, {twice.accepted_once} once, "
        f"{twice.accepted_twice_or_more} twice or more, {twice.missing} missing"
    )
    sys.exit(0 if result.holds and twice.holds else 1)


if __name__ == "__main__":
    main()
