"""What the credentials tests share: made-up secrets and entry names, keyring backends
that behave like (or unlike) a safe OS keyring, in memory, and checks that nothing
secret leaks into a message."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend
from keyring.compat.properties import classproperty
from keyring.errors import PasswordDeleteError

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
