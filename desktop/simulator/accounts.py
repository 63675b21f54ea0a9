"""Registering the unit's accounts against a running simulator (demo, tests, benchmarks)."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.credentials import Vault
from desktop.core.desk.accounts import Accounts
from desktop.core.model import POLLED, Channel
from desktop.core.store.database import Store
from desktop.simulator.server import Simulator


def connect_accounts(
    simulator: Simulator, store: Store, vault: Vault, channels: Iterable[Channel] = POLLED
) -> dict[Channel, int]:
    """One account per channel, pointed at ``simulator``, its token in ``vault``."""
    accounts = Accounts(store, vault)
    return {
        channel: accounts.add(
            channel,
            simulator.world.board(channel).account.name,
            simulator.token_for(channel),
            api_base=simulator.api_base(channel),
            params=simulator.params(channel),
        )
        for channel in channels
    }
