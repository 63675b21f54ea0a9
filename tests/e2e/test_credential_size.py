"""The largest realistic account secret fits Windows Credential Manager's 2,560 bytes.

An OAuth account keeps its access token, refresh token, granted scopes and
expiry together: with Google's documented maxima (access token 2,048 bytes,
refresh token 512) that is about 3 KB of text, 6 KB in the UTF-16 that keyring
writes to Credential Manager, which refuses more than 2,560 bytes an entry.
Wine does not enforce the limit, so the real keyring is wrapped here in a
backend that does, as Windows would. These tests also run under Wine with
Windows Credential Manager's API (scripts/wine-check).
"""

from __future__ import annotations

import json
import secrets
import string
import sys
from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend

from desktop.core.credentials import (
    ENTRY_MAX_BYTES,
    SERVICE,
    KeyringVault,
    entry_bytes,
    token_name,
)
from tests.keyring_support import require_secret_service

pytestmark = pytest.mark.keyring
ACCOUNT = 990_001  # far from any real account id


class CredentialManagerLimit(KeyringBackend):
    """The real keyring, refusing what Windows Credential Manager refuses."""

    viable = False  # never chosen by keyring itself
    priority = 5

    def __init__(self, real: KeyringBackend) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.real = real
        self.written: set[str] = set()

    def get_password(self, service: str, username: str) -> str | None:
        return self.real.get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        if entry_bytes(password) > ENTRY_MAX_BYTES:
            raise OSError(1783, "CredWrite: the stub received bad data")  # what Windows answers
        self.written.add(username)
        self.real.set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self.real.delete_password(service, username)


@pytest.fixture
def limited() -> Iterator[CredentialManagerLimit]:
    if sys.platform != "win32":  # on Windows: Credential Manager, always there
        require_secret_service()
    backend = CredentialManagerLimit(keyring.get_keyring())
    yield backend
    for username in backend.written:
        if backend.real.get_password(SERVICE, username) is not None:
            backend.real.delete_password(SERVICE, username)


def _token(length: int) -> str:
    alphabet = string.ascii_letters + string.digits + "-._~"
    return "".join(secrets.choice(alphabet) for _ in range(length))


def largest_realistic_secret() -> str:
    """An access + refresh token blob at Google's documented maximum sizes, with X's scopes."""
    return json.dumps(
        {
            "access_token": "ya29." + _token(2043),
            "refresh_token": "1//" + _token(509),
            "token_type": "Bearer",
            "scope": "https://www.googleapis.com/auth/youtube.force-ssl "
            "tweet.read tweet.write users.read offline.access dm.read dm.write",
            "expires_at": "2026-12-07T05:25:00+00:00",
            "refresh_expires_at": "2027-06-05T05:25:00+00:00",
        }
    )


def test_the_largest_secret_would_not_fit_one_entry() -> None:
    assert entry_bytes(largest_realistic_secret()) > 2 * ENTRY_MAX_BYTES


def test_it_is_kept_in_parts_that_each_fit(limited: CredentialManagerLimit) -> None:
    vault = KeyringVault(limited)
    name = token_name(ACCOUNT)
    secret = largest_realistic_secret()
    vault.set(name, secret)
    assert KeyringVault(limited).get(name) == secret
    assert len(limited.written) >= 4  # the header and three or more parts
    for username in limited.written:
        stored = limited.real.get_password(SERVICE, username)
        assert stored is not None
        assert entry_bytes(stored) <= ENTRY_MAX_BYTES
        assert stored not in secret or len(stored) < len(secret)


def test_a_renewed_secret_replaces_every_part(limited: CredentialManagerLimit) -> None:
    vault = KeyringVault(limited)
    name = token_name(ACCOUNT)
    vault.set(name, largest_realistic_secret())
    first_parts = set(limited.written) - {name}
    renewed = largest_realistic_secret()
    vault.set(name, renewed)
    assert vault.get(name) == renewed
    assert all(limited.real.get_password(SERVICE, part) is None for part in first_parts)
    vault.set(name, "short-token")
    assert vault.get(name) == "short-token"
    assert [u for u in limited.written if limited.real.get_password(SERVICE, u)] == [name]
    vault.delete(name)
    assert all(limited.real.get_password(SERVICE, u) is None for u in limited.written)
