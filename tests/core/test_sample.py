"""The sample-data generator: deterministic, realistic, consistent with the model."""

from __future__ import annotations

import random
import re
import string
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from itertools import islice, pairwise

import pytest

from desktop.core import sample_phrases as ph
from desktop.core.deadlines import DeadlineSettings, Urgency, clock_start, countdown
from desktop.core.model import Channel, Direction, Status
from desktop.core.sample import (
    MAX_AGE,
    SLOTS,
    SampleAccount,
    SampleThread,
    sample_accounts,
    sample_threads,
)

NOW = datetime(2025, 3, 1, 9, 30, 15, 123456, tzinfo=UTC)
ANSWERED = {Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.RESOLVED}


@pytest.fixture(scope="module")
def threads() -> list[SampleThread]:
    return list(sample_threads(3000, now=NOW, seed=7))


# --- accounts ------------------------------------------------------------------


def test_one_account_per_channel_without_whatsapp() -> None:
    accounts = sample_accounts()
    assert [a.channel for a in accounts] == [
        Channel.INSTAGRAM, Channel.FACEBOOK, Channel.X, Channel.YOUTUBE, Channel.TELEGRAM,
        Channel.TIKTOK,
    ]  # fmt: skip
    assert len({a.platform_user_id for a in accounts}) == len(accounts)
    assert accounts == sample_accounts("Polres Contoh")  # derived, not random


def test_handles_follow_the_unit_and_platform_rules() -> None:
    names = {a.channel: a.name for a in sample_accounts("Polres Bogor")}
    assert names[Channel.INSTAGRAM] == "humaspolresbogor"
    assert names[Channel.TELEGRAM] == "humaspolresbogor_bot"
    long_names = {a.channel: a.name for a in sample_accounts("Polrestabes Surabaya Kota")}
    assert len(long_names[Channel.X]) <= 15
    assert len(long_names[Channel.TIKTOK]) <= 24
    for account in sample_accounts("Polda Metro Jaya"):
        assert re.fullmatch(r"[a-z0-9_]+", account.name)


def test_account_ids_look_like_the_platforms() -> None:
    ids = {a.channel: a.platform_user_id for a in sample_accounts()}
    assert re.fullmatch(r"UC[\w-]{22}", ids[Channel.YOUTUBE])
    for channel in (Channel.INSTAGRAM, Channel.FACEBOOK, Channel.X, Channel.TELEGRAM):
        assert ids[channel].isdigit()
    assert len(ids[Channel.TIKTOK]) == 19


def test_a_unit_without_letters_is_refused() -> None:
    with pytest.raises(ValueError, match="no letters"):
        sample_accounts(" -- ")


# --- determinism and shape ---------------------------------------------------------


def test_same_inputs_give_the_same_threads() -> None:
    first = list(sample_threads(300, now=NOW, seed=42))
    again = list(sample_threads(300, now=NOW, seed=42))
    assert first == again
    assert list(sample_threads(300, now=NOW, seed=43)) != first


def test_a_shorter_run_is_a_prefix_of_a_longer_one() -> None:
    assert list(sample_threads(40, now=NOW)) == list(sample_threads(400, now=NOW))[:40]


def test_the_global_random_state_is_left_alone() -> None:
    state = random.getstate()
    list(sample_threads(100, now=NOW))
    assert random.getstate() == state


@pytest.mark.parametrize("count", [0, 1, 17, 1000])
def test_yields_exactly_count_threads(count: int) -> None:
    assert sum(1 for _ in sample_threads(count, now=NOW)) == count


def test_is_lazy() -> None:
    huge = sample_threads(10**12, now=NOW)  # would never finish as a list
    assert len(list(islice(huge, 3))) == 3


def test_bad_arguments_are_refused_at_the_call() -> None:
    with pytest.raises(ValueError, match="negative"):
        sample_threads(-1, now=NOW)
    with pytest.raises(ValueError, match="naive"):
        sample_threads(1, now=datetime(2025, 3, 1))
    with pytest.raises(ValueError, match="no accounts"):
        sample_threads(1, now=NOW, accounts=[])


def test_every_default_channel_is_used(threads: list[SampleThread]) -> None:
    channels = Counter(t.account.channel for t in threads[:1000])
    assert set(channels) == {a.channel for a in sample_accounts()}
    assert channels[Channel.INSTAGRAM] > channels[Channel.YOUTUBE]  # busier channels


def test_only_the_given_accounts_are_used() -> None:
    ours = [
        SampleAccount(Channel.X, "polresbogor", "111"),
        SampleAccount(Channel.WHATSAPP, "Humas Polres Bogor", "222"),
    ]
    made = list(sample_threads(200, now=NOW, accounts=ours))
    assert {t.account for t in made} == set(ours)
    for thread in made:
        if thread.account.channel is Channel.WHATSAPP:
            assert all(item.platform_id.startswith("wamid.") for item in thread.items)


def test_accounts_sharing_a_channel_never_share_an_id() -> None:
    two = [SampleAccount(Channel.TIKTOK, "a", "1"), SampleAccount(Channel.TIKTOK, "b", "2")]
    made = sample_threads(500, now=NOW, accounts=two)
    pids = [item.platform_id for thread in made for item in thread.items]
    assert len(pids) == len(set(pids))


# --- time ------------------------------------------------------------------------------


def test_messages_are_in_order_and_never_after_now(threads: list[SampleThread]) -> None:
    for thread in threads:
        times = [item.platform_time for item in thread.items]
        assert 1 <= len(times) <= 5
        assert all(a < b for a, b in pairwise(times))
        assert times[0] >= NOW - MAX_AGE
        assert times[-1] <= NOW
        assert all(t.utcoffset() == timedelta(0) and t.tzinfo is UTC for t in times)


def test_now_in_another_zone_is_the_same_instant() -> None:
    wib = NOW.astimezone(timezone(timedelta(hours=7)))
    assert list(sample_threads(50, now=wib)) == list(sample_threads(50, now=NOW))


def test_ages_cover_fresh_due_overdue_and_viral(threads: list[SampleThread]) -> None:
    ages = [NOW - t.items[0].platform_time for t in threads if t.status is Status.NEW]
    hour = timedelta(hours=1)
    assert any(age < hour for age in ages)
    assert any(18 * hour <= age < 24 * hour for age in ages)  # in the warning band
    assert any(24 * hour <= age < 72 * hour for age in ages)  # overdue
    assert any(age >= 72 * hour for age in ages)  # past the viral horizon
    assert sum(age < 24 * hour for age in ages) > len(ages) / 3  # skewed toward recent


def _urgency_at(thread: SampleThread, now: datetime) -> Urgency:
    """What the queue shows for ``thread`` at ``now`` (the store keeps the same times)."""
    timeline = [
        (Direction.OUTBOUND if i.outbound else Direction.INBOUND, i.platform_time)
        for i in thread.items
    ]
    last_answer = max((i.platform_time for i in thread.items if i.outbound), default=None)
    clock = clock_start(timeline)
    return countdown(now, thread.status, clock, last_answer, DeadlineSettings()).urgency


def test_the_queue_is_a_working_morning(threads: list[SampleThread]) -> None:
    """Most open complaints in time, some due soon, a few late: the colours mean something."""
    shown = Counter(_urgency_at(t, NOW) for t in threads if t.status.is_open)
    total = sum(shown.values())
    late = shown[Urgency.OVERDUE] + shown[Urgency.VIRAL]
    assert 0.02 <= late / total <= 0.08
    assert 0 < shown[Urgency.VIRAL] <= 0.02 * total
    assert 0.08 <= shown[Urgency.WARNING] / total <= 0.20
    assert shown[Urgency.ON_TIME] / total >= 0.75
    assert shown[Urgency.NONE] == 0  # an open complaint always has a clock running


def test_a_demo_sized_queue_has_every_colour() -> None:
    """The 300 complaints of the demo: the top of the queue is not a wall of red."""
    demo = [t for t in sample_threads(300, now=NOW, seed=1) if t.status.is_open]
    shown = Counter(_urgency_at(t, NOW) for t in demo)
    assert {Urgency.ON_TIME, Urgency.WARNING, Urgency.OVERDUE, Urgency.VIRAL} <= set(shown)
    assert shown[Urgency.VIRAL] <= 5
    assert shown[Urgency.OVERDUE] + shown[Urgency.VIRAL] <= 0.08 * len(demo)


# --- ids and threading ---------------------------------------------------------------


def test_platform_ids_are_unique_per_channel(threads: list[SampleThread]) -> None:
    seen: dict[Channel, set[str]] = {}
    for thread in threads:
        for item in thread.items:
            ids = seen.setdefault(item.channel, set())
            assert item.platform_id not in ids
            ids.add(item.platform_id)


def test_ids_look_like_the_platforms(threads: list[SampleThread]) -> None:
    patterns = {
        Channel.X: r"\d{19}",
        Channel.TELEGRAM: r"\d+",
        Channel.INSTAGRAM: r"\d{17}",
        Channel.TIKTOK: r"\d{19}",
        Channel.FACEBOOK: r"\d{16}_\d{16}",
        Channel.YOUTUBE: r"Ug[wxyz][\w-]{16}4AaABAg(\.[\w-]{22})?",
    }
    for thread in threads:
        for item in thread.items:
            assert re.fullmatch(patterns[item.channel], item.platform_id), item


def test_x_ids_are_snowflakes_of_the_time(threads: list[SampleThread]) -> None:
    twitter_epoch_ms = 1288834974657
    for thread in threads:
        for item in thread.items:
            if item.channel is Channel.X:
                ms = (int(item.platform_id) >> 22) + twitter_epoch_ms
                assert ms == int(item.platform_time.timestamp() * 1000)


def test_direct_messages_come_from_distinct_citizens(threads: list[SampleThread]) -> None:
    chats = [t.items[0].author_id for t in threads if t.account.channel is Channel.TELEGRAM]
    assert len(chats) == len(set(chats))  # one chat, one complaint


def test_items_form_one_thread(threads: list[SampleThread]) -> None:
    for thread in threads:
        top = thread.items[0]
        assert top.thread_id == top.platform_id
        assert top.parent_id is None
        assert not top.outbound
        earlier = {top.platform_id}
        for item in thread.items[1:]:
            assert item.thread_id == top.platform_id
            assert item.channel is thread.account.channel
            assert item.parent_id in earlier
            earlier.add(item.platform_id)


def test_permalinks_point_at_the_platform(threads: list[SampleThread]) -> None:
    hosts = {
        Channel.X: "https://x.com/",
        Channel.INSTAGRAM: "https://www.instagram.com/p/",
        Channel.FACEBOOK: "https://www.facebook.com/",
        Channel.YOUTUBE: "https://www.youtube.com/watch?v=",
        Channel.TIKTOK: "https://www.tiktok.com/@",
    }
    for thread in threads:
        for item in thread.items:
            host = hosts.get(item.channel)
            if host is None:  # direct messages have no public link
                assert item.permalink is None
            else:
                assert item.permalink is not None
                assert item.permalink.startswith(host)


# --- status, authors, notes -------------------------------------------------------------


def test_status_agrees_with_the_items(threads: list[SampleThread]) -> None:
    for thread in threads:
        answered = any(item.outbound for item in thread.items)
        if answered:
            assert thread.status in ANSWERED
        else:
            assert thread.status in {Status.NEW, Status.DISMISSED}


def test_status_mix_is_roughly_as_specified() -> None:
    made = Counter(t.status for t in sample_threads(10_000, now=NOW, seed=3))
    wanted = {
        Status.NEW: 0.45, Status.ACKNOWLEDGED: 0.25, Status.IN_PROGRESS: 0.10,
        Status.RESOLVED: 0.12, Status.DISMISSED: 0.08,
    }  # fmt: skip
    for status, share in wanted.items():
        assert made[status] / 10_000 == pytest.approx(share, abs=0.02)


def test_outbound_items_come_from_our_account(threads: list[SampleThread]) -> None:
    for thread in threads:
        for item in thread.items:
            ours = item.author_id == thread.account.platform_user_id
            assert ours == item.outbound
            if item.outbound:
                assert item.author_name == thread.account.name
            assert item.author_name
            assert item.author_id


def test_one_citizen_per_thread(threads: list[SampleThread]) -> None:
    for thread in threads:
        assert len({item.author_id for item in thread.items if not item.outbound}) == 1


def test_notes_fit_the_status(threads: list[SampleThread]) -> None:
    for thread in threads:
        replies = {item.text for item in thread.items if item.outbound}
        if thread.status is Status.NEW:
            assert thread.notes == ()
        for text, public in thread.notes:
            assert text.strip()
            if public:  # a published note is one of our replies
                assert any(text in reply for reply in replies)
        if thread.status is Status.RESOLVED:
            assert any(public for _, public in thread.notes)


# --- text ------------------------------------------------------------------------------


def test_texts_are_filled_in(threads: list[SampleThread]) -> None:
    for thread in threads:
        for item in thread.items:
            assert item.text
            assert item.text.strip() == item.text
            assert not re.search(r"[{}]|\s\s", item.text)


def test_texts_vary(threads: list[SampleThread]) -> None:
    sample = threads[:1000]
    first_texts = {t.items[0].text for t in sample}
    assert len(first_texts) >= 900
    assert len({t.items[0].author_name for t in sample}) >= 600
    replies = {item.text for t in sample for item in t.items if item.outbound}
    assert len(replies) >= 200


def test_texts_read_like_indonesian_social_media(threads: list[SampleThread]) -> None:
    inbound = " ".join(i.text for t in threads for i in t.items if not i.outbound)
    outbound = " ".join(i.text for t in threads for i in t.items if i.outbound)
    for word in ("yg", "pak", "min", "tolong", "@humaspolrescontoh", "🙏", "Rp", "Jl."):
        assert word in inbound
    assert re.search(r"\b[A-Z]{1,2} \d{1,4} [A-Z]{2,3}\b", inbound)  # a number plate
    for phrase in ("Terima kasih", "tindak lanjut", "DM", "Update"):
        assert phrase in outbound


def test_dismissed_threads_are_spam_or_praise(threads: list[SampleThread]) -> None:
    openings = {" ".join(p.lower().split()[:2]) for p in ph.SPAM.complaints + ph.PRAISE.complaints}
    dismissed = [t for t in threads if t.status is Status.DISMISSED]
    assert dismissed
    for thread in dismissed:
        text = thread.items[0].text.lower()
        assert any(opening in text for opening in openings), text


def _fields(phrase: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(phrase) if name is not None}


def test_templates_use_only_known_slots() -> None:
    banks = [
        ph.OPENERS, ph.PLEAS, ph.FOLLOW_UPS, ph.AFTER_ANSWER, ph.THANKS, ph.ACKNOWLEDGEMENTS,
        ph.NOTED, ph.GENERIC_PROGRESS, ph.NOTES, ph.SPAM_NOTES, ph.PRAISE_NOTES,
        *ph.POOLS.values(),
    ]  # fmt: skip
    for topic in ph.TOPICS:
        banks += [topic.units, topic.complaints, topic.tips, topic.progress, topic.resolutions]
    for bank in banks:
        for phrase in bank:
            assert _fields(phrase) <= SLOTS, phrase
    for style in ph.HANDLE_STYLES:
        assert _fields(style) <= {"f", "l", "l3", "d", "s", "p"}, style
    for style in ph.DISPLAY_STYLES:
        assert _fields(style) <= {"F", "L", "L0", "P", "FL"}, style


def test_every_complaint_topic_can_be_answered_and_closed() -> None:
    assert ph.COMPLAINTS
    assert all(t.units and t.complaints and t.resolutions for t in ph.COMPLAINTS)
