"""The kill test, short: SIGKILL of real sync processes never loses or doubles a reply.

The full run (200+ kills) is ``bench/kill_outbox.py``.
"""

from __future__ import annotations

import pytest

from bench.kill_outbox import run
from desktop.core.credentials import KeyringVault

pytestmark = [pytest.mark.keyring, pytest.mark.slow]


def test_replies_survive_sigkill_exactly_once(keyring_vault: KeyringVault) -> None:
    result = run(kills=15, seed=7, log=lambda line: None)
    assert result.replies > 15
    assert result.missing == 0
    assert result.accepted_twice_or_more == 0
    assert result.accepted_once == result.replies
    assert result.sent == result.replies


def test_two_sync_processes_at_once_send_each_reply_once(keyring_vault: KeyringVault) -> None:
    from bench.kill_outbox import run_concurrent

    result = run_concurrent(replies=30, processes=2)
    assert result.accepted_twice_or_more == 0
    assert result.accepted_once == result.replies == 30
    assert result.sent == 30
