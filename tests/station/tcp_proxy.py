"""A TCP forwarder between a desktop and the test cluster, to cut the link on purpose.

``drop()`` closes every forwarded connection and refuses new ones (a server that
went away); ``black_hole()`` keeps the connections open but forwards nothing (a
cut cable: nothing answers, nothing fails at once); ``restore()`` forwards again.
Listens on 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from typing import Literal

Mode = Literal["forward", "drop", "black_hole"]


class TcpProxy:
    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.mode: Mode = "forward"
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._open: list[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self.mode == "drop":
                client.close()
                continue
            try:
                server = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            with self._lock:
                self._open += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                if self.mode == "black_hole":
                    continue  # swallowed: the other side never hears of it
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.close()

    def _close_all(self) -> None:
        with self._lock:
            connections, self._open = self._open, []
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()

    def drop(self) -> None:
        self.mode = "drop"
        self._close_all()

    def black_hole(self) -> None:
        self.mode = "black_hole"

    def restore(self) -> None:
        """Forward again; connections that lived through a black hole are cut (their
        byte streams lost data), as a router's reset would."""
        if self.mode == "black_hole":
            self._close_all()
        self.mode = "forward"

    def close(self) -> None:
        self._closed = True
        self._listener.close()
        self._close_all()
