"""HTTP plumbing of the simulator: a threading server that can end its connections.

HTTP/1.1 keep-alive; idle connections close after two minutes. The server
keeps the sockets it serves so ``close_connections`` can end them at stop;
``server_close`` then waits for every handler thread. The handler writes
whole answers, truncated ones, or nothing at all (a dropped connection).
Its log lines (debug level) never show a token.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from desktop.core.platforms.redact import redact
from desktop.simulator.state import Clock
from desktop.simulator.wire import Response

log = logging.getLogger(__name__)

IDLE_TIMEOUT = 120.0
Serve = Callable[["Handler", str], None]


class SimServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = True

    def __init__(
        self, address: tuple[str, int], serve: Serve, clock: Clock, secrets: Iterable[str]
    ) -> None:
        self.serve, self.clock = serve, clock
        self.secrets = tuple(sorted(set(secrets), key=len, reverse=True))
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, Handler)

    def process_request(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: socket.socket) -> None:  # type: ignore[override]
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: object, client_address: object) -> None:
        log.debug("simulator: connection from %s ended abruptly", client_address, exc_info=True)


class Handler(BaseHTTPRequestHandler):
    server: SimServer
    protocol_version = "HTTP/1.1"
    server_version = "AduanDeskSimulator/1.0"
    timeout = IDLE_TIMEOUT
    disable_nagle_algorithm = True  # headers and body leave at once: no 40 ms ACK stalls

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def _serve(self, method: str) -> None:
        try:
            self.server.serve(self, method)
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception:  # a simulator bug must answer 500, not hang the client
            log.exception("simulator: %s %s failed", method, self._masked(self.path))
            self.send(Response.json({"error": "simulator internal error"}, 500))

    def version_string(self) -> str:
        return self.server_version

    def date_time_string(self, timestamp: float | None = None) -> str:
        """``Date`` follows the simulated clock (tests set it ahead or behind)."""
        now = self.server.clock.now()
        return now.strftime("%a, %d %b %Y %H:%M:%S GMT")

    def log_message(self, format: str, *args: object) -> None:
        log.debug("simulator: %s", self._masked(format % args))

    def _masked(self, text: str) -> str:
        """Log lines carry request paths: tokens (Telegram's is in the path) are masked."""
        for secret in self.server.secrets:
            text = text.replace(secret, "***")
        return redact(text)

    def _head(self, answer: Response, length: int | None) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        if length is None:
            self.send_header("Connection", "close")
        else:
            self.send_header("Content-Length", str(length))
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()

    def send(self, answer: Response) -> None:
        self._head(answer, len(answer.body))
        self.wfile.write(answer.body)

    def send_truncated(self, answer: Response, *, full_length: bool) -> None:
        """Headers and the first half of the body, then the connection closes."""
        self._head(answer, len(answer.body) if full_length else None)
        self.wfile.write(answer.body[: len(answer.body) // 2])
        self.wfile.flush()
        self.close_connection = True

    def drop(self) -> None:
        """Close the connection without sending a single byte."""
        self.close_connection = True
