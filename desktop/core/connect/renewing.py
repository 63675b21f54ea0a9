"""An adapter whose bearer renews itself: one refresh and one retry on an expired-token answer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from desktop.core.connect.source import TokenSource
from desktop.core.model import Channel, InboundItem
from desktop.core.platforms.base import Adapter, Page, PostedReply
from desktop.core.platforms.errors import ReconnectNeededError, TokenExpiredError

_T = TypeVar("_T")


class RenewingAdapter:
    """Wraps the adapter built with ``bearer``; rebuilds it with a renewed one when the
    platform answers "expired", and retries the request once (a refused request was
    not delivered, so a reply is never sent twice)."""

    def __init__(self, source: TokenSource, bearer: str, build: Callable[[str], Adapter]) -> None:
        self._source = source
        self._bearer = bearer
        self._build = build
        self._inner = build(bearer)
        self.channel: Channel = self._inner.channel
        self.max_reply_length: int = self._inner.max_reply_length
        self.supports_read_back: bool = self._inner.supports_read_back

    def fetch(self, cursor: str | None) -> Page:
        return self._call(lambda a: a.fetch(cursor))

    def post_reply(self, thread_id: str, parent_id: str, text: str) -> PostedReply:
        return self._call(lambda a: a.post_reply(thread_id, parent_id, text))

    def read_back(self, thread_id: str) -> Sequence[InboundItem]:
        return self._call(lambda a: a.read_back(thread_id))

    def _call(self, request: Callable[[Adapter], _T]) -> _T:
        try:
            return request(self._inner)
        except ReconnectNeededError:
            raise
        except TokenExpiredError as exc:
            tokens = self._source.tokens()
            if not tokens.renewable:
                raise ReconnectNeededError(
                    "The platform no longer accepts this account's sign-in; connect it again.",
                    platform_message=exc.platform_message,
                ) from None
            self._bearer = self._source.renew(self._bearer)
            self._inner = self._build(self._bearer)
        try:
            return request(self._inner)
        except ReconnectNeededError:
            raise
        except TokenExpiredError as exc:
            raise ReconnectNeededError(
                "The platform refused the renewed sign-in; connect the account again.",
                platform_message=exc.platform_message,
            ) from None
