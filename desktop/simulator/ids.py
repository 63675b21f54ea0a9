"""Fresh ids in each platform's style for messages the simulator creates.

Sample data keeps its own ids; new ones (replies posted to the simulator,
citizens' new messages) come from here and never collide with them. X ids
are snowflakes of the message's time, so ``since_id`` and the time read
from an id both work; they never go backwards.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
from datetime import datetime

from desktop.core.model import Channel
from desktop.simulator.state import Board

SNOWFLAKE_EPOCH_MS = 1288834974657
_BASES = {
    Channel.INSTAGRAM: 17_990_000_000_000_000,
    Channel.FACEBOOK: 1_900_000_000_000_000,
    Channel.TIKTOK: 7_390_000_000_000_000_000,
}
# Added to a generated citizen's numeric id so new people never share an id
# with the sample's (their counters restart in a second generator).
_PERSON_OFFSETS = {
    Channel.INSTAGRAM: 1_000_000_000_000_000,
    Channel.FACEBOOK: 100_000_000_000_000,
    Channel.X: 8_000_000_000,
    Channel.TELEGRAM: 1_000_000_000,
    Channel.TIKTOK: 100_000_000_000_000_000,
}


def snowflake(when: datetime, sequence: int = 0) -> int:
    ms = int(when.timestamp() * 1000) - SNOWFLAKE_EPOCH_MS
    return (max(ms, 0) << 22) | (sequence & 0x3FFFFF)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


class IdMaker:
    """New message ids for one board (call with the world's lock held)."""

    def __init__(self, board: Board) -> None:
        self.board = board
        self.channel = board.account.channel
        self._counter = itertools.count(1)
        numeric = [int(m.id) for m in board.log if m.id.isdigit()]
        self._highest = max(numeric, default=0)

    def message(self, *, when: datetime, container: str, top: str | None) -> str:
        """A new id; ``top`` is the thread's first message for replies (YouTube)."""
        while True:
            ident = self._candidate(when, container, top)
            if ident not in self.board.by_id:
                return ident

    def _candidate(self, when: datetime, container: str, top: str | None) -> str:
        k = next(self._counter)
        ch = self.channel
        if ch is Channel.X:
            self._highest = max(snowflake(when, k), self._highest + 1)
            return str(self._highest)
        if ch is Channel.TELEGRAM:
            self._highest += 1
            return str(self._highest)
        if ch is Channel.YOUTUBE:
            digest = hashlib.sha256(f"simulator:{k}".encode()).digest()
            if top is None:
                return f"Ug{'wxyz'[k & 3]}{_b64(digest[:12])}4AaABAg"
            return f"{top}.{_b64(digest[:16])}"
        number = _BASES[ch] + k * 997
        if ch is Channel.FACEBOOK:
            post = container.rpartition("_")[2] or container
            return f"{post}_{number}"
        return str(number)

    def person(self, sample_id: str) -> str:
        """A new citizen's id derived from a generated one, clear of the sample's ids."""
        offset = _PERSON_OFFSETS.get(self.channel)
        if offset is not None and sample_id.isdigit():
            return str(int(sample_id) + offset)
        digest = hashlib.sha256(f"simulator-person:{sample_id}".encode()).digest()
        return "UC" + _b64(digest[:16])
