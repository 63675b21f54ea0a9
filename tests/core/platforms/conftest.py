"""Fixtures for the platform adapter tests: a loopback server and a session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.core.platforms.http import PlatformSession
from tests.core.platforms.platform_testkit import Loopback


@pytest.fixture
def loopback() -> Iterator[Loopback]:
    server = Loopback()
    yield server
    server.close()


@pytest.fixture
def session() -> Iterator[PlatformSession]:
    with PlatformSession(connect_timeout=2.0, read_timeout=2.0) as platform_session:
        yield platform_session
