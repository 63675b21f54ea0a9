"""Which dialect module serves a connection: ``sqlite`` (one PC) or ``postgresql`` (a station).

The rest of the store calls ``backend(conn).insert_many(...)`` and the like;
both modules offer the functions of :class:`Backend`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, Select

from desktop.core.store import postgresql, sqlite
from desktop.core.store.sqlite import Search


class Backend(Protocol):
    """What a dialect module offers the rest of the store."""

    def insert_many(
        self, conn: Connection, table: str, columns: Any, rows: Any
    ) -> None: ...  # pragma: no cover
    def update_many(
        self, conn: Connection, table: str, columns: Any, rows: Any
    ) -> None: ...  # pragma: no cover
    def in_values(self, column: str, name: str) -> str: ...  # pragma: no cover
    def values_param(self, values: Iterable[object]) -> Any: ...  # pragma: no cover
    def upsert(self, table: Any) -> Any: ...  # pragma: no cover
    def reindex_complaints(
        self, conn: Connection, complaint_ids: Iterable[int], *, new: Collection[int] = ()
    ) -> None: ...  # pragma: no cover
    def search(self, conn: Connection, user_text: str) -> Search | None: ...  # pragma: no cover
    def id_list(self, ids: Iterable[int]) -> Select[Any]: ...  # pragma: no cover
    def matching_ids(
        self, conn: Connection, query: str, candidates: Select[int]
    ) -> list[int]: ...  # pragma: no cover
    def parse_stored_time(self, stored: Any) -> datetime | None: ...  # pragma: no cover
    def parse_db_time(self, stored: Any) -> datetime: ...  # pragma: no cover
    def quick_check(self, conn: Connection) -> list[str]: ...  # pragma: no cover


def is_postgresql(conn: Connection | Engine) -> bool:
    return conn.dialect.name == "postgresql"


def backend(conn: Connection | Engine) -> Backend:
    """The dialect module of ``conn``."""
    return postgresql if is_postgresql(conn) else sqlite
