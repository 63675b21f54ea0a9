"""How fast the command line starts: ``--version``, ``--help``, and ``queue`` on a 1M home.

Each command runs as a new process (the installed ``aduan-desk`` script), as
an IT officer or a script runs it; the figure is the median wall time. The
queue runs on a data folder holding the benchmarks' cached million
complaints, with its key in the OS keyring, so run it under a keyring:

    scripts/with-keyring .venv/bin/python bench/bench_cli.py [--complaints N]

Prints figures and ratios to a bare ``python -c pass``, and, for ``queue``, to
what any ``queue`` built on the store layer must do before its own work: start
Python, import SQLAlchemy, the SQLCipher driver and the keyring, and fetch the
database key (the same command's floor, measured in the same run). Asserts
nothing.
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

RUNS = 7
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


def median_s(command: list[str]) -> float:
    # warm the file cache and write the bytecode
    subprocess.run(command, check=True, capture_output=True, env=INSTALLED_ENV)
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=INSTALLED_ENV)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


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
    args = parser.parse_args()
    if args.cache:
        bench_data.CACHE = args.cache
    floor = median_s([sys.executable, "-c", "pass"])
    print(f"python -c pass: {floor * 1000:6.0f} ms (the floor)")
    with tempfile.TemporaryDirectory(prefix="aduan-bench-cli-") as tmp:
        paths = make_home(Path(tmp), args.complaints)
        try:
            floor_queue = median_s([sys.executable, "-c", QUEUE_FLOOR])
            print(
                f"imports and key alone (any queue's floor): {floor_queue * 1000:6.0f} ms"
                f"   {floor_queue / floor:4.1f}x the floor"
            )
            runs = {
                "--version": ([str(SCRIPT), "--version"], 0.1),
                "--help": ([str(SCRIPT), "--help"], 0.1),
                f"queue --limit 50 ({args.complaints:,})": (
                    [str(SCRIPT), "--home", str(paths.home), "queue", "--limit", "50"],
                    0.3,
                ),
                f"queue --limit 50 --json ({args.complaints:,})": (
                    [str(SCRIPT), "--home", str(paths.home), "queue", "--limit", "50", "--json"],
                    0.3,
                ),
            }
            for name, (command, target) in runs.items():
                took = median_s(command)
                print(
                    f"  {name:36s} {took * 1000:6.0f} ms   {took / floor:4.1f}x the floor"
                    f"   target < {target * 1000:.0f} ms: {'met' if took < target else 'NOT met'}"
                )
        finally:
            KeyringVault().delete(f"{DATABASE_KEY_NAME}/{DB_ID}")


if __name__ == "__main__":
    main()
