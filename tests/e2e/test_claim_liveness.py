"""A claim left by a dead sync process is freed at once, on Linux and on Windows.

The claim names the process by id and start time: a killed process, and a new
process that happens to get the same id, are both told apart from a live
claimant without waiting for the 10-minute lease. These tests also run with
the Windows Python under Wine (scripts/wine-check).
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psutil
import pytest

from bench.kill_outbox import _force_due, _forget_key, _prepare, _sync_once
from bench.kill_support import queue_some
from desktop.core.credentials import KeyringVault
from desktop.core.model import ReplyState
from desktop.core.paths import Paths
from desktop.core.store import outbox as outbox_rows
from desktop.core.store import queries
from desktop.core.store.database import Store, open_store
from desktop.core.sync import outbox
from desktop.simulator import Fault, Simulator
from tests.keyring_support import require_secret_service

ROOT = Path(__file__).resolve().parents[2]
HOST = outbox.claimant().split(":")[0]
LATENCY = 1.0  # seconds each send takes at the simulator: the kill lands mid-send


@pytest.fixture
def sleeper() -> Iterator[subprocess.Popen[bytes]]:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    yield child
    child.kill()
    child.wait()


def _claim_of(pid: int, start_shift: float = 0.0) -> str:
    return f"{HOST}:{pid}:{psutil.Process(pid).create_time() + start_shift:.2f}:test"


def test_a_claim_of_a_killed_process_is_not_alive(sleeper: subprocess.Popen[bytes]) -> None:
    claim = _claim_of(sleeper.pid)
    assert outbox.claim_is_alive(claim)
    sleeper.kill()
    sleeper.wait()
    assert not outbox.claim_is_alive(claim)


def test_a_reused_process_id_is_not_taken_for_the_claimant(
    sleeper: subprocess.Popen[bytes],
) -> None:
    assert not outbox.claim_is_alive(_claim_of(sleeper.pid, start_shift=-30))
    assert outbox.claim_is_alive(_claim_of(sleeper.pid))


def test_this_process_claims_under_its_id_and_start_time() -> None:
    host, pid, start, _ = outbox.claimant().split(":")
    assert (host, int(pid)) == (HOST, psutil.Process().pid)
    assert abs(float(start) - psutil.Process().create_time()) < 1


@pytest.fixture
def vault() -> KeyringVault:
    if sys.platform != "win32":  # on Windows: Credential Manager, always there
        require_secret_service()
    return KeyringVault()


def _sending(store: Store) -> int:
    with store.read() as conn:
        return sum(1 for e in queries.outbox(conn) if e.reply.state is ReplyState.SENDING)


@pytest.mark.keyring
@pytest.mark.slow
def test_a_sync_killed_mid_send_is_released_at_once_and_sent_once(vault: KeyringVault) -> None:
    with tempfile.TemporaryDirectory() as tmp, Simulator(count=20, seed=5) as sim:
        paths = Paths(Path(tmp) / "home")
        store = open_store(paths, vault)
        try:
            _prepare(store, vault, sim)
            texts = queue_some(store, random.Random(5), 3, [0])
            sim.inject(Fault("latency", None, method="POST", times=-1, seconds=LATENCY))
            child = _sync_once(paths.home)
            try:
                deadline = time.monotonic() + 120
                while not _sending(store) and child.poll() is None:
                    assert time.monotonic() < deadline, "the sync never started sending"
                    time.sleep(0.1)
            finally:
                child.kill()  # SIGKILL; TerminateProcess on Windows
                child.wait()
            left_sending = _sending(store)
            assert left_sending >= 1
            sim.clear_faults()
            # The requests that had left land (or not) before the threads are read back.
            time.sleep(LATENCY + 1)
            # Well inside the lease: only the liveness probe can free them.
            with store.write() as conn:
                released = outbox_rows.release_stale(
                    conn, datetime.now(UTC), outbox.LEASE, outbox.claim_is_alive
                )
            assert released == left_sending
            for _ in range(5):
                _force_due(store)
                done = subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "desktop.cli",
                        "--home",
                        str(paths.home),
                        "sync",
                        "--once",
                    ],
                    capture_output=True,
                    timeout=300,
                    cwd=ROOT,
                )
                assert done.returncode == 0, done.stderr
                with store.read() as conn:
                    states = Counter(e.reply.state for e in queries.outbox(conn, include_sent=True))
                if states[ReplyState.SENT] == len(texts):
                    break
        finally:
            store.close()
            _forget_key(vault, paths)
        accepted = Counter(r.text for r in sim.accepted_replies())
    assert [accepted[text] for text in texts] == [1, 1, 1]
