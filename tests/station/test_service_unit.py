"""The worker's systemd unit as written: its command line and environment, run for real.

There is no systemd here to start the unit, so the test does what systemd
would: it reads ``resources/station/aduan-desk-station-worker.service``, runs
its ``ExecStart`` with its ``Environment`` and the credential that
``LoadCredentialEncrypted`` hands over (a file in ``CREDENTIALS_DIRECTORY``),
and stops it as ``KillSignal`` says, to every process of the unit at once
(systemd's default ``KillMode=control-group``). Only the install paths are
moved into a temporary folder. Before it, IT's documented steps store the
station password and an account's token in the worker's own keyring
(``scripts/station-keyring``), which is a keyring of its own: the test
session's keyring never holds the token.
"""

from __future__ import annotations

import os
import secrets
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bench.kill_station_worker import Station, station
from desktop.core.credentials import KeyringVault, MemoryVault, token_name
from desktop.core.model import Channel
from desktop.core.store import accounts
from desktop.core.store.schema import MessageRow
from desktop.simulator import Simulator, connect_accounts
from tests.postgres_support import Cluster

pytestmark = [pytest.mark.postgresql, pytest.mark.keyring, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
UNIT = ROOT / "resources" / "station" / "aduan-desk-station-worker.service"
INSTALLED = "/opt/aduan-desk/"
SCRIPT = Path(sys.executable).with_name("aduan-desk")  # the installed command
CREDENTIAL = "keyring-password"


def unit_section(path: Path, section: str) -> dict[str, list[str]]:
    """The keys of one section (a key may repeat), continuation lines joined."""
    values: dict[str, list[str]] = {}
    current = None
    pending = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith(("#", ";"))):
            continue
        if line.startswith("[") and not pending:
            current = line.strip("[]")
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = pending + line, ""
        if current == section:
            key, _, value = line.partition("=")
            values.setdefault(key.strip(), []).append(value.strip())
    return values


class Installed:
    """The unit's paths moved under ``folder``."""

    def __init__(self, folder: Path, profile: Path) -> None:
        self.worker_home = folder / "var-lib-aduan-worker"
        self.worker_home.mkdir()
        self.credentials = folder / "credentials"
        self.credentials.mkdir(mode=0o700)
        self.profile = profile

    def path(self, word: str) -> str:
        if word == f"{INSTALLED}.venv/bin/aduan-desk":
            return str(SCRIPT)
        if word.startswith(INSTALLED):
            return str(ROOT / word.removeprefix(INSTALLED))
        if word.startswith("/var/lib/aduan-worker"):
            return str(self.worker_home) + word.removeprefix("/var/lib/aduan-worker")
        if word.startswith("/etc/aduan-desk/") and word.endswith(".toml"):
            return str(self.profile)
        return word

    def environment(self, service: dict[str, list[str]]) -> dict[str, str]:
        """As systemd starts the service: its ``Environment``, the credential's folder,
        none of the test session's D-Bus or keyring."""
        env = {
            "PATH": os.environ["PATH"],
            "LANG": "C.UTF-8",
            "CREDENTIALS_DIRECTORY": str(self.credentials),
        }
        for assignment in service.get("Environment", []):
            for pair in shlex.split(assignment):
                key, _, value = pair.partition("=")
                env[key] = self.path(value)
        return env


@pytest.fixture
def st(postgres_cluster: Cluster, keyring_vault: KeyringVault, tmp_path: Path) -> Iterator[Station]:
    with station(postgres_cluster, tmp_path, keyring_vault) as opened:
        yield opened


def _messages(st: Station) -> int:
    with st.store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(MessageRow)).scalar() or 0)


def test_the_unit_names_what_the_worker_needs() -> None:
    service = unit_section(UNIT, "Service")
    (start,) = service["ExecStart"]
    words = shlex.split(start)
    assert words[0] == f"{INSTALLED}scripts/station-keyring"
    assert words[1] == f"{INSTALLED}.venv/bin/aduan-desk"
    assert words[words.index("station") + 1] == "worker"
    assert "--profile" in words
    (credential,) = service["LoadCredentialEncrypted"]
    assert credential.split(":")[0] == CREDENTIAL  # the name station-keyring reads
    assert f"$CREDENTIALS_DIRECTORY/{CREDENTIAL}" in (ROOT / "scripts/station-keyring").read_text()
    assert service["KillSignal"] == ["SIGTERM"]
    assert service["User"] == ["aduan-worker"]


def test_the_unit_runs_the_worker_on_its_own_keyring_and_stops_cleanly(
    st: Station, postgres_cluster: Cluster, keyring_vault: KeyringVault, tmp_path: Path
) -> None:
    assert SCRIPT.is_file(), f"{SCRIPT} is not installed (./dev setup)"
    service = unit_section(UNIT, "Service")
    installed = Installed(tmp_path, st.profile)
    (installed.credentials / CREDENTIAL).write_text("kata-sandi-keyring-pekerja")
    env = installed.environment(service)
    assert env["HOME"] == str(installed.worker_home)
    command = [installed.path(word) for word in shlex.split(service["ExecStart"][0])]
    keyring_script, program = command[0], command[1]
    home = command[command.index("--home") + 1]

    def it_stores(*args: str, secret: str) -> None:
        """IT's step of the README, as the worker's user: a secret typed in."""
        done = subprocess.run(
            [
                keyring_script,
                program,
                "--home",
                home,
                "station",
                *args,
                "--profile",
                str(st.profile),
            ],
            input=secret + "\n",
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert secret not in done.stdout + done.stderr

    # A token of this test's own: other tests may leave theirs under the same name in the
    # session's keyring.
    with Simulator(count=5, seed=4, token=f"unit-{secrets.token_hex(8)}") as sim:
        given = MemoryVault()  # only to learn the token IT would paste in
        account = connect_accounts(sim, st.store, given, [Channel.X])[Channel.X]
        token = given.get(token_name(account))
        assert token is not None
        it_stores("password", secret=postgres_cluster.password)
        it_stores("token", str(account), secret=token)
        assert keyring_vault.get(token_name(account)) != token  # never in the session's keyring
        sim.add_inbound(Channel.X)  # something to pull

        with (tmp_path / "journal.log").open("wb") as log:  # the child keeps its own copy
            unit = subprocess.Popen(
                command,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
                start_new_session=True,  # the unit's control group: every process it starts
            )
        try:
            try:
                st.wait_for(lambda: _messages(st) > 0, timeout=60)  # pulled with its own token
            except TimeoutError:
                with st.store.read() as conn:
                    found = accounts.find_account(conn, account)
                raise AssertionError(f"nothing pulled: {found}") from None
            holder, _token, live = st.holders()[account]
            assert live
        finally:
            os.killpg(unit.pid, signal.SIGTERM)  # KillSignal=, to the whole group
            stopped = unit.wait(timeout=90)  # TimeoutStopSec=90
            _wait_group_gone(unit.pid, timeout=90)  # as systemd waits for the whole group
    journal = (tmp_path / "journal.log").read_text(errors="replace")
    # systemd counts an exit by the KillSignal itself as a clean stop (the main process is
    # dbus-run-session, which the signal ends); the worker must have stopped in order.
    assert stopped in (0, 128 + signal.SIGTERM, -signal.SIGTERM), journal
    assert "stopped" in journal, journal
    assert holder in journal
    assert st.holders()[account][2] is False  # the lease given up for the standby
    assert token not in journal
    _gone(unit.pid)


def _gone(group: int, timeout: float = 10.0) -> None:
    """Nothing of the unit keeps running (the keyring daemon, the D-Bus session)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.killpg(group, signal.SIGKILL)
    raise AssertionError("processes of the unit outlived its stop")


def _wait_group_gone(group: int, *, timeout: float) -> None:
    """Until no live process of ``group`` is left: the main process (dbus-run-session) ends
    at the signal, while the worker it started still stops in order (and logs it)."""
    end = time.monotonic() + timeout
    while running := _running_in(group):
        if time.monotonic() > end:
            raise AssertionError(f"still running {timeout} s after the stop: {running}")
        time.sleep(0.05)


def _running_in(group: int) -> list[str]:
    """The command lines of the running processes of ``group`` (zombies waiting to be
    reaped are not running)."""
    running = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
            if int(fields[2]) != group or fields[0] == "Z":  # state, ppid, pgrp
                continue
            command = stat.with_name("cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:  # it ended meanwhile
            continue
        running.append(command.decode(errors="replace").strip())
    return running
