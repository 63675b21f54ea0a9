"""Connectivity: the plain value, the status-bar chips, the calm offline banner."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.core.model import Account, Channel, SyncState
from desktop.ui.connectivity import (
    AccountLink,
    Connectivity,
    ConnectivityFeed,
    ConnectivityStatus,
    OfflineBanner,
    age_text,
)
from tests.support import NOW


def _account(i: int, state: str, synced_hours_ago: float | None = 1) -> Account:
    synced = None if synced_hours_ago is None else NOW - timedelta(hours=synced_hours_ago)
    return Account(i, Channel.INSTAGRAM, f"akun{i}", state=SyncState(state), last_sync_at=synced)


def test_offline_only_when_no_account_can_be_reached() -> None:
    assert not Connectivity().offline  # no accounts: nothing to be offline from
    both_down = Connectivity.from_accounts([_account(1, "offline"), _account(2, "offline")])
    assert both_down.offline
    one_up = Connectivity.from_accounts([_account(1, "offline"), _account(2, "ok")])
    assert not one_up.offline
    token = Connectivity.from_accounts([_account(1, "needs_token")])
    assert not token.offline


def test_disabled_accounts_are_left_out() -> None:
    found = Connectivity.from_accounts([_account(1, "disabled"), _account(2, "error")])
    assert [(link.account_id, link.state) for link in found.links] == [(2, SyncState.ERROR)]


def test_age_of_the_last_good_sync_in_words() -> None:
    assert age_text(None, NOW) == "never"
    assert age_text(NOW - timedelta(seconds=20), NOW) == "just now"
    assert age_text(NOW - timedelta(hours=2, minutes=5), NOW) == "2 hours 5 minutes ago"


def test_banner_shows_when_offline_and_asks_for_a_sync(qtbot: QtBot) -> None:
    feed = ConnectivityFeed()
    window = QWidget()
    banner = OfflineBanner(feed, window)
    qtbot.addWidget(window)
    window.show()
    assert not banner.isVisible()
    feed.publish(Connectivity.from_accounts([_account(1, "offline")]))
    assert banner.isVisible()
    assert banner.text.text() == "Working offline — replies are sent when the connection returns"
    with qtbot.waitSignal(banner.sync_requested):
        banner.retry.click()
    feed.publish(Connectivity.from_accounts([_account(1, "ok")]))
    assert not banner.isVisible()


def test_status_shows_one_chip_per_account_with_its_state(qtbot: QtBot) -> None:
    feed = ConnectivityFeed()
    status = ConnectivityStatus(feed, clock=lambda: NOW)
    qtbot.addWidget(status)
    link = AccountLink(7, Channel.X, "humas", SyncState.NEEDS_TOKEN, NOW - timedelta(days=1), "401")
    feed.publish(Connectivity((link,)))
    chips = [chip for chip in status._chips if not chip.isHidden()]
    assert len(chips) == 1
    assert chips[0].age.text() == "1 day ago"
    assert "Token expired or revoked; enter a new token" in chips[0].toolTip()
    assert "The platform said: 401" in chips[0].toolTip()
    feed.publish(Connectivity())
    assert all(chip.isHidden() for chip in status._chips)
