"""The entry point of the frozen build: ``aduan-desk`` and ``aduan-desk-cli`` both run the CLI.

Without a command that is the officer's window; with one, the command line.
The windowed ``aduan-desk.exe`` on Windows has no console, so its
``sys.stdout``/``sys.stderr`` are ``None``: they point to the null device
instead, so that printing (``--version``, a one-line error) does not crash it.
IT staff use ``aduan-desk-cli.exe`` to see the output.
"""

from __future__ import annotations

import os
import sys


def _streams_for_windowed() -> None:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


if __name__ == "__main__":
    _streams_for_windowed()

    from desktop.cli import run

    run()
