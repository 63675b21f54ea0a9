"""The benchmark's stored queue: built once per count, cached in a temp folder.

Building a million complaints takes minutes, so the encrypted database file
and its (throwaway) key are kept under the system temp folder, keyed by count.
"""

from __future__ import annotations

import secrets
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.core.sample import sample_threads  # noqa: E402
from desktop.core.store.database import open_with_key  # noqa: E402
from desktop.core.store.seed import load_sample  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "aduan-desk-bench-ui"


def cached_database(count: int) -> tuple[Path, bytes]:
    """The database file holding ``count`` sample complaints, and its key."""
    folder = CACHE / f"complaints-{count}"
    db, key_file, done = folder / "queue.db", folder / "key.hex", folder / "complete"
    if done.exists():
        key = bytes.fromhex(key_file.read_text().strip())
        open_with_key(db, key).close()  # bring the cached file to the current schema, once
        return db, key
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.iterdir():
        stale.unlink()
    key = secrets.token_bytes(32)
    key_file.write_text(key.hex())
    print(f"building {count:,} sample complaints in {db} (once; cached afterwards)")
    start = time.perf_counter()
    store = open_with_key(db, key)
    try:
        load_sample(store, sample_threads(count, now=datetime.now(UTC), seed=7))
    finally:
        store.close()
    done.write_text(datetime.now(UTC).isoformat())
    print(f"  built in {time.perf_counter() - start:.0f} s")
    return db, key


if __name__ == "__main__":
    cached_database(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
