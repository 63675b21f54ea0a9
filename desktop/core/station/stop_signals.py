"""A stop request by signal (systemd's SIGTERM, Ctrl+C, a Windows service's stop),
for a process that runs until a ``threading.Event`` is set.

Setting the event in a Python signal handler can hang the process for good. The
handler runs in the main thread between two bytecodes, possibly while that thread
holds the event's own lock (``Event.wait`` takes it), and it runs again inside
itself when a second signal comes before it ends: under systemd the whole unit is
signalled and ``scripts/station-keyring`` forwards the same signal to its child.
So the Python handler here does nothing; Python's C handler writes the signal's
number to a socket (``signal.set_wakeup_fd``), and a thread of its own reads it and
sets the event, taking the lock as any other thread would.
"""

from __future__ import annotations

import signal
import socket
import threading

STOP_SIGNALS = ("SIGTERM", "SIGINT", "SIGBREAK")  # SIGBREAK: Windows only


def set_on_stop_signal(stop: threading.Event) -> None:
    """From now on, a stop signal sets ``stop``; a repeated one changes nothing.
    Call it from the main thread (Python's rule for signal handlers)."""
    numbers = {getattr(signal, name) for name in STOP_SIGNALS if hasattr(signal, name)}
    reader, writer = socket.socketpair()
    writer.setblocking(False)  # the C handler must never block on a full socket
    for number in numbers:
        signal.signal(number, _handled_by_the_watcher)
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    watcher = threading.Thread(
        target=_watch,
        args=((reader, writer), numbers, stop),
        name="aduan-stop-signal",
        daemon=True,
    )
    watcher.start()


def _handled_by_the_watcher(_number: int, _frame: object) -> None:
    """The Python handler: nothing to do in the main thread (see the module's text)."""


def _watch(
    sockets: tuple[socket.socket, socket.socket], numbers: set[int], stop: threading.Event
) -> None:
    """Sets ``stop`` at each stop signal. Both sockets stay open as long as the process:
    a closed wakeup socket's number could be reused by a file the next signal writes to."""
    reader = sockets[0]
    while True:
        if numbers.intersection(reader.recv(64)):
            stop.set()
