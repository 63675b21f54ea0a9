"""A stop signal stops a process that runs until an event is set, however many come.

The process below waits on its event in a tight loop, so its main thread is inside
the event's lock much of the time, and SIGTERMs keep coming while it winds down, as
the station worker gets them from systemd and from ``scripts/station-keyring`` at
once. Setting the event in the signal handler itself hangs such a process.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

RUNS_UNTIL_STOPPED = """
import threading, time
from desktop.core.station.stop_signals import set_on_stop_signal

stop = threading.Event()
set_on_stop_signal(stop)
print("running", flush=True)
while not stop.wait(0.0001):
    pass
wind_down = time.monotonic() + 1.0  # a stop in order takes a while: signals still come
while time.monotonic() < wind_down:
    stop.wait(0.0001)
print("stopped", flush=True)
"""


def _started() -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", RUNS_UNTIL_STOPPED],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "running\n"
    return process


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")
def test_stop_signals_that_keep_coming_stop_the_process_in_order() -> None:
    process = _started()
    sending = time.monotonic() + 1.0
    while time.monotonic() < sending and process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
    try:
        out, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise AssertionError("the process hung at its stop signals") from None
    assert (process.returncode, out, err) == (0, "stopped\n", "")


def test_ctrl_c_stops_it_too() -> None:
    process = _started()
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert (process.returncode, out, err) == (0, "stopped\n", "")
