"""Where an adapter gets its bearer: the account's tokens, renewed as they age.

``TokenSource.bearer()`` returns the access token, refreshed first when it
expires within ``ahead``; ``renew(stale)`` is called once after the platform
answered "expired" to ``stale`` (the caller retries its request once).

- Crash-safe rotation: Authlib's ``update_token`` hook writes the whole new
  set (refresh token and access token in one keyring entry) before the new
  access token is returned to anyone.
- One refresh per account at a time, across processes: a file lock in the
  data folder (``locks/account-<id>.lock``) plus a thread lock; the keyring
  is read again after the locks are taken, so a process that waited uses the
  token the first one just stored instead of refreshing again.
- A refused refresh raises ``ReconnectNeededError`` with the platform's
  words; the sync engines then mark the account ``needs_reconnect``.
"""

from __future__ import annotations

import logging
import tempfile
import threading
import urllib.parse
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import filelock

from desktop.core.connect.apps import AppSettings
from desktop.core.connect.client import oauth_session, token_call
from desktop.core.connect.errors import GrantRefusedError, TokenEndpointError
from desktop.core.connect.tokens import TokenSet, load_tokens, save_tokens
from desktop.core.credentials import CredentialsUnavailableError, Vault
from desktop.core.platforms.errors import ReconnectNeededError, TokenExpiredError, TransientError
from desktop.core.platforms.redact import register_secret

if TYPE_CHECKING:
    from desktop.core.store.database import Store

log = logging.getLogger(__name__)

REFRESH_AHEAD = timedelta(minutes=5)
LOCK_WAIT = 60.0  # seconds to wait for another process's refresh

_thread_locks: dict[tuple[str, int], threading.Lock] = {}
_thread_locks_guard = threading.Lock()


def _thread_lock(folder: Path, account_id: int) -> threading.Lock:
    with _thread_locks_guard:
        return _thread_locks.setdefault((str(folder), account_id), threading.Lock())


def lock_folder(store: Store) -> Path:
    """Where the per-account refresh locks live: the data folder's ``locks``.

    A station store (PostgreSQL) has no data folder on this PC: its locks go to
    the user's temporary folder, which every process of that user shares."""
    if store.path is None:
        return Path(tempfile.gettempdir()) / "aduan-desk-locks"
    return store.path.parent / "locks"


def refresh_ahead(tokens: TokenSet) -> timedelta:
    """How early to refresh: five minutes, or a quarter of a short lifetime."""
    if tokens.access_expires_at is None or tokens.issued_at is None:
        return REFRESH_AHEAD
    life = tokens.access_expires_at - tokens.issued_at
    return min(REFRESH_AHEAD, life / 4)


class TokenSource:
    """One account's bearer, renewed ahead of expiry; safe to share between threads."""

    def __init__(
        self,
        vault: Vault,
        account_id: int,
        app: AppSettings | None,
        lock_folder: Path,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        proxy: str | None = None,
        ca_bundle: str | None = None,
    ) -> None:
        self._vault = vault
        self.account_id = account_id
        self._app = app
        self._folder = lock_folder
        self._now = now
        self._proxy, self._ca_bundle = proxy, ca_bundle
        self.refreshes = 0  # refreshes this source made (tests, benchmarks)

    def __repr__(self) -> str:
        return f"<TokenSource account={self.account_id}>"

    def tokens(self) -> TokenSet:
        """The stored set; ``TokenExpiredError`` when the keyring holds none."""
        try:
            found = load_tokens(self._vault, self.account_id)
        except CredentialsUnavailableError as exc:
            # A locked keyring: wait and retry (the account keeps its place; nothing is lost).
            raise TransientError(
                f"The OS keyring cannot be read: {exc}", maybe_delivered=False, reason="keyring"
            ) from None
        except ValueError as exc:
            raise ReconnectNeededError(
                f"The account's stored tokens are unreadable: {exc}."
            ) from None
        if found is None:
            raise TokenExpiredError("There is no token for this account in the keyring.")
        for secret in found.secrets():
            register_secret(secret)
        return found

    def bearer(self) -> str:
        """The access token to send, refreshed first when it is about to expire."""
        current = self.tokens()
        if current.renewable and current.access_due(self._now(), refresh_ahead(current)):
            try:
                return self._refresh(
                    lambda fresh: fresh.access_due(self._now(), refresh_ahead(fresh))
                )
            except TransientError:
                if current.access_due(self._now(), timedelta(0)):
                    raise
                # The sign-in server is down but the token still works: use it meanwhile.
                log.warning("account %d: early renewal failed; token still valid", self.account_id)
        return current.access_token

    def renew(self, stale: str) -> str:
        """After the platform refused ``stale`` as expired: a new token, refreshed at most once.

        Another process (or thread) may already have stored a fresh one: then
        that one is returned without a refresh.
        """
        current = self.tokens()
        if not current.renewable:
            raise ReconnectNeededError(
                "The platform no longer accepts this account's token and it cannot be renewed; "
                "connect the account again."
            )
        return self._refresh(lambda fresh: fresh.access_token == stale)

    # -- the refresh ----------------------------------------------------------

    def _refresh(self, still_needed: Callable[[TokenSet], bool]) -> str:
        self._folder.mkdir(parents=True, exist_ok=True)
        lock_file = self._folder / f"account-{self.account_id}.lock"
        with _thread_lock(self._folder, self.account_id):
            try:
                with filelock.FileLock(str(lock_file), timeout=LOCK_WAIT):
                    fresh = self.tokens()  # another process may have refreshed meanwhile
                    if not still_needed(fresh):
                        return fresh.access_token
                    return self._refresh_now(fresh)
            except filelock.Timeout:
                raise TransientError(
                    "Another Aduan Desk process is renewing this account's token; retrying later.",
                    maybe_delivered=False,
                ) from None

    def _refresh_now(self, current: TokenSet) -> str:
        app = self._app
        if app is None:
            raise ReconnectNeededError(
                "The unit profile has no app settings for this platform, so the token cannot "
                "be renewed; ask IT to add them, then connect the account again."
            )
        if current.refresh_expires_at is not None and current.refresh_expires_at <= self._now():
            raise ReconnectNeededError("The account's sign-in has expired; connect it again.")
        stored: list[TokenSet] = []

        def keep(token: dict[str, Any], refresh_token: str | None = None, **_: object) -> None:
            # Authlib's update_token hook: the new set is in the keyring before it is used.
            fresh = TokenSet.from_response(dict(token), self._now(), previous=current)
            try:
                save_tokens(self._vault, self.account_id, fresh)
            except CredentialsUnavailableError as exc:
                raise ReconnectNeededError(
                    "The renewed sign-in could not be kept in the OS keyring "
                    f"({exc}); unlock the keyring and connect the account again."
                ) from None
            stored.append(fresh)

        session = oauth_session(
            app, update_token=keep, proxy=self._proxy, ca_bundle=self._ca_bundle
        )
        assert current.refresh_token is not None
        register_secret(current.refresh_token)
        host = urllib.parse.urlsplit(app.token_url).netloc
        try:
            token_call(
                host,
                lambda: dict(
                    session.refresh_token(
                        app.token_url, refresh_token=current.refresh_token, timeout=(10.0, 30.0)
                    )
                ),
            )
        except GrantRefusedError as exc:
            log.warning("account %d: refresh refused: %s", self.account_id, exc)
            raise ReconnectNeededError(
                "The platform refused to renew the account's sign-in; connect it again.",
                platform_message=exc.platform_message,
            ) from None
        except TokenEndpointError as exc:
            raise TransientError(str(exc), maybe_delivered=False, reason="token_endpoint") from None
        finally:
            session.close()
        if not stored:
            raise TransientError(
                "The sign-in server's answer held no token.", maybe_delivered=False
            )
        self.refreshes += 1
        log.info("account %d: token renewed", self.account_id)
        return stored[-1].access_token
