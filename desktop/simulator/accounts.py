"""Registering the unit's accounts against a running simulator (demo, tests, benchmarks)."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.credentials import Vault
from desktop.core.model import POLLED, Channel
from desktop.core.store.database import Store
from desktop.core.sync.accounts import add_account
from desktop.simulator.server import Simulator


def connect_accounts(
    simulator: Simulator, store: Store, vault: Vault, channels: Iterable[Channel] = POLLED
) -> dict[Channel, int]:
    """One account per channel, pointed at ``simulator``, its token in ``vault``."""
    return {
        channel: add_account(
            store,
            vault,
            channel,
            simulator.world.board(channel).account.name,
            simulator.token_for(channel),
            api_base=simulator.api_base(channel),
            params=simulator.params(channel),
        )
        for channel in channels
    }
