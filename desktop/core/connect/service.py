"""Connecting one account from start to finish: what the window and the command line call.

    connector = Connector(accounts, apps, vault)
    flow = connector.browser_flow(Channel.X)        # X, YouTube, TikTok, Facebook, Instagram
    url = flow.start(); open the browser; tokens = flow.wait(300, cancel)
    account_id = connector.finish(Channel.X, tokens)               # X, YouTube, TikTok
    pages = connector.pages(Channel.FACEBOOK, tokens)               # Facebook, Instagram
    account_id = connector.finish_page(Channel.FACEBOOK, pages[0])
    account_id = connector.connect_telegram(bot_token)

Every ``finish*`` takes ``account_id`` to reconnect that account instead
(same platform id required; complaints, cursors and outbox are kept).
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.core.connect.apps import PROVIDER_OF, AppSettings, Provider, resolve_app
from desktop.core.connect.device import DeviceLogin
from desktop.core.connect.discover import Discovered, discover
from desktop.core.connect.flow import LoopbackFlow
from desktop.core.connect.meta import PageChoice, list_pages, long_lived
from desktop.core.connect.telegram import verify_bot
from desktop.core.connect.tokens import TokenSet
from desktop.core.credentials import Vault
from desktop.core.desk.accounts import Accounts
from desktop.core.model import Channel
from desktop.core.platforms.factory import DEFAULT_API_BASE
from desktop.core.platforms.http import PlatformSession


class Connector:
    def __init__(
        self,
        accounts: Accounts,
        apps: Mapping[Provider, AppSettings],
        vault: Vault,
        *,
        proxy: str | None = None,
        ca_bundle: str | None = None,
    ) -> None:
        self._accounts = accounts
        self._apps = apps
        self._vault = vault
        self._proxy, self._ca_bundle = proxy, ca_bundle

    @property
    def accounts(self) -> Accounts:
        return self._accounts

    def app(self, channel: Channel) -> AppSettings:
        """The channel's app settings (``AppNotConfiguredError`` when the profile has none)."""
        return resolve_app(PROVIDER_OF[channel], self._apps, self._vault)

    def browser_flow(self, channel: Channel) -> LoopbackFlow:
        """A sign-in for ``channel`` in the system browser (not Telegram)."""
        if channel is Channel.TELEGRAM:
            raise ValueError("Telegram bots are connected with their BotFather token")
        return LoopbackFlow(self.app(channel), proxy=self._proxy, ca_bundle=self._ca_bundle)

    def device_login(self, channel: Channel) -> DeviceLogin:
        """Meta's device login for Facebook / Instagram (a code entered on another device);
        its user token goes on to ``pages`` like the browser sign-in's."""
        if channel not in (Channel.FACEBOOK, Channel.INSTAGRAM):
            raise ValueError("device login is Meta's: Facebook and Instagram only")
        return DeviceLogin(self.app(channel), proxy=self._proxy, ca_bundle=self._ca_bundle)

    def finish(self, channel: Channel, tokens: TokenSet, *, account_id: int | None = None) -> int:
        """Store an X, YouTube or TikTok sign-in (ids discovered); the account's id."""
        app = self.app(channel)
        with self._session() as session:
            found = discover(channel, tokens, app.api_base, session)
        return self._store(channel, tokens, found, app, account_id)

    def pages(self, channel: Channel, user: TokenSet) -> list[PageChoice]:
        """After Facebook Login: the Pages (with their Instagram account) to choose from."""
        app = self.app(channel)
        lasting = long_lived(app, user, proxy=self._proxy)
        with self._session() as session:
            return list_pages(app, lasting, session, channel)

    def finish_page(
        self,
        channel: Channel,
        page: PageChoice,
        *,
        scopes: frozenset[str] = frozenset(),
        account_id: int | None = None,
    ) -> int:
        """Store the chosen Page (Facebook) or its Instagram account, with the Page token."""
        app = self.app(channel)
        tokens = page.tokens()
        if scopes:
            tokens = TokenSet(tokens.access_token, scopes=scopes, issued_at=tokens.issued_at)
        return self._store(channel, tokens, page.discovered(channel), app, account_id)

    def connect_telegram(
        self, token: str, *, api_base: str | None = None, account_id: int | None = None
    ) -> int:
        """Check a BotFather token with ``getMe`` and store the bot."""
        app = self.app(Channel.TELEGRAM)
        base = api_base or app.api_base
        with self._session() as session:
            tokens, found = verify_bot(token, base, session)
        return self._store(Channel.TELEGRAM, tokens, found, app, account_id, api_base=base)

    def _store(
        self,
        channel: Channel,
        tokens: TokenSet,
        found: Discovered,
        app: AppSettings,
        account_id: int | None,
        *,
        api_base: str | None = None,
    ) -> int:
        base = (api_base or app.api_base).rstrip("/")
        stored_base = None if base == DEFAULT_API_BASE[channel] else base
        if account_id is not None:
            self._accounts.reconnect(account_id, tokens, found)
            return account_id
        return self._accounts.connect(tokens, found, api_base=stored_base)

    def _session(self) -> PlatformSession:
        return PlatformSession(ca_bundle=self._ca_bundle, proxy=self._proxy)
