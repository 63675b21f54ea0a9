"""Fixtures for the simulator tests: a real server on loopback, a real HTTP client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from desktop.simulator import Simulator
from tests.simulator.helpers import COUNT, NOW, SEED


@pytest.fixture
def sim() -> Iterator[Simulator]:
    """A running simulator with the standard sample world (fresh per test)."""
    with Simulator(count=COUNT, seed=SEED, now=NOW) as running:
        yield running


@pytest.fixture
def http() -> Iterator[requests.Session]:
    """A plain HTTP client; closed after the test (no stray sockets)."""
    with requests.Session() as session:
        yield session
