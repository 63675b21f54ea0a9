"""Sign-ins that will end soon, announced days ahead (a query the window shows).

A refresh token with an end (TikTok's 180 days), a long-lived token that is
not renewed by use: when it ends within ``within`` the officer is told to
connect the account again before it stops.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.core.connect.tokens import load_tokens
from desktop.core.credentials import CredentialsUnavailableError, Vault
from desktop.core.model import Account, SyncState

ANNOUNCE_AHEAD = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class ExpiryNotice:
    account_id: int
    ends_at: datetime  # when the account stops working unless connected again


def ending_soon(
    accounts: Iterable[Account], vault: Vault, now: datetime, within: timedelta = ANNOUNCE_AHEAD
) -> list[ExpiryNotice]:
    """Accounts whose sign-in ends within ``within`` of ``now``, soonest first."""
    found = []
    for account in accounts:
        if account.state is SyncState.DISABLED:
            continue
        try:
            tokens = load_tokens(vault, account.id)
        except (ValueError, CredentialsUnavailableError):
            continue
        if tokens is None:
            continue
        end = tokens.refresh_expires_at if tokens.renewable else tokens.access_expires_at
        if end is not None and end <= now + within:
            found.append(ExpiryNotice(account.id, end))
    return sorted(found, key=lambda n: n.ends_at)
