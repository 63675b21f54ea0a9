"""One complaint: what the pane shows, and what the officer does to it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.core.deadlines import UnitSettings
from desktop.core.model import Status
from desktop.core.paths import Paths
from desktop.core.store import actions, audit, drafts, presence, queries
from desktop.core.store import outbox as outbox_rows
from desktop.core.store.database import Store
from desktop.core.store.settings import load_unit_settings
from desktop.core.templates import Template, default_templates_path, load_templates, reply_templates


@dataclass(frozen=True, slots=True)
class PaneData:
    detail: queries.ComplaintDetail
    unit: UnitSettings
    draft: str
    templates: Sequence[Template]
    templates_problem: str | None  # the unit's template file could not be read
    status_change: audit.StatusChange | None = None  # who set the status shown, when


class Complaints:
    def __init__(self, store: Store, paths: Paths) -> None:
        self._store = store
        self._paths = paths

    def detail(self, complaint_id: int) -> queries.ComplaintDetail:
        with self._store.read() as conn:
            return queries.complaint_detail(conn, complaint_id)

    @property
    def station(self) -> bool:
        """Station mode: other officers share the store (presence and warnings apply)."""
        return self._store.path is None

    def pane(self, complaint_id: int) -> PaneData:
        """Everything the complaint pane shows, read at once."""
        with self._store.read() as conn:
            detail = queries.complaint_detail(conn, complaint_id)
            unit = load_unit_settings(conn)
            status_change = audit.last_status_change(conn, complaint_id)
        draft = drafts.load_draft(self._store, complaint_id)
        try:
            templates, problem = reply_templates(self._paths.templates), None
        except (OSError, ValueError) as exc:
            templates, problem = load_templates(default_templates_path()), str(exc)
        return PaneData(detail, unit, draft, templates, problem, status_change)

    # --- station mode: who else is here ---------------------------------------------

    def mark_presence(self, complaint_id: int, officer: str, activity: presence.Activity) -> None:
        """Tell the other desktops this officer views or types in the complaint."""
        if not self.station:
            return
        with self._store.write() as conn:
            presence.mark_now(conn, complaint_id, officer, activity)

    def leave(self, complaint_id: int, officer: str) -> None:
        if not self.station:
            return
        with self._store.write() as conn:
            presence.leave(conn, complaint_id, officer)

    def others_at(self, complaint_id: int, officer: str) -> list[presence.Presence]:
        """The other officers viewing or typing in the complaint now (none on one PC)."""
        if not self.station:
            return []
        with self._store.read() as conn:
            return presence.others_now(conn, complaint_id, officer)

    def recent_reply_by_other(self, complaint_id: int, officer: str) -> presence.RecentReply | None:
        """Another officer's reply to the complaint in the last minutes: ask before a second."""
        if not self.station:
            return None
        with self._store.read() as conn:
            return presence.recent_reply_now(conn, complaint_id, officer)

    def templates(self) -> list[Template]:
        return reply_templates(self._paths.templates)

    def reply(self, complaint_id: int, text: str, officer: str) -> int:
        """Queue a reply (with its outbox entry) and drop the complaint's draft."""
        reply_id = actions.queue_reply(self._store, complaint_id, text, officer)
        drafts.clear_draft(self._store, complaint_id)
        return reply_id

    def note(self, complaint_id: int, text: str, officer: str, *, public: bool = False) -> int:
        return actions.add_note(self._store, complaint_id, text, officer, public=public)

    def change_status(self, complaint_id: int, wanted: Status, officer: str) -> Status:
        return actions.change_status(self._store, complaint_id, wanted, officer)

    def retry_reply(self, reply_id: int) -> None:
        with self._store.write() as conn:
            outbox_rows.retry(conn, reply_id, datetime.now(UTC))

    def cancel_reply(self, reply_id: int) -> None:
        with self._store.write() as conn:
            outbox_rows.cancel(conn, reply_id)

    def outbox(self, *, include_sent: bool = False) -> list[queries.OutboxEntry]:
        with self._store.read() as conn:
            return queries.outbox(conn, include_sent=include_sent)

    def save_draft(self, complaint_id: int, text: str) -> None:
        drafts.save_draft(self._store, complaint_id, text)
