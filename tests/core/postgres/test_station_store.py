"""The store on PostgreSQL: migrations both ways, Indonesian search, the kept counts."""

from __future__ import annotations

import pytest
from sqlalchemy import URL, inspect

from desktop.core.store.database import head_revision, open_postgresql, schema_revision

pytestmark = pytest.mark.postgresql


def test_a_new_database_is_migrated_to_head(postgres_url: URL) -> None:
    store = open_postgresql(postgres_url)
    try:
        assert schema_revision(store) == head_revision()
        with store.read() as conn:
            tables = set(inspect(conn).get_table_names())
        assert {"complaint", "message", "complaint_search", "complaint_tally"} <= tables
    finally:
        store.close()
