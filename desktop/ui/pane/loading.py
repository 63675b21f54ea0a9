"""What the pane reads for one complaint, in one go on the database lane."""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.deadlines import UnitSettings
from desktop.core.store import drafts, queries
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


def load_pane_data(store: Store, complaint_id: int) -> PaneData:
    """Runs off the GUI thread."""
    with store.read() as conn:
        detail = queries.complaint_detail(conn, complaint_id)
        unit = load_unit_settings(conn)
    draft = drafts.load_draft(store, complaint_id)
    try:
        templates, problem = reply_templates(store.path.parent), None
    except (OSError, ValueError) as exc:
        templates, problem = load_templates(default_templates_path()), str(exc)
    return PaneData(detail, unit, draft, templates, problem)


def default_officer() -> str:
    """The name recorded on replies, notes and status changes: the OS user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "petugas"
