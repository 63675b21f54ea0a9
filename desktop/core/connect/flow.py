"""Signing in with the platform in the system browser (RFC 8252, PKCE).

    flow = LoopbackFlow(app)
    url = flow.start()             # open it in the system browser
    tokens = flow.wait(timeout=300, cancel=event)   # blocks; typed errors

``start`` opens the listener on 127.0.0.1 (the profile's fixed port where the
platform needs an exact registered redirect, else any free port) and makes
the authorize URL with a fresh ``state`` and S256 code challenge. ``wait``
serves the loopback until the browser comes back, checks ``state``, exchanges
the code and closes the listener, whatever happens. The code and verifier
never leave this object.
"""

from __future__ import annotations

import http.server
import secrets
import threading
import time
import urllib.parse
from datetime import UTC, datetime
from typing import Any

from authlib.common.security import generate_token

from desktop.core.connect.apps import AppSettings, Provider
from desktop.core.connect.client import oauth_session, scope_text, token_call
from desktop.core.connect.errors import (
    ConnectCancelledError,
    ConnectError,
    ConnectTimeoutError,
    ConsentDeniedError,
    StateMismatchError,
)
from desktop.core.connect.tokens import TokenSet
from desktop.core.platforms.redact import redact, register_secret

LOOPBACK = "127.0.0.1"
_POLL = 0.1  # seconds between looks at the Cancel button

_DONE_PAGE = (
    "<!doctype html><meta charset='utf-8'><title>Aduan Desk</title>"
    "<body style='font-family:sans-serif'><h2>{title}</h2><p>{text}</p></body>"
)
_PAGES = {
    True: (
        "Akun terhubung / Account connected",
        "Silakan kembali ke Aduan Desk. Jendela ini boleh ditutup. / "
        "Return to Aduan Desk; you may close this window.",
    ),
    False: (
        "Akun tidak terhubung / Account not connected",
        "Kembali ke Aduan Desk untuk melihat sebabnya. / Return to Aduan Desk to see why.",
    ),
}


class _Callback(http.server.BaseHTTPRequestHandler):
    server: _Listener

    def do_GET(self) -> None:
        parts = urllib.parse.urlsplit(self.path)
        if parts.path != self.server.path:
            self.send_error(404)
            return
        query = dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
        register_secret(query.get("code"))
        self.server.answer = query
        ok = "code" in query and "error" not in query
        title, text = _PAGES[ok]
        body = _DONE_PAGE.format(title=title, text=text).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        return  # the query holds the code: never logged


class _Listener(http.server.HTTPServer):
    def __init__(self, port: int, path: str) -> None:
        super().__init__((LOOPBACK, port), _Callback)
        self.path = path
        self.answer: dict[str, str] | None = None
        self.timeout = _POLL


class LoopbackFlow:
    """One sign-in with the platform: ``start``, then ``wait`` (or ``close``)."""

    def __init__(
        self,
        app: AppSettings,
        *,
        proxy: str | None = None,
        ca_bundle: str | None = None,
        token_timeout: float = 30.0,
    ) -> None:
        self.app = app
        self.token_timeout = token_timeout  # seconds to wait for the token endpoint
        self._proxy, self._ca_bundle = proxy, ca_bundle
        self._listener: _Listener | None = None
        self._state = ""
        self._verifier = ""
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"<LoopbackFlow {self.app.provider.value} redirect={self.redirect_uri or '-'}>"

    @property
    def redirect_uri(self) -> str:
        if self._listener is None:
            return ""
        port = self._listener.server_address[1]
        return f"http://{LOOPBACK}:{port}{self.app.redirect_path}"

    def start(self) -> str:
        """Open the loopback listener and return the authorize URL for the browser."""
        with self._lock:
            if self._listener is not None:
                raise RuntimeError("this sign-in has already started")
            try:
                self._listener = _Listener(self.app.redirect_port, self.app.redirect_path)
            except OSError as exc:
                raise ConnectError(
                    f"Could not listen on {LOOPBACK}:{self.app.redirect_port} for the "
                    f"browser's return ({exc.strerror or exc}). Close the program using that "
                    "port, or change redirect_port in the unit profile (and the app's "
                    "registered redirect)."
                ) from None
        self._state = secrets.token_urlsafe(24)
        self._verifier = generate_token(64)
        register_secret(self._verifier)
        session = oauth_session(self.app, redirect_uri=self.redirect_uri)
        extra: dict[str, str] = {}
        if self.app.provider is Provider.GOOGLE:
            extra = {"access_type": "offline", "prompt": "consent"}
        if self.app.provider is Provider.TIKTOK:
            extra = {"client_key": self.app.client_id}
        url, _ = session.create_authorization_url(
            self.app.authorize_url,
            state=self._state,
            code_verifier=self._verifier,
            scope=scope_text(self.app),
            **extra,
        )
        session.close()
        return str(url)

    def wait(self, timeout: float, cancel: threading.Event | None = None) -> TokenSet:
        """Serve the loopback until the browser returns; the tokens, or a ``ConnectError``."""
        listener = self._listener
        if listener is None:
            raise RuntimeError("call start() first")
        deadline = time.monotonic() + timeout
        try:
            while listener.answer is None:
                if cancel is not None and cancel.is_set():
                    raise ConnectCancelledError("Connecting was cancelled.")
                if time.monotonic() >= deadline:
                    raise ConnectTimeoutError(
                        f"The browser did not come back within {timeout:g} seconds."
                    )
                listener.handle_request()
            return self._finish(listener.answer)
        finally:
            self.close()

    def close(self) -> None:
        """Stop listening (safe to call more than once)."""
        with self._lock:
            listener, self._listener = self._listener, None
        if listener is not None:
            listener.server_close()

    def _finish(self, answer: dict[str, str]) -> TokenSet:
        if "error" in answer:
            words = redact(answer.get("error_description") or answer["error"])
            raise ConsentDeniedError(
                f"The platform did not give access ({redact(answer['error'])}): {words}",
                platform_message=words,
            )
        if not secrets.compare_digest(answer.get("state", ""), self._state):
            raise StateMismatchError(
                "The browser came back with a sign-in this window did not start (wrong state)."
            )
        code = answer.get("code", "")
        if not code:
            raise ConsentDeniedError("The platform came back without an authorization code.")
        return exchange_code(
            self.app,
            code,
            self._verifier,
            self.redirect_uri,
            proxy=self._proxy,
            ca_bundle=self._ca_bundle,
            timeout=self.token_timeout,
        )


def exchange_code(
    app: AppSettings,
    code: str,
    verifier: str,
    redirect_uri: str,
    *,
    proxy: str | None = None,
    ca_bundle: str | None = None,
    timeout: float = 30.0,
) -> TokenSet:
    """Trade an authorization code (and its PKCE verifier) for tokens."""
    register_secret(code)
    session = oauth_session(app, redirect_uri=redirect_uri, proxy=proxy, ca_bundle=ca_bundle)
    host = urllib.parse.urlsplit(app.token_url).netloc
    method = "GET" if app.provider is Provider.META else "POST"
    extra = {"client_key": app.client_id} if app.provider is Provider.TIKTOK else {}
    try:
        body = token_call(
            host,
            lambda: session.fetch_token(
                app.token_url,
                method=method,
                code=code,
                code_verifier=verifier,
                grant_type="authorization_code",
                timeout=(10.0, timeout),
                **extra,
            ),
        )
    finally:
        session.close()
    return TokenSet.from_response(body, datetime.now(UTC), requested_scopes=frozenset(app.scopes))
