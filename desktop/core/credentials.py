"""The only door to the OS keyring.

Account tokens and database keys live in the operating system's keyring
(GNOME Keyring or KWallet through the Secret Service on Linux, Credential
Manager on Windows, Keychain on macOS) under the service name ``aduan-desk``.
Nothing else in the application talks to :mod:`keyring` (the backend is chosen
and checked in :mod:`desktop.core.keyring_backend`).

A machine whose keyring backend would not keep secrets safe (keyring's
``fail`` or ``null`` backend, anything from ``keyrings.alt``, any plaintext
file) is refused with :class:`InsecureKeyringError` instead of silently
writing tokens to disk.

No secret ever appears in an exception message or a ``repr`` made here: the
messages name the entry (``account/3/token``), never its value, and errors
from the backend are re-raised without chaining so that their context (which
might hold the value) does not travel along.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
from collections.abc import Callable
from typing import Protocol, TypeVar, runtime_checkable

from keyring.backend import KeyringBackend
from keyring.errors import InitError, KeyringLocked, PasswordDeleteError

from desktop.core.keyring_backend import (
    CredentialsUnavailableError,
    InsecureKeyringError,
    describe,
    select_backend,
    short_detail,
)

__all__ = [
    "DATABASE_KEY_NAME",
    "SERVICE",
    "CredentialsUnavailableError",
    "DatabaseKeyExistsError",
    "InsecureKeyringError",
    "KeyringVault",
    "MemoryVault",
    "Vault",
    "create_database_key",
    "database_key",
    "token_name",
]

SERVICE = "aduan-desk"
DATABASE_KEY_NAME = "database-key"
DATABASE_KEY_BYTES = 32

_T = TypeVar("_T")

# Entry names are not secret, but they end up in messages and in the keyring's
# own UI, so keep them to printable, short, unambiguous text.
_NAME_RE = re.compile(r"[A-Za-z0-9._/@:+-]{1,200}")
_DB_ID_RE = re.compile(r"[A-Za-z0-9._-]{1,128}")
_HEX_KEY_RE = re.compile(rf"[0-9a-fA-F]{{{DATABASE_KEY_BYTES * 2}}}")

# Windows Credential Manager keeps at most 2,560 bytes per secret
# (CRED_MAX_CREDENTIAL_BLOB_SIZE), and keyring writes text there as UTF-16: 1,280
# ASCII characters. A longer secret (an OAuth access token with its refresh token,
# scopes and expiry) is kept in parts on every system, behind a short header entry.
ENTRY_MAX_BYTES = 2560
_PARTS_MARK = "aduan-desk-parts/v1 "


class DatabaseKeyExistsError(RuntimeError):
    """A database key is already stored for that database; it is never overwritten."""


@runtime_checkable
class Vault(Protocol):
    """Where secrets are kept, by name. Implementations never show their contents."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, secret: str) -> None: ...

    def delete(self, name: str) -> None:
        """Remove ``name``; removing an absent entry is not an error."""
        ...


def token_name(account_id: int) -> str:
    """The keyring entry that holds the access token of an account."""
    if isinstance(account_id, bool) or not isinstance(account_id, int) or account_id < 0:
        raise ValueError(f"account id must be a non-negative integer, got {account_id!r}")
    return f"account/{account_id}/token"


def _database_key_name(db_id: str) -> str:
    if not isinstance(db_id, str) or not _DB_ID_RE.fullmatch(db_id):
        raise ValueError(
            f"database id must be 1-128 letters, digits, '.', '_' or '-', got {db_id!r}"
        )
    return f"{DATABASE_KEY_NAME}/{db_id}"


def database_key(vault: Vault, db_id: str) -> bytes | None:
    """The 32-byte SQLCipher key of the database ``db_id``, or ``None`` if there is none."""
    name = _database_key_name(db_id)
    stored = vault.get(name)
    if stored is None:
        return None
    if not _HEX_KEY_RE.fullmatch(stored):
        raise CredentialsUnavailableError(
            f"The keyring entry '{name}' does not hold a valid database key "
            f"(expected {DATABASE_KEY_BYTES * 2} hex digits). It was left unchanged."
        )
    return bytes.fromhex(stored)


def create_database_key(vault: Vault, db_id: str) -> bytes:
    """Make a new random key for the database ``db_id``, store it and return it.

    Refuses (:class:`DatabaseKeyExistsError`) when a key is already stored:
    overwriting it would make that database unreadable.
    """
    name = _database_key_name(db_id)
    if vault.get(name) is not None:
        raise DatabaseKeyExistsError(
            f"A database key is already stored in the keyring as '{name}'; "
            "refusing to overwrite it (the database it opens would become unreadable)."
        )
    key = secrets.token_bytes(DATABASE_KEY_BYTES)
    vault.set(name, key.hex())
    # No keyring offers compare-and-set: read back to catch a concurrent
    # creator, and a backend that silently dropped the write.
    stored = vault.get(name)
    if stored is None:
        raise CredentialsUnavailableError(
            f"The keyring accepted the database key '{name}' but does not return it; "
            "the key was not kept."
        )
    if stored.lower() != key.hex():
        raise DatabaseKeyExistsError(
            f"Another process stored a database key as '{name}' at the same time; use that one."
        )
    return key


def _check_name(name: str) -> None:
    if not isinstance(name, str) or not _NAME_RE.fullmatch(name):
        raise ValueError(f"invalid keyring entry name {name!r}")


def _check_secret(secret: str) -> None:
    # The value is never shown, not even its type's repr of it.
    if not isinstance(secret, str):
        raise TypeError(f"a secret must be a str, not {type(secret).__name__}")
    if not secret:
        raise ValueError("a secret must not be empty")


def entry_bytes(text: str) -> int:
    """The size of ``text`` in a Credential Manager entry (UTF-16)."""
    return len(text.encode("utf-16-le"))


def split_secret(secret: str, limit: int = ENTRY_MAX_BYTES) -> list[str]:
    """``secret`` cut into pieces of at most ``limit`` bytes each in UTF-16."""
    parts: list[str] = []
    start, size = 0, 0
    for index, char in enumerate(secret):
        width = entry_bytes(char)
        if size + width > limit:
            parts.append(secret[start:index])
            start, size = index, 0
        size += width
    parts.append(secret[start:])
    return parts


class MemoryVault:
    """Secrets in a dict of this process. For the demo's throwaway home and tests only."""

    def __init__(self) -> None:
        self._entries: dict[str, str] = {}
        self._lock = threading.Lock()

    def get(self, name: str) -> str | None:
        _check_name(name)
        with self._lock:
            return self._entries.get(name)

    def set(self, name: str, secret: str) -> None:
        _check_name(name)
        _check_secret(secret)
        with self._lock:
            self._entries[name] = secret

    def delete(self, name: str) -> None:
        _check_name(name)
        with self._lock:
            self._entries.pop(name, None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def __bool__(self) -> bool:
        return True  # an empty vault is still a vault (``vault or default`` must not misfire)

    def __repr__(self) -> str:
        # How many, never which.
        return f"MemoryVault(entries={len(self)})"

    __str__ = __repr__


def _part_name(name: str, generation: str, number: int) -> str:
    return f"{name}/part-{generation}-{number}"


def _parse_header(name: str, header: str) -> tuple[str, int, str]:
    fields = header[len(_PARTS_MARK) :].split(" ")
    if len(fields) != 3 or not fields[1].isdigit() or not 0 < int(fields[1]) <= 100:
        raise CredentialsUnavailableError(
            f"The keyring entry '{name}' has a damaged header. It was left unchanged."
        )
    return fields[0], int(fields[1]), fields[2]


class KeyringVault:
    """Secrets in the OS keyring under the service :data:`SERVICE`.

    The constructor checks the backend (the one keyring selects, or
    ``backend``) and raises :class:`InsecureKeyringError` if it is not secure,
    :class:`CredentialsUnavailableError` if it cannot work here at all.
    Each operation raises :class:`CredentialsUnavailableError` when the
    keyring is locked, D-Bus is unreachable or the backend fails.
    """

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = select_backend(backend)

    @property
    def backend_name(self) -> str:
        """The backend in use, e.g. ``keyring.backends.SecretService.Keyring`` (for doctor)."""
        return describe(self._backend)

    def get(self, name: str) -> str | None:
        _check_name(name)
        stored = self._read(name)
        if stored is None or not stored.startswith(_PARTS_MARK):
            return stored
        return self._joined(name, stored)

    def set(self, name: str, secret: str) -> None:
        _check_name(name)
        _check_secret(secret)
        try:
            before = self._read(name)
        except CredentialsUnavailableError:
            before = None  # the write below says what is wrong; old parts would only linger
        if entry_bytes(secret) <= ENTRY_MAX_BYTES and not secret.startswith(_PARTS_MARK):
            self._write(name, secret, secret)
        else:
            # The parts first, the header last: until the header is written the old
            # value stays whole, and a half-written new one is never read.
            generation = secrets.token_hex(4)
            parts = split_secret(secret)
            for number, part in enumerate(parts):
                self._write(_part_name(name, generation, number), part, secret)
            digest = hashlib.sha256(secret.encode("utf-8")).hexdigest()
            self._write(name, f"{_PARTS_MARK}{generation} {len(parts)} {digest}", secret)
        if before is not None and before.startswith(_PARTS_MARK):
            self._remove_parts(name, before)

    def delete(self, name: str) -> None:
        _check_name(name)
        stored = self._read(name)
        if stored is None:
            return
        self._remove(name)
        if stored.startswith(_PARTS_MARK):
            self._remove_parts(name, stored)

    def _joined(self, name: str, header: str) -> str:
        generation, count, digest = _parse_header(name, header)
        pieces = [self._read(_part_name(name, generation, n)) for n in range(count)]
        secret = "".join(piece or "" for piece in pieces)
        if None in pieces or hashlib.sha256(secret.encode("utf-8")).hexdigest() != digest:
            raise CredentialsUnavailableError(
                f"The keyring entry '{name}' is incomplete (one of its parts is missing or "
                "changed). It was left unchanged; enter that secret again."
            )
        return secret

    def _remove_parts(self, name: str, header: str) -> None:
        generation, count, _ = _parse_header(name, header)
        for number in range(count):
            self._remove(_part_name(name, generation, number))

    def _read(self, entry: str) -> str | None:
        value = self._call("read", entry, lambda: self._backend.get_password(SERVICE, entry))
        if value is not None and not isinstance(value, str):
            raise CredentialsUnavailableError(
                f"The keyring returned a {type(value).__name__} for '{entry}' instead of text."
            )
        return value

    def _write(self, entry: str, value: str, secret: str) -> None:
        self._call(
            "store",
            entry,
            lambda: self._backend.set_password(SERVICE, entry, value),
            secret=secret,
        )

    def _remove(self, entry: str) -> None:
        if self._read(entry) is None:
            return

        def remove() -> bool:
            try:
                self._backend.delete_password(SERVICE, entry)
            except PasswordDeleteError:
                return False
            return True

        if not self._call("delete", entry, remove) and self._read(entry) is not None:
            raise CredentialsUnavailableError(
                f"Could not delete '{entry}' from the OS keyring ({self.backend_name}): "
                "the backend refused."
            )

    def _call(self, action: str, name: str, fn: Callable[[], _T], secret: str | None = None) -> _T:
        # The error is raised outside the ``except`` block on purpose: no
        # __cause__/__context__ pointing at the backend's exception (which may
        # carry the value in its attributes) is attached.
        try:
            return fn()
        except KeyringLocked:
            problem = (
                "the keyring is locked. Unlock it (log in to the desktop session again, "
                "or open the keyring manager) and retry"
            )
        except InitError as exc:
            problem = (
                f"{short_detail(str(exc), secret)} The keyring has no usable default collection: "
                "unlock (or create) the 'login' keyring in the desktop session and retry"
            )
        except Exception as exc:
            problem = short_detail(f"{type(exc).__name__}: {exc}", secret)
        raise CredentialsUnavailableError(
            f"Could not {action} '{name}' in the OS keyring ({self.backend_name}): {problem}"
        )

    def __repr__(self) -> str:
        return f"KeyringVault(service={SERVICE!r}, backend={self.backend_name!r})"

    __str__ = __repr__
