"""Who the officer at this PC is, as recorded on replies, notes and status changes."""

from __future__ import annotations

import getpass


def default_officer() -> str:
    """The name recorded on replies, notes and status changes: the OS user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "petugas"
