"""The simulator's own HTTP endpoints under ``/_sim/`` (no auth, never faulted).

- ``GET /_sim/`` — URL, token, and per channel its API base and parameters;
- ``POST /_sim/faults`` — inject a fault (a JSON object or a list of them:
  ``{"kind", "channel"?, "method"?, "times"?, ...details}``);
  ``GET /_sim/faults`` lists the pending ones; ``DELETE /_sim/faults`` clears;
- ``GET /_sim/accepted`` — every accepted reply;
- ``GET /_sim/oauth`` — sign-in switches and counts; ``POST /_sim/oauth`` —
  ``{"deny"?, "token_fault"?, "slow_seconds"?, "providers"?, "access_seconds"?,
  "refresh_seconds"?, "revoke"?}`` (see ``oauth.OAuthBook``);
- ``POST /_sim/inbound`` — ``{"channel", "count"?}``: new citizens' messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.model import Channel
from desktop.simulator.faults import Fault
from desktop.simulator.wire import Request, Response

if TYPE_CHECKING:
    from desktop.simulator.server import Simulator

PREFIX = "/_sim"


def _bad(message: str) -> Response:
    return Response.json({"error": message}, 400)


def control(sim: Simulator, req: Request) -> Response:
    route = (req.method, req.path.rstrip("/"))
    if route in (("GET", ""), ("GET", "/info")):
        return Response.json(sim.describe())
    if route == ("GET", "/faults"):
        return Response.json({"faults": [f.to_json() for f in sim.pending_faults()]})
    if route == ("DELETE", "/faults"):
        sim.clear_faults()
        return Response.json({"faults": []})
    if route == ("POST", "/faults"):
        body = req.json()
        try:
            wanted = [
                Fault.from_json(item) for item in (body if isinstance(body, list) else [body])
            ]
        except (ValueError, TypeError) as exc:
            return _bad(str(exc))
        for fault in wanted:
            sim.inject(fault)
        return Response.json({"faults": [f.to_json() for f in sim.pending_faults()]}, 201)
    if route == ("GET", "/oauth"):
        return Response.json(sim.oauth.describe())
    if route == ("POST", "/oauth"):
        problem = sim.oauth.settings(req.json())
        return _bad(problem) if problem else Response.json(sim.oauth.describe())
    if route == ("GET", "/accepted"):
        replies = [
            {**reply._asdict(), "channel": reply.channel.value, "time": reply.time.isoformat()}
            for reply in sim.accepted_replies()
        ]
        return Response.json({"replies": replies})
    if route == ("POST", "/inbound"):
        body = req.json()
        if not isinstance(body, dict):
            return _bad('send {"channel": NAME, "count": N}')
        count = body.get("count", 1)
        try:
            channel = Channel(str(body.get("channel")))
            if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= 10_000:
                raise ValueError("count must be a whole number from 1 to 10000")
            added = sim.add_inbound(channel, count)
        except ValueError as exc:
            return _bad(str(exc))
        return Response.json({"added": added}, 201)
    return Response.json({"error": f"no simulator endpoint {req.method} {PREFIX}{req.path}"}, 404)
