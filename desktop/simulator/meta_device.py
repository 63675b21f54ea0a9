"""Meta's device login (Facebook Login for Devices) as the simulator serves it.

    POST /graph/vNN.N/device/login         access_token=APP_ID|CLIENT_TOKEN, scope
        -> {code, user_code, verification_uri, expires_in, interval}
    POST /graph/vNN.N/device/login_status  access_token=APP_ID|CLIENT_TOKEN, code
        -> {access_token, expires_in} once approved; before that an OAuthException
           (code 31) with error_subcode 1349174 (pending), 1349172 (polled faster
           than ``interval``: slow down) or 1349152 (the code expired)
    GET  /device?user_code=...             the person enters the code on another device
                                           (approves, or denies when consent is denied)

``interval`` and ``expires_in`` are settable (down to fractions of a second) for tests.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.connect.apps import Provider
from desktop.simulator.wire import Request, Response

if TYPE_CHECKING:
    from desktop.simulator.oauth_ledger import OAuthLedger

CLIENT_TOKEN = "sim-meta-client-token-0123456789"
PENDING, SLOW_DOWN, EXPIRED = 1349174, 1349172, 1349152
LOGIN_SUFFIX = "/device/login"
STATUS_SUFFIX = "/device/login_status"
ENTER_PATH = "/device"
PENDING_WORDS = "This request requires the user to take a pending action"


@dataclass(slots=True)
class _Pending:
    user_code: str
    scopes: str
    expires_at: float
    last_poll: float = 0.0
    approved: bool = False
    denied: bool = False


class DeviceLogins:
    def __init__(self, book: OAuthLedger, app_id: str) -> None:
        self._book = book
        self._app_id = app_id
        self._lock = threading.Lock()
        self._codes: dict[str, _Pending] = {}
        self.interval = 5.0
        self.expires_in = 420.0
        self.slowed = 0  # polls answered "slow down"

    def handles(self, raw_path: str) -> bool:
        return raw_path == ENTER_PATH or (
            raw_path.startswith("/graph/v") and raw_path.endswith((LOGIN_SUFFIX, STATUS_SUFFIX))
        )

    def handle(self, raw_path: str, req: Request, url: str) -> Response:
        if raw_path == ENTER_PATH:
            return self._enter(str(req.query.get("user_code", "")))
        q = req.params()
        if q.get("access_token") != f"{self._app_id}|{CLIENT_TOKEN}":
            return _error("Invalid OAuth access token.", 190, None, 400)
        if req.method != "POST":
            return _error("Unsupported method", 100, None, 400)
        if raw_path.endswith(LOGIN_SUFFIX):
            return self._login(str(q.get("scope", "")), url)
        return self._status(str(q.get("code", "")))

    def approve(self, user_code: str) -> bool:
        return self._enter(user_code).status == 200

    def _login(self, scopes: str, url: str) -> Response:
        code, user_code = secrets.token_hex(16), secrets.token_hex(3).upper()
        with self._lock:
            self._codes[code] = _Pending(user_code, scopes, time.monotonic() + self.expires_in)
            return Response.json(
                {
                    "code": code,
                    "user_code": user_code,
                    "verification_uri": url + ENTER_PATH,
                    "expires_in": self.expires_in,
                    "interval": self.interval,
                }
            )

    def _enter(self, user_code: str) -> Response:
        with self._lock:
            found = next((p for p in self._codes.values() if p.user_code == user_code), None)
            if found is None or time.monotonic() >= found.expires_at:
                return Response(404, b"Kode tidak dikenal atau kedaluwarsa", "text/plain")
            if self._book.deny:
                found.denied = True
            else:
                found.approved = True
        return Response(200, b"Perangkat tersambung", "text/plain")

    def _status(self, code: str) -> Response:
        now = time.monotonic()
        with self._lock:
            pending = self._codes.get(code)
            if pending is None or now >= pending.expires_at:
                return _error(
                    "This request requires the user to take a pending action", 31, EXPIRED
                )
            if pending.denied:
                del self._codes[code]
                return _error("The user denied the request.", 200, None)
            too_soon = now - pending.last_poll < self.interval * 0.9
            pending.last_poll = now
            if not pending.approved:
                if too_soon:
                    self.slowed += 1
                    return _error("User request limit reached", 17, SLOW_DOWN)
                return _error(
                    "This request requires the user to take a pending action", 31, PENDING
                )
            del self._codes[code]
        return Response.json(self._book.issue(Provider.META, pending.scopes))


def _error(message: str, code: int, subcode: int | None, status: int = 400) -> Response:
    error: dict[str, object] = {"message": message, "type": "OAuthException", "code": code}
    if subcode is not None:
        error["error_subcode"] = subcode
    error["fbtrace_id"] = "AsimTrace"
    return Response.json({"error": error}, status)
