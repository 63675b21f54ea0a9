"""Fixtures the station tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import URL

from desktop.core.sample import sample_threads
from desktop.core.store.database import Store, open_postgresql
from desktop.core.store.seed import load_sample
from tests.postgres_support import Cluster
from tests.station.tcp_proxy import TcpProxy
from tests.support import NOW


@pytest.fixture
def proxy(postgres_cluster: Cluster) -> Iterator[TcpProxy]:
    """A forwarder to the station's server that a test can cut (drop or black-hole)."""
    forwarder = TcpProxy(postgres_cluster.port)
    yield forwarder
    forwarder.close()


@pytest.fixture
def direct(postgres_url: URL) -> Iterator[Store]:
    """The station's store opened directly (not through a replica), with twelve sample
    complaints; a module that needs another station defines its own ``direct``."""
    store = open_postgresql(postgres_url)
    load_sample(store, sample_threads(12, now=NOW, seed=5))
    yield store
    store.close()
