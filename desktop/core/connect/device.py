"""Meta's device login (Facebook Login for Devices): for a PC with no usable browser.

    login = DeviceLogin(app)               # app: the [app.meta] settings with client_token
    code = login.start()                   # show code.user_code and code.verification_uri
    user = login.wait(code, cancel)        # polls every ``interval``; the user token

The officer enters ``user_code`` at ``verification_uri`` (facebook.com/device) on
a phone or another PC and approves; the desk polls ``device/login_status`` at
the interval Meta gave (longer after a "slow down") until the token comes, the
code expires (``ConnectTimeoutError``), the officer cancels
(``ConnectCancelledError``) or refuses (``ConsentDeniedError``). The user token
then goes the way of the browser sign-in's: long-lived exchange, Page list.
The calls carry ``APP_ID|CLIENT_TOKEN`` (the app's client token, not its secret).
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import requests

from desktop.core.connect.apps import AppSettings
from desktop.core.connect.errors import (
    AppNotConfiguredError,
    ConnectCancelledError,
    ConnectTimeoutError,
    ConsentDeniedError,
    GrantRefusedError,
    TokenEndpointError,
)
from desktop.core.connect.tokens import TokenSet
from desktop.core.platforms.http import USER_AGENT
from desktop.core.platforms.redact import redact, register_secret

log = logging.getLogger(__name__)

PENDING, SLOW_DOWN, EXPIRED = 1349174, 1349172, 1349152  # Meta's error_subcode values
SLOW_DOWN_STEP = 5.0  # seconds added to the interval after a "slow down"


@dataclass(frozen=True, slots=True)
class DeviceCode:
    """What the officer is shown; ``code`` (the polling code) stays out of the ``repr``."""

    user_code: str
    verification_uri: str
    expires_in: float
    interval: float
    code: str = field(repr=False)


class DeviceLogin:
    def __init__(
        self,
        app: AppSettings,
        *,
        proxy: str | None = None,
        ca_bundle: str | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not app.client_token:
            raise AppNotConfiguredError(
                "The unit profile's [app.meta] has no client_token, which device login needs."
            )
        self._app = app
        self._clock = clock
        self._session = requests.Session()
        self._session.verify = ca_bundle or True
        self._session.headers["User-Agent"] = USER_AGENT
        if proxy:
            self._session.proxies = {"http": proxy, "https": proxy}
        self._host = urllib.parse.urlsplit(app.api_base).netloc

    def start(self) -> DeviceCode:
        """Ask Meta for a code to enter on another device."""
        body = self._post("/device/login", {"scope": ",".join(self._app.scopes)})
        try:
            found = DeviceCode(
                user_code=str(body["user_code"]),
                verification_uri=str(body["verification_uri"]),
                expires_in=float(body["expires_in"]),
                interval=float(body.get("interval") or SLOW_DOWN_STEP),
                code=str(body["code"]),
            )
        except (KeyError, TypeError, ValueError):
            raise TokenEndpointError(
                f"The sign-in server {self._host} answered something that is not a device code."
            ) from None
        register_secret(found.code)
        return found

    def wait(self, device: DeviceCode, cancel: threading.Event | None = None) -> TokenSet:
        """Poll until the officer approved on the other device; the user token."""
        cancel = cancel or threading.Event()
        deadline = self._clock() + device.expires_in
        interval = device.interval
        try:
            while True:
                if cancel.wait(interval):
                    raise ConnectCancelledError("Connecting was cancelled.")
                if self._clock() >= deadline:
                    raise ConnectTimeoutError("The device code was not entered in time.")
                body = self._post("/device/login_status", {"code": device.code}, polling=True)
                error = body.get("error")
                if not isinstance(error, dict):
                    return self._tokens(body)
                subcode = error.get("error_subcode")
                if subcode == PENDING:
                    continue
                if subcode == SLOW_DOWN:
                    interval += SLOW_DOWN_STEP
                    continue
                if subcode == EXPIRED:
                    raise ConnectTimeoutError("The device code expired before it was entered.")
                words = redact(str(error.get("message") or "")) or None
                raise ConsentDeniedError(
                    f"{self._host} did not give access: {words}", platform_message=words
                )
        finally:
            self._session.close()

    def _tokens(self, body: dict[str, Any]) -> TokenSet:
        if not isinstance(body.get("access_token"), str):
            raise TokenEndpointError(
                f"The sign-in server {self._host} answered something that is not a token."
            )
        register_secret(body["access_token"])
        return TokenSet.from_response(
            body, datetime.now(UTC), requested_scopes=frozenset(self._app.scopes)
        )

    def _post(self, path: str, data: dict[str, str], *, polling: bool = False) -> dict[str, Any]:
        form = {**data, "access_token": f"{self._app.client_id}|{self._app.client_token}"}
        try:
            answer = self._session.post(self._app.api_base + path, data=form, timeout=(10, 30))
            body = answer.json()
        except requests.RequestException as exc:
            raise TokenEndpointError(
                f"Could not reach the sign-in server {self._host}: {type(exc).__name__}."
            ) from None
        except ValueError:
            raise TokenEndpointError(
                f"The sign-in server {self._host} answered something that is not JSON."
            ) from None
        if not isinstance(body, dict):
            raise TokenEndpointError(f"The sign-in server {self._host} answered garbage.")
        if answer.ok or (polling and isinstance(body.get("error"), dict)):
            return body
        error = body.get("error")
        words = redact(str(error.get("message") if isinstance(error, dict) else error)) or None
        log.warning("device login at %s refused: HTTP %s", self._host, answer.status_code)
        raise GrantRefusedError(
            f"{self._host} refused the device login: {words}", platform_message=words
        )
