"""Pulling from the simulator over real loopback HTTP: every platform, with faults."""

from __future__ import annotations

import copy
import logging
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core.clock import load_skew
from desktop.core.credentials import MemoryVault
from desktop.core.desk.accounts import Accounts
from desktop.core.model import Channel
from desktop.core.paths import Paths
from desktop.core.sample import sample_threads
from desktop.core.store import queries, queue_pages
from desktop.core.store.database import Store
from desktop.core.store.schema import AccountRow, MessageRow
from desktop.core.sync.engine import SyncEngine
from desktop.core.sync.pull import Puller
from desktop.core.sync.states import SyncState
from desktop.simulator import Fault, Simulator
from tests.core.sync.conftest import SIM_COUNT, SIM_SEED
from tests.support import stored_account, stored_accounts

pytestmark = pytest.mark.both_dialects


def _messages(store: Store) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(MessageRow)).scalar_one())


def _complaints(store: Store) -> int:
    with store.read() as conn:
        return queue_pages.queue_count(
            conn, queries.QueueFilter(statuses=frozenset(queries.Status))
        )


def _sync_until_quiet(engine: SyncEngine, rounds: int = 20) -> None:
    for _ in range(rounds):
        report = engine.run_once(force=True)
        if all(p.new_messages == 0 and p.state is SyncState.OK for p in report.pulls):
            return
    raise AssertionError("sync never settled")


def test_first_sync_brings_every_sample_complaint(
    store: Store, engine: SyncEngine, accounts: dict[Channel, int]
) -> None:
    _sync_until_quiet(engine)
    states = {a.channel: a.state for a in stored_accounts(store)}
    assert states == dict.fromkeys(accounts, SyncState.OK.value)
    expected = list(sample_threads(SIM_COUNT, now=datetime.now(UTC), seed=SIM_SEED))
    assert _complaints(store) == len(expected)
    want: Counter[tuple[str, bool]] = Counter(
        (t.account.channel.value, item.outbound) for t in expected for item in t.items
    )
    # A Telegram bot never reads its own messages: those are recorded when the
    # outbox sends them. (On X, our replies come from our own timeline.)
    del want[(Channel.TELEGRAM.value, True)]
    with store.read() as conn:
        got = Counter(
            {
                (channel, direction == "outbound"): n
                for channel, direction, n in conn.execute(
                    select(AccountRow.channel, MessageRow.direction, func.count())
                    .join(AccountRow, AccountRow.id == MessageRow.account_id)
                    .group_by(AccountRow.channel, MessageRow.direction)
                )
            }
        )
    assert got == want


def test_sync_again_stores_nothing_twice(store: Store, engine: SyncEngine) -> None:
    _sync_until_quiet(engine)
    before = _messages(store)
    report = engine.run_once(force=True)
    assert sum(p.new_messages for p in report.pulls) == 0
    assert _messages(store) == before


def test_new_messages_arrive_on_next_sync(store: Store, engine: SyncEngine, sim: Simulator) -> None:
    _sync_until_quiet(engine)
    before = _messages(store)
    for channel in (Channel.X, Channel.TELEGRAM, Channel.YOUTUBE):
        sim.add_inbound(channel, 3)
    _sync_until_quiet(engine)
    assert _messages(store) == before + 9


def test_rate_limit_pauses_only_that_account(
    store: Store, engine: SyncEngine, sim: Simulator, accounts: dict[Channel, int]
) -> None:
    sim.inject(Fault("rate_limit", Channel.X, times=1, retry_after=120))
    started = datetime.now(UTC)
    engine.run_once(force=True)
    x = stored_account(store, accounts[Channel.X])
    assert x.state == SyncState.RATE_LIMITED.value
    assert x.next_sync_at is not None
    assert started + timedelta(seconds=110) < x.next_sync_at < started + timedelta(seconds=200)
    others = [a for a in stored_accounts(store) if a.channel is not Channel.X]
    assert all(a.state == SyncState.OK.value for a in others)
    # A manual sync still waits as the platform asked.
    report = engine.run_once(force=True)
    assert accounts[Channel.X] not in {p.account_id for p in report.pulls}


def test_expired_token_marks_the_account_and_others_go_on(
    store: Store,
    engine: SyncEngine,
    sim: Simulator,
    vault: MemoryVault,
    accounts: dict[Channel, int],
) -> None:
    sim.inject(Fault("expired_token", Channel.INSTAGRAM, times=-1))
    engine.run_once(force=True)
    insta = stored_account(store, accounts[Channel.INSTAGRAM])
    assert insta.state == SyncState.NEEDS_TOKEN.value
    assert stored_account(store, accounts[Channel.TIKTOK]).state == SyncState.OK.value
    # Not retried in a loop: it waits for a new token.
    assert accounts[Channel.INSTAGRAM] not in {a.id for a in engine.puller.due_accounts()}
    sim.clear_faults()
    Accounts(store, vault).set_token(accounts[Channel.INSTAGRAM], sim.token_for(Channel.INSTAGRAM))
    engine.run_once(force=True)
    assert stored_account(store, accounts[Channel.INSTAGRAM]).state == SyncState.OK.value


def test_telegram_conflict_is_explained(
    store: Store, engine: SyncEngine, sim: Simulator, accounts: dict[Channel, int]
) -> None:
    sim.inject(Fault("conflict", Channel.TELEGRAM, times=-1))
    engine.run_once(force=True)
    bot = stored_account(store, accounts[Channel.TELEGRAM])
    assert bot.state == SyncState.CONFLICT.value
    assert bot.last_error
    assert bot.next_sync_at is not None
    assert bot.next_sync_at > datetime.now(UTC) + timedelta(minutes=10)


@pytest.mark.parametrize(
    "fault",
    [
        Fault("drop", Channel.YOUTUBE, times=2),
        Fault("truncate", Channel.FACEBOOK, times=2),
        Fault("malformed", Channel.TIKTOK, times=2),
        Fault("server_error", Channel.X, times=2, status=503),
    ],
    ids=lambda f: f.kind,
)
def test_broken_pages_lose_nothing_and_duplicate_nothing(
    store: Store, engine: SyncEngine, sim: Simulator, fault: Fault
) -> None:
    sim.inject(copy.copy(fault))  # the parameter serves each dialect's run: a fresh count
    report = engine.run_once(force=True)
    hit = [p for p in report.pulls if p.state is SyncState.OFFLINE]
    assert len(hit) == 1  # the state says it; ``error`` holds only words the platform gave
    assert hit[0].next_sync_at is not None
    _sync_until_quiet(engine)
    expected = list(sample_threads(SIM_COUNT, now=datetime.now(UTC), seed=SIM_SEED))
    assert _complaints(store) == len(expected)
    with store.read() as conn:
        duplicates = conn.execute(
            select(MessageRow.account_id, MessageRow.platform_id)
            .group_by(MessageRow.account_id, MessageRow.platform_id)
            .having(func.count() > 1)
        ).all()
    assert duplicates == []


def test_offline_for_hours_then_back(store: Store, engine: SyncEngine, sim: Simulator) -> None:
    _sync_until_quiet(engine)
    port = int(sim.url.rsplit(":", 1)[1])
    sim.stop()
    report = engine.run_once(force=True)
    assert {p.state for p in report.pulls} == {SyncState.OFFLINE}
    assert _complaints(store) > 0  # what was stored is still there to browse
    sim.port = port
    sim.add_inbound(Channel.X, 2)
    sim.start()
    _sync_until_quiet(engine)
    assert {a.state for a in stored_accounts(store)} == {SyncState.OK.value}


def test_local_clock_three_hours_wrong_is_measured(
    store: Store, vault: MemoryVault, accounts: dict[Channel, int]
) -> None:
    from desktop.core.sync.adapters import AdapterProvider

    wrong = datetime.now(UTC) - timedelta(hours=3)
    provider = AdapterProvider(vault)
    puller = Puller(store, provider, clock=lambda: wrong)
    try:
        puller.pull(stored_account(store, accounts[Channel.X]))
    finally:
        provider.close()
    with store.read() as conn:
        skew = load_skew(conn)
    assert skew.significant
    assert abs(skew.offset - timedelta(hours=3)) < timedelta(seconds=30)


def test_no_token_in_store_logs_or_errors(
    store: Store,
    engine: SyncEngine,
    sim: Simulator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    sim.inject(Fault("server_error", Channel.TELEGRAM, times=1, status=500))
    _sync_until_quiet(engine)
    secrets = {sim.token_for(c) for c in (Channel.TELEGRAM, Channel.X)}
    with store.read() as conn:
        dump = "\n".join(
            str(row)
            for table in ("account", "complaint", "message", "setting", "outbox")
            for row in conn.exec_driver_sql(f"SELECT * FROM {table}")
        )
    for secret in secrets:
        assert secret not in dump
        assert secret not in caplog.text
        assert secret.split(":")[-1] not in caplog.text
    if store.path is not None:  # the SQLite file (PostgreSQL's rows were read above)
        assert store.path.read_bytes().find(b"sim-token") == -1


def test_connection_check_reads_without_storing(
    store: Store, vault: MemoryVault, sim: Simulator, accounts: dict[Channel, int]
) -> None:
    from desktop.core.doctor import check_account

    assert check_account(stored_account(store, accounts[Channel.YOUTUBE]), vault) is None
    assert _messages(store) == 0
    sim.inject(Fault("expired_token", Channel.YOUTUBE, times=1))
    problem = check_account(stored_account(store, accounts[Channel.YOUTUBE]), vault)
    assert problem is not None
    assert problem.reason == "token_expired"  # the window words it (desktop.i18n.problem_text)
    assert sim.token not in str(problem)


def test_removing_an_account_keeps_its_complaints(
    store: Store, engine: SyncEngine, vault: MemoryVault, accounts: dict[Channel, int]
) -> None:
    from desktop.core.credentials import token_name
    from desktop.core.desk import Removal

    _sync_until_quiet(engine)
    before = _complaints(store)
    assert Accounts(store, vault).remove(accounts[Channel.X]) is Removal.DISABLED  # kept
    assert vault.get(token_name(accounts[Channel.X])) is None
    assert _complaints(store) == before
    assert stored_account(store, accounts[Channel.X]).state is SyncState.DISABLED
    assert accounts[Channel.X] not in {a.id for a in stored_accounts(store)}
    assert accounts[Channel.X] not in {p.account_id for p in engine.run_once(force=True).pulls}


def test_server_clock_follows_the_measured_skew(
    store: Store, vault: MemoryVault, accounts: dict[Channel, int], tmp_path: Path
) -> None:
    from desktop.core.clock import ServerClock
    from desktop.core.desk import Unit
    from desktop.core.sync.adapters import AdapterProvider

    unit = Unit(store, Paths(store.path.parent if store.path else tmp_path))
    clock = ServerClock(unit.clock_skew())
    assert abs(clock() - datetime.now(UTC)) < timedelta(seconds=5)  # nothing measured yet
    provider = AdapterProvider(vault)
    wrong = datetime.now(UTC) - timedelta(hours=3)  # this PC runs three hours behind
    try:
        Puller(store, provider, clock=lambda: wrong).pull(
            stored_account(store, accounts[Channel.X])
        )
    finally:
        provider.close()
    clock.skew = unit.clock_skew()
    assert abs(clock() - (datetime.now(UTC) + timedelta(hours=3))) < timedelta(seconds=30)
