"""The station's worker as real processes: pulling into the station store, a standby taking
over, a paused worker fenced off, SIGKILLs during sends.

A throwaway PostgreSQL cluster, the simulator over loopback, ``aduan-desk
station worker`` processes with their tokens in the real keyring.
"""

from __future__ import annotations

import random
import signal
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bench.kill_station_worker import Station, run, station
from bench.kill_support import queue_some
from desktop.core.credentials import KeyringVault
from desktop.core.model import Channel, ReplyState
from desktop.core.store import queries
from desktop.core.store.schema import MessageRow, OutboxRow
from desktop.simulator import Fault, Simulator, connect_accounts
from tests.postgres_support import Cluster

pytestmark = [pytest.mark.postgresql, pytest.mark.keyring, pytest.mark.slow]


@pytest.fixture
def st(postgres_cluster: Cluster, keyring_vault: KeyringVault, tmp_path: Path) -> Iterator[Station]:
    with station(postgres_cluster, tmp_path, keyring_vault) as opened:
        yield opened


def _messages(st: Station, platform_ids: list[str] | None = None) -> int:
    query = select(func.count()).select_from(MessageRow)
    if platform_ids is not None:
        query = query.where(MessageRow.platform_id.in_(platform_ids))
    with st.store.read() as conn:
        return int(conn.execute(query).scalar() or 0)


def _all_sent(st: Station, count: int) -> bool:
    with st.store.read() as conn:
        entries = queries.outbox(conn, include_sent=True)
    return len(entries) == count and all(e.reply.state is ReplyState.SENT for e in entries)


def test_an_inbound_complaint_pulled_by_the_worker_lands_in_the_station_store(
    st: Station,
) -> None:
    with Simulator(count=5, seed=2) as sim:
        account = connect_accounts(sim, st.store, st.vault, [Channel.X])[Channel.X]
        worker = st.start_worker(lease=3, pull_every=0.3)
        st.wait_for(lambda: _messages(st) > 0)
        new = sim.add_inbound(Channel.X)

        st.wait_for(lambda: _messages(st, new) == 1, timeout=20)

        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0
    holder, token, live = st.holders()[account]
    assert holder.split(":")[1] == str(worker.pid)
    assert (token, live) == (1, False)  # a clean stop gives the lease up for the standby


def test_a_standby_takes_over_the_accounts_when_the_worker_dies(st: Station) -> None:
    with Simulator(count=5, seed=3) as sim:
        ids = connect_accounts(sim, st.store, st.vault, [Channel.X, Channel.INSTAGRAM])
        first = st.start_worker(lease=2)
        assert st.wait_for(st.active) is first
        standby = st.start_worker(lease=2)
        st.wait_for(lambda: "started" in st.log_of(standby))
        time.sleep(1.5)
        assert st.active() is first  # the standby waits while the lease is renewed

        first.send_signal(signal.SIGKILL)
        first.wait()
        killed = time.monotonic()
        assert st.wait_for(st.active, timeout=10) is standby
        took = time.monotonic() - killed

        st.wait_for(lambda: _messages(st) > 0)
        texts = queue_some(st.store, random.Random(1), 3, [0])
        st.wait_for(lambda: _all_sent(st, 3), timeout=30)
        accepted = Counter(r.text for r in sim.accepted_replies())
    assert took < 2 * 4 / 3 + 1
    assert all(accepted[t] == 1 for t in texts)
    assert {token for _holder, token, _live in st.holders().values()} == {2}
    assert set(st.holders()) == set(ids.values())


def test_a_paused_worker_past_its_lease_is_fenced_off_and_stands_down(st: Station) -> None:
    """SIGSTOP mid-send, past the lease: the standby takes over and finishes the send (read
    back: the platform holds it); SIGCONT: the first worker's late write is refused."""
    with Simulator(count=5, seed=4) as sim:
        connect_accounts(sim, st.store, st.vault, [Channel.X])
        sim.add_inbound(Channel.X, 3)
        first = st.start_worker(lease=2, in_flight=1.5)
        assert st.wait_for(st.active) is first
        standby = st.start_worker(lease=2, in_flight=1.5)
        st.wait_for(lambda: "started" in st.log_of(standby))
        st.wait_for(lambda: _messages(st) > 0)
        sim.inject(Fault("latency", Channel.X, method="POST", times=-1, seconds=0.5))
        texts = queue_some(st.store, random.Random(2), 4, [0])
        st.wait_for(lambda: _sending(st), timeout=20)
        time.sleep(0.2)  # the request is on its way to the platform
        first.send_signal(signal.SIGSTOP)
        try:
            st.wait_for(lambda: st.active() is standby, timeout=10)
            st.wait_for(lambda: _all_sent(st, 4), timeout=30)
        finally:
            first.send_signal(signal.SIGCONT)

        st.wait_for(lambda: "write refused" in st.log_of(first), timeout=15)
        time.sleep(1.0)
        accepted = Counter(r.text for r in sim.accepted_replies())
        assert first.poll() is None  # still running, as a standby
    assert [accepted[t] for t in texts] == [1, 1, 1, 1]
    assert _all_sent(st, 4)
    assert st.active() is standby
    assert "standing down" in st.log_of(first)


def _sending(st: Station) -> bool:
    with st.store.read() as conn:
        state = conn.execute(select(OutboxRow.state).where(OutboxRow.state == "sending"))
        return state.first() is not None


def test_sigkills_during_sends_lose_nothing_and_send_nothing_twice(
    postgres_cluster: Cluster, keyring_vault: KeyringVault
) -> None:
    """The short version of ``bench/kill_station_worker.py``."""
    result = run(postgres_cluster, kills=5, seed=5, log=lambda line: None)
    assert result.replies >= 15
    assert (result.lost, result.twice, result.failed_but_held) == (0, 0, 0)
    assert result.once == result.replies
    assert len(result.takeover_seconds) == 5
