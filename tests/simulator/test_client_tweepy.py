"""tweepy's X API v2 ``Client`` against the simulator: list, page to the end, reply, read back.

Reads use an app-only bearer token, writes OAuth 1.0a user context (as
tweepy does by default); every injected fault raises tweepy's own error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import tweepy

from desktop.core.model import Channel
from desktop.simulator import Fault, Simulator
from desktop.simulator.x_auth import CONSUMER_KEY, CONSUMER_SECRET, TOKEN_SECRET, app_token
from tests.simulator.clients import redirect
from tests.simulator.helpers import COUNT, NOW, SEED, account_id, expected_items

OWN = account_id(Channel.X)


@pytest.fixture
def strict_sim() -> Iterator[Simulator]:
    with Simulator(count=COUNT, seed=SEED, now=NOW, strict=True) as running:
        yield running


def _client(sim: Simulator, **overrides: Any) -> tweepy.Client:
    settings: dict[str, Any] = {
        "bearer_token": app_token(sim.token),
        "consumer_key": CONSUMER_KEY,
        "consumer_secret": CONSUMER_SECRET,
        "access_token": sim.token,
        "access_token_secret": TOKEN_SECRET,
    }
    client = tweepy.Client(**{**settings, **overrides})
    redirect(client.session, {"https://api.twitter.com": sim.api_base(Channel.X)})
    return client


def test_mentions_page_to_the_end_then_a_reply_is_read_back(strict_sim: Simulator) -> None:
    client = _client(strict_sim)
    mentions = [
        tweet
        for page in tweepy.Paginator(
            client.get_users_mentions,
            OWN,
            max_results=5,
            tweet_fields=["created_at", "author_id", "conversation_id"],
        )
        for tweet in page.data or ()
    ]
    want = {i.platform_id for i in expected_items()[Channel.X] if not i.outbound}
    assert {t.id for t in mentions} == {int(i) for i in want}  # repeats at the boundaries
    target = next(t for t in mentions if t.id == t.conversation_id)
    me = client.get_me()  # user context (OAuth 1.0a)
    assert me.data.id == int(OWN)
    made = client.create_tweet(text="Laporan diterima, kami cek.", in_reply_to_tweet_id=target.id)
    back = [
        tweet
        for page in tweepy.Paginator(
            client.get_users_tweets, OWN, since_id=target.id, max_results=5
        )
        for tweet in page.data or ()
    ]
    assert int(made.data["id"]) in {t.id for t in back}


def test_an_app_only_token_cannot_post_or_ask_who_it_is(sim: Simulator) -> None:
    client = _client(sim)
    with pytest.raises(tweepy.Forbidden, match="Application-Only is forbidden"):
        client.create_tweet(text="Halo", user_auth=False)
    with pytest.raises(tweepy.Forbidden):
        client.get_me(user_auth=False)


def test_a_wrong_oauth1_signature_is_refused(sim: Simulator) -> None:
    client = _client(sim, consumer_secret="not-the-secret")
    with pytest.raises(tweepy.Unauthorized):
        client.create_tweet(text="Halo")


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (Fault("rate_limit", Channel.X, retry_after=5), tweepy.TooManyRequests),
        (Fault("server_error", Channel.X, status=503), tweepy.TwitterServerError),
        (Fault("expired_token", Channel.X), tweepy.Unauthorized),
    ],
)
def test_each_fault_raises_tweepys_own_error(
    sim: Simulator, fault: Fault, error: type[Exception]
) -> None:
    sim.inject(fault)
    with pytest.raises(error):
        _client(sim).get_users_mentions(OWN)
