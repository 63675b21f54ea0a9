"""What travels over the wire: parsed requests, responses, times and page tokens.

Every platform module receives a ``Request`` (path relative to its prefix,
query, headers, body) and answers a ``Response``. Times are rendered in each
platform's own format (PLATFORMS.md's table); page tokens are opaque to
clients but carry a position the simulator can find again.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import re
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol, TypeVar

from desktop.core.model import Channel
from desktop.simulator.faults import Fault

T = TypeVar("T")
JSON_TYPE = "application/json; charset=UTF-8"


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    path: str  # relative to the platform's prefix, starts with "/"
    query: Mapping[str, str]  # a repeated name's values joined with "," (YouTube's lists)
    headers: Mapping[str, str]  # names in lower case
    body: bytes
    base_url: str  # scheme, host and prefix, as the client addressed us
    query_pairs: tuple[tuple[str, str], ...] = ()  # every name and value, in order

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def json(self) -> object:
        """The body as JSON, or None when it is empty or not JSON."""
        if not self.body.strip():
            return None
        try:
            decoded: object = json.loads(self.body)
        except (ValueError, UnicodeDecodeError):
            return None
        return decoded

    def form(self) -> dict[str, str]:
        kind = (self.header("content-type") or "").split(";")[0].strip().lower()
        if kind != "application/x-www-form-urlencoded":
            return {}
        try:
            text = self.body.decode("utf-8")
        except UnicodeDecodeError:
            return {}
        return dict(urllib.parse.parse_qsl(text, keep_blank_values=True))

    def params(self) -> dict[str, object]:
        """Query, form and JSON body merged (later ones win), as most APIs accept."""
        merged: dict[str, object] = dict(self.query)
        merged.update(self.form())
        body = self.json()
        if isinstance(body, dict):
            merged.update(body)
        return merged

    def bearer(self) -> str | None:
        value = self.header("authorization") or ""
        scheme, _, token = value.partition(" ")
        return token.strip() if scheme.lower() == "bearer" and token.strip() else None


@dataclass(slots=True)
class Response:
    status: int
    body: bytes
    content_type: str = JSON_TYPE
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(
        cls, obj: object, status: int = 200, headers: Mapping[str, str] | None = None
    ) -> Response:
        body = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()
        return cls(status, body, JSON_TYPE, dict(headers or {}))

    @classmethod
    def html(cls, text: str, status: int) -> Response:
        return cls(status, text.encode(), "text/html; charset=UTF-8")


def parse_query(raw: str) -> dict[str, str]:
    """Names and values; ``part=a&part=b`` reads as ``part=a,b``, as Google's APIs take it."""
    found: dict[str, str] = {}
    for key, value in query_pairs(raw):
        found[key] = f"{found[key]},{value}" if key in found else value
    return found


def query_pairs(raw: str) -> tuple[tuple[str, str], ...]:
    return tuple(urllib.parse.parse_qsl(raw, keep_blank_values=True))


# -- times -------------------------------------------------------------------


def graph_time(when: datetime) -> str:
    """Meta Graph: ``2021-08-10T18:45:03+0000``."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def x_time(when: datetime) -> str:
    """X API v2: ``2020-06-25T06:14:19.000Z``."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def google_time(when: datetime, *, millis: bool) -> str:
    """YouTube: ``2019-12-01T03:36:55.000Z`` (lists) or ``2022-11-14T10:23:02Z`` (newer)."""
    text = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    return f"{text}.000Z" if millis else f"{text}Z"


def epoch(when: datetime) -> int:
    return int(when.timestamp())


# -- numbers in parameters ---------------------------------------------------------


def int_param(value: object, default: int) -> int | None:
    """A whole number from a parameter; None when present but not a number."""
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    return None


# -- page tokens ---------------------------------------------------------------------


def make_token(kind: str, position: str) -> str:
    """An opaque, URL-safe token naming a position in one kind of listing."""
    raw = f"{kind}:{position}".encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def read_token(kind: str, token: str) -> str | None:
    """The position a token of ``kind`` names, or None if it is not one of ours."""
    padded = token + "=" * (-len(token) % 4)
    try:
        raw = base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8")
    except (binascii.Error, ValueError, UnicodeError):
        return None
    found_kind, sep, position = raw.partition(":")
    return position if sep and found_kind == kind and position else None


def page_after(
    items: Sequence[T], key: Callable[[T], str], after: str | None, limit: int, overlap: int = 0
) -> tuple[list[T], bool] | None:
    """The ``limit`` items following the one whose key is ``after`` (keyset paging).

    Returns (page, more) or None when ``after`` names no item of the listing.
    Items added before the position later do not shift the pages. With
    ``overlap`` the page starts with that many items of the previous page.
    """
    start = 0
    if after is not None:
        for index, item in enumerate(items):
            if key(item) == after:
                start = index + 1
                break
        else:
            return None
    page = list(items[max(start - overlap, 0) : start + limit])
    return page, start + limit < len(items)


# -- YouTube's HTML text ----------------------------------------------------------------

_URL = re.compile(r"https?://[^\s<>\"]+")


def youtube_html(text: str) -> str:
    """``textDisplay``: escaped text, links as anchors, line breaks as ``<br>``."""
    parts: list[str] = []
    last = 0
    for match in _URL.finditer(text):
        parts.append(html.escape(text[last : match.start()], quote=True))
        url = html.escape(match.group(0), quote=True)
        parts.append(f'<a href="{url}">{url}</a>')
        last = match.end()
    parts.append(html.escape(text[last:], quote=True))
    return "".join(parts).replace("\r\n", "<br>").replace("\n", "<br>")


# -- what every platform module offers the server -------------------------------------


class Platform(Protocol):
    prefix: str  # e.g. "/graph/v21.0"

    def channel_of(self, req: Request) -> Channel: ...

    def fault_kinds(self, req: Request) -> frozenset[str]: ...

    def fault(self, fault: Fault, req: Request) -> Response: ...

    def check_auth(self, req: Request) -> Response | None: ...

    def handle(self, req: Request) -> Response: ...
