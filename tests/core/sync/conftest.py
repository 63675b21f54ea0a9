"""Sync fixtures: the simulator on loopback, a store, accounts with tokens in a vault."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from desktop.core.credentials import MemoryVault
from desktop.core.model import POLLED, Channel
from desktop.core.store.database import Store
from desktop.core.sync.engine import SyncEngine
from desktop.simulator import Simulator, connect_accounts

SERVED = POLLED
SIM_COUNT = 60
SIM_SEED = 11


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(count=SIM_COUNT, seed=SIM_SEED, now=datetime.now(UTC)) as running:
        yield running


@pytest.fixture
def vault() -> MemoryVault:
    return MemoryVault()


@pytest.fixture
def accounts(store: Store, vault: MemoryVault, sim: Simulator) -> dict[Channel, int]:
    """One account per served platform, pointed at the simulator."""
    return connect_accounts(sim, store, vault)


@pytest.fixture
def engine(store: Store, vault: MemoryVault, accounts: dict[Channel, int]) -> Iterator[SyncEngine]:
    running = SyncEngine(store, vault)
    yield running
    running.close()
