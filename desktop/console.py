"""The text encoding of the command line's output, chosen by the program itself.

Windows Python writes to a file or a pipe in the ANSI code page (cp1252 on
most station PCs), which has no emoji and few non-Latin letters: the first
such character in a complaint would crash ``aduan-desk-cli queue > x.txt``.
``PYTHONIOENCODING`` and ``PYTHONUTF8`` do not reach a frozen program, so
the program decides here, before it prints anything:

- JSON (``--json``) is UTF-8, always;
- text for people goes to a console in the console's own encoding (Windows
  Python writes to a console in Unicode anyway), and to a file or a pipe in
  UTF-8.

Characters a console cannot show are replaced, never a reason to stop.
"""

from __future__ import annotations

import io
import sys
from typing import TextIO

UTF8 = "utf-8"


def choose_output_encoding(*, json_output: bool) -> None:
    """Set the encoding of ``sys.stdout`` and ``sys.stderr`` for this run."""
    _choose(sys.stdout, json_output=json_output)
    _choose(sys.stderr, json_output=False)


def _choose(stream: TextIO | None, *, json_output: bool) -> None:
    if not isinstance(stream, io.TextIOWrapper):
        return  # replaced (tests capture output) or absent (a windowed program)
    if json_output or not _is_console(stream):
        stream.reconfigure(encoding=UTF8, errors="strict")
    elif (stream.encoding or "").lower().replace("_", "-") not in (UTF8, "utf8"):
        stream.reconfigure(errors="replace")


def _is_console(stream: io.TextIOWrapper) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError):
        return False
