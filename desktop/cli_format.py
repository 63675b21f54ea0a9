"""How the command line prints: JSON for scripts, aligned text for people."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from desktop.core.deadlines import (
    Countdown,
    UnitSettings,
    countdown,
    format_remaining,
    to_unit_time,
)
from desktop.core.model import Complaint, Note, Reply
from desktop.core.store.queries import ComplaintDetail, OutboxEntry

# Column titles and labels, Indonesian first.
LABELS: Mapping[str, tuple[str, str]] = {
    "id": ("ID", "ID"),
    "countdown": ("Tenggat", "Deadline"),
    "channel": ("Kanal", "Channel"),
    "author": ("Pelapor", "Author"),
    "status": ("Status", "Status"),
    "received": ("Diterima", "Received"),
    "excerpt": ("Isi", "Text"),
    "no_deadline": ("-", "-"),
    "viral": ("RAWAN VIRAL", "VIRAL RISK"),
    "shown": ("Menampilkan {shown} dari {total} aduan.", "Showing {shown} of {total} complaints."),
    "empty": ("Tidak ada aduan yang cocok.", "No matching complaint."),
    "messages": ("Percakapan", "Conversation"),
    "replies": ("Balasan", "Replies"),
    "notes": ("Catatan perkembangan", "Progress notes"),
    "public": ("publik", "public"),
    "internal": ("internal", "internal"),
    "queued_reply": ("Balasan #{id} masuk antrean kirim.", "Reply #{id} queued for sending."),
    "note_added": ("Catatan #{id} disimpan.", "Note #{id} saved."),
    "note_public": (
        "Catatan #{id} disimpan dan dikirim sebagai balasan #{reply}.",
        "Note #{id} saved and queued as reply #{reply}.",
    ),
    "status_set": ("Status aduan #{id} kini {status}.", "Complaint #{id} is now {status}."),
    "outbox_empty": ("Antrean kirim kosong.", "The outbox is empty."),
    "sampled": (
        "{count} aduan contoh dimuat ke {home}.",
        "{count} sample complaints loaded into {home}.",
    ),
    "overdue": ("Terlambat: {count} aduan.", "Overdue: {count} complaints."),
}


def label(key: str, lang: str, **params: object) -> str:
    indonesian, english = LABELS[key]
    return (english if lang == "en" else indonesian).format(**params)


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
    if value.remaining is None:
        return label("no_deadline", lang)
    text = format_remaining(value.remaining, lang)
    if value.urgency.name == "VIRAL":
        text = f"{text} · {label('viral', lang)}"
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
                complaint.status.value,
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
    lines = [
        f"#{c.id} · {c.channel.value} · {detail.account_name} · {c.status.value}",
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
            lines.append(f"  #{r.id} [{r.state.value}] {r.officer}: {r.text}")
    if detail.notes:
        lines += ["", f"{label('notes', lang)}:"]
        for n in detail.notes:
            kind = label("public" if n.public else "internal", lang)
            lines.append(f"  {local(n.created_at, unit)} ({kind}) {n.officer}: {n.text}")
    return lines


def outbox_lines(entries: Sequence[OutboxEntry], unit: UnitSettings, lang: str) -> list[str]:
    if not entries:
        return [label("outbox_empty", lang)]
    return [
        f"#{e.reply.id}  [{e.reply.state.value}]  {e.channel.value}/{e.account_name}  "
        f"aduan #{e.reply.complaint_id}  x{e.reply.attempts}  {_clip(e.reply.text, 50)}"
        + (f"  — {e.reply.last_error}" if e.reply.last_error else "")
        for e in entries
    ]


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
