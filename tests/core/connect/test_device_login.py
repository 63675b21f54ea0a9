"""Meta's device login: a code entered on another device, polled at Meta's interval."""

from __future__ import annotations

import threading
import time

import pytest
import requests

from desktop.core.connect.apps import AppSettings, Provider
from desktop.core.connect.errors import (
    AppNotConfiguredError,
    ConnectCancelledError,
    ConnectTimeoutError,
    ConsentDeniedError,
)
from desktop.core.connect.service import Connector
from desktop.core.credentials import MemoryVault
from desktop.core.model import Channel
from desktop.simulator import Simulator


@pytest.fixture
def quick(sim: Simulator) -> Simulator:
    sim.oauth.device.interval = 0.1  # Meta says 5 s; the flow polls at whatever it is told
    return sim


def _enter_later(sim: Simulator, user_code: str, after: float = 0.3) -> None:
    """The officer types the code on a phone: the simulator's device page."""

    def enter() -> None:
        time.sleep(after)
        requests.get(f"{sim.url}/device", params={"user_code": user_code}, timeout=10)

    threading.Thread(target=enter, daemon=True).start()


def test_approved_on_another_device_the_page_is_connected(
    connector: Connector, quick: Simulator
) -> None:
    login = connector.device_login(Channel.FACEBOOK)
    device = login.start()
    assert device.verification_uri == f"{quick.url}/device"
    assert device.code not in repr(device)  # the polling code is never shown or logged
    _enter_later(quick, device.user_code)
    user = login.wait(device)
    page = connector.pages(Channel.FACEBOOK, user)[0]  # long-lived exchange, then the Pages
    account_id = connector.finish_page(Channel.FACEBOOK, page, scopes=user.scopes)
    assert connector.accounts.find(account_id).params["page_id"] == page.page_id


def test_an_expired_code_stops_waiting_and_connects_nothing(
    connector: Connector, quick: Simulator
) -> None:
    quick.oauth.device.expires_in = 0.5
    login = connector.device_login(Channel.INSTAGRAM)
    device = login.start()
    with pytest.raises(ConnectTimeoutError):
        login.wait(device)
    assert connector.accounts.list() == []


def test_cancel_stops_polling_at_once(connector: Connector, quick: Simulator) -> None:
    quick.oauth.device.interval = 30.0
    login = connector.device_login(Channel.FACEBOOK)
    device = login.start()
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(ConnectCancelledError):
        login.wait(device, cancel)
    assert time.monotonic() - started < 5
    assert connector.accounts.list() == []


def test_told_to_slow_down_the_flow_polls_less_often(
    connector: Connector, quick: Simulator
) -> None:
    login = connector.device_login(Channel.FACEBOOK)
    device = login.start()  # told 0.1 s
    quick.oauth.device.interval = 1.0  # the server now wants one poll a second
    _enter_later(quick, device.user_code, after=0.5)
    login.wait(device)
    assert quick.oauth.device.slowed == 1  # once told, it waited longer (5 s more)


def test_refused_on_the_other_device(connector: Connector, quick: Simulator) -> None:
    quick.oauth.deny = True
    login = connector.device_login(Channel.FACEBOOK)
    device = login.start()
    _enter_later(quick, device.user_code)
    with pytest.raises(ConsentDeniedError):
        login.wait(device)


def test_without_a_client_token_the_profile_is_named(
    connector: Connector, vault: MemoryVault
) -> None:
    apps = {Provider.META: AppSettings(Provider.META, "1234567890123456", client_secret="s")}
    with pytest.raises(AppNotConfiguredError, match="client_token"):
        Connector(connector.accounts, apps, vault).device_login(Channel.FACEBOOK)
