"""The connect dialog's steps, each one call for the window's ``TaskRunner``.

``desktop.core.connect.Connector`` does the work; this adds what the window
needs around it: its store writes go through the database lane (the network
steps run on the pool, and the database has one owner in the window), and
every finished step says which account is now connected, by name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from desktop.core.connect.apps import AppSettings, Provider
from desktop.core.connect.discover import Discovered
from desktop.core.connect.flow import LoopbackFlow
from desktop.core.connect.meta import PageChoice
from desktop.core.connect.service import Connector
from desktop.core.connect.tokens import TokenSet
from desktop.core.desk import Accounts, Desk
from desktop.core.model import Account, Channel
from desktop.core.workers import Lane

T = TypeVar("T")

__all__ = ["ConnectSteps", "Connected", "PageChoice"]


@dataclass(frozen=True, slots=True)
class Connected:
    """An account that is now connected (a new one, or the one connected again)."""

    account_id: int
    channel: Channel
    name: str


class _LaneAccounts(Accounts):
    """``Accounts`` whose store work is carried to the database lane from a pool thread."""

    def __init__(self, desk: Desk, lane: Lane) -> None:
        super().__init__(desk.store, desk.vault)
        self._lane = lane

    def _on_lane(self, work: Callable[[], T]) -> T:
        return self._lane.run(work)

    def list(self, *, include_disabled: bool = True) -> list[Account]:
        return self._on_lane(lambda: Accounts.list(self, include_disabled=include_disabled))

    def find(self, account_id: int) -> Account:
        return self._on_lane(lambda: Accounts.find(self, account_id))

    def connect(
        self,
        tokens: TokenSet,
        found: Discovered,
        *,
        api_base: str | None = None,
        name: str | None = None,
    ) -> int:
        return self._on_lane(
            lambda: Accounts.connect(self, tokens, found, api_base=api_base, name=name)
        )

    def reconnect(self, account_id: int, tokens: TokenSet, found: Discovered) -> None:
        self._on_lane(lambda: Accounts.reconnect(self, account_id, tokens, found))


class ConnectSteps:
    """Sign in (browser or bot token), pick a Page, store: each step blocking, for the pool."""

    def __init__(
        self,
        desk: Desk,
        lane: Lane,
        apps: Mapping[Provider, AppSettings],
        *,
        proxy: str | None = None,
        ca_bundle: str | None = None,
    ) -> None:
        self._accounts = _LaneAccounts(desk, lane)
        self._core = Connector(self._accounts, apps, desk.vault, proxy=proxy, ca_bundle=ca_bundle)

    def sign_in(self, channel: Channel) -> LoopbackFlow:
        """The browser sign-in for ``channel``; ``start()`` it for the URL (no network)."""
        return self._core.browser_flow(channel)

    def finish(self, channel: Channel, tokens: TokenSet, target: Account | None) -> Connected:
        """X, YouTube, TikTok: find the account's ids and store it (network, then the lane)."""
        account_id = self._core.finish(channel, tokens, account_id=_id(target))
        return self._connected(account_id)

    def pages(self, channel: Channel, user: TokenSet) -> list[PageChoice]:
        """After Facebook Login: the Pages the officer manages (network)."""
        return self._core.pages(channel, user)

    def finish_page(
        self, channel: Channel, page: PageChoice, user: TokenSet, target: Account | None
    ) -> Connected:
        """Store the chosen Page (Facebook) or its linked Instagram account."""
        account_id = self._core.finish_page(
            channel, page, scopes=user.scopes, account_id=_id(target)
        )
        return self._connected(account_id)

    def connect_bot(self, token: str, target: Account | None) -> Connected:
        """Telegram: ``getMe`` checks the token and names the bot; then it is stored."""
        api_base = target.api_base if target is not None else None
        account_id = self._core.connect_telegram(token, api_base=api_base, account_id=_id(target))
        return self._connected(account_id)

    def _connected(self, account_id: int) -> Connected:
        account = self._accounts.find(account_id)
        return Connected(account.id, account.channel, account.name)


def _id(target: Account | None) -> int | None:
    return None if target is None else target.id
