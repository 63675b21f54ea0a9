"""One HTTP session per account: timeouts, proxy, CA bundle, redaction, clock.

``PlatformSession.request`` sends one request and returns the decoded JSON
body, or raises a ``PlatformError``: network faults and timeouts become
``TransientError``, an undecodable 2xx body ``MalformedResponseError``, and
the platform family's *mapper* turns error bodies (also those sent with HTTP
200) into the right class. Redirects are not followed (a token must never
travel to another host). Only redacted URLs are logged, and urllib3's own
debug lines are redacted too.

TLS verification is always on; ``ca_bundle`` adds a station's inspecting
proxy certificate. Proxies come from the environment/system, as requests
does by default (``trust_env``).
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import requests
import urllib3.exceptions

import desktop
from desktop.core.platforms.errors import (
    ConfigurationError,
    MalformedResponseError,
    PlatformError,
    TransientError,
    http_status_error,
    parse_http_date,
)
from desktop.core.platforms.redact import redact, register_secret

log = logging.getLogger(__name__)

ErrorMapper = Callable[[int, Mapping[str, str], object], PlatformError | None]
"""(status, headers, decoded body or None) -> the error it means, or None."""

DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 30.0
USER_AGENT = f"AduanDesk/{desktop.__version__}"


@dataclass(frozen=True, slots=True)
class ApiResponse:
    status: int
    headers: Mapping[str, str]
    body: object
    server_date: datetime | None


class _RedactingFilter(logging.Filter):
    """Masks tokens in urllib3's debug lines (they print full request paths)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        record.msg, record.args = redact(message), None
        return True


_urllib3_filter = _RedactingFilter()
for _name in ("urllib3.connectionpool", "urllib3.util.retry", "urllib3.poolmanager"):
    logging.getLogger(_name).addFilter(_urllib3_filter)


class PlatformSession:
    """A ``requests.Session`` for one account, safe to share between threads."""

    def __init__(
        self,
        *,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
        ca_bundle: str | os.PathLike[str] | None = None,
        proxy: str | None = None,
    ) -> None:
        if ca_bundle is not None and not os.path.isfile(ca_bundle):
            raise ConfigurationError(f"The CA bundle file {os.fspath(ca_bundle)!s} does not exist.")
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.ca_bundle = None if ca_bundle is None else os.fspath(ca_bundle)
        self._http = requests.Session()
        self._http.headers["User-Agent"] = USER_AGENT
        self._http.verify = self.ca_bundle or True  # never False
        if proxy:  # else the system's proxy settings apply (trust_env)
            self._http.proxies = {"http": proxy, "https": proxy}
        self._lock = threading.Lock()
        self._server_date: datetime | None = None
        self._server_date_mono = 0.0

    def __enter__(self) -> PlatformSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<PlatformSession ca_bundle={self.ca_bundle!r}>"

    def close(self) -> None:
        self._http.close()

    @staticmethod
    def add_secret(secret: str | None) -> None:
        """Make ``redact`` (everywhere in the process) mask ``secret``."""
        register_secret(secret)

    @staticmethod
    def redact(text: str) -> str:
        return redact(text)

    @property
    def last_server_date(self) -> datetime | None:
        """The ``Date`` of the most recent response that had one, in UTC."""
        with self._lock:
            return self._server_date

    def clock_skew(self, local_now: datetime | None = None) -> timedelta | None:
        """Server time minus local time (positive: our clock is behind), or None.

        The server's last ``Date`` is aged by the monotonic clock since it
        arrived, so the estimate stays right however late it is asked for.
        Resolution is about a second (``Date`` has no fractions).
        """
        with self._lock:
            date, received = self._server_date, self._server_date_mono
        if date is None:
            return None
        now = local_now or datetime.now(UTC)
        server_now = date + timedelta(seconds=time.monotonic() - received)
        return server_now - now.astimezone(UTC)

    def request(
        self,
        method: str,
        url: str,
        *,
        mapper: ErrorMapper,
        params: Mapping[str, str | int] | None = None,
        json_body: object = None,
        form: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        read_timeout: float | None = None,
    ) -> ApiResponse:
        shown = redact(_with_query(url, params))
        host = urllib.parse.urlsplit(url).hostname or "?"
        started = time.monotonic()
        failure: PlatformError | None = None
        response: requests.Response | None = None
        try:
            response = self._http.request(
                method,
                url,
                params=params,
                json=json_body,
                data=form,
                headers=dict(headers or {}),
                timeout=(self.connect_timeout, read_timeout or self.read_timeout),
                allow_redirects=False,
            )
        except requests.RequestException as exc:
            failure = _network_error(exc, host)
        except (OSError, ValueError) as exc:  # unreadable CA bundle, bad URL...
            failure = TransientError(
                f"Could not send the request to {host}: {type(exc).__name__}: {redact(str(exc))}",
                maybe_delivered=False,
            )
        elapsed = (time.monotonic() - started) * 1000
        if failure is not None or response is None:
            log.warning("%s %s failed after %.0f ms: %s", method, shown, elapsed, failure)
            raise failure or TransientError(f"No response from {host}.")
        log.debug("%s %s -> %d (%.0f ms)", method, shown, response.status_code, elapsed)
        date = self._note_date(response.headers.get("Date"))
        return _decode(response, mapper, date)

    def _note_date(self, value: str | None) -> datetime | None:
        date = parse_http_date(value)
        if date is not None:
            with self._lock:
                self._server_date, self._server_date_mono = date, time.monotonic()
        return date


def _decode(response: requests.Response, mapper: ErrorMapper, date: datetime | None) -> ApiResponse:
    status, headers = response.status_code, response.headers
    body: Any = None
    readable = True
    if response.content.strip():
        try:
            body = json.loads(response.content)
        except (ValueError, UnicodeDecodeError):
            readable = False
    error = mapper(status, headers, body)
    if error is None and not 200 <= status < 300:
        error = http_status_error(status, headers)
    if error is not None and error.platform_message is None and not readable:
        snippet = response.content[:200].decode("utf-8", "replace").strip()
        error.platform_message = redact(snippet) or None
    if error is None and not readable:
        error = MalformedResponseError(
            f"The platform's response (HTTP {status}) was not valid JSON; it may have been "
            "cut off or replaced by a proxy page."
        )
    if error is not None:
        raise error
    return ApiResponse(status, headers, body, date)


def _never_sent(exc: requests.RequestException) -> bool:
    if isinstance(exc, requests.ConnectTimeout):
        return True
    if isinstance(exc, requests.ConnectionError) and exc.args:
        reason = getattr(exc.args[0], "reason", exc.args[0])
        return isinstance(reason, urllib3.exceptions.NewConnectionError)
    return False


def _network_error(exc: requests.RequestException, host: str) -> TransientError:
    detail = f"{type(exc).__name__}: {redact(str(exc))}"[:300]
    if isinstance(exc, requests.exceptions.SSLError):
        return TransientError(
            f"The TLS certificate of {host} could not be verified. If the station uses an "
            f"inspecting proxy, set its CA bundle. ({detail})",
            maybe_delivered=False,
            reason="tls",
        )
    if isinstance(exc, requests.Timeout):
        kind = "connecting to" if isinstance(exc, requests.ConnectTimeout) else "waiting for"
        return TransientError(
            f"Timed out {kind} {host}.", maybe_delivered=not _never_sent(exc), reason="timeout"
        )
    return TransientError(
        f"Network error talking to {host}: {detail}", maybe_delivered=not _never_sent(exc)
    )


def _with_query(url: str, params: Mapping[str, str | int] | None) -> str:
    if not params:
        return url
    joiner = "&" if urllib.parse.urlsplit(url).query else "?"
    return url + joiner + urllib.parse.urlencode({k: str(v) for k, v in params.items()})
