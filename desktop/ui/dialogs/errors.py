"""Words for failures the officer can act on in a dialog."""

from __future__ import annotations

from desktop.core.credentials import CredentialsUnavailableError, InsecureKeyringError
from desktop.core.errors import UserError
from desktop.ui.pane.labels import ui_language


def describe_error(error: BaseException) -> str:
    """The officer's words for ``error``; anything unexpected is re-raised as a bug."""
    if isinstance(error, UserError):
        return error.message(ui_language())
    if isinstance(error, CredentialsUnavailableError | InsecureKeyringError):
        return str(error)  # names the keyring entry, never its value
    raise error
