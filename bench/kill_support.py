"""What the reply kill tests (``kill_outbox.py``, ``kill_station_worker.py``) share: the
platforms and faults they use, replies queued under texts the simulator's record is
matched on, the outbox still waiting, and the desktop's CLI run as a child process.

Telegram is left out of ``CHANNELS``: a bot cannot read a chat back, so a send whose
outcome is unknown goes to the officer (``failed``, never sent twice) instead of being
confirmed; the outbox tests cover that case.
"""

from __future__ import annotations

import os
import random
import sys
from collections import Counter
from pathlib import Path

from desktop.core.model import Channel, ReplyState
from desktop.core.store import actions, queries, queue_pages
from desktop.core.store.database import Store
from desktop.simulator import Simulator

ROOT = Path(__file__).resolve().parent.parent
CHANNELS = (Channel.INSTAGRAM, Channel.FACEBOOK, Channel.X, Channel.YOUTUBE, Channel.TIKTOK)
FAULTS = ("accept_then_drop", "drop", "truncate", "server_error")


def queue_some(
    store: Store, rng: random.Random, count: int, serial: list[int], *, tag: str = "uji"
) -> list[str]:
    """Queue ``count`` replies on random complaints of the queue; their texts, each one
    told apart by ``tag`` and the next number of ``serial[0]``."""
    with store.read() as conn:
        ids = queue_pages.queue_ids(conn, queries.QueueFilter())
    texts = []
    for _ in range(count):
        serial[0] += 1
        text = f"Terima kasih, laporan Anda kami tindak lanjuti ({tag} {serial[0]})."
        actions.queue_reply(store, rng.choice(ids), text, "uji")
        texts.append(text)
    return texts


def waiting(store: Store) -> bool:
    """Whether a reply in the outbox is still to be sent or confirmed."""
    with store.read() as conn:
        return any(
            e.reply.state in (ReplyState.QUEUED, ReplyState.UNCERTAIN, ReplyState.SENDING)
            for e in queries.outbox(conn)
        )


def published(sim: Simulator) -> Counter[str]:
    """How many times each reply text stands on the simulator's platforms."""
    return Counter(r.text for r in sim.accepted_replies())


def cli(home: Path, *args: str) -> list[str]:
    """The command line of ``aduan-desk --home HOME ARGS`` from this checkout."""
    return [sys.executable, "-m", "desktop.cli", "--home", str(home), *args]


def child_env() -> dict[str, str]:
    """The environment of a child process that runs this checkout's code."""
    return {**os.environ, "PYTHONPATH": str(ROOT)}
