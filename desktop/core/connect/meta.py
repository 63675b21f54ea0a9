"""Facebook / Instagram: Facebook Login, then the Page to manage.

After the browser flow (``LoopbackFlow`` with the Meta app) the short-lived
user token is exchanged for a long-lived one (``fb_exchange_token``, about 60
days); ``/me/accounts`` then lists the Pages the officer manages, each with
its Page token (which does not expire when it comes from a long-lived user
token) and its linked Instagram business account. The Page token is what is
stored; the user token is dropped.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.core.connect.apps import AppSettings
from desktop.core.connect.client import oauth_session, token_call
from desktop.core.connect.discover import Discovered
from desktop.core.connect.errors import NoPageError
from desktop.core.connect.tokens import TokenSet
from desktop.core.model import Channel
from desktop.core.platforms.http import PlatformSession
from desktop.core.platforms.meta_errors import meta_error

PAGE_FIELDS = "id,name,access_token,tasks,instagram_business_account{id,username}"


@dataclass(frozen=True, slots=True)
class PageChoice:
    """A Page the signed-in person manages. The ``repr`` hides its token."""

    page_id: str
    name: str
    page_token: str
    instagram_id: str | None = None
    instagram_username: str | None = None

    def __repr__(self) -> str:
        ig = (
            f", instagram={self.instagram_username or self.instagram_id}"
            if self.instagram_id
            else ""
        )
        return f"PageChoice({self.page_id}, {self.name!r}{ig})"

    __str__ = __repr__

    def discovered(self, channel: Channel) -> Discovered:
        """The account this Page gives on ``channel`` (Facebook, or its Instagram)."""
        if channel is Channel.FACEBOOK:
            return Discovered(
                channel, self.name, {"page_id": self.page_id, "own_user_id": self.page_id}
            )
        if channel is Channel.INSTAGRAM and self.instagram_id:
            params = {
                "ig_user_id": self.instagram_id,
                "page_id": self.page_id,
                "own_user_id": self.instagram_id,
            }
            if self.instagram_username:
                params["username"] = self.instagram_username
            return Discovered(channel, self.instagram_username or self.name, params)
        raise NoPageError(f"The Page {self.name} has no linked Instagram business account.")

    def tokens(self) -> TokenSet:
        return TokenSet(access_token=self.page_token, issued_at=datetime.now(UTC))


def long_lived(app: AppSettings, user: TokenSet, *, proxy: str | None = None) -> TokenSet:
    """Exchange a short-lived user token for a long-lived one (needs the app secret)."""
    session = oauth_session(app, proxy=proxy)
    host = urllib.parse.urlsplit(app.token_url).netloc
    try:
        body = token_call(
            host,
            lambda: session.fetch_token(
                app.token_url,
                method="GET",
                grant_type="fb_exchange_token",
                fb_exchange_token=user.access_token,
                timeout=(10.0, 30.0),
            ),
        )
    finally:
        session.close()
    return TokenSet.from_response(body, datetime.now(UTC), previous=user)


def list_pages(
    app: AppSettings, user: TokenSet, session: PlatformSession, channel: Channel
) -> list[PageChoice]:
    """The Pages ``user`` manages (for Instagram: only those with a linked account)."""
    session.add_secret(user.access_token)
    found: list[PageChoice] = []
    url = f"{app.api_base}/me/accounts"
    params: dict[str, str | int] = {"fields": PAGE_FIELDS, "limit": 100}
    while len(found) < 1000:
        body = session.request(
            "GET",
            url,
            mapper=meta_error,
            params=params,
            headers={"Authorization": f"Bearer {user.access_token}"},
        ).body
        data = body.get("data") if isinstance(body, dict) else None
        for item in data if isinstance(data, list) else []:
            page = _page(item)
            if page is not None:
                session.add_secret(page.page_token)
                found.append(page)
        after = _next_cursor(body)
        if after is None:
            break
        params = {"fields": PAGE_FIELDS, "limit": 100, "after": after}
    if channel is Channel.INSTAGRAM:
        found = [p for p in found if p.instagram_id]
    if not found:
        linked = " with a linked Instagram business account" if channel is Channel.INSTAGRAM else ""
        raise NoPageError(f"This Facebook account manages no Page{linked}.")
    return found


def pick_page(pages: list[PageChoice], wanted: str | None) -> PageChoice:
    """The Page named ``wanted`` (id, name or Instagram username); the only one if one."""
    if wanted is None:
        if len(pages) == 1:
            return pages[0]
        raise NoPageError("Several Pages can be connected; choose one.")
    key = wanted.strip().lower().lstrip("@")
    for page in pages:
        names = {page.page_id, page.name.lower(), (page.instagram_username or "").lower()}
        if key in names or key == (page.instagram_id or ""):
            return page
    raise NoPageError(f"No Page {wanted!r} among the Pages this account manages.")


def _next_cursor(body: object) -> str | None:
    paging = body.get("paging") if isinstance(body, dict) else None
    if not isinstance(paging, dict) or "next" not in paging:
        return None
    cursors = paging.get("cursors")
    after = cursors.get("after") if isinstance(cursors, dict) else None
    return after if isinstance(after, str) and after else None


def _page(item: object) -> PageChoice | None:
    if not isinstance(item, dict):
        return None
    page_id, name, token = item.get("id"), item.get("name"), item.get("access_token")
    if not (isinstance(page_id, str) and isinstance(token, str) and token):
        return None
    ig = item.get("instagram_business_account")
    ig_id = ig.get("id") if isinstance(ig, dict) else None
    ig_name = ig.get("username") if isinstance(ig, dict) else None
    return PageChoice(
        page_id,
        name if isinstance(name, str) else page_id,
        token,
        ig_id if isinstance(ig_id, str) else None,
        ig_name if isinstance(ig_name, str) else None,
    )
