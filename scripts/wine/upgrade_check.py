"""Checks of the upgrade from version N to N+1, on what the two programs printed.

    python scripts/wine/upgrade_check.py schema DOCTOR_N DOCTOR_N1
    python scripts/wine/upgrade_check.py total QUEUE_JSON COUNT
    python scripts/wine/upgrade_check.py same BEFORE_JSON AFTER_JSON

schema  N's doctor (--lang en) reports its own head, N+1's reports its head, a newer one
total   a `--json queue --all` lists COUNT complaints
same    a `--json show ID` of N and of N+1 agree on what N stored (status, messages,
        replies, notes...); the countdown (computed from the time of the call) aside

Version N predates the program's UTF-8 output: what it wrote into a pipe is in the
ANSI code page (cp1252), read as such.
"""

import json
import re
import sys
from pathlib import Path
from typing import Any

SCHEMA = re.compile(r"schema (\S+) \(this version expects (\S+)\)")
COMPUTED_AT_CALL = {"remaining_seconds", "urgency"}


def text(path: str) -> str:
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def schema(path: str) -> tuple[str, str]:
    found = SCHEMA.search(text(path))
    if found is None:
        sys.exit(f"{path}: no 'schema X (this version expects Y)' line")
    return found.group(1), found.group(2)


def check_schema(before_path: str, after_path: str) -> None:
    (before, before_head), (after, after_head) = schema(before_path), schema(after_path)
    if before != before_head:
        sys.exit(f"version N: schema {before}, but N expects {before_head}")
    if after != after_head:
        sys.exit(f"version N+1: schema {after}, but N+1 expects {after_head}")
    if after == before:
        sys.exit(f"schema {before} before and after: no migration ran")
    print(f"schema {before} (version N) -> {after} (version N+1): the migration ran")


def check_total(path: str, count: str) -> None:
    total = json.loads(text(path))["total"]
    if str(total) != count:
        sys.exit(f"{path}: {total} complaints, expected {count}")
    print(f"{total} complaints")


def kept(before: Any, after: Any) -> bool:
    """What N printed is in what N+1 prints (N+1 may print more keys)."""
    if isinstance(before, dict):
        return isinstance(after, dict) and all(
            key in after and kept(value, after[key]) for key, value in before.items()
        )
    if isinstance(before, list):
        return (
            isinstance(after, list)
            and len(before) == len(after)
            and all(kept(b, a) for b, a in zip(before, after, strict=True))
        )
    return bool(before == after)


def check_same(before_path: str, after_path: str) -> None:
    before: dict[str, Any] = json.loads(text(before_path))
    after: dict[str, Any] = json.loads(text(after_path))
    differ = [
        key
        for key in sorted(before)
        if key not in COMPUTED_AT_CALL and not kept(before[key], after.get(key))
    ]
    if differ:
        for key in differ:
            print(f"  {key}: {before[key]!r}\n    now {after.get(key)!r}")
        sys.exit(f"complaint #{before.get('id')}: {', '.join(differ)} changed by the upgrade")
    notes = len(before.get("notes", []))
    print(f"complaint #{before['id']}: status {before['status']}, {notes} note(s), as N stored it")


if __name__ == "__main__":
    commands = {"schema": check_schema, "total": check_total, "same": check_same}
    if len(sys.argv) != 4 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](sys.argv[2], sys.argv[3])
