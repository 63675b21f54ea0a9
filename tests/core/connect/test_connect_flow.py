"""Connecting accounts through the real sign-in flows against the simulator."""

from __future__ import annotations

import socket
import threading
import time

import pytest
import requests

from desktop.core.connect.errors import (
    ConnectCancelledError,
    ConnectTimeoutError,
    ConsentDeniedError,
    GrantRefusedError,
    StateMismatchError,
    TokenEndpointError,
    WrongAccountError,
)
from desktop.core.connect.flow import LoopbackFlow, exchange_code
from desktop.core.connect.service import Connector
from desktop.core.connect.tokens import load_tokens
from desktop.core.credentials import MemoryVault
from desktop.core.model import POLLED, Channel, SyncState
from desktop.core.store.database import Store
from desktop.core.sync.engine import SyncEngine
from desktop.simulator import Simulator
from desktop.simulator.oauth_apps import CLIENT_SECRET
from desktop.simulator.signin import browse_later, browser, sign_in

BROWSER_CHANNELS = (Channel.X, Channel.YOUTUBE, Channel.TIKTOK)


def test_every_platform_connects_with_its_ids_discovered_and_syncs(
    store: Store, vault: MemoryVault, sim: Simulator, connector: Connector
) -> None:
    ids = {channel: sign_in(sim, connector, channel) for channel in POLLED}
    accounts = {a.id: a for a in connector.accounts.list()}
    for channel, account_id in ids.items():
        account = accounts[account_id]
        own = sim.world.board(channel).account.platform_user_id
        assert account.channel is channel
        assert own in account.params.values() or channel is Channel.TELEGRAM
        assert load_tokens(vault, account_id) is not None
    x_tokens = load_tokens(vault, ids[Channel.X])
    assert x_tokens is not None
    assert x_tokens.renewable
    assert "tweet.write" in x_tokens.scopes
    engine = SyncEngine(store, vault)
    try:
        report = engine.run_once(force=True)
    finally:
        engine.close()
    assert {p.state for p in report.pulls} == {SyncState.OK}
    assert all(p.new_messages > 0 for p in report.pulls)


def test_denied_consent_stores_nothing(
    store: Store, vault: MemoryVault, sim: Simulator, connector: Connector
) -> None:
    sim.oauth.deny = True
    flow = connector.browser_flow(Channel.X)
    browse_later(flow.start())
    with pytest.raises(ConsentDeniedError) as caught:
        flow.wait(10)
    assert caught.value.reason == "consent_denied"
    assert connector.accounts.list() == []
    assert vault.get("account/1/token") is None


def test_a_return_with_the_wrong_state_is_refused(sim: Simulator, connector: Connector) -> None:
    flow = connector.browser_flow(Channel.YOUTUBE)
    browse_later(flow.start(), state="forged-state")
    with pytest.raises(StateMismatchError):
        flow.wait(10)
    assert sim.oauth.stats.exchanges == 0  # the code was never exchanged


def test_a_code_works_only_once(sim: Simulator, connector: Connector) -> None:
    app = connector.app(Channel.X)
    flow = LoopbackFlow(app)
    url = flow.start()
    redirect = flow.redirect_uri
    page = requests.get(url, allow_redirects=False, timeout=10)
    code = dict(p.split("=", 1) for p in page.headers["Location"].split("?", 1)[1].split("&"))[
        "code"
    ]
    threading.Thread(target=requests.get, args=(page.headers["Location"],), daemon=True).start()
    flow.wait(10)
    with pytest.raises(GrantRefusedError) as caught:
        exchange_code(app, code, flow._verifier, redirect)
    assert caught.value.platform_message  # X's own words


def test_a_browser_that_never_comes_back_times_out_and_frees_the_port(
    connector: Connector,
) -> None:
    flow = connector.browser_flow(Channel.TIKTOK)
    flow.start()
    port = int(flow.redirect_uri.split(":")[2].split("/")[0])
    started = time.monotonic()
    with pytest.raises(ConnectTimeoutError):
        flow.wait(0.5)
    assert time.monotonic() - started < 3
    with socket.create_server(("127.0.0.1", port)):
        pass  # the listener is closed


def test_cancel_stops_waiting(connector: Connector) -> None:
    flow = connector.browser_flow(Channel.X)
    flow.start()
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    with pytest.raises(ConnectCancelledError):
        flow.wait(30, cancel)


@pytest.mark.parametrize("fault", ["down", "slow", "garbage", "error"])
def test_token_endpoint_faults_are_typed_and_store_nothing(
    fault: str, vault: MemoryVault, sim: Simulator, connector: Connector
) -> None:
    sim.oauth.token_fault = fault
    sim.oauth.slow_seconds = 3.0
    flow = LoopbackFlow(connector.app(Channel.YOUTUBE), token_timeout=1.0)
    browse_later(flow.start())
    with pytest.raises(TokenEndpointError) as caught:
        flow.wait(10)
    assert CLIENT_SECRET not in str(caught.value)
    assert connector.accounts.list() == []


def test_reconnect_refuses_another_account(
    store: Store, sim: Simulator, connector: Connector
) -> None:
    x = sign_in(sim, connector, Channel.X)
    flow = connector.browser_flow(Channel.YOUTUBE)
    browse_later(flow.start())
    tokens = flow.wait(10)
    with pytest.raises(WrongAccountError):
        connector.finish(Channel.YOUTUBE, tokens, account_id=x)


def test_connecting_the_same_account_twice_reattaches_it(
    sim: Simulator, connector: Connector
) -> None:
    first = sign_in(sim, connector, Channel.INSTAGRAM)
    again = sign_in(sim, connector, Channel.INSTAGRAM)
    assert first == again
    assert len(connector.accounts.list()) == 1


def test_browser_helper_reports_a_bad_client(sim: Simulator) -> None:
    answer = browser(f"{sim.url}/x/i/oauth2/authorize?client_id=nobody&redirect_uri=http://x")
    assert answer.status_code == 400
