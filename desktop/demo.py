"""The demo: a throwaway home, the built-in simulator, and accounts pointed at it.

Everything the officer's window does runs for real — the store is encrypted
(its key only in memory), the accounts sync over loopback HTTP and replies
are sent to the simulator — only nothing is kept afterwards.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.core.connect.apps import save_apps
from desktop.core.credentials import MemoryVault
from desktop.core.paths import Paths
from desktop.core.sample import sample_threads
from desktop.core.store.database import Store, open_store
from desktop.core.store.seed import apply_statuses_and_notes, record_desk_replies
from desktop.core.sync.engine import SyncEngine
from desktop.core.sync.states import SyncState
from desktop.simulator import Simulator, connect_accounts
from desktop.simulator.signin import apps


@dataclass(frozen=True, slots=True)
class Demo:
    store: Store
    paths: Paths
    vault: MemoryVault
    simulator: Simulator


@contextmanager
def demo_home(count: int = 300, seed: int = 1) -> Iterator[Demo]:
    """A ready demo: accounts registered and the first sync done."""
    now = datetime.now(UTC)
    with (
        tempfile.TemporaryDirectory(prefix="aduan-desk-demo-") as folder,
        Simulator(count=count, seed=seed, now=now) as simulator,
    ):
        paths = Paths(Path(folder))
        vault = MemoryVault()
        store = open_store(paths, vault)
        try:
            # The simulator's apps, as a unit profile would set them: Akun → Hubungkan akun
            # signs in against the simulator (client secrets go to the in-memory keyring).
            save_apps(store, vault, apps(simulator))
            accounts = {
                simulator.world.board(channel).account: account_id
                for channel, account_id in connect_accounts(simulator, store, vault).items()
            }
            first_sync(store, vault)
            # What officers did before the demo began: statuses, notes, the replies they sent.
            threads = list(sample_threads(count, now=now, seed=seed))
            apply_statuses_and_notes(store, threads, accounts)
            record_desk_replies(store, threads, accounts)
            yield Demo(store, paths, vault, simulator)
        finally:
            store.close()
            close_logs_under(Path(folder))


def close_logs_under(folder: Path) -> None:
    """Close the log files the run opened in ``folder``: Windows cannot delete open files."""
    for name in ("", "desktop"):
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            path = getattr(handler, "baseFilename", None)
            if path is not None and Path(path).is_relative_to(folder):
                logger.removeHandler(handler)
                handler.close()


def first_sync(store: Store, vault: MemoryVault, rounds: int = 10) -> None:
    """Pull until every account has everything the simulator serves."""
    engine = SyncEngine(store, vault)
    try:
        for _ in range(rounds):
            report = engine.run_once(force=True)
            if all(p.new_messages == 0 and p.state is SyncState.OK for p in report.pulls):
                return
    finally:
        engine.close()
