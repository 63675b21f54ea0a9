"""Database keys in the vault: random per database, never overwritten, validated,
a racing creator detected; read back from the real keyring by another vault."""

from __future__ import annotations

import uuid

import pytest

from desktop.core.credentials import (
    CredentialsUnavailableError,
    DatabaseKeyExistsError,
    KeyringVault,
    MemoryVault,
    create_database_key,
    database_key,
)
from tests.core.credentials.credentials_support import assert_no_secret, secret_value


def test_database_key_create_and_read() -> None:
    vault = MemoryVault()
    db_id = uuid.uuid4().hex
    assert database_key(vault, db_id) is None
    key = create_database_key(vault, db_id)
    assert isinstance(key, bytes)
    assert len(key) == 32
    assert database_key(vault, db_id) == key
    assert vault.get(f"database-key/{db_id}") == key.hex()


def test_database_keys_are_random_per_database() -> None:
    vault = MemoryVault()
    keys = {create_database_key(vault, uuid.uuid4().hex) for _ in range(5)}
    assert len(keys) == 5


def test_database_key_is_never_overwritten() -> None:
    vault = MemoryVault()
    db_id = uuid.uuid4().hex
    key = create_database_key(vault, db_id)
    with pytest.raises(DatabaseKeyExistsError, match="refusing to overwrite") as info:
        create_database_key(vault, db_id)
    assert_no_secret(str(info.value), key.hex())
    assert database_key(vault, db_id) == key


def test_malformed_database_key_is_reported_without_its_value() -> None:
    vault = MemoryVault()
    db_id = uuid.uuid4().hex
    garbage = "not-hex-" + secret_value()
    vault.set(f"database-key/{db_id}", garbage)
    with pytest.raises(CredentialsUnavailableError, match="valid database key") as info:
        database_key(vault, db_id)
    assert_no_secret(str(info.value), garbage)


@pytest.mark.parametrize("db_id", ["", "a/b", "../x", "x" * 129, "id with space"])
def test_database_id_is_validated(db_id: str) -> None:
    with pytest.raises(ValueError, match="database id"):
        database_key(MemoryVault(), db_id)


def test_concurrent_creator_is_detected() -> None:
    class RacingVault(MemoryVault):
        """Another process writes its own key right after ours."""

        def set(self, name: str, secret: str) -> None:
            super().set(name, secret)
            super().set(name, "ab" * 32)

    with pytest.raises(DatabaseKeyExistsError, match="at the same time"):
        create_database_key(RacingVault(), uuid.uuid4().hex)


@pytest.mark.keyring
def test_real_keyring_database_key(real_vault: KeyringVault, cleanup: list[str]) -> None:
    db_id = uuid.uuid4().hex
    cleanup.append(f"database-key/{db_id}")
    assert database_key(real_vault, db_id) is None
    key = create_database_key(real_vault, db_id)
    assert len(key) == 32
    assert database_key(real_vault, db_id) == key
    # A fresh vault (another process, later) reads the same key.
    assert database_key(KeyringVault(), db_id) == key
    with pytest.raises(DatabaseKeyExistsError):
        create_database_key(real_vault, db_id)
    assert database_key(real_vault, db_id) == key
