"""One complaint: what the pane shows, and what the officer does to it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.core.deadlines import UnitSettings
from desktop.core.model import Status
from desktop.core.paths import Paths
from desktop.core.store import actions, drafts, queries
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


class Complaints:
    def __init__(self, store: Store, paths: Paths) -> None:
        self._store = store
        self._paths = paths

    def detail(self, complaint_id: int) -> queries.ComplaintDetail:
        with self._store.read() as conn:
            return queries.complaint_detail(conn, complaint_id)

    def pane(self, complaint_id: int) -> PaneData:
        """Everything the complaint pane shows, read at once."""
        with self._store.read() as conn:
            detail = queries.complaint_detail(conn, complaint_id)
            unit = load_unit_settings(conn)
        draft = drafts.load_draft(self._store, complaint_id)
        try:
            templates, problem = reply_templates(self._paths.templates), None
        except (OSError, ValueError) as exc:
            templates, problem = load_templates(default_templates_path()), str(exc)
        return PaneData(detail, unit, draft, templates, problem)

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
