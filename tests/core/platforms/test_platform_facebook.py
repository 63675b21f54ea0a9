"""Facebook Page: recorded Graph responses, and the adapter over loopback HTTP."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.core.model import Channel
from desktop.core.platforms.errors import PermanentError
from desktop.core.platforms.facebook import (
    FacebookAdapter,
    parse_comment,
    parse_comments_page,
    parse_feed,
)
from desktop.core.platforms.factory import make_adapter
from desktop.core.platforms.graph import parse_conversations, parse_messages
from desktop.core.platforms.http import PlatformSession
from tests.core.platforms.platform_testkit import Loopback, recorded

PAGE = "2121008874780932"  # "MyLife" in the recorded Messenger data
POST = "10158407654328553"
OWN = frozenset({PAGE})


def test_recorded_comment_stream_pages() -> None:
    items, after = parse_comments_page(recorded("facebook/comments_comments_p1.json"), OWN)
    assert after == "after"
    assert len(items) == 10
    first = items[0]
    assert first.channel is Channel.FACEBOOK
    assert first.platform_id == f"{POST}_10158407835073553"
    assert first.thread_id == first.platform_id
    assert first.parent_id is None
    assert first.platform_time == datetime(2021, 8, 10, 18, 45, 3, tzinfo=UTC)
    assert first.permalink is not None
    assert first.permalink.endswith("comment_id=10158407835073553")
    assert "😕" in items[1].text  # emoji kept
    # A reply (reply_comment_id in its permalink) joins its top-level comment's thread.
    reply = items[5]
    assert reply.platform_id == f"{POST}_10158409983033553"
    assert reply.thread_id == reply.parent_id == f"{POST}_10158407903973553"
    assert reply.text.startswith("Hi, please access the Instagram Help Center")

    items, after = parse_comments_page(recorded("facebook/comments_comments_p2.json"), OWN)
    assert after is None  # only `previous` in paging: last page
    assert [i.text for i in items][-1] == "Mantap halo...."
    assert items[1].thread_id == f"{POST}_10158412899928553"


def test_ids_rebuilt_from_permalinks_match_the_ids_meta_sends() -> None:
    for key, comment in recorded("facebook/comments_comments_info.json").items():
        without_id = {k: v for k, v in comment.items() if k != "id"}
        assert parse_comment(without_id, key, OWN).platform_id == comment["id"]
        assert parse_comment(comment, key, OWN).platform_id == comment["id"]


def test_recorded_messenger_messages() -> None:
    conversation = recorded("facebook/conversation.json")
    messages = list(recorded("facebook/messages.json").values())
    body = {"data": [{**conversation, "messages": {"data": messages}}]}
    items, reached_old = parse_conversations(body, Channel.FACEBOOK, OWN, None)
    assert not reached_old
    assert [(i.thread_id, i.author_name, i.outbound) for i in items] == [
        ("dm:2711636948859886", "Kun Liu", False),
        ("dm:2711636948859886", "Kun Liu", False),
    ]
    assert items[0].platform_time == datetime(2021, 7, 23, 9, 50, 48, tzinfo=UTC)
    assert items[1].platform_time == datetime(2021, 7, 23, 10, 24, 23, tzinfo=UTC)
    assert items[0].text == ""  # an attachment without text
    # Older than the high-water mark: skipped, and paging may stop.
    since = datetime(2021, 7, 24, tzinfo=UTC)
    assert parse_conversations(body, Channel.FACEBOOK, OWN, since) == ([], True)


def test_our_own_message_goes_to_the_recipients_thread() -> None:
    message = recorded("facebook/message.json")
    (ours,) = parse_messages([message], Channel.FACEBOOK, {"2711636948859886"}, "m")
    assert ours.outbound
    assert ours.thread_id == f"dm:{PAGE}"


def test_feed_fingerprints_change_with_comments() -> None:
    body = {
        "data": [
            {
                "id": "19292868552_1",
                "updated_time": "2026-11-28T08:00:00+0000",
                "comments": {"data": [], "summary": {"total_count": 4}},
            },
            {"id": "19292868552_2", "comments": {"data": [], "summary": {"total_count": 0}}},
            {"id": "19292868552_3"},
        ]
    }
    (one, two, three), _ = parse_feed(body)
    assert one.fingerprint == f"{datetime(2026, 11, 28, 8, tzinfo=UTC).timestamp()}|4"
    assert (two.fingerprint, two.empty) == ("|0", True)
    assert (three.fingerprint, three.empty) == (None, False)


def _adapter(loopback: Loopback, session: PlatformSession, **params: str) -> FacebookAdapter:
    adapter = make_adapter(
        Channel.FACEBOOK, session, "EAAFbPageToken123", loopback.base, {"page_id": PAGE, **params}
    )
    assert isinstance(adapter, FacebookAdapter)
    return adapter


def test_a_pass_over_posts_and_messenger(loopback: Loopback, session: PlatformSession) -> None:
    post = f"19292868552_{POST}"
    active = (datetime.now(UTC) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S+0000")
    feed = {"data": [{"id": post, "updated_time": active}]}  # within the 30-day horizon
    loopback.json(f"/{PAGE}/feed", feed)
    loopback.json(
        f"/{post}/comments",
        recorded("facebook/comments_comments_p1.json"),
        recorded("facebook/comments_comments_p2.json"),
    )
    recent = (datetime.now(UTC) - timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M:%S+0000")
    message = {**recorded("facebook/message.json"), "created_time": recent, "message": "Halo"}
    loopback.json(
        f"/{PAGE}/conversations",
        {"data": [{"id": "t_1", "updated_time": recent, "messages": {"data": [message]}}]},
    )
    adapter = _adapter(loopback, session)
    pages = [adapter.fetch(None)]
    while not pages[-1].done:
        pages.append(adapter.fetch(pages[-1].cursor))
    assert [len(p.items) for p in pages] == [10, 5, 1]
    requests = loopback.seen(f"/{post}/comments")
    assert requests[0].param("filter") == "stream"
    assert requests[0].param("order") == "chronological"  # a comment before its replies
    assert loopback.seen(f"/{PAGE}/conversations")[0].param("platform") == "messenger"


def test_replying_and_messenger_send(loopback: Loopback, session: PlatformSession) -> None:
    thread = f"{POST}_10158407835073553"
    loopback.json(f"/{thread}/comments", recorded("facebook/comments_create_resp.json"))
    loopback.json(f"/{PAGE}/messages", {"recipient_id": "2711636948859886", "message_id": "m_1"})
    adapter = _adapter(loopback, session)
    posted = adapter.post_reply(thread, thread, "Laporan diterima, kami tindak lanjuti.")
    assert posted.platform_id == "245778718206154_229887283291835"
    assert posted.accepted_at == datetime(2023, 7, 14, 10, 45, 55, tzinfo=UTC)
    sent = adapter.post_reply("dm:2711636948859886", "m_x", "Baik, pak")
    assert sent.platform_id == "m_1"
    assert loopback.seen(f"/{PAGE}/messages")[0].json() == {
        "recipient": {"id": "2711636948859886"},
        "messaging_type": "RESPONSE",
        "message": {"text": "Baik, pak"},
    }


def test_window_closed_is_shown_with_metas_words(
    loopback: Loopback, session: PlatformSession
) -> None:
    closed = {
        "error": {
            "message": "(#10) This message is sent outside of allowed window.",
            "type": "OAuthException",
            "code": 10,
            "error_subcode": 2018278,
        }
    }
    loopback.json(f"/{PAGE}/messages", closed, status=400)
    with pytest.raises(PermanentError) as caught:
        _adapter(loopback, session).post_reply("dm:2711636948859886", "", "Halo")
    assert caught.value.reason == "messaging_window"
    assert "outside of allowed window" in str(caught.value)


def test_read_back_puts_replies_in_the_thread(loopback: Loopback, session: PlatformSession) -> None:
    info = recorded("facebook/comments_comments_info.json")
    top = info["10158371815748553_10158372268858553"]
    ours = {
        "id": "10158371815748553_999",
        "from": {"id": PAGE, "name": "MyLife"},
        "message": "Sudah kami proses",
        "created_time": "2026-11-28T08:00:00+0000",
    }
    loopback.json(f"/{top['id']}", top)
    loopback.json(f"/{top['id']}/comments", {"data": [ours]})
    items = _adapter(loopback, session).read_back(top["id"])
    assert [(i.platform_id, i.thread_id, i.outbound) for i in items] == [
        (top["id"], top["id"], False),
        ("10158371815748553_999", top["id"], True),
    ]


def test_messenger_can_be_switched_off(loopback: Loopback, session: PlatformSession) -> None:
    loopback.json(f"/{PAGE}/feed", {"data": []})
    page = _adapter(loopback, session, dms="off").fetch(None)
    assert page.done
    assert loopback.seen(f"/{PAGE}/conversations") == []
