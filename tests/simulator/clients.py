"""Pointing the platforms' own Python clients at the simulator.

Clients that hard-code the platform's host (tweepy) get a requests transport
that sends each request to the simulator instead, over real loopback HTTP;
the request itself — headers, signature, body — is what the client built.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import requests
from requests.adapters import HTTPAdapter


class Redirect(HTTPAdapter):
    """Sends requests for ``real`` (a scheme and host) to ``local`` (a URL prefix)."""

    def __init__(self, real: str, local: str) -> None:
        super().__init__()
        self.real, self.local = real.rstrip("/"), local.rstrip("/")

    def send(  # type: ignore[override]
        self, request: requests.PreparedRequest, **kwargs: Any
    ) -> requests.Response:
        url = request.url or ""
        if url.startswith(self.real):
            request.url = self.local + url[len(self.real) :]
        return super().send(request, **kwargs)


def redirect(session: requests.Session, hosts: Mapping[str, str]) -> None:
    for real, local in hosts.items():
        session.mount(real, Redirect(real, local))
