"""Signing the unit's accounts in against a running simulator, the way an officer would.

``browser(url)`` plays the system browser: it opens the authorize page, which
approves at once, and follows its redirect to the desk's loopback listener.
``connect_signed_in`` runs the real connect flow for each channel (demo,
tests, benchmarks); ``profile_apps`` is the ``[app.*]`` part of a unit
profile pointing at the simulator.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

import requests

from desktop.core.connect.apps import AppSettings, Provider, load_apps, save_apps
from desktop.core.connect.service import Connector
from desktop.core.credentials import Vault
from desktop.core.desk.accounts import Accounts
from desktop.core.model import POLLED, Channel
from desktop.core.store.database import Store
from desktop.simulator.server import Simulator

BROWSER_PROVIDERS = (Provider.X, Provider.GOOGLE, Provider.TIKTOK, Provider.META)


def browser(url: str, *, state: str | None = None) -> requests.Response:
    """Open ``url`` and follow the authorize page's redirect to the loopback address.

    ``state`` replaces the redirect's state (a forged or stale return).
    """
    page = requests.get(url, allow_redirects=False, timeout=10)
    if page.status_code != 302:
        return page
    location = page.headers["Location"]
    if state is not None:
        import urllib.parse

        parts = urllib.parse.urlsplit(location)
        query = dict(urllib.parse.parse_qsl(parts.query))
        query["state"] = state
        location = parts._replace(query=urllib.parse.urlencode(query)).geturl()
    return requests.get(location, timeout=10)


def browse_later(url: str, **kw: str) -> threading.Thread:
    thread = threading.Thread(target=browser, args=(url,), kwargs=kw, daemon=True)
    thread.start()
    return thread


def apps(sim: Simulator) -> dict[Provider, AppSettings]:
    """The simulator's apps as a unit profile sets them (Telegram: only its Bot API address)."""
    found = {provider: sim.oauth.app(provider) for provider in BROWSER_PROVIDERS}
    found[Provider.TELEGRAM] = telegram_app(sim)
    return found


def telegram_app(sim: Simulator) -> AppSettings:
    return AppSettings(Provider.TELEGRAM, "", api_base=sim.api_base(Channel.TELEGRAM))


def profile_apps(sim: Simulator) -> str:
    """``[app.*]`` tables of a unit profile for the simulator's apps (with their secrets)."""
    return sim.oauth.profile_toml()


def connect_signed_in(
    sim: Simulator, store: Store, vault: Vault, channels: Iterable[Channel] = POLLED
) -> dict[Channel, int]:
    """One account per channel, connected through the real sign-in flows."""
    save_apps(store, vault, apps(sim))  # as a unit profile would (secrets to the keyring)
    connector = Connector(Accounts(store, vault), load_apps(store), vault)
    found: dict[Channel, int] = {}
    for channel in channels:
        found[channel] = sign_in(sim, connector, channel)
    return found


def sign_in(
    sim: Simulator, connector: Connector, channel: Channel, account_id: int | None = None
) -> int:
    if channel is Channel.TELEGRAM:
        return connector.connect_telegram(
            sim.token_for(channel), api_base=sim.api_base(channel), account_id=account_id
        )
    flow = connector.browser_flow(channel)
    browse_later(flow.start())
    tokens = flow.wait(30)
    if channel in (Channel.FACEBOOK, Channel.INSTAGRAM):
        page = connector.pages(channel, tokens)[0]
        return connector.finish_page(channel, page, scopes=tokens.scopes, account_id=account_id)
    return connector.finish(channel, tokens, account_id=account_id)
