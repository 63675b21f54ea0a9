"""``station doctor``: is this PC's way to the station's PostgreSQL safe and ready?

Checks, in order (a server that cannot be reached stops the rest): the server
answers; the connection is encrypted with TLS, verified with ``verify-full``
against the unit's CA; the login is neither a superuser nor the schema's
owner and cannot create objects in the schema (least privilege); on no table
may it do more than ``station roles`` grants the officers (the trail of who
did what only added to, who is who and the trigger-written counts only read,
only drafts and presence rows deleted); the schema is at this version's head;
the ``indonesian`` text-search configuration exists; the login has an
officer's display name. The details are for IT, in English, without the
password. Nothing is changed: no migration is run.
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from desktop.core.doctor import Check
from desktop.core.station.roles import APPEND_ONLY, DELETABLE, READ_ONLY, TRIGGER_WRITTEN
from desktop.core.store import audit
from desktop.core.store.database import head_revision
from desktop.core.store.postgresql import make_engine


def check_station(url: URL) -> list[Check]:
    """The station doctor's checks of ``url`` (a ``postgresql+psycopg`` address)."""
    where = f"{url.username}@{url.host}:{url.port}/{url.database}"
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            checks = [Check("server", True, f"{where} answers ({_version(conn)})")]
            checks.append(_tls(conn, url))
            checks += _privileges(conn)
            checks.append(_schema(conn))
            checks.append(_text_search(conn))
            checks.append(_officer(conn))
            return checks
    except DBAPIError as exc:
        first_line = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        return [Check("server", False, f"{where}: no connection ({first_line})")]
    finally:
        engine.dispose()


def _version(conn: Connection) -> str:
    return str(conn.execute(text("SHOW server_version")).scalar_one())


def _tls(conn: Connection, url: URL) -> Check:
    row = conn.execute(
        text("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
    ).first()
    encrypted, version = (bool(row[0]), row[1]) if row is not None else (False, None)
    mode = url.query.get("sslmode", "prefer")
    root = url.query.get("sslrootcert")
    if not encrypted:
        return Check(
            "tls",
            False,
            f"the connection is NOT encrypted (sslmode={mode}): turn ssl on at the server "
            "and use sslmode=verify-full with the unit's CA",
        )
    if mode != "verify-full" or not root:
        return Check(
            "tls",
            False,
            f"encrypted ({version}) but the server is not verified (sslmode={mode}, "
            f"sslrootcert={root or 'none'}): use verify-full with the unit's CA",
        )
    return Check("tls", True, f"{version}, verify-full against {root}")


def _privileges(conn: Connection) -> list[Check]:
    """The login's rights on the schema, then on each of its tables."""
    login, superuser, can_create = conn.execute(
        text(
            "SELECT current_user, rolsuper, has_schema_privilege('public', 'CREATE') "
            "FROM pg_roles WHERE rolname = current_user"
        )
    ).one()
    owned = conn.execute(
        text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = :me"),
        {"me": login},
    ).scalar_one()
    problems = []
    if superuser:
        problems.append("is a superuser")
    if owned:
        problems.append(f"owns {owned} tables of the schema (it is the schema owner)")
    if can_create:
        problems.append("may create objects in the schema")
    if superuser or owned:  # no grant or revoke limits it on the tables
        detail = f"the login {login} may do anything on the tables (see privileges)"
        grants = Check("grants", False, detail)
    else:
        grants = _table_grants(conn, login)
    if problems:
        detail = f"the login {login} " + ", ".join(problems) + ": officers need their own login"
        return [Check("privileges", False, detail + " (see `aduan-desk station roles`)"), grants]
    return [Check("privileges", True, f"the login {login} may not change the schema"), grants]


# What the login may do on each table of the schema, one row a table: column-level grants
# count too (an UPDATE of one column of the trail is a rewrite). PostgreSQL 13+.
_TABLE_PRIVILEGES = text(
    "SELECT c.relname, "
    "has_any_column_privilege(c.oid, 'INSERT'), has_any_column_privilege(c.oid, 'UPDATE'), "
    "has_table_privilege(c.oid, 'DELETE'), has_table_privilege(c.oid, 'TRUNCATE'), "
    "has_table_privilege(c.oid, 'TRIGGER'), has_any_column_privilege(c.oid, 'REFERENCES') "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname"
)
_PRIVILEGE_NAMES = ("INSERT", "UPDATE", "DELETE", "TRUNCATE", "TRIGGER", "REFERENCES")


def _officer_may(table: str) -> frozenset[str]:
    """The privileges beyond SELECT that ``station roles`` grants the officers on ``table``."""
    if table in READ_ONLY + TRIGGER_WRITTEN:
        return frozenset()
    allowed = {"INSERT"} if table in APPEND_ONLY else {"INSERT", "UPDATE"}
    return frozenset(allowed | ({"DELETE"} if table in DELETABLE else set()))


def _table_grants(conn: Connection, login: str) -> Check:
    beyond: dict[str, list[str]] = {name: [] for name in _PRIVILEGE_NAMES}  # -> tables
    for table, *held in conn.execute(_TABLE_PRIVILEGES):
        for privilege, has in zip(_PRIVILEGE_NAMES, held, strict=True):
            if has and privilege not in _officer_may(table):
                beyond[privilege].append(table)
    found = "; ".join(f"{name} on {', '.join(tables)}" for name, tables in beyond.items() if tables)
    if not found:
        return Check("grants", True, f"the login {login} may do on each table what an officer may")
    return Check(
        "grants",
        False,
        f"the login {login} may do more than an officer may: {found}. Run the SQL of "
        "`aduan-desk station roles` again, and revoke what was granted to the login "
        "itself or to PUBLIC",
    )


def _schema(conn: Connection) -> Check:
    head = head_revision()
    try:
        with conn.begin_nested():
            current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        current = None
    return Check("schema", current == head, f"schema {current} (this version expects {head})")


def _text_search(conn: Connection) -> Check:
    found = conn.execute(
        text("SELECT count(*) FROM pg_ts_config WHERE cfgname = 'indonesian'")
    ).scalar_one()
    if found:
        return Check("search", True, "the 'indonesian' text-search configuration is present")
    return Check(
        "search", False, "the 'indonesian' text-search configuration is missing (PostgreSQL 13+)"
    )


def _officer(conn: Connection) -> Check:
    try:
        with conn.begin_nested():
            name = audit.login_display_name(conn)
    except DBAPIError:
        name = None
    if name:
        return Check("officer", True, f"replies and notes are recorded as {name}")
    return Check(
        "officer",
        False,
        "this login has no officer name: add it with `aduan-desk station roles --officer`",
    )
