"""Adapters for the unit's accounts, with one HTTP session per account.

The pull engine and the outbox sender share one provider, so an account's
connections, redaction of its token and clock-skew readings are in one place.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path

from desktop.core.connect.apps import PROVIDER_OF, AppSettings, Provider, resolve_app
from desktop.core.connect.errors import AppNotConfiguredError
from desktop.core.connect.renewing import RenewingAdapter
from desktop.core.connect.source import TokenSource
from desktop.core.connect.tokens import TokenSet
from desktop.core.credentials import Vault
from desktop.core.model import Account
from desktop.core.platforms.base import Adapter
from desktop.core.platforms.factory import make_adapter
from desktop.core.platforms.http import PlatformSession


class AdapterProvider:
    def __init__(
        self,
        vault: Vault,
        *,
        ca_bundle: str | None = None,
        proxy: str | None = None,
        lock_folder: Path | None = None,
        apps: Mapping[Provider, AppSettings] | None = None,
    ) -> None:
        self._vault = vault
        self._ca_bundle = ca_bundle
        self._proxy = proxy
        # Where the per-account refresh locks live (the data folder's ``locks``).
        self._lock_folder = lock_folder or Path(tempfile.gettempdir()) / "aduan-desk-locks"
        self._apps: Mapping[Provider, AppSettings] = dict(apps or {})
        self._sessions: dict[int, PlatformSession] = {}
        self._lock = threading.Lock()

    def configure(
        self,
        *,
        ca_bundle: str | None,
        proxy: str | None,
        apps: Mapping[Provider, AppSettings] | None = None,
        lock_folder: Path | None = None,
    ) -> None:
        """The unit's CA bundle, proxy and apps, for the sessions opened from now on."""
        with self._lock:
            self._ca_bundle, self._proxy = ca_bundle, proxy
            if apps is not None:
                self._apps = dict(apps)
            if lock_folder is not None:
                self._lock_folder = lock_folder

    def token_source(self, account: Account) -> TokenSource:
        """Where the account's bearer comes from (renewed ahead of expiry)."""
        try:
            app: AppSettings | None = resolve_app(
                PROVIDER_OF[account.channel], self._apps, self._vault
            )
        except AppNotConfiguredError:
            app = None
        return TokenSource(
            self._vault,
            account.id,
            app,
            self._lock_folder,
            proxy=self._proxy,
            ca_bundle=self._ca_bundle,
        )

    def session(self, account_id: int) -> PlatformSession:
        with self._lock:
            if account_id not in self._sessions:
                self._sessions[account_id] = PlatformSession(
                    ca_bundle=self._ca_bundle, proxy=self._proxy
                )
            return self._sessions[account_id]

    def adapter(self, account: Account) -> Adapter:
        """The account's adapter; ``TokenExpiredError`` when the keyring has no token.

        A connected account's bearer is renewed ahead of expiry, and once more
        (with one retry) when the platform answers that it expired.
        """
        source = self.token_source(account)
        session = self.session(account.id)

        def build(token: str) -> Adapter:
            return make_adapter(
                account.channel,
                session,
                token,
                account.api_base,
                account.params,
                account.own_user_id,
            )

        stored: TokenSet = source.tokens()
        if stored.access_expires_at is None and not stored.renewable and not stored.scopes:
            return build(stored.access_token)  # a token entered by hand: nothing to renew
        return RenewingAdapter(source, source.bearer(), build)

    def close(self) -> None:
        with self._lock:
            for session in self._sessions.values():
                session.close()
            self._sessions.clear()
