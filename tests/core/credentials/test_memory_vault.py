"""The vault in memory (tests and demos): separate per object, its contents never shown."""

from __future__ import annotations

from desktop.core.credentials import MemoryVault, Vault
from tests.core.credentials.credentials_support import (
    UNICODE_TOKEN,
    assert_no_secret,
    entry_name,
    secret_value,
)


def test_memory_vault_behaviour() -> None:
    vault = MemoryVault()
    assert isinstance(vault, Vault)
    name, value = entry_name(), secret_value()
    assert vault.get(name) is None
    vault.set(name, value)
    assert vault.get(name) == value
    vault.set(name, UNICODE_TOKEN)
    assert vault.get(name) == UNICODE_TOKEN
    vault.delete(name)
    assert vault.get(name) is None
    vault.delete(name)  # absent: no error
    assert len(vault) == 0
    assert vault  # an empty vault is still a vault, not falsy


def test_memory_vaults_are_separate() -> None:
    first, second = MemoryVault(), MemoryVault()
    first.set("a", "1")
    assert second.get("a") is None


def test_memory_vault_repr_shows_no_contents() -> None:
    vault = MemoryVault()
    name, value = entry_name(), secret_value()
    vault.set(name, value)
    assert repr(vault) == "MemoryVault(entries=1)"
    assert_no_secret(repr(vault) + str(vault), value, name)
