"""Reaching the real Secret Service from tests.

Tests that need the real keyring call :func:`require_secret_service`: it
returns when a Secret Service answers on the session bus, skips the test with
the reason when none does, and fails it instead under CI (``CI`` set to
anything but ``""``, ``0``, ``false``, ``no`` or ``off``), where
``scripts/with-keyring`` must have provided one.
"""

from __future__ import annotations

import os

import pytest

HOW_TO_RUN = "run the tests with ./dev test, or under scripts/with-keyring"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no", "off")


def secret_service_problem() -> str | None:
    """Why no Secret Service is reachable, or ``None`` when one is."""
    try:
        from keyring.backends import SecretService

        SecretService.Keyring.priority  # noqa: B018 - raises when unreachable
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def require_secret_service() -> None:
    """Skip (or under CI, fail) the calling test when no Secret Service is reachable."""
    problem = secret_service_problem()
    if problem is None:
        return
    if in_ci():
        pytest.fail(f"CI is set but no Secret Service is reachable ({problem}); {HOW_TO_RUN}")
    pytest.skip(f"no Secret Service reachable ({problem}); {HOW_TO_RUN}")
