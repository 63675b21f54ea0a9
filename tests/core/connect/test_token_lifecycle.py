"""Tokens that renew themselves: ahead of expiry, after an expired answer, and when refused."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core.connect.apps import Provider
from desktop.core.connect.expiry import ending_soon
from desktop.core.connect.scopes import Ability, missing_scopes
from desktop.core.connect.service import Connector
from desktop.core.connect.source import TokenSource
from desktop.core.connect.tokens import TokenSet, load_tokens, save_tokens
from desktop.core.credentials import (
    ENTRY_MAX_BYTES,
    CredentialsUnavailableError,
    MemoryVault,
    entry_bytes,
    split_secret,
)
from desktop.core.model import Channel, SyncState
from desktop.core.platforms.errors import ReconnectNeededError, TransientError
from desktop.core.store.database import Store
from desktop.core.store.schema import MessageRow
from desktop.core.sync.engine import SyncEngine
from desktop.simulator import Fault, Simulator
from desktop.simulator.signin import sign_in
from tests.support import stored_account


def _messages(store: Store) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(MessageRow)).scalar_one())


def _round(store: Store, vault: MemoryVault) -> dict[int, SyncState]:
    engine = SyncEngine(store, vault)
    try:
        return {p.account_id: p.state for p in engine.run_once(force=True).pulls}
    finally:
        engine.close()


def test_access_tokens_are_renewed_ahead_of_expiry_and_rotation_retires_the_old_one(
    store: Store, vault: MemoryVault, sim: Simulator, connector: Connector, tmp_path: Path
) -> None:
    sim.oauth.set_lifetimes(Provider.X, access=2)
    x = sign_in(sim, connector, Channel.X)
    first = load_tokens(vault, x)
    assert first is not None
    source = TokenSource(vault, x, connector.app(Channel.X), tmp_path)
    assert source.bearer() == first.access_token  # fresh: used as it is
    time.sleep(1.7)  # inside the last quarter of its life
    renewed = source.bearer()
    assert renewed != first.access_token
    assert source.refreshes == 1
    second = load_tokens(vault, x)
    assert second is not None
    assert second.access_token == renewed
    assert second.refresh_token != first.refresh_token  # X rotates
    save_tokens(vault, x, first)  # as if the old refresh token were used again
    with pytest.raises(ReconnectNeededError) as caught:
        source.renew(first.access_token)
    assert "invalid" in (caught.value.platform_message or "")


def test_an_expired_answer_renews_once_and_retries(
    store: Store, vault: MemoryVault, sim: Simulator, connector: Connector
) -> None:
    tube = sign_in(sim, connector, Channel.YOUTUBE)
    assert _round(store, vault)[tube] is SyncState.OK
    sim.inject(Fault("expired_token", Channel.YOUTUBE, times=1))
    sim.add_inbound(Channel.YOUTUBE, 2)
    assert _round(store, vault)[tube] is SyncState.OK
    assert sim.oauth.stats.refreshes == {"youtube": 1}


def test_a_refused_refresh_asks_to_reconnect_and_loses_nothing(
    store: Store, vault: MemoryVault, sim: Simulator, connector: Connector
) -> None:
    sim.oauth.set_lifetimes(Provider.TIKTOK, access=1)
    tiktok = sign_in(sim, connector, Channel.TIKTOK)
    assert _round(store, vault)[tiktok] is SyncState.OK
    kept = _messages(store)
    sim.oauth.revoke(Provider.TIKTOK)
    time.sleep(1.1)
    assert _round(store, vault)[tiktok] is SyncState.NEEDS_RECONNECT
    account = stored_account(store, tiktok)
    assert account.state is SyncState.NEEDS_RECONNECT
    assert account.last_error  # the platform's own reason
    assert _messages(store) == kept
    cursor = account.cursor
    # Reconnecting keeps the account, its cursor and its complaints.
    sim.oauth.set_lifetimes(Provider.TIKTOK, access=3600)
    assert sign_in(sim, connector, Channel.TIKTOK, account_id=tiktok) == tiktok
    again = stored_account(store, tiktok)
    assert again.state is SyncState.IDLE
    assert again.cursor == cursor
    sim.add_inbound(Channel.TIKTOK, 1)
    assert _round(store, vault)[tiktok] is SyncState.OK
    assert _messages(store) > kept


def test_a_revoked_page_token_asks_to_reconnect(
    store: Store, vault: MemoryVault, sim: Simulator, connector: Connector
) -> None:
    page = sign_in(sim, connector, Channel.FACEBOOK)
    assert _round(store, vault)[page] is SyncState.OK
    sim.oauth.revoke(Provider.META)
    assert _round(store, vault)[page] is SyncState.NEEDS_RECONNECT


class LockedVault(MemoryVault):
    locked = False

    def get(self, name: str) -> str | None:
        if self.locked and name.startswith("account/"):
            raise CredentialsUnavailableError(f"Could not read '{name}': the keyring is locked.")
        return super().get(name)


def test_a_locked_keyring_waits_without_losing_the_account(
    store: Store, sim: Simulator, tmp_path: Path
) -> None:
    from desktop.core.connect.apps import load_apps, save_apps
    from desktop.core.desk.accounts import Accounts
    from desktop.simulator.signin import apps

    vault = LockedVault()
    save_apps(store, vault, apps(sim))
    connector = Connector(Accounts(store, vault), load_apps(store), vault)
    x = sign_in(sim, connector, Channel.X)
    vault.locked = True
    assert _round(store, vault)[x] is SyncState.OFFLINE
    vault.locked = False
    assert _round(store, vault)[x] is SyncState.OK


def test_the_largest_realistic_token_set_is_split_for_credential_manager() -> None:
    now = datetime.now(UTC)
    scopes = frozenset(f"https://www.googleapis.com/auth/scope-{n}" for n in range(20))
    tokens = TokenSet("a" * 2048, now, "r" * 512, now, scopes, now, "1" * 40)
    text = tokens.dump()
    assert entry_bytes(text) > ENTRY_MAX_BYTES
    assert all(entry_bytes(part) <= ENTRY_MAX_BYTES for part in split_secret(text))
    assert TokenSet.parse(text) == tokens
    assert "aaaa" not in repr(tokens)


def test_endings_are_announced_days_ahead(
    store: Store, vault: MemoryVault, sim: Simulator, connector: Connector
) -> None:
    tiktok = sign_in(sim, connector, Channel.TIKTOK)
    now = datetime.now(UTC)
    accounts = connector.accounts.list()
    assert ending_soon(accounts, vault, now) == []  # 180 days away
    notices = ending_soon(accounts, vault, now + timedelta(days=175))
    assert [n.account_id for n in notices] == [tiktok]


def test_missing_scopes_are_named_by_what_cannot_be_done() -> None:
    granted = frozenset({"tweet.read", "users.read", "offline.access"})
    missing = missing_scopes(Channel.X, granted)
    assert [(m.ability, m.scope) for m in missing] == [(Ability.REPLY, "tweet.write")]
    assert missing_scopes(Channel.X, frozenset()) == []  # a pasted token says nothing


def test_the_connection_test_renews_an_expired_access_token(
    store: Store, vault: MemoryVault, sim: Simulator, connector: Connector
) -> None:
    sim.oauth.set_lifetimes(Provider.X, access=1)
    x = sign_in(sim, connector, Channel.X)
    time.sleep(1.1)
    assert connector.accounts.check(stored_account(store, x)) is None
    assert sim.oauth.stats.refreshes == {"x": 1}


def test_no_oauth_secret_in_the_store_or_the_logs(
    store: Store,
    vault: MemoryVault,
    sim: Simulator,
    connector: Connector,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import logging

    from desktop.simulator.oauth_apps import CLIENT_SECRET
    from desktop.simulator.oauth_ledger import received_verifiers

    caplog.set_level(logging.DEBUG)
    for provider in (Provider.X, Provider.GOOGLE, Provider.TIKTOK):
        sim.oauth.set_lifetimes(provider, access=1)
    ids = {
        channel: sign_in(sim, connector, channel)
        for channel in Channel
        if channel.value != "whatsapp"
    }
    time.sleep(1.1)
    sim.oauth.revoke(Provider.TIKTOK)  # a refusal, with its words logged
    states = _round(store, vault)
    assert states[ids[Channel.TIKTOK]] is SyncState.NEEDS_RECONNECT
    assert states[ids[Channel.X]] is SyncState.OK
    secrets = [
        *sim.oauth.issued_tokens(),
        *sim.oauth.codes_issued,
        *received_verifiers(),
        CLIENT_SECRET,
    ]
    with store.read() as conn:
        dump = "\n".join(
            str(row)
            for table in ("account", "setting", "message", "outbox")
            for row in conn.exec_driver_sql(f"SELECT * FROM {table}")
        )
    for secret in secrets:
        assert secret not in dump
        assert secret not in caplog.text


def test_an_early_renewal_that_fails_keeps_using_the_still_valid_token(
    store: Store, vault: MemoryVault, sim: Simulator, connector: Connector, tmp_path: Path
) -> None:
    sim.oauth.set_lifetimes(Provider.GOOGLE, access=4)
    tube = sign_in(sim, connector, Channel.YOUTUBE)
    first = load_tokens(vault, tube)
    assert first is not None
    source = TokenSource(vault, tube, connector.app(Channel.YOUTUBE), tmp_path)
    time.sleep(3.2)  # due for renewal, not expired yet
    sim.oauth.token_fault = "down"
    assert source.bearer() == first.access_token
    time.sleep(1.0)  # now expired: the failure shows
    with pytest.raises(TransientError):
        source.bearer()
    sim.oauth.token_fault = None
    assert source.bearer() != first.access_token


def test_an_account_the_profile_listed_is_connected_in_place(
    store: Store, vault: MemoryVault, sim: Simulator, connector: Connector
) -> None:
    from desktop.core.store import accounts as rows

    name = sim.world.board(Channel.X).account.name
    with store.write() as conn:
        listed = rows.insert_account(conn, Channel.X, name)  # as apply_profile does
    assert sign_in(sim, connector, Channel.X) == listed
    assert stored_account(store, listed).params["user_id"]
