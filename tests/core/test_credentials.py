"""The keyring door: refusal of unsafe backends, the vaults, database keys.

Tests marked ``keyring`` use the real Secret Service (gnome-keyring on a
private D-Bus, see ``scripts/with-keyring``). Without one they are skipped,
except under CI (``CI`` set), where a missing keyring is a failure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.backends.chainer import ChainerBackend
from keyring.compat.properties import classproperty
from keyring.errors import InitError, KeyringLocked, PasswordDeleteError

from desktop.core.credentials import (
    DATABASE_KEY_NAME,
    SERVICE,
    CredentialsUnavailableError,
    DatabaseKeyExistsError,
    InsecureKeyringError,
    KeyringVault,
    MemoryVault,
    Vault,
    create_database_key,
    database_key,
    token_name,
)
from tests.keyring_support import require_secret_service

ROOT = Path(__file__).resolve().parents[2]
UNICODE_TOKEN = "tökén-🔑-日本語-Ωmega-\u200b-"


def secret_value() -> str:
    return f"EAAB-secret-{uuid.uuid4().hex}"


def entry_name() -> str:
    return f"test/{uuid.uuid4().hex}"


# --- fake backends ------------------------------------------------------------
# ``viable = False`` keeps them out of keyring's own backend discovery, so
# they never leak into another test's default backend.


class FakeSecureKeyring(KeyringBackend):
    """Behaves like a real OS keyring, in memory."""

    viable = False
    priority = 5

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.entries[(service, username)]
        except KeyError:
            raise PasswordDeleteError("No such password!") from None


class PlaintextFileKeyring(FakeSecureKeyring):
    """Named like a plaintext file backend, and claims a high priority."""

    viable = False
    priority = 9


class AltStyleKeyring(FakeSecureKeyring):
    viable = False
    priority = 9


AltStyleKeyring.__module__ = "keyrings.alt.file"


class LowPriorityKeyring(FakeSecureKeyring):
    viable = False
    priority = 0.5


class UnreachableKeyring(FakeSecureKeyring):
    """Like SecretService when D-Bus is missing: asking its priority raises."""

    viable = False

    @classproperty
    def priority(cls) -> float:  # noqa: N805 - a class property
        raise RuntimeError(
            "The Secret Service daemon is neither running nor activatable through D-Bus"
        )


class FailingKeyring(FakeSecureKeyring):
    """A secure backend whose every call fails, quoting what it was given."""

    viable = False

    def __init__(self, error: Callable[[str], Exception]) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error(password)

    def delete_password(self, service: str, username: str) -> None:
        raise self.error(username)


class FakeChainer(ChainerBackend):
    viable = False
    backends: list[KeyringBackend] = []  # noqa: RUF012 - replaced per test


# --- helpers --------------------------------------------------------------------


def assert_no_secret(text: str, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in text


def assert_clean_exception(exc: BaseException, *secrets: str) -> None:
    """No secret in the message, and no backend exception chained on."""
    assert_no_secret(str(exc), *secrets)
    assert_no_secret(repr(exc), *secrets)
    assert exc.__cause__ is None
    assert exc.__context__ is None


# --- names ----------------------------------------------------------------------


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


# --- refusing unsafe backends ----------------------------------------------------


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


# --- KeyringVault over a backend ----------------------------------------------------


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


def test_backend_failure_on_get_is_unavailable() -> None:
    vault = KeyringVault(FailingKeyring(lambda _: OSError("D-Bus connection closed")))
    with pytest.raises(CredentialsUnavailableError, match="D-Bus connection closed") as info:
        vault.get(token_name(4))
    assert_clean_exception(info.value)


def test_locked_keyring_says_so() -> None:
    vault = KeyringVault(FailingKeyring(lambda _: KeyringLocked("Failed to unlock")))
    with pytest.raises(CredentialsUnavailableError, match="locked") as info:
        vault.get(token_name(5))
    assert_clean_exception(info.value)


def test_missing_default_collection_says_what_to_do() -> None:
    vault = KeyringVault(FailingKeyring(lambda _: InitError("Failed to create the collection")))
    with pytest.raises(CredentialsUnavailableError, match="'login' keyring") as info:
        vault.get(token_name(6))
    assert_clean_exception(info.value)


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


# --- MemoryVault -----------------------------------------------------------------


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


# --- database keys ------------------------------------------------------------------


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


# --- the real keyring (Secret Service) -----------------------------------------------


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
