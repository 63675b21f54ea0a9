"""The connect dialog's words for what happened: each failure says what to do next.

A connect failure carries a short ``reason`` code (``desktop.core.connect.errors``)
and, apart, the platform's own words; ``user_error`` turns it into the catalogue's
sentence (context ``UserError``, shared with the command line) and the platform's
words labelled as theirs. Every failure says that nothing was changed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.connect.errors import user_error
from desktop.core.errors import UserError
from desktop.core.model import Account
from desktop.i18n import error_text
from desktop.ui.dialogs.errors import describe_error


def failure_text(error: BaseException, platform: str) -> str:
    """The officer's words for a failed connect (the same as the command line's, from
    ``user_error``); an unexpected error is re-raised (a bug)."""
    reason = getattr(error, "reason", None)
    if isinstance(error, UserError) or not isinstance(reason, str):
        return describe_error(error)  # a keyring refusal, a store error… or a bug: raised
    return error_text(user_error(error, platform))


def waiting_text(platform: str, target: Account | None) -> str:
    if target is not None:
        text = QCoreApplication.translate(
            "ConnectWords",
            "Your browser shows %1's sign-in page. Sign in as %2 and approve Aduan Desk; "
            "this window carries on by itself.",
        )
        return text.replace("%1", platform).replace("%2", target.name)
    text = QCoreApplication.translate(
        "ConnectWords",
        "Your browser shows %1's sign-in page. Sign in with the unit's account and approve "
        "Aduan Desk; this window carries on by itself.",
    )
    return text.replace("%1", platform)
