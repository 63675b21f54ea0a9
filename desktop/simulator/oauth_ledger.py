"""Every authorization code and token the simulated sign-in issued, and the switches tests turn.

Codes are single-use and short-lived, and their exchange checks PKCE (S256);
access tokens are accepted by every platform API until they expire or are
revoked; refresh tokens rotate for the providers that rotate them. The
token answers are in each provider's wire format; how the endpoints word a
refusal is ``oauth_endpoints``'s.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.connect.apps import Provider
from desktop.core.model import Channel
from desktop.simulator.oauth_apps import CLIENT_IDS, CODE_LIFE, DEFAULT_LIFETIMES, ROTATES


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


class OAuthLedger:
    """Every code and token the simulator issued, and the switches tests turn."""

    def __init__(self, tiktok_open_id: Callable[[], str]) -> None:
        self._tiktok_open_id = tiktok_open_id
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

    def issued_tokens(self) -> list[str]:
        """Every access and refresh token issued (for the secret scans)."""
        with self._lock:
            return [*self._access, *self._refresh]

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

    # -- codes and tokens -------------------------------------------------------------------

    def new_code(
        self, provider: Provider, challenge: str, method: str, redirect_uri: str, scopes: str
    ) -> str:
        """A fresh authorization code for an approved sign-in."""
        code = _token("code", 40)
        with self._lock:
            self._codes[code] = _Code(
                provider,
                challenge,
                method,
                redirect_uri,
                scopes,
                time.monotonic() + CODE_LIFE,
            )
            self.stats.codes += 1
            self.codes_issued.append(code)
        return code

    def exchange(
        self, provider: Provider, form: dict[str, str], *, refresh: bool
    ) -> dict[str, object] | str:
        """The token answer for the code in ``form``, or what is wrong with the code."""
        with self._lock:
            code = self._codes.get(form.get("code", ""))
            problem = _code_problem(provider, code, form)
            if code is not None:
                code.used = True  # a code is spent by its first use, right or wrong
            if problem is not None or code is None:
                self.stats.refused += 1
                return problem or "unknown code"
            self.stats.exchanges += 1
            return self._issue(provider, code.scopes, refresh=refresh)

    def refresh(self, provider: Provider, token: str) -> dict[str, object] | None:
        """The token answer for a refresh token, or None when it is refused."""
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
                return None
            counts = self.stats.refreshes
            counts[provider.value] = counts.get(provider.value, 0) + 1
            rotate = provider in ROTATES
            if rotate:
                grant.alive = False
            body = self._issue(provider, grant.scopes, refresh=rotate)
            if not rotate:
                body.pop("refresh_token", None)
            return body

    def long_lived(self, short: str) -> dict[str, object] | None:
        """Meta's long-lived user token for a live short one, or None when refused."""
        with self._lock:
            grant = self._access.get(short)
            if grant is None or not grant.alive:
                self.stats.refused += 1
                return None
            _, long_life = self._lifetimes[Provider.META]
            token = _token("meta-lt", 180)
            expires = time.monotonic() + long_life if long_life else None
            self._access[token] = _Grant(Provider.META, grant.scopes, expires)
            body: dict[str, object] = {"access_token": token, "token_type": "bearer"}
            if long_life:
                body["expires_in"] = int(long_life)
            return body

    def page_token(self) -> str:
        """A Meta Page token: it does not expire."""
        with self._lock:
            token = _token("meta-page", 180)
            self._access[token] = _Grant(Provider.META, "", None)
        return token

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
            body["open_id"] = self._tiktok_open_id()
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


def _token(kind: str, length: int) -> str:
    return f"{kind}.{secrets.token_urlsafe(length)}"
