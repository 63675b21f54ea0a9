"""Keyring entries: their names, and what any vault refuses as a name or a secret."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desktop.core.credentials import (
    DATABASE_KEY_NAME,
    SERVICE,
    KeyringVault,
    MemoryVault,
    Vault,
    token_name,
)
from tests.core.credentials.credentials_support import FakeSecureKeyring, entry_name


def test_token_name() -> None:
    assert token_name(7) == "account/7/token"
    assert token_name(0) == "account/0/token"


@pytest.mark.parametrize("bad", [-1, True, "7", 7.0])
def test_token_name_rejects_non_ids(bad: object) -> None:
    with pytest.raises(ValueError, match="account id"):
        token_name(bad)  # type: ignore[arg-type]


def test_constants() -> None:
    assert SERVICE == "aduan-desk"
    assert DATABASE_KEY_NAME == "database-key"


@pytest.mark.parametrize("vault_factory", [MemoryVault, lambda: KeyringVault(FakeSecureKeyring())])
def test_bad_input_is_rejected_without_echoing_the_secret(
    vault_factory: Callable[[], Vault],
) -> None:
    vault = vault_factory()
    with pytest.raises(ValueError, match="must not be empty"):
        vault.set(entry_name(), "")
    with pytest.raises(TypeError, match="must be a str") as info:
        vault.set(entry_name(), b"bytes-secret")  # type: ignore[arg-type]
    assert "bytes-secret" not in str(info.value)
    for bad_name in ["", "with space", "x" * 201, "new\nline"]:
        with pytest.raises(ValueError, match="invalid keyring entry name"):
            vault.get(bad_name)
