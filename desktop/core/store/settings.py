"""The unit's settings, kept in the database beside the complaints they time."""

from __future__ import annotations

import json

from sqlalchemy import Connection, insert, select, update

from desktop.core.deadlines import UnitSettings
from desktop.core.store.schema import SettingRow

UNIT_KEY = "unit"


def load_unit_settings(conn: Connection) -> UnitSettings:
    """The stored unit settings, or the defaults when none were saved."""
    raw = conn.execute(select(SettingRow.value).where(SettingRow.key == UNIT_KEY)).scalar()
    if raw is None:
        return UnitSettings()
    return UnitSettings.from_dict(json.loads(raw))


def save_unit_settings(conn: Connection, settings: UnitSettings) -> None:
    """Store ``settings``; the caller recomputes due times if deadlines changed."""
    value = json.dumps(settings.to_dict(), sort_keys=True)
    existing = conn.execute(select(SettingRow.key).where(SettingRow.key == UNIT_KEY)).scalar()
    if existing is None:
        conn.execute(insert(SettingRow).values(key=UNIT_KEY, value=value))
    else:
        conn.execute(update(SettingRow).where(SettingRow.key == UNIT_KEY).values(value=value))
