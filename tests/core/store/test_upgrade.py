"""Upgrades: a database saved by each released schema opens, migrates and keeps its data."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from desktop.core.store import queries, queue_pages
from desktop.core.store.database import head_revision, open_with_key, schema_revision
from desktop.core.store.drafts import load_draft, save_draft

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
# The saved databases hold made-up data; their key is derived from a public phrase.
FIXTURE_KEY = hashlib.sha256(b"aduan-desk schema fixture").digest()


@pytest.mark.parametrize("saved", sorted(FIXTURES.glob("schema-*.aduan")), ids=lambda p: p.stem)
def test_saved_schema_migrates_to_head(saved: Path, tmp_path: Path) -> None:
    path = tmp_path / "aduan-desk.db"
    shutil.copy(saved, path)
    store = open_with_key(path, FIXTURE_KEY)
    try:
        assert schema_revision(store) == head_revision()
        with store.read() as conn:
            detail = queries.complaint_detail(conn, 1)
            assert queue_pages.queue_ids(conn, queries.QueueFilter(search="dijambret")) == [1]
        assert detail.complaint.author_name == "Sari Dewi"
        assert detail.messages[0].text == "HP saya dijambret di depan minimarket"
        save_draft(store, 1, "Terima kasih Bu Sari")
        assert load_draft(store, 1) == "Terima kasih Bu Sari"
    finally:
        store.close()
    backups = list((tmp_path / "backups").glob("*.db"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == saved.read_bytes()


def test_every_schema_before_head_has_a_saved_database() -> None:
    saved = {p.stem.removeprefix("schema-") for p in FIXTURES.glob("schema-*.aduan")}
    assert "0001" in saved


def test_the_scripts_revisions_read_without_alembic_agree_with_alembic() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from desktop.core.store.database import MIGRATIONS, script_revisions

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    scripts = ScriptDirectory.from_config(config)
    known = {script.revision for script in scripts.walk_revisions()}
    assert script_revisions() == (known, scripts.get_current_head())
