"""The unit's settings, kept in the database beside the complaints they time."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, insert, select, update

from desktop.core.deadlines import UnitSettings
from desktop.core.store.schema import SettingRow

UNIT_KEY = "unit"


def load_setting(conn: Connection, key: str) -> Any:
    """The JSON value stored under ``key``, or None."""
    raw = conn.execute(select(SettingRow.value).where(SettingRow.key == key)).scalar()
    return None if raw is None else json.loads(raw)


def save_setting(conn: Connection, key: str, value: object) -> None:
    text = json.dumps(value, sort_keys=True)
    existing = conn.execute(select(SettingRow.key).where(SettingRow.key == key)).scalar()
    if existing is None:
        conn.execute(insert(SettingRow).values(key=key, value=text))
    else:
        conn.execute(update(SettingRow).where(SettingRow.key == key).values(value=text))


def load_unit_settings(conn: Connection) -> UnitSettings:
    """The stored unit settings, or the defaults when none were saved."""
    data = load_setting(conn, UNIT_KEY)
    return UnitSettings() if data is None else UnitSettings.from_dict(data)


def save_unit_settings(conn: Connection, settings: UnitSettings) -> None:
    """Store ``settings``; the caller recomputes due times if deadlines changed."""
    save_setting(conn, UNIT_KEY, settings.to_dict())
