"""Deadline rules: clock start, due times, urgency, zones, settings (words: test_i18n)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.deadlines import (
    Countdown,
    DeadlineKind,
    DeadlineSettings,
    UnitSettings,
    UnitZone,
    Urgency,
    clock_start,
    countdown,
    due_at,
    to_unit_time,
)
from desktop.core.model import Direction, Reply, ReplyState, Status

IN, OUT = Direction.INBOUND, Direction.OUTBOUND
T0 = datetime(2025, 2, 1, 8, 0, tzinfo=UTC)
DEFAULT = DeadlineSettings()
H = timedelta(hours=1)
CLOSED = [Status.RESOLVED, Status.DISMISSED]
ANSWERED = [Status.ACKNOWLEDGED, Status.IN_PROGRESS]

zones = st.just(UTC) | st.integers(-14 * 60, 14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
moments = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=zones
)
optional_moments = st.none() | moments
messages = st.lists(st.tuples(st.sampled_from(Direction), moments), max_size=12)
statuses = st.sampled_from(Status)
durations = st.timedeltas(min_value=timedelta(microseconds=1), max_value=timedelta(days=60))


@st.composite
def deadline_settings(draw: st.DrawFn) -> DeadlineSettings:
    first = draw(durations)
    return DeadlineSettings(
        first_answer=first,
        warning_fraction=draw(st.floats(0, 1, exclude_min=True, exclude_max=True)),
        viral_horizon=first + draw(st.timedeltas(timedelta(0), timedelta(days=30))),
        progress_every=draw(durations),
    )


def reply(state: ReplyState, accepted_at: datetime | None = None) -> Reply:
    return Reply(
        1, 1, "Sudah kami tindak lanjuti", "Bripka Sari", T0, state, accepted_at=accepted_at
    )


# --- clock start -------------------------------------------------------------


@given(messages)
def test_clock_start_is_the_first_inbound_after_the_last_answer(
    msgs: list[tuple[Direction, datetime]],
) -> None:
    start = clock_start(msgs)
    inbound = [t for d, t in msgs if d is IN]
    answers = [t for d, t in msgs if d is OUT]
    waiting = [t for t in inbound if not answers or t > max(answers)]
    if not waiting:
        assert start is None
        return
    assert start is not None
    assert start.utcoffset() == timedelta(0)
    assert start in inbound
    assert start >= min(inbound)
    assert all(start > t for t in answers)
    assert start == min(waiting)


@given(st.data(), messages)
def test_clock_start_ignores_message_order(
    data: st.DataObject, msgs: list[tuple[Direction, datetime]]
) -> None:
    assert clock_start(data.draw(st.permutations(msgs))) == clock_start(msgs)


@given(messages, st.timedeltas(timedelta(0), timedelta(days=5)), st.sampled_from(ANSWERED))
def test_answer_after_all_inbound_clears_the_answer_deadline(
    msgs: list[tuple[Direction, datetime]], delay: timedelta, status: Status
) -> None:
    answered_at = max((t for _, t in msgs), default=T0) + delay + timedelta(microseconds=1)
    assert clock_start([*msgs, (OUT, answered_at)]) is None
    assert due_at(Status.NEW, None, answered_at, DEFAULT) is None
    assert countdown(answered_at, Status.NEW, None, answered_at, DEFAULT).kind is DeadlineKind.NONE
    progress = countdown(answered_at, status, None, answered_at, DEFAULT)
    assert progress.kind is DeadlineKind.PROGRESS
    assert progress.due_at == answered_at + DEFAULT.progress_every


def accepted(replies: list[Reply]) -> list[tuple[Direction, datetime]]:
    """What callers pass to ``clock_start``: only replies the platform accepted."""
    return [(OUT, r.accepted_at) for r in replies if r.state is ReplyState.SENT and r.accepted_at]


@given(messages, st.lists(st.tuples(st.sampled_from(ReplyState), moments), max_size=6))
def test_unaccepted_replies_change_nothing(
    msgs: list[tuple[Direction, datetime]], drafts: list[tuple[ReplyState, datetime]]
) -> None:
    replies = [reply(state, at) for state, at in drafts]
    sent = [r for r in replies if r.state is ReplyState.SENT]
    assert clock_start([*msgs, *accepted(replies)]) == clock_start([*msgs, *accepted(sent)])


def test_queued_reply_keeps_the_clock_running() -> None:
    waiting = [reply(ReplyState.QUEUED), reply(ReplyState.SENDING), reply(ReplyState.UNCERTAIN)]
    start = clock_start([(IN, T0), *accepted(waiting)])
    assert start == T0
    late = countdown(T0 + 25 * H, Status.NEW, start, None, DEFAULT)
    assert late.urgency is Urgency.OVERDUE
    sent = reply(ReplyState.SENT, T0 + 25 * H)
    assert clock_start([(IN, T0), *accepted([*waiting, sent])]) is None


def test_new_inbound_after_answer_restarts_the_clock() -> None:
    msgs = [(IN, T0), (OUT, T0 + H), (IN, T0 + 5 * H), (IN, T0 + 6 * H)]
    assert clock_start(msgs) == T0 + 5 * H
    assert clock_start([(OUT, T0), (IN, T0)]) is None  # same instant counts as answered


# --- due times and urgency ----------------------------------------------------


@given(statuses, optional_moments, optional_moments, deadline_settings())
def test_due_at_is_never_before_the_clock_start(
    status: Status, start: datetime | None, answer: datetime | None, settings: DeadlineSettings
) -> None:
    due = due_at(status, start, answer, settings)
    if not status.is_open or start is None:
        return
    assert due is not None
    assert due <= start + settings.first_answer
    if answer is None or status is Status.NEW:
        assert due == start + settings.first_answer
    else:  # a progress update may have fallen due before the new question came in
        assert due >= min(start + settings.first_answer, answer + settings.progress_every)
        assert due > min(start, answer)


@given(moments, st.sampled_from(CLOSED), optional_moments, optional_moments, deadline_settings())
def test_closed_complaints_have_no_deadline(
    now: datetime,
    status: Status,
    start: datetime | None,
    answer: datetime | None,
    settings: DeadlineSettings,
) -> None:
    assert due_at(status, start, answer, settings) is None
    assert countdown(now, status, start, answer, settings) == Countdown(
        None, None, None, Urgency.NONE, "none"
    )


@given(moments, moments, statuses, optional_moments, optional_moments, deadline_settings())
def test_urgency_never_decreases_as_time_passes(
    a: datetime,
    b: datetime,
    status: Status,
    start: datetime | None,
    answer: datetime | None,
    settings: DeadlineSettings,
) -> None:
    early, late = sorted([a, b])
    before = countdown(early, status, start, answer, settings)
    after = countdown(late, status, start, answer, settings)
    assert before.urgency <= after.urgency
    assert before.due_at == after.due_at


@given(moments, statuses, optional_moments, optional_moments, deadline_settings())
def test_countdown_agrees_with_due_at(
    now: datetime,
    status: Status,
    start: datetime | None,
    answer: datetime | None,
    settings: DeadlineSettings,
) -> None:
    result = countdown(now, status, start, answer, settings)
    assert result.due_at == due_at(status, start, answer, settings)
    if result.due_at is None:
        assert (result.remaining, result.urgency, result.kind) == (
            None,
            Urgency.NONE,
            DeadlineKind.NONE,
        )
        return
    assert result.remaining == result.due_at - now
    assert (result.urgency >= Urgency.OVERDUE) == (result.remaining <= timedelta(0))
    assert (result.urgency is Urgency.VIRAL) == (
        result.viral_at is not None and now >= result.viral_at
    )


@given(moments, st.timedeltas(-timedelta(days=1), timedelta(days=4)), deadline_settings())
def test_warning_starts_at_the_fraction_of_the_first_answer_time(
    start: datetime, elapsed: timedelta, settings: DeadlineSettings
) -> None:
    urgency = countdown(start + elapsed, Status.NEW, start, None, settings).urgency
    if elapsed >= settings.viral_horizon:
        assert urgency is Urgency.VIRAL
    elif elapsed >= settings.first_answer:
        assert urgency is Urgency.OVERDUE
    elif elapsed >= settings.first_answer * settings.warning_fraction:
        assert urgency is Urgency.WARNING
    else:
        assert urgency is Urgency.ON_TIME


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [
        (timedelta(0), Urgency.ON_TIME),
        (18 * H - timedelta(seconds=1), Urgency.ON_TIME),
        (18 * H, Urgency.WARNING),
        (24 * H - timedelta(seconds=1), Urgency.WARNING),
        (24 * H, Urgency.OVERDUE),
        (72 * H - timedelta(seconds=1), Urgency.OVERDUE),
        (72 * H, Urgency.VIRAL),
        (timedelta(days=10), Urgency.VIRAL),
    ],
)
def test_default_answer_thresholds(elapsed: timedelta, expected: Urgency) -> None:
    result = countdown(T0 + elapsed, Status.NEW, T0, None, DEFAULT)
    assert result.urgency is expected
    assert (result.kind, result.due_at, result.viral_at) == ("answer", T0 + 24 * H, T0 + 72 * H)


def test_pc_offline_for_two_days_shows_the_time_already_gone() -> None:
    # The message arrived at 08:00 WIB two days ago; the PC syncs only now.
    sent_at = datetime(2025, 2, 1, 8, 0, tzinfo=UnitZone.WIB.tzinfo)
    now = sent_at + timedelta(days=2)
    start = clock_start([(IN, sent_at)])
    assert start == datetime(2025, 2, 1, 1, 0, tzinfo=UTC)
    result = countdown(now, Status.NEW, start, None, DEFAULT)
    assert result.urgency is Urgency.OVERDUE
    assert result.remaining == -timedelta(days=1)
    assert result.viral_at is not None
    assert result.viral_at - now == timedelta(days=1)


@pytest.mark.parametrize("status", ANSWERED)
def test_progress_update_is_due_every_three_days(status: Status) -> None:
    def at(elapsed: timedelta) -> Countdown:
        return countdown(T0 + elapsed, status, None, T0, DEFAULT)

    assert at(timedelta(days=2)).urgency is Urgency.ON_TIME
    assert at(54 * H).urgency is Urgency.WARNING  # 75 % of 72 h
    late = at(timedelta(days=4))
    assert (late.kind, late.urgency, late.due_at) == ("progress", Urgency.OVERDUE, T0 + 72 * H)
    assert late.viral_at is None  # no unanswered message, so no viral horizon
    assert due_at(Status.NEW, None, T0, DEFAULT) is None  # no progress rule before an answer


def test_earliest_deadline_wins_and_worst_urgency_shows() -> None:
    # Answered at T0; a new question 40 h later. Answer due at 64 h, progress at 72 h.
    start = T0 + 40 * H
    result = countdown(T0 + 55 * H, Status.IN_PROGRESS, start, T0, DEFAULT)
    assert (result.kind, result.due_at) == ("answer", T0 + 64 * H)
    assert result.urgency is Urgency.WARNING  # the progress update is in its warning time
    quiet = countdown(T0 + 41 * H, Status.IN_PROGRESS, start, T0, DEFAULT)
    assert quiet.urgency is Urgency.ON_TIME
    soon = countdown(T0 + 41 * H, Status.IN_PROGRESS, T0 + 60 * H, T0, DEFAULT)
    assert (soon.kind, soon.due_at) == ("progress", T0 + 72 * H)


def test_urgency_is_ordered() -> None:
    assert Urgency.NONE < Urgency.ON_TIME < Urgency.WARNING < Urgency.OVERDUE < Urgency.VIRAL


# --- naive datetimes ------------------------------------------------------------


def test_naive_datetimes_are_refused() -> None:
    naive = datetime(2025, 2, 1, 8, 0)
    with pytest.raises(ValueError, match="naive"):
        clock_start([(IN, naive)])
    with pytest.raises(ValueError, match="naive"):
        due_at(Status.NEW, naive, None, DEFAULT)
    with pytest.raises(ValueError, match="naive"):
        due_at(Status.ACKNOWLEDGED, None, naive, DEFAULT)
    with pytest.raises(ValueError, match="naive"):
        countdown(naive, Status.NEW, T0, None, DEFAULT)
    with pytest.raises(ValueError, match="naive"):
        to_unit_time(naive, UnitZone.WIB)


# --- zones -----------------------------------------------------------------------


@given(moments, st.sampled_from(UnitZone))
def test_unit_time_is_the_same_instant(value: datetime, zone: UnitZone) -> None:
    local = to_unit_time(value, zone)
    assert local == value
    assert local.astimezone(UTC) == value.astimezone(UTC)
    assert local.tzinfo == zone.tzinfo
    hours = {UnitZone.WIB: 7, UnitZone.WITA: 8, UnitZone.WIT: 9}[zone]
    assert local.utcoffset() == timedelta(hours=hours)


def test_unit_time_wall_clock() -> None:
    assert to_unit_time(T0, UnitZone.WIB).strftime("%H:%M") == "15:00"
    assert to_unit_time(T0, UnitZone.WITA).strftime("%H:%M") == "16:00"
    assert to_unit_time(T0, UnitZone.WIT).strftime("%H:%M") == "17:00"
    assert [zone.label for zone in UnitZone] == ["WIB", "WITA", "WIT"]


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("WIB", UnitZone.WIB),
        ("wita", UnitZone.WITA),
        (" Wit ", UnitZone.WIT),
        ("Asia/Jayapura", UnitZone.WIT),
        ("asia/makassar", UnitZone.WITA),
        (UnitZone.WIB, UnitZone.WIB),
    ],
)
def test_zone_parse(text: str, zone: UnitZone) -> None:
    assert UnitZone.parse(text) is zone


@pytest.mark.parametrize("text", ["", "UTC", "Asia/Singapore", "WITB", None, 7])
def test_zone_parse_refuses_other_zones(text: object) -> None:
    with pytest.raises(ValueError, match="unknown unit time zone"):
        UnitZone.parse(text)


# --- settings ----------------------------------------------------------------------


@given(
    st.text(min_size=1).filter(str.strip),
    st.sampled_from(UnitZone),
    deadline_settings(),
)
def test_settings_round_trip_through_json(
    name: str, zone: UnitZone, deadlines: DeadlineSettings
) -> None:
    settings = UnitSettings(name, zone, deadlines)
    assert UnitSettings.from_dict(json.loads(json.dumps(settings.to_dict()))) == settings


def test_settings_dict_shape_and_defaults() -> None:
    assert UnitSettings().to_dict() == {
        "name": "Polres",
        "zone": "WIB",
        "deadlines": {
            "first_answer_seconds": 86400,
            "viral_horizon_seconds": 259200,
            "progress_every_seconds": 259200,
            "warning_fraction": 0.75,
        },
    }
    assert UnitSettings.from_dict({}) == UnitSettings()
    partial = UnitSettings.from_dict(
        {
            "name": "Polres Jayapura Kota",
            "zone": "Asia/Jayapura",
            "deadlines": {"first_answer_seconds": 43200},
        }
    )
    assert partial.zone is UnitZone.WIT
    assert partial.deadlines == DeadlineSettings(first_answer=timedelta(hours=12))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"first_answer": timedelta(0)},
        {"first_answer": -H},
        {"progress_every": timedelta(0)},
        {"viral_horizon": timedelta(0)},
        {"viral_horizon": 23 * H},  # shorter than the first answer time
        {"warning_fraction": 0.0},
        {"warning_fraction": 1.0},
        {"warning_fraction": 1.5},
        {"warning_fraction": float("nan")},
        {"warning_fraction": True},
        {"warning_fraction": "0.5"},
        {"first_answer": 86400},
    ],
)
def test_bad_deadline_settings_raise(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"must"):
        DeadlineSettings(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "data",
    [
        {"name": ""},
        {"name": 5},
        {"zone": "UTC"},
        {"zone": 7},
        {"deadlines": []},
        {"deadlines": {"first_answer_seconds": "24h"}},
        {"deadlines": {"first_answer_seconds": None}},
        {"deadlines": {"first_answer_seconds": True}},
        {"deadlines": {"first_answer_seconds": float("inf")}},
        {"deadlines": {"first_answer_seconds": 1e300}},
        {"deadlines": {"first_answer_seconds": -60}},
        {"deadlines": {"warning_fraction": 2}},
        {"deadlines": {"first_answer_hours": 12}},  # a typo must not pass silently
        {"timezone": "WIB"},
    ],
)
def test_bad_unit_settings_raise(data: dict[str, object]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each case has its own message
        UnitSettings.from_dict(data)


def test_from_dict_refuses_a_non_mapping() -> None:
    with pytest.raises(ValueError, match="mapping"):
        UnitSettings.from_dict([("name", "Polres")])  # type: ignore[arg-type]
