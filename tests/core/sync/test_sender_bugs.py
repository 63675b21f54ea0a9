"""A bug in the sender frees its claim at once and reaches the crash report path."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select

from desktop.core.model import Channel, ReplyState
from desktop.core.platforms.base import Adapter, PostedReply
from desktop.core.store import actions, queries, queue_pages
from desktop.core.store.database import Store
from desktop.core.store.schema import OutboxRow
from desktop.core.sync.engine import SyncEngine
from desktop.core.sync.push import Sender, SenderBugError
from desktop.core.sync.reasons import SendReason
from desktop.simulator import Simulator

pytestmark = pytest.mark.both_dialects


def _first_open(store: Store, channel: Channel) -> int:
    with store.read() as conn:
        (complaint,) = queue_pages.queue_page(conn, queries.QueueFilter(channel=channel), limit=1)
    return complaint.id


def test_a_bug_frees_the_claim_at_once_and_is_raised(
    store: Store, sim: Simulator, engine: SyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine.run_once(force=True)
    broken = actions.queue_reply(store, _first_open(store, Channel.X), "Balasan X.", "ani")
    fine = actions.queue_reply(store, _first_open(store, Channel.YOUTUBE), "Balasan YT.", "ani")
    x_account = next(a for a in engine.puller.accounts() if a.channel is Channel.X)
    adapter_type = type(engine.adapters.adapter(x_account))

    def bug(self: Adapter, thread_id: str, parent_id: str, text: str) -> PostedReply:
        raise KeyError("a field the code took for granted")

    monkeypatch.setattr(adapter_type, "post_reply", bug)
    sender = Sender(store, engine.adapters)
    with pytest.raises(SenderBugError) as raised:
        sender.push_due()
    assert isinstance(raised.value.__cause__, KeyError)  # the bug itself, for the report
    with store.read() as conn:
        rows = {
            reply_id: (state, claimed_by, reason)
            for reply_id, state, claimed_by, reason in conn.execute(
                select(
                    OutboxRow.reply_id, OutboxRow.state, OutboxRow.claimed_by, OutboxRow.last_reason
                )
            )
        }
    # Not left "sending" for the lease to free: uncertain now, read back before a retry.
    assert rows[broken] == (ReplyState.UNCERTAIN.value, None, SendReason.UNEXPECTED.value)
    assert rows[fine][0] == ReplyState.SENT.value  # one failing entry blocks no other
    assert Counter(r.text for r in sim.accepted_replies())["Balasan X."] == 0
