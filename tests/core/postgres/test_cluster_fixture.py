"""Tests that need PostgreSQL skip where it is not installed, and fail under CI."""

from __future__ import annotations

import pytest

from tests import postgres_support


def test_missing_server_programs_skip_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgres_support, "server_programs", lambda: None)
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception, match="initdb is not installed"):
        postgres_support.require_server_programs()


def test_missing_server_programs_fail_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgres_support, "server_programs", lambda: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        postgres_support.require_server_programs()


@pytest.mark.postgresql
def test_the_cluster_listens_on_loopback_only(postgres_cluster: postgres_support.Cluster) -> None:
    with postgres_cluster.admin() as conn:
        listening = conn.execute("SHOW listen_addresses").fetchall()
        folder = conn.execute("SELECT current_setting('data_directory')").fetchall()
    assert listening == [("127.0.0.1",)]
    assert folder == [(str(postgres_cluster.data),)]
