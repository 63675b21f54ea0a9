"""Why a reply waits or failed: the code the sender stores in ``outbox.last_reason``.

The platform adapters raise errors with a ``reason`` (``PlatformError.reason``);
the sender stores that code, and in ``last_error`` only the platform's own
words (already redacted), or nothing. ``desktop.i18n.reason_text`` turns the
code into the officer's explanation; the platform's words are shown apart,
labelled as the platform's.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from desktop.core.words import QT_TRANSLATE_NOOP

CONTEXT = "SendReason"


class SendReason(enum.StrEnum):
    ERROR = "error"
    REFUSED = "refused"
    TEXT_TOO_LONG = "text_too_long"
    EMPTY = "empty"
    GONE = "gone"
    FORBIDDEN = "forbidden"
    MESSAGING_WINDOW = "messaging_window"
    DUPLICATE_CONTENT = "duplicate_content"
    DUPLICATE = "duplicate"  # X refused the text as a duplicate: is our earlier post there?
    UNVERIFIABLE = "unverifiable"
    INVALID_THREAD = "invalid_thread"
    CONFIG = "config"
    TOKEN_EXPIRED = "token_expired"
    NEEDS_RECONNECT = "needs_reconnect"  # a connected account's sign-in ended
    TOKEN_ENDPOINT = "token_endpoint"  # the platform's sign-in server could not renew
    KEYRING = "keyring"  # the OS keyring is locked or unreachable
    RATE_LIMITED = "rate_limited"
    QUOTA = "quota"
    CONFLICT = "conflict"
    NETWORK = "network"
    TIMEOUT = "timeout"
    SERVER = "server"
    MALFORMED = "malformed"
    TLS = "tls"
    REDIRECT = "redirect"
    UNEXPECTED = "unexpected"  # the desk itself failed (a bug, reported); read back first


EXPLANATIONS: Mapping[SendReason, str] = {
    SendReason.ERROR: QT_TRANSLATE_NOOP(
        "SendReason", "The platform did not take this reply and gave no known reason."
    ),
    SendReason.REFUSED: QT_TRANSLATE_NOOP("SendReason", "The platform refused this reply."),
    SendReason.TEXT_TOO_LONG: QT_TRANSLATE_NOOP(
        "SendReason", "The reply is too long for this platform: shorten it."
    ),
    SendReason.EMPTY: QT_TRANSLATE_NOOP("SendReason", "The reply is empty."),
    SendReason.GONE: QT_TRANSLATE_NOOP(
        "SendReason", "The message being answered was deleted or is no longer visible."
    ),
    SendReason.FORBIDDEN: QT_TRANSLATE_NOOP(
        "SendReason",
        "The platform does not allow this account to answer here (a missing permission, "
        "comments turned off, or the person blocked the account).",
    ),
    SendReason.MESSAGING_WINDOW: QT_TRANSLATE_NOOP(
        "SendReason",
        "The 24-hour window to answer this person's message has closed; they must write "
        "again before a direct reply is possible.",
    ),
    SendReason.DUPLICATE_CONTENT: QT_TRANSLATE_NOOP(
        "SendReason",
        "The platform refuses this text as a duplicate of an earlier post, and it is not "
        "in the thread: edit the text.",
    ),
    SendReason.DUPLICATE: QT_TRANSLATE_NOOP(
        "SendReason",
        "The platform refused this text as a duplicate; the thread is checked for the "
        "earlier reply.",
    ),
    SendReason.UNVERIFIABLE: QT_TRANSLATE_NOOP(
        "SendReason",
        "It is unknown whether this reply arrived, and this platform cannot be read back: "
        "check the conversation, then retry or cancel.",
    ),
    SendReason.INVALID_THREAD: QT_TRANSLATE_NOOP(
        "SendReason", "The conversation's address is not valid for this platform."
    ),
    SendReason.CONFIG: QT_TRANSLATE_NOOP(
        "SendReason", "The account's settings cannot work; check them under Accounts."
    ),
    SendReason.TOKEN_EXPIRED: QT_TRANSLATE_NOOP(
        "SendReason", "The account's token expired or was revoked; enter a new token."
    ),
    SendReason.NEEDS_RECONNECT: QT_TRANSLATE_NOOP(
        "SendReason", "The platform ended the account's sign-in; connect the account again."
    ),
    SendReason.TOKEN_ENDPOINT: QT_TRANSLATE_NOOP(
        "SendReason", "The platform's sign-in server could not renew the token; retrying."
    ),
    SendReason.KEYRING: QT_TRANSLATE_NOOP(
        "SendReason", "The system keyring is locked; unlock it and sending resumes."
    ),
    SendReason.RATE_LIMITED: QT_TRANSLATE_NOOP(
        "SendReason", "The platform asked to wait; sending resumes by itself."
    ),
    SendReason.QUOTA: QT_TRANSLATE_NOOP(
        "SendReason", "The platform's daily quota is used up; sending resumes later."
    ),
    SendReason.CONFLICT: QT_TRANSLATE_NOOP(
        "SendReason", "Another program (or a webhook) reads this bot; stop the other one."
    ),
    SendReason.NETWORK: QT_TRANSLATE_NOOP(
        "SendReason", "The platform could not be reached; retrying automatically."
    ),
    SendReason.TIMEOUT: QT_TRANSLATE_NOOP(
        "SendReason", "The platform did not answer in time; retrying automatically."
    ),
    SendReason.SERVER: QT_TRANSLATE_NOOP(
        "SendReason", "The platform had a temporary problem; retrying automatically."
    ),
    SendReason.MALFORMED: QT_TRANSLATE_NOOP(
        "SendReason", "The platform's answer could not be read; retrying automatically."
    ),
    SendReason.TLS: QT_TRANSLATE_NOOP(
        "SendReason",
        "The platform's security certificate could not be verified; tell IT staff "
        "(a proxy may need its certificate set).",
    ),
    SendReason.REDIRECT: QT_TRANSLATE_NOOP(
        "SendReason",
        "The connection was redirected elsewhere (a login page of the network, or a wrong "
        "API address).",
    ),
    SendReason.UNEXPECTED: QT_TRANSLATE_NOOP(
        "SendReason",
        "Aduan Desk met an unexpected problem while sending; a report was written. The "
        "thread is read back before this reply is tried again, so it is never sent twice.",
    ),
}


def parse_reason(code: str | None) -> SendReason | None:
    """The stored code as a ``SendReason``; an unknown one reads as ``ERROR``."""
    if code is None:
        return None
    try:
        return SendReason(code)
    except ValueError:
        return SendReason.ERROR
