"""Which keyring backend Aduan Desk uses, and why one is refused.

The operating system's own keyring is named directly (keyring's own choice
imports every backend it knows); a backend configured by the user is taken
from keyring and checked. Backends that would not keep secrets safe
(keyring's ``fail`` or ``null``, ``keyrings.alt``, any plaintext file) are
refused with :class:`InsecureKeyringError`, a backend that cannot work here
with :class:`CredentialsUnavailableError`; both say how to fix it.
"""

from __future__ import annotations

import os
import sys

from keyring.backend import KeyringBackend

MAX_DETAIL = 300


class InsecureKeyringError(RuntimeError):
    """The keyring backend found on this machine would not keep secrets safe."""


class CredentialsUnavailableError(RuntimeError):
    """The keyring cannot be used right now (locked, D-Bus unreachable, backend failed)."""


def describe(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _fix_hint() -> str:
    if sys.platform == "win32":
        return (
            "On Windows the Credential Manager is used automatically: remove any "
            "PYTHON_KEYRING_BACKEND setting or keyringrc.cfg that selects another "
            "backend, and uninstall keyrings.alt if it is installed."
        )
    if sys.platform == "darwin":
        return (
            "On macOS the login Keychain is used automatically: remove any "
            "PYTHON_KEYRING_BACKEND setting or keyringrc.cfg that selects another "
            "backend, and uninstall keyrings.alt if it is installed."
        )
    return (
        "On Linux install and unlock a Secret Service keyring - GNOME Keyring "
        "(package gnome-keyring) or KWallet - and make sure it is reachable over the "
        "D-Bus session bus (log in to a desktop session, or start one with "
        "dbus-run-session). Do not configure keyrings.alt or a plaintext keyring."
    )


def _secret_service_problem() -> str | None:
    """Why the Secret Service backend is not usable here (Linux diagnostics)."""
    if sys.platform in ("win32", "darwin"):
        return None
    try:
        from keyring.backends import SecretService

        SecretService.Keyring.priority  # noqa: B018 - raises when unusable
    except Exception as exc:
        return short_detail(f"{exc}")
    return None


def short_detail(text: str, secret: str | None = None) -> str:
    if secret:
        text = text.replace(secret, "***")
    text = " ".join(text.split())
    if len(text) > MAX_DETAIL:
        text = text[: MAX_DETAIL - 3] + "..."
    return text


def _refusal(backend: KeyringBackend) -> str | None:
    """Why ``backend`` is not secure enough, or ``None`` if it is acceptable."""
    from keyring.backends import fail, null

    cls = type(backend)
    module = cls.__module__
    if module == "keyrings.alt" or module.startswith("keyrings.alt."):
        return "it comes from keyrings.alt, which keeps secrets in files on disk"
    if "plaintext" in cls.__name__.lower():
        return "it keeps secrets in a plaintext file"
    if isinstance(backend, fail.Keyring):
        return "no secure keyring backend is available, so keyring fell back to its 'fail' backend"
    if isinstance(backend, null.Keyring):
        return "it is keyring's 'null' backend, which silently discards every secret"
    try:
        priority = float(cls.priority)
    except Exception:
        return None  # not insecure, but unusable: reported by _unusable()
    if priority < 1:
        return f"its priority is {priority:g}; keyring itself does not recommend backends below 1"
    return None


def _unusable(backend: KeyringBackend) -> str | None:
    """Why ``backend`` cannot work on this machine right now, if it says so."""
    try:
        type(backend).priority  # noqa: B018
    except Exception as exc:
        return short_detail(f"{exc}") or type(exc).__name__
    return None


def _platform_backend() -> KeyringBackend | None:
    """The operating system's own keyring, named directly, when nothing else is configured.

    keyring's own choice imports every backend it knows (a tenth of a second,
    on every run of the command line). A backend configured in
    ``PYTHON_KEYRING_BACKEND`` or ``keyringrc.cfg``, or a platform keyring that
    cannot work here, is left to keyring's choice, which the checks below then
    accept or refuse as before.
    """
    from keyring.util import platform_

    configured = platform_.config_root() / "keyringrc.cfg"
    if os.environ.get("PYTHON_KEYRING_BACKEND") or configured.exists():
        return None
    backend = _native_keyring()()
    return None if _unusable(backend) is not None else backend


def _native_keyring() -> type[KeyringBackend]:
    if sys.platform == "win32":
        from keyring.backends import Windows

        return Windows.WinVaultKeyring
    if sys.platform == "darwin":
        from keyring.backends import macOS

        return macOS.Keyring
    from keyring.backends import SecretService

    return SecretService.Keyring


def select_backend(backend: KeyringBackend | None) -> KeyringBackend:
    from keyring.backends.chainer import ChainerBackend

    explicit = backend is not None
    if backend is None:
        backend = _platform_backend()
    if backend is None:
        import keyring

        problem: str | None = None
        try:
            backend = keyring.get_keyring()
        except Exception as exc:
            problem = short_detail(f"{type(exc).__name__}: {exc}")
        if backend is None:
            raise CredentialsUnavailableError(
                f"The keyring library could not choose a backend: {problem}. {_fix_hint()}"
            )

    if isinstance(backend, ChainerBackend):
        members: list[KeyringBackend] = list(backend.backends)
        for member in members:
            if _refusal(member) is None and _unusable(member) is None:
                return member
        found = ", ".join(describe(m) for m in members) or "none"
        raise InsecureKeyringError(
            f"No secure keyring backend was found (chained backends: {found}). {_fix_hint()}"
        )

    reason = _refusal(backend)
    if reason is not None:
        detail = ""
        if not explicit:
            ss_problem = _secret_service_problem()
            if ss_problem:
                detail = f" (Secret Service: {ss_problem})"
        raise InsecureKeyringError(
            f"Aduan Desk refuses the keyring backend {describe(backend)}: {reason}{detail}. "
            f"Tokens are never written to an unprotected file. {_fix_hint()}"
        )
    unusable = _unusable(backend)
    if unusable is not None:
        raise CredentialsUnavailableError(
            f"The keyring backend {describe(backend)} cannot be used on this machine: "
            f"{unusable}. {_fix_hint()}"
        )
    return backend
