"""A simulated hour of 60-second access tokens: every platform keeps pulling and replying
with no officer action. Time is scaled: a token lives ``LIFETIME`` real seconds and the
run lasts ``ROUNDS`` of them (60 lifetimes is the hour; the test suite runs fewer,
``ADUAN_HOUR_LIFETIMES=60`` runs the whole hour)."""

from __future__ import annotations

import os
import time
from collections import Counter

import pytest

from desktop.core.connect.apps import Provider
from desktop.core.credentials import MemoryVault
from desktop.core.model import POLLED, Channel, SyncState
from desktop.core.store import actions, queries, queue_pages
from desktop.core.store.database import Store
from desktop.core.sync.engine import SyncEngine
from desktop.simulator import Simulator
from desktop.simulator.signin import connect_signed_in
from tests.support import stored_account

pytestmark = pytest.mark.slow
LIFETIME = 2.0  # real seconds standing for the 60 s of an access token
LIFETIMES = int(os.environ.get("ADUAN_HOUR_LIFETIMES", "8"))


def _complaints(store: Store, channel: Channel) -> list[int]:
    with store.read() as conn:
        page = queue_pages.queue_page(conn, queries.QueueFilter(channel=channel), limit=500)
    return [c.id for c in page]


def test_short_lived_tokens_keep_every_platform_working(
    store: Store, vault: MemoryVault, sim: Simulator
) -> None:
    for provider in (Provider.X, Provider.GOOGLE, Provider.TIKTOK, Provider.META):
        sim.oauth.set_lifetimes(provider, access=LIFETIME)
    ids = connect_signed_in(sim, store, vault)
    engine = SyncEngine(store, vault)
    states: Counter[SyncState] = Counter()
    queued = 0
    started = time.monotonic()
    try:
        while time.monotonic() - started < LIFETIME * LIFETIMES:
            for channel in POLLED:
                sim.add_inbound(channel, 1)
            report = engine.run_once(force=True)
            states.update(p.state for p in report.pulls)
            for channel in POLLED:
                open_ones = _complaints(store, channel)
                if open_ones:
                    complaint = open_ones[queued % len(open_ones)]
                    actions.queue_reply(
                        store, complaint, f"Terima kasih, kami cek #{queued}.", "ani"
                    )
                    queued += 1
            time.sleep(LIFETIME / 4)
        for _ in range(3):  # the last replies
            engine.run_once(force=True)
    finally:
        engine.close()
    elapsed = time.monotonic() - started
    accepted = Counter(r.channel for r in sim.accepted_replies())
    refreshes = sim.oauth.stats.refreshes
    print(
        f"\n{elapsed:.0f} s ({elapsed / LIFETIME:.0f} token lifetimes): pulls {dict(states)}, "
        f"replies queued {queued}, accepted {dict(accepted)}, renewals {refreshes}"
    )
    assert set(states) == {SyncState.OK}
    assert sum(accepted.values()) == queued
    assert set(accepted) == set(POLLED)
    for provider in ("x", "youtube", "tiktok"):
        # a slow round (a busy machine) can outlast a token: then one renewal covers two
        assert refreshes.get(provider, 0) >= LIFETIMES // 2
    assert sim.oauth.stats.refused == 0
    assert {stored_account(store, account_id).state for account_id in ids.values()} == {
        SyncState.OK
    }
