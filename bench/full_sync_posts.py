"""A first full sync of an account with 500 posts: requests, seconds, rounds.

The simulator gets 500 posts spread over the last 60 days, a citizen's
comment on every second one; one account per platform with posts
(Instagram, Facebook, TikTok) is synced round after round (each round spends
at most the adapter's request budget) until a round brings nothing new. Every
comment on a post inside the 30-day horizon must be found, none older.

    .venv/bin/python bench/full_sync_posts.py [--strict]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from desktop.core.credentials import MemoryVault  # noqa: E402
from desktop.core.model import Channel  # noqa: E402
from desktop.core.store.database import open_with_key  # noqa: E402
from desktop.core.store.schema import MessageRow  # noqa: E402
from desktop.core.sync.engine import SyncEngine  # noqa: E402
from desktop.simulator import Simulator, connect_accounts  # noqa: E402

POSTS = 500
SPAN = timedelta(days=60)
HORIZON = timedelta(days=30)


def measure(channel: Channel, *, strict: bool) -> str:
    with (
        tempfile.TemporaryDirectory(prefix="aduan-posts-") as tmp,
        Simulator(count=20, seed=3, strict=strict) as sim,
    ):
        posted = sim.add_posts(channel, POSTS, span=SPAN, every=2)
        store = open_with_key(Path(tmp) / "store.db", b"k" * 32)
        vault = MemoryVault()
        connect_accounts(sim, store, vault, (channel,))
        engine = SyncEngine(store, vault)
        before = sim.requests[channel]
        started = time.monotonic()
        rounds = 0
        try:
            while rounds < 100:
                rounds += 1
                report = engine.run_once(force=True)
                if all(p.new_messages == 0 for p in report.pulls):
                    break
        finally:
            engine.close()
        seconds = time.monotonic() - started
        with store.read() as conn:
            stored = set(conn.execute(select(MessageRow.platform_id)).scalars())
        store.close()
    inside = [c for c in posted if c.post_age < HORIZON - timedelta(hours=12)]
    outside = [c for c in posted if c.post_age > HORIZON + timedelta(hours=12)]
    found = sum(1 for c in inside if c.id in stored)
    beyond = sum(1 for c in outside if c.id in stored)
    requests = sim.requests[channel] - before
    return (
        f"  {channel.value:<10} {found:>4} of {len(inside):>3} complaints inside the horizon, "
        f"{beyond} beyond; {requests:>5} requests, {seconds:5.1f} s, {rounds} rounds"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--strict", action="store_true", help="pages of 1-3 items")
    args = parser.parse_args()
    mode = "strict" if args.strict else "normal pages"
    print(f"First sync of an account with {POSTS} posts over {SPAN.days} days ({mode}):")
    for channel in (Channel.INSTAGRAM, Channel.FACEBOOK, Channel.TIKTOK):
        print(measure(channel, strict=args.strict), flush=True)


if __name__ == "__main__":
    main()
