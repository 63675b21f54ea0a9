"""What can go wrong while connecting an account or renewing its tokens.

Every message names what happened, never a token, code, verifier or secret.
``reason`` is a short stable code the window and the command line translate;
``platform_message`` is the platform's own words (redacted), when it gave any.
"""

from __future__ import annotations

from desktop.core.errors import MESSAGES, UserError


class ConnectError(Exception):
    """Connecting (or reconnecting) an account did not finish."""

    reason = "connect_failed"

    def __init__(self, message: str, *, platform_message: str | None = None) -> None:
        super().__init__(message)
        self.platform_message = platform_message


class ConsentDeniedError(ConnectError):
    """The officer (or the platform) refused on the authorize page."""

    reason = "consent_denied"


class StateMismatchError(ConnectError):
    """The browser came back with a ``state`` this flow did not send (a forged redirect)."""

    reason = "wrong_state"


class ConnectTimeoutError(ConnectError):
    """The browser never came back to the loopback address in time."""

    reason = "connect_timeout"


class ConnectCancelledError(ConnectError):
    """The officer pressed Cancel."""

    reason = "connect_cancelled"


class TokenEndpointError(ConnectError):
    """The platform's token endpoint was unreachable, too slow, or answered garbage."""

    reason = "token_endpoint"


class GrantRefusedError(ConnectError):
    """The platform refused the code or the refresh token (used, expired, revoked)."""

    reason = "grant_refused"


class WrongAccountError(ConnectError):
    """Reconnecting signed in to another account than the one being reconnected."""

    reason = "wrong_account"


class AppNotConfiguredError(ConnectError):
    """The unit profile has no app settings (client id…) for this platform."""

    reason = "app_not_configured"


class NoPageError(ConnectError):
    """Facebook Login gave no Page (or not the one asked for) to manage."""

    reason = "no_page"


# A platform's failure while connecting (getMe, discovery, the Page list): its reason
# code as the officer reads it.
PLATFORM_REASONS = {
    "token_expired": "connect_token_refused",
    "network": "connect_unreachable",
    "malformed": "connect_malformed",
    "rate_limited": "connect_rate_limited",
}


def user_error(exc: BaseException, platform: str) -> UserError:
    """A failed connect in the officer's words: what happened on ``platform`` (a proper
    name), that nothing changed, what to do; the platform's own words as ``said``.

    ``exc`` is a ``ConnectError`` or a ``PlatformError`` (anything else: connect_failed).
    """
    reason = str(getattr(exc, "reason", "") or "")
    code = reason if isinstance(exc, ConnectError) else PLATFORM_REASONS.get(reason, "")
    if code not in MESSAGES:
        code = "connect_failed"
    said = getattr(exc, "platform_message", None)
    return UserError(code, platform=platform, said=said or "")
