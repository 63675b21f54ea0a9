"""How the command line prints: JSON for scripts, aligned text for people."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.core.deadlines import (
    Countdown,
    UnitSettings,
    Urgency,
    countdown,
    to_unit_time,
)
from desktop.core.model import Complaint, Note, Reply
from desktop.core.store.queries import ComplaintDetail, OutboxEntry
from desktop.core.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from types import ModuleType

# The command line's own words (context "Cli" in translations/aduan_*.ts).
LABELS: Mapping[str, str] = {
    "id": QT_TRANSLATE_NOOP("Cli", "ID"),
    "countdown": QT_TRANSLATE_NOOP("Cli", "Deadline"),
    "channel": QT_TRANSLATE_NOOP("Cli", "Channel"),
    "author": QT_TRANSLATE_NOOP("Cli", "Author"),
    "status": QT_TRANSLATE_NOOP("Cli", "Status"),
    "received": QT_TRANSLATE_NOOP("Cli", "Received"),
    "excerpt": QT_TRANSLATE_NOOP("Cli", "Text"),
    "shown": QT_TRANSLATE_NOOP("Cli", "Showing {shown} of {total} complaints."),
    "empty": QT_TRANSLATE_NOOP("Cli", "No matching complaint."),
    "messages": QT_TRANSLATE_NOOP("Cli", "Conversation"),
    "replies": QT_TRANSLATE_NOOP("Cli", "Replies"),
    "notes": QT_TRANSLATE_NOOP("Cli", "Progress notes"),
    "public": QT_TRANSLATE_NOOP("Cli", "public"),
    "internal": QT_TRANSLATE_NOOP("Cli", "internal"),
    "queued_reply": QT_TRANSLATE_NOOP("Cli", "Reply #{id} queued for sending."),
    "note_added": QT_TRANSLATE_NOOP("Cli", "Note #{id} saved."),
    "note_public": QT_TRANSLATE_NOOP("Cli", "Note #{id} saved and queued as reply #{reply}."),
    "status_set": QT_TRANSLATE_NOOP("Cli", "Complaint #{id} is now {status}."),
    "outbox_empty": QT_TRANSLATE_NOOP("Cli", "The outbox is empty."),
    "outbox_complaint": QT_TRANSLATE_NOOP("Cli", "complaint #{id}"),
    "sampled": QT_TRANSLATE_NOOP("Cli", "{count} sample complaints loaded into {home}."),
    "account_added": QT_TRANSLATE_NOOP("Cli", "Account #{id} {channel}/{name} added."),
    "account_removed": QT_TRANSLATE_NOOP("Cli", "#{id}: account and its token removed."),
    "account_kept": QT_TRANSLATE_NOOP(
        "Cli", "#{id}: token removed; the account is kept disabled for its complaints."
    ),
    "token_replaced": QT_TRANSLATE_NOOP("Cli", "#{id}: token replaced."),
    "connect_device": QT_TRANSLATE_NOOP(
        "Cli",
        "On a phone or another computer, open {url}, enter this code and approve Aduan Desk "
        "(waiting for it):\n{code}",
    ),
    "station_password_kept": QT_TRANSLATE_NOOP(
        "Cli", "The station login's password is kept in this user's keyring ({name})."
    ),
    "connect_open": QT_TRANSLATE_NOOP(
        "Cli", "Sign in with the platform in the browser (waiting for it to come back):\n{url}"
    ),
    "account_connected": QT_TRANSLATE_NOOP("Cli", "Account #{id} {channel}/{name} connected."),
    "account_reconnected": QT_TRANSLATE_NOOP(
        "Cli", "Account #{id} {channel}/{name} connected again; its complaints are kept."
    ),
    "scope_missing": QT_TRANSLATE_NOOP("Cli", "Warning: without the scope {scope} it {words}."),
    "retry_queued": QT_TRANSLATE_NOOP("Cli", "Reply #{id} queued for sending again."),
    "reply_cancelled": QT_TRANSLATE_NOOP("Cli", "Reply #{id} cancelled; it will not be sent."),
    "outbox_round": QT_TRANSLATE_NOOP(
        "Cli", "Outbox: {sent} sent, {failed} failed, {uncertain} being checked."
    ),
    "profile_ok": QT_TRANSLATE_NOOP(
        "Cli",
        "Valid profile: {unit} ({level}, {zone}), {accounts} accounts, {templates} templates.",
    ),
    "profile_applied": QT_TRANSLATE_NOOP("Cli", "Profile {file} applied."),
    "check_ok": QT_TRANSLATE_NOOP("Cli", "OK"),
    "check_problem": QT_TRANSLATE_NOOP("Cli", "PROBLEM"),
    "data_folder": QT_TRANSLATE_NOOP("Cli", "Data folder: {folder}"),
    "param_shape": QT_TRANSLATE_NOOP("Cli", "--param {pair}: write it as KEY=VALUE"),
    "profile_file_missing": QT_TRANSLATE_NOOP("Cli", "name the profile file: profile check FILE"),
}


def words(lang: str) -> ModuleType:
    """``desktop.i18n`` speaking ``lang`` (the command line's ``--lang``).

    Imported on the first sentence printed, so that ``--help``, ``--version``
    and ``--json`` output never load Qt.
    """
    from desktop import i18n

    if i18n.current_language() != lang:
        i18n.choose_language(lang)
    return i18n


def label(key: str, lang: str, **params: object) -> str:
    return str(words(lang).translate("Cli", LABELS[key])).format(**params)


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))


def _json_default(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def complaint_countdown(complaint: Complaint, now: datetime, unit: UnitSettings) -> Countdown:
    return countdown(
        now,
        complaint.status,
        complaint.clock_started_at,
        complaint.last_public_answer_at,
        unit.deadlines,
    )


def countdown_text(value: Countdown, lang: str) -> str:
    """ "sisa 3 jam", "terlambat 2 hari · RAWAN VIRAL", or a dash: the window's words."""
    if value.remaining is None:
        return "-"
    i18n = words(lang)
    text = str(i18n.remaining_text(value.remaining))
    if value.urgency is Urgency.VIRAL:
        text = f"{text} · {i18n.urgency_label(Urgency.VIRAL)}"
    return text


def local(value: datetime | None, unit: UnitSettings) -> str:
    if value is None:
        return "-"
    return f"{to_unit_time(value, unit.zone):%d-%m-%Y %H:%M} {unit.zone.label}"


def complaint_json(complaint: Complaint, now: datetime, unit: UnitSettings) -> dict[str, Any]:
    value = complaint_countdown(complaint, now, unit)
    return {
        "id": complaint.id,
        "channel": complaint.channel.value,
        "account_id": complaint.account_id,
        "thread_id": complaint.thread_id,
        "author": complaint.author_name,
        "excerpt": complaint.excerpt,
        "status": complaint.status.value,
        "received_at": complaint.first_message_at,
        "received_local": local(complaint.first_message_at, unit),
        "clock_started_at": complaint.clock_started_at,
        "due_at": complaint.due_at,
        "due_local": local(complaint.due_at, unit),
        "urgency": value.urgency.name.lower(),
        "remaining_seconds": None
        if value.remaining is None
        else int(value.remaining.total_seconds()),
    }


def queue_lines(
    complaints: Sequence[Complaint], total: int, now: datetime, unit: UnitSettings, lang: str
) -> list[str]:
    if not complaints:
        return [label("empty", lang)]
    keys = ("id", "countdown", "channel", "author", "status", "received", "excerpt")
    rows = [[label(key, lang) for key in keys]]
    for complaint in complaints:
        rows.append(
            [
                str(complaint.id),
                countdown_text(complaint_countdown(complaint, now, unit), lang),
                complaint.channel.value,
                _clip(complaint.author_name, 20),
                words(lang).status_label(complaint.status),
                local(complaint.first_message_at, unit),
                _clip(complaint.excerpt.replace("\n", " "), 60),
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(keys) - 1)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
        + "  "
        + row[-1]
        for row in rows
    ]
    lines.append(label("shown", lang, shown=len(complaints), total=total))
    return lines


def detail_json(detail: ComplaintDetail, now: datetime, unit: UnitSettings) -> dict[str, Any]:
    return {
        **complaint_json(detail.complaint, now, unit),
        "account": detail.account_name,
        "messages": [
            {
                "id": m.id,
                "direction": m.direction.value,
                "author": m.author_name,
                "text": m.text,
                "platform_id": m.platform_id,
                "platform_time": m.platform_time,
                "local_time": local(m.platform_time, unit),
            }
            for m in detail.messages
        ],
        "replies": [reply_json(r, unit) for r in detail.replies],
        "notes": [note_json(n, unit) for n in detail.notes],
    }


def reply_json(reply: Reply, unit: UnitSettings) -> dict[str, Any]:
    return {
        "id": reply.id,
        "complaint_id": reply.complaint_id,
        "text": reply.text,
        "officer": reply.officer,
        "state": reply.state.value,
        "attempts": reply.attempts,
        "created_at": reply.created_at,
        "next_attempt_at": reply.next_attempt_at,
        "accepted_at": reply.accepted_at,
        "platform_id": reply.platform_id,
        "last_error": reply.last_error,
        "last_reason": reply.last_reason,
    }


def note_json(note: Note, unit: UnitSettings) -> dict[str, Any]:
    return {
        "id": note.id,
        "officer": note.officer,
        "text": note.text,
        "public": note.public,
        "created_at": note.created_at,
        "local_time": local(note.created_at, unit),
        "reply_id": note.reply_id,
    }


def detail_lines(
    detail: ComplaintDetail, now: datetime, unit: UnitSettings, lang: str
) -> list[str]:
    c = detail.complaint
    value = complaint_countdown(c, now, unit)
    i18n = words(lang)
    lines = [
        f"#{c.id} · {c.channel.value} · {detail.account_name} · {i18n.status_label(c.status)}",
        f"{label('countdown', lang)}: {countdown_text(value, lang)} ({local(c.due_at, unit)})",
        "",
        f"{label('messages', lang)}:",
    ]
    for m in detail.messages:
        arrow = "→" if m.direction.value == "outbound" else "←"
        lines.append(f"  {arrow} {local(m.platform_time, unit)}  {m.author_name}: {m.text}")
    if detail.replies:
        lines += ["", f"{label('replies', lang)}:"]
        for r in detail.replies:
            lines.append(f"  #{r.id} [{i18n.reply_state_label(r.state)}] {r.officer}: {r.text}")
    if detail.notes:
        lines += ["", f"{label('notes', lang)}:"]
        for n in detail.notes:
            kind = label("public" if n.public else "internal", lang)
            lines.append(f"  {local(n.created_at, unit)} ({kind}) {n.officer}: {n.text}")
    return lines


def outbox_lines(entries: Sequence[OutboxEntry], unit: UnitSettings, lang: str) -> list[str]:
    if not entries:
        return [label("outbox_empty", lang)]
    return [_outbox_line(e, lang) for e in entries]


def _outbox_line(entry: OutboxEntry, lang: str) -> str:
    reply, i18n = entry.reply, words(lang)
    line = (
        f"#{reply.id}  [{i18n.reply_state_label(reply.state)}]  "
        f"{entry.channel.value}/{entry.account_name}  "
        f"{label('outbox_complaint', lang, id=reply.complaint_id)}  x{reply.attempts}  "
        f"{_clip(reply.text, 50)}"
    )
    why = str(i18n.problem_text(reply.last_reason, reply.last_error))
    return f"{line}  — {why}" if why else line


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
