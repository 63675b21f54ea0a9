"""A station on the test cluster: its own database, the officer group, officer logins.

The schema belongs to the cluster's ``aduan`` role (the owner); officers log
in as their own roles, members of the station's officer group only.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

import psycopg
from psycopg import sql
from sqlalchemy.engine import URL

from desktop.core.station import roles
from desktop.core.store.database import Store, open_postgresql
from tests.postgres_support import ROLE, Cluster


@dataclass
class Station:
    cluster: Cluster
    database: str
    logins: list[str] = field(default_factory=list)

    @property
    def owner_url(self) -> URL:
        return self.cluster.url(self.database)

    def officer_url(self, login: str) -> URL:
        return self.cluster.url(self.database, user=login)

    def add_officer(self, display_name: str) -> str:
        """A new login (password: the cluster's) named ``display_name``; its name."""
        login = f"petugas_{secrets.token_hex(4)}"
        self.run_as_admin(roles.add_officer(self.database, login, display_name))
        with self.cluster.admin() as conn:
            conn.execute(
                sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                    sql.Identifier(login), sql.Literal(self.cluster.password)
                )
            )
        self.logins.append(login)
        return login

    def open_as_owner(self) -> Store:
        return open_postgresql(self.owner_url)

    def open_as(self, login: str) -> Store:
        return open_postgresql(self.officer_url(login))

    def run_as_admin(self, statements: list[str]) -> None:
        """Run ``statements`` in the station's database as the cluster's superuser."""
        with psycopg.connect(
            host="127.0.0.1",
            port=self.cluster.port,
            user="postgres",
            password=self.cluster.password,
            dbname=self.database,
            autocommit=True,
        ) as conn:
            for statement in statements:
                conn.execute(statement.encode())

    def drop(self) -> None:
        self.cluster.drop_database(self.database)
        with self.cluster.admin() as conn:
            for login in self.logins:
                conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(login)))
            group = roles.group_role(self.database)
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(group)))


def new_station(cluster: Cluster) -> Station:
    """A migrated station database with its officer group set up (no officers yet)."""
    station = Station(cluster, cluster.create_database())
    open_postgresql(station.owner_url).close()  # the owner creates the schema
    station.run_as_admin(roles.recipe(station.database, ROLE))
    return station
