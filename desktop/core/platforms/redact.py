"""Removing secrets from text before it reaches a log, an exception or the UI.

One process-wide registry of secret strings (account tokens, app secrets)
plus patterns for the places platforms put secrets: ``access_token=`` query
values, ``Authorization``/``Access-Token`` headers, bearer tokens and
Telegram's ``/bot<token>/`` path segment. Redacting too much is harmless;
redacting too little leaks a token, so every registered secret is removed
wherever it appears, in any account's text.
"""

from __future__ import annotations

import re
import threading
import urllib.parse
from collections.abc import Mapping

MASK = "***"
_MIN_SECRET_LENGTH = 6  # shorter strings would mask ordinary words

_lock = threading.Lock()
_secrets: set[str] = set()

_QUERY_KEYS = (
    "access_token|refresh_token|client_secret|appsecret_proof|app_secret|key|token|password"
)
_SECRET_HEADERS = frozenset({"authorization", "access-token", "proxy-authorization", "cookie"})
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Telegram: https://api.telegram.org/bot123456:ABC-def/getUpdates
    (re.compile(r"/bot\d+:[A-Za-z0-9_-]+"), f"/bot{MASK}"),
    # access_token=... in a URL or a form body (but not the key's name alone)
    (re.compile(rf"(?i)(?<![A-Za-z0-9_])((?:{_QUERY_KEYS})=)[^&\s\"'#<>]+"), rf"\1{MASK}"),
    # "access_token": "..." in a JSON body
    (
        re.compile(rf"(?i)(\"(?:{_QUERY_KEYS})\"\s*:\s*\")[^\"]*(\")"),
        rf"\1{MASK}\2",
    ),
    # Authorization: Bearer xyz / Access-Token: xyz written as header lines
    (
        re.compile(r"(?im)^((?:proxy-)?authorization|access-token)(\s*[:=]\s*).+$"),
        rf"\1\2{MASK}",
    ),
    (re.compile(r"(?i)\b(Bearer|OAuth)\s+[A-Za-z0-9._~+/=-]+"), rf"\1 {MASK}"),
    # 'Access-Token': 'xyz' as it appears in a dict repr
    (
        re.compile(r"(?i)(['\"](?:authorization|access-token)['\"]\s*:\s*['\"])[^'\"]*"),
        rf"\1{MASK}",
    ),
)


def register_secret(secret: str | None) -> None:
    """Remember ``secret`` (and its URL-encoded form) so ``redact`` removes it."""
    if not secret or len(secret) < _MIN_SECRET_LENGTH:
        return
    forms = {secret, urllib.parse.quote(secret, safe=""), urllib.parse.quote_plus(secret)}
    with _lock:
        _secrets.update(forms)


def redact(text: str) -> str:
    """Return ``text`` with every known secret and secret-looking value masked."""
    if not text:
        return text
    with _lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        if secret in text:
            text = text.replace(secret, MASK)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy of ``headers`` fit for a log: secret headers masked, others redacted."""
    return {
        name: MASK if name.lower() in _SECRET_HEADERS else redact(value)
        for name, value in headers.items()
    }
