"""``aduan-desk station roles`` and ``station doctor``: the station's logins and its self-check.

``register`` adds both to the ``station`` command group; each imports what it
needs only when it runs (``--help`` stays fast).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

Command = Callable[..., argparse.ArgumentParser]


def register(station_sub: Any, command: Command) -> None:
    """Add ``roles`` and ``doctor`` under ``station``; ``command(parent, name, handler, help)``
    makes one subcommand (as ``cli_sync.register``'s helper does)."""
    p = command(
        station_sub,
        "roles",
        cmd_station_roles,
        "print the SQL of the officers' least-privilege roles (run it with psql)",
    )
    p.add_argument("--database", default="aduan_desk", help="the station's database")
    p.add_argument("--owner", default="humas", help="the login that owns the schema")
    p.add_argument("--add-officer", metavar="LOGIN", help="only add this officer's login")
    p.add_argument("--name", help="the officer's display name, e.g. 'Bripka Ani'")
    p = command(
        station_sub,
        "doctor",
        cmd_station_doctor,
        "check the way to the station's server: TLS, privileges, schema (no secrets)",
    )
    p.add_argument("--profile", help="the unit profile (default: the one the desk uses)")


def cmd_station_roles(args: argparse.Namespace) -> int:
    from desktop.core.errors import UserError
    from desktop.core.station import roles

    if args.add_officer:
        if not args.name:
            raise UserError("empty_text")
        statements = roles.add_officer(args.database, args.add_officer, args.name)
        login = roles.checked_name(args.add_officer)
        print(f"-- as the server's superuser: psql -U postgres -d {args.database} -f THIS_FILE")
        print(roles.as_script(statements), end="")
        # The password is typed into psql, never on a command line or in a file.
        print(f"\\password {login}")
        return 0
    statements = roles.recipe(args.database, args.owner)
    print(f"-- as the server's superuser: psql -U postgres -d {args.database} -f THIS_FILE")
    print(f"-- once per station, after the owner ({args.owner}) created the schema")
    print(roles.as_script(statements), end="")
    return 0


def cmd_station_doctor(args: argparse.Namespace) -> int:
    from dataclasses import asdict
    from pathlib import Path

    from desktop import cli_format as fmt
    from desktop.core.credentials import KeyringVault
    from desktop.core.errors import UserError
    from desktop.core.paths import resolve_home
    from desktop.core.profile import ProfileError, load_profile
    from desktop.core.startup import find_profile
    from desktop.core.station.doctor import check_station
    from desktop.core.store.station import password_name, server_of

    paths = resolve_home(args.home)
    path = Path(args.profile) if args.profile else find_profile(paths)
    if path is None:
        raise UserError("profile_invalid", detail="no unit profile found")
    try:
        settings = load_profile(path).station
    except ProfileError as exc:
        raise UserError("profile_invalid", detail="; ".join(exc.lines()[:3])) from None
    if settings.kind != "postgresql":
        raise UserError("profile_invalid", detail=f"{path} has no [station] on PostgreSQL")
    server = server_of(settings)
    checks = check_station(server.url(KeyringVault().get(password_name(server))))
    ok = all(check.ok for check in checks)
    if args.json:
        fmt.print_json({"ok": ok, "checks": [asdict(check) for check in checks]})
        return 0 if ok else 1
    good, bad = fmt.label("check_ok", args.lang), fmt.label("check_problem", args.lang)
    for check in checks:  # the details are for IT, in English
        print(f"  [{good if check.ok else bad}] {check.name}: {check.detail}")
    return 0 if ok else 1
