"""The unit's settings, what its profile fixed, and the platforms' clock."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.clock import ClockSkew, load_skew
from desktop.core.deadlines import UnitSettings
from desktop.core.paths import Paths
from desktop.core.startup import profile_fixed
from desktop.core.store import actions
from desktop.core.store.database import Store
from desktop.core.store.settings import load_unit_settings
from desktop.core.templates import Template, save_user_templates


class Unit:
    def __init__(self, store: Store, paths: Paths) -> None:
        self._store = store
        self._paths = paths

    def settings(self) -> UnitSettings:
        with self._store.read() as conn:
            return load_unit_settings(conn)

    def save_settings(self, settings: UnitSettings) -> None:
        """Save and re-time every open complaint by the new deadlines."""
        actions.set_unit_settings(self._store, settings)

    def profile_fixed(self) -> frozenset[str]:
        return profile_fixed(self._store)

    def clock_skew(self) -> ClockSkew:
        with self._store.read() as conn:
            return load_skew(conn)

    def save_templates(self, templates: Sequence[Template]) -> None:
        save_user_templates(self._paths.templates, templates)
