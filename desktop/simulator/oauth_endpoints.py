"""The sign-in endpoints in each provider's wire format: authorize page and token endpoints.

The authorize page approves at once and redirects to the loopback
``redirect_uri`` (``deny`` makes it answer ``error=access_denied``); the token
endpoints check the client, then exchange a code or a refresh token through
the ``OAuthLedger``, and word a refusal as the provider does (Meta's Graph
``OAuthException`` for Meta).
"""

from __future__ import annotations

import urllib.parse

from desktop.core.connect.apps import Provider
from desktop.simulator.oauth_apps import CLIENT_IDS, CLIENT_SECRET
from desktop.simulator.oauth_ledger import OAuthLedger
from desktop.simulator.wire import Request, Response

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


def authorize(ledger: OAuthLedger, provider: Provider, req: Request) -> Response:
    """``GET`` of a provider's authorize page: a redirect with a code, or with the error."""
    q = req.query
    client = q.get("client_key" if provider is Provider.TIKTOK else "client_id", "")
    redirect = q.get("redirect_uri", "")
    host = urllib.parse.urlsplit(redirect).hostname
    if client != CLIENT_IDS[provider] or host not in ("127.0.0.1", "localhost"):
        return Response.html("<h1>Invalid client or redirect_uri</h1>", 400)
    state = q.get("state", "")
    if ledger.deny:
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
    code = ledger.new_code(provider, challenge, method, redirect, q.get("scope", ""))
    return _redirect(redirect, {"code": code, "state": state})


def token(ledger: OAuthLedger, provider: Provider, req: Request) -> Response:
    """``POST`` to the token endpoint of X, Google or TikTok."""
    form = req.form()
    client = form.get("client_key" if provider is Provider.TIKTOK else "client_id", "")
    if client != CLIENT_IDS[provider]:
        return _error(provider, "invalid_client", "Client authentication failed.", 401)
    if provider is not Provider.X and form.get("client_secret") != CLIENT_SECRET:
        return _error(provider, "invalid_client", "Client authentication failed.", 401)
    grant_type = form.get("grant_type")
    if grant_type == "authorization_code":
        answer = ledger.exchange(provider, form, refresh=True)
        if isinstance(answer, str):
            return _error(provider, *_CODE_ERRORS[provider], words=answer)
        return Response.json(answer)
    if grant_type == "refresh_token":
        body = ledger.refresh(provider, form.get("refresh_token", ""))
        if body is None:
            return _error(provider, *_REFRESH_ERRORS[provider])
        return Response.json(body)
    return _error(provider, "unsupported_grant_type", "grant_type is not supported.")


def meta_token(ledger: OAuthLedger, req: Request) -> Response:
    """``GET /graph/vNN.N/oauth/access_token``: a code, or ``fb_exchange_token``."""
    q = req.params()
    if q.get("client_id") != CLIENT_IDS[Provider.META] or q.get("client_secret") != CLIENT_SECRET:
        return _meta_error("Error validating client secret.", 1, 400)
    if q.get("grant_type") == "fb_exchange_token":
        body = ledger.long_lived(str(q.get("fb_exchange_token", "")))
        if body is None:
            return _meta_error("Error validating access token: Session has expired", 190)
        return Response.json(body)
    form = {k: str(v) for k, v in q.items()}
    form.setdefault("grant_type", "authorization_code")
    answer = ledger.exchange(Provider.META, form, refresh=False)
    if isinstance(answer, str):
        return _meta_error(f"This authorization code has been used. {answer}", 100)
    return Response.json(answer)


def _error(
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


def _meta_error(message: str, code: int, status: int = 400) -> Response:
    error = {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "AsimTrace"}
    return Response.json({"error": error}, status)


def _redirect(uri: str, params: dict[str, str]) -> Response:
    joiner = "&" if "?" in uri else "?"
    answer = Response(302, b"", "text/html; charset=UTF-8")
    answer.headers["Location"] = uri + joiner + urllib.parse.urlencode(params)
    return answer
