"""The platforms' sign-in: authorize pages, token endpoints and discovery, per provider.

Paths (under the simulator's URL), each in its provider's wire format:

- X: ``GET /x/i/oauth2/authorize``, ``POST /x/2/oauth2/token`` (public
  client, PKCE; the refresh token rotates: the old one stops working);
- Google: ``GET /google/o/oauth2/v2/auth``, ``POST /google/token`` (client
  secret; the refresh token does not rotate); discovery
  ``GET /youtube/youtube/v3/channels?mine=true``;
- TikTok: ``GET /tiktok/v2/auth/authorize/``, ``POST /tiktok/v2/oauth/token/``
  (``client_key``; rotation); discovery ``GET /tiktok/open_api/v1.3/business/get/``;
- Meta: ``GET /facebook/dialog/oauth``, ``GET /graph/vNN.N/oauth/access_token``
  (code, or ``fb_exchange_token`` for the long-lived token), discovery
  ``GET /graph/vNN.N/me/accounts`` (Page tokens, linked Instagram account).

The authorize page approves at once and redirects to the loopback
``redirect_uri`` (``deny`` makes it answer ``error=access_denied``). PKCE
(S256) is checked, codes are single-use and short-lived. Access tokens the
simulator issued are accepted by every platform API until they expire or are
revoked; then the platform answers its own "expired token" error. Lifetimes
are settable down to seconds (``set_lifetimes``, ``POST /_sim/oauth``).

``OAuthBook`` is what the server holds: the ledger of codes and tokens
(``oauth_ledger``) with the routing of these paths to the endpoints
(``oauth_endpoints``), Meta's device login (``meta_device``) and discovery;
the apps' ids and paths are ``oauth_apps``'s.
"""

from __future__ import annotations

from typing import Protocol

from desktop.core.connect.apps import AppSettings, Provider
from desktop.core.model import Channel
from desktop.simulator import oauth_endpoints
from desktop.simulator.meta_device import CLIENT_TOKEN, DeviceLogins
from desktop.simulator.oauth_apps import (
    AUTHORIZE_PATHS,
    CHANNELS,
    CLIENT_IDS,
    CLIENT_SECRET,
    META_TOKEN_SUFFIX,
    TOKEN_PATHS,
    is_meta_token_path,
    is_token_path,
)
from desktop.simulator.oauth_ledger import OAuthLedger
from desktop.simulator.state import World
from desktop.simulator.wire import Request, Response


class Served(Protocol):
    """What the sign-in needs of the simulator that serves it."""

    world: World

    @property
    def url(self) -> str: ...

    def api_base(self, channel: Channel) -> str: ...


class OAuthBook(OAuthLedger):
    """The simulator's sign-in: the ledger of codes and tokens, and the paths it serves."""

    def __init__(self, sim: Served) -> None:
        super().__init__(lambda: sim.world.board(Channel.TIKTOK).account.platform_user_id)
        self._sim = sim
        self.device = DeviceLogins(self, CLIENT_IDS[Provider.META])

    is_token_path = staticmethod(is_token_path)

    def app(self, provider: Provider) -> AppSettings:
        """The app settings a unit profile would carry for the simulator's provider."""
        url = self._sim.url
        authorize = next(p for p, v in AUTHORIZE_PATHS.items() if v is provider)
        if provider is Provider.META:
            token = f"{url}/graph/v21.0{META_TOKEN_SUFFIX}"
            api = f"{url}/graph/v21.0"
        else:
            token = url + next(p for p, v in TOKEN_PATHS.items() if v is provider)
            channel = next(c for c, p in CHANNELS.items() if p is provider)
            api = self._sim.api_base(channel)
        return AppSettings(
            provider,
            CLIENT_IDS[provider],
            client_secret=None if provider is Provider.X else CLIENT_SECRET,
            client_token=CLIENT_TOKEN if provider is Provider.META else "",
            authorize_url=url + authorize,
            token_url=token,
            api_base=api,
        )

    def profile_toml(self) -> str:
        """``[app.*]`` tables of a unit profile for these apps (secrets included)."""
        lines = []
        for provider in (Provider.X, Provider.GOOGLE, Provider.TIKTOK, Provider.META):
            app = self.app(provider)
            lines.append(f"[app.{provider.value}]")
            lines.append(f'client_id = "{app.client_id}"')
            if app.client_secret:
                lines.append(f'client_secret = "{app.client_secret}"')
            if app.client_token:
                lines.append(f'client_token = "{app.client_token}"')
            for key in ("authorize_url", "token_url", "api_base"):
                lines.append(f'{key} = "{getattr(app, key)}"')
            lines.append("")
        lines.append("[app.telegram]")
        lines.append(f'api_base = "{self._sim.api_base(Channel.TELEGRAM)}"')
        lines.append("")
        return "\n".join(lines)

    # -- requests ---------------------------------------------------------------------------

    def handle(self, raw_path: str, req: Request) -> Response | None:
        """The answer for a sign-in path, or None when ``raw_path`` is not one."""
        if raw_path in AUTHORIZE_PATHS and req.method == "GET":
            return oauth_endpoints.authorize(self, AUTHORIZE_PATHS[raw_path], req)
        if raw_path in TOKEN_PATHS and req.method == "POST":
            return oauth_endpoints.token(self, TOKEN_PATHS[raw_path], req)
        if is_meta_token_path(raw_path):
            return oauth_endpoints.meta_token(self, req)
        if self.device.handles(raw_path):
            return self.device.handle(raw_path, req, self._sim.url)
        return None

    # -- discovery (served after the token check) --------------------------------------------

    def discovery(self, raw_path: str, req: Request) -> Response | None:
        if raw_path == "/youtube/youtube/v3/channels" and req.query.get("mine") == "true":
            account = self._sim.world.board(Channel.YOUTUBE).account
            item = {"kind": "youtube#channel", "id": account.platform_user_id}
            item["snippet"] = {"title": account.name}  # type: ignore[assignment]
            return Response.json({"kind": "youtube#channelListResponse", "items": [item]})
        if raw_path == "/tiktok/open_api/v1.3/business/get/":
            account = self._sim.world.board(Channel.TIKTOK).account
            data = {"username": account.name, "display_name": account.name}
            return Response.json({"code": 0, "message": "OK", "request_id": "sim", "data": data})
        if raw_path.startswith("/graph/v") and raw_path.endswith("/me/accounts"):
            return Response.json(self._pages(req))
        return None

    def _pages(self, req: Request) -> dict[str, object]:
        page = self._sim.world.board(Channel.FACEBOOK).account
        ig = self._sim.world.board(Channel.INSTAGRAM).account
        token = self.page_token()
        entry = {
            "id": page.platform_user_id,
            "name": page.name,
            "access_token": token,
            "tasks": ["ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MANAGE"],
            "instagram_business_account": {"id": ig.platform_user_id, "username": ig.name},
        }
        return {"data": [entry], "paging": {"cursors": {"before": "QVFI", "after": "QVFI"}}}
