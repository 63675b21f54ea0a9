"""The demo connects accounts against its own simulator: its apps are set as a profile would."""

from __future__ import annotations

from desktop.core.connect.apps import Provider, load_apps
from desktop.core.connect.service import Connector
from desktop.core.connect.tokens import load_tokens
from desktop.core.desk.accounts import Accounts
from desktop.core.model import Channel
from desktop.demo import demo_home
from desktop.simulator.signin import sign_in


def test_the_demo_signs_in_against_its_simulator() -> None:
    with demo_home(count=10) as demo:
        apps = load_apps(demo.store)
        assert set(apps) == set(Provider)  # Akun → Hubungkan akun finds every platform's app
        accounts = Accounts(demo.store, demo.vault)
        connector = Connector(accounts, apps, demo.vault)
        before = {a.channel: a.id for a in accounts.list()}
        for channel in (Channel.X, Channel.FACEBOOK):
            account_id = sign_in(demo.simulator, connector, channel)
            assert account_id == before[channel]  # the same account, signed in again
        tokens = load_tokens(demo.vault, before[Channel.X])
        assert tokens is not None
        assert tokens.access_token in demo.simulator.oauth.issued_tokens()
        bot = connector.connect_telegram(demo.simulator.token_for(Channel.TELEGRAM))
        assert bot == before[Channel.TELEGRAM]  # getMe reached the simulator's Bot API
