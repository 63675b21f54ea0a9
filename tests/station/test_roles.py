"""Least privilege: an officer's login works the desk but cannot change the schema,
forge who is who, or reach another station's database."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from psycopg import errors

from desktop.cli import main
from desktop.core.errors import UserError
from desktop.core.station import roles
from tests.postgres_support import Cluster
from tests.station.team_support import Station, new_station

pytestmark = pytest.mark.postgresql


@pytest.fixture
def station(postgres_cluster: Cluster) -> Iterator[Station]:
    made = new_station(postgres_cluster)
    yield made
    made.drop()


def _connect(station: Station, login: str, database: str | None = None) -> psycopg.Connection:
    return psycopg.connect(
        host="127.0.0.1",
        port=station.cluster.port,
        user=login,
        password=station.cluster.password,
        dbname=database or station.database,
        sslmode="disable",
        autocommit=True,
    )


@pytest.mark.parametrize(
    "statement",
    [
        "ALTER TABLE complaint ADD COLUMN extra text",
        "DROP TABLE reply",
        "TRUNCATE outbox",
        "CREATE TABLE mine (id int)",
        "DELETE FROM complaint",
        "DELETE FROM status_change",
        "UPDATE officer SET display_name = 'Kapolres'",
        "INSERT INTO officer (login, display_name) VALUES ('x', 'Kapolres')",
        "UPDATE alembic_version SET version_num = '0001'",
        "CREATE ROLE sneaky LOGIN",
    ],
)
def test_an_officer_cannot_change_the_schema_or_who_is_who(
    station: Station, statement: str
) -> None:
    login = station.add_officer("Bripka Ani")
    with _connect(station, login) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute(statement.encode())


def test_an_officer_works_the_desk_tables_and_those_a_later_migration_adds(
    station: Station,
) -> None:
    login = station.add_officer("Bripka Ani")
    owner = station.open_as_owner()  # a later migration, run by the owner
    with owner.write() as conn:
        conn.exec_driver_sql("CREATE TABLE later_table (id serial PRIMARY KEY, v int)")
    owner.close()
    with _connect(station, login) as conn:
        conn.execute(b"INSERT INTO later_table (v) VALUES (1)")
        conn.execute(b"UPDATE later_table SET v = 2")
        assert conn.execute(b"SELECT v FROM later_table").fetchall() == [(2,)]
        conn.execute(b"DELETE FROM draft")  # drafts and presence rows may go
        conn.execute(b"DELETE FROM presence")


def test_a_login_of_station_a_cannot_connect_to_station_b(
    station: Station, postgres_cluster: Cluster
) -> None:
    other = new_station(postgres_cluster)
    try:
        ani_of_a = station.add_officer("Bripka Ani")
        budi_of_b = other.add_officer("Brigpol Budi")
        with _connect(other, budi_of_b) as conn:  # B's own officer: fine
            assert conn.execute(b"SELECT 1").fetchone() == (1,)
        with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
            _connect(station, ani_of_a, other.database)
    finally:
        other.drop()


def test_the_cli_prints_the_recipe_and_refuses_names_that_need_quoting(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert (
        main(["--lang", "en", "station", "roles", "--database", "polres_a", "--owner", "humas"])
        == 0
    )
    printed = capsys.readouterr().out
    assert roles.as_script(roles.recipe("polres_a", "humas")) in printed
    assert "GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO polres_a_officers" in (
        printed
    )
    assert (
        main(["--lang", "en", "station", "roles", "--add-officer", "ani", "--name", "Bripka Ani"])
        == 0
    )
    printed = capsys.readouterr().out
    assert "IN ROLE aduan_desk_officers" in printed
    assert "\\password ani" in printed
    assert "PASSWORD" not in printed  # typed into psql, never printed or stored
    assert main(["--lang", "en", "station", "roles", "--database", "a; DROP DATABASE b"]) == 1
    assert "DROP" not in capsys.readouterr().out
    with pytest.raises(UserError):
        roles.add_officer("polres_a", "Ani", "Bripka Ani")


def test_an_officer_cannot_sign_a_row_as_someone_else(station: Station) -> None:
    login = station.add_officer("Bripka Ani")
    owner = station.open_as_owner()
    try:
        with owner.write() as conn:
            conn.exec_driver_sql(
                "INSERT INTO account (channel, name, params, created_at, sync_state, "
                "failure_count) VALUES ('x', 'humas', '{}', now(), 'idle', 0)"
            )
            conn.exec_driver_sql(
                "INSERT INTO complaint (account_id, channel, thread_id, author_id, author_name, "
                "excerpt, status, first_message_at, last_message_at, message_count) "
                "VALUES (1, 'x', 't1', 'u1', 'Budi', '', 'new', now(), now(), 1)"
            )
    finally:
        owner.close()
    with _connect(station, login) as conn:
        conn.execute(
            b"INSERT INTO note (complaint_id, officer, text, public, created_at) "
            b"VALUES (1, 'Kapolres', 'x', false, now())"
        )
        with pytest.raises(errors.InsufficientPrivilege):  # nor re-sign one afterwards
            conn.execute(b"UPDATE note SET officer = 'Kapolres'")
        assert conn.execute(b"SELECT officer FROM note").fetchall() == [("Bripka Ani",)]
