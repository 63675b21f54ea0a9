"""Which keyring backends the vault accepts: unsafe ones refused (plaintext, null,
fail, low priority, keyrings.alt), the secure member of a chain used, the default one
named without importing every backend."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from desktop.core.credentials import (
    SERVICE,
    CredentialsUnavailableError,
    InsecureKeyringError,
    KeyringVault,
)
from tests.core.credentials.credentials_support import (
    AltStyleKeyring,
    FakeChainer,
    FakeSecureKeyring,
    LowPriorityKeyring,
    PlaintextFileKeyring,
    UnreachableKeyring,
    entry_name,
    secret_value,
)

ROOT = Path(__file__).resolve().parents[3]


def test_refuses_fail_backend() -> None:
    with pytest.raises(InsecureKeyringError) as info:
        KeyringVault(fail.Keyring())
    message = str(info.value)
    assert "keyring.backends.fail.Keyring" in message
    assert "gnome-keyring" in message or "Credential Manager" in message or "Keychain" in message


def test_refuses_null_backend() -> None:
    with pytest.raises(InsecureKeyringError, match=r"keyring\.backends\.null\.Keyring") as info:
        KeyringVault(null.Keyring())
    assert "discards" in str(info.value)


def test_refuses_plaintext_backend_despite_its_priority() -> None:
    with pytest.raises(InsecureKeyringError, match="PlaintextFileKeyring") as info:
        KeyringVault(PlaintextFileKeyring())
    assert "plaintext" in str(info.value)


def test_refuses_anything_from_keyrings_alt() -> None:
    with pytest.raises(InsecureKeyringError, match=r"keyrings\.alt"):
        KeyringVault(AltStyleKeyring())


def test_refuses_backend_below_priority_one() -> None:
    with pytest.raises(InsecureKeyringError, match=r"priority is 0\.5"):
        KeyringVault(LowPriorityKeyring())


def test_unreachable_backend_is_unavailable_not_insecure() -> None:
    with pytest.raises(CredentialsUnavailableError, match="neither running nor activatable"):
        KeyringVault(UnreachableKeyring())


def test_refusal_of_default_backend_explains_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keyring, "get_keyring", fail.Keyring)
    with pytest.raises(InsecureKeyringError, match="fail") as info:
        KeyringVault()
    message = str(info.value)
    assert "KWallet" in message or "Credential Manager" in message or "Keychain" in message


def test_chained_backends_use_the_secure_member(monkeypatch: pytest.MonkeyPatch) -> None:
    secure = FakeSecureKeyring()
    monkeypatch.setattr(FakeChainer, "backends", [PlaintextFileKeyring(), secure])
    vault = KeyringVault(FakeChainer())
    name, value = entry_name(), secret_value()
    vault.set(name, value)
    assert secure.entries[(SERVICE, name)] == value


def test_chain_of_unsafe_backends_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FakeChainer, "backends", [PlaintextFileKeyring(), LowPriorityKeyring()])
    with pytest.raises(InsecureKeyringError, match="PlaintextFileKeyring"):
        KeyringVault(FakeChainer())


@pytest.mark.keyring
def test_default_backend_is_accepted_when_secret_service_runs(
    real_backend: KeyringBackend, cleanup: list[str]
) -> None:
    vault = KeyringVault()
    name = entry_name()
    cleanup.append(name)
    vault.set(name, "probe")
    assert vault.get(name) == "probe"


_DEFAULT_BACKEND_PROBE = """
import json, sys
from desktop.core.credentials import InsecureKeyringError, KeyringVault
try:
    name = KeyringVault().backend_name
except InsecureKeyringError as exc:
    name = "refused: " + str(exc)
discovered = sorted(m for m in sys.modules if m.startswith("keyring.backends."))
print(json.dumps([name, discovered]))
"""


def _default_backend(env: dict[str, str]) -> tuple[str, list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", _DEFAULT_BACKEND_PROBE],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        check=True,
    )
    name, modules = json.loads(result.stdout.splitlines()[-1])
    return name, modules


@pytest.mark.keyring
def test_default_backend_is_named_without_discovering_every_backend(
    real_backend: KeyringBackend,
) -> None:
    name, modules = _default_backend({})
    assert name == "keyring.backends.SecretService.Keyring"
    assert "keyring.backends.kwallet" not in modules  # keyring's discovery imports it
    assert "keyring.backends.macOS" not in modules


def test_a_configured_insecure_backend_is_still_refused() -> None:
    name, _ = _default_backend({"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"})
    assert name.startswith("refused: ")
    assert "null" in name
