"""Token renewal across processes, short: one renewal for two processes; SIGKILL never
leaves an account silently broken. The full run (200 kills) is ``bench/kill_refresh.py``."""

from __future__ import annotations

import os

import pytest

from bench.kill_refresh import run, run_concurrent
from desktop.core.credentials import KeyringVault

pytestmark = [pytest.mark.keyring, pytest.mark.slow]
KILLS = int(os.environ.get("ADUAN_REFRESH_KILLS", "12"))


def test_two_processes_renewing_at_once_make_one_renewal(keyring_vault: KeyringVault) -> None:
    race = run_concurrent(processes=2)
    assert race.refreshes == 1
    assert len(set(race.tokens)) == 1
    assert race.working


def test_sigkill_during_renewal_leaves_the_account_working_or_needing_reconnect(
    keyring_vault: KeyringVault,
) -> None:
    result = run(kills=KILLS, seed=3, log=lambda line: None)
    assert result.kills == KILLS
    assert result.broken == 0
    assert result.working + result.needs_reconnect == KILLS
    assert result.refreshes > KILLS  # the child really renewed between kills
