"""Test kit for the platform adapter tests (imported by name: no packages here).

``loopback`` is a real HTTP server on 127.0.0.1 (port 0) in a thread. Tests
queue responses per path; each request takes the next one (the last one
repeats). A response can also be delayed, cut short or dropped, so the
HTTP session meets real sockets, not mocks.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

RECORDED = Path(__file__).parent / "recorded"


def recorded(name: str) -> Any:
    """A recorded platform response (see recorded/SOURCES.md)."""
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))


@dataclass
class Reply:
    status: int = 200
    body: object = None  # JSON-encoded unless bytes
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False  # close the connection without answering
    truncate: bool = False  # promise more bytes than are sent


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def param(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None

    def json(self) -> Any:
        return json.loads(self.body)

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode()).items()}


class Loopback:
    def __init__(self) -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                seen = Seen(
                    self.command,
                    parts.path,
                    parse_qs(parts.query),
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                )
                reply = owner._next(seen)
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.drop:
                    self.close_connection = True
                    return
                payload = (
                    reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()
                )
                self.send_response_only(reply.status)
                headers = {"Date": self.date_time_string(), **reply.headers}
                headers.setdefault("Content-Type", "application/json; charset=utf-8")
                for name, value in headers.items():
                    self.send_header(name, value)
                sent = payload[: len(payload) // 2] if reply.truncate else payload
                self.send_header("Content-Length", str(len(payload)))
                if reply.truncate:
                    self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(sent)
                if reply.truncate:
                    self.close_connection = True

            do_GET = do_POST = do_DELETE = _serve  # noqa: N815

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    def route(self, path: str, *replies: Reply) -> None:
        with self._lock:
            self.routes.setdefault(path, []).extend(replies)

    def json(self, path: str, *bodies: object, status: int = 200, **headers: str) -> None:
        self.route(path, *(Reply(status, body, headers) for body in bodies))

    def _next(self, seen: Seen) -> Reply:
        with self._lock:
            self.requests.append(seen)
            queue = self.routes.get(seen.path)
            if not queue:
                return Reply(404, {"error": f"no route for {seen.path}"})
            return queue.pop(0) if len(queue) > 1 else queue[0]

    def seen(self, path: str) -> list[Seen]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)
