"""Kill test of token renewal: SIGKILL between the token answer and the keyring write.

A simulator runs in this process; X tokens (the refresh token rotates on every
use) are in the real OS keyring. A child process renews the account's token
again and again (``TokenSource.renew``, as the sync engines do) and is killed
with SIGKILL at a random moment, ``--kills`` times. After each kill the account
must be either working (a renewal succeeds and the new access token reads
``/2/users/me``) or visibly ``needs reconnect`` (``ReconnectNeededError``, the
platform's words kept): never silently broken. A "needs reconnect" account is
then connected again (a new sign-in) and the loop goes on.

``run_concurrent`` starts two processes that need a renewal at the same
moment: one renewal must happen, and both must get the same working token.

    scripts/with-keyring .venv/bin/python bench/kill_refresh.py --kills 200
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.core.connect.apps import AppSettings, Provider  # noqa: E402
from desktop.core.connect.flow import LoopbackFlow  # noqa: E402
from desktop.core.connect.source import TokenSource  # noqa: E402
from desktop.core.connect.tokens import load_tokens, save_tokens  # noqa: E402
from desktop.core.credentials import KeyringVault, token_name  # noqa: E402
from desktop.core.model import Channel  # noqa: E402
from desktop.core.platforms.errors import ReconnectNeededError  # noqa: E402
from desktop.simulator import Simulator  # noqa: E402
from desktop.simulator.signin import browse_later  # noqa: E402


@dataclass
class KillResult:
    kills: int = 0
    working: int = 0
    needs_reconnect: int = 0
    broken: int = 0
    refreshes: int = 0


def _app_json(app: AppSettings) -> str:
    return json.dumps(
        {"client_id": app.client_id, "token_url": app.token_url, "api_base": app.api_base}
    )


def _worker_app(text: str) -> AppSettings:
    data = json.loads(text)
    return AppSettings(Provider.X, data["client_id"], token_url=data["token_url"])


def _spawn(account_id: int, app: AppSettings, locks: Path, mode: str, go: Path | None = None):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "bench.kill_refresh", "--worker", mode]
    args += ["--account", str(account_id), "--app", _app_json(app), "--locks", str(locks)]
    if go is not None:
        args += ["--go", str(go)]
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, text=True, cwd=ROOT)


def _worker(mode: str, account_id: int, app_text: str, locks: Path, go: str | None) -> int:
    source = TokenSource(KeyringVault(), account_id, _worker_app(app_text), locks)
    if go:
        while not Path(go).exists():
            time.sleep(0.005)
    if mode == "once":
        print(source.bearer(), flush=True)
        return 0
    print("ready", flush=True)
    while True:  # "loop": renew until killed
        current = source.tokens().access_token
        source.renew(current)


def _sign_in(sim: Simulator, app: AppSettings) -> object:
    flow = LoopbackFlow(app)
    browse_later(flow.start())
    return flow.wait(30)


def _works(sim: Simulator, token: str) -> bool:
    import requests

    answer = requests.get(
        f"{sim.api_base(Channel.X)}/2/users/me",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    return answer.status_code == 200


def run(kills: int = 200, seed: int = 1, log=print) -> KillResult:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    vault = KeyringVault()
    account_id = 900_000 + rng.randrange(99_999)
    result = KillResult()
    with Simulator(count=5) as sim, tempfile.TemporaryDirectory() as locks_dir:
        locks = Path(locks_dir)
        app = sim.oauth.app(Provider.X)
        save_tokens(vault, account_id, _sign_in(sim, app))  # type: ignore[arg-type]
        try:
            for kill in range(kills):
                child = _spawn(account_id, app, locks, "loop")
                assert child.stdout is not None
                child.stdout.readline()  # started: renewing from now on
                time.sleep(rng.uniform(0.0, 0.3))
                child.send_signal(signal.SIGKILL)
                child.wait()
                if child.stdout:
                    child.stdout.close()
                result.kills += 1
                source = TokenSource(vault, account_id, app, locks)
                try:
                    token = source.renew(source.tokens().access_token)
                except ReconnectNeededError:
                    result.needs_reconnect += 1
                    save_tokens(vault, account_id, _sign_in(sim, app))  # type: ignore[arg-type]
                    continue
                if _works(sim, token):
                    result.working += 1
                else:
                    result.broken += 1
                if (kill + 1) % 20 == 0:
                    log(f"{kill + 1} kills: {result}")
        finally:
            vault.delete(token_name(account_id))
            result.refreshes = sim.oauth.stats.refreshes.get("x", 0)
    return result


@dataclass
class RaceResult:
    refreshes: int
    tokens: list[str]
    working: bool


def run_concurrent(processes: int = 2) -> RaceResult:
    vault = KeyringVault()
    account_id = 800_000 + random.randrange(99_999)
    with Simulator(count=5) as sim, tempfile.TemporaryDirectory() as folder:
        locks, go = Path(folder) / "locks", Path(folder) / "go"
        app = sim.oauth.app(Provider.X)
        tokens = _sign_in(sim, app)
        past = datetime.now(UTC) - timedelta(seconds=1)
        save_tokens(vault, account_id, tokens.with_access(tokens.access_token, past))  # type: ignore[attr-defined]
        try:
            children = [_spawn(account_id, app, locks, "once", go) for _ in range(processes)]
            time.sleep(1.5)  # both started and waiting at the line
            go.touch()
            got = []
            for child in children:
                out, _ = child.communicate(timeout=60)
                got.append(out.strip())
            stored = load_tokens(vault, account_id)
            assert stored is not None
            working = all(_works(sim, token) for token in got)
            return RaceResult(sim.oauth.stats.refreshes.get("x", 0), got, working)
        finally:
            vault.delete(token_name(account_id))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--worker", choices=["once", "loop"])
    parser.add_argument("--account", type=int)
    parser.add_argument("--app")
    parser.add_argument("--locks", type=Path)
    parser.add_argument("--go")
    args = parser.parse_args()
    if args.worker:
        return _worker(args.worker, args.account, args.app, args.locks, args.go)
    started = time.monotonic()
    result = run(args.kills, args.seed)
    print(f"{result} in {time.monotonic() - started:.0f} s")
    race = run_concurrent()
    print(f"two processes: {race.refreshes} renewal(s), same token: {len(set(race.tokens)) == 1}")
    return 1 if result.broken or race.refreshes != 1 else 0


if __name__ == "__main__":
    raise SystemExit(main())
