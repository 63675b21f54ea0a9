"""Words for failures the officer can act on in a dialog."""

from __future__ import annotations

from desktop.core.credentials import CredentialsUnavailableError, InsecureKeyringError
from desktop.core.errors import UserError
from desktop.i18n import error_text


def describe_error(error: BaseException) -> str:
    """The officer's words for ``error``; anything unexpected is re-raised as a bug."""
    if isinstance(error, UserError):
        return error_text(error)
    if isinstance(error, InsecureKeyringError):  # the detail names the keyring, never a secret
        return error_text(UserError("keyring_insecure", detail=str(error)))
    if isinstance(error, CredentialsUnavailableError):
        return error_text(UserError("keyring_unavailable", detail=str(error)))
    raise error
