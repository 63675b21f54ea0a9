"""How fast the command line starts: ``--version``, ``--help``, and ``queue`` on a 1M home.

Each command runs as a new process (the installed ``aduan-desk`` script), as
an IT officer or a script runs it; the figure is the median wall time. The
queue runs on a data folder holding the benchmarks' cached million
complaints, with its key in the OS keyring, so run it under a keyring:

    scripts/with-keyring .venv/bin/python bench/bench_cli.py [--complaints N]

Prints medians and ratios to a bare ``python -c pass``, and, for ``queue``, to
what any ``queue`` built on the store layer must do before its own work: start
Python, import SQLAlchemy, the SQLCipher driver and the keyring, and fetch the
database key (the same command's floor). All of them run in interleaved rounds,
so that the machine's passing noise falls on the floors and the commands alike.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bench.ui_bench_data as bench_data  # noqa: E402
from desktop.core.credentials import DATABASE_KEY_NAME, KeyringVault  # noqa: E402
from desktop.core.paths import Paths  # noqa: E402

ROUNDS = 15
SCRIPT = Path(sys.executable).with_name("aduan-desk")
DB_ID = "bench-cli"
# What a ``queue`` command does before its own work, with the collector off as the
# command line runs it: the store layer's imports, and the key from the keyring.
QUEUE_FLOOR = (
    "import gc; gc.disable(); import sqlalchemy, sqlcipher3; "
    "from desktop.core.credentials import KeyringVault, DATABASE_KEY_NAME; "
    f"assert KeyringVault().get(DATABASE_KEY_NAME + '/{DB_ID}')"
)


# As installed: every module read from its compiled bytecode. With
# PYTHONDONTWRITEBYTECODE set (some shells and CI set it), the project's own
# modules would be compiled from source on every run: +100 ms and more.
INSTALLED_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall_s(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=INSTALLED_ENV)
    return time.perf_counter() - start


def interleaved_s(commands: dict[str, list[str]], rounds: int) -> dict[str, list[float]]:
    """Each command's wall times, one run of every command a round.

    The machine's noise comes and goes; run in rounds, the floors and the
    commands meet the same noise, so their ratios hold.
    """
    for command in commands.values():  # warm the file cache and write the bytecode
        wall_s(command)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            samples[name].append(wall_s(command))
    return samples


def make_home(folder: Path, complaints: int) -> Paths:
    """A data folder whose database is the cached one (a hard link), key in the keyring."""
    db, key = bench_data.cached_database(complaints)
    paths = Paths(folder / "home")
    paths.ensure()
    os.link(db, paths.database)
    paths.database_id.write_text(DB_ID + "\n", encoding="ascii")
    KeyringVault().set(f"{DATABASE_KEY_NAME}/{DB_ID}", key.hex())
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--complaints", type=int, default=1_000_000)
    parser.add_argument("--cache", type=Path, help="folder of the cached databases")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help=f"runs of each ({ROUNDS})")
    args = parser.parse_args()
    if args.cache:
        bench_data.CACHE = args.cache
    with tempfile.TemporaryDirectory(prefix="aduan-bench-cli-") as tmp:
        paths = make_home(Path(tmp), args.complaints)
        queue = [str(SCRIPT), "--home", str(paths.home), "queue", "--limit", "50"]
        floors = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "imports and key alone (any queue's floor)": [sys.executable, "-c", QUEUE_FLOOR],
        }
        targets = {
            "--version": ([str(SCRIPT), "--version"], 0.1),
            "--help": ([str(SCRIPT), "--help"], 0.1),
            f"queue --limit 50 ({args.complaints:,})": (queue, 0.3),
            f"queue --limit 50 --json ({args.complaints:,})": ([*queue, "--json"], 0.3),
        }
        try:
            samples = interleaved_s(
                {**floors, **{name: command for name, (command, _) in targets.items()}},
                args.rounds,
            )
        finally:
            KeyringVault().delete(f"{DATABASE_KEY_NAME}/{DB_ID}")
    ms = {name: sorted(1000 * t for t in times) for name, times in samples.items()}
    python_ms = statistics.median(ms["python -c pass"])
    queue_floor_ms = statistics.median(ms["imports and key alone (any queue's floor)"])
    print(f"median of {args.rounds} interleaved rounds [fastest-slowest]")
    for name, times in ms.items():
        took = statistics.median(times)
        line = f"  {name:42s} {took:5.0f} ms [{times[0]:4.0f}-{times[-1]:4.0f}]"
        line += f"  {took / python_ms:4.1f}x python"
        if name.startswith("queue"):
            line += f"  {took / queue_floor_ms:4.2f}x the queue's floor"
        if name in targets:
            target_ms = 1000 * targets[name][1]
            line += f"  target < {target_ms:.0f} ms: {'met' if took < target_ms else 'NOT met'}"
        print(line)


if __name__ == "__main__":
    main()
