"""Shared fixtures: real files in temporary folders, the real keyring."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

# Tests never open a window on a screen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.core.credentials import KeyringVault
from desktop.core.model import Channel, InboundItem
from desktop.core.paths import HOME_ENV, Paths
from desktop.core.sample import sample_threads
from desktop.core.store.database import Store, open_postgresql, open_with_key
from desktop.core.store.seed import load_sample
from tests.keyring_support import require_secret_service
from tests.postgres_support import Cluster, empty_tables, require_server_programs
from tests.support import NOW, ItemFactory, add_account


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Paths:
    """An empty data folder, also named by ADUAN_DESK_HOME."""
    folder = tmp_path / "home"
    monkeypatch.setenv(HOME_ENV, str(folder))
    return Paths(folder)


@pytest.fixture
def store_key() -> bytes:
    return secrets.token_bytes(32)


DIALECTS = ("sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked ``both_dialects`` that use ``store`` run on SQLite and on PostgreSQL."""
    if "store" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_dialects"):
        metafunc.parametrize("store", DIALECTS, indirect=True)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """A throwaway PostgreSQL cluster on 127.0.0.1 for the whole run (skipped when
    PostgreSQL is not installed, failed instead under CI)."""
    cluster = Cluster.start(require_server_programs())
    yield cluster
    cluster.stop()


@pytest.fixture
def postgres_url(postgres_cluster: Cluster) -> Iterator[URL]:
    """An empty database of its own on the throwaway cluster."""
    name = postgres_cluster.create_database()
    yield postgres_cluster.url(name)
    postgres_cluster.drop_database(name)


@pytest.fixture(scope="session")
def postgres_migrated(postgres_cluster: Cluster) -> URL:
    """A database migrated to head once, emptied for each test's store (a new
    database each time would cost ten times as much)."""
    url = postgres_cluster.url(postgres_cluster.create_database())
    open_postgresql(url).close()
    return url


@pytest.fixture
def store(request: pytest.FixtureRequest, tmp_path: Path, store_key: bytes) -> Iterator[Store]:
    """A new encrypted store in a real file, with a random key; with the parameter
    ``"postgresql"`` (see ``both_dialects``), a new database on the test cluster."""
    if getattr(request, "param", "sqlite") == "postgresql":
        opened = open_postgresql(request.getfixturevalue("postgres_migrated"))
        with opened.write() as conn:
            empty_tables(conn)
    else:
        opened = open_with_key(tmp_path / "store.db", store_key)
    yield opened
    opened.close()


SAMPLE_COUNT = 100


@pytest.fixture
def sample_store(store: Store) -> Store:
    """The encrypted test store with 100 realistic complaints dated before ``NOW``."""
    load_sample(store, sample_threads(SAMPLE_COUNT, now=NOW, seed=11))
    return store


@pytest.fixture
def account_id(store: Store) -> int:
    return add_account(store, Channel.X, "humas_polres_contoh")


@pytest.fixture
def make_item() -> ItemFactory:
    """Build an inbound item; ``n`` numbers its ids, ``hours_ago`` dates it."""

    def make(
        n: int,
        *,
        thread: str | None = None,
        hours_ago: float = 1.0,
        text: str = "Motor saya hilang di parkiran pasar, tolong dibantu pak",
        author: str = "Budi Santoso",
        outbound: bool = False,
        channel: Channel = Channel.X,
    ) -> InboundItem:
        return InboundItem(
            channel=channel,
            thread_id=thread or f"t{n}",
            platform_id=f"m{n}",
            author_id="own" if outbound else f"u{n}",
            author_name="Humas" if outbound else author,
            text=text,
            platform_time=NOW - timedelta(hours=hours_ago),
            outbound=outbound,
        )

    return make


@pytest.fixture(scope="session")
def keyring_vault() -> KeyringVault:
    """The real OS keyring (SecretService under dbus in CI).

    Skipped where none is reachable, except under CI, where that fails.
    """
    require_secret_service()
    return KeyringVault()
