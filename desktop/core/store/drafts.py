"""Reply drafts, one per complaint, kept in the encrypted store."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, select

from desktop.core.store.database import Store
from desktop.core.store.dialects import backend
from desktop.core.store.schema import DraftRow


def save_draft(store: Store, complaint_id: int, text: str) -> None:
    """Keep ``text`` as the complaint's draft; an empty text removes it."""
    with store.write() as conn:
        if not text.strip():
            conn.execute(delete(DraftRow).where(DraftRow.complaint_id == complaint_id))
            return
        statement = (
            backend(conn)
            .upsert(DraftRow)
            .values(complaint_id=complaint_id, text=text, saved_at=datetime.now(UTC))
        )
        conn.execute(
            statement.on_conflict_do_update(
                index_elements=["complaint_id"],
                set_={"text": statement.excluded.text, "saved_at": statement.excluded.saved_at},
            )
        )


def load_draft(store: Store, complaint_id: int) -> str:
    with store.read() as conn:
        text = conn.execute(
            select(DraftRow.text).where(DraftRow.complaint_id == complaint_id)
        ).scalar()
    return text or ""


def clear_draft(store: Store, complaint_id: int) -> None:
    save_draft(store, complaint_id, "")
