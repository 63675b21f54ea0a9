"""Counting the moments a thread lets go of the interpreter, for the benchmarks.

Each call to ``PyEval_SaveThread`` releases the interpreter lock: another thread
waiting for it may take it then, and the releasing thread waits up to the switch
interval (5 ms) to get it back. PySide6 calls it whenever it frees a Qt object
made for Python. A small shared library preloaded into the process (``LD_PRELOAD``)
counts the calls; it is compiled on the spot with the system's C compiler.
Linux with glibc and a C compiler only; elsewhere nothing is counted.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

_SYMBOL = "bench_interpreter_releases"
_SOURCE = f"""
#define _GNU_SOURCE
#include <dlfcn.h>
static long releases = 0;
typedef void *(*save_thread)(void);
void *PyEval_SaveThread(void) {{
    static save_thread real = 0;
    if (!real) real = (save_thread)dlsym(RTLD_NEXT, "PyEval_SaveThread");
    releases++;
    return real();
}}
long {_SYMBOL}(void) {{ return releases; }}
"""
_MARK = "BENCH_INTERPRETER_RELEASES"


def counter() -> Callable[[], int] | None:
    """The count so far, if this process runs with the counting library preloaded."""
    try:
        count = getattr(ctypes.PyDLL(None), _SYMBOL)
    except (AttributeError, OSError):
        return None
    count.restype = ctypes.c_long
    return lambda: int(count())


def rerun_counting() -> None:
    """Run this script again with the counting library preloaded, and exit with its
    status; return at once if it is already preloaded, or cannot be built here."""
    if os.environ.get(_MARK) or sys.platform != "linux" or shutil.which("cc") is None:
        return
    with tempfile.TemporaryDirectory(prefix="bench-releases-") as folder:
        source, library = Path(folder) / "count.c", Path(folder) / "count.so"
        source.write_text(_SOURCE, encoding="ascii")
        built = subprocess.run(
            ["cc", "-O2", "-shared", "-fPIC", "-o", str(library), str(source), "-ldl"],
            capture_output=True,
            check=False,
        )
        if built.returncode != 0:
            return
        preload = " ".join(filter(None, [str(library), os.environ.get("LD_PRELOAD")]))
        env = {**os.environ, "LD_PRELOAD": preload, _MARK: "1"}
        raise SystemExit(subprocess.run([sys.executable, *sys.argv], env=env).returncode)
