"""A throwaway PostgreSQL cluster for the tests of station mode.

``Cluster.start`` runs Debian's server programs (``initdb``, ``pg_ctl``) into
a temporary folder and listens on 127.0.0.1 at a free port only. PostgreSQL
refuses to run as root: as root the programs run as the ``postgres`` system
user (``runuser``), otherwise as the current user. Tests reach it as the role
``aduan`` (password, scram-sha-256), which may create databases; each test
gets a database of its own.

When the server programs are not installed the tests that need them skip
with the reason, except under CI, where they fail (``.ci/run`` installs the
``postgresql`` package).
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import Connection, text
from sqlalchemy.engine import URL

from tests.keyring_support import in_ci

ROLE = "aduan"
HOW_TO_INSTALL = "install Debian's 'postgresql' package (scripts/install-system-deps does)"


def server_programs() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl`` (the newest PostgreSQL), or ``None``."""
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda f: int(Path(f).parent.name))
    for folder in reversed(folders):
        if (Path(folder) / "initdb").exists():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


def require_server_programs() -> Path:
    """The server programs' folder; skip (under CI: fail) the test when there are none."""
    folder = server_programs()
    if folder is not None:
        return folder
    if in_ci():
        pytest.fail(f"CI is set but PostgreSQL's initdb is not installed; {HOW_TO_INSTALL}")
    pytest.skip(f"PostgreSQL's initdb is not installed; {HOW_TO_INSTALL}")


def empty_tables(conn: Connection) -> None:
    """Empty every table but the schema's version, ids starting again at 1."""
    names = conn.execute(
        text(
            "SELECT quote_ident(tablename) FROM pg_catalog.pg_tables "
            "WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
        )
    ).scalars()
    conn.execute(text(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE"))


def _give_to_postgres(path: Path) -> None:
    """As root: hand ``path`` to the ``postgres`` system user the server runs as."""
    import pwd  # POSIX only: the suite also runs under Windows, where this never runs

    try:
        postgres = pwd.getpwnam("postgres")
    except KeyError:
        raise RuntimeError(
            "running as root, the test cluster runs as the 'postgres' system user, "
            f"and there is none; {HOW_TO_INSTALL}"
        ) from None
    os.chown(path, postgres.pw_uid, postgres.pw_gid)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Cluster:
    programs: Path
    folder: Path
    port: int = 0
    password: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    _serial: count[int] = field(default_factory=count)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def _run(self, *args: str) -> None:
        command = [str(self.programs / args[0]), *args[1:]]
        if os.geteuid() == 0:  # PostgreSQL will not run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({done.returncode}): {done.stderr.strip()}")

    @classmethod
    def start(cls, programs: Path) -> Cluster:
        folder = Path(tempfile.mkdtemp(prefix="aduan-pg-"))
        cluster = cls(programs, folder)
        try:
            if os.geteuid() == 0:
                _give_to_postgres(folder)
            cluster._start()
        except BaseException:
            cluster.stop()
            raise
        return cluster

    def _start(self) -> None:
        pwfile = self.folder / "pw"
        pwfile.write_text(self.password + "\n", encoding="ascii")
        pwfile.chmod(0o600)
        if os.geteuid() == 0:
            _give_to_postgres(pwfile)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--pwfile",
            str(pwfile),
            "--auth-local=scram-sha-256",
            "--auth-host=scram-sha-256",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",
        )
        pwfile.unlink()
        # A throwaway cluster: durability traded for speed.
        options = (
            f"-c listen_addresses=127.0.0.1 -p {{port}} -k {self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        for _attempt in range(3):  # the free port may be taken between probe and start
            self.port = _free_port()
            try:
                self._run(
                    "pg_ctl",
                    "-D",
                    str(self.data),
                    "-l",
                    str(self.folder / "server.log"),
                    "-w",
                    "-o",
                    options.format(port=self.port),
                    "start",
                )
                break
            except RuntimeError:
                continue
        else:
            raise RuntimeError(f"PostgreSQL did not start: see {self.folder / 'server.log'}")
        with self.admin() as conn:
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN CREATEDB PASSWORD {}").format(
                    sql.Identifier(ROLE), sql.Literal(self.password)
                )
            )

    def admin(self) -> psycopg.Connection[tuple[object, ...]]:
        """A connection as the superuser, in autocommit (for CREATE/DROP DATABASE)."""
        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user="postgres",
            password=self.password,
            dbname="postgres",
            autocommit=True,
        )

    def url(self, dbname: str, *, user: str = ROLE) -> URL:
        return URL.create(
            "postgresql+psycopg",
            username=user,
            password=self.password,
            host="127.0.0.1",
            port=self.port,
            database=dbname,
            query={"sslmode": "disable"},
        )

    def create_database(self) -> str:
        """A new, empty database owned by ``ROLE``."""
        name = f"aduan_test_{os.getpid()}_{next(self._serial)}"
        with self.admin() as conn:
            conn.execute(
                sql.SQL("CREATE DATABASE {} OWNER {}").format(
                    sql.Identifier(name), sql.Identifier(ROLE)
                )
            )
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    def stop(self) -> None:
        """Stop the server (if it runs) and remove the cluster's folder."""
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
