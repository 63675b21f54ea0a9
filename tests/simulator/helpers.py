"""What the simulator tests share: the sample world they expect, formats, shortcuts."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import UTC, datetime

from desktop.core.model import Channel, InboundItem
from desktop.core.sample import sample_accounts, sample_threads
from desktop.simulator import Simulator

NOW = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
COUNT = 200
SEED = 1
TOKEN = "sim-token"

GRAPH_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$")
X_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$")
YOUTUBE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.000)?Z$")
YOUTUBE_API_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
EPOCH_TEXT = re.compile(r"^\d{10}$")


def expected_items(count: int = COUNT, seed: int = SEED) -> dict[Channel, list[InboundItem]]:
    """Every sample item per channel, computed independently of the simulator."""
    found: dict[Channel, list[InboundItem]] = defaultdict(list)
    for thread in sample_threads(count, now=NOW, seed=seed):
        found[thread.account.channel].extend(thread.items)
    return found


def account_id(channel: Channel) -> str:
    return next(a.platform_user_id for a in sample_accounts() if a.channel is channel)


def bearer(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


Call = tuple[str, dict[str, object]]  # (url, keyword arguments for requests)


def probe(sim: Simulator, channel: Channel) -> Call:
    """A cheap, valid listing request on ``channel``."""
    base, own = sim.api_base(channel), account_id(channel)
    if channel is Channel.INSTAGRAM:
        return f"{base}/{own}/media", {"headers": bearer()}
    if channel is Channel.FACEBOOK:
        return f"{base}/{own}/feed", {"headers": bearer()}
    if channel is Channel.X:
        return f"{base}/2/users/{own}/mentions", {"headers": bearer()}
    if channel is Channel.YOUTUBE:
        query = {"part": "snippet", "allThreadsRelatedToChannelId": own}
        return f"{base}/youtube/v3/commentThreads", {"params": query, "headers": bearer()}
    if channel is Channel.TELEGRAM:
        return f"{base}/bot{sim.token_for(channel)}/getUpdates", {}
    query = {"business_id": own}
    return f"{base}/open_api/v1.3/business/video/list/", {
        "params": query,
        "headers": {"Access-Token": TOKEN},
    }


def reply_call(sim: Simulator, channel: Channel, text: str = "Laporan diterima.") -> Call:
    """A valid reply to the first citizen's top-level message on ``channel``."""
    top = next(i for i in expected_items()[channel] if i.parent_id is None and not i.outbound)
    base = sim.api_base(channel)
    if channel is Channel.INSTAGRAM:
        return f"{base}/{top.platform_id}/replies", {"data": {"message": text}, "headers": bearer()}
    if channel is Channel.FACEBOOK:
        return f"{base}/{top.platform_id}/comments", {
            "data": {"message": text},
            "headers": bearer(),
        }
    if channel is Channel.X:
        body = {"text": text, "reply": {"in_reply_to_tweet_id": top.platform_id}}
        return f"{base}/2/tweets", {"json": body, "headers": bearer()}
    if channel is Channel.YOUTUBE:
        body = {"snippet": {"parentId": top.platform_id, "textOriginal": text}}
        url = f"{base}/youtube/v3/comments"
        return url, {"params": {"part": "snippet"}, "json": body, "headers": bearer()}
    if channel is Channel.TELEGRAM:
        body = {"chat_id": int(top.author_id), "text": text}
        return f"{base}/bot{sim.token_for(channel)}/sendMessage", {"json": body}
    video = str(top.permalink).rsplit("/", 1)[-1]
    body = {
        "business_id": account_id(channel),
        "video_id": video,
        "comment_id": top.platform_id,
        "text": text,
    }
    url = f"{base}/open_api/v1.3/business/comment/reply/create/"
    return url, {"json": body, "headers": {"Access-Token": TOKEN}}
