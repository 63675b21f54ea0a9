"""Fixtures the station tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.postgres_support import Cluster
from tests.station.tcp_proxy import TcpProxy


@pytest.fixture
def proxy(postgres_cluster: Cluster) -> Iterator[TcpProxy]:
    """A forwarder to the station's server that a test can cut (drop or black-hole)."""
    forwarder = TcpProxy(postgres_cluster.port)
    yield forwarder
    forwarder.close()
