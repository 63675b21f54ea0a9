"""An account's tokens, kept in the keyring as one entry.

The entry ``account/<id>/token`` holds either a bare token (pasted by hand:
Telegram's bot token, a token IT entered) or a JSON ``TokenSet`` written by
the connect flow. Both travel in a single keyring write, so the refresh token
and the access token it produced are always stored together (crash-safe
rotation: a new refresh token is in the keyring before its access token is
used). Long sets are split into parts by ``credentials.KeyringVault``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from desktop.core.credentials import Vault, token_name

_KIND = "aduan-desk-tokens/v1"


@dataclass(frozen=True, slots=True)
class TokenSet:
    """Access token and expiry, refresh token and expiry, granted scopes.

    ``None`` expiry: does not expire (a Page token, a bot token). The
    ``repr`` never shows a token.
    """

    access_token: str
    access_expires_at: datetime | None = None
    refresh_token: str | None = None
    refresh_expires_at: datetime | None = None
    scopes: frozenset[str] = field(default_factory=frozenset)
    issued_at: datetime | None = None
    subject: str | None = None  # the signed-in user's id when the token answer names it

    def __repr__(self) -> str:
        return (
            f"TokenSet(access=***, access_expires_at={_iso(self.access_expires_at)}, "
            f"refresh={'***' if self.refresh_token else None}, "
            f"refresh_expires_at={_iso(self.refresh_expires_at)}, scopes={sorted(self.scopes)})"
        )

    __str__ = __repr__

    @property
    def renewable(self) -> bool:
        return bool(self.refresh_token)

    def access_due(self, now: datetime, ahead: timedelta) -> bool:
        """True when the access token has expired or will within ``ahead``."""
        return self.access_expires_at is not None and now + ahead >= self.access_expires_at

    def secrets(self) -> tuple[str, ...]:
        """Every secret in the set (for redaction)."""
        return tuple(s for s in (self.access_token, self.refresh_token) if s)

    def with_access(self, access_token: str, expires_at: datetime | None) -> TokenSet:
        return replace(self, access_token=access_token, access_expires_at=expires_at)

    # -- the keyring's text ----------------------------------------------------

    def dump(self) -> str:
        return json.dumps(
            {
                "kind": _KIND,
                "access_token": self.access_token,
                "access_expires_at": _iso(self.access_expires_at),
                "refresh_token": self.refresh_token,
                "refresh_expires_at": _iso(self.refresh_expires_at),
                "scopes": sorted(self.scopes),
                "issued_at": _iso(self.issued_at),
                "subject": self.subject,
            },
            separators=(",", ":"),
        )

    @classmethod
    def parse(cls, stored: str) -> TokenSet:
        """The set a keyring entry holds; a bare token is a set of one that never expires."""
        text = stored.strip()
        if not text.startswith("{"):
            return cls(access_token=text)
        try:
            data = json.loads(text)
        except ValueError:
            raise ValueError("the keyring entry holds damaged token data") from None
        if not isinstance(data, dict) or data.get("kind") != _KIND:
            raise ValueError("the keyring entry holds token data of an unknown kind")
        access = data.get("access_token")
        if not isinstance(access, str) or not access:
            raise ValueError("the keyring entry holds no access token")
        refresh = data.get("refresh_token")
        scopes = data.get("scopes") or []
        return cls(
            access_token=access,
            access_expires_at=_time(data.get("access_expires_at")),
            refresh_token=refresh if isinstance(refresh, str) and refresh else None,
            refresh_expires_at=_time(data.get("refresh_expires_at")),
            scopes=frozenset(s for s in scopes if isinstance(s, str)),
            issued_at=_time(data.get("issued_at")),
            subject=_text(data.get("subject")),
        )

    @classmethod
    def from_response(
        cls,
        body: dict[str, object],
        now: datetime,
        *,
        previous: TokenSet | None = None,
        requested_scopes: frozenset[str] = frozenset(),
    ) -> TokenSet:
        """A set from a token endpoint's answer (OAuth 2.0 fields, TikTok's and Meta's too).

        A refresh answer without a refresh token keeps the previous one (Google
        does not rotate); without ``scope`` the previous (or requested) scopes stay.
        """
        access = body.get("access_token")
        if not isinstance(access, str) or not access:
            raise ValueError("the token endpoint's answer has no access_token")
        refresh = body.get("refresh_token")
        refresh_token = refresh if isinstance(refresh, str) and refresh else None
        refresh_expires = _after(
            now, body.get("refresh_expires_in") or body.get("refresh_token_expires_in")
        )
        if refresh_token is None and previous is not None:
            refresh_token, refresh_expires = previous.refresh_token, previous.refresh_expires_at
        scope = body.get("scope")
        if isinstance(scope, str) and scope.strip():
            scopes = frozenset(scope.replace(",", " ").split())
        elif previous is not None:
            scopes = previous.scopes
        else:
            scopes = requested_scopes
        return cls(
            access_token=access,
            access_expires_at=_after(now, body.get("expires_in")),
            refresh_token=refresh_token,
            refresh_expires_at=refresh_expires,
            scopes=scopes,
            issued_at=now,
            subject=_text(body.get("open_id")) or (previous.subject if previous else None),
        )


def load_tokens(vault: Vault, account_id: int) -> TokenSet | None:
    """The account's tokens from the keyring, or None when it holds none."""
    stored = vault.get(token_name(account_id))
    return None if stored is None else TokenSet.parse(stored)


def save_tokens(vault: Vault, account_id: int, tokens: TokenSet) -> None:
    """Write the whole set in one keyring entry (a bare token stays bare)."""
    plain = tokens.access_expires_at is None and not tokens.refresh_token and not tokens.scopes
    vault.set(token_name(account_id), tokens.access_token if plain else tokens.dump())


def _after(now: datetime, seconds: object) -> datetime | None:
    if isinstance(seconds, bool) or not isinstance(seconds, int | float | str):
        return None
    try:
        value = float(seconds)
    except ValueError:
        return None
    return now + timedelta(seconds=value) if value > 0 else None


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat()


def _time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
