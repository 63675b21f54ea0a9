"""The vault over a keyring backend: entries under the service's name, and a
backend's failure reported without the secret; on a fake backend and on the real one."""

from __future__ import annotations

import uuid

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import InitError, KeyringLocked, PasswordDeleteError

from desktop.core.credentials import (
    SERVICE,
    CredentialsUnavailableError,
    KeyringVault,
    Vault,
    token_name,
)
from tests.core.credentials.credentials_support import (
    UNICODE_TOKEN,
    FailingKeyring,
    FakeSecureKeyring,
    assert_clean_exception,
    assert_no_secret,
    entry_name,
    secret_value,
)


def test_keyring_vault_round_trip_uses_the_service_name() -> None:
    backend = FakeSecureKeyring()
    vault = KeyringVault(backend)
    name, value = entry_name(), secret_value()
    assert vault.get(name) is None
    vault.set(name, value)
    assert backend.entries == {(SERVICE, name): value}
    assert vault.get(name) == value
    vault.delete(name)
    assert vault.get(name) is None
    vault.delete(name)  # absent: no error
    assert isinstance(vault, Vault)


def test_keyring_vault_repr_shows_no_contents() -> None:
    vault = KeyringVault(FakeSecureKeyring())
    name, value = entry_name(), secret_value()
    vault.set(name, value)
    assert_no_secret(repr(vault) + str(vault), value, name)
    assert "FakeSecureKeyring" in repr(vault)
    assert vault.backend_name.endswith("FakeSecureKeyring")


def test_backend_failure_on_set_never_carries_the_secret() -> None:
    vault = KeyringVault(FailingKeyring(lambda given: RuntimeError(f"cannot store {given!r}")))
    value = secret_value()
    with pytest.raises(CredentialsUnavailableError, match="Could not store") as info:
        vault.set(token_name(3), value)
    assert "account/3/token" in str(info.value)
    assert_clean_exception(info.value, value)


def _get_fails(error: Exception, says: str) -> None:
    """``get`` on a backend that raises ``error``: unavailable, saying ``says``, with no
    backend exception chained on."""
    vault = KeyringVault(FailingKeyring(lambda _: error))
    with pytest.raises(CredentialsUnavailableError, match=says) as info:
        vault.get(token_name(4))
    assert_clean_exception(info.value)


def test_backend_failure_on_get_is_unavailable() -> None:
    _get_fails(OSError("D-Bus connection closed"), "D-Bus connection closed")


def test_locked_keyring_says_so() -> None:
    _get_fails(KeyringLocked("Failed to unlock"), "locked")


def test_missing_default_collection_says_what_to_do() -> None:
    _get_fails(InitError("Failed to create the collection"), "'login' keyring")


def test_failed_delete_of_present_entry_is_reported() -> None:
    class StickyKeyring(FakeSecureKeyring):
        viable = False

        def delete_password(self, service: str, username: str) -> None:
            raise PasswordDeleteError("refused")

    vault = KeyringVault(StickyKeyring())
    name, value = entry_name(), secret_value()
    vault.set(name, value)
    with pytest.raises(CredentialsUnavailableError, match="delete") as info:
        vault.delete(name)
    assert_clean_exception(info.value, value)


@pytest.mark.keyring
def test_real_keyring_token_store_read_delete(
    real_vault: KeyringVault, real_backend: KeyringBackend, cleanup: list[str]
) -> None:
    name = token_name(uuid.uuid4().int % 10**12)
    cleanup.append(name)
    value = secret_value()
    assert real_vault.get(name) is None
    real_vault.set(name, value)
    assert real_vault.get(name) == value
    # Really in the Secret Service under our service name, not in this object.
    from keyring.backends import SecretService

    assert SecretService.Keyring().get_password(SERVICE, name) == value
    real_vault.set(name, value + "-renewed")
    assert real_vault.get(name) == value + "-renewed"
    real_vault.delete(name)
    assert real_vault.get(name) is None
    real_vault.delete(name)  # absent: no error
    assert_no_secret(repr(real_vault), value)


@pytest.mark.keyring
def test_real_keyring_unicode_token(real_vault: KeyringVault, cleanup: list[str]) -> None:
    name = entry_name()
    cleanup.append(name)
    value = UNICODE_TOKEN + uuid.uuid4().hex
    real_vault.set(name, value)
    assert real_vault.get(name) == value
