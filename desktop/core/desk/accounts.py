"""The unit's accounts: checked settings in the store, tokens in the keyring."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from desktop.core.connect.errors import WrongAccountError
from desktop.core.connect.expiry import ExpiryNotice, ending_soon
from desktop.core.connect.tokens import TokenSet, save_tokens
from desktop.core.credentials import Vault, token_name
from desktop.core.errors import UserError
from desktop.core.model import Account, Channel
from desktop.core.store import accounts as rows
from desktop.core.store.database import Store

# The platforms (and requests under them) load when an account is checked, not
# with the desk: a command that only reads the queue does not need them.
if TYPE_CHECKING:
    from desktop.core.connect.discover import Discovered
    from desktop.core.platforms.errors import PlatformError


class Removal(enum.StrEnum):
    """What removing an account did."""

    DELETED = "deleted"  # it had no complaints: gone, with its token
    DISABLED = "disabled"  # it had complaints: kept disabled with them, its token deleted


def check_settings(
    channel: Channel, token: str, api_base: str | None, params: Mapping[str, str]
) -> None:
    """Refuse settings the adapter cannot work with (a missing id, an ``http://`` base…)
    before anything is stored; ``bad_option`` with the adapter's words."""
    from desktop.core.platforms.errors import ConfigurationError
    from desktop.core.platforms.factory import make_adapter
    from desktop.core.platforms.http import PlatformSession

    if not token.strip():
        raise UserError("empty_token")
    try:
        with PlatformSession() as session:
            make_adapter(channel, session, token, api_base, params, params.get("own_user_id"))
    except ConfigurationError as exc:
        raise UserError("bad_option", detail=str(exc)) from None


class Accounts:
    def __init__(self, store: Store, vault: Vault) -> None:
        self._store = store
        self._vault = vault

    def list(self, *, include_disabled: bool = True) -> list[Account]:
        with self._store.read() as conn:
            return rows.list_accounts(conn, include_disabled=include_disabled)

    def find(self, account_id: int) -> Account:
        with self._store.read() as conn:
            return rows.find_account(conn, account_id)

    def connected_ids(self, accounts: Iterable[Account] | None = None) -> frozenset[int]:
        """The ids of the accounts (of ``accounts``, else all) with a token in the keyring.

        Reads the keyring: call it off the GUI thread."""
        listed = self.list() if accounts is None else accounts
        return frozenset(a.id for a in listed if self._vault.get(token_name(a.id)) is not None)

    def ending_soon(self, accounts: Iterable[Account], now: datetime) -> tuple[ExpiryNotice, ...]:
        """Sign-ins of ``accounts`` that end within days of ``now`` (reads the keyring)."""
        return tuple(ending_soon(accounts, self._vault, now))

    def add(
        self,
        channel: Channel,
        name: str,
        token: str,
        *,
        api_base: str | None = None,
        params: Mapping[str, str] | None = None,
    ) -> int:
        """Register an account after checking its settings; its token goes to the keyring."""
        params = dict(params or {})
        check_settings(channel, token, api_base, params)
        with self._store.write() as conn:
            account_id = rows.insert_account(conn, channel, name, api_base=api_base, params=params)
        try:
            self._vault.set(token_name(account_id), token.strip())
        except BaseException:
            with self._store.write() as conn:
                rows.delete_account(conn, account_id)
            raise
        return account_id

    def set_token(self, account_id: int, token: str) -> None:
        """Replace an account's token (after it expired); it syncs again at once."""
        if not token.strip():
            raise UserError("empty_token")
        account = self.find(account_id)
        check_settings(account.channel, token, account.api_base, account.params)
        self._vault.set(token_name(account_id), token.strip())
        with self._store.write() as conn:
            rows.mark_fresh_token(conn, account_id)

    def connect(
        self,
        tokens: TokenSet,
        found: Discovered,
        *,
        api_base: str | None = None,
        name: str | None = None,
    ) -> int:
        """Create the account a sign-in found (or re-attach the tokens to it if it exists).

        An account already registered for the same platform id (a second
        "connect" of the same account) gets the new tokens and keeps its
        complaints, cursors and outbox.
        """
        existing = self._same_account(found)
        if existing is not None:
            self.reconnect(existing.id, tokens, found)
            return existing.id
        params = dict(found.params)
        check_settings(found.channel, tokens.access_token, api_base, params)
        with self._store.write() as conn:
            account_id = rows.insert_account(
                conn, found.channel, name or found.name, api_base=api_base, params=params
            )
        try:
            save_tokens(self._vault, account_id, tokens)
        except BaseException:
            with self._store.write() as conn:
                rows.delete_account(conn, account_id)
            raise
        return account_id

    def reconnect(self, account_id: int, tokens: TokenSet, found: Discovered) -> None:
        """New tokens for an existing account; its complaints, cursors and outbox stay.

        ``WrongAccountError`` when the sign-in was for another account than this one.
        """
        account = self.find(account_id)
        own = _own_id(account)
        if account.channel is not found.channel or (own and found.own_id and own != found.own_id):
            raise WrongAccountError(
                f"The sign-in was for {found.channel.value} account {found.name!r}, not for "
                f"{account.channel.value} account {account.name!r}; sign in with that one."
            )
        params = {**account.params, **found.params}
        check_settings(account.channel, tokens.access_token, account.api_base, params)
        save_tokens(self._vault, account_id, tokens)
        with self._store.write() as conn:
            if params != dict(account.params):
                rows.set_params(conn, account_id, params)
            rows.mark_fresh_token(conn, account_id)

    def _same_account(self, found: Discovered) -> Account | None:
        """The account a sign-in found: same platform id, or the same name with no id yet
        (an account the unit profile listed, waiting to be connected)."""
        for account in self.list():
            if account.channel is not found.channel:
                continue
            own = _own_id(account)
            if found.own_id and own == found.own_id:
                return account
            if not own and account.name == found.name:
                return account
        return None

    def check(self, account: Account) -> PlatformError | None:
        """Reach ``account`` with one read (network only, nothing stored): None when it
        works, else the error (a reason code and the platform's own words)."""
        from desktop.core.doctor import check_account

        return check_account(account, self._vault, self._store)

    def remove(self, account_id: int) -> Removal:
        """Delete the token; the account goes too unless it brought complaints."""
        with self._store.write() as conn:
            deleted = rows.forget_account(conn, account_id)
        self._vault.delete(token_name(account_id))
        return Removal.DELETED if deleted else Removal.DISABLED


def _own_id(account: Account) -> str:
    keys = ("ig_user_id", "page_id", "user_id", "channel_id", "business_id", "bot_id")
    return next((account.params[k] for k in keys if account.params.get(k)), "")
