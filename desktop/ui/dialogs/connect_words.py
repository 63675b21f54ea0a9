"""The connect dialog's words for what happened: each failure says what to do next.

A connect failure carries a short ``reason`` code (``desktop.core.connect.errors``)
and, apart, the platform's own words; the officer reads the reason in the
catalogue's words and the platform's words labelled as theirs. Every failure
ends with the same promise: nothing was stored or changed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.errors import UserError
from desktop.core.model import Account
from desktop.i18n import platform_words
from desktop.ui.dialogs.errors import describe_error


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    return text


CONTEXT = "ConnectWords"

REASONS = {
    "consent_denied": QT_TRANSLATE_NOOP(
        "ConnectWords",
        "Access was not given on %1's page. Nothing was changed; press the platform again "
        "to sign in once more.",
    ),
    "connect_cancelled": QT_TRANSLATE_NOOP(
        "ConnectWords", "Connecting was cancelled. Nothing was changed."
    ),
    "connect_timeout": QT_TRANSLATE_NOOP(
        "ConnectWords",
        "The browser did not come back in time. Nothing was changed; try again and approve "
        "on %1's page.",
    ),
    "wrong_state": QT_TRANSLATE_NOOP(
        "ConnectWords",
        "The browser came back with a sign-in this window did not start; it was ignored. "
        "Nothing was changed; try again.",
    ),
    "token_endpoint": QT_TRANSLATE_NOOP(
        "ConnectWords",
        "%1's sign-in service did not answer properly. Nothing was changed; try again in a moment.",
    ),
    "grant_refused": QT_TRANSLATE_NOOP(
        "ConnectWords",
        "%1 refused the sign-in (it was used or has expired). Nothing was changed; try again.",
    ),
    "wrong_account": QT_TRANSLATE_NOOP(
        "ConnectWords",
        "You signed in to another account than the one being connected. Nothing was "
        "changed; sign in with the unit's account.",
    ),
    "app_not_configured": QT_TRANSLATE_NOOP(
        "ConnectWords",
        "The unit profile has no app settings for %1 yet. Ask the unit's IT to add them "
        "(or to enter a token by hand).",
    ),
    "no_page": QT_TRANSLATE_NOOP(
        "ConnectWords",
        "This Facebook login manages no Page. Nothing was changed; sign in with an account "
        "that manages the unit's Page.",
    ),
    "token_expired": QT_TRANSLATE_NOOP(
        "ConnectWords",
        "%1 refused this token. Nothing was changed; copy the token from BotFather again.",
    ),
    "network": QT_TRANSLATE_NOOP(
        "ConnectWords",
        "%1 cannot be reached. Nothing was changed; check the connection and try again.",
    ),
    "malformed": QT_TRANSLATE_NOOP(
        "ConnectWords",
        "%1 answered something unexpected. Nothing was changed; try again in a moment.",
    ),
    "rate_limited": QT_TRANSLATE_NOOP(
        "ConnectWords",
        "%1 asks to wait before trying again. Nothing was changed; try again in a few minutes.",
    ),
}
GENERAL = QT_TRANSLATE_NOOP("ConnectWords", "Connecting did not finish. Nothing was changed.")


def failure_text(error: BaseException, platform: str) -> str:
    """The officer's words for a failed connect; an unexpected error is re-raised (a bug)."""
    reason = getattr(error, "reason", None)
    if isinstance(error, UserError) or not isinstance(reason, str):
        return describe_error(error)  # a keyring refusal, a store error… or a bug: raised
    source = REASONS.get(reason, GENERAL)
    text = QCoreApplication.translate(CONTEXT, source).replace("%1", platform)
    words = getattr(error, "platform_message", None)
    if words:
        text = f"{text}\n{platform_words(words)}"
    return text


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
