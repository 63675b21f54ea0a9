"""Outbox benchmark: push 5,000 queued replies to the simulator over loopback.

Prints replies per second and the most replies one account had in flight at
once (the per-account limit must hold). Asserts nothing.

    .venv/bin/python bench/bench_push.py [--replies 5000] [--per-account 2]
"""

from __future__ import annotations

import argparse
import secrets
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.core.credentials import MemoryVault  # noqa: E402
from desktop.core.model import (  # noqa: E402
    Account,
    Channel,
    InboundItem,
)
from desktop.core.platforms.base import Adapter, Page, PostedReply  # noqa: E402
from desktop.core.store import actions, queries, queue_pages  # noqa: E402
from desktop.core.store.database import open_with_key  # noqa: E402
from desktop.core.sync.adapters import AdapterProvider  # noqa: E402
from desktop.core.sync.engine import SyncEngine  # noqa: E402
from desktop.core.sync.push import PushPolicy, Sender  # noqa: E402
from desktop.simulator import Simulator, connect_accounts  # noqa: E402

# Telegram is served too, but its replies cannot be read back: left out so the
# figure is about the common path.
CHANNELS = (Channel.INSTAGRAM, Channel.FACEBOOK, Channel.X, Channel.YOUTUBE, Channel.TIKTOK)


class InFlight:
    """Counts the replies each account has on the wire at once."""

    def __init__(self) -> None:
        self.now: Counter[int] = Counter()
        self.most: defaultdict[int, int] = defaultdict(int)
        self.lock = threading.Lock()


class CountingAdapter:
    def __init__(self, inner: Adapter, account_id: int, flight: InFlight) -> None:
        self._inner, self._account, self._flight = inner, account_id, flight
        self.channel = inner.channel
        self.max_reply_length = inner.max_reply_length
        self.supports_read_back = inner.supports_read_back

    def fetch(self, cursor: str | None) -> Page:
        return self._inner.fetch(cursor)

    def read_back(self, thread_id: str) -> Sequence[InboundItem]:
        return self._inner.read_back(thread_id)

    def post_reply(self, thread_id: str, parent_id: str, text: str) -> PostedReply:
        with self._flight.lock:
            self._flight.now[self._account] += 1
            self._flight.most[self._account] = max(
                self._flight.most[self._account], self._flight.now[self._account]
            )
        try:
            return self._inner.post_reply(thread_id, parent_id, text)
        finally:
            with self._flight.lock:
                self._flight.now[self._account] -= 1


class CountingProvider(AdapterProvider):
    def __init__(self, vault: MemoryVault, flight: InFlight) -> None:
        super().__init__(vault)
        self._flight = flight

    def adapter(self, account: Account) -> Adapter:
        return CountingAdapter(super().adapter(account), account.id, self._flight)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--replies", type=int, default=5000)
    parser.add_argument("--per-account", type=int, default=2)
    args = parser.parse_args()
    vault = MemoryVault()
    with (
        tempfile.TemporaryDirectory(prefix="aduan-bench-push-") as tmp,
        Simulator(count=int(args.replies * 1.4), seed=21) as sim,
    ):
        store = open_with_key(Path(tmp) / "push.db", secrets.token_bytes(32))
        connect_accounts(sim, store, vault, CHANNELS)
        engine = SyncEngine(store, vault)
        for _ in range(10):
            if sum(p.new_messages for p in engine.run_once(force=True).pulls) == 0:
                break
        engine.close()
        with store.read() as conn:
            ids = queue_pages.queue_ids(conn, queries.QueueFilter())[: args.replies]
        for n, complaint_id in enumerate(ids):
            actions.queue_reply(
                store, complaint_id, f"Terima kasih, sudah kami respons ({n}).", "uji"
            )
        flight = InFlight()
        provider = CountingProvider(vault, flight)
        sender = Sender(store, provider, policy=PushPolicy(per_account=args.per_account))
        started = time.perf_counter()
        sent = 0
        for _ in range(20):
            report = sender.push_due()
            sent += report.sent
            if report.sent == 0:
                break
        seconds = time.perf_counter() - started
        provider.close()
        store.close()
        accepted = len(sim.accepted_replies())
    print(f"Push of {len(ids):,} queued replies over loopback, {len(CHANNELS)} accounts")
    print(f"  sent {sent:,} in {seconds:.1f} s: {sent / seconds:,.0f} replies/s")
    print(f"  accepted by the simulator: {accepted:,}")
    print(
        f"  most in flight per account: {max(flight.most.values(), default=0)}"
        f" (limit {args.per_account})"
    )


if __name__ == "__main__":
    main()
