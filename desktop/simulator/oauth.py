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
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from desktop.core.connect.apps import AppSettings, Provider
from desktop.core.model import Channel
from desktop.simulator.meta_device import CLIENT_TOKEN, DeviceLogins
from desktop.simulator.wire import Request, Response

if TYPE_CHECKING:
    from desktop.simulator.server import Simulator

CLIENT_IDS = {
    Provider.X: "sim-x-client-id",
    Provider.GOOGLE: "sim-google-client.apps.googleusercontent.com",
    Provider.TIKTOK: "sim-tiktok-client-key",
    Provider.META: "1234567890123456",
}
CLIENT_SECRET = "sim-client-secret-0123456789"

# Lifetimes (seconds) from each provider's current documentation (see README).
DEFAULT_LIFETIMES: dict[Provider, tuple[float | None, float | None]] = {
    Provider.X: (7200, None),  # access 2 h; refresh rotated on use, no stated end
    Provider.GOOGLE: (3599, None),  # access 1 h; refresh long-lived
    Provider.TIKTOK: (7200, 180 * 86400),  # access 2 h, refresh 180 days (docs of 2026)
    Provider.META: (5400, 60 * 86400),  # short user token; long-lived 60 days; Page: none
}
ROTATES = frozenset({Provider.X, Provider.TIKTOK})
CODE_LIFE = 600.0

AUTHORIZE_PATHS = {
    "/x/i/oauth2/authorize": Provider.X,
    "/google/o/oauth2/v2/auth": Provider.GOOGLE,
    "/tiktok/v2/auth/authorize/": Provider.TIKTOK,
    "/facebook/dialog/oauth": Provider.META,
}
TOKEN_PATHS = {
    "/x/2/oauth2/token": Provider.X,
    "/google/token": Provider.GOOGLE,
    "/tiktok/v2/oauth/token/": Provider.TIKTOK,
}
META_TOKEN_SUFFIX = "/oauth/access_token"
CHANNELS = {
    Channel.X: Provider.X,
    Channel.YOUTUBE: Provider.GOOGLE,
    Channel.TIKTOK: Provider.TIKTOK,
    Channel.FACEBOOK: Provider.META,
    Channel.INSTAGRAM: Provider.META,
}


@dataclass(slots=True)
class _Code:
    provider: Provider
    challenge: str
    method: str
    redirect_uri: str
    scopes: str
    expires: float
    used: bool = False


@dataclass(slots=True)
class _Grant:
    provider: Provider
    scopes: str
    expires: float | None
    alive: bool = True


@dataclass(slots=True)
class Stats:
    codes: int = 0
    exchanges: int = 0
    refreshes: dict[str, int] = field(default_factory=dict)
    refused: int = 0


class OAuthBook:
    """Every code and token the simulator issued, and the switches tests turn."""

    def __init__(self, sim: Simulator) -> None:
        self._sim = sim
        self._lock = threading.Lock()
        self._codes: dict[str, _Code] = {}
        self._access: dict[str, _Grant] = {}
        self._refresh: dict[str, _Grant] = {}
        self._lifetimes = dict(DEFAULT_LIFETIMES)
        self.deny = False
        # A fault of the token endpoints: "down" (connection closed), "slow" (waits
        # ``slow_seconds``), "garbage" (an HTML page with HTTP 200), "error" (HTTP 500).
        self.token_fault: str | None = None
        self.slow_seconds = 5.0
        self.stats = Stats()
        self.codes_issued: list[str] = []
        self._serial = itertools.count(1)
        self.device = DeviceLogins(self, CLIENT_IDS[Provider.META])

    # -- switches ---------------------------------------------------------------------

    def set_lifetimes(
        self, provider: Provider, *, access: float | None = None, refresh: float | None = None
    ) -> None:
        with self._lock:
            old_access, old_refresh = self._lifetimes[provider]
            self._lifetimes[provider] = (
                access if access is not None else old_access,
                refresh if refresh is not None else old_refresh,
            )

    def revoke(self, provider: Provider) -> None:
        """The officer removed the app's access on the platform: every token stops."""
        with self._lock:
            for grant in (*self._access.values(), *self._refresh.values()):
                if grant.provider is provider:
                    grant.alive = False

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

    def issued_tokens(self) -> list[str]:
        """Every access and refresh token issued (for the secret scans)."""
        with self._lock:
            return [*self._access, *self._refresh]

    # -- the API's side: is this a token we issued? -------------------------------------

    def check(self, channel: Channel, token: str | None) -> bool | None:
        """True: a live issued token; False: issued but expired/revoked; None: not ours."""
        if not token:
            return None
        with self._lock:
            grant = self._access.get(token)
            if grant is None:
                return None
            return grant.alive and (grant.expires is None or grant.expires > time.monotonic())

    # -- requests ---------------------------------------------------------------------------

    def handle(self, raw_path: str, req: Request) -> Response | None:
        """The answer for a sign-in path, or None when ``raw_path`` is not one."""
        if raw_path in AUTHORIZE_PATHS and req.method == "GET":
            return self._authorize(AUTHORIZE_PATHS[raw_path], req)
        if raw_path in TOKEN_PATHS and req.method == "POST":
            return self._token(TOKEN_PATHS[raw_path], req)
        if raw_path.startswith("/graph/v") and raw_path.endswith(META_TOKEN_SUFFIX):
            return self._meta_token(req)
        if self.device.handles(raw_path):
            return self.device.handle(raw_path, req, self._sim.url)
        return None

    @staticmethod
    def is_token_path(raw_path: str) -> bool:
        return raw_path in TOKEN_PATHS or (
            raw_path.startswith("/graph/v") and raw_path.endswith(META_TOKEN_SUFFIX)
        )

    def settings(self, body: object) -> str | None:
        """Apply ``POST /_sim/oauth``; an error message, or None when applied."""
        if not isinstance(body, dict):
            return "send a JSON object"
        try:
            if "deny" in body:
                self.deny = bool(body["deny"])
            if "token_fault" in body:
                fault = body["token_fault"]
                if fault not in (None, "down", "slow", "garbage", "error"):
                    return "token_fault must be null, down, slow, garbage or error"
                self.token_fault = fault
            if "slow_seconds" in body:
                self.slow_seconds = float(body["slow_seconds"])
            for name in body.get("providers") or [p.value for p in Provider if p in CLIENT_IDS]:
                provider = Provider(name)
                if "access_seconds" in body or "refresh_seconds" in body:
                    access, refresh = body.get("access_seconds"), body.get("refresh_seconds")
                    self.set_lifetimes(
                        provider,
                        access=None if access is None else float(access),
                        refresh=None if refresh is None else float(refresh),
                    )
                if body.get("revoke"):
                    self.revoke(provider)
        except (TypeError, ValueError) as exc:
            return str(exc)
        return None

    def describe(self) -> dict[str, object]:
        with self._lock:
            return {
                "deny": self.deny,
                "token_fault": self.token_fault,
                "lifetimes": {p.value: list(v) for p, v in self._lifetimes.items()},
                "codes": self.stats.codes,
                "exchanges": self.stats.exchanges,
                "refreshes": dict(self.stats.refreshes),
                "refused": self.stats.refused,
            }

    def _authorize(self, provider: Provider, req: Request) -> Response:
        q = req.query
        client = q.get("client_key" if provider is Provider.TIKTOK else "client_id", "")
        redirect = q.get("redirect_uri", "")
        host = urllib.parse.urlsplit(redirect).hostname
        if client != CLIENT_IDS[provider] or host not in ("127.0.0.1", "localhost"):
            return Response.html("<h1>Invalid client or redirect_uri</h1>", 400)
        state = q.get("state", "")
        if self.deny:
            error = {"error": "access_denied", "state": state}
            if provider is Provider.META:
                error |= {"error_reason": "user_denied", "error_description": "Permissions error"}
            elif provider is Provider.TIKTOK:
                error |= {"error_description": "The user denied the authorization."}
            return _redirect(redirect, error)
        method = q.get("code_challenge_method", "")
        challenge = q.get("code_challenge", "")
        if provider is not Provider.META and (method != "S256" or not challenge):
            return _redirect(
                redirect,
                {"error": "invalid_request", "error_description": "code_challenge required"},
            )
        code = _token("code", 40)
        with self._lock:
            self._codes[code] = _Code(
                provider,
                challenge,
                method,
                redirect,
                q.get("scope", ""),
                time.monotonic() + CODE_LIFE,
            )
            self.stats.codes += 1
            self.codes_issued.append(code)
        return _redirect(redirect, {"code": code, "state": state})

    def _token(self, provider: Provider, req: Request) -> Response:
        form = req.form()
        client = form.get("client_key" if provider is Provider.TIKTOK else "client_id", "")
        if client != CLIENT_IDS[provider]:
            return self._error(provider, "invalid_client", "Client authentication failed.", 401)
        if provider is not Provider.X and form.get("client_secret") != CLIENT_SECRET:
            return self._error(provider, "invalid_client", "Client authentication failed.", 401)
        grant_type = form.get("grant_type")
        if grant_type == "authorization_code":
            return self._exchange(provider, form)
        if grant_type == "refresh_token":
            return self._refresh_grant(provider, form.get("refresh_token", ""))
        return self._error(provider, "unsupported_grant_type", "grant_type is not supported.")

    def _exchange(self, provider: Provider, form: dict[str, str]) -> Response:
        with self._lock:
            code = self._codes.get(form.get("code", ""))
            problem = _code_problem(provider, code, form)
            if code is not None:
                code.used = True  # a code is spent by its first use, right or wrong
            if problem is not None or code is None:
                self.stats.refused += 1
                return self._error(provider, *_CODE_ERRORS[provider], words=problem)
            self.stats.exchanges += 1
            return Response.json(self._issue(provider, code.scopes, refresh=True))

    def _refresh_grant(self, provider: Provider, token: str) -> Response:
        with self._lock:
            grant = self._refresh.get(token)
            now = time.monotonic()
            if (
                grant is None
                or grant.provider is not provider
                or not grant.alive
                or (grant.expires is not None and grant.expires <= now)
            ):
                self.stats.refused += 1
                return self._error(provider, *_REFRESH_ERRORS[provider])
            counts = self.stats.refreshes
            counts[provider.value] = counts.get(provider.value, 0) + 1
            rotate = provider in ROTATES
            if rotate:
                grant.alive = False
            body = self._issue(provider, grant.scopes, refresh=rotate)
            if not rotate:
                body.pop("refresh_token", None)
            return Response.json(body)

    def issue(self, provider: Provider, scopes: str) -> dict[str, object]:
        """A fresh access token's answer (Meta's device login, once approved)."""
        with self._lock:
            self.stats.exchanges += 1
            return self._issue(provider, scopes, refresh=False)

    def _issue(self, provider: Provider, scopes: str, *, refresh: bool) -> dict[str, object]:
        access_life, refresh_life = self._lifetimes[provider]
        now = time.monotonic()
        access = _token(f"{provider.value}-at-{next(self._serial)}", 64)
        self._access[access] = _Grant(provider, scopes, now + access_life if access_life else None)
        body: dict[str, object] = {"access_token": access, "token_type": "bearer"}
        if access_life:
            body["expires_in"] = int(access_life) if access_life >= 1 else access_life
        if provider is Provider.TIKTOK:
            body["scope"] = scopes.replace(" ", ",")
            body["open_id"] = self._sim.world.board(Channel.TIKTOK).account.platform_user_id
            body["token_type"] = "Bearer"
        elif provider is not Provider.META:
            body["scope"] = scopes
        if provider is Provider.GOOGLE:
            body["token_type"] = "Bearer"
        if refresh and provider is not Provider.META:
            rt = _token(f"{provider.value}-rt", 64)
            self._refresh[rt] = _Grant(
                provider, scopes, now + refresh_life if refresh_life else None
            )
            body["refresh_token"] = rt
            if provider is Provider.TIKTOK and refresh_life:
                body["refresh_expires_in"] = int(refresh_life)
        return body

    def _meta_token(self, req: Request) -> Response:
        q = req.params()
        if (
            q.get("client_id") != CLIENT_IDS[Provider.META]
            or q.get("client_secret") != CLIENT_SECRET
        ):
            return _meta_error("Error validating client secret.", 1, 400)
        if q.get("grant_type") == "fb_exchange_token":
            short = str(q.get("fb_exchange_token", ""))
            with self._lock:
                grant = self._access.get(short)
                if grant is None or not grant.alive:
                    self.stats.refused += 1
                    return _meta_error("Error validating access token: Session has expired", 190)
                _, long_life = self._lifetimes[Provider.META]
                token = _token("meta-lt", 180)
                expires = time.monotonic() + long_life if long_life else None
                self._access[token] = _Grant(Provider.META, grant.scopes, expires)
                body: dict[str, object] = {"access_token": token, "token_type": "bearer"}
                if long_life:
                    body["expires_in"] = int(long_life)
                return Response.json(body)
        form = {k: str(v) for k, v in q.items()}
        form.setdefault("grant_type", "authorization_code")
        with self._lock:
            code = self._codes.get(form.get("code", ""))
            problem = _code_problem(Provider.META, code, form)
            if code is not None:
                code.used = True
            if problem is not None or code is None:
                self.stats.refused += 1
                return _meta_error(f"This authorization code has been used. {problem}", 100)
            self.stats.exchanges += 1
            return Response.json(self._issue(Provider.META, code.scopes, refresh=False))

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
        with self._lock:
            token = _token("meta-page", 180)
            self._access[token] = _Grant(Provider.META, "", None)  # a Page token: no end
        entry = {
            "id": page.platform_user_id,
            "name": page.name,
            "access_token": token,
            "tasks": ["ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MANAGE"],
            "instagram_business_account": {"id": ig.platform_user_id, "username": ig.name},
        }
        return {"data": [entry], "paging": {"cursors": {"before": "QVFI", "after": "QVFI"}}}

    def _error(
        self,
        provider: Provider,
        error: str,
        description: str,
        status: int = 400,
        *,
        words: str | None = None,
    ) -> Response:
        body: dict[str, object] = {"error": error, "error_description": words or description}
        if provider is Provider.TIKTOK:
            body["log_id"] = "20260101000000SIM"
        return Response.json(body, status)


# What each provider answers to a bad code, and to a refused refresh.
_CODE_ERRORS: dict[Provider, tuple[str, str]] = {
    Provider.X: ("invalid_request", "Value passed for the authorization code was invalid."),
    Provider.GOOGLE: ("invalid_grant", "Bad Request"),
    Provider.TIKTOK: ("invalid_grant", "Authorization code is expired."),
    Provider.META: ("invalid_grant", "This authorization code has been used."),
}
_REFRESH_ERRORS: dict[Provider, tuple[str, str]] = {
    Provider.X: ("invalid_request", "Value passed for the token was invalid."),
    Provider.GOOGLE: ("invalid_grant", "Token has been expired or revoked."),
    Provider.TIKTOK: ("invalid_grant", "Refresh token is invalid or expired."),
    Provider.META: ("invalid_grant", "Session has expired."),
}


def _code_problem(provider: Provider, code: _Code | None, form: dict[str, str]) -> str | None:
    if code is None or code.provider is not provider:
        return "unknown code"
    if code.used:
        return "the code was already used"
    if code.expires <= time.monotonic():
        return "the code expired"
    if form.get("redirect_uri") != code.redirect_uri:
        return "redirect_uri does not match"
    if code.challenge:
        verifier = form.get("code_verifier", "")
        _VERIFIERS.append(verifier)
        digest = hashlib.sha256(verifier.encode()).digest()
        expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
        if not secrets.compare_digest(expected, code.challenge):
            return "code_verifier does not match the code_challenge"
    return None


_VERIFIERS: list[str] = []  # every verifier the simulators of this process received


def received_verifiers() -> list[str]:
    return list(_VERIFIERS)


def _meta_error(message: str, code: int, status: int = 400) -> Response:
    error = {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "AsimTrace"}
    return Response.json({"error": error}, status)


def _redirect(uri: str, params: dict[str, str]) -> Response:
    joiner = "&" if "?" in uri else "?"
    answer = Response(302, b"", "text/html; charset=UTF-8")
    answer.headers["Location"] = uri + joiner + urllib.parse.urlencode(params)
    return answer


def _token(kind: str, length: int) -> str:
    return f"{kind}.{secrets.token_urlsafe(length)}"


def swap_token(req: Request, token: str, static: str) -> Request:
    """The request as if it carried the simulator's static token instead of ``token``."""
    headers = {
        k: v.replace(token, static) if k in ("authorization", "access-token") else v
        for k, v in req.headers.items()
    }
    query = {k: static if v == token else v for k, v in req.query.items()}
    pairs = tuple((k, static if v == token else v) for k, v in req.query_pairs)
    body = req.body.replace(token.encode(), static.encode()) if req.body else req.body
    return replace(req, headers=headers, query=query, query_pairs=pairs, body=body)


def token_of(req: Request) -> str | None:
    return (
        req.bearer()
        or req.header("access-token")
        or req.query.get("access_token")
        or req.form().get("access_token")
    )
