"""Fixtures of the credentials tests: the real keyring.

Tests marked ``keyring`` use the real Secret Service (gnome-keyring on a
private D-Bus, see ``scripts/with-keyring``). Without one they are skipped,
except under CI (``CI`` set), where a missing keyring is a failure.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from keyring.backend import KeyringBackend

from desktop.core.credentials import KeyringVault
from tests.keyring_support import require_secret_service


@pytest.fixture
def real_backend() -> KeyringBackend:
    require_secret_service()
    from keyring.backends import SecretService

    return SecretService.Keyring()


@pytest.fixture
def cleanup(real_backend: KeyringBackend) -> Iterator[list[str]]:
    """Names to delete from the real keyring after the test."""
    names: list[str] = []
    yield names
    vault = KeyringVault(real_backend)
    for name in names:
        vault.delete(name)


@pytest.fixture
def real_vault(real_backend: KeyringBackend, cleanup: list[str]) -> KeyringVault:
    return KeyringVault(real_backend)
