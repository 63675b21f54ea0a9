"""Connect fixtures: the simulator with its sign-in, a store, a vault, the apps saved."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from desktop.core.connect.apps import Provider, load_apps, save_apps
from desktop.core.connect.service import Connector
from desktop.core.credentials import MemoryVault
from desktop.core.desk.accounts import Accounts
from desktop.core.store.database import Store
from desktop.simulator import Simulator
from desktop.simulator.signin import apps


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(count=30, seed=3, now=datetime.now(UTC)) as running:
        yield running


@pytest.fixture
def vault() -> MemoryVault:
    return MemoryVault()


@pytest.fixture
def connector(store: Store, vault: MemoryVault, sim: Simulator) -> Connector:
    save_apps(store, vault, apps(sim))
    saved = load_apps(store)
    assert all(app.client_secret is None for app in saved.values())  # secrets: keyring only
    assert set(saved) == set(Provider)
    return Connector(Accounts(store, vault), saved, vault)
