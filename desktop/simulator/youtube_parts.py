"""YouTube's resources and errors: Google's error envelope, comments, faults."""

from __future__ import annotations

import base64
import hashlib

from desktop.simulator import faults as fk
from desktop.simulator.faults import Fault
from desktop.simulator.state import Msg
from desktop.simulator.wire import Response, google_time, youtube_html

_AVATAR = "https://yt3.ggpht.com/ytc/AIdro_default=s48-c-k-c0x00ffffff-no-rj"


def google_error(
    status: int,
    message: str,
    reason: str,
    domain: str = "youtube.parameter",
    *,
    location: str | None = None,
    state: str | None = None,
    location_type: str = "parameter",
) -> Response:
    item: dict[str, object] = {"message": message, "domain": domain, "reason": reason}
    if location:
        item.update(location=location, locationType=location_type)
    error: dict[str, object] = {"code": status, "message": message, "errors": [item]}
    if state:
        error["status"] = state
    return Response.json({"error": error}, status)


def etag(*parts: object) -> str:
    raw = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return base64.urlsafe_b64encode(raw).decode("ascii")[:27]


def msg_id(msg: Msg) -> str:
    return msg.id


class InvalidError(ValueError):
    def __init__(self, answer: Response) -> None:
        super().__init__("invalid request")
        self.answer = answer


def invalid_credentials() -> Response:
    message = "Request had invalid authentication credentials. Expected OAuth 2 access token."
    answer = google_error(
        401,
        message,
        "authError",
        "global",
        location="Authorization",
        location_type="header",
        state="UNAUTHENTICATED",
    )
    answer.headers["WWW-Authenticate"] = 'Bearer realm="https://accounts.google.com/"'
    return answer


def fault_answer(fault: Fault) -> Response:
    if fault.kind == fk.EXPIRED_TOKEN:
        return invalid_credentials()
    if fault.kind == fk.RATE_LIMIT:
        reason = fault.text("reason") or "quotaExceeded"
        if reason == "quotaExceeded":
            message = (
                'The request cannot be completed because you have exceeded your <a href="/'
                'youtube/v3/getting-started#quota">quota</a>.'
            )
            status = int(fault.number("status", 403))
            return google_error(status, message, reason, "youtube.quota")
        status = int(fault.number("status", 403))
        return google_error(status, "Rate limit exceeded.", reason, "usageLimits")
    if fault.status == 502:
        page = "<html><title>Error 502 (Server Error)!!1</title><p>That's an error.</p></html>"
        return Response.html(page, 502)
    if fault.status == 503:
        message = "The service is currently unavailable."
        return google_error(503, message, "backendError", "global", state="UNAVAILABLE")
    return google_error(500, "Backend Error", "backendError", "global", state="INTERNAL")


def comment(msg: Msg, channel_id: str, plain: bool) -> dict[str, object]:
    name = msg.author_name if msg.author_name.startswith("@") else f"@{msg.author_name}"
    when = google_time(msg.time, millis=not msg.via_api)
    snippet: dict[str, object] = {
        "channelId": channel_id,
        "videoId": msg.container,
        "textDisplay": msg.text if plain else youtube_html(msg.text),
        "textOriginal": msg.text,
    }
    if msg.thread != msg.id:
        snippet["parentId"] = msg.thread
    snippet.update(
        {
            "authorDisplayName": name,
            "authorProfileImageUrl": _AVATAR,
            "authorChannelUrl": f"http://www.youtube.com/channel/{msg.author_id}",
            "authorChannelId": {"value": msg.author_id},
            "canRate": True,
            "viewerRating": "none",
            "likeCount": 0,
            "publishedAt": when,
            "updatedAt": when,
        }
    )
    return {
        "kind": "youtube#comment",
        "etag": etag(msg.id, msg.text),
        "id": msg.id,
        "snippet": snippet,
    }
