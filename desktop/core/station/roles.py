"""Least privilege on the station's PostgreSQL: one login per officer, no schema rights.

The schema belongs to its owner login (the one that runs the migrations).
Officers log in as themselves and are members of the station's officer group
``<database>_officers``, which may connect to this station's database only,
read and write rows of the tables the desk uses, delete only drafts and
presence rows, add to the trail of who did what (replies, notes, status
changes) but not rewrite it, only read the change log and the counts (their
triggers run as the owner), and nothing else: no DDL (no CREATE in the schema, not the
tables' owner, so no ALTER/DROP/TRUNCATE), no other station's database.

``recipe`` is the SQL the server's administrator runs once per station
(``psql -U postgres -d <database>``), and again after a migration adds a
table unless the owner's default privileges cover it (they do, see below).
``add_officer`` is the SQL for one officer's login; the password is set
with psql's ``\\password`` so it never appears in a command line or a log.
"""

from __future__ import annotations

import re

from desktop.core.errors import UserError

# Tables an officer's desk may delete rows of; every other table: select, insert, update,
# but for READ_ONLY ones: who is who (an officer renaming themselves would forge the
# audit trail) and the schema's version (the owner's migrations set it).
DELETABLE = ("draft", "presence")
READ_ONLY = ("officer", "alembic_version")
# Written only by triggers that run as the schema's owner (migration 0011): the change
# log the desktops follow and the side bar's counts. An officer only reads them.
TRIGGER_WRITTEN = ("station_change", "complaint_tally", "complaint_due_hour")
# The trail of who did what: an officer adds rows, never rewrites one (their own or
# another's); a reply's platform id and time are the worker's to record.
APPEND_ONLY = ("reply", "note", "status_change")
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def group_role(database: str) -> str:
    """The officer group of the station whose database is ``database``."""
    return checked_name(f"{database}_officers"[:63])


def checked_name(name: str) -> str:
    """``name`` if it is a plain lower-case PostgreSQL identifier (no quoting needed)."""
    if not _NAME.match(name):
        raise UserError("bad_role_name", name=name)
    return name


def recipe(database: str, owner: str) -> list[str]:
    """The statements that set up the officer group of ``database`` (schema owned by ``owner``)."""
    db, owner, group = checked_name(database), checked_name(owner), group_role(database)
    deletable = ", ".join(DELETABLE)
    return [
        f"DO $$ BEGIN CREATE ROLE {group} NOLOGIN; "
        "EXCEPTION WHEN duplicate_object THEN NULL; END $$",
        f"REVOKE ALL ON DATABASE {db} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {db} TO {group}",
        f"GRANT CONNECT ON DATABASE {db} TO {owner}",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {group}",
        # Again after a change by hand: what the officers may do is only what follows.
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {group}",
        f"GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO {group}",
        f"GRANT DELETE ON {deletable} TO {group}",
        f"REVOKE INSERT, UPDATE ON {', '.join(READ_ONLY + TRIGGER_WRITTEN)} FROM {group}",
        f"REVOKE UPDATE ON {', '.join(APPEND_ONLY)} FROM {group}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {group}",
        # Tables a later migration (run by the owner) creates are covered too.
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
        f"GRANT SELECT, INSERT, UPDATE ON TABLES TO {group}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
        f"GRANT USAGE, SELECT ON SEQUENCES TO {group}",
    ]


def add_officer(database: str, login: str, display_name: str) -> list[str]:
    """The statements that make ``login`` an officer of ``database`` named ``display_name``."""
    login, group = checked_name(login), group_role(database)
    name = display_name.strip().replace("'", "''")
    if not name:
        raise UserError("empty_text")
    return [
        f"CREATE ROLE {login} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
        f"NOREPLICATION NOBYPASSRLS IN ROLE {group}",
        f"INSERT INTO officer (login, display_name) VALUES ('{login}', '{name}') "
        "ON CONFLICT (login) DO UPDATE SET display_name = EXCLUDED.display_name",
    ]


def as_script(statements: list[str]) -> str:
    return "".join(f"{statement};\n" for statement in statements)
