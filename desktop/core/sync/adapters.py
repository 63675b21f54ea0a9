"""Adapters for the unit's accounts, with one HTTP session per account.

The pull engine and the outbox sender share one provider, so an account's
connections, redaction of its token and clock-skew readings are in one place.
"""

from __future__ import annotations

import threading

from desktop.core.credentials import Vault, token_name
from desktop.core.model import Account
from desktop.core.platforms.base import Adapter
from desktop.core.platforms.errors import TokenExpiredError
from desktop.core.platforms.factory import make_adapter
from desktop.core.platforms.http import PlatformSession


class AdapterProvider:
    def __init__(
        self, vault: Vault, *, ca_bundle: str | None = None, proxy: str | None = None
    ) -> None:
        self._vault = vault
        self._ca_bundle = ca_bundle
        self._proxy = proxy
        self._sessions: dict[int, PlatformSession] = {}
        self._lock = threading.Lock()

    def configure(self, *, ca_bundle: str | None, proxy: str | None) -> None:
        """The unit's CA bundle and proxy, for the sessions opened from now on."""
        with self._lock:
            self._ca_bundle, self._proxy = ca_bundle, proxy

    def session(self, account_id: int) -> PlatformSession:
        with self._lock:
            if account_id not in self._sessions:
                self._sessions[account_id] = PlatformSession(
                    ca_bundle=self._ca_bundle, proxy=self._proxy
                )
            return self._sessions[account_id]

    def adapter(self, account: Account) -> Adapter:
        """The account's adapter; ``TokenExpiredError`` when the keyring has no token."""
        token = self._vault.get(token_name(account.id))
        if not token:
            raise TokenExpiredError("There is no token for this account in the keyring.")
        return make_adapter(
            account.channel,
            self.session(account.id),
            token,
            account.api_base,
            account.params,
            account.own_user_id,
        )

    def close(self) -> None:
        with self._lock:
            for session in self._sessions.values():
                session.close()
            self._sessions.clear()
