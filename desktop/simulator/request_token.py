"""The access token a platform API request carries, as the simulator reads it.

Where a request carries it (``Authorization: Bearer``, the ``Access-Token``
header, an ``access_token`` parameter or form field), and the request as if it
carried the platform's static token instead (a token the sign-in issued is
accepted by every API).
"""

from __future__ import annotations

from dataclasses import replace

from desktop.simulator.wire import Request


def swap_token(req: Request, token: str, static: str) -> Request:
    """The request as if it carried the simulator's static token instead of ``token``."""
    headers = {
        k: v.replace(token, static) if k in ("authorization", "access-token") else v
        for k, v in req.headers.items()
    }
    query = {k: static if v == token else v for k, v in req.query.items()}
    pairs = tuple((k, static if v == token else v) for k, v in req.query_pairs)
    body = req.body.replace(token.encode(), static.encode()) if req.body else req.body
    return replace(req, headers=headers, query=query, query_pairs=pairs, body=body)


def token_of(req: Request) -> str | None:
    return (
        req.bearer()
        or req.header("access-token")
        or req.query.get("access_token")
        or req.form().get("access_token")
    )
