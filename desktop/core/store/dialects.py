"""Which dialect module serves a connection: ``sqlite`` (one PC) or ``postgresql`` (a station).

The rest of the store calls ``backend(conn).insert_many(...)`` and the like;
both modules offer the functions of :class:`Backend`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, Select

from desktop.core.store import sqlite
from desktop.core.store.sqlite import Search


class Backend(Protocol):
    """What a dialect module offers the rest of the store."""

    def insert_many(self, conn: Connection, table: str, columns: Any, rows: Any) -> None: ...
    def update_many(self, conn: Connection, table: str, columns: Any, rows: Any) -> None: ...
    def in_values(self, column: str, name: str) -> str: ...
    def values_param(self, values: Iterable[object]) -> Any: ...
    def upsert(self, table: Any) -> Any: ...
    def reindex_complaints(
        self, conn: Connection, complaint_ids: Iterable[int], *, new: Collection[int] = ()
    ) -> None: ...
    def search(self, conn: Connection, user_text: str) -> Search | None: ...
    def id_list(self, ids: Iterable[int]) -> Select[Any]: ...
    def matching_ids(
        self, conn: Connection, query: str, candidates: Select[int], *, lookups: bool = False
    ) -> list[int]: ...
    def parse_stored_time(self, stored: Any) -> datetime | None: ...
    def parse_db_time(self, stored: Any) -> datetime: ...
    def quick_check(self, conn: Connection) -> list[str]: ...


def is_postgresql(conn: Connection | Engine) -> bool:
    return conn.dialect.name == "postgresql"


def backend(conn: Connection | Engine) -> Backend:
    """The dialect module of ``conn`` (PostgreSQL's imported only when used: ~100 ms)."""
    if is_postgresql(conn):
        from desktop.core.store import postgresql

        return postgresql
    return sqlite
