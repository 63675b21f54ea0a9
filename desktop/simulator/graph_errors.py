"""Meta Graph API errors as Meta sends them, and its usage headers.

Envelope ``{"error":{"message","type","code","error_subcode"?,"is_transient"?,
"fbtrace_id"}}`` (HTTP 400 unless said otherwise). Throttling (codes 4, 17,
32, 613, 80001/80002) comes with ``x-app-usage`` at 100 % — or
``x-page-usage`` / ``x-business-use-case-usage`` with
``estimated_time_to_regain_access`` in minutes. Ordinary answers report a
modest ``x-app-usage`` that grows slowly with use and stays under 60 %.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from datetime import timedelta

from desktop.simulator import faults as fk
from desktop.simulator.faults import Fault
from desktop.simulator.state import Clock
from desktop.simulator.wire import Response

THROTTLE = {
    4: "(#4) Application request limit reached",
    17: "(#17) User request limit reached",
    32: "(#32) Page request limit reached",
    613: "(#613) Calls to this api have exceeded the rate limit.",
    80001: "(#80001) There have been too many calls to this Page account. Wait a bit and try "
    "again.",
    80002: "(#80002) There have been too many calls to this Instagram account. Wait a bit and "
    "try again.",
}


class GraphErrors:
    def __init__(self, clock: Clock, business_id: str) -> None:
        self.clock, self.business_id = clock, business_id
        self._trace = itertools.count(1)
        self._calls = itertools.count(1)

    def error(
        self,
        message: str,
        code: int,
        *,
        status: int = 400,
        subcode: int | None = None,
        kind: str = "OAuthException",
        transient: bool | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        error: dict[str, object] = {"message": message, "type": kind, "code": code}
        if subcode is not None:
            error["error_subcode"] = subcode
        if transient is not None:
            error["is_transient"] = transient
        raw = hashlib.sha256(f"fbtrace:{next(self._trace)}".encode()).hexdigest()
        error["fbtrace_id"] = "A" + raw[:22]
        return Response.json({"error": error}, status, headers)

    def usage(self, percent: int | None = None) -> dict[str, str]:
        value = min(5 + next(self._calls) // 200, 60) if percent is None else percent
        usage = {"call_count": value, "total_cputime": value // 3, "total_time": value // 2}
        return {"x-app-usage": json.dumps(usage, separators=(",", ":"))}

    def unsupported(self, method: str, node: str) -> Response:
        return self.error(
            f"Unsupported {method.lower()} request. Object with ID '{node}' does not exist, cannot "
            "be loaded due to missing permissions, or does not support this operation. Please read "
            "the Graph API documentation at https://developers.facebook.com/docs/graph-api",
            100,
            subcode=33,
            kind="GraphMethodException",
        )

    def fault(self, fault: Fault) -> Response:
        if fault.kind == fk.RATE_LIMIT:
            return self._throttled(fault)
        if fault.kind == fk.EXPIRED_TOKEN:
            now = self.clock.now()
            then = now - timedelta(hours=2)
            message = (
                f"Error validating access token: Session has expired on "
                f"{then:%A, %d-%b-%y %H:%M:%S} UTC. The current time is "
                f"{now:%A, %d-%b-%y %H:%M:%S} UTC."
            )
            return self.error(message, 190, subcode=463)
        if fault.status == 502:
            return Response.html("<html><body><h1>502 Bad Gateway</h1></body></html>", 502)
        if fault.status == 503:
            return self.error("(#2) Service temporarily unavailable", 2, status=503, transient=True)
        return self.error("An unknown error occurred", 1, status=500, transient=True)

    def _throttled(self, fault: Fault) -> Response:
        code = int(fault.number("code", 4))
        message = THROTTLE.get(code, f"(#{code}) Rate limit reached")
        headers = self.usage(100)
        if code == 32:
            headers["x-page-usage"] = headers["x-app-usage"]
        if code >= 80000:
            minutes = max(1, -(-fault.retry_after // 60))
            block: dict[str, object] = {
                "type": "pages" if code == 80001 else "instagram",
                "call_count": 100,
                "total_cputime": 30,
                "total_time": 40,
                "estimated_time_to_regain_access": minutes,
            }
            headers["x-business-use-case-usage"] = json.dumps({self.business_id: [block]})
        status = int(fault.number("status", 400))
        return self.error(message, code, status=status, transient=True, headers=headers)
