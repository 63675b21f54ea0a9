"""The one place that talks to token endpoints, through Authlib's requests client.

``oauth_session`` builds an ``OAuth2Session`` for an app (PKCE S256, the
platform's quirks as compliance hooks: TikTok's ``client_key``, Meta's
``GET``); ``token_call`` runs one token request and turns every way it can
fail into a typed ``ConnectError`` that carries no secret.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import requests
from authlib.integrations.base_client import OAuthError
from authlib.integrations.requests_client import OAuth2Session

from desktop.core.connect.apps import AppSettings, Provider
from desktop.core.connect.errors import ConnectError, GrantRefusedError, TokenEndpointError
from desktop.core.platforms.http import USER_AGENT
from desktop.core.platforms.redact import redact, register_secret

log = logging.getLogger(__name__)

TOKEN_TIMEOUT = (10.0, 30.0)  # connect, read (seconds)
# Answers that mean "this code / refresh token will never work again".
REFUSALS = frozenset(
    {"invalid_grant", "invalid_request", "unauthorized_client", "access_denied", "invalid_token"}
)


def scope_text(app: AppSettings) -> str:
    """Scopes as the platform wants them in the authorize URL (TikTok: commas)."""
    return (",".join if app.provider is Provider.TIKTOK else " ".join)(app.scopes)


def oauth_session(
    app: AppSettings,
    *,
    redirect_uri: str | None = None,
    update_token: Callable[..., None] | None = None,
    proxy: str | None = None,
    ca_bundle: str | None = None,
) -> OAuth2Session:
    register_secret(app.client_secret)
    public = app.client_secret is None
    session = OAuth2Session(
        client_id=app.client_id,
        client_secret=app.client_secret,
        token_endpoint_auth_method="none" if public else "client_secret_post",
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
        update_token=update_token,
        token_endpoint=app.token_url,
    )
    session.headers["User-Agent"] = USER_AGENT
    session.verify = ca_bundle or True
    if proxy:
        session.proxies = {"http": proxy, "https": proxy}
    if app.provider is Provider.TIKTOK:
        # (the code exchange passes client_key itself: Authlib has no hook there)
        session.register_compliance_hook("refresh_token_request", _tiktok_client_key(app.client_id))
    return session


def _tiktok_client_key(client_id: str) -> Callable[[str, dict[str, str], str], Any]:
    """TikTok names the client ``client_key`` in every token request."""

    def hook(url: str, headers: dict[str, str], body: str) -> tuple[str, dict[str, str], str]:
        import urllib.parse

        pairs = [
            ("client_key" if k == "client_id" else k, v)
            for k, v in urllib.parse.parse_qsl(body, keep_blank_values=True)
        ]
        if not any(k == "client_key" for k, _ in pairs):
            pairs.append(("client_key", client_id))
        return url, headers, urllib.parse.urlencode(pairs)

    return hook


def token_call(host: str, call: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run one token request; a typed error instead of whatever went wrong."""
    failure: ConnectError
    try:
        answer = call()
    except OAuthError as exc:
        failure = _refusal(exc.error, exc.description, host)
    except requests.Timeout:
        failure = TokenEndpointError(f"The sign-in server {host} did not answer in time.")
    except requests.HTTPError as exc:
        status = exc.response.status_code if exc.response is not None else "?"
        failure = TokenEndpointError(f"The sign-in server {host} answered HTTP {status}.")
    except requests.RequestException as exc:
        failure = TokenEndpointError(
            f"Could not reach the sign-in server {host}: {type(exc).__name__}."
        )
    except ValueError:
        failure = TokenEndpointError(
            f"The sign-in server {host} answered something that is not a token."
        )
    else:
        if not isinstance(answer, dict) or not isinstance(answer.get("access_token"), str):
            failure = TokenEndpointError(
                f"The sign-in server {host} answered something that is not a token."
            )
        else:
            for key in ("access_token", "refresh_token"):
                value = answer.get(key)
                register_secret(value if isinstance(value, str) else None)
            return dict(answer)
    log.warning("token request to %s failed: %s (%s)", host, failure, failure.reason)
    raise failure


def _refusal(error: object, description: object, host: str) -> ConnectError:
    # Meta puts an object in "error": {"message", "type", "code", "error_subcode"}.
    if isinstance(error, dict):
        message = str(error.get("message") or "")
        return GrantRefusedError(
            f"The sign-in server {host} refused: {redact(message)}",
            platform_message=redact(message) or None,
        )
    code = str(error or "error")
    words = redact(str(description or code))
    if code in REFUSALS:
        return GrantRefusedError(
            f"The sign-in server {host} refused ({code}): {words}", platform_message=words
        )
    return TokenEndpointError(
        f"The sign-in server {host} answered an error ({code}): {words}", platform_message=words
    )
