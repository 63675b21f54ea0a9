"""How X tells who is asking: app-only, OAuth 2.0 user context, OAuth 1.0a user context.

- ``Authorization: Bearer <token>``: the simulator's token is a user-context
  token (what the desk gets by signing in with PKCE); ``app_token(token)`` is
  the app-only token, good for reading public lists but refused where X needs
  a user (posting, ``/2/users/me``, direct messages).
- ``Authorization: OAuth …`` (1.0a, HMAC-SHA1): consumer ``CONSUMER_KEY`` /
  ``CONSUMER_SECRET``, access token = the simulator's token with
  ``TOKEN_SECRET``. The signature is checked against the URL the client
  addressed, or the same path on X's real hosts (a client pointed at the
  simulator by rewriting its requests signs for the real host).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import urllib.parse
from typing import Literal

from desktop.simulator.wire import Request, Response
from desktop.simulator.x_render import problem

CONSUMER_KEY = "sim-consumer-key"
CONSUMER_SECRET = "sim-consumer-secret"
TOKEN_SECRET = "sim-token-secret"
REAL_HOSTS = ("https://api.x.com", "https://api.twitter.com")
Who = Literal["user", "app"]


def app_token(token: str) -> str:
    return f"app-{token}"


def who_asks(req: Request, token: str) -> Who | None:
    """``user`` or ``app`` for a valid credential, None otherwise."""
    value = req.header("authorization") or ""
    scheme, _, rest = value.partition(" ")
    if scheme.lower() == "bearer":
        given = rest.strip()
        return "user" if given == token else "app" if given == app_token(token) else None
    if scheme.lower() == "oauth":
        return "user" if _oauth1_valid(req, _oauth_params(rest), token) else None
    return None


def needs_user() -> Response:
    detail = (
        "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  "
        "Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context]."
    )
    kind = "https://api.twitter.com/2/problems/unsupported-authentication"
    return problem(403, "Unsupported Authentication", detail, kind)


def _oauth_params(header: str) -> dict[str, str]:
    found = {}
    for part in header.split(","):
        key, sep, value = part.strip().partition("=")
        if sep:
            found[urllib.parse.unquote(key)] = urllib.parse.unquote(value.strip('"'))
    return found


def _oauth1_valid(req: Request, oauth: dict[str, str], token: str) -> bool:
    if oauth.get("oauth_consumer_key") != CONSUMER_KEY or oauth.get("oauth_token") != token:
        return False
    if oauth.get("oauth_signature_method") != "HMAC-SHA1" or "oauth_signature" not in oauth:
        return False
    params = [(k, v) for k, v in oauth.items() if k not in ("oauth_signature", "realm")]
    params += list(req.query_pairs)
    if _is_form(req):
        params += urllib.parse.parse_qsl(req.body.decode("utf-8", "replace"))
    pairs = sorted((_quote(k), _quote(v)) for k, v in params)
    normal = "&".join(f"{k}={v}" for k, v in pairs)
    key = f"{_quote(CONSUMER_SECRET)}&{_quote(TOKEN_SECRET)}".encode()
    candidates = [req.base_url + req.path, *(host + req.path for host in REAL_HOSTS)]
    for url in candidates:
        base = "&".join((req.method.upper(), _quote(url), _quote(normal)))
        digest = hmac.new(key, base.encode(), hashlib.sha1).digest()
        if hmac.compare_digest(base64.b64encode(digest).decode(), oauth["oauth_signature"]):
            return True
    return False


def _is_form(req: Request) -> bool:
    kind = (req.header("content-type") or "").split(";")[0].strip().lower()
    return kind == "application/x-www-form-urlencoded"


def _quote(text: str) -> str:
    return urllib.parse.quote(text, safe="~")
